"""With a read replica configured, pages read from it and an editor's own save is read back from the primary."""

import os

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from documents.models import Document
from tests.factories import DocumentFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
    pytest.mark.skipif(
        connections["default"].vendor != "postgresql" and os.environ.get("CI") != "true",
        reason="a second connection to the same test database needs PostgreSQL (SQLite's is in memory)",
    ),
]


@pytest.fixture(autouse=True)
def replica_routing(settings):
    settings.DATABASE_ROUTERS = ["core.db_router.ReplicaRouter"]


def test_a_public_page_reads_from_the_replica(client):
    DocumentFactory(title_ru="Доклад о смешанных миграционных потоках")
    with translation.override("ru"):
        url = reverse("documents:document_list")
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(url)
    assert "Доклад о смешанных миграционных потоках" in response.content.decode()
    assert len(replica) > 0
    assert [query["sql"] for query in primary if query["sql"].startswith("SELECT")] == []


def test_after_a_write_the_same_request_reads_from_the_primary(editor_client):
    document = DocumentFactory()
    with translation.override("en"):
        url = reverse("admin:documents_document_changelist")
    with CaptureQueriesContext(connections["replica"]) as replica:
        editor_client.post(url, {"action": "delete_selected", "_selected_action": [document.pk], "post": "yes"})
    assert not Document.objects.filter(pk=document.pk).exists()
    assert [query["sql"] for query in replica] == []


def test_migrations_run_on_the_primary_only():
    from core.db_router import ReplicaRouter

    assert ReplicaRouter().allow_migrate("default", "documents") is True
    assert ReplicaRouter().allow_migrate("replica", "documents") is False
