"""The demo's Russian follows TERMINOLOGY.md: the process's own words, and Russian typography."""

import re

import pytest

from actionplan.models import ActionPlan, Activity, Priority, ProgressUpdate
from demo.loading import load_demo
from documents.models import Document
from glossary.models import Term
from meetings.models import Meeting
from pages.models import NewsItem, Page
from participants.models import FocalPoint, Organisation, State

pytestmark = pytest.mark.django_db

# The Budapest Process's own titles keep its wording («совещание старших должностных лиц», seed 002).
PARTNER = "budapest-process"


def russian_texts():
    """Every Russian text of the demo, except the partner process's own wording, with where it is from."""
    objects = [
        *State.objects.all(),
        *FocalPoint.objects.all(),
        *Organisation.objects.exclude(slug=PARTNER),
        *Meeting.objects.exclude(process__slug=PARTNER),
        *Document.objects.exclude(organisations__slug=PARTNER),
        *Page.objects.all(),
        *NewsItem.objects.all(),
        *ActionPlan.objects.all(),
        *Priority.objects.all(),
        *Activity.objects.all(),
        *ProgressUpdate.objects.all(),
        *Term.objects.all(),
    ]
    for obj in objects:
        for field in obj._meta.concrete_fields:
            # A glossary term's synonyms record how people search, discouraged forms included.
            if field.name == "synonyms_ru":
                continue
            if field.name.endswith("_ru") and isinstance(value := getattr(obj, field.name), str) and value:
                yield f"{type(obj).__name__} {obj.pk} {field.name}", value


@pytest.fixture
def texts(no_seeds_dir):
    load_demo()
    return dict(russian_texts())


@pytest.fixture
def no_seeds_dir(settings, tmp_path):
    settings.SEEDS_DIR = tmp_path
    return tmp_path


# What TERMINOLOGY.md rules out, and why.
WRONG = {
    r"[Сс]овещани": "the process's meetings are «встречи»",
    r"старш\w+ должностн": "senior officials are «высшие должностные лица»",
    r"\bНКО\b": "an NGO is «НПО»",
    r"совещательн": "a regional «консультативный» process",
    r"стран\w*-участниц": "«государства-участники»",
    r"[Аа]гентство ООН": "a UN agency is an «учреждение ООН»",
    r"Процесс\w* Конференции СНГ": "«процесс Конференции по СНГ»",
    r"трудовы\w+ мигрант": "migrant workers are «трудящиеся-мигранты»",
    '"': "quotation marks are « » and „ “",
    r"\d гг?\.": "a non-breaking space goes before «г.»",
    r"\d-\d": "ranges take an en dash",
}


def test_the_demo_uses_the_terms_of_the_process_and_russian_typography(texts):
    found = {why: where for pattern, why in WRONG.items() for where, text in texts.items() if re.search(pattern, text)}

    assert found == {}


def test_the_texts_the_seeds_do_not_give_say_on_the_page_that_they_are_examples(texts):
    upcoming = Meeting.objects.get(slug="senior-officials-meeting-2027")
    agenda = Document.objects.get(title_en="Agenda of the Third Senior Officials Meeting")

    assert "Пример" in upcoming.summary_ru and "example" in upcoming.summary_en
    assert "пример" in agenda.summary_ru and "example" in agenda.summary_en
    assert all("(пример)" in point.institution_ru for point in FocalPoint.objects.all())
    assert "условно" in Meeting.objects.get(slug="third-senior-officials-meeting-2016").summary_ru
