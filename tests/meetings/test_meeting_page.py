"""The meeting page: facts, participants present and absent by role, anchored paragraphs, documents."""

import datetime
import re

import pytest
from django.test import Client
from lxml import html

from documents.models import Audience, Document, DocumentFile
from meetings.models import Meeting, Participation
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    OutcomeStatementFactory,
    ParticipationFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db


def section(html: str, heading_id: str) -> str:
    """The HTML from the given h2 to the next h2."""
    match = re.search(rf'<h2 id="{heading_id}">.*?(?=<h2|</main>)', html, re.S)
    assert match, heading_id
    return match.group(0)


def test_meeting_page_shows_multi_day_dates_place_chair_and_organisers(client):
    host = StateFactory(name_en="Kazakhstan", name_ru="Казахстан")
    organiser = OrganisationFactory(name_en="International Organization for Migration")
    meeting = MeetingFactory(
        slug="third-som",
        title_en="Third Senior Officials Meeting",
        start_date=datetime.date(2016, 11, 16),
        end_date=datetime.date(2016, 11, 17),
        city_en="Almaty",
        host_country=host,
        chair_en="Kyrgyz Republic",
    )
    meeting.organisers.add(organiser)

    html = client.get("/en/meetings/third-som/").content.decode()

    assert "<h1>Third Senior Officials Meeting</h1>" in html
    assert '<time datetime="2016-11-16">16</time>–<time datetime="2016-11-17">17 November 2016</time>' in html
    assert f'Almaty, <a href="/en/states/{host.slug}/">Kazakhstan</a>' in html
    assert "<dd>Kyrgyz Republic</dd>" in html
    assert f'<a href="/en/organisations/{organiser.slug}/">International Organization for Migration</a>' in html


def test_dates_across_months_and_years_name_both_ends(client):
    MeetingFactory(slug="a", start_date=datetime.date(2016, 11, 30), end_date=datetime.date(2016, 12, 2))
    MeetingFactory(slug="b", start_date=datetime.date(2016, 12, 31), end_date=datetime.date(2017, 1, 1))

    assert (
        '<time datetime="2016-11-30">30 November</time> – <time datetime="2016-12-02">2 December 2016</time>'
        in client.get("/en/meetings/a/").content.decode()
    )
    assert (
        '<time datetime="2016-12-31">31 December 2016</time> – <time datetime="2017-01-01">1 January 2017</time>'
        in client.get("/en/meetings/b/").content.decode()
    )


def test_meeting_page_lists_absent_states_apart_from_present_ones_within_each_role(client):
    meeting = MeetingFactory(slug="som")
    ParticipationFactory(meeting=meeting, state=StateFactory(name_en="Kyrgyzstan"), role=Participation.Role.CHAIR)
    ParticipationFactory(meeting=meeting, state=StateFactory(name_en="Afghanistan"), role=Participation.Role.MEMBER)
    ParticipationFactory(
        meeting=meeting,
        state=StateFactory(name_en="Turkmenistan"),
        role=Participation.Role.MEMBER,
        attendance=Participation.Attendance.DID_NOT_ATTEND,
    )
    ParticipationFactory(
        meeting=meeting,
        state=StateFactory(name_en="China"),
        role=Participation.Role.OBSERVER,
        attendance=Participation.Attendance.DID_NOT_ATTEND,
    )

    html = section(client.get("/en/meetings/som/").content.decode(), "participants-heading")

    groups = re.findall(r'<h3 id="role-(\w+)">', html)
    assert groups == ["chair", "member", "observer"]
    present = re.findall(r'participants-present">(.*?)</ul>', html, re.S)
    absent = re.findall(r'participants-absent">(.*?)</ul>', html, re.S)
    assert [re.findall(r">([A-Z]\w+)</a>", block) for block in present] == [["Kyrgyzstan"], ["Afghanistan"]]
    assert [re.findall(r">([A-Z]\w+)</a>", block) for block in absent] == [["Turkmenistan"], ["China"]]


def test_every_statement_paragraph_has_an_anchor_and_a_link_to_it(client):
    statement = OutcomeStatementFactory(meeting=MeetingFactory(slug="som"))
    for number in (1, 2, 7):
        StatementParagraphFactory(statement=statement, number=number, text_en=f"Paragraph {number} text.")

    html = client.get("/en/meetings/som/").content.decode()

    assert re.findall(r'<li id="(p\d+)" value="\d+">', html) == ["p1", "p2", "p7"]
    assert '<a class="paragraph-link" href="#p7" data-copy-link aria-label="Link to paragraph 7">7</a>' in html
    assert "<p>Paragraph 7 text.</p>" in html


def test_a_paragraph_missing_in_english_shows_the_russian_text_marked_as_such(client):
    statement = OutcomeStatementFactory(meeting=MeetingFactory(slug="som"))
    StatementParagraphFactory(statement=statement, number=1, text_ru="Первый пункт.", text_en="First paragraph.")
    StatementParagraphFactory(statement=statement, number=2, text_ru="Только русский текст.", text_en="")

    html = client.get("/en/meetings/som/").content.decode()

    assert (
        '<div class="other-language" lang="ru"><p class="other-language-note" lang="en">Available in Russian only.</p>'
        "<p>Только русский текст.</p></div>"
    ) in html
    assert html.count("Available in Russian only.") == 1


