"""The site search over outcome-statement paragraphs is answered from trigram indexes, not by reading every row."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from meetings.models import StatementParagraph
from pages.search import SECTIONS_BY_KIND, search_condition
from search.indexes import index_name
from tests.factories import StatementParagraphFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's"),
]


def test_the_paragraph_search_can_use_the_trigram_index_of_each_language():
    StatementParagraphFactory(text_ru="Защита беженцев.", text_en="Refugee protection.")
    section = SECTIONS_BY_KIND["paragraphs"]
    condition = search_condition("беженцы", section.fields)
    sql, params = StatementParagraph.objects.filter(condition).values_list("pk").order_by().query.sql_with_params()

    with connection.cursor() as cursor:
        # With a handful of rows the planner rightly reads the table; forbid that to see what it can use.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert index_name("meetings_statementparagraph", "text_ru") in plan, plan
    assert index_name("meetings_statementparagraph", "text_en") in plan
    matches = section.matches("беженцы", AnonymousUser())
    assert [paragraph.text_ru for paragraph in matches] == ["Защита беженцев."]
