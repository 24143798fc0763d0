"""Every public page type at a small phone's width (360 px), in both languages: no sideways scrolling."""

import pytest

pytestmark = pytest.mark.browser

# One address of each kind of public page; {document} is the portal fixture's report.
PAGE_TYPES = [
    "/{language}/",
    "/{language}/pages/about/",
    "/{language}/news/",
    "/{language}/news/forum/",
    "/{language}/meetings/",
    "/{language}/meetings/?kind=som&page=2",
    "/{language}/meetings/som-2016/",
    "/{language}/meetings/matrix/",
    "/{language}/states/",
    "/{language}/states/kazakhstan/",
    "/{language}/indicators/refugees-hosted/",
    "/{language}/organisations/",
    "/{language}/organisations/budapest-process/",
    "/{language}/documents/",
    "/{language}/documents/{document}/",
    "/{language}/search/?q=migration",
    "/{language}/search/?q=migration&kind=meetings",
    "/{language}/meetings/?q=meeting&sort=title",
    "/{language}/action-plan/",
    "/{language}/glossary/",
    "/{language}/documents/?kind=report&year=2016",
    "/{language}/privacy/",
    "/{language}/accessibility/",
    "/{language}/information-sheets/",
    "/{language}/information-sheets/april-2022/",
    "/{language}/open-data/",
    "/{language}/subscribe/",
    "/{language}/accounts/sign-in/",
    "/{language}/accounts/password-reset/",
    "/{language}/no-such-page/",
]


@pytest.fixture
def phone(page):
    page.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
    )
    yield page
    page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("language", ["ru", "en"])
def test_no_public_page_scrolls_sideways_at_360_pixels(phone, portal, language):
    too_wide = {}
    for template in PAGE_TYPES:
        path = template.format(language=language, document=portal["document"].pk)
        phone.open(path)
        scroll_width, client_width = phone.js(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if scroll_width > client_width:
            phone.screenshot("narrow" + path.replace("/", "-").replace("?", "-"))
            too_wide[path] = (scroll_width, client_width)

    assert phone.js("return window.innerWidth") == 360
    assert too_wide == {}


def test_the_download_links_of_a_document_are_on_screen_at_360_pixels(phone, portal):
    phone.open(f"/ru/documents/{portal['document'].pk}/")

    rights = phone.js(
        "return Array.from(document.querySelectorAll('table.files a[download]'),"
        " (link) => link.getBoundingClientRect().right)"
    )

    assert len(rights) == 2
    assert max(rights) <= 360


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_menu_button_opens_the_main_menu_at_360_pixels_without_javascript(phone, portal, language):
    phone.open(f"/{language}/meetings/")

    assert phone.find("nav.main-nav").is_displayed() is False
    menu_links = phone.find_all(".site-menu nav a")
    assert len(menu_links) >= 7
    assert not any(link.is_displayed() for link in menu_links)
    phone.click(".site-menu summary")
    assert all(link.is_displayed() for link in menu_links)
    assert phone.js("return document.documentElement.scrollWidth") <= 360
    phone.click(".site-menu a[href$='/documents/']")
    phone.wait_for(lambda: phone.path == f"/{language}/documents/", "the menu's link did not lead to the documents")


def test_the_participation_matrix_is_a_list_on_a_phone_and_a_table_on_a_wide_screen(page, portal):
    page.open("/en/meetings/matrix/")
    assert page.find("table.matrix").is_displayed() and not page.find(".matrix-list").is_displayed()

    page.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
    )
    try:
        page.open("/en/meetings/matrix/")
        assert not page.find("table.matrix").is_displayed()
        (item,) = [item for item in page.find_all(".matrix-list > li") if "Third Senior Officials Meeting" in item.text]
        assert item.is_displayed()
        assert "present\nAfghanistan, Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan" in item.text
        assert "absent\nTurkmenistan" in item.text
    finally:
        page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_archive_facets_come_folded_before_the_results_on_a_phone_and_open_beside_them_on_a_wide_screen(
    page, portal
):
    page.open("/en/documents/")
    assert page.find("details.facets-fold").get_attribute("open") is not None
    assert page.find(".facet a").is_displayed()

    page.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
    )
    try:
        page.open("/en/documents/")
        facets, results = page.find(".facets"), page.find(".results")
        assert facets.rect["y"] < results.rect["y"]
        assert not page.find(".facet a").is_displayed()
        page.click("details.facets-fold summary")
        assert page.find(".facet a").is_displayed()
    finally:
        page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_list_filter_form_is_folded_on_a_phone_and_the_summary_still_says_what_is_filtered(phone, portal):
    phone.open("/en/meetings/?kind=som")

    assert not phone.find("#id_year").is_displayed()
    assert phone.find(".active-filters").is_displayed()
    assert "Kind: senior officials meeting" in phone.find(".active-filters").text
    phone.click("details.filters-fold summary")
    assert phone.find("#id_year").is_displayed()
