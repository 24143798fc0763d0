"""The archive on S3-compatible object storage: private bucket, signed short-lived downloads, zip and pruning."""

import io
import urllib.error
import urllib.request
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from documents.models import Audience, Document, DocumentFile, ExtractionStatus
from tests.documents import samples
from tests.documents.test_prune_files import prune
from tests.documents.test_uploads import add_document
from tests.factories import DelegateFactory, DocumentFileFactory, ParticipationFactory
from tests.s3 import BUCKET, free_port, storage_settings

pytestmark = pytest.mark.django_db


def fetch(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def test_an_upload_lands_in_the_private_bucket_and_its_text_is_read(
    editor_client, s3_storage, s3_server, django_capture_on_commit_callbacks
):
    data = samples.docx_bytes("Торговля людьми")
    with django_capture_on_commit_callbacks(execute=True):
        response = add_document(editor_client, samples.upload("report.docx", data))
    assert response.status_code == 302

    stored = DocumentFile.objects.get()
    assert s3_storage.get_object(Bucket=BUCKET, Key=stored.file.name)["Body"].read() == data
    assert stored.extraction_status == ExtractionStatus.DONE
    assert stored.extracted_text == "Торговля людьми"
    # Nobody reads the bucket without a signature.
    assert fetch(f"{s3_server}/{BUCKET}/{stored.file.name}")[0] == 403


def test_a_download_is_a_redirect_to_a_url_signed_for_a_moment(client, s3_storage, s3_server):
    document_file = DocumentFileFactory()
    response = client.get(document_file.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith(f"{s3_server}/{BUCKET}/documents/")
    assert "no-store" in response["Cache-Control"]

    status, body, headers = fetch(response["Location"])
    assert status == 200
    assert body == "Текст документа о беженцах.\n".encode()
    assert headers["Content-Disposition"].startswith('attachment; filename="report.txt"')


def test_a_signed_url_is_valid_for_the_configured_moment_only(client, settings, s3_storage):
    # The store enforces the expiry (moto's server does not, so the test reads what was signed).
    settings.DOCUMENT_SIGNED_URL_SECONDS = 45
    document_file = DocumentFileFactory()
    query = parse_qs(urlsplit(client.get(document_file.get_absolute_url())["Location"]).query)
    assert query["X-Amz-Expires"] == ["45"]
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]


def test_a_restricted_file_is_refused_to_a_stranger_and_signed_for_a_delegate_of_the_right_state(client, s3_storage):
    document_file = DocumentFileFactory(audience=Audience.DELEGATES)
    assert client.get(document_file.get_absolute_url()).status_code == 404

    delegate = DelegateFactory()
    client.force_login(delegate.user)
    response = client.get(document_file.get_absolute_url())
    assert response.status_code == 302
    assert fetch(response["Location"])[1] == "Текст документа о беженцах.\n".encode()


def test_the_meeting_zip_reads_its_files_from_the_bucket(client, s3_storage):
    document_file = DocumentFileFactory()
    ParticipationFactory(meeting=document_file.document.meeting)
    with translation.override("ru"):
        url = reverse("documents:meeting_zip", args=[document_file.document.meeting.slug])
    response = client.get(url)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    payloads = [archive.read(name) for name in archive.namelist() if not name.endswith("manifest.csv")]
    assert payloads == ["Текст документа о беженцах.\n".encode()]


def test_pruning_removes_orphans_from_the_bucket_and_keeps_files_in_use(s3_storage):
    kept = DocumentFileFactory()
    orphan = DocumentFileFactory()
    name = orphan.file.name
    orphan.delete()

    assert prune("--delete") == [name, "1 file(s) deleted."]
    keys = {item["Key"] for item in s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {kept.file.name}


def test_an_unreachable_store_refuses_the_upload_with_a_message_and_writes_nothing(editor_client, settings):
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings(f"http://127.0.0.1:{free_port()}")}
    response = add_document(editor_client, samples.upload("report.docx", samples.docx_bytes("Текст")))

    assert response.status_code == 200
    errors = [str(error) for error in response.context["inline_admin_formsets"][0].formset.non_form_errors()]
    assert errors == [
        "The file store cannot be reached just now, so nothing was saved. "
        "Your entries are kept below: choose the files again and save in a few minutes."
    ]
    assert Document.objects.count() == 0
    assert DocumentFile.objects.count() == 0
