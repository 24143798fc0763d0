import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from core.editors import EDITOR_GROUP_NAME
from documents.indexing import index_document
from documents.models import DocumentFile, ExtractionStatus
from tests.factories import DocumentFactory, DocumentFileFactory
from tests.s3 import s3_server, s3_storage  # noqa: F401  (fixtures of a real S3-compatible server)


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        host, port = database.get("HOST") or "localhost", database.get("PORT") or 5432
        where = f"PostgreSQL test_{database['NAME']} (test_{database['NAME']}_gwN per worker) on {host}:{port}"
    else:
        where = "SQLite in memory; the PostgreSQL-only tests are skipped"
    return f"database: {where}"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Tests read plain static names; the manifest storage needs collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache; each test starts with a full allowance.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _russian_by_default():
    with translation.override("ru"):
        yield


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "editor-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR_GROUP_NAME))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def seeds_dir(settings):
    """The real seed documents; tests that need them skip locally but fail on CI, where shared/ is present."""
    folder = Path(settings.SEEDS_DIR)
    if not (folder / "001_f5bf1f298d79ffb4.txt").is_file():
        message = f"the seed documents are not at {folder} (shared/ is not beside the checkout)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return folder


@pytest.fixture
def document_with_text():
    """A document whose file of the given language has the given extracted text, indexed for search."""

    def make(text="", language=DocumentFile.Language.RUSSIAN, file_audience="public", **document_fields):
        document = DocumentFactory(**document_fields)
        document_file = DocumentFileFactory(document=document, language=language, audience=file_audience)
        DocumentFile.objects.filter(pk=document_file.pk).update(
            extracted_text=text, extraction_status=ExtractionStatus.DONE
        )
        index_document(document)
        return document

    return make
