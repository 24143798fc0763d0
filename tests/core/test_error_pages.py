"""404, 400 and 500 pages in the language of the address."""

import pytest
from django.test import Client
from django.urls import path

from almaty_portal.urls import urlpatterns as portal_urlpatterns

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ru", "en"])
def test_not_found_page_is_in_the_language_of_the_address(client, language):
    response = client.get(f"/{language}/meetings/no-such-meeting/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'<a href="/{language}/">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_not_found_page_names_the_problem_in_english(client):
    assert "<h1>Page not found</h1>" in client.get("/en/nothing-here/").content.decode()


def test_bad_request_page_says_which_value_is_wrong(client):
    html = client.get("/en/meetings/?year=abc").content.decode()

    assert "<strong>Year</strong> («<code>abc</code>»): Enter a year between 1990 and 2100, such as 2016." in html
    assert '<a href="/en/meetings/">Start again without filters</a>' in html


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("<str:language>/broken/", broken_view), *portal_urlpatterns]
handler500 = "core.views.server_error"


@pytest.mark.urls("tests.core.test_error_pages")
@pytest.mark.parametrize("language", ["ru", "en"])
def test_server_error_page_is_plain_and_in_the_language_of_the_address(language):
    client = Client(raise_request_exception=False)

    response = client.get(f"/{language}/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'<a href="/{language}/">' in html
