"""The secretariat's admin: every page answers for an editor in both languages."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from core.editors import EDITED_MODELS, EDITOR_GROUP_NAME
from tests.factories import DocumentFactory, MeetingFactory, NewsItemFactory, StateFactory

pytestmark = pytest.mark.django_db

EDITED_MODEL_ADMINS = [
    model for model in admin.site._registry if model._meta.model_name in EDITED_MODELS.get(model._meta.app_label, [])
]


# Partners send these through their links; editors review them but never add one.
ADDED_OUTSIDE_THE_ADMIN = {("intake", "submission")}


def admin_url(model, view, language):
    from django.utils import translation

    with translation.override(language):
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")


def test_every_edited_model_has_an_admin():
    registered = {(m._meta.app_label, m._meta.model_name) for m in EDITED_MODEL_ADMINS}
    expected = {(app, name) for app, names in EDITED_MODELS.items() for name in names}
    # Paragraphs, files and focal points are edited inline on their parents.
    assert expected - registered <= {
        ("meetings", "statementparagraph"),
        ("documents", "documentfile"),
    }


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("model", EDITED_MODEL_ADMINS, ids=lambda m: m._meta.label)
def test_editor_sees_changelist_and_add_page(editor_client, model, language):
    MeetingFactory()
    DocumentFactory()
    added_outside = (model._meta.app_label, model._meta.model_name) in ADDED_OUTSIDE_THE_ADMIN
    for view in ("changelist",) if added_outside else ("changelist", "add"):
        response = editor_client.get(admin_url(model, view, language))
        assert response.status_code == 200, (view, response.status_code)
        assert f'lang="{language}"' in response.text


def test_meeting_form_has_russian_and_english_tabs(editor_client):
    response = editor_client.get(admin_url(MeetingFactory._meta.model, "add", "en"))
    assert 'name="title_ru"' in response.text
    assert 'name="title_en"' in response.text
    assert "tabbed_translation_fields.js" in response.text
    assert "/static/vendor/jquery-ui.min.js" in response.text


def test_changelist_counts_and_filters_items_missing_a_language(editor_client):
    NewsItemFactory(title_en="", lead_en="", body_en="", title_ru="Только по-русски")
    NewsItemFactory()
    url = admin_url(NewsItemFactory._meta.model, "changelist", "en")

    page = editor_client.get(url)
    assert "1 item misses its English text" in page.text
    assert "0 items miss their Russian text" in page.text

    filtered = editor_client.get(url, {"missing": "en"})
    assert filtered.context["cl"].result_count == 1
    assert filtered.context["cl"].result_list[0].title_ru == "Только по-русски"


def test_editor_edits_a_meeting_and_the_history_remembers(editor_client):
    meeting = MeetingFactory(title_ru="Старое название", title_en="Old title")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "title_ru": "Новое название",
            "title_en": "New title",
            "process": meeting.process_id,
            "start_date": "2016-11-01",
            "end_date": "2016-11-02",
            "organisers": [],
            "participations-TOTAL_FORMS": 0,
            "participations-INITIAL_FORMS": 0,
        }
    )
    data.pop("organisers")
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    meeting.refresh_from_db()
    assert meeting.title_en == "New title"
    history = editor_client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk]))
    assert history.status_code == 200
    assert "editor" in history.text


def test_editor_group_may_edit_content_and_read_the_download_log_but_not_manage_users():
    group = Group.objects.get(name=EDITOR_GROUP_NAME)
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    expected = {
        (app_label, f"{action}_{model}")
        for app_label, models in EDITED_MODELS.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    } | {("accounts", "view_restricteddownload")}
    assert codenames == expected
    assert not any(app_label == "auth" for app_label, _codename in codenames)


def test_editor_reads_the_restricted_download_log(editor_client):
    response = editor_client.get(reverse("admin:accounts_restricteddownload_changelist"))
    assert response.status_code == 200


def test_editor_cannot_open_user_management(editor_client):
    response = editor_client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 403


def test_state_search_serves_autocomplete(editor_client):
    StateFactory(name_ru="Казахстан", name_en="Kazakhstan")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "Каз", "app_label": "meetings", "model_name": "participation", "field_name": "state"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Казахстан"]
