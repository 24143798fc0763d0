"""A search snippet comes from the reader's language version when it matches, else from the other one, marked."""

import lxml.html
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from documents.models import Audience

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only"),
]

SUMMARIES = {
    "summary_ru": "Встреча обсудила защиту беженцев и лиц без гражданства в регионе.",
    "summary_en": "The meeting discussed the protection of refugees and stateless persons in the region.",
}
NOTE = {"ru": "(из английской версии)", "en": "(from the Russian version)"}


def snippets(client, query: str, language: str, url_name: str = "documents:document_list") -> list[tuple]:
    """(lang of the snippet or None, its marked words, its note) for each document found."""
    with translation.override(language):
        url = reverse(url_name)
    page = lxml.html.fromstring(client.get(url, {"q": query}).content.decode())
    found = []
    for snippet in page.xpath('//ol[contains(@class, "document-results")]//p[@class="snippet"]'):
        notes = snippet.xpath('./small[@class="other-language-note"]')
        found.append(
            (
                snippet.get("lang"),
                [mark.text_content() for mark in snippet.xpath(".//mark")],
                notes[0].text_content() if notes else "",
            )
        )
    return found


@pytest.mark.parametrize("url_name", ["documents:document_list", "search:search"])
@pytest.mark.parametrize(("language", "marked"), [("ru", ["беженцев"]), ("en", ["refugees"])])
def test_when_both_versions_match_the_snippet_is_in_the_readers_language(
    client, document_with_text, url_name, language, marked
):
    document_with_text(**SUMMARIES)

    assert snippets(client, "беженцев OR refugees", language, url_name) == [(None, marked, "")]


@pytest.mark.parametrize("url_name", ["documents:document_list", "search:search"])
@pytest.mark.parametrize(
    ("language", "query", "other", "marked"),
    [("ru", "stateless", "en", ["stateless"]), ("en", "гражданства", "ru", ["гражданства"])],
)
def test_when_only_the_other_version_matches_the_snippet_says_its_language(
    client, document_with_text, url_name, language, query, other, marked
):
    document_with_text(**SUMMARIES)

    assert snippets(client, query, language, url_name) == [(other, marked, NOTE[language])]


@pytest.mark.parametrize(
    ("language", "text", "marked"),
    [("ru", "Доклад о беженцах.", ["беженцах"]), ("en", "Report on refugees.", ["refugees"])],
)
def test_the_text_of_the_readers_language_file_is_the_readers_version(
    client, document_with_text, language, text, marked
):
    document_with_text(
        text, language=language, summary_ru="Доклад.", summary_en="A report.", title_ru="Беженцы", title_en="Refugees"
    )

    assert snippets(client, "беженцах OR refugees", language) == [(None, marked, "")]


def test_a_file_the_reader_may_not_download_gives_no_snippet_text(client, editor, document_with_text):
    document_with_text(
        "Confidential briefing on refugees.",
        language="en",
        file_audience=Audience.DELEGATES,
        title_en="Refugees",
        summary_en="",
        summary_ru="Доклад.",
    )

    public = snippets(client, "refugees", "en")
    client.force_login(editor)
    staff = snippets(client, "refugees", "en")

    assert public == [("ru", [], NOTE["en"])]
    assert staff == [(None, ["refugees"], "")]
