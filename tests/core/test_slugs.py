"""Slugs from titles: a Russian title gives a Latin slug, in the browser and on the server alike."""

import json
import shutil
import subprocess
from pathlib import Path

import django
import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from core.slugs import urlify
from meetings.models import Meeting
from pages.models import NewsItem
from tests.factories import MeetingFactory, ProcessFactory

TITLES = [
    "Третье совещание старших должностных лиц",
    "Встреча в Алматы: ёлки, щука и съезд (2016)",
    "Regional Conference on Refugee Protection — Almaty, 2011",
    "  Café «Übersee» & Co.  ",
    "Алматы-2016 -- итоги",
]


def test_a_russian_title_gives_a_latin_slug():
    assert urlify("Третье совещание старших должностных лиц", 50) == "trete-soveshanie-starshih-dolzhnostnyh-lic"
    assert urlify("Встреча в Алматы: ёлки", 120) == "vstrecha-v-almaty-yolki"


def test_the_server_and_the_admins_urlify_agree():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = Path(django.__file__).parent / "contrib/admin/static/admin/js/urlify.js"
    program = (
        "globalThis.window = globalThis;\n"
        + script.read_text()
        + f"\nconsole.log(JSON.stringify({json.dumps(TITLES)}.map((t) => URLify(t, 30, false))));"
    )
    result = subprocess.run([node, "-e", program], capture_output=True, text=True, check=True, timeout=30)

    assert json.loads(result.stdout) == [urlify(title, 30) for title in TITLES]


def add_url(model):
    with translation.override("en"):
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


@pytest.mark.django_db
def test_a_meeting_saved_with_a_russian_title_only_gets_a_transliterated_slug(editor_client):
    process = ProcessFactory()
    MeetingFactory(slug="vstrecha-v-almaty")
    data = {
        "title_ru": "Встреча в Алматы",
        "title_en": "",
        "slug": "",
        "kind": Meeting.Kind.SENIOR_OFFICIALS,
        "process": process.pk,
        "start_date": "2016-11-15",
        "end_date": "2016-11-16",
        "status": Meeting.Status.HELD,
        "publication_status": "draft",
        "participations-TOTAL_FORMS": "0",
        "participations-INITIAL_FORMS": "0",
        "participations-MIN_NUM_FORMS": "0",
        "participations-MAX_NUM_FORMS": "1000",
    }

    response = editor_client.post(add_url(Meeting), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Meeting.objects.filter(title_ru="Встреча в Алматы").get().slug == "vstrecha-v-almaty-2"


@pytest.mark.django_db
def test_an_english_title_wins_and_a_typed_slug_is_kept(editor_client):
    base = {"date": "2016-11-15", "publication_status": "draft", "lead_ru": "", "body_ru": ""}
    editor_client.post(add_url(NewsItem), {**base, "title_ru": "Форум", "title_en": "Regional forum", "slug": ""})
    editor_client.post(add_url(NewsItem), {**base, "title_ru": "Форум 2", "title_en": "Forum", "slug": "my-slug"})

    assert sorted(NewsItem.objects.values_list("slug", flat=True)) == ["my-slug", "regional-forum"]


@pytest.mark.django_db
def test_the_add_form_tells_the_browser_where_the_slug_comes_from(editor_client):
    page = editor_client.get(add_url(Meeting)).text

    sources = lxml.html.fromstring(page).get_element_by_id("portal-slug-sources").get("data-sources")
    assert json.loads(sources) == {"slug": ["title_en", "title_ru"]}
    assert "js/admin_slug.js" in page and "admin/js/urlify.js" in page
