"""Who sees what in the action plan: restricted items × readers × every output of the tracker.

Items: a draft activity, a future-dated activity, an activity of a draft plan, a proposed and a rejected
progress update (on a public activity), a paragraph of a draft meeting and a draft document linked
to the public activity. Readers: anonymous, a delegate of a state not in the activity, a delegate of
its lead state, staff. The RSS feed and the sitemap are the same for everybody (what the public sees).
"""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from actionplan.models import ProgressUpdate
from tests.core.test_sitemap import sitemap_files
from tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    DelegateFactory,
    DocumentFactory,
    MeetingFactory,
    OutcomeStatementFactory,
    PriorityFactory,
    ProgressUpdateFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db

READERS = ["anonymous", "other_delegate", "right_delegate", "staff"]
ACTIVITIES = ["draft_activity", "future_activity", "draft_plan_activity"]
# Nobody sees a proposal or a rejected update on the site: the secretariat reads them in the admin.
SEES = {
    "draft_activity": {"staff"},
    "future_activity": {"staff"},
    "draft_plan_activity": {"staff"},
    "proposed_update": set(),
    "rejected_update": set(),
    "draft_meeting_paragraph": {"staff"},
    "draft_document": {"staff"},
}
# Only the hidden activities are cancelled: a "cancelled" count in the picture would reveal them.
HIDDEN_STATUS = "cancelled"


def marker(name):
    return f"Qx{name.replace('_', '')}"


@pytest.fixture
def world():
    lead = StateFactory(name_en="Rightland", slug="rightland")
    other = StateFactory(name_en="Otherland", slug="otherland")
    plan = ActionPlanFactory()
    priority = PriorityFactory(plan=plan)
    future = timezone.now() + datetime.timedelta(days=30)
    hidden = {
        "draft_activity": ActivityFactory(priority=priority, publication_status="draft"),
        "future_activity": ActivityFactory(priority=priority, publish_at=future),
        "draft_plan_activity": ActivityFactory(
            priority=PriorityFactory(plan=ActionPlanFactory(publication_status="draft"))
        ),
    }
    for name, activity in hidden.items():
        activity.title_en = activity.title_ru = marker(name)
        activity.status = HIDDEN_STATUS
        activity.save()
        activity.lead_states.add(lead)
    public = ActivityFactory(priority=priority, title_en="Open activity", title_ru="Открытое мероприятие")
    public.lead_states.add(lead)
    public.partner_states.add(StateFactory())
    ProgressUpdateFactory(activity=public, text_en="Approved progress", text_ru="Одобренный ход")
    proposer = DelegateFactory(state=lead).user
    for name, status in (("proposed_update", "proposed"), ("rejected_update", "rejected")):
        ProgressUpdate.objects.create(
            activity=public,
            date=datetime.date(2018, 1, 1),
            text_en=marker(name),
            text_ru=marker(name),
            status=status,
            proposed_by=proposer,
        )
    draft_meeting = MeetingFactory(
        title_en=marker("draft_meeting_paragraph"),
        slug=marker("draft_meeting_paragraph").lower(),
        publication_status="draft",
    )
    public.paragraphs.add(StatementParagraphFactory(statement=OutcomeStatementFactory(meeting=draft_meeting)))
    public.documents.add(DocumentFactory(title_en=marker("draft_document"), publication_status="draft"))
    open_meeting = MeetingFactory(slug="open-meeting")
    paragraph = StatementParagraphFactory(statement=OutcomeStatementFactory(meeting=open_meeting), number=1)
    for activity in [public, *hidden.values()]:
        activity.paragraphs.add(paragraph)
    return {"lead": lead, "other": other, "public": public, "hidden": hidden}


@pytest.fixture
def reader_client(client, django_user_model, world):
    def make(reader):
        if reader == "staff":
            client.force_login(django_user_model.objects.create_user("staff", is_staff=True, is_superuser=True))
        elif reader == "right_delegate":
            client.force_login(DelegateFactory(state=world["lead"]).user)
        elif reader == "other_delegate":
            client.force_login(DelegateFactory(state=world["other"]).user)
        return client

    return make