def test_a_statement_wholly_in_russian_says_so_once_on_the_english_page(client):
    statement = OutcomeStatementFactory(meeting=MeetingFactory(slug="som"))
    for number in (1, 2, 3):
        StatementParagraphFactory(statement=statement, number=number, text_ru=f"Пункт {number}.", text_en="")

    html = client.get("/en/meetings/som/").content.decode()

    assert html.count("This statement is available in Russian only.") == 1
    assert "Available in Russian only." not in html
    assert '<div class="paragraph-text" lang="ru"><p>Пункт 2.</p></div>' in html


def test_meeting_page_groups_visible_documents_with_their_language_versions(client):
    meeting = MeetingFactory(slug="som")
    report = DocumentFactory(meeting=meeting, title_en="Report")
    DocumentFileFactory(document=report, language=DocumentFile.Language.RUSSIAN)
    DocumentFileFactory(document=report, language=DocumentFile.Language.ENGLISH)
    DocumentFileFactory(document=report, language=DocumentFile.Language.KAZAKH, audience=Audience.DELEGATES)
    DocumentFactory(meeting=meeting, title_en="Delegates only", audience=Audience.DELEGATES)
    DocumentFactory(meeting=meeting, title_en="Draft document", publication_status=Document.PublicationStatus.DRAFT)

    html = section(client.get("/en/meetings/som/").content.decode(), "documents-heading")

    assert re.findall(r'class="item-title" href="[^"]+">([^<]+)</a>', html) == ["Report"]
    assert re.findall(r'hreflang="(\w+)">', html) == ["en", "ru"]
    assert f'href="/en/documents/{report.pk}/ru/"' in html
    assert "Delegates only" not in html and "Draft document" not in html


def test_meeting_page_links_to_its_calendar_file(client):
    MeetingFactory(slug="som")

    assert 'href="/en/meetings/som/calendar.ics"' in client.get("/en/meetings/som/").content.decode()


def test_draft_meeting_is_not_found_by_the_public_and_bannered_for_staff(editor_client):
    MeetingFactory(slug="draft", publication_status=Meeting.PublicationStatus.DRAFT)

    assert Client().get("/en/meetings/draft/").status_code == 404
    html = editor_client.get("/en/meetings/draft/").content.decode()
    assert '<div class="draft-banner" role="note">' in html


def test_published_meeting_has_no_draft_banner(client):
    MeetingFactory(slug="som")

    assert "draft-banner" not in client.get("/en/meetings/som/").content.decode()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_unknown_meeting_is_not_found_in_either_language(client, language):
    response = client.get(f"/{language}/meetings/no-such-meeting/")

    assert response.status_code == 404
    assert html.fromstring(response.content).get("lang") == language


def test_meeting_page_with_100_participations_paragraphs_and_documents_runs_bounded_queries(
    client, django_assert_max_num_queries
):
    meeting = MeetingFactory(slug="big")
    meeting.organisers.add(*OrganisationFactory.create_batch(3))
    states = StateFactory.create_batch(60)
    organisations = OrganisationFactory.create_batch(50)
    Participation.objects.bulk_create(
        [
            Participation(
                meeting=meeting,
                state=state,
                attendance=Participation.Attendance.ATTENDED if index % 3 else Participation.Attendance.DID_NOT_ATTEND,
            )
            for index, state in enumerate(states)
        ]
        + [
            Participation(meeting=meeting, organisation=organisation, attendance=Participation.Attendance.ATTENDED)
            for organisation in organisations
        ]
    )
    statement = OutcomeStatementFactory(meeting=meeting)
    StatementParagraphFactory.create_batch(120, statement=statement)
    for document in DocumentFactory.create_batch(30, meeting=meeting):
        DocumentFileFactory(document=document)

    with django_assert_max_num_queries(10):
        response = client.get("/en/meetings/big/")

    assert response.status_code == 200
    assert response.content.decode().count('class="paragraph-link"') == 120


def test_a_planned_meeting_lists_its_invited_and_confirmed_states_apart(client):
    meeting = MeetingFactory(slug="next", status=Meeting.Status.PLANNED)
    for name, attendance in [
        ("Kyrgyzstan", Participation.Attendance.CONFIRMED),
        ("Afghanistan", Participation.Attendance.INVITED),
        ("Tajikistan", Participation.Attendance.INVITED),
    ]:
        ParticipationFactory(meeting=meeting, state=StateFactory(name_en=name), attendance=attendance)

    html = section(client.get("/en/meetings/next/").content.decode(), "participants-heading")

    assert re.findall(r"<h4>([^<]+)</h4>", html) == ["Participation confirmed (1)", "Invited (2)"]
    confirmed = re.search(r'participants-confirmed">(.*?)</ul>', html, re.S).group(1)
    invited = re.search(r'participants-invited">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r">([A-Z]\w+)</a>", confirmed) == ["Kyrgyzstan"]
    assert re.findall(r">([A-Z]\w+)</a>", invited) == ["Afghanistan", "Tajikistan"]
