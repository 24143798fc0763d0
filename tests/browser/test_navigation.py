"""What a delegate clicks: the home page, the language switcher, a paragraph's permalink."""

import pytest

from tests.browser.conftest import in_language

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("language", "news_title"), [("ru", "Региональный форум"), ("en", "Regional forum")])
def test_home_page_opens_in_each_language(page, portal, language, news_title):
    page.open(f"/{language}/")

    assert page.find("html").get_attribute("lang") == language
    assert page.find("h1").text == in_language(language, "Almaty Process")
    assert [link.text for link in page.find_all("nav.main-nav a")][1] == in_language(language, "Meetings")
    assert news_title in [link.text for link in page.find_all("main a")]
    assert page.find(f'link[rel="alternate"][hreflang="{language}"]').get_attribute("href") == (
        f"{page.base_url}/{language}/"
    )
    page.screenshot(f"home-{language}")


def test_home_page_in_english_marks_russian_only_news(page, portal):
    page.open("/en/")

    assert page.find('main a.item-title span[lang="ru"]').text == "Новость только на русском"
    assert page.find("main a.item-title .other-language-note").text == "(in Russian only)"


def test_switching_language_keeps_the_meeting_list_filters_and_page(page, portal):
    page.open("/ru/meetings/?kind=som&process=almaty-process&page=2")
    assert page.find('.pagination [aria-current="page"]').text == "2"

    page.find('nav.language-switcher a[hreflang="en"]').click()

    assert page.path == "/en/meetings/?kind=som&process=almaty-process&page=2"
    assert page.find("html").get_attribute("lang") == "en"
    assert page.find('select[name="kind"] option:checked').get_attribute("value") == "som"
    assert page.find('select[name="process"] option:checked').get_attribute("value") == "almaty-process"
    assert page.find('.pagination [aria-current="page"]').text == "2"
    page.screenshot("meeting-list-switched-to-en")


def test_switching_language_back_returns_to_the_same_filtered_page(page, portal):
    page.open("/en/meetings/?kind=som&page=2")

    page.find('nav.language-switcher a[hreflang="ru"]').click()

    assert page.path == "/ru/meetings/?kind=som&page=2"
    assert page.find("html").get_attribute("lang") == "ru"


def test_switching_language_on_a_meeting_page_keeps_the_meeting(page, portal):
    page.open("/ru/meetings/som-2016/")
    assert page.find("h1").text == "Третье совещание старших должностных лиц"

    page.find('nav.language-switcher a[hreflang="en"]').click()

    assert page.path == "/en/meetings/som-2016/"
    assert page.find("h1").text == "Third Senior Officials Meeting"
    page.screenshot("meeting-page-en")


def test_meeting_summary_only_in_russian_is_shown_and_marked_on_the_english_page(page, portal):
    page.open("/en/meetings/som-2016/")

    summary = page.find('#summary-heading + .other-language[lang="ru"]')

    assert "Совещание обсудило смешанную миграцию." in summary.text


def test_following_a_paragraph_permalink_brings_the_paragraph_into_view(page, portal):
    page.open("/en/meetings/som-2016/#p7")

    target = page.js("return document.querySelector(':target') && document.querySelector(':target').id")
    # The site scrolls smoothly when the reader has not asked for reduced motion: wait for the scroll to end.
    page.wait_for(
        lambda: page.js(
            "const box = document.getElementById('p7').getBoundingClientRect();return box.top >= 0 && box.top < 100;"
        ),
        "paragraph 7 did not scroll to the top of the window",
    )

    assert target == "p7"
    assert page.js("return window.scrollY") > 0
    assert page.find("#p7 a.paragraph-link").text == "7"
    page.screenshot("permalink-p7")


def test_paragraph_number_is_the_link_to_copy(page, portal):
    page.open("/ru/meetings/som-2016/")

    page.click("#p3 a.paragraph-link")

    assert page.path == "/ru/meetings/som-2016/#p3"
    assert page.js("return document.querySelector(':target').id") == "p3"
