"""The admin's own look: change lists that fit at 1280 px (long titles cut, with the whole title on hover;
secondary columns on request) and the sign-in logs kept out of the editors' index."""

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

LONG_TITLE = (
    "Thematic meeting on mixed migration flows in Central Asia: population mobility, the rights of vulnerable "
    "migrants and refugees, and regional cooperation"
)


@pytest.fixture(autouse=True)
def _english_admin():
    with translation.override("en"):
        yield


def page(response):
    return html.fromstring(response.content.decode())


def headers(response) -> list[str]:
    return [cell.text_content().strip() for cell in page(response).xpath("//table[@id='result_list']/thead/tr/th")]


def meeting_list():
    return reverse("admin:meetings_meeting_changelist")


def test_a_long_title_is_cut_to_one_line_and_shown_whole_on_hover_and_still_links_to_the_meeting(editor_client):
    meeting = MeetingFactory(title_en=LONG_TITLE)

    response = editor_client.get(meeting_list())

    cell = page(response).xpath("//table[@id='result_list']/tbody/tr/th")[0]
    title = cell.xpath(".//span[@class='truncated']")[0]
    assert title.get("title") == LONG_TITLE
    assert cell.xpath("./a")[0].get("href") == reverse("admin:meetings_meeting_change", args=[meeting.pk])
    link = admin_css_links(response)
    assert link == ["/static/css/admin.css"]


def admin_css_links(response) -> list[str]:
    return [
        link.get("href").split("?")[0]
        for link in page(response).xpath("//link[@rel='stylesheet']")
        if link.get("href").split("?")[0].endswith("/admin.css") and "/static/css/" in link.get("href")
    ]


def test_the_title_column_still_sorts_the_list(editor_client):
    MeetingFactory(title_en="Beta")
    MeetingFactory(title_en="Alpha")

    response = editor_client.get(meeting_list(), {"o": "1"})

    titles = [
        span.text_content() for span in page(response).xpath("//table[@id='result_list']//span[@class='truncated']")
    ]
    assert titles == ["Alpha", "Beta"]


def test_secondary_columns_are_shown_only_when_the_editor_asks_and_the_choice_is_remembered(editor_client):
    MeetingFactory()

    main = editor_client.get(meeting_list())
    asked = editor_client.get(meeting_list(), {"columns": "all", "publication_status__exact": "published"})
    remembered = editor_client.get(meeting_list())
    fewer = editor_client.get(meeting_list(), {"columns": "main"})

    assert headers(main)[1:] == ["Title", "Start date", "Status", "Publication status", "Translation"]
    assert page(main).xpath("//p[@class='column-toggle']/a")[0].text_content() == "More columns"
    # The choice is kept in the session, and the list keeps its filters.
    assert asked.status_code == 302
    assert asked.url == meeting_list() + "?publication_status__exact=published"
    assert headers(remembered)[1:] == [
        "Title",
        "Kind",
        "Process",
        "Start date",
        "City",
        "Status",
        "Publication status",
        "Translation",
    ]
    assert page(remembered).xpath("//p[@class='column-toggle']/a")[0].text_content() == "Fewer columns"
    assert fewer.status_code == 302
    assert headers(editor_client.get(meeting_list()))[1:] == headers(main)[1:]


def test_the_meeting_list_runs_a_bounded_number_of_queries(editor_client, django_assert_max_num_queries):
    for _number in range(40):
        MeetingFactory(title_en=LONG_TITLE)
    editor_client.get(meeting_list())

    with django_assert_max_num_queries(20):
        response = editor_client.get(meeting_list())
    assert len(page(response).xpath("//span[@class='truncated']")) == 40


def index_sections(response) -> list[str]:
    return [caption.text_content().strip() for caption in page(response).xpath("//div[@id='content-main']//caption")]


def test_the_sign_in_logs_are_not_in_the_editors_index(editor_client):
    response = editor_client.get(reverse("admin:index"))

    assert "Axes" not in index_sections(response)
    assert not page(response).xpath("//div[@id='security-section']")
    assert "Meetings" in index_sections(response)  # the control: the index lists the editors' apps


def test_superusers_find_the_sign_in_logs_under_security_and_not_among_the_content(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chief", "chief@example.org", "pass"))

    response = client.get(reverse("admin:index"))

    assert "Axes" not in index_sections(response)
    section = page(response).xpath("//div[@id='security-section']")[0]
    assert section.xpath("./table/caption")[0].text_content() == "Security"
    links = [link.get("href") for link in section.xpath(".//a")]
    assert links == [
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:axes_accessfailurelog_changelist"),
        reverse("admin:axes_accesslog_changelist"),
    ]
    assert client.get(links[0]).status_code == 200
