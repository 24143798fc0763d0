"""Subscribe to this search: any list address of the archive has an Atom feed of its results."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from lxml import html

from core.models import Publishable
from documents.models import Audience
from tests.factories import DelegateFactory, DocumentFactory, MeetingFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DRAFT = Publishable.PublicationStatus.DRAFT


def feed(client, language="ru", **params):
    response = client.get(f"/{language}/documents/feed/search/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entry_titles(root) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]


def test_the_feed_lists_the_searchs_documents_newest_additions_first(client):
    DocumentFactory(title_ru="Доклад о беженцах", date=datetime.date(2020, 1, 1))
    DocumentFactory(title_ru="Протокол о торговле людьми")
    DocumentFactory(title_ru="Старый доклад о беженцах, добавленный позже", date=datetime.date(2003, 1, 1))

    root = feed(client, q="беженцы")

    assert entry_titles(root) == ["Старый доклад о беженцах, добавленный позже", "Доклад о беженцах"]
    assert root.findtext(f"{ATOM}title") == "Алматинский процесс: документы по запросу «беженцы»"


def test_the_feed_reads_every_filter_of_the_list(client):
    DocumentFactory(title_en="Report 2010", date=datetime.date(2010, 5, 1))
    DocumentFactory(title_en="Report 2011", date=datetime.date(2011, 5, 1))

    root = feed(client, "en", year="2010", page="2")

    assert entry_titles(root) == ["Report 2010"]
    link = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert urlsplit(link).path == "/en/documents/"
    assert parse_qs(urlsplit(link).query) == {"year": ["2010"]}


@pytest.mark.parametrize("reader", ["anonymous", "staff", "delegate"])
def test_a_restricted_document_never_appears_in_the_feed_whoever_asks(client, reader):
    meeting = MeetingFactory()
    delegate = DelegateFactory()
    ParticipationFactory(meeting=meeting, state=delegate.state)
    DocumentFactory(title_ru="Открытый доклад о беженцах", meeting=meeting)
    DocumentFactory(title_ru="Черновик о беженцах", publication_status=DRAFT, meeting=meeting)
    DocumentFactory(title_ru="Будущий доклад о беженцах", publish_at=timezone.now() + datetime.timedelta(days=3))
    DocumentFactory(title_ru="Доклад о беженцах для делегатов", audience=Audience.ATTENDED_STATES, meeting=meeting)
    DocumentFactory(title_ru="Доклад о беженцах скрытой встречи", meeting=MeetingFactory(publication_status=DRAFT))
    if reader == "staff":
        client.force_login(UserFactory(is_staff=True))
    elif reader == "delegate":
        client.force_login(delegate.user)

    assert entry_titles(feed(client, q="беженцы")) == ["Открытый доклад о беженцах"]
    # Control: the list itself shows staff more.
    listed = client.get("/ru/documents/", {"q": "беженцы"}).context["paginator"].count
    assert listed == {"anonymous": 1, "delegate": 2, "staff": 5}[reader]


def test_a_filter_naming_a_hidden_meeting_gets_a_400_not_its_documents(client):
    hidden = MeetingFactory(publication_status=DRAFT, slug="hidden-meeting")
    DocumentFactory(meeting=hidden)
    client.force_login(UserFactory(is_staff=True))

    assert client.get("/ru/documents/feed/search/", {"meeting": "hidden-meeting"}).status_code == 400


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"kind": "bogus"},
        {"sort": "random"},
        {"q": "x" * 201},
        {"language": "xx"},
        {"state": "nowhere"},
    ],
)
def test_bad_filter_values_get_a_400(client, params):
    assert client.get("/ru/documents/feed/search/", params).status_code == 400


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_list_links_its_feed_with_the_same_parameters(client, language):
    DocumentFactory(title_ru="Доклад о беженцах", date=datetime.date(2010, 1, 1))

    response = client.get(f"/{language}/documents/", {"q": "беженцы", "year": "2010", "page": "1"})

    page = html.fromstring(response.content)
    head_links = page.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]/@href')
    subscribe = page.xpath("//p[@class='subscribe']/a")[0]
    expected = f"/{language}/documents/feed/search/?q=%D0%B1%D0%B5%D0%B6%D0%B5%D0%BD%D1%86%D1%8B&year=2010"
    assert expected in head_links
    assert subscribe.get("href") == expected
    assert subscribe.text_content() == ("Подписаться на этот поиск" if language == "ru" else "Subscribe to this search")
