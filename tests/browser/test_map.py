"""The map of the region on the participating states page."""

import pytest

from tests.browser.conftest import in_language

pytestmark = pytest.mark.browser

MEMBERS = {
    "ru": ["Афганистан", "Казахстан", "Кыргызстан", "Таджикистан"],
    "en": ["Afghanistan", "Kazakhstan", "Kyrgyzstan", "Tajikistan"],
}
OBSERVERS = {"ru": ["Туркменистан", "Узбекистан"], "en": ["Turkmenistan", "Uzbekistan"]}


def tile_names(page, status):
    return sorted(tile.get_attribute("textContent") for tile in page.find_all(f"main svg .tile-{status} .tile-name"))


@pytest.mark.parametrize("language", ["ru", "en"])
def test_state_list_shows_members_and_observers_on_the_map(page, portal, language):
    page.open(f"/{language}/states/")

    svg = page.find("main figure.region-map svg")

    assert svg.is_displayed()
    assert svg.get_attribute("role") == "img"
    assert page.find("main svg title").get_attribute("textContent") == in_language(
        language, "Map of the region: participating states"
    )
    assert tile_names(page, "member") == MEMBERS[language]
    assert tile_names(page, "observer") == OBSERVERS[language]
    assert all(tile.rect["width"] > 0 for tile in page.find_all("main svg .tile rect"))
    page.screenshot(f"state-map-{language}")


def test_observer_tiles_look_different_from_member_tiles(page, portal):
    page.open("/en/states/")

    member_fill = page.js("return getComputedStyle(document.querySelector('.tile-member rect')).fill")
    observer_fill = page.js("return getComputedStyle(document.querySelector('.tile-observer rect')).fill")

    assert member_fill != observer_fill
    assert "observer-hatch" in observer_fill
