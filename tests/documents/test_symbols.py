"""Document symbols in the manner of the UN: validated, unique, shown, exported, searched and resolved."""

import csv
import io
import json

import lxml.html
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from documents.models import Audience, Document
from documents.symbols import normalise, validate_symbol
from tests.factories import DelegateFactory, DocumentFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "symbol",
    [
        "AP/SOM.3/2016/1",
        "AP/SOM.3/2016/1/Rev.1",
        "AP/SOM.3/2016/1/Corr.2",
        "AP/SOM.3/2016/1/Add.1",
        "AP/SOM.3/2016/1/Add.1/Rev.2",
        "AP/SOM.3/2016/1/Add.1/Rev.2/Corr.1",
        "AP/WG.1/2019/L.2",
        "AP/INF/2015/1",
    ],
)
def test_symbols_written_as_the_un_writes_them_are_accepted(symbol):
    validate_symbol(symbol)


@pytest.mark.parametrize(
    ("symbol", "message"),
    [
        ("AP", "parts separated by single slashes"),
        ("AP//2016/1", "parts separated by single slashes"),
        ("AP/SOM.3/2016/1/", "parts separated by single slashes"),
        ("AP/СОМ.3/2016/1", "parts separated by single slashes"),
        ("AP/SOM 3/2016/1", "no spaces"),
        ("ap/SOM.3/2016/1", "capital Latin letters"),
        ("AP/Rev.1/2016/1", "belongs at the end"),
        ("AP/SOM.3/2016/1/Rev.1/Rev.2", "at most once"),
        ("AP/" + "1" * 120, "at most 100 characters"),
    ],
)
def test_a_malformed_symbol_is_refused_with_a_message_saying_why(symbol, message):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            validate_symbol(symbol)
        assert message in error.value.messages[0]


def test_spaces_are_trimmed_and_suffixes_spelt_as_the_un_does():
    assert normalise("  AP / SOM.3/2016/1/rev.1 ") == "AP/SOM.3/2016/1/Rev.1"
    assert normalise("   ") == ""


def test_the_model_stores_the_normalised_symbol_and_many_documents_may_have_none():
    document = DocumentFactory.build(meeting=None, symbol=" AP/SOM.3/2016/1/corr.1 ")
    document.full_clean()
    assert document.symbol == "AP/SOM.3/2016/1/Corr.1"
    DocumentFactory(symbol="")
    DocumentFactory(symbol="")
    assert Document.objects.filter(symbol="").count() == 2


def test_two_documents_cannot_share_a_symbol_whatever_its_case():
    DocumentFactory(symbol="AP/SOM.3/2016/1")
    twin = DocumentFactory.build(meeting=None, symbol="AP/som.3/2016/1")
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            twin.full_clean()
        assert "Another document already has this symbol." in error.value.messages


def test_the_document_page_shows_the_symbol_as_a_link_to_its_resolver(client):
    document = DocumentFactory(symbol="AP/SOM.3/2016/1")
    with translation.override("en"):
        page = lxml.html.fromstring(client.get(document.get_absolute_url()).content)
    link = page.xpath("//dl[@class='facts']//a[@class='symbol']")[0]
    assert link.text == "AP/SOM.3/2016/1"
    assert link.get("href") == "/en/symbol/AP/SOM.3/2016/1"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_symbol_address_opens_the_document_page_in_the_addresses_language(client, language):
    document = DocumentFactory(symbol="AP/SOM.3/2016/1/Add.1/Rev.2")
    response = client.get(f"/{language}/symbol/ap/som.3/2016/1/add.1/rev.2")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/documents/{document.pk}/"


def test_an_unknown_or_malformed_symbol_is_not_found(client):
    DocumentFactory(symbol="AP/SOM.3/2016/1")
    assert client.get("/en/symbol/AP/SOM.3/2016/9").status_code == 404
    assert client.get("/en/symbol/%00%2F..").status_code in (400, 404)
    assert client.get("/en/symbol/" + "A/" * 300).status_code == 404


def test_a_restricted_documents_symbol_is_not_found_by_a_stranger_but_resolves_for_an_invited_delegate(client):
    delegate = DelegateFactory()
    meeting = ParticipationFactory(state=delegate.state).meeting
    document = DocumentFactory(meeting=meeting, audience=Audience.INVITED_STATES, symbol="AP/SOM.3/2016/5")
    assert client.get("/en/symbol/AP/SOM.3/2016/5").status_code == 404
    assert client.get("/en/documents/?q=AP/SOM.3/2016/5").status_code == 200
    stranger = DelegateFactory()
    client.force_login(stranger.user)
    assert client.get("/en/symbol/AP/SOM.3/2016/5").status_code == 404
    client.force_login(delegate.user)
    response = client.get("/en/symbol/AP/SOM.3/2016/5")
    assert response["Location"] == f"/en/documents/{document.pk}/"


