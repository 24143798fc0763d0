"""The plan by priority, its filters, its picture of progress with the same numbers as its table."""

import datetime

import pytest
from lxml import etree, html

from tests.actionplan.helpers import activity_titles, by_class, text
from tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    OrganisationFactory,
    PriorityFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return html.fromstring(response.content)


@pytest.fixture
def plan():
    action_plan = ActionPlanFactory(title_en="Plan 2017–2019", title_ru="План на 2017–2019 годы")
    first = PriorityFactory(plan=action_plan, position=1, title_en="Protection", title_ru="Защита")
    second = PriorityFactory(plan=action_plan, position=2, title_en="Labour migration", title_ru="Трудовая миграция")
    return {"plan": action_plan, "first": first, "second": second}


@pytest.mark.parametrize(
    ("language", "headings"), [("ru", ["Защита", "Трудовая миграция"]), ("en", ["Protection", "Labour migration"])]
)
def test_the_plan_lists_activities_under_their_priorities_in_order(client, plan, language, headings):
    ActivityFactory(priority=plan["second"], position=1, title_en="Recruitment guide", title_ru="Пособие по найму")
    ActivityFactory(priority=plan["first"], position=2, title_en="Border referral", title_ru="Перенаправление")
    ActivityFactory(priority=plan["first"], position=1, title_en="Training", title_ru="Обучение")

    tree = page(client, f"/{language}/action-plan/")

    assert [text(h) for h in tree.xpath("//section[contains(@class, 'priority')]/h3")] == headings
    expected = {
        "en": ["Training", "Border referral", "Recruitment guide"],
        "ru": ["Обучение", "Перенаправление", "Пособие по найму"],
    }
    assert activity_titles(tree) == expected[language]


def test_draft_activities_and_activities_of_a_draft_plan_are_not_listed(client, plan):
    ActivityFactory(priority=plan["first"], title_en="Shown")
    ActivityFactory(priority=plan["first"], title_en="Draft", publication_status="draft")
    ActivityFactory(priority=PriorityFactory(plan=ActionPlanFactory(publication_status="draft")), title_en="Hidden")

    assert activity_titles(page(client, "/en/action-plan/")) == ["Shown"]


def test_filters_by_state_organisation_status_and_year(client, plan):
    kazakhstan = StateFactory(slug="kazakhstan")
    iom = OrganisationFactory(slug="iom")
    led = ActivityFactory(priority=plan["first"], title_en="Led by Kazakhstan", status="planned")
    led.lead_states.add(kazakhstan)
    joined = ActivityFactory(priority=plan["first"], title_en="Joined by Kazakhstan", status="completed")
    joined.partner_states.add(kazakhstan)
    joined.lead_organisations.add(iom)
    ActivityFactory(
        priority=plan["second"],
        title_en="Later",
        start_date=datetime.date(2020, 1, 1),
        end_date=None,
        status="planned",
    )

    assert activity_titles(page(client, "/en/action-plan/?state=kazakhstan")) == [
        "Led by Kazakhstan",
        "Joined by Kazakhstan",
    ]
    assert activity_titles(page(client, "/en/action-plan/?organisation=iom")) == ["Joined by Kazakhstan"]
    assert activity_titles(page(client, "/en/action-plan/?status=planned")) == ["Led by Kazakhstan", "Later"]
    assert activity_titles(page(client, "/en/action-plan/?year=2018")) == ["Led by Kazakhstan", "Joined by Kazakhstan"]
    # An activity with no end is still going on.
    assert activity_titles(page(client, "/en/action-plan/?year=2025")) == ["Later"]


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("?year=20x6", "Under way in the year"),
        ("?year=1800", "Under way in the year"),
        ("?status=finished", "Status"),
        ("?state=atlantis", "Lead or partner state"),
        ("?organisation=nobody", "Lead or partner organisation"),
    ],
)
@pytest.mark.parametrize("path", ["", "export.csv", "export.json", "progress.svg"])
def test_a_malformed_filter_answers_400_naming_it(client, plan, query, label, path):
    response = client.get(f"/en/action-plan/{path}{query}")

    assert response.status_code == 400
    tree = html.fromstring(response.content)
    assert [text(item.find("strong")) for item in tree.xpath("//ul[@class='error-list']/li")] == [label]


