"""Meeting compilations and participant information forms in the access matrix.

A compilation is built from public content only and is offered, to every reader alike, only while every
part of its meeting is public; a partner's submission is seen nowhere on the site before acceptance.
"""

import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from lxml import html
from pypdf import PdfReader

from documents import compilation
from documents.models import MeetingCompilation
from intake import review
from intake.models import Invitation
from participants.models import Organisation
from tests.documents.samples import pdf_bytes
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory, OrganisationFactory
from tests.security import test_access_matrix as matrix
from tests.security.test_access_matrix import READERS, marker

pytestmark = pytest.mark.django_db

# The matrix's world of restricted items and its readers.
world = matrix.world
reader_client = matrix.reader_client


def compilation_links(client, slug):
    page = html.fromstring(client.get(f"/en/meetings/{slug}/").content)
    return page.xpath("//p[@class='compilation-links']/a/@href")


@pytest.mark.parametrize("reader", READERS)
def test_a_meeting_with_restricted_documents_gets_no_compilation_for_anyone(reader_client, world, reader):
    client = reader_client(reader)

    assert compilation.build_all(world["meeting"].pk) == []
    assert compilation_links(client, "open-meeting") == []
    assert client.get("/en/documents/meeting/open-meeting/compilation-en.pdf").status_code == 404


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("slug", ["open-meeting", "qx-draft-meeting"])
def test_a_compilation_left_from_before_a_restriction_is_never_sent(reader_client, world, reader, slug):
    meeting = world["meeting"] if slug == "open-meeting" else world["draft_meeting"]
    MeetingCompilation.objects.create(
        meeting=meeting,
        language="en",
        file=ContentFile(pdf_bytes(marker("delegates_document")), name="stale.pdf"),
        fingerprint="stale",
        is_current=True,
        built_at=timezone.now(),
    )
    client = reader_client(reader)

    assert client.get(f"/en/documents/meeting/{slug}/compilation-en.pdf").status_code == 404
    if slug == "open-meeting":
        assert compilation_links(client, slug) == []


@pytest.mark.parametrize("reader", READERS)
def test_a_wholly_public_meeting_offers_its_compilation_to_everyone_and_nothing_restricted_is_in_it(
    reader_client, world, reader
):
    meeting = MeetingFactory(title_en="Public meeting", slug="public-meeting")
    document = DocumentFactory(meeting=meeting, title_en="Public report")
    DocumentFileFactory(document=document, language="en", file=ContentFile(pdf_bytes("Public pages"), name="p.pdf"))
    compilation.build_all(meeting.pk)
    client = reader_client(reader)

    links = compilation_links(client, "public-meeting")

    assert links == [
        "/en/documents/meeting/public-meeting/compilation-en.pdf",
        "/en/documents/meeting/public-meeting/compilation-ru.pdf",
    ]
    body = b"".join(client.get(links[0]).streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    assert "Public pages 1" in text
    assert "Qx" not in text


@pytest.mark.parametrize("reader", READERS)
def test_a_submission_is_seen_nowhere_before_acceptance(reader_client, world, reader, client):
    organisation = OrganisationFactory(kind=Organisation.Kind.PROCESS, slug="partner-process")
    invitation = Invitation.objects.create(
        organisation=organisation, email="p@example.org", expires_at=timezone.now() + timedelta(days=3)
    )
    token = review.send_link(invitation)
    secret = marker("submitted_form")
    client.post(f"/en/participant-information/{token}/", {"description_en": secret, "best_practices_en": secret})
    reader_browser = reader_client(reader)

    for url in ["/en/organisations/partner-process/", "/sitemap.xml"]:
        response = reader_browser.get(url)
        assert secret.encode() not in response.content, url
    search = html.fromstring(reader_browser.get(f"/en/search/?q={secret}").content)
    assert search.xpath("//main//a[contains(@href, 'partner-process')]") == []
    assert secret not in " ".join(search.xpath("//main//li//text()"))


def test_the_accepted_submission_is_then_on_the_organisations_page(client, editor):
    organisation = OrganisationFactory(kind=Organisation.Kind.PROCESS, slug="partner-process")
    invitation = Invitation.objects.create(
        organisation=organisation, email="p@example.org", expires_at=timezone.now() + timedelta(days=3)
    )
    secret = marker("submitted_form")
    client.post(f"/en/participant-information/{review.send_link(invitation)}/", {"description_en": secret})

    review.accept(invitation.submission, editor)

    assert secret.encode() in client.get("/en/organisations/partner-process/").content
