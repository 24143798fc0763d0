import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from core.models import Publishable
from demo.loading import CIS_FINAL_SLUG, THIRD_SOM_SLUG, UPCOMING_SLUG, counts, load_demo
from documents.models import Document, DocumentFile
from meetings.models import Meeting, Participation, StatementParagraph
from pages.models import NewsItem, Page
from participants.models import FocalPoint, Organisation, State

SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
needs_seeds = pytest.mark.usefixtures("seeds_dir")
PUBLISHED = Publishable.PublicationStatus.PUBLISHED


@pytest.fixture
def seeds(settings):
    settings.SEEDS_DIR = SEEDS
    return SEEDS


@pytest.fixture
def no_seeds(settings, tmp_path):
    settings.SEEDS_DIR = tmp_path / "no-seeds-here"
    return settings.SEEDS_DIR


def participants(meeting, attendance=Participation.Attendance.ATTENDED):
    return sorted(
        participation.participant.slug for participation in meeting.participations.filter(attendance=attendance)
    )


@needs_seeds
@pytest.mark.django_db
def test_loading_twice_gives_the_same_counts_and_files(seeds):
    first = load_demo()

    second = load_demo()

    assert second == first
    assert first[Meeting] == 19
    assert first[StatementParagraph] == 15
    assert DocumentFile.objects.count() == 10
    assert len({file.file.name for file in DocumentFile.objects.all()}) == 10


@needs_seeds
@pytest.mark.django_db
def test_the_command_prints_a_summary_of_counts(seeds):
    out = StringIO()

    with translation.override("en"):
        call_command("load_demo", stdout=out)

    assert out.getvalue().splitlines()[0] == "Demo content loaded:"
    assert "  meetings: 19" in out.getvalue().splitlines()


@needs_seeds
@pytest.mark.django_db
def test_third_som_has_ten_states_unhcr_iom_and_the_fifteen_paragraphs_of_seed_001(seeds):
    load_demo()

    meeting = Meeting.objects.get(slug=THIRD_SOM_SLUG)
    assert (meeting.kind, meeting.number, meeting.start_date.year) == (Meeting.Kind.SENIOR_OFFICIALS, 3, 2016)
    assert (meeting.city_ru, meeting.city_en, meeting.host_country.iso_alpha2) == ("Алматы", "Almaty", "KZ")
    assert (meeting.chair_ru, meeting.chair_en) == ("Кыргызская Республика", "Kyrgyz Republic")
    assert meeting.process.slug == settings.HOME_PROCESS_SLUG
    assert participants(meeting) == [
        "afghanistan", "azerbaijan", "china", "iom", "iran", "kazakhstan", "kyrgyzstan", "pakistan", "tajikistan",
        "turkey", "turkmenistan", "unhcr",
    ]  # fmt: skip
    assert participants(meeting, Participation.Attendance.DID_NOT_ATTEND) == []
    assert meeting.participations.get(state__slug="kyrgyzstan").role == Participation.Role.CHAIR
    assert meeting.participations.get(state__slug="china").role == Participation.Role.OBSERVER
    assert meeting.participations.get(organisation__slug="unhcr").role == Participation.Role.ORGANISATION
    statement = meeting.outcome_statement
    assert (statement.title_ru, statement.title_en) == (
        "Итоговое заявление Третьей встречи высших должностных лиц",
        "Outcome statement of the Third Senior Officials Meeting",
    )
    paragraphs = list(statement.paragraphs.order_by("number"))
    assert [paragraph.number for paragraph in paragraphs] == list(range(1, 16))
    assert paragraphs[0].text_ru.startswith("Целью Третьей встречи")
    assert paragraphs[14].text_ru.startswith("Участники вновь заявили")


@needs_seeds
@pytest.mark.django_db
def test_the_outcome_statement_document_carries_seed_001_as_its_russian_file(seeds):
    load_demo()

    document = Document.objects.get(kind=Document.Kind.OUTCOME_STATEMENT, meeting__slug=THIRD_SOM_SLUG)
    russian = document.files.get(language="ru")
    with russian.file.open("rb") as handle:
        assert handle.read() == (seeds / "001_f5bf1f298d79ffb4.txt").read_bytes()
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "ru"]


