"""Publishing a meeting in one step: its chosen draft documents are published with it, and the admin says what
stays hidden behind a draft (a meeting's published documents, a draft plan's published activities)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from lxml import html

from documents.models import Document
from meetings.models import Meeting
from tests.admin_forms import meeting_form
from tests.factories import ActionPlanFactory, ActivityFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED = "draft", "published"


@pytest.fixture(autouse=True)
def _english_admin():
    with translation.override("en"):
        yield


def change_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def page(response):
    return html.fromstring(response.content.decode())


def offered_documents(response) -> list[str]:
    return [
        label.text_content().strip()
        for label in page(response).xpath("//div[contains(@class, 'field-publish_document')]//label[input]")
    ]


def warnings(response) -> list[str]:
    return [item.text_content().strip() for item in page(response).xpath("//li[contains(@class, 'warning')]")]


def test_a_draft_meeting_offers_its_draft_documents_to_publish_with_it(editor_client):
    meeting = MeetingFactory(publication_status=DRAFT)
    DocumentFactory(meeting=meeting, title_en="Agenda", publication_status=DRAFT)
    DocumentFactory(meeting=meeting, title_en="Report", publication_status=DRAFT)
    DocumentFactory(meeting=MeetingFactory(), title_en="Another meeting's draft", publication_status=DRAFT)

    response = editor_client.get(change_url(meeting))

    assert sorted(offered_documents(response)) == ["Agenda", "Report"]


def test_publishing_the_meeting_publishes_the_ticked_documents_and_only_those(editor_client):
    meeting = MeetingFactory(publication_status=DRAFT)
    agenda = DocumentFactory(meeting=meeting, title_en="Agenda", publication_status=DRAFT)
    report = DocumentFactory(meeting=meeting, title_en="Report", publication_status=DRAFT)

    response = editor_client.post(
        change_url(meeting),
        meeting_form(meeting, publication_status=PUBLISHED, publish_document=[agenda.pk]),
        follow=True,
    )

    assert response.status_code == 200
    assert Meeting.objects.get(pk=meeting.pk).publication_status == PUBLISHED
    assert list(Document.objects.public().filter(meeting=meeting)) == [agenda]
    assert Document.objects.get(pk=report.pk).publication_status == DRAFT
    success = [item.text_content().strip() for item in page(response).xpath("//li[contains(@class, 'success')]")]
    assert "1 item published with it: «Agenda»." in success
    # The public now reads the ticked document, and not the other one.
    anonymous = Client()
    with translation.override("en"):
        assert anonymous.get(agenda.get_absolute_url()).status_code == 200
        assert anonymous.get(report.get_absolute_url()).status_code == 404


def test_documents_cannot_be_published_with_a_meeting_that_stays_a_draft(editor_client):
    meeting = MeetingFactory(publication_status=DRAFT)
    agenda = DocumentFactory(meeting=meeting, title_en="Agenda", publication_status=DRAFT)

    response = editor_client.post(change_url(meeting), meeting_form(meeting, publish_document=[agenda.pk]))

    assert response.status_code == 200
    errors = page(response).xpath(
        "//div[contains(@class, 'field-publish_document')]//ul[contains(@class, 'errorlist')]/li"
    )
    assert [error.text_content() for error in errors] == [
        "Set the publication status to “published” to publish these with it, or untick them."
    ]
    assert Document.objects.get(pk=agenda.pk).publication_status == DRAFT


def test_another_meetings_document_cannot_be_slipped_in(editor_client):
    meeting = MeetingFactory(publication_status=DRAFT)
    DocumentFactory(meeting=meeting, publication_status=DRAFT)
    foreign = DocumentFactory(meeting=MeetingFactory(), publication_status=DRAFT)

    response = editor_client.post(
        change_url(meeting), meeting_form(meeting, publication_status=PUBLISHED, publish_document=[foreign.pk])
    )

    assert response.status_code == 200
    assert Document.objects.get(pk=foreign.pk).publication_status == DRAFT
    assert Meeting.objects.get(pk=meeting.pk).publication_status == DRAFT


def test_a_published_meeting_without_draft_documents_offers_nothing(editor_client):
    meeting = MeetingFactory()
    DocumentFactory(meeting=meeting)

    response = editor_client.get(change_url(meeting))

    assert offered_documents(response) == []
    assert not page(response).xpath("//*[@name='publish_document']")
    assert warnings(response) == []


def test_a_draft_meeting_warns_about_its_published_documents_that_nobody_can_see(editor_client):
    meeting = MeetingFactory(publication_status=DRAFT)
    report = DocumentFactory(meeting=meeting, title_en="Report")

    response = editor_client.get(change_url(meeting))

    assert warnings(response) == [
        "Published, but hidden from the public while this item is not public — documents (1): Report."
    ]
    link = page(response).xpath("//li[contains(@class, 'hidden-children-warning')]/a")[0]
    assert link.get("href") == reverse("admin:documents_document_change", args=[report.pk])


def test_turning_a_meeting_back_into_a_draft_warns_after_saving(editor_client):
    meeting = MeetingFactory()
    DocumentFactory(meeting=meeting, title_en="Report")

    response = editor_client.post(change_url(meeting), meeting_form(meeting, publication_status=DRAFT), follow=True)

    assert "Published, but hidden from the public while this item is not public — documents (1): Report." in warnings(
        response
    )


def test_a_draft_plan_warns_about_its_published_activities(editor_client):
    plan = ActionPlanFactory(publication_status=DRAFT)
    ActivityFactory(priority__plan=plan, title_en="Training of border officials")
    ActivityFactory(priority__plan=plan, title_en="A draft activity", publication_status=DRAFT)

    response = editor_client.get(reverse("admin:actionplan_actionplan_change", args=[plan.pk]))

    assert warnings(response) == [
        "Published, but hidden from the public while this item is not public — activities (1): "
        "Training of border officials."
    ]
    assert [
        label.text_content().strip()
        for label in page(response).xpath("//div[contains(@class, 'field-publish_activity')]//label[input]")
    ] == ["A draft activity"]


def test_the_documents_to_publish_have_a_section_of_their_own_in_russian_too(editor_client):
    meeting = MeetingFactory(publication_status=DRAFT)
    DocumentFactory(meeting=meeting, title_ru="Повестка дня", publication_status=DRAFT)

    with translation.override("ru"):
        response = editor_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    section = page(response).xpath("//fieldset[.//div[contains(@class, 'field-publish_document')]]")[0]
    assert section.xpath(".//h2")[0].text_content().strip() == "Опубликовать вместе с этой записью"
    assert [label.text_content().strip() for label in section.xpath(".//label[input]")] == ["Повестка дня"]
