"""Random and hostile input at every public address never gets a 500, and is never echoed unescaped.

The addresses come from the URL resolver, so a new page is covered as soon as it is routed.
Path parameters get random, overlong, SQL, HTML and invalid-UTF-8 values (as raw percent-encoded
bytes, the way a browser or a bot sends them); query strings get the parameters the site's forms
use plus made-up ones, with the same kind of values.
"""

import string
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html

from tests.factories import (
    DocumentFileFactory,
    MeetingFactory,
    NewsItemFactory,
    OrganisationFactory,
    PageFactory,
    ParticipationFactory,
)

SKIPPED_NAMESPACES = {"admin"}
# Only answers POST: a GET is a 405 by design (hostile proposals: tests/actionplan/test_proposals.py).
SKIPPED_NAMES = {"accounts:logout", "actionplan:propose"}
ACCEPTED = {200, 301, 302, 304, 400, 404}

PROBE = '"><xss-probe onmouseover=alert(1)>'
HOSTILE = [
    PROBE,
    "<script>alert(document.cookie)</script>",
    "' OR '1'='1' --",
    "1; DROP TABLE documents_document; --",
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "\r\nSet-Cookie: injected=1",
    "{{ settings.SECRET_KEY }}",
    "${jndi:ldap://example.org/a}",
    "2016-02-30",
    "2016-13-01",
    "0000-00-00",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "-99999999999999999999",
    "☃ беженцы «кавычки» 漢字",
    "a" * 5000,
    'refugees OR -migrants "unclosed',
    "&&||!!():*",
]
QUERY_NAMES = [
    "q",
    "page",
    "year",
    "kind",
    "process",
    "host_country",
    "state",
    "organisation",
    "language",
    "lang",
    "sort",
    "ordering",
    "from",
    "to",
    "period",
    "status",
    "role",
    "audience",
    "in_language",
    "next",
    "format",
]


def public_routes():
    """(name, route with converters) for every routed public address, with {lang} for the language prefix."""
    routes = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace in SKIPPED_NAMESPACES:
                    continue
                if isinstance(entry.pattern, LocalePrefixPattern):
                    part = "{lang}/"
                elif isinstance(entry.pattern, RoutePattern):
                    part = str(entry.pattern)
                else:
                    continue
                walk(entry.url_patterns, prefix + part, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and isinstance(entry.pattern, RoutePattern):
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if name not in SKIPPED_NAMES:
                    routes.append((name, prefix + str(entry.pattern)))

    walk(get_resolver().url_patterns, "", None)
    return routes


ROUTES = public_routes()

raw_bytes = st.binary(min_size=1, max_size=12).map(lambda data: "".join(f"%{byte:02X}" for byte in data))
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=30),
)
encoded_text = st.one_of(hostile_text.map(lambda value: quote(value, safe="")), raw_bytes)
path_values = {
    "int": st.one_of(st.integers(min_value=0, max_value=10**30).map(str), st.sampled_from(["1", "2", "3"])),
    "slug": st.one_of(st.sampled_from(["meeting-1", "state-1", "news-1", "about", "organisation-1"]), encoded_text),
    "str": st.one_of(st.sampled_from(["ru", "en", "kk"]), encoded_text),
    "path": encoded_text,
}
query = st.lists(st.tuples(st.one_of(st.sampled_from(QUERY_NAMES), encoded_text), encoded_text), max_size=4).map(
    lambda pairs: "&".join(f"{name}={value}" for name, value in pairs)
)


def fill(route: str, draw) -> str:
    """The route with each <converter:name> replaced by a drawn value."""
    parts = []
    rest = route
    while "<" in rest:
        before, _, after = rest.partition("<")
        spec, _, rest = after.partition(">")
        converter = spec.split(":")[0] if ":" in spec else "str"
        parts.append(before)
        parts.append(draw(path_values.get(converter, path_values["str"])))
    parts.append(rest)
    return "".join(parts)


@pytest.fixture
def archive(db):
    participation = ParticipationFactory()
    DocumentFileFactory(document__meeting=participation.meeting)
    MeetingFactory()
    NewsItemFactory()
    PageFactory(slug="about")
    OrganisationFactory()


def test_every_public_route_is_covered():
    names = {name for name, _ in ROUTES}

    assert {"pages:home", "meetings:meeting_detail", "documents:file_download", "search:search"} <= names
    assert not any(name.startswith("admin:") for name in names)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ROUTES, ids=[name for name, _ in ROUTES])