@pytest.mark.django_db
def test_the_demo_loads_without_the_seeds_folder(no_seeds):
    first = load_demo()
    second = load_demo()

    assert second == first
    meeting = Meeting.objects.get(slug=THIRD_SOM_SLUG)
    assert meeting.outcome_statement.title_en == "Outcome statement of the Third Senior Officials Meeting"
    assert StatementParagraph.objects.count() == 0
    assert meeting.participations.count() == 12
    document = Document.objects.get(kind=Document.Kind.OUTCOME_STATEMENT)
    assert document.files.count() == 2


@pytest.mark.django_db
def test_cis_final_meeting_lists_turkmenistan_and_uzbekistan_as_absent(no_seeds):
    load_demo()

    meeting = Meeting.objects.get(slug=CIS_FINAL_SLUG)
    assert meeting.start_date == datetime.date(2005, 10, 10)
    assert (meeting.city_en, meeting.host_country.iso_alpha2) == ("Geneva", "CH")
    assert meeting.process.slug == "cis-conference-process"
    assert participants(meeting, Participation.Attendance.DID_NOT_ATTEND) == ["turkmenistan", "uzbekistan"]
    present_states = meeting.participations.filter(
        attendance=Participation.Attendance.ATTENDED, role=Participation.Role.MEMBER
    )
    assert sorted(present_states.values_list("state__slug", flat=True)) == [
        "armenia", "azerbaijan", "belarus", "georgia", "kazakhstan", "kyrgyzstan", "moldova", "russia", "tajikistan",
        "ukraine",
    ]  # fmt: skip
    co_chairs = meeting.participations.filter(role=Participation.Role.CHAIR)
    assert sorted(co_chairs.values_list("organisation__slug", flat=True)) == ["iom", "unhcr"]
    assert {"council-of-europe", "ilo", "osce", "undp"} <= set(
        meeting.participations.filter(role=Participation.Role.ORGANISATION).values_list("organisation__slug", flat=True)
    )


@pytest.mark.django_db
def test_cis_final_meeting_has_the_eighteen_friends_and_observers_and_the_united_states_as_observers(no_seeds):
    load_demo()

    meeting = Meeting.objects.get(slug=CIS_FINAL_SLUG)
    observers = meeting.participations.filter(
        role=Participation.Role.OBSERVER, attendance=Participation.Attendance.ATTENDED
    )
    assert sorted(observers.values_list("state__iso_alpha2", flat=True)) == [
        "AT", "BG", "CH", "CN", "CZ", "DE", "DK", "EE", "FI", "FR", "IE", "IR", "LT", "LV", "PL", "PT", "RO", "TR",
        "US",
    ]  # fmt: skip
    # Only the three that belong to the Almaty Process keep a status in it; the others are recorded
    # at the meeting without becoming participating states.
    participating = State.objects.participating().filter(participations__in=observers)
    assert sorted(participating.values_list("slug", flat=True)) == ["china", "iran", "turkey"]


@pytest.mark.django_db
def test_budapest_process_is_a_partner_with_icmpd_as_secretariat_and_its_meetings(no_seeds):
    load_demo()

    budapest = Organisation.objects.get(slug="budapest-process")
    assert (budapest.kind, budapest.role) == (Organisation.Kind.PROCESS, Organisation.Role.PARTNER)
    assert budapest.secretariat.slug == "icmpd"
    for name in ("description", "activities_in_central_asia", "best_practices", "contact_details"):
        assert getattr(budapest, f"{name}_ru") and getattr(budapest, f"{name}_en"), name
    meetings = Meeting.objects.filter(process=budapest)
    assert meetings.count() == 16
    assert meetings.filter(kind=Meeting.Kind.WORKING_GROUP).count() == 9
    ministerial = meetings.get(kind=Meeting.Kind.MINISTERIAL)
    assert (ministerial.number, ministerial.start_date, ministerial.city_en) == (
        5,
        datetime.date(2013, 4, 19),
        "Istanbul",
    )
    assert participants(ministerial) == ["kyrgyzstan", "tajikistan"]
    sofia_2012 = meetings.get(start_date=datetime.date(2012, 11, 12))
    assert sofia_2012.title_en == "3rd meeting of the Budapest Process Working Group on the Black Sea Region"
    assert participants(sofia_2012) == ["kyrgyzstan", "tajikistan", "uzbekistan"]
    assert sofia_2012.host_country.status == State.Status.NONE


