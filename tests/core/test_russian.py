"""The Russian an editor reads: messages that fit any noun and count, the process's terms, no English inside.

The admin builds many messages from verbose names; the project's catalogue overrides Django's,
django-reversion's and django-axes' own wording (core/admin_messages.py). These tests drive the
admin in Russian and read what it shows.
"""

import datetime
import json
import re
from pathlib import Path

import lxml.html
import pytest
import reversion
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from core.history import change_message_in_language
from meetings.models import Meeting, OutcomeStatement
from pages.models import Page
from tests.factories import (
    DocumentFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MeetingFactory,
    NewsItemFactory,
    OrganisationFactory,
    OutcomeStatementFactory,
    PageFactory,
    ParticipationFactory,
    ProcessFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db

# Wrong terms the editor's review found (TERMINOLOGY.md), and English field names inside Russian text.
WRONG_TERMS = re.compile(r"совещани|старш\w* должностн|\bНКО\b|стран\w*-участниц|агентств\w* ООН", re.IGNORECASE)
ENGLISH_FIELD_NAMES = re.compile(
    r"\b[A-Z][a-z]+(?: [a-z]+)* \[(?:ru|en)\]"  # "Title [ru]", as django-modeltranslation labels fields
    r"|поле \"[a-z_]+\""  # поле "number"
    r"|\b[a-z]+_[a-z_]+\b"  # code names such as publication_status
)


def admin_url(name, *args):
    with translation.override("ru"):
        return reverse(f"admin:{name}", args=args)


def page_tree(response):
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content.decode())


def messages_shown(response) -> list[str]:
    return [item.text_content().strip() for item in page_tree(response).xpath('//ul[@class="messagelist"]/li')]


def form_data(client, url, **changes) -> dict:
    """The values the admin's form at url would submit unchanged, with changes applied."""
    form = page_tree(client.get(url)).xpath('//form[@method="post"]')[-1]
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, value)
    data.update(changes)
    return data


def visible_text(response) -> str:
    tree = page_tree(response)
    for hidden in tree.xpath("//script | //style | //template"):
        hidden.getparent().remove(hidden)
    return " ".join(tree.text_content().split())


def add_page(client, **fields):
    url = admin_url("pages_page_add")
    data = form_data(client, url, **{"title_en": "Charter", "body_ru": "Текст.", "body_en": "Text.", **fields})
    return client.post(url, data, follow=True)


def test_adding_an_item_reports_it_in_words_that_fit_a_feminine_noun(editor_client):
    response = add_page(editor_client, title_ru="Устав", slug="charter")

    assert messages_shown(response) == ["Запись «Устав» (страница) добавлена."]


def test_adding_an_item_reports_it_in_words_that_fit_a_neuter_noun(editor_client):
    url = admin_url("participants_state_add")
    data = form_data(
        editor_client,
        url,
        name_ru="Монголия",
        name_en="Mongolia",
        slug="mongolia",
        iso_alpha2="MN",
        iso_alpha3="MNG",
        status="observer",
        year_joined="2013",
    )

    response = editor_client.post(url, data, follow=True)

    assert messages_shown(response) == ["Запись «Монголия» (государство) добавлена."]


def test_changing_an_item_reports_it_and_offers_to_go_on_editing(editor_client):
    page = PageFactory(title_ru="Устав", slug="charter")
    url = admin_url("pages_page_change", page.pk)

    saved = editor_client.post(url, form_data(editor_client, url, title_ru="Устав процесса"), follow=True)
    continued = editor_client.post(url, form_data(editor_client, url, _continue="1"), follow=True)

    assert messages_shown(saved) == ["Запись «Устав процесса» (страница) изменена."]
    assert messages_shown(continued) == [
        "Запись «Устав процесса» (страница) изменена. Ниже её можно отредактировать снова."
    ]


