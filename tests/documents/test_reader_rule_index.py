"""A delegate's documents can be counted from one covering index, without reading the documents' rows."""

import re

import pytest
from django.db import connection

from documents.models import Document
from tests.factories import DelegateFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the covering index is PostgreSQL's"),
]


def test_the_covering_index_holds_every_column_the_delegates_rule_and_the_facets_read():
    delegate = DelegateFactory().user
    facet_columns = Document.objects.visible_to(delegate).order_by().values_list("pk", "kind", "date", "meeting_id")
    read = set(re.findall(r'"documents_document"\."(\w+)"', str(facet_columns.query)))
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'documents_document_reader_rule'")
        (definition,) = cursor.fetchone()

    covered = set(re.findall(r"\w+", definition.split(" USING btree ", 1)[1]))

    assert {"publication_status", "publish_at", "audience", "meeting_id", "kind", "date", "id"} <= read
    assert read <= covered, read - covered