@pytest.mark.django_db
def test_states_have_iso_codes_and_a_consistent_status(no_seeds):
    load_demo()

    kazakhstan = State.objects.get(slug="kazakhstan")
    assert (kazakhstan.iso_alpha2, kazakhstan.iso_alpha3, kazakhstan.status, kazakhstan.year_joined) == (
        "KZ", "KAZ", State.Status.MEMBER, 2013,
    )  # fmt: skip
    assert (kazakhstan.official_name_ru, kazakhstan.official_name_en) == (
        "Республика Казахстан",
        "Republic of Kazakhstan",
    )
    china = State.objects.get(slug="china")
    assert (china.iso_alpha3, china.status, china.year_joined) == ("CHN", State.Status.OBSERVER, None)
    assert State.objects.filter(status=State.Status.MEMBER).count() == 9
    assert sorted(State.objects.filter(status=State.Status.NONE).values_list("iso_alpha2", flat=True)) == [
        "AM", "AT", "BG", "BY", "CH", "CZ", "DE", "DK", "EE", "FI", "FR", "GE", "HU", "IE", "LT", "LV", "MD", "PL",
        "PT", "RO", "RU", "UA", "US", "UZ",
    ]  # fmt: skip
    assert FocalPoint.objects.filter(is_public=True).count() == 2
    assert FocalPoint.objects.filter(is_public=False).count() == 2


@pytest.mark.django_db
def test_the_home_process_has_unhcr_and_iom_as_its_secretariat(no_seeds):
    load_demo()

    home = Organisation.objects.get(slug=settings.HOME_PROCESS_SLUG)
    assert (home.kind, home.name_ru, home.name_en) == (
        Organisation.Kind.PROCESS,
        "Алматинский процесс",
        "Almaty Process",
    )
    secretariat = Organisation.objects.filter(role=Organisation.Role.SECRETARIAT)
    assert sorted(secretariat.values_list("slug", "kind")) == [
        ("iom", Organisation.Kind.INTERNATIONAL),
        ("unhcr", Organisation.Kind.UN_AGENCY),
    ]


@pytest.mark.django_db
def test_every_published_meeting_has_a_title_in_both_languages(no_seeds):
    load_demo()

    published = Meeting.objects.published()
    assert published.count() == 19
    assert all(meeting.title_ru and meeting.title_en and meeting.city_ru and meeting.city_en for meeting in published)


@pytest.mark.django_db
def test_one_upcoming_meeting_is_planned_in_2027(no_seeds):
    load_demo()

    upcoming = Meeting.objects.upcoming(datetime.date(2026, 1, 1))
    assert list(upcoming.values_list("slug", "status")) == [(UPCOMING_SLUG, Meeting.Status.PLANNED)]
    assert upcoming.get().start_date.year == 2027


@pytest.mark.django_db
def test_only_one_clearly_labelled_draft_is_loaded(no_seeds):
    load_demo()

    drafts = Document.objects.exclude(publication_status=PUBLISHED)
    assert list(drafts.values_list("title_en", flat=True)) == ["Agenda of the 2027 Senior Officials Meeting (draft)"]
    assert not Meeting.objects.exclude(publication_status=PUBLISHED).exists()
    assert not Page.objects.exclude(publication_status=PUBLISHED).exists()
    assert not NewsItem.objects.exclude(publication_status=PUBLISHED).exists()


@pytest.mark.django_db
def test_pages_and_news_are_bilingual(no_seeds):
    load_demo()

    assert sorted(Page.objects.values_list("slug", flat=True)) == ["about", "secretariat"]
    for item in [*Page.objects.all(), *NewsItem.objects.all()]:
        assert item.title_ru and item.title_en and item.body_ru and item.body_en
    news = NewsItem.objects.get()
    assert news.date == datetime.date(2022, 4, 20)
    assert "KazISS" in news.title_en and "КазИСИ" in news.title_ru


@pytest.mark.django_db
def test_every_loaded_object_passes_validation(no_seeds):
    load_demo()

    for model in (State, FocalPoint, Organisation, Meeting, Participation, Document, DocumentFile, Page, NewsItem):
        for obj in model.objects.all():
            obj.full_clean()
    assert counts()[State] == 34


@pytest.mark.django_db
def test_every_demo_document_has_a_symbol_that_resolves_to_it(no_seeds, client):
    load_demo()

    symbols = dict(Document.objects.values_list("symbol", "kind"))
    assert symbols["AP/SOM.3/2016/2"] == Document.Kind.OUTCOME_STATEMENT
    assert "" not in symbols
    statement = Document.objects.get(symbol="AP/SOM.3/2016/2")
    response = client.get("/en/symbol/AP/SOM.3/2016/2")
    assert response["Location"] == f"/en/documents/{statement.pk}/"