def test_deleting_an_item_asks_and_reports_in_words_that_fit_any_noun(editor_client):
    page = PageFactory(title_ru="Устав", slug="charter")
    url = admin_url("pages_page_delete", page.pk)

    confirmation = page_tree(editor_client.get(url))
    question = confirmation.xpath('//div[@id="content"]//p')[0].text_content()
    response = editor_client.post(url, {"post": "yes"}, follow=True)

    assert question.startswith("Удалить запись «Устав» (страница)?")
    assert confirmation.xpath('//form//input[@type="submit"]/@value') == ["Да, удалить"]
    assert confirmation.xpath('//div[@class="breadcrumbs"]/a')[0].text_content() == "Главная"
    assert messages_shown(response) == ["Запись «Устав» (страница) удалена."]
    assert not Page.objects.exists()


@pytest.mark.parametrize(("count", "expected"), [(1, "страница"), (2, "страницы"), (5, "страницы")])
def test_bulk_deletion_asks_and_reports_with_the_count_apart_from_the_noun(editor_client, count, expected):
    pages = PageFactory.create_batch(count)
    url = admin_url("pages_page_changelist")
    data = {"action": "delete_selected", "_selected_action": [page.pk for page in pages]}

    question = page_tree(editor_client.post(url, data)).xpath('//div[@id="content"]//p')[0].text_content()
    response = editor_client.post(url, {**data, "post": "yes"}, follow=True)

    assert question.startswith(f"Удалить выбранные записи ({expected})?")
    assert messages_shown(response) == [f"Удалено записей: {count} ({expected})."]


@pytest.mark.parametrize("count", [1, 2, 5, 21])
def test_change_list_counts_items_in_a_form_that_fits_any_number(editor_client, count):
    NewsItemFactory.create_batch(count)

    tree = page_tree(editor_client.get(admin_url("pages_newsitem_changelist")))

    assert tree.xpath('//p[@class="paginator"]/span[@class="result-count"]')[0].text_content() == f"Всего: {count}"
    assert " ".join(tree.xpath("//h1")[0].text_content().split()) == "Выберите запись (новость) для изменения"
    actions = {option.text_content() for option in tree.xpath('//select[@name="action"]/option')}
    assert "Удалить выбранные записи (новости)" in actions


def test_add_buttons_and_inline_links_set_the_model_name_apart_with_a_colon(editor_client):
    meeting = MeetingFactory(title_ru="Встреча рабочей группы")

    changelist = page_tree(editor_client.get(admin_url("pages_page_changelist")))
    add_form = page_tree(editor_client.get(admin_url("pages_page_add")))
    meeting_form = page_tree(editor_client.get(admin_url("meetings_meeting_change", meeting.pk)))

    add_button = changelist.xpath('//ul[@class="object-tools"]//a[contains(@class, "addlink")]')[0]
    assert add_button.text_content().strip() == "Добавить: страница"
    assert " ".join(add_form.xpath("//h1")[0].text_content().split()) == "Добавить: страница"
    inline = json.loads(meeting_form.xpath("//*[@data-inline-formset]/@data-inline-formset")[0])
    assert inline["options"]["addText"] == "Участие во встрече: добавить ещё"


def test_history_names_changed_fields_in_russian(editor_client):
    page = PageFactory(title_ru="Устав", slug="charter")
    url = admin_url("pages_page_change", page.pk)
    editor_client.post(url, form_data(editor_client, url, title_ru="Устав процесса", body_en="New text."))

    history = page_tree(editor_client.get(admin_url("pages_page_history", page.pk)))

    comments = [cell.text_content().strip() for cell in history.xpath('//table[@id="change-history"]//td[last()]')]
    assert comments == ["Изменено: название [ru] и текст [en]."]


def test_history_names_fields_in_russian_also_in_entries_stored_as_english_labels(editor_client):
    page = PageFactory(title_ru="Устав", slug="charter")
    with reversion.create_revision():
        page.save()
        # What earlier versions of the portal stored: the message as text, field labels in English.
        reversion.set_comment("Изменено Title [ru] и Position in the menu.")

    history = page_tree(editor_client.get(admin_url("pages_page_history", page.pk)))

    comments = [cell.text_content().strip() for cell in history.xpath('//table[@id="change-history"]//td[last()]')]
    assert comments == ["Изменено название [ru] и позиция в меню."]


