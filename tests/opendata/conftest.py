import pytest
from lxml import etree

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def oai(client):
    """Ask /oai/ with these arguments; the parsed XML answer (after checking it is a 200 in XML)."""

    def ask(**arguments):
        response = client.get("/oai/", arguments)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        return etree.fromstring(response.content)

    return ask


def error_codes(tree) -> list[str]:
    return [error.get("code") for error in tree.findall("oai:error", NS)]


def identifiers(tree) -> list[str]:
    return [element.text for element in tree.iterfind(".//oai:header/oai:identifier", NS)]
