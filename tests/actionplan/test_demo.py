"""The demo's illustrative action plan: built from the Third SOM's commitments and labelled as an example."""

import pytest

from actionplan.models import Activity, ProgressUpdate
from demo.loading import THIRD_SOM_SLUG, load_demo
from tests.actionplan.helpers import by_class, parse, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeds_dir")]


def test_every_demo_activity_comes_from_a_paragraph_of_the_third_som_and_loading_twice_changes_nothing():
    load_demo()
    first = (Activity.objects.count(), ProgressUpdate.objects.count())

    load_demo()

    assert (Activity.objects.count(), ProgressUpdate.objects.count()) == first
    assert first[0] >= 8
    for activity in Activity.objects.all():
        meetings = {paragraph.statement.meeting.slug for paragraph in activity.paragraphs.all()}
        assert meetings == {THIRD_SOM_SLUG}, activity
        assert activity.is_illustrative


@pytest.mark.parametrize(("language", "label"), [("ru", "Учебный пример"), ("en", "Illustrative example")])
def test_the_demo_plan_and_its_activities_say_they_are_illustrative(client, language, label):
    load_demo()
    activity = Activity.objects.filter(updates__isnull=False).first()

    plan_page = parse(client.get(f"/{language}/action-plan/"))
    activity_page = parse(client.get(f"/{language}/action-plan/{activity.pk}/"))

    badges = {text(badge) for badge in by_class(plan_page, "badge-illustrative")}
    assert badges == {label}
    assert len(by_class(plan_page, "badge-illustrative")) == Activity.objects.count() + 1
    assert [text(badge) for badge in by_class(activity_page, "badge-illustrative")] == [label]


def test_the_third_som_page_shows_the_activities_under_their_paragraphs(client):
    load_demo()

    tree = parse(client.get(f"/en/meetings/{THIRD_SOM_SLUG}/"))

    with_activities = [
        item.get("id") for item in tree.xpath("//ol[@class='paragraphs']/li") if by_class(item, "paragraph-activities")
    ]
    assert with_activities == ["p7", "p8", "p9", "p10", "p11", "p12", "p13", "p14", "p15"]