def body(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def shown(content, names):
    # Case-insensitive: a marker may also show as part of an address (a meeting's slug).
    return {name for name in names if marker(name).lower() in content.lower()}


def expected(reader, names):
    return {name for name in names if reader in SEES[name]}


UPDATES = ["proposed_update", "rejected_update"]


def outputs(world) -> dict[str, list[str]]:
    """Each output, with the items that could show up there if a rule were broken."""
    plan_items = [*ACTIVITIES, *UPDATES, "draft_meeting_paragraph"]
    return {
        "/en/action-plan/": plan_items,
        "/en/action-plan/export.csv": plan_items,
        "/en/action-plan/export.json": plan_items,
        f"/en/action-plan/{world['public'].pk}/": [*UPDATES, "draft_meeting_paragraph", "draft_document"],
        "/en/states/rightland/": [*ACTIVITIES, *UPDATES],
        "/en/meetings/open-meeting/": [*ACTIVITIES, *UPDATES],
        # The JSON API (api/): the activities with their updates, and the public activity alone.
        "/api/v1/activities/": [*ACTIVITIES, *UPDATES],
        "/api/v1/activities/?state=rightland&status=cancelled": ACTIVITIES,
        f"/api/v1/activities/{world['public'].pk}/": UPDATES,
    }


@pytest.mark.parametrize("reader", READERS)
def test_every_page_and_export_shows_the_reader_only_what_they_may_see(reader_client, world, reader):
    client = reader_client(reader)

    for url, names in outputs(world).items():
        content = body(client, url)
        assert shown(content, names) == expected(reader, names), url
        # The control: the public activity is there for everybody (but in the list of hidden ones only).
        assert ("Open activity" in content) == ("status=cancelled" not in url), url


@pytest.mark.parametrize("reader", READERS)
def test_the_json_export_lists_only_the_activities_the_reader_may_see(reader_client, world, reader):
    items = json.loads(body(reader_client(reader), "/en/action-plan/export.json"))

    titles = {item["title_en"] for item in items}
    assert titles == {"Open activity"} | {marker(name) for name in expected(reader, ACTIVITIES)}


@pytest.mark.parametrize("reader", READERS)
def test_the_picture_counts_only_the_activities_the_reader_may_see(reader_client, reader):
    svg = ET.fromstring(body(reader_client(reader), "/en/action-plan/progress.svg"))

    namespace = "{http://www.w3.org/2000/svg}"
    segments = [rect.findtext(f"{namespace}title") for rect in svg.iter(f"{namespace}rect")]
    # Staff see two plans: the hidden activities of the draft plan under their own priority.
    assert segments == (["In progress: 1", "Cancelled: 2", "Cancelled: 1"] if reader == "staff" else ["In progress: 1"])


@pytest.mark.parametrize("reader", READERS)
def test_hidden_activities_answer_404_to_all_but_staff(reader_client, world, reader):
    client = reader_client(reader)

    statuses = {client.get(f"/en/action-plan/{activity.pk}/").status_code for activity in world["hidden"].values()}

    assert statuses == ({200} if reader == "staff" else {404})


@pytest.mark.parametrize("reader", READERS)
def test_the_feed_and_the_sitemap_show_only_public_items_whoever_asks(reader_client, world, reader):
    client = reader_client(reader)

    feed = body(client, "/en/action-plan/updates/feed/rss/")
    sitemap = "".join(client.get(address).content.decode() for address in sitemap_files(client))

    assert shown(feed, SEES) == set()
    assert "Approved progress" in feed
    hidden_addresses = [f"/action-plan/{activity.pk}/" for activity in world["hidden"].values()]
    assert [address for address in hidden_addresses if address in sitemap] == []
    assert f"/en/action-plan/{world['public'].pk}/" in sitemap


@pytest.mark.parametrize("reader", READERS)
def test_the_api_answers_404_for_hidden_activities_to_all_but_staff(reader_client, world, reader):
    client = reader_client(reader)

    statuses = {client.get(f"/api/v1/activities/{activity.pk}/").status_code for activity in world["hidden"].values()}

    assert statuses == ({200} if reader == "staff" else {404})


@pytest.mark.parametrize("reader", READERS)
def test_the_api_links_an_activity_only_to_paragraphs_and_documents_the_reader_may_see(reader_client, world, reader):
    public = world["public"]
    item = reader_client(reader).get(f"/api/v1/activities/{public.pk}/").json()

    open_paragraph = public.paragraphs.get(statement__meeting__slug="open-meeting")
    draft_paragraph = public.paragraphs.exclude(pk=open_paragraph.pk).get()
    draft_document = public.documents.get()
    if reader == "staff":
        assert sorted(item["paragraphs"]) == sorted([open_paragraph.pk, draft_paragraph.pk])
        assert item["documents"] == [draft_document.pk]
    else:
        assert item["paragraphs"] == [open_paragraph.pk]
        assert item["documents"] == []
    assert [update["text"]["en"] for update in item["updates"]] == ["Approved progress"]
