"""Anonymous readers get whole pages from the cache; nobody gets a page meant for someone else."""

import datetime
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from documents.models import Document
from tests.factories import DelegateFactory, DocumentFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def url(name, language="ru", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def test_the_second_anonymous_visit_is_served_from_the_cache(client):
    DocumentFactory(title_ru="Доклад о смешанных миграционных потоках")
    first = client.get(url("documents:document_list"))
    second = client.get(url("documents:document_list"))
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "Доклад о смешанных миграционных потоках" in second.content.decode()


def test_a_saved_change_shows_at_once(client):
    document = DocumentFactory(title_ru="Проект доклада")
    client.get(url("documents:document_list"))

    document.title_ru = "Доклад о защите беженцев"
    document.save()

    page = client.get(url("documents:document_list"))
    assert page["X-Page-Cache"] == "miss"
    assert "Доклад о защите беженцев" in page.content.decode()
    assert "Проект доклада" not in page.content.decode()


def test_a_bulk_update_that_calls_invalidate_shows_at_once(client):
    from core.pagecache import invalidate

    document = DocumentFactory(title_ru="Доклад 2016 года")
    client.get(url("documents:document_list"))
    Document.objects.filter(pk=document.pk).update(publication_status="draft")
    invalidate()
    assert "Доклад 2016 года" not in client.get(url("documents:document_list")).content.decode()


def test_a_scheduled_news_item_appears_when_its_time_comes_not_at_the_next_expiry(client):
    NewsItemFactory(title_ru="Объявление о встрече", publish_at=timezone.now() + datetime.timedelta(seconds=2))
    before = client.get(url("pages:news_list"))
    assert "Объявление о встрече" not in before.content.decode()
    assert 1 <= int(before["Cache-Control"].split("max-age=")[1].split(",")[0]) <= 2
    # Shared caches (nginx's microcache) are bounded the same way, also when the page comes from the cache.
    again = client.get(url("pages:news_list"))
    assert again["X-Page-Cache"] == "hit"
    assert 1 <= int(again["Cache-Control"].split("s-maxage=")[1].split(",")[0]) <= 2

    time.sleep(2.5)
    after = client.get(url("pages:news_list"))
    assert "Объявление о встрече" in after.content.decode()


def test_signed_in_delegates_never_get_the_shared_page_nor_leave_theirs(client):
    DocumentFactory(title_ru="Открытый доклад")
    DocumentFactory(title_ru="Доклад для делегатов", audience="delegates")
    delegate = DelegateFactory()
    anonymous = client.get(url("documents:document_list"))
    assert "Доклад для делегатов" not in anonymous.content.decode()

    signed_in = Client()
    signed_in.force_login(delegate.user)
    theirs = signed_in.get(url("documents:document_list"))
    assert "X-Page-Cache" not in theirs
    assert "private" in theirs["Cache-Control"]
    assert "Доклад для делегатов" in theirs.content.decode()

    again = client.get(url("documents:document_list"))
    assert again["X-Page-Cache"] == "hit"
    assert "Доклад для делегатов" not in again.content.decode()


@pytest.mark.parametrize(
    "address",
    [
        lambda: url("documents:document_list"),
        lambda: url("documents:document_list") + "?q=доклад",
        lambda: url("search:search") + "?q=доклад",
        lambda: url("pages:home"),
    ],
)
def test_a_delegate_s_visit_never_fills_the_cache_for_anonymous_readers(client, address):
    DocumentFactory(title_ru="Доклад для делегатов", audience="delegates")
    delegate = DelegateFactory()
    signed_in = Client()
    signed_in.force_login(delegate.user)
    assert "Доклад для делегатов" in signed_in.get(address()).content.decode()

    anonymous = client.get(address())
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Доклад для делегатов" not in anonymous.content.decode()


def test_one_language_s_page_never_serves_the_other(client):
    DocumentFactory(title_ru="Доклад на русском", title_en="Report in English")
    client.get(url("documents:document_list", "ru"))
    english = client.get(url("documents:document_list", "en"))
    assert english["X-Page-Cache"] == "miss"
    assert english["Content-Language"] == "en"
    assert "Report in English" in english.content.decode()
    assert "Доклад на русском" not in english.content.decode()


def test_a_page_with_a_message_waiting_is_not_served_from_the_cache(client):
    client.get(url("documents:document_list"))
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get(url("documents:document_list"))


def test_pages_carry_validators_so_that_a_proxy_may_keep_them(client):
    first = client.get(url("documents:document_list"))
    assert {part.strip() for part in first["Cache-Control"].split(",")} == {"public", "max-age=60", "s-maxage=5"}
    assert first["ETag"]
    again = client.get(url("documents:document_list"), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_pages_are_served_uncached_when_the_cache_server_is_down(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "dead": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    settings.PAGE_CACHE_ALIAS = "dead"
    DocumentFactory(title_ru="Доклад о защите беженцев")
    response = client.get(url("documents:document_list"))
    assert response.status_code == 200
    assert "Доклад о защите беженцев" in response.content.decode()


def test_shared_caches_keep_a_page_for_proxy_cache_seconds_and_nothing_the_page_cache_did_not_keep(client, settings):
    settings.PROXY_CACHE_SECONDS = 3
    assert "s-maxage=3" in client.get(url("documents:document_list"))["Cache-Control"]
    # The calendar feed asks browsers for an hour; while the page cache is off, shared caches keep nothing.
    settings.PAGE_CACHE_SECONDS = 0
    feed = client.get(url("meetings:calendar"))
    assert feed.status_code == 200
    assert "s-maxage=0" in feed["Cache-Control"]
    settings.PROXY_CACHE_SECONDS = 0
    settings.PAGE_CACHE_SECONDS = 300
    assert "s-maxage=0" in client.get(url("documents:document_list", "en"))["Cache-Control"]