def test_a_draft_documents_symbol_is_not_found(client):
    DocumentFactory(symbol="AP/SOM/2027/1", publication_status=Document.PublicationStatus.DRAFT)
    assert client.get("/ru/symbol/AP/SOM/2027/1").status_code == 404


def test_searching_the_archive_for_an_exact_symbol_opens_its_document(client):
    document = DocumentFactory(symbol="AP/SOM.3/2016/1")
    response = client.get("/en/documents/", {"q": " ap/som.3/2016/1 "})
    assert response.status_code == 302
    assert response["Location"] == f"/en/documents/{document.pk}/"
    # Not a symbol of any document: an ordinary search.
    assert client.get("/en/documents/", {"q": "AP/SOM.3/2016/2"}).status_code == 200


def test_the_site_search_for_an_exact_symbol_opens_its_document_if_the_reader_may_see_it(client):
    document = DocumentFactory(symbol="AP/SOM.3/2016/1")
    DocumentFactory(symbol="AP/SOM.3/2016/9", audience=Audience.DELEGATES)

    response = client.get("/ru/search/", {"q": "AP/SOM.3/2016/1"})
    hidden = client.get("/ru/search/", {"q": "AP/SOM.3/2016/9"})

    assert (response.status_code, response["Location"]) == (302, f"/ru/documents/{document.pk}/")
    assert hidden.status_code == 200  # an ordinary search, which finds nothing the reader may not see
    assert "AP/SOM.3/2016/9" not in " ".join(lxml.html.fromstring(hidden.content).xpath("//main//a/text()"))


def test_the_archive_list_shows_each_documents_symbol(client):
    DocumentFactory(symbol="AP/SOM.3/2016/1")
    page = lxml.html.fromstring(client.get("/en/documents/").content)
    assert page.xpath("//ol[contains(@class, 'document-results')]//span[@class='symbol']/text()") == ["AP/SOM.3/2016/1"]


def test_the_archive_exports_carry_the_symbol(client):
    DocumentFactory(symbol="AP/SOM.3/2016/1", title_en="Outcome statement")
    DocumentFactory(symbol="", title_en="Agenda")
    rows = list(
        csv.DictReader(
            io.StringIO(
                b"".join(client.get("/en/documents/export.csv?kind=report").streaming_content).decode("utf-8-sig")
            )
        )
    )
    assert {row["title_en"]: row["symbol"] for row in rows} == {"Outcome statement": "AP/SOM.3/2016/1", "Agenda": ""}
    items = json.loads(b"".join(client.get("/en/documents/export.json?kind=report").streaming_content))
    assert {item["title_en"]: item["symbol"] for item in items} == {
        "Outcome statement": "AP/SOM.3/2016/1",
        "Agenda": "",
    }


def test_editors_find_a_document_by_its_symbol_in_the_admin_and_see_it_in_the_list(editor_client):
    DocumentFactory(symbol="AP/SOM.3/2016/1", title_ru="Итоговое заявление")
    DocumentFactory(symbol="AP/SOM.3/2016/2", title_ru="Повестка дня")
    page = lxml.html.fromstring(editor_client.get("/ru/admin/documents/document/", {"q": "AP/SOM.3/2016/1"}).content)
    assert page.xpath("//table[@id='result_list']//td[@class='field-symbol']/text()") == ["AP/SOM.3/2016/1"]


def test_the_admin_form_has_the_symbol_and_refuses_a_malformed_one_with_a_message(editor_client):
    document = DocumentFactory(symbol="AP/SOM.3/2016/1")
    url = f"/ru/admin/documents/document/{document.pk}/change/"
    page = lxml.html.fromstring(editor_client.get(url).content)
    assert page.xpath("//input[@name='symbol']/@value") == ["AP/SOM.3/2016/1"]
    form = {field.name: field.value for field in page.forms[0].inputs if field.name and field.value is not None}
    response = editor_client.post(url, {**form, "symbol": "AP/SOM 3/2016"})
    assert response.status_code == 200
    assert "В условном обозначении нет пробелов" in response.text
