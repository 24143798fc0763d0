"""Factories for every model: each builds a valid, published object in both languages."""

import datetime

import factory
from django.core.files.base import ContentFile

from core.models import Publishable
from documents.models import Document, DocumentFile
from glossary.models import Term
from indicators.models import Indicator, IndicatorValue
from meetings.models import Meeting, OutcomeStatement, Participation, StatementParagraph
from pages.models import NewsItem, Page
from participants.models import FocalPoint, Organisation, State

PUBLISHED = Publishable.PublicationStatus.PUBLISHED


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ("iso_alpha2",)

    name_ru = factory.Sequence(lambda n: f"Государство {n}")
    name_en = factory.Sequence(lambda n: f"State {n}")
    slug = factory.Sequence(lambda n: f"state-{n}")
    iso_alpha2 = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    iso_alpha3 = factory.Sequence(lambda n: f"X{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    status = State.Status.MEMBER
    year_joined = 2013


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    state = factory.SubFactory(StateFactory)
    name_ru = "Иван Петров"
    name_en = "Ivan Petrov"
    email = "focal.point@example.org"
    is_public = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_ru = factory.Sequence(lambda n: f"Организация {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.INTERNATIONAL
    role = Organisation.Role.PARTNER


class ProcessFactory(OrganisationFactory):
    name_ru = factory.Sequence(lambda n: f"Процесс {n}")
    name_en = factory.Sequence(lambda n: f"Process {n}")
    slug = factory.Sequence(lambda n: f"process-{n}")
    kind = Organisation.Kind.PROCESS


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title_ru = factory.Sequence(lambda n: f"Совещание {n}")
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = Meeting.Kind.SENIOR_OFFICIALS
    process = factory.SubFactory(ProcessFactory)
    start_date = datetime.date(2016, 11, 1)
    end_date = factory.LazyAttribute(lambda meeting: meeting.start_date)
    city_ru = "Алматы"
    city_en = "Almaty"
    status = Meeting.Status.HELD
    publication_status = PUBLISHED


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    state = factory.SubFactory(StateFactory)
    role = Participation.Role.MEMBER
    attendance = Participation.Attendance.ATTENDED


class OutcomeStatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeStatement

    meeting = factory.SubFactory(MeetingFactory)
    title_ru = "Итоговое заявление"
    title_en = "Outcome statement"


class StatementParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementParagraph

    statement = factory.SubFactory(OutcomeStatementFactory)
    number = factory.Sequence(lambda n: n + 1)
    text_ru = factory.Sequence(lambda n: f"Участники отметили пункт {n}.")
    text_en = factory.Sequence(lambda n: f"Participants noted item {n}.")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title_ru = factory.Sequence(lambda n: f"Документ {n}")
    title_en = factory.Sequence(lambda n: f"Document {n}")
    kind = Document.Kind.REPORT
    date = datetime.date(2016, 11, 2)
    meeting = factory.SubFactory(MeetingFactory)
    publication_status = PUBLISHED


class DocumentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentFile

    document = factory.SubFactory(DocumentFactory)
    language = DocumentFile.Language.RUSSIAN
    file = factory.LazyAttribute(lambda o: ContentFile("Текст документа о беженцах.\n".encode(), name="report.txt"))


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title_ru = "О процессе"
    title_en = "About the process"
    slug = factory.Sequence(lambda n: f"page-{n}")
    body_ru = "Описание процесса."
    body_en = "Description of the process."
    publication_status = PUBLISHED


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    title_ru = factory.Sequence(lambda n: f"Новость {n}")
    title_en = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = datetime.date(2022, 4, 20)
    lead_ru = "Коротко о событии."
    lead_en = "The event in brief."
    body_ru = "Текст новости."
    body_en = "Text of the news item."
    publication_status = PUBLISHED


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    label_ru = factory.Sequence(lambda n: f"термин {n}")
    label_en = factory.Sequence(lambda n: f"term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    definition_ru = "Краткое определение."
    definition_en = "A short definition."
    source_name = "IOM Glossary on Migration (2019)"
    source_url = "https://publications.iom.int/"
    publication_status = PUBLISHED


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.LazyAttribute(lambda user: user.username)
    first_name = "Айгуль"
    last_name = "Сейткали"
    password = factory.django.Password("delegate-pass-1")


class DelegateFactory(factory.django.DjangoModelFactory):
    """A delegate who can sign in with the password "delegate-pass-1"."""

    class Meta:
        model = "accounts.Delegate"

    user = factory.SubFactory(UserFactory)
    state = factory.SubFactory(StateFactory)
    position = "Ministry of Labour"


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actionplan.ActionPlan"

    title_ru = factory.Sequence(lambda n: f"План действий {n}")
    title_en = factory.Sequence(lambda n: f"Action plan {n}")
    start_year = 2017
    end_year = 2019
    publication_status = PUBLISHED


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actionplan.Priority"

    plan = factory.SubFactory(ActionPlanFactory)
    position = factory.Sequence(lambda n: n + 1)
    title_ru = factory.Sequence(lambda n: f"Приоритет {n}")
    title_en = factory.Sequence(lambda n: f"Priority {n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actionplan.Activity"

    priority = factory.SubFactory(PriorityFactory)
    position = factory.Sequence(lambda n: n + 1)
    title_ru = factory.Sequence(lambda n: f"Мероприятие {n}")
    title_en = factory.Sequence(lambda n: f"Activity {n}")
    description_ru = "Описание мероприятия."
    description_en = "Description of the activity."
    status = "in_progress"
    start_date = datetime.date(2017, 3, 1)
    end_date = datetime.date(2018, 12, 31)
    publication_status = PUBLISHED


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actionplan.ProgressUpdate"

    activity = factory.SubFactory(ActivityFactory)
    date = datetime.date(2018, 5, 1)
    text_ru = factory.Sequence(lambda n: f"Проведён семинар {n}.")
    text_en = factory.Sequence(lambda n: f"Workshop {n} held.")
    status = "approved"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("slug",)

    name_ru = factory.Sequence(lambda n: f"Показатель {n}")
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    slug = factory.Sequence(lambda n: f"indicator-{n}")
    definition_ru = "Определение показателя."
    definition_en = "What the indicator measures."
    unit_ru = "человек"
    unit_en = "persons"
    source_name_ru = "УВКБ ООН"
    source_name_en = "UNHCR"
    source_url = "https://www.unhcr.org/refugee-statistics/"
    source_licence = "CC BY 4.0"
    source_code = factory.Sequence(lambda n: f"CODE.{n}")


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    """A published figure (not sample data) of a participating state."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    state = factory.SubFactory(StateFactory)
    year = 2022
    value = 1000
    source = "UNHCR Refugee Data Finder"
    retrieved = datetime.date(2026, 11, 1)


class MonitoringTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "monitoring.Topic"

    name_ru = factory.Sequence(lambda n: f"Тема {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class MonitoringItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "monitoring.MonitoringItem"

    headline = factory.Sequence(lambda n: f"Заголовок статьи {n}")
    outlet = "Kazinform"
    url = factory.Sequence(lambda n: f"https://news.example.org/article-{n}")
    date = datetime.date(2022, 4, 21)
    language = "ru"
    summary_ru = "Краткое изложение статьи."
    summary_en = "A summary of the article."
    publication_status = PUBLISHED


class InformationSheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "monitoring.InformationSheet"

    title_ru = factory.Sequence(lambda n: f"Информационный бюллетень {n}")
    title_en = factory.Sequence(lambda n: f"Information sheet {n}")
    slug = factory.Sequence(lambda n: f"sheet-{n}")
    period_start = datetime.date(2022, 4, 1)
    period_end = datetime.date(2022, 4, 30)
    introduction_ru = "Обзор событий за месяц."
    introduction_en = "A review of the month."
    publication_status = PUBLISHED
