"""Every main page has the same accessible frame: skip link, landmarks, one h1, headings in order, labelled forms."""

import datetime
import re

import pytest

from documents.models import DocumentFile
from meetings.models import Participation
from participants.models import Organisation, State
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    FocalPointFactory,
    MeetingFactory,
    NewsItemFactory,
    OrganisationFactory,
    OutcomeStatementFactory,
    PageFactory,
    ParticipationFactory,
    ProcessFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db

PAGES = [
    "/{lang}/",
    "/{lang}/pages/about/",
    "/{lang}/news/",
    "/{lang}/news/visit/",
    "/{lang}/meetings/",
    "/{lang}/meetings/?year=2016",
    "/{lang}/meetings/som/",
    "/{lang}/meetings/matrix/",
    "/{lang}/states/",
    "/{lang}/states/kazakhstan/",
    "/{lang}/organisations/",
    "/{lang}/organisations/budapest/",
    "/{lang}/meetings/?year=abc",
    "/{lang}/no-such-page/",
]


@pytest.fixture
def archive():
    PageFactory(slug="about")
    NewsItemFactory(slug="visit")
    state = StateFactory(slug="kazakhstan", iso_alpha2="KZ", iso_alpha3="KAZ")
    StateFactory(status=State.Status.OBSERVER, iso_alpha2="CN", iso_alpha3="CHN")
    FocalPointFactory(state=state)
    process = ProcessFactory(slug="budapest", best_practices_en="Peer learning.", best_practices_ru="Обмен опытом.")
    meeting = MeetingFactory(slug="som", process=process, start_date=datetime.date(2016, 11, 16))
    meeting.organisers.add(OrganisationFactory(kind=Organisation.Kind.UN_AGENCY))
    ParticipationFactory(meeting=meeting, state=state, role=Participation.Role.CHAIR)
    ParticipationFactory(
        meeting=meeting,
        state=StateFactory(iso_alpha2="QQ", iso_alpha3="QQQ"),
        attendance=Participation.Attendance.DID_NOT_ATTEND,
    )
    StatementParagraphFactory(statement=OutcomeStatementFactory(meeting=meeting), number=1)
    document = DocumentFactory(meeting=meeting)
    document.states.add(state)
    DocumentFileFactory(document=document, language=DocumentFile.Language.ENGLISH)


def heading_levels(html: str) -> list[int]:
    main = re.search(r"<main id=\"main\".*?</main>", html, re.S).group(0)
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", main)]


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_has_skip_link_landmarks_one_h1_and_ordered_headings(client, archive, page, language):
    html = client.get(page.format(lang=language)).content.decode()

    assert f'<html lang="{language}">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main" tabindex="-1">' in html
    assert '<header class="site-header">' in html and '<footer class="site-footer">' in html
    levels = heading_levels(html)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


@pytest.mark.parametrize("page", ["/en/meetings/", "/en/meetings/matrix/", "/en/news/"])
def test_every_form_control_has_a_label(client, archive, page):
    html = client.get(page).content.decode()

    controls = re.findall(r'<(?:input|select)[^>]*\sid="([^"]+)"', html)
    assert controls
    for control in controls:
        assert f'<label for="{control}"' in html