def test_the_picture_and_the_table_give_the_same_numbers(client, plan):
    ActivityFactory.create_batch(2, priority=plan["first"], status="completed")
    ActivityFactory(priority=plan["first"], status="planned")
    ActivityFactory(priority=plan["second"], status="suspended")

    tree = page(client, "/en/action-plan/")

    table = by_class(tree, "progress-table", "table")[0]
    header = [text(th) for th in table.xpath("thead//th")]
    assert header == ["Priority", "Planned", "In progress", "Completed", "Suspended", "Cancelled", "Total"]
    rows = [[cell.text_content().strip() for cell in row] for row in table.xpath("tbody/tr")]
    assert rows == [["Protection", "1", "0", "2", "0", "0", "3"], ["Labour migration", "0", "0", "0", "1", "0", "1"]]
    svg = by_class(tree, "progress-picture", "svg")[0]
    segments = [rect.findtext("title") for rect in svg.iter("rect")]
    assert segments == ["Planned: 1", "Completed: 2", "Suspended: 1"]
    assert svg.get("role") == "img"
    assert svg.findtext("title") == "Activities of the action plan by priority and status"


def test_the_picture_alone_is_an_svg_file_of_the_filtered_plan(client, plan):
    ActivityFactory(priority=plan["first"], status="completed").lead_states.add(StateFactory(slug="kazakhstan"))
    ActivityFactory(priority=plan["second"], status="planned")

    response = client.get("/ru/action-plan/progress.svg?state=kazakhstan")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = etree.fromstring(response.content)
    namespace = "{http://www.w3.org/2000/svg}"
    assert svg.tag == f"{namespace}svg"
    assert [rect.findtext(f"{namespace}title") for rect in svg.iter(f"{namespace}rect")] == ["Завершено: 1"]


def test_an_illustrative_plan_says_so_on_the_page(client, plan):
    ActivityFactory(priority=plan["first"])
    plan["plan"].is_illustrative = True
    plan["plan"].save()

    tree = page(client, "/ru/action-plan/")

    assert [text(note)[:14] for note in by_class(tree, "illustrative-note")] == ["Учебный пример"]
    assert [text(badge) for badge in by_class(by_class(tree, "activity")[0], "badge-illustrative")] == [
        "Учебный пример"
    ]


def test_an_empty_filter_result_says_so(client, plan):
    ActivityFactory(priority=plan["first"], status="planned")

    tree = page(client, "/en/action-plan/?status=cancelled")

    assert [text(p) for p in by_class(tree, "empty")] == ["No activity matches these filters."]


@pytest.mark.parametrize("size", [2, 12])
def test_the_plan_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, plan, size):
    for number in range(size):
        activity = ActivityFactory(priority=plan["first" if number % 2 else "second"])
        activity.lead_states.add(StateFactory())
        activity.partner_organisations.add(OrganisationFactory())

    with django_assert_max_num_queries(12):
        tree = page(client, "/en/action-plan/")

    assert len(activity_titles(tree)) == size


def test_the_sitemap_lists_the_plan_and_its_public_activities(client, plan):
    from tests.core.test_sitemap import sitemap_urls

    shown = ActivityFactory(priority=plan["first"])
    hidden = ActivityFactory(priority=plan["first"], publication_status="draft")

    urls = sitemap_urls(client)

    assert "http://testserver/en/action-plan/" in urls
    assert (
        urls[f"http://testserver/ru/action-plan/{shown.pk}/"]["en"] == f"http://testserver/en/action-plan/{shown.pk}/"
    )
    assert f"http://testserver/ru/action-plan/{hidden.pk}/" not in urls
