"""A printed page: the content and the full address of its links, not the site's search box or sign-in link."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def printing(page):
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    yield page
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def after(page, selector):
    return page.js("return getComputedStyle(document.querySelector(arguments[0]), '::after').content", selector)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_print_leaves_out_search_sign_in_and_navigation(printing, portal, language):
    printing.open(f"/{language}/meetings/som-2016/")

    for selector in (".site-search", ".account-link", ".main-nav", ".language-switcher"):
        assert printing.js("return getComputedStyle(document.querySelector(arguments[0])).display", selector) == "none"


def test_print_writes_out_the_absolute_address_of_a_link(printing, portal, live_server):
    document = portal["document"]
    printing.open(f"/en/documents/{document.pk}/")

    content = after(printing, "dl.facts dd a")

    assert f"{live_server.url}/en/meetings/som-2016/" in content
    assert "(" in content and ")" in content


def test_a_link_whose_text_is_its_address_is_not_written_twice(printing, portal, live_server):
    printing.open(f"/en/documents/{portal['document'].pk}/")

    assert after(printing, ".citation-text a") in {"none", "normal"}


def test_the_screen_shows_no_addresses_after_links(page, portal):
    page.open(f"/en/documents/{portal['document'].pk}/")

    assert after(page, "dl.facts dd a") in {"none", "normal"}