def test_hostile_input_gets_a_clear_answer_never_a_server_error(client, archive, settings_override, name, route):
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )
    @given(data=st.data(), language=st.sampled_from(["ru", "en"]), query_string=query)
    def check(data, language, query_string):
        path = "/" + fill(route, data.draw).replace("{lang}", language)
        url = f"{path}?{query_string}" if query_string else path

        response = client.get(url)

        assert response.status_code in ACCEPTED, (url, response.status_code)
        if not response.streaming and response.headers.get("Content-Type", "").startswith("text/html"):
            content = response.content.decode("utf-8", errors="replace")
            assert "<xss-probe" not in content, url
            assert "<script>alert" not in content, url

    check()


@pytest.fixture
def settings_override(settings):
    # Hundreds of requests from one address: the rate limits would answer 429, which is not under test here.
    settings.RATE_LIMIT_ENABLED = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/en/meetings/%FF%FE/", "/ru/states/%C3%28/", "/en/documents/%ED%A0%80/", "/%FF/", "/en/%E2%82/"],
)
def test_invalid_utf8_in_the_path_is_a_client_error(client, path):
    response = client.get(path)

    assert response.status_code in {400, 404}


@pytest.mark.django_db
def test_a_probe_in_the_search_box_comes_back_escaped(client):
    response = client.get("/en/search/", {"q": PROBE})

    content = response.content.decode()
    assert response.status_code == 200
    assert "&quot;&gt;&lt;xss-probe onmouseover=alert(1)&gt;" in content
    assert "<xss-probe" not in content


# Each class of hostile input found by review, against every public route: a clear 4xx (or the page), never a 500.
PAGE_NUMBERS = ["99999999999999999999", "9223372036854775808", "%C2%B2", "%E2%91%A0", "%D9%A1", "%DB%B5", "0", "-1"]
HOSTILE_HEADERS = {
    "range": {"HTTP_RANGE": "bytes=" + "9" * 5000 + "-"},
    "suffix range": {"HTTP_RANGE": "bytes=-" + "9" * 5000},
    "open range": {"HTTP_RANGE": "bytes=0-" + "9" * 5000},
    "foreign host": {"HTTP_HOST": "attacker.example"},
}
SAMPLE_VALUES = {"int": "1", "slug": "meeting-1", "str": "ru", "path": "ru"}


def plain(route: str, language: str, nul_at: int | None = None) -> str:
    """The route filled with ordinary values, the `nul_at`-th parameter replaced by a NUL."""
    parts, rest, index = [], route, 0
    while "<" in rest:
        before, _, after = rest.partition("<")
        spec, _, rest = after.partition(">")
        converter = spec.split(":")[0] if ":" in spec else "str"
        parts += [before, "%00" if index == nul_at else SAMPLE_VALUES.get(converter, "ru")]
        index += 1
    parts.append(rest)
    return "/" + "".join(parts).replace("{lang}", language)


def parameter_count(route: str) -> int:
    return route.count("<")


@pytest.fixture
def hostile_client(client, settings_override):
    # A 500 must show as a status, not as an exception raised into the test.
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ROUTES, ids=[name for name, _ in ROUTES])
def test_page_numbers_out_of_range_or_in_other_digits_are_a_client_error(hostile_client, archive, name, route):
    for language in ("ru", "en"):
        for page in PAGE_NUMBERS:
            url = f"{plain(route, language)}?page={page}"

            response = hostile_client.get(url)

            assert response.status_code in ACCEPTED, (url, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ROUTES, ids=[name for name, _ in ROUTES])
def test_years_in_other_digits_are_a_client_error(hostile_client, archive, name, route):
    for year in ["%C2%B2", "%D9%A1%D9%A9%D9%A9%D9%A5", "%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%96", "2016%00"]:
        for parameter in ("year", "year_from", "year_to"):
            url = f"{plain(route, 'ru')}?{parameter}={year}"

            response = hostile_client.get(url)

            assert response.status_code in ACCEPTED, (url, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ROUTES, ids=[name for name, _ in ROUTES])
def test_a_nul_in_any_path_segment_is_not_found(hostile_client, archive, name, route):
    urls = [plain(route, "ru", nul_at=index) for index in range(parameter_count(route))]
    urls.append(plain(route, "ru").rstrip("/") + "/%00/")

    for url in urls:
        response = hostile_client.get(url)

        assert response.status_code in {400, 404}, (url, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ROUTES, ids=[name for name, _ in ROUTES])
