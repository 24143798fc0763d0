"""The admin at 1280 px: change lists fit, long titles are cut with the whole title on hover, and the buttons above a
form never cover its title. Screenshots go to test-artifacts/ for a person to look at."""

import pytest

from tests.factories import MeetingFactory, OutcomeStatementFactory, StatementParagraphFactory

pytestmark = pytest.mark.browser

LONG_TITLE = (
    "Thematic meeting on mixed migration flows in Central Asia: population mobility, the rights of vulnerable "
    "migrants and refugees, regional cooperation and the search for durable solutions for refugees"
)


@pytest.fixture
def signed_in(page, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "chief-pass-1")
    page.driver.set_window_size(1280, 900)
    page.open("/en/admin/login/")
    page.find("#id_username").send_keys("chief")
    page.find("#id_password").send_keys("chief-pass-1")
    page.find("#login-form [type=submit]").click()
    page.wait_for(lambda: "/login/" not in page.path, "the sign-in did not finish")
    return page


def overlaps(first: dict, second: dict) -> bool:
    return not (
        first["right"] <= second["left"]
        or second["right"] <= first["left"]
        or first["bottom"] <= second["top"]
        or second["bottom"] <= first["top"]
    )


RECTS = """
return Array.from(document.querySelectorAll(arguments[0])).map(element => {
  const rect = element.getBoundingClientRect();
  return {left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom};
});
"""


def test_the_meeting_list_fits_at_1280_px_with_long_titles_cut_on_one_line(signed_in):
    page = signed_in
    for number in range(3):
        MeetingFactory(title_en=f"{LONG_TITLE} {number}")

    page.open("/en/admin/meetings/meeting/")
    page.screenshot("admin-meeting-list-1280")

    assert page.js("return document.documentElement.scrollWidth") <= 1280
    results = page.find("#changelist .results")
    assert page.js("return arguments[0].scrollWidth <= arguments[0].clientWidth", results), "the list scrolls sideways"
    title = page.find("#result_list span.truncated")
    assert title.get_attribute("title").startswith(LONG_TITLE)
    height = page.js("return arguments[0].getBoundingClientRect().height", title)
    line = page.js("return parseFloat(getComputedStyle(arguments[0]).lineHeight) || 20", title)
    assert height <= line * 1.5  # one line, not a wrapped paragraph


def test_the_buttons_of_a_change_form_never_cover_its_long_title(signed_in):
    page = signed_in
    statement = OutcomeStatementFactory(title_en=LONG_TITLE)
    StatementParagraphFactory(statement=statement, number=1)

    page.open(f"/en/admin/meetings/outcomestatement/{statement.pk}/change/")
    page.screenshot("admin-statement-change-1280")

    titles = page.js(RECTS, "#content h1, #content h2")
    buttons = page.js(RECTS, ".object-tools a")
    assert buttons, "the page has its History button"
    assert not any(overlaps(button, title) for button in buttons for title in titles)
    # Russian and English sit side by side in one row.
    russian, english = page.js(RECTS, "#paragraphs-0 textarea")
    assert russian["right"] <= english["left"]
    assert russian["top"] == english["top"]


def test_an_editor_pastes_a_statement_previews_it_and_saves_it(signed_in):
    page = signed_in
    meeting = MeetingFactory(title_en="Third Senior Officials Meeting")

    page.open(f"/en/admin/meetings/outcomestatement/import/?meeting={meeting.pk}")
    page.find("#id_text_ru").send_keys("Итоговое заявление\n1. Участники встретились.\n2. Они договорились.\n")
    page.find("#id_text_en").send_keys("1. The participants met.\n2. They agreed.\n")
    page.click("input[name=_preview]")
    page.wait_for(lambda: page.find_all("table.statement-paragraphs-preview tbody tr"), "no preview")
    page.screenshot("admin-statement-import-preview-1280")
    rows = [row.text for row in page.find_all("table.statement-paragraphs-preview tbody tr")]
    page.click("input[name=_save]")
    page.wait_for(lambda: "/change/" in page.path, "the statement was not saved")

    assert rows == ["1 Участники встретились. The participants met.", "2 Они договорились. They agreed."]
    assert [area.get_attribute("value") for area in page.find_all("#paragraphs-group textarea")][:2] == [
        "Участники встретились.",
        "The participants met.",
    ]
