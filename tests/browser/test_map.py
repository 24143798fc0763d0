"""The map of the region on the participating states page and on a meeting page, in a real browser."""

import pytest

from tests.browser.conftest import in_language

pytestmark = pytest.mark.browser

MEMBERS = {
    "ru": ["Афганистан", "Казахстан", "Кыргызстан", "Таджикистан"],
    "en": ["Afghanistan", "Kazakhstan", "Kyrgyzstan", "Tajikistan"],
}
OBSERVERS = {"ru": ["Туркменистан", "Узбекистан"], "en": ["Turkmenistan", "Uzbekistan"]}


def linked_names(page, selector):
    titles = (link.find_element("css selector", "title") for link in page.find_all(selector))
    return sorted(title.get_attribute("textContent").split(" — ")[0] for title in titles)


@pytest.fixture
def phone(page):
    page.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
    )
    yield page
    page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("language", ["ru", "en"])
def test_state_list_shows_members_and_observers_on_the_map_as_links(page, portal, language):
    page.open(f"/{language}/states/")

    svg = page.find("main figure.region-map svg")

    assert svg.is_displayed()
    assert svg.get_attribute("role") == "group"
    assert page.find("main svg title").get_attribute("textContent") == in_language(
        language, "Map of the region: participating states"
    )
    assert linked_names(page, "main svg a.map-member") == MEMBERS[language]
    assert linked_names(page, "main svg a.map-observer") == OBSERVERS[language]
    assert all(link.rect["width"] > 0 for link in page.find_all("main svg a.map-state"))
    page.screenshot(f"state-map-{language}")


def test_observer_shapes_look_different_from_member_shapes(page, portal):
    page.open("/en/states/")

    style = (
        "const s = getComputedStyle(document.querySelector(arguments[0]));"
        "return {fill: s.fill, dash: s.strokeDasharray};"
    )
    member = page.js(style, ".map-member path")
    observer = page.js(style, ".map-observer path")

    assert member["fill"] != observer["fill"]
    assert "map-hatch" in observer["fill"]
    assert member["dash"] == "none"
    assert observer["dash"] != "none"


def test_a_state_on_the_map_takes_the_keyboard_focus_and_leads_to_its_page(page, portal):
    page.open("/en/states/")

    link = page.find("main svg a[data-iso='KZ']")
    page.js("arguments[0].focus()", link)
    assert page.js("return document.activeElement.getAttribute('data-iso')") == "KZ"
    page.click("main svg a[data-iso='KZ'] path")

    page.wait_for(lambda: page.path == "/en/states/kazakhstan/", "the link did not lead to the state's page")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_at_360_pixels_the_map_fits_the_screen_and_its_labels_stay_legible(phone, portal, language):
    phone.open(f"/{language}/states/")

    svg = phone.find("main figure.region-map svg")
    labels = phone.find_all("main svg .map-label")

    assert 300 <= svg.rect["width"] and svg.rect["x"] + svg.rect["width"] <= 360
    # Tajikistan and Uzbekistan are too narrow for their names: their titles and the lists give them.
    assert sorted(label.get_attribute("textContent") for label in labels) == (
        ["Афганистан", "Казахстан", "Кыргызстан", "Туркменистан"]
        if language == "ru"
        else ["Afghanistan", "Kazakhstan", "Kyrgyzstan", "Turkmenistan"]
    )
    # Rendered cap-to-descender height of each label: about 1.2 times its font size in pixels.
    assert min(label.rect["height"] for label in labels) >= 12
    phone.screenshot(f"state-map-360-{language}")


def test_the_meeting_page_map_highlights_the_states_that_attended(page, portal):
    page.open("/en/meetings/som-2016/")

    highlighted = linked_names(page, "main figure.region-map svg a.map-highlighted")
    faded = linked_names(page, "main figure.region-map svg a.map-faded")

    assert highlighted == ["Afghanistan", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan"]
    assert faded == ["Turkmenistan"]
    legend = page.find("main figure.region-map figcaption li").get_attribute("textContent")
    assert " ".join(legend.split()) == "took part in this meeting (thick outline): 5 states"
    page.js("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", page.find("figure.region-map"))
    page.screenshot("meeting-map")
