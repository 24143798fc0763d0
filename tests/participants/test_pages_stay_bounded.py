"""A state's and an organisation's page show their latest items and link to the full, filtered lists.

However large the archive grows, these pages keep the same size and the same number of queries.
"""

import datetime

import pytest
from lxml import html as lxml_html

from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProcessFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

MANY = 35


def a_long_history(state=None, organisation=None):
    process = ProcessFactory()
    for number in range(MANY):
        day = datetime.date(2000, 1, 1) + datetime.timedelta(days=30 * number)
        meeting = MeetingFactory(process=process, start_date=day, title_en=f"Meeting of day {day}")
        if state:
            ParticipationFactory(meeting=meeting, state=state)
        document = DocumentFactory(meeting=meeting, date=day, title_en=f"Document of day {day}")
        if state:
            document.states.add(state)
        if organisation:
            document.organisations.add(organisation)


def section(html: str, heading_id: str):
    return lxml_html.fromstring(html).xpath(f'//section[h2[@id="{heading_id}"]]')[0]


def count_text(block) -> str:
    return " ".join(block.xpath('.//*[contains(@class, "latest-count")]//text()'))


def links_to(block, href: str) -> list:
    return block.xpath(f'.//a[@href="{href}"]')


def titles(block) -> list[str]:
    return [link.text_content() for link in block.xpath('.//a[contains(@class, "item-title")]')]


def test_state_page_shows_the_latest_ten_meetings_and_documents_with_their_counts(client):
    state = StateFactory(name_en="Kazakhstan")
    a_long_history(state=state)

    html = client.get(f"/en/states/{state.slug}/").content.decode()

    meetings = section(html, "timeline-heading")
    shown = [link.text_content() for link in meetings.xpath('.//ol[@class="timeline"]/li/a')]
    assert len(shown) == 10
    assert shown[0] == f"Meeting of day {datetime.date(2000, 1, 1) + datetime.timedelta(days=30 * (MANY - 1))}"
    assert f"of {MANY} meetings" in count_text(meetings)
    assert links_to(meetings, f"/en/meetings/?state={state.slug}")

    documents = section(html, "documents-heading")
    assert len(titles(documents)) == 10
    assert f"of {MANY} documents" in count_text(documents)
    assert links_to(documents, f"/en/documents/?state={state.slug}")


def test_state_page_with_few_items_lists_them_all_without_a_count(client):
    state = StateFactory()
    ParticipationFactory(state=state)
    DocumentFactory().states.add(state)

    html = client.get(f"/en/states/{state.slug}/").content.decode()

    assert len(section(html, "timeline-heading").xpath('.//ol[@class="timeline"]/li')) == 1
    assert len(titles(section(html, "documents-heading"))) == 1
    assert "latest-count" not in html


def test_state_page_cost_does_not_grow_with_the_archive(client, django_assert_max_num_queries):
    state = StateFactory()
    a_long_history(state=state)
    with django_assert_max_num_queries(10):
        response = client.get(f"/en/states/{state.slug}/")
    assert len(response.content) < 60_000


def test_organisation_page_shows_the_latest_ten_documents_and_links_to_all(client, django_assert_max_num_queries):
    organisation = OrganisationFactory()
    a_long_history(organisation=organisation)

    with django_assert_max_num_queries(14):
        html = client.get(f"/en/organisations/{organisation.slug}/").content.decode()

    documents = section(html, "documents-heading")
    assert len(titles(documents)) == 10
    assert f"of {MANY} documents" in count_text(documents)
    assert links_to(documents, f"/en/documents/?organisation={organisation.slug}")
