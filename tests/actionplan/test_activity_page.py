"""One activity: its facts, where it comes from, its timeline of approved progress; and where it shows elsewhere."""

import datetime

import pytest

from tests.actionplan.helpers import by_class, parse, text
from tests.factories import (
    ActivityFactory,
    DocumentFactory,
    MeetingFactory,
    OutcomeStatementFactory,
    ProgressUpdateFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db


def timeline(tree) -> list[str]:
    return [text(item) for item in tree.xpath("//ol[contains(@class, 'updates')]/li")]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", ["1 февраля 2018 г. Семинар.", "1 мая 2018 г. Пособие."]),
        ("en", ["1 February 2018 Workshop.", "1 May 2018 Guide."]),
    ],
)
def test_the_timeline_shows_approved_updates_in_date_order(client, language, expected):
    activity = ActivityFactory()
    ProgressUpdateFactory(activity=activity, date=datetime.date(2018, 5, 1), text_ru="Пособие.", text_en="Guide.")
    ProgressUpdateFactory(activity=activity, date=datetime.date(2018, 2, 1), text_ru="Семинар.", text_en="Workshop.")
    ProgressUpdateFactory(activity=activity, status="proposed", text_en="Not yet approved.", text_ru="Не одобрено.")
    ProgressUpdateFactory(activity=activity, status="rejected", text_en="Rejected.", text_ru="Отклонено.")

    response = client.get(f"/{language}/action-plan/{activity.pk}/")

    assert response.status_code == 200
    assert timeline(parse(response)) == expected


def test_an_update_written_in_one_language_says_so_in_the_other(client):
    activity = ActivityFactory()
    ProgressUpdateFactory(activity=activity, text_ru="Только по-русски.", text_en="")

    tree = parse(client.get(f"/en/action-plan/{activity.pk}/"))

    texts = tree.xpath("//ol[contains(@class, 'updates')]//div[@lang='ru']")
    assert [text(note) for note in by_class(texts[0], "other-language-note")] == ["Available in Russian only."]
    assert [text(p) for p in texts[0].xpath("./p[not(@class)]")] == ["Только по-русски."]


def test_the_page_links_the_paragraphs_it_comes_from_and_the_reports_on_it(client):
    meeting = MeetingFactory(title_en="Third SOM", slug="third-som")
    paragraph = StatementParagraphFactory(statement=OutcomeStatementFactory(meeting=meeting), number=12)
    hidden = StatementParagraphFactory(
        statement=OutcomeStatementFactory(meeting=MeetingFactory(publication_status="draft"))
    )
    activity = ActivityFactory()
    activity.paragraphs.add(paragraph, hidden)
    activity.meetings.add(MeetingFactory(title_en="Working group"))
    activity.documents.add(DocumentFactory(title_en="Progress report"), DocumentFactory(publication_status="draft"))

    tree = parse(client.get(f"/en/action-plan/{activity.pk}/"))

    origins = tree.xpath("//ul[@class='origins']/li/a")
    assert [(text(a), a.get("href")) for a in origins] == [("Third SOM, paragraph 12", "/en/meetings/third-som/#p12")]
    assert [text(a) for a in tree.xpath("//ul[@class='reports']/li/a")] == ["Working group", "Progress report"]


def test_end_before_start_is_refused():
    from django.core.exceptions import ValidationError

    activity = ActivityFactory.build(start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2017, 1, 1))

    with pytest.raises(ValidationError) as error:
        activity.clean()

    assert error.value.message_dict == {"end_date": ["Конец не может быть раньше начала."]}


def test_a_draft_activity_answers_404_to_the_public(client):
    activity = ActivityFactory(publication_status="draft")

    assert client.get(f"/en/action-plan/{activity.pk}/").status_code == 404