def test_history_of_inline_items_names_the_item_and_its_fields_in_russian():
    message = json.dumps(
        [
            {"added": {"name": "participation", "object": "Казахстан — Встреча"}},
            {"changed": {"name": "paragraph", "object": "Заявление §3", "fields": ["Text [ru]", "Number"]}},
        ]
    )

    assert change_message_in_language(message, OutcomeStatement) == (
        "Добавлено: участие во встрече «Казахстан — Встреча». "
        "Изменено у записи «Заявление §3» (пункт): текст [ru] и номер."
    )


def test_history_speaks_english_on_the_english_admin(editor_client):
    message = json.dumps([{"changed": {"fields": ["Title [ru]", "Status"]}}])

    with translation.override("en"):
        assert change_message_in_language(message, Meeting) == "Changed title [ru] and status."


def test_duplicate_paragraph_numbers_name_the_field_in_russian(editor_client):
    statement = OutcomeStatementFactory(title_ru="Итоговое заявление")
    StatementParagraphFactory(statement=statement, number=1)
    StatementParagraphFactory(statement=statement, number=2)
    url = admin_url("meetings_outcomestatement_change", statement.pk)

    response = editor_client.post(url, form_data(editor_client, url, **{"paragraphs-1-number": "1"}))

    errors = [item.text_content() for item in page_tree(response).xpath('//ul[contains(@class, "errorlist")]/li')]
    assert errors == ["Исправьте повторяющиеся значения в поле «номер».", "Исправьте повторяющиеся значения ниже."]
    assert not any('"number"' in error or "number" in error for error in errors)


def test_restore_and_recover_pages_speak_russian(editor_client):
    page = PageFactory(title_ru="Устав", slug="charter")
    with reversion.create_revision():
        page.save()
    version = Version.objects.get_for_object(page).first()

    revision_page = page_tree(editor_client.get(admin_url("pages_page_revision", page.pk, version.pk)))
    recover_list = visible_text(editor_client.get(admin_url("pages_page_recoverlist")))

    assert " ".join(revision_page.xpath("//h1")[0].text_content().split()) == "Возврат к версии: «Устав»"
    assert "Чтобы вернуть запись к этой версии, нажмите кнопку «Сохранить» ниже." in revision_page.text_content()
    assert "Восстановить удалённые записи (страницы)" in recover_list
    assert "Recover" not in recover_list


def russian_admin_pages(client):
    """The admin's main flows, in Russian, on content named as the process names it."""
    process = ProcessFactory(name_ru="Алматинский процесс")
    meeting = MeetingFactory(title_ru="Третья встреча высших должностных лиц", process=process)
    state = StateFactory(name_ru="Казахстан")
    ParticipationFactory(meeting=meeting, state=state)
    organisation = OrganisationFactory(name_ru="Датский совет по делам беженцев", kind="ngo")
    document = DocumentFactory(title_ru="Доклад встречи", meeting=meeting)
    statement = OutcomeStatementFactory(meeting=meeting, title_ru="Итоговое заявление")
    page = PageFactory(title_ru="Об Алматинском процессе")
    indicator = IndicatorFactory(name_ru="Лица, ищущие убежища")
    value = IndicatorValueFactory(indicator=indicator, state=state)
    urls = [admin_url("index"), admin_url("indicators_indicatorvalue_import")]
    for model, obj in [
        ("meetings_meeting", meeting),
        ("meetings_outcomestatement", statement),
        ("participants_state", state),
        ("participants_organisation", organisation),
        ("documents_document", document),
        ("pages_page", page),
        ("indicators_indicator", indicator),
        ("indicators_indicatorvalue", value),
    ]:
        urls += [
            admin_url(f"{model}_changelist"),
            admin_url(f"{model}_add"),
            admin_url(f"{model}_change", obj.pk),
            admin_url(f"{model}_history", obj.pk),
            admin_url(f"{model}_delete", obj.pk),
        ]
    return {url: visible_text(client.get(url)) for url in urls}


