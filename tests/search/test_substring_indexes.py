"""The site search over outcome-statement paragraphs and meetings is answered from trigram indexes, not by reading
every row."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from meetings.models import Meeting, StatementParagraph
from pages.search import SECTIONS_BY_KIND, search_condition
from search.indexes import index_name
from tests.factories import MeetingFactory, StatementParagraphFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's"),
]


def plan_of_search(model, kind: str, query: str) -> str:
    """The plan of a section's condition, the planner kept off reading the whole table."""
    condition = search_condition(query, SECTIONS_BY_KIND[kind].fields)
    sql, params = model.objects.filter(condition).values_list("pk").order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        # With a handful of rows the planner rightly reads the table; forbid that to see what it can use.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_paragraph_search_can_use_the_trigram_index_of_each_language():
    StatementParagraphFactory(text_ru="Защита беженцев.", text_en="Refugee protection.")
    section = SECTIONS_BY_KIND["paragraphs"]

    plan = plan_of_search(StatementParagraph, "paragraphs", "беженцы")

    assert index_name("meetings_statementparagraph", "text_ru") in plan, plan
    assert index_name("meetings_statementparagraph", "text_en") in plan
    matches = section.matches("беженцы", AnonymousUser())
    assert [paragraph.text_ru for paragraph in matches] == ["Защита беженцев."]


def test_the_meeting_search_can_use_a_trigram_index_for_every_field_it_reads():
    MeetingFactory(title_ru="Совещание по смешанной миграции", title_en="Meeting on mixed migration", city_en="Almaty")
    section = SECTIONS_BY_KIND["meetings"]

    plan = plan_of_search(Meeting, "meetings", "миграция")

    for column in section.fields:
        assert index_name("meetings_meeting", column) in plan, (column, plan)
    found = section.matches("миграция", AnonymousUser())
    assert [meeting.title_en for meeting in found] == ["Meeting on mixed migration"]
