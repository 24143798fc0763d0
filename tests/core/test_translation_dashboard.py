"""The translation dashboard: everything that lacks its Russian or English text, in one admin page."""

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html
from modeltranslation.translator import translator

from tests.factories import DocumentFactory, MeetingFactory, OutcomeStatementFactory, StatementParagraphFactory

pytestmark = pytest.mark.django_db


def dashboard_url(language="en"):
    with translation.override(language):
        return reverse("admin_translations")


def page(response):
    return html.fromstring(response.content.decode())


def counts(response) -> dict[str, tuple[str, str]]:
    return {
        row.get("data-kind"): (
            row.xpath("./td[@class='count-ru']")[0].text_content().strip(),
            row.xpath("./td[@class='count-en']")[0].text_content().strip(),
        )
        for row in page(response).xpath("//table[@class='translation-counts']/tbody/tr")
    }


def listed(response, kind) -> list[tuple[str, str | None]]:
    section = page(response).xpath(f"//section[@data-kind='{kind}']")
    if not section:
        return []
    return [
        (
            item.xpath("./a")[0].text_content().strip() if item.xpath("./a") else item.text.strip(),
            item.xpath("./a")[0].get("href") if item.xpath("./a") else None,
        )
        for item in section[0].xpath(".//ul[@class='translation-items']/li")
    ]


def test_the_dashboard_counts_what_lacks_each_language_per_kind_and_links_each_item(editor_client):
    meeting = MeetingFactory(title_en="", title_ru="Совещание без перевода")
    document = DocumentFactory(title_ru="", title_en="Untranslated report", meeting=MeetingFactory())
    statement = OutcomeStatementFactory(title_ru="Заявление", title_en="Statement")
    StatementParagraphFactory(statement=statement, number=1, text_en="")
    DocumentFactory()  # both languages: not listed

    response = editor_client.get(dashboard_url())

    assert response.status_code == 200
    table = counts(response)
    assert table["meetings.meeting"] == ("0", "1")
    assert table["documents.document"] == ("1", "0")
    assert table["meetings.statementparagraph"] == ("0", "1")
    assert table["glossary.term"] == ("0", "0")
    assert listed(response, "meetings.meeting") == [
        ("Совещание без перевода", reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    ]
    assert listed(response, "documents.document") == [
        ("Untranslated report", reverse("admin:documents_document_change", args=[document.pk]))
    ]
    # A paragraph is edited in its statement's page.
    assert listed(response, "meetings.statementparagraph") == [
        ("Statement §1", reverse("admin:meetings_outcomestatement_change", args=[statement.pk]))
    ]
    total = page(response).xpath("//p[@class='translation-total']")[0].text_content().split()
    assert total[0] == "3"


def test_one_kind_is_listed_page_by_page_and_by_the_language_it_lacks(editor_client):
    for number in range(55):
        MeetingFactory(title_en="", title_ru=f"Совещание {number:02d}")
    MeetingFactory(title_ru="", title_en="Meeting without Russian")

    first = editor_client.get(dashboard_url(), {"kind": "meetings.meeting", "missing": "en"})
    second = editor_client.get(dashboard_url(), {"kind": "meetings.meeting", "missing": "en", "page": "2"})
    russian = editor_client.get(dashboard_url(), {"kind": "meetings.meeting", "missing": "ru"})

    assert len(listed(first, "meetings.meeting")) == 50
    assert [label for label, _url in listed(second, "meetings.meeting")] == [f"Совещание {n}" for n in range(50, 55)]
    assert [label for label, _url in listed(russian, "meetings.meeting")] == ["Meeting without Russian"]
    assert listed(first, "documents.document") == []


def test_the_dashboard_runs_a_bounded_number_of_queries(editor_client, django_assert_max_num_queries):
    for _number in range(30):
        MeetingFactory(title_en="")
        DocumentFactory(title_ru="", meeting=MeetingFactory())
        StatementParagraphFactory(text_ru="")
    editor_client.get(dashboard_url())
    # One query counts each translated model's gaps, one more lists the first items of a kind with gaps;
    # the session, the user and the permissions are the rest.
    kinds = len(translator.get_registered_models(abstract=False))
    with django_assert_max_num_queries(kinds + 3 + 4):
        response = editor_client.get(dashboard_url())
    assert counts(response)["meetings.statementparagraph"] == ("30", "0")
    assert len(listed(response, "meetings.statementparagraph")) == 10

    with django_assert_max_num_queries(kinds + 2 + 4):
        response = editor_client.get(dashboard_url(), {"kind": "meetings.statementparagraph"})
    assert len(listed(response, "meetings.statementparagraph")) == 30


@pytest.mark.parametrize("query", [{"kind": "auth.user"}, {"kind": "nothing"}, {"missing": "de"}])
def test_an_unknown_kind_or_language_is_not_found(editor_client, query):
    assert editor_client.get(dashboard_url(), query).status_code == 404


def test_the_dashboard_is_for_staff_only(client, django_user_model):
    assert client.get(dashboard_url()).status_code == 302
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    response = client.get(dashboard_url())
    assert response.status_code == 302
    assert "/login/" in response.url


def test_the_dashboard_speaks_russian_and_is_linked_from_the_admin_index(editor_client):
    MeetingFactory(title_en="")

    response = editor_client.get(dashboard_url("ru"))
    index = page(editor_client.get(reverse("admin:index")))

    assert page(response).xpath("//table[@class='translation-counts']/thead/tr/th")[1].text_content().strip() == (
        "без русского текста"
    )
    assert index.xpath(f"//nav[@class='desk-links']/a[@href='{reverse('admin_translations')}']")
