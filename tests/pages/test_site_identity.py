"""The site's frame on every page: the mark, the phone menu that needs no JavaScript, the footer and its statements."""

from pathlib import Path

import pytest
from django.conf import settings
from lxml import html
from PIL import Image

from tests.factories import PageFactory

pytestmark = pytest.mark.django_db

STATIC = Path(settings.BASE_DIR) / "static"


@pytest.fixture
def standing_pages():
    PageFactory(slug="about")
    PageFactory(slug="secretariat")


def page_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return html.fromstring(response.content)


@pytest.mark.parametrize(("language", "button"), [("ru", "Меню"), ("en", "Menu")])
def test_the_phone_menu_is_a_details_button_holding_every_link_of_the_main_menu(
    client, standing_pages, language, button
):
    page = page_of(client, f"/{language}/meetings/")

    (menu,) = page.xpath("//header//details[@class='site-menu']")
    assert menu.get("open") is None
    assert menu.xpath("./summary")[0].text_content().strip() == button
    in_menu = [(link.get("href"), link.text_content()) for link in menu.xpath(".//nav//a")]
    in_bar = [(link.get("href"), link.text_content()) for link in page.xpath("//nav[@class='main-nav']//a")]
    assert in_menu == in_bar
    assert (f"/{language}/meetings/", "Встречи" if language == "ru" else "Meetings") in in_menu
    assert menu.xpath(f".//a[@href='/{language}/meetings/']")[0].get("aria-current") == "page"


def test_the_header_shows_the_mark_and_the_name_linking_home(client, standing_pages):
    page = page_of(client, "/ru/news/")

    (brand,) = page.xpath("//header//a[@class='brand']")
    assert brand.get("href") == "/ru/"
    assert brand.xpath(".//svg")[0].get("aria-hidden") == "true"
    assert brand.xpath(".//span[@class='brand-name']")[0].text_content() == "Алматинский процесс"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_page_links_its_favicons_and_its_language_social_card(client, standing_pages, language):
    page = page_of(client, f"/{language}/")

    icons = page.xpath("//link[@rel='icon']/@href") + page.xpath("//link[@rel='apple-touch-icon']/@href")
    for href in icons:
        assert (STATIC / href.removeprefix(settings.STATIC_URL)).is_file(), href
    card = page.xpath("//meta[@property='og:image']/@content")[0]
    assert card == f"http://testserver{settings.STATIC_URL}img/social-card-{language}.png"
    assert page.xpath("//meta[@name='twitter:card']/@content") == ["summary_large_image"]
    with Image.open(STATIC / "img" / f"social-card-{language}.png") as image:
        assert image.size == (1200, 630)
    with Image.open(STATIC / "img" / "favicon-32.png") as image:
        assert image.size == (32, 32)


def test_the_committed_mark_is_what_the_identity_script_draws():
    import importlib.util

    spec = importlib.util.spec_from_file_location("identity", Path(settings.BASE_DIR) / "scripts" / "identity.py")
    identity = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(identity)

    assert (STATIC / "img" / "mark.svg").read_text(encoding="utf-8") == identity.mark_svg()
    assert (
        identity.social_card("ru").tobytes()
        == Image.open(STATIC / "img" / "social-card-ru.png").convert("RGB").tobytes()
    )


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_footer_gives_the_secretariat_contacts_partners_and_both_statements(client, standing_pages, language):
    page = page_of(client, f"/{language}/")

    (footer,) = page.xpath("//footer[@class='site-footer']")
    headings = [heading.text_content() for heading in footer.xpath(".//h2")]
    assert headings == (
        ["Алматинский процесс", "Секретариат", "Партнёры"]
        if language == "ru"
        else ["Almaty Process", "Secretariat", "Partners"]
    )
    text = footer.text_content()
    assert "+7\xa0727\xa0258\xa045\xa098" in text
    assert ("ул. Байзакова, 303" if language == "ru" else "303 Baizakov Street") in text
    links = footer.xpath(".//a/@href")
    assert {"https://www.unhcr.org/kazakhstan.html", "https://www.iom.int/almaty-process"} <= set(links)
    assert f"/{language}/organisations/" in links
    assert f"/{language}/privacy/" in links and f"/{language}/accessibility/" in links


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/ru/privacy/", "Заявление о конфиденциальности"),
        ("/en/privacy/", "Privacy statement"),
        ("/ru/accessibility/", "Заявление о доступности"),
        ("/en/accessibility/", "Accessibility statement"),
    ],
)
def test_each_statement_is_written_in_the_language_of_its_page(client, standing_pages, path, heading):
    page = page_of(client, path)

    assert page.get("lang") == path[1:3]
    assert page.xpath("//main//h1")[0].text_content() == heading
    assert page.xpath("//title")[0].text_content().startswith(heading)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_accessibility_statement_names_the_standard_and_how_it_is_tested(client, standing_pages, language):
    text = page_of(client, f"/{language}/accessibility/").xpath("//main")[0].text_content()

    for words in ["WCAG", "2.1", "AA", "axe-core", "360\xa0"]:
        assert words in text
    assert ("клавиатур" if language == "ru" else "keyboard") in text.lower()


def test_the_statements_are_in_the_sitemap(client):
    sitemap = client.get("/sitemap-page-lists.xml").content.decode()

    assert "/ru/privacy/" in sitemap and "/en/accessibility/" in sitemap
