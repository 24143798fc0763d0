"""A published document of a draft meeting: the public gets a 404, and the secretariat is told why."""

import datetime

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from documents.models import Audience
from meetings.models import Meeting
from tests.factories import DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

DRAFT = Meeting.PublicationStatus.DRAFT


def admin_url(view, *args, language="en"):
    with translation.override(language):
        return reverse(f"admin:documents_document_{view}", args=args)


def texts(response, xpath):
    page = lxml.html.fromstring(response.text)
    return [" ".join(node.text_content().split()) for node in page.xpath(xpath)]


def banner(response):
    return texts(response, '//div[@class="draft-banner"]//li')


def document_form(document, **changes):
    data = {
        "title_ru": document.title_ru,
        "title_en": document.title_en,
        "kind": document.kind,
        "date": document.date.isoformat(),
        "meeting": document.meeting_id or "",
        "audience": document.audience,
        "publication_status": document.publication_status,
        "files-TOTAL_FORMS": "0",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
    }
    return {**data, **changes}


def test_saving_a_published_document_of_a_draft_meeting_warns_and_links_the_meeting(editor_client):
    meeting = MeetingFactory(title_en="Draft SOM", publication_status=DRAFT)
    document = DocumentFactory(meeting=meeting, publication_status=DRAFT)

    response = editor_client.post(
        admin_url("change", document.pk), document_form(document, publication_status="published"), follow=True
    )

    warnings = texts(response, '//ul[@class="messagelist"]/li[contains(@class, "warning")]')
    assert any("the public cannot see it" in warning and "Draft SOM" in warning for warning in warnings)
    links = lxml.html.fromstring(response.text).xpath('//ul[@class="messagelist"]//a/@href')
    assert reverse("admin:meetings_meeting_change", args=[meeting.pk]) in links


def test_the_change_form_warns_while_the_meeting_is_a_draft(editor_client):
    document = DocumentFactory(meeting=MeetingFactory(title_en="Draft SOM", publication_status=DRAFT))

    warnings = texts(
        editor_client.get(admin_url("change", document.pk)), '//li[contains(@class, "publication-warning")]'
    )

    assert len(warnings) == 1 and "Draft SOM" in warnings[0]


def test_no_warning_when_the_meeting_is_published_or_the_document_a_draft(editor_client):
    visible = DocumentFactory()
    draft = DocumentFactory(meeting=MeetingFactory(publication_status=DRAFT), publication_status=DRAFT)

    for document in (visible, draft):
        response = editor_client.get(admin_url("change", document.pk))
        assert texts(response, '//li[contains(@class, "publication-warning")]') == []


def test_the_list_action_publishes_the_meetings_so_the_public_sees_the_document(editor_client):
    document = DocumentFactory(meeting=MeetingFactory(publication_status=DRAFT))
    url = f"/en/documents/{document.pk}/"
    assert Client().get(url).status_code == 404

    editor_client.post(
        admin_url("changelist"), {"action": "publish_parents", "_selected_action": [document.pk]}, follow=True
    )

    assert Meeting.objects.get(pk=document.meeting_id).is_published
    page = Client().get(url)
    assert page.status_code == 200
    assert texts(page, "//h1") == [document.title_en]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_staff_see_why_the_public_cannot_see_the_page(editor_client, language):
    meeting = MeetingFactory(title_en="Draft SOM", title_ru="Черновая встреча", publication_status=DRAFT)
    document = DocumentFactory(meeting=meeting, audience=Audience.DELEGATES)
    url = f"/{language}/documents/{document.pk}/"

    assert Client().get(url).status_code == 404
    reasons = banner(editor_client.get(url))

    expected_title = {"en": "Draft SOM", "ru": "Черновая встреча"}[language]
    assert len(reasons) == 2
    assert expected_title in reasons[0]
    with translation.override(language):
        assert str(Audience.DELEGATES.label) in reasons[1]


def test_a_scheduled_document_names_its_date_in_the_banner(editor_client):
    later = timezone.now() + datetime.timedelta(days=3)
    document = DocumentFactory(publish_at=later)

    reasons = banner(editor_client.get(f"/en/documents/{document.pk}/"))

    assert len(reasons) == 1 and str(timezone.localtime(later).year) in reasons[0] and "scheduled" in reasons[0]


def test_a_page_the_public_sees_has_no_banner_even_for_staff(editor_client):
    document = DocumentFactory()

    assert banner(editor_client.get(f"/en/documents/{document.pk}/")) == []
    assert Client().get(f"/en/documents/{document.pk}/").status_code == 200
