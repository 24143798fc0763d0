"""The secretariat's desk (statement import, paragraph moves, the translation dashboard) is for editors only,
and the dashboard names only the kinds of item an editor may see in the admin."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation
from lxml import html

from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    MeetingFactory,
    OutcomeStatementFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def desk_urls(statement, paragraph):
    return [
        reverse("admin_translations"),
        reverse("admin:meetings_outcomestatement_import"),
        reverse("admin:meetings_outcomestatement_move_paragraph", args=[statement.pk, paragraph.pk, "down"]),
    ]


@pytest.mark.parametrize("reader", ["anonymous", "delegate"])
def test_readers_who_are_not_staff_are_sent_to_sign_in_and_change_nothing(client, reader):
    statement = OutcomeStatementFactory()
    first = StatementParagraphFactory(statement=statement, number=1, text_en="Secret draft wording")
    StatementParagraphFactory(statement=statement, number=2)
    MeetingFactory(title_en="", title_ru="Черновик без перевода", publication_status="draft")
    if reader == "delegate":
        client.force_login(DelegateFactory().user)

    for url in desk_urls(statement, first):
        for response in (client.get(url), client.post(url, {"meeting": statement.meeting_id, "text_en": "1. X."})):
            assert response.status_code == 302, url
            assert "/admin/login/" in response.url
            assert "Черновик" not in response.content.decode()
    first.refresh_from_db()
    assert first.number == 1
    assert statement.paragraphs.count() == 2


def test_the_dashboard_names_only_the_kinds_this_editor_may_see(client, django_user_model):
    MeetingFactory(title_en="", title_ru="Встреча без перевода")
    DocumentFactory(title_ru="", title_en="Draft report without Russian", publication_status="draft")
    staff = django_user_model.objects.create_user("meetings-only", password="x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_meeting"))
    client.force_login(staff)

    response = client.get(reverse("admin_translations"))

    page = html.fromstring(response.content.decode())
    assert page.xpath("//table[@class='translation-counts']/tbody/tr/@data-kind") == ["meetings.meeting"]
    assert "Draft report without Russian" not in response.content.decode()
    assert "Встреча без перевода" in response.content.decode()  # the control: what it may see is there
    assert client.get(reverse("admin_translations"), {"kind": "documents.document"}).status_code == 404
