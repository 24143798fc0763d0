"""The read-only JSON API at /api/v1/: both languages, the site's filters, pages, ETags, CORS, rate limit."""

import datetime
import hashlib

import pytest
from django.core.files.base import ContentFile

from actionplan.models import Activity
from tests.factories import (
    ActivityFactory,
    DocumentFactory,
    DocumentFileFactory,
    IndicatorValueFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgressUpdateFactory,
    StateFactory,
    StatementParagraphFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_a_meeting_gives_its_translated_fields_in_both_languages_and_null_where_missing(client):
    MeetingFactory(
        slug="third-som", title_ru="Третье совещание", title_en="Third meeting", summary_ru="Итоги.", summary_en=""
    )

    meeting = get_json(client, "/api/v1/meetings/third-som/")

    assert meeting["title"] == {"ru": "Третье совещание", "en": "Third meeting"}
    assert meeting["summary"] == {"ru": "Итоги.", "en": None}
    assert meeting["url"] == {
        "ru": "http://testserver/ru/meetings/third-som/",
        "en": "http://testserver/en/meetings/third-som/",
    }


def test_a_document_lists_its_files_with_download_address_size_and_checksum(client):
    content = b"Report of the meeting.\n"
    document = DocumentFactory(title_en="Report", title_ru="Доклад")
    DocumentFileFactory(document=document, language="en", file=ContentFile(content, name="report.txt"))

    item = get_json(client, f"/api/v1/documents/{document.pk}/")

    assert item["title"] == {"ru": "Доклад", "en": "Report"}
    assert item["meeting"] == document.meeting.slug
    [file] = item["files"]
    assert (file["language"], file["size"], file["sha256"]) == ("en", len(content), hashlib.sha256(content).hexdigest())
    download = client.get(file["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content


def test_a_document_gives_its_symbol(client):
    document = DocumentFactory(symbol="AP/SOM.3/2016/1/Rev.1")
    unnumbered = DocumentFactory(symbol="")

    assert get_json(client, f"/api/v1/documents/{document.pk}/")["symbol"] == "AP/SOM.3/2016/1/Rev.1"
    assert get_json(client, f"/api/v1/documents/{unnumbered.pk}/")["symbol"] == ""


def test_the_document_list_takes_the_archive_filters_and_says_which_value_is_wrong(client):
    DocumentFactory(title_en="Old", date=datetime.date(2014, 3, 1))
    DocumentFactory(title_en="New", date=datetime.date(2019, 3, 1))

    found = get_json(client, "/api/v1/documents/?year=2019")
    errors = get_json(client, "/api/v1/documents/?year=20x9", status=400)

    assert [item["title"]["en"] for item in found["results"]] == ["New"]
    assert list(errors) == ["year"]
    assert errors["year"]


def test_documents_are_newest_first_or_oldest_first_as_on_the_archive_page(client):
    for year in (2015, 2018, 2016):
        DocumentFactory(title_en=f"Paper {year}", date=datetime.date(year, 1, 1))

    newest = get_json(client, "/api/v1/documents/")
    oldest = get_json(client, "/api/v1/documents/?sort=oldest")

    assert [item["date"][:4] for item in newest["results"]] == ["2018", "2016", "2015"]
    assert [item["date"][:4] for item in oldest["results"]] == ["2015", "2016", "2018"]


def test_the_meeting_list_takes_the_meeting_page_filters(client):
    MeetingFactory(slug="som", kind="som")
    MeetingFactory(slug="workshop", kind="workshop")

    found = get_json(client, "/api/v1/meetings/?kind=workshop")
    errors = get_json(client, "/api/v1/meetings/?kind=party", status=400)

    assert [item["slug"] for item in found["results"]] == ["workshop"]
    assert list(errors) == ["kind"]


def test_activities_take_the_action_plan_filters_and_carry_their_approved_updates(client):
    lead = StateFactory(slug="leadland")
    led = ActivityFactory(title_en="Led", status="completed")
    led.lead_states.add(lead)
    ActivityFactory(title_en="Other", status="completed")
    ProgressUpdateFactory(activity=led, text_en="Workshop held.", text_ru="Семинар проведён.")

    found = get_json(client, "/api/v1/activities/?state=leadland")
    errors = get_json(client, "/api/v1/activities/?status=finished", status=400)

    [activity] = found["results"]
    assert activity["title"]["en"] == "Led"
    assert activity["lead_states"] == ["leadland"]
    assert [update["text"] for update in activity["updates"]] == [{"ru": "Семинар проведён.", "en": "Workshop held."}]
    assert list(errors) == ["status"]


def test_indicator_values_are_filtered_by_indicator_state_and_year(client):
    value = IndicatorValueFactory(year=2021, value=12345)
    IndicatorValueFactory(indicator=value.indicator, state=value.state, year=2022)

    found = get_json(client, f"/api/v1/indicator-values/?indicator={value.indicator.slug}&year=2021")
    errors = get_json(client, "/api/v1/indicator-values/?year=1812", status=400)

    assert [(item["year"], item["value"], item["state"]) for item in found["results"]] == [
        (2021, "12345.0000", value.state.slug)
    ]
    assert list(errors) == ["year"]


def test_participations_paragraphs_states_organisations_and_terms_are_listed(client):
    participation = ParticipationFactory(attendance="attended")
    paragraph = StatementParagraphFactory(number=7, text_en="We agree.", text_ru="Мы согласны.")
    OrganisationFactory(slug="unhcr", name_en="UNHCR")
    TermFactory(slug="asylum")

    participations = get_json(client, "/api/v1/participations/?attendance=attended")["results"]
    paragraphs = get_json(client, "/api/v1/paragraphs/")["results"]
    states = get_json(client, "/api/v1/states/")["results"]
    organisations = get_json(client, "/api/v1/organisations/?sort=slug")["results"]
    terms = get_json(client, "/api/v1/glossary/")["results"]

    assert [(item["meeting"], item["state"]) for item in participations] == [
        (participation.meeting.slug, participation.state.slug)
    ]
    assert [(item["number"], item["text"]["en"], item["meeting"]) for item in paragraphs] == [
        (7, "We agree.", paragraph.statement.meeting.slug)
    ]
    assert participation.state.slug in [item["slug"] for item in states]
    assert "unhcr" in [item["slug"] for item in organisations]
    assert [item["slug"] for item in terms] == ["asylum"]
    assert set(terms[0]["synonyms"]) == {"ru", "en"}


def test_an_unknown_sort_key_is_a_400_that_names_sort(client):
    errors = get_json(client, "/api/v1/states/?sort=password", status=400)

    assert list(errors) == ["sort"]


def test_lists_are_paged_and_a_bad_page_or_size_is_named(client):
    for number in range(5):
        StateFactory(slug=f"paged-{number}")

    first = get_json(client, "/api/v1/states/?page_size=2&sort=slug")
    last = get_json(client, "/api/v1/states/?page_size=2&sort=slug&page=3")
    bad = get_json(client, "/api/v1/states/?page=first&page_size=1000", status=400)
    past_the_end = client.get("/api/v1/states/?page_size=2&page=9")

    assert first["count"] == 5
    assert [item["slug"] for item in first["results"]] == ["paged-0", "paged-1"]
    assert [item["slug"] for item in last["results"]] == ["paged-4"]
    assert last["next"] is None
    assert sorted(bad) == ["page", "page_size"]
    assert past_the_end.status_code == 404


def test_an_unchanged_list_answers_304_to_its_etag(client):
    MeetingFactory()

    first = client.get("/api/v1/meetings/")
    again = client.get("/api/v1/meetings/", headers={"If-None-Match": first["ETag"]})

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304
    assert again.content == b""


def test_the_etag_changes_when_the_content_does(client):
    meeting = MeetingFactory()
    first = client.get("/api/v1/meetings/")

    meeting.title_en = "Renamed"
    meeting.save()
    again = client.get("/api/v1/meetings/", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200
    assert again.json()["results"][0]["title"]["en"] == "Renamed"


def test_any_site_may_read_the_api_without_cookies(client):
    response = client.get("/api/v1/states/", headers={"Origin": "https://example.org"})

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_allows_only_reading(client):
    response = client.options(
        "/api/v1/states/",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "DELETE"},
    )

    allowed = {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


def test_the_site_pages_send_no_cors_headers(client):
    response = client.get("/en/", headers={"Origin": "https://example.org"})

    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_refuses_to_write(client, method):
    state = StateFactory(slug="fixed")

    response = getattr(client, method)("/api/v1/states/fixed/", data={}, content_type="application/json")

    assert response.status_code == 405
    state.refresh_from_db()
    assert state.slug == "fixed"


def test_too_many_requests_get_429_with_retry_after(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": "2/m"}

    statuses = [client.get("/api/v1/states/").status_code for _ in range(3)]
    limited = client.get("/api/v1/states/")

    assert statuses == [200, 200, 429]
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "detail" in limited.json()


@pytest.mark.parametrize("url", ["/api/v1/documents/987654/", "/api/v1/meetings/no-such-meeting/"])
def test_a_missing_item_is_a_404_in_json(client, url):
    body = get_json(client, url, status=404)

    assert list(body) == ["detail"]


def test_a_malformed_id_is_a_404(client):
    assert client.get("/api/v1/documents/abc/").status_code == 404


def test_a_draft_activity_is_listed_for_staff_only(client, django_user_model):
    ActivityFactory(title_en="Draft", publication_status="draft")

    public = get_json(client, "/api/v1/activities/")
    client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    staff = get_json(client, "/api/v1/activities/")

    assert public["count"] == 0
    assert [item["title"]["en"] for item in staff["results"]] == ["Draft"]
    assert Activity.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Укажите порядок из списка: iso_alpha3, name, slug, year_joined."),
        ("en", "Sort by one of: iso_alpha3, name, slug, year_joined."),
    ],
)
def test_error_messages_are_in_the_readers_language(client, language, message):
    errors = get_json(client, "/api/v1/states/?sort=capital", status=400, **{"Accept-Language": language})

    assert errors == {"sort": [message]}


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Укажите год от 1990 до 2100, например 2016."),
        ("en", "Enter a year between 1990 and 2100, such as 2016."),
    ],
)
def test_a_bad_year_gets_the_sites_own_message(client, language, message):
    errors = get_json(client, "/api/v1/meetings/?year=MMXVI", status=400, **{"Accept-Language": language})

    assert errors == {"year": [message]}
