"""The plan as CSV (for Excel) and JSON, with the page's filters."""

import csv
import datetime
import io
import json

import pytest

from tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MeetingFactory,
    OrganisationFactory,
    OutcomeStatementFactory,
    PriorityFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    priority = PriorityFactory(plan=ActionPlanFactory(title_en="Plan", title_ru="План"), title_en="Protection")
    activity = ActivityFactory(
        priority=priority,
        title_en="=Referral training",
        title_ru="Обучение",
        status="completed",
        start_date=datetime.date(2017, 3, 1),
        end_date=None,
    )
    activity.lead_states.add(StateFactory(iso_alpha3="KGZ", slug="kyrgyzstan"))
    activity.partner_states.add(StateFactory(iso_alpha3="TJK"))
    activity.lead_organisations.add(OrganisationFactory(acronym_en="UNHCR", acronym_ru="УВКБ ООН"))
    meeting = MeetingFactory(slug="third-som")
    activity.paragraphs.add(StatementParagraphFactory(statement=OutcomeStatementFactory(meeting=meeting), number=12))
    ActivityFactory(priority=priority, title_en="Other", status="planned")
    return activity


def test_the_csv_opens_in_excel_with_one_row_per_activity(client, activity):
    response = client.get("/en/action-plan/export.csv?status=completed")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="action-plan.csv"'
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff"))))
    assert [
        (row["title_en"], row["title_ru"], row["priority"], row["status"], row["start"], row["end"]) for row in rows
    ] == [("'=Referral training", "Обучение", "Protection", "completed", "2017-03-01", "")]
    assert (rows[0]["lead_states"], rows[0]["partner_states"], rows[0]["lead_organisations"]) == ("KGZ", "TJK", "UNHCR")
    assert rows[0]["paragraphs"] == "http://testserver/en/meetings/third-som/#p12"


@pytest.mark.parametrize(("language", "priority"), [("ru", "Приоритет"), ("en", "Protection")])
def test_the_json_export_lists_the_filtered_activities(client, activity, language, priority):
    response = client.get(f"/{language}/action-plan/export.json?state=kyrgyzstan")

    assert response.status_code == 200
    items = json.loads(response.content)
    assert [(item["id"], item["title_en"], item["lead_states"]) for item in items] == [
        (activity.pk, "=Referral training", ["KGZ"])
    ]
    assert items[0]["priority"].startswith(priority)
    assert items[0]["permalink"] == f"http://testserver/{language}/action-plan/{activity.pk}/"


def test_exports_are_rate_limited(client, activity, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "export": "2/m"}

    statuses = [client.get("/en/action-plan/export.json").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


@pytest.mark.parametrize("size", [2, 10])
def test_exports_run_a_bounded_number_of_queries(client, django_assert_max_num_queries, size):
    priority = PriorityFactory()
    for _ in range(size):
        activity = ActivityFactory(priority=priority)
        activity.lead_states.add(StateFactory())

    with django_assert_max_num_queries(8):
        items = json.loads(client.get("/en/action-plan/export.json").content)

    assert len(items) == size