def test_no_russian_admin_page_uses_the_wrong_terms_or_english_field_names(editor_client):
    pages = russian_admin_pages(editor_client)

    wrong = {url: found for url, text in pages.items() if (found := WRONG_TERMS.findall(text))}
    english = {url: found for url, text in pages.items() if (found := ENGLISH_FIELD_NAMES.findall(text))}
    assert wrong == {}
    assert english == {}


def catalogue_translations() -> list[tuple[str, str]]:
    """(msgid, msgstr) for every translation of locale/ru/LC_MESSAGES/django.po, plural forms included."""
    entries, current, key = [], {}, None
    lines = Path(settings.BASE_DIR, "locale", "ru", "LC_MESSAGES", "django.po").read_text().splitlines()
    for line in [*lines, ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if "msgid" in current:
                entries += [(current["msgid"], text) for name, text in current.items() if name.startswith("msgstr")]
            current, key = {}, None
            continue
        if line.startswith('"'):
            current[key] += json.loads(line)
            continue
        key, _, literal = line.partition(" ")
        current[key] = json.loads(literal)
    return [(msgid, msgstr) for msgid, msgstr in entries if msgid]


def test_the_catalogue_uses_the_process_terms_throughout():
    entries = catalogue_translations()

    assert len(entries) > 500
    assert [(msgid, msgstr) for msgid, msgstr in entries if WRONG_TERMS.search(msgstr)] == []


def test_the_catalogue_quotes_with_guillemets_writes_yo_and_keeps_the_year_on_its_line():
    entries = catalogue_translations()

    straight_or_english_quotes = [
        msgstr for _, msgstr in entries if re.search(r"[“”]|(?<![=\w])\"", msgstr) and "<a href" not in msgstr
    ]
    assert straight_or_english_quotes == []
    assert [msgstr for _, msgstr in entries if re.search(r"\b[Ее]ще\b|учетн", msgstr)] == []
    assert [msgstr for _, msgstr in entries if re.search(r" г\.", msgstr)] == []


def test_russian_dates_take_the_genitive_month_and_keep_the_year_with_its_abbreviation():
    from django.template import Context, Template
    from django.utils.formats import date_format

    day = datetime.date(2022, 4, 20)
    rendered = Template("{% load portal %}{% date_range start end %}").render(
        Context({"start": datetime.date(2016, 11, 16), "end": datetime.date(2016, 11, 17)})
    )

    assert date_format(day) == "20 апреля 2022\u00a0г."
    assert date_format(day, "MONTH_DAY_FORMAT") == "20 апреля"
    assert lxml.html.fromstring(rendered).text_content() == "16–17 ноября 2016\u00a0г."


def test_organisation_groups_are_headed_in_the_plural(client):
    for kind in ["un_agency", "international", "ngo", "research", "process"]:
        OrganisationFactory(kind=kind)

    headings = page_tree(client.get("/ru/organisations/")).xpath('//h2[starts-with(@id, "kind-")]')

    assert [" ".join(heading.text.split()) for heading in headings] == [
        "Консультативные процессы",
        "Учреждения ООН",
        "Международные организации",
        "НПО",
        "Научно-исследовательские институты",
    ]


def test_version_comparison_names_changed_fields_in_russian(editor_client):
    page = PageFactory(title_ru="Устав", slug="charter")
    url = admin_url("pages_page_change", page.pk)
    editor_client.post(url, form_data(editor_client, url, title_ru="Устав процесса"))
    editor_client.post(url, form_data(editor_client, url, body_ru="Новый текст."))
    older, newer = sorted(Version.objects.get_for_object(page).values_list("pk", flat=True))

    compare = page_tree(
        editor_client.get(admin_url("pages_page_history_compare", page.pk), {"version_a": older, "version_b": newer})
    )

    rows = [" ".join(row.text_content().split()) for row in compare.xpath('//div[@id="content-main"]/table[1]//td')]
    assert rows[0].endswith("· Изменено: название [ru].")
    assert rows[1].endswith("· Изменено: текст [ru].")
