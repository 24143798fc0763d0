"""Two editors, one item: a save from a form opened before someone else's save never undoes it silently."""

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.editors import EDITOR_GROUP_NAME
from documents.models import Audience, Document
from meetings.models import StatementParagraph
from tests.factories import DocumentFactory, StatementParagraphFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor_client(django_user_model):
    user = django_user_model.objects.create_user("editor2", "editor2@example.org", "editor-pass-2", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR_GROUP_NAME))
    client = Client()
    client.force_login(user)
    return client


def change_url(name, pk, language="en"):
    with translation.override(language):
        return reverse(f"admin:{name}_change", args=[pk])


def open_form(client, url):
    """What a browser would send back from the change form, as the editor left it."""
    page = lxml.html.fromstring(client.get(url).text)
    form = next(form for form in page.forms if form.get("id", "").endswith("_form"))
    data = dict(form.form_values())
    for select in form.xpath(".//select[@multiple]"):
        data[select.get("name")] = select.xpath("./option[@selected]/@value")
    return data


def error_texts(response):
    page = lxml.html.fromstring(response.text)
    return [" ".join(item.text_content().split()) for item in page.xpath('//ul[contains(@class, "errorlist")]/li')]


def test_a_withdrawal_is_not_undone_by_an_older_form(editor_client, second_editor_client):
    document = DocumentFactory(title_en="Report on mixed migraton")
    url = change_url("documents_document", document.pk)
    typo_fix = open_form(second_editor_client, url)

    withdrawal = open_form(editor_client, url)
    withdrawal.update(publication_status="draft", audience=Audience.DELEGATES)
    assert editor_client.post(url, withdrawal).status_code == 302

    typo_fix["title_en"] = "Report on mixed migration"
    response = second_editor_client.post(url, typo_fix)

    assert response.status_code == 200
    document.refresh_from_db()
    assert (document.publication_status, document.audience, document.title_en) == (
        "draft",
        Audience.DELEGATES,
        "Report on mixed migraton",
    )
    errors = error_texts(response)
    assert any("after you opened this form" in error for error in errors)
    assert any(
        error.startswith("Publication status:") and "“published”" in error and "“draft”" in error for error in errors
    )
    assert any(error.startswith("Who may see it:") and "“everyone”" in error for error in errors)
    # Nothing the editor typed is lost.
    page = lxml.html.fromstring(response.text)
    assert page.xpath('//input[@name="title_en"]')[0].get("value") == "Report on mixed migration"


def test_saving_again_after_the_warning_keeps_the_editors_version(editor_client, second_editor_client):
    document = DocumentFactory(title_en="Old title")
    url = change_url("documents_document", document.pk)
    stale = open_form(second_editor_client, url)
    fresh = open_form(editor_client, url)
    fresh["summary_en"] = "A summary"
    editor_client.post(url, fresh)

    stale["title_en"] = "New title"
    refused = second_editor_client.post(url, stale)
    resubmitted = dict(lxml.html.fromstring(refused.text).get_element_by_id("document_form").form_values())
    resubmitted["states"] = resubmitted["organisations"] = []
    assert second_editor_client.post(url, resubmitted).status_code == 302

    document.refresh_from_db()
    assert document.title_en == "New title"


def test_an_up_to_date_form_saves_without_a_warning(editor_client):
    document = DocumentFactory(title_en="Old title")
    url = change_url("documents_document", document.pk)
    data = open_form(editor_client, url)
    data["title_en"] = "New title"
    assert editor_client.post(url, data).status_code == 302
    assert Document.objects.get(pk=document.pk).title_en == "New title"


def test_an_inline_edit_counts_as_a_change_of_its_parent(editor_client, second_editor_client):
    paragraph = StatementParagraphFactory(number=1, text_en="Participants noted.")
    statement = paragraph.statement
    url = change_url("meetings_outcomestatement", statement.pk)
    stale = open_form(second_editor_client, url)

    fresh = open_form(editor_client, url)
    fresh["paragraphs-0-text_en"] = "Participants welcomed."
    assert editor_client.post(url, fresh).status_code == 302

    stale["title_en"] = "Outcome statement of the meeting"
    response = second_editor_client.post(url, stale)

    assert response.status_code == 200
    assert StatementParagraph.objects.get(pk=paragraph.pk).text_en == "Participants welcomed."
    errors = error_texts(response)
    assert any("“Participants noted.”" in error and "“Participants welcomed.”" in error for error in errors)


def test_a_tampered_token_is_refused_with_a_message(editor_client):
    document = DocumentFactory()
    url = change_url("documents_document", document.pk)
    data = open_form(editor_client, url)
    data["edit_token"] = "forged"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert any("Reload the page" in error for error in error_texts(response))


def test_the_warning_is_in_russian_in_the_russian_admin(editor_client, second_editor_client):
    document = DocumentFactory()
    url = change_url("documents_document", document.pk, language="ru")
    stale = open_form(second_editor_client, url)
    fresh = open_form(editor_client, url)
    fresh["publication_status"] = "draft"
    editor_client.post(url, fresh)

    errors = error_texts(second_editor_client.post(url, stale))

    assert any(error.startswith("После того как вы открыли эту форму") for error in errors)
    assert any("при открытии формы было «опубликовано», теперь «черновик»" in error for error in errors)