@pytest.mark.parametrize("kind", HOSTILE_HEADERS, ids=list(HOSTILE_HEADERS))
def test_hostile_headers_are_answered_without_a_server_error(hostile_client, archive, name, route, kind):
    url = plain(route, "en")

    response = hostile_client.get(url, **HOSTILE_HEADERS[kind])

    assert response.status_code in ACCEPTED | {206, 416}, (url, response.status_code)
    if kind == "foreign host":
        assert response.status_code == 400


@pytest.mark.django_db
def test_a_foreign_host_gets_the_portals_400_page_in_the_readers_language(hostile_client):
    russian = hostile_client.get("/ru/documents/", HTTP_HOST="attacker.example")
    english = hostile_client.get("/en/documents/", HTTP_HOST="attacker.example")

    assert russian.status_code == english.status_code == 400
    russian_page = html.fromstring(russian.content)
    english_page = html.fromstring(english.content)
    assert russian_page.get("lang") == "ru"
    assert english_page.get("lang") == "en"
    assert english_page.findtext(".//h1") == "The address asks for something we cannot show"
    with translation.override("ru"):
        assert russian_page.findtext(".//h1") == translation.gettext("The address asks for something we cannot show")
    assert b"attacker.example" not in russian.content


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["%C2%B2", "%E2%91%A0", "%D9%A1", "99999999999999999999"])
@pytest.mark.parametrize("path", ["/en/documents/", "/en/meetings/", "/en/news/"])
def test_a_page_number_the_list_cannot_read_gets_a_400_that_names_it(hostile_client, archive, path, page):
    response = hostile_client.get(f"{path}?page={page}")

    assert response.status_code == 400
    items = [item.text_content() for item in html.fromstring(response.content).findall(".//ul[@class='error-list']/li")]
    assert any(item.startswith("Page") for item in items), items


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ROUTES, ids=[name for name, _ in ROUTES])
def test_a_nul_in_any_query_parameter_is_a_client_error(hostile_client, archive, name, route):
    for parameter in QUERY_NAMES:
        url = f"{plain(route, 'en')}?{parameter}=a%00b"

        response = hostile_client.get(url)

        assert response.status_code in ACCEPTED, (url, response.status_code)


@pytest.fixture
def archive_with_line_breaks(archive):
    """Content saved before the admin refused line breaks (or written by code) still renders safely."""
    from meetings.models import Meeting

    meeting = Meeting.objects.filter(slug="meeting-1").first() or MeetingFactory(slug="meeting-1")
    Meeting.objects.filter(pk=meeting.pk).update(
        title_en="Forum\r\nEND:VEVENT\r\nBEGIN:VEVENT", city_en="Almaty\r\nX-INJECTED:1"
    )
    DocumentFileFactory(document__meeting=meeting, document__title_en="=1+1\r\nReport")


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ROUTES, ids=[name for name, _ in ROUTES])
def test_titles_with_line_breaks_break_no_page_and_no_calendar_line(
    hostile_client, archive_with_line_breaks, name, route
):
    url = plain(route, "en")

    response = hostile_client.get(url)

    assert response.status_code in ACCEPTED, (url, response.status_code)
    if response.headers.get("Content-Type", "").startswith("text/calendar"):
        lines = response.content.decode().split("\r\n")
        assert not any(line.startswith("X-INJECTED") for line in lines)
        assert (
            lines.count("BEGIN:VEVENT")
            == lines.count("END:VEVENT")
            == len([line for line in lines if line.startswith("UID:")])
        )


# The JSON API's lists (api/): its router's addresses are regular expressions, which ROUTES leaves out.
API_LISTS = ["meetings", "participations", "paragraphs", "documents", "activities", "indicator-values", "states"]
api_query = st.lists(
    st.tuples(st.one_of(st.sampled_from([*QUERY_NAMES, "page_size", "expand", "mine"]), encoded_text), encoded_text),
    max_size=4,
).map(lambda pairs: "&".join(f"{name}={value}" for name, value in pairs))


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", API_LISTS)
def test_hostile_input_to_the_api_gets_a_clear_json_answer_never_a_server_error(
    client, archive, settings_override, endpoint
):
    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )
    @given(query_string=api_query, item=path_values["slug"])
    def check(query_string, item):
        listed = client.get(f"/api/v1/{endpoint}/?{query_string}")
        one = client.get(f"/api/v1/{endpoint}/{item}/")

        assert listed.status_code in {200, 400, 404}, (query_string, listed.status_code)
        # A list always answers in JSON (a 400 names the bad parameter, a 404 says the page is past the end).
        assert listed["Content-Type"].startswith("application/json"), query_string
        assert one.status_code in {200, 404}, (item, one.status_code)

    check()
