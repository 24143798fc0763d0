"""Text typed in the admin reads as a web page: typed bullets become lists, addresses become links."""

import lxml.html
import pytest

from tests.factories import PageFactory

pytestmark = pytest.mark.django_db

ABOUT = """The process works on:
• protection of refugees;
- mixed migration;
– labour migration.

Write to secretariat@example.org or see https://www.iom.int/almaty-process <b>now</b>."""


@pytest.fixture
def about_page(client):
    PageFactory(slug="about", body_en=ABOUT, body_ru=ABOUT)
    return lxml.html.fromstring(client.get("/en/pages/about/").text).xpath("//article")[0]


def test_typed_bullets_become_one_list(about_page):
    items = about_page.xpath(".//ul/li")

    expected = ["protection of refugees;", "mixed migration;", "labour migration."]
    assert [item.text_content() for item in items] == expected
    assert about_page.xpath(".//p")[0].text_content() == "The process works on:"
    assert "•" not in about_page.text_content()


def test_web_and_mail_addresses_are_links_and_markup_stays_text(about_page):
    links = {link.text_content(): link.get("href") for link in about_page.xpath(".//a")}

    assert links["secretariat@example.org"] == "mailto:secretariat@example.org"
    assert links["https://www.iom.int/almaty-process"] == "https://www.iom.int/almaty-process"
    assert about_page.xpath(".//b") == []
    assert "<b>now</b>" in about_page.text_content()


def test_a_dash_inside_a_line_is_not_a_bullet(client):
    PageFactory(slug="about", body_en="Meetings in 2016 - 2018 were held in Almaty.")
    article = lxml.html.fromstring(client.get("/en/pages/about/").text).xpath("//article")[0]

    assert article.xpath(".//ul") == []
    assert article.xpath(".//p")[0].text_content() == "Meetings in 2016 - 2018 were held in Almaty."
