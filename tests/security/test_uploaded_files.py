"""Uploaded files are only ever sent as attachments, and the media folder is not served."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import Resolver404, resolve

from documents.models import DocumentFile
from tests.factories import DocumentFileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("content_type", "name"),
    [("text/html", "page.html"), ("image/svg+xml", "map.svg"), ("application/javascript", "x.js")],
)
def test_a_stored_file_is_always_sent_as_an_attachment_that_is_not_sniffed(client, content_type, name):
    document_file = DocumentFileFactory(file=ContentFile(b"<script>alert(1)</script>", name=name))
    DocumentFile.objects.filter(pk=document_file.pk).update(content_type=content_type, original_name=name)

    response = client.get(document_file.get_absolute_url())

    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_media_folder_has_no_address(client):
    document_file = DocumentFileFactory()
    path = f"{settings.MEDIA_URL}{document_file.file.name}"

    with pytest.raises(Resolver404):
        resolve(path)
    assert client.get(path).status_code == 404


def test_the_media_folder_is_not_a_static_files_folder():
    media = settings.MEDIA_ROOT.resolve()
    static_dirs = [settings.STATIC_ROOT, *settings.STATICFILES_DIRS]

    assert all(media != folder.resolve() and folder.resolve() not in media.parents for folder in static_dirs)
    assert settings.MEDIA_URL != settings.STATIC_URL


def test_whitenoise_does_not_serve_media_in_production(settings):
    settings.DEBUG = False
    document_file = DocumentFileFactory()

    response = Client().get(f"/media/{document_file.file.name}")

    assert response.status_code == 404
