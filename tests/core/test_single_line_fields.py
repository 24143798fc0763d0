"""Titles, names and cities are one line: the admin refuses a pasted line break with a message."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    FocalPointFactory,
    MeetingFactory,
    NewsItemFactory,
    OrganisationFactory,
    OutcomeStatementFactory,
    PageFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

SINGLE_LINE_FIELDS = [
    (DocumentFactory, ["title_ru", "title_en"]),
    (MeetingFactory, ["title_ru", "title_en", "city_ru", "city_en", "chair_ru", "chair_en"]),
    (OutcomeStatementFactory, ["title_ru", "title_en"]),
    (PageFactory, ["title_ru", "title_en"]),
    (NewsItemFactory, ["title_ru", "title_en"]),
    (StateFactory, ["name_ru", "name_en", "official_name_ru", "official_name_en"]),
    (FocalPointFactory, ["name", "position", "institution", "phone"]),
    (OrganisationFactory, ["name_ru", "name_en", "acronym_ru", "acronym_en"]),
    (DelegateFactory, ["position"]),
]
CASES = [(factory, field) for factory, fields in SINGLE_LINE_FIELDS for field in fields]


def field_names(model) -> set[str]:
    return {field.name for field in model._meta.get_fields()}


@pytest.mark.parametrize(("factory", "field"), CASES, ids=[f"{f._meta.model.__name__}.{n}" for f, n in CASES])
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r", "\u2028"], ids=["LF", "CRLF", "CR", "LS"])
def test_a_line_break_in_a_single_line_field_is_refused(factory, field, line_break):
    obj = factory()
    if field not in field_names(type(obj)):
        pytest.skip(f"{type(obj).__name__} has no {field}")
    setattr(obj, field, f"First line{line_break}Second line")

    with pytest.raises(ValidationError) as raised:
        obj.full_clean()

    with translation.override("en"):
        assert raised.value.message_dict[field] == ["Enter the text on one line, without line breaks."]


def test_the_same_text_on_one_line_is_accepted():
    meeting = MeetingFactory(title_en="First line Second line")

    meeting.full_clean()


def test_the_admin_form_says_which_field_has_a_line_break(editor_client):
    meeting = MeetingFactory()
    with translation.override("en"):
        url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}

    response = editor_client.post(url, {**data, "title_en": "Third Senior Officials\r\nMeeting"})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["title_en"] == ["Enter the text on one line, without line breaks."]
