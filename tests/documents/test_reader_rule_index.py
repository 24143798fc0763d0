"""A delegate's documents are counted from one covering index, not by reading the documents' rows."""

import pytest
from django.db import connection

from documents.models import Document
from tests.factories import DelegateFactory, DocumentFactory, StateFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the covering index is PostgreSQL's"),
]


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # With a handful of rows the planner rightly reads the table; forbid that to see what it can use.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_delegates_rule_and_the_facets_columns_are_read_from_the_index_alone():
    state = StateFactory()
    delegate = DelegateFactory(state=state).user
    DocumentFactory().states.add(state)
    visible = Document.objects.visible_to(delegate)

    facet_columns = plan(visible.order_by().values_list("pk", "kind", "date", "meeting_id"))
    a_states_documents = plan(visible.filter(states=state).order_by().values("pk"))

    assert "Index Only Scan using documents_document_reader_rule" in facet_columns, facet_columns
    assert "Index Only Scan using documents_document_reader_rule" in a_states_documents, a_states_documents
    assert visible.filter(states=state).count() == 1