def test_a_paragraph_on_the_meeting_page_shows_the_activities_it_gave_rise_to(client):
    meeting = MeetingFactory(slug="third-som")
    statement = OutcomeStatementFactory(meeting=meeting)
    first = StatementParagraphFactory(statement=statement, number=1)
    second = StatementParagraphFactory(statement=statement, number=2)
    shown = ActivityFactory(title_en="Referral training")
    shown.paragraphs.add(second)
    ActivityFactory(title_en="Draft one", publication_status="draft").paragraphs.add(second)

    tree = parse(client.get("/en/meetings/third-som/"))

    by_paragraph = {
        item.get("id"): [text(a) for a in item.xpath(".//div[@class='paragraph-activities']//a")]
        for item in tree.xpath("//ol[@class='paragraphs']/li")
    }
    assert by_paragraph == {"p1": [], "p2": ["Referral training"]}
    assert first.activities.count() == 0


@pytest.mark.parametrize("size", [1, 8])
def test_the_meeting_page_with_activities_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, size):
    meeting = MeetingFactory(slug="third-som")
    statement = OutcomeStatementFactory(meeting=meeting)
    for number in range(size):
        ActivityFactory().paragraphs.add(StatementParagraphFactory(statement=statement, number=number + 1))

    with django_assert_max_num_queries(14):
        tree = parse(client.get("/en/meetings/third-som/"))

    assert len(tree.xpath("//div[@class='paragraph-activities']//a")) == size


def test_a_state_page_lists_the_latest_activities_it_leads_or_joins_and_links_the_rest(client):
    state = StateFactory(slug="kyrgyzstan")
    for day in range(1, 8):
        activity = ActivityFactory(title_en=f"Activity of day {day}", start_date=datetime.date(2017, 1, day))
        (activity.lead_states if day % 2 else activity.partner_states).add(state)
    ActivityFactory(title_en="Draft", start_date=datetime.date(2017, 2, 1), publication_status="draft").lead_states.add(
        state
    )
    ActivityFactory(title_en="Somebody else's")

    tree = parse(client.get("/en/states/kyrgyzstan/"))

    section = tree.xpath("//section[@aria-labelledby='activities-heading']")[0]
    assert [text(a) for a in section.xpath("./ul/li/a")] == [f"Activity of day {day}" for day in (7, 6, 5, 4, 3)]
    assert text(by_class(section, "latest-count")[0]) == "The latest 5 of 7 activities."
    assert section.xpath("./p/a/@href")[-1] == "/en/action-plan/?state=kyrgyzstan"


@pytest.mark.parametrize("size", [1, 8])
def test_the_state_page_with_activities_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, size):
    state = StateFactory(slug="kyrgyzstan")
    for _ in range(size):
        ActivityFactory().lead_states.add(state)

    with django_assert_max_num_queries(12):
        tree = parse(client.get("/en/states/kyrgyzstan/"))

    assert len(tree.xpath("//section[@aria-labelledby='activities-heading']/ul/li")) == min(size, 5)


def test_an_anonymous_reader_is_told_that_delegates_can_sign_in_to_report_progress(client):
    activity = ActivityFactory()

    tree = parse(client.get(f"/en/action-plan/{activity.pk}/"))

    hint = tree.xpath("//article//p[contains(@class, 'hint')]")[0]
    assert text(hint) == "Delegates of the states that lead or join this activity can sign in to report its progress."
    assert hint.xpath("./a/@href") == [f"/en/accounts/sign-in/?next=/en/action-plan/{activity.pk}/"]


@pytest.mark.parametrize("size", [1, 8])
def test_the_activity_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, size):
    activity = ActivityFactory()
    statement = OutcomeStatementFactory()
    for number in range(size):
        ProgressUpdateFactory(activity=activity)
        activity.paragraphs.add(StatementParagraphFactory(statement=statement, number=number + 1))
        activity.lead_states.add(StateFactory())
        activity.documents.add(DocumentFactory())
        activity.meetings.add(MeetingFactory())

    with django_assert_max_num_queries(14):
        tree = parse(client.get(f"/en/action-plan/{activity.pk}/"))

    assert len(tree.xpath("//ol[contains(@class, 'updates')]/li")) == size
    assert len(tree.xpath("//ul[@class='origins']/li")) == size
