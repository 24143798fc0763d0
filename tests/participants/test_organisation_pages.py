"""Organisations and partner processes: the grouped list and each page."""

import re

import pytest

from meetings.models import Meeting, Participation
from participants.models import Organisation
from tests.factories import MeetingFactory, OrganisationFactory, ProcessFactory

pytestmark = pytest.mark.django_db


def test_organisation_list_groups_by_kind_with_processes_first(client):
    OrganisationFactory(name_en="UNHCR", kind=Organisation.Kind.UN_AGENCY)
    ProcessFactory(name_en="Budapest Process")
    OrganisationFactory(name_en="Institute", kind=Organisation.Kind.RESEARCH)

    html = client.get("/en/organisations/").content.decode()

    assert re.findall(r'<h2 id="kind-(\w+)">', html) == ["process", "un_agency", "research"]


def test_partner_process_page_shows_participant_information_secretariat_and_meetings(client):
    secretariat = OrganisationFactory(name_en="ICMPD", slug="icmpd")
    process = ProcessFactory(
        slug="budapest-process",
        name_en="Budapest Process",
        secretariat=secretariat,
        activities_in_central_asia_en="Silk Routes working group meetings.",
        best_practices_en="Mutual learning visits.",
        contact_details_en="Secretariat in Vienna.",
    )
    MeetingFactory(process=process, title_en="Fifth Silk Routes meeting")
    MeetingFactory(process=process, title_en="Draft meeting", publication_status=Meeting.PublicationStatus.DRAFT)

    html = client.get("/en/organisations/budapest-process/").content.decode()

    assert "<p>Silk Routes working group meetings.</p>" in html
    assert "<p>Mutual learning visits.</p>" in html
    assert "<p>Secretariat in Vienna.</p>" in html
    assert '<a href="/en/organisations/icmpd/">ICMPD</a>' in html
    assert "Fifth Silk Routes meeting" in html
    assert "Draft meeting" not in html


def test_participant_information_only_in_russian_is_shown_marked_on_the_english_page(client):
    ProcessFactory(slug="p", best_practices_ru="Обмен опытом.", best_practices_en="")

    html = client.get("/en/organisations/p/").content.decode()

    assert '<div class="other-language" lang="ru">' in html
    assert "<p>Обмен опытом.</p>" in html


def test_secretariat_page_names_the_processes_it_serves(client):
    secretariat = OrganisationFactory(slug="icmpd")
    ProcessFactory(name_en="Budapest Process", secretariat=secretariat, slug="budapest")

    html = client.get("/en/organisations/icmpd/").content.decode()

    assert '<a href="/en/organisations/budapest/">Budapest Process</a>' in html


def test_organisation_list_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    OrganisationFactory.create_batch(60)
    ProcessFactory.create_batch(60)

    with django_assert_max_num_queries(3):
        assert client.get("/en/organisations/").status_code == 200


def test_organisation_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    process = ProcessFactory(slug="busy", secretariat=OrganisationFactory())
    meetings = MeetingFactory.create_batch(120, process=process)
    for meeting in meetings[:50]:
        meeting.organisers.add(process)
    Participation.objects.bulk_create(
        [
            Participation(meeting=meeting, organisation=process, attendance=Participation.Attendance.ATTENDED)
            for meeting in meetings
        ]
    )

    with django_assert_max_num_queries(9):
        response = client.get("/en/organisations/busy/")

    assert response.status_code == 200
    assert 'href="/en/meetings/?process=busy"' in response.content.decode()
