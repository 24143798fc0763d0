"""A meeting's compiled PDF: built from public content, opened here with pypdf as a reader's viewer would."""

import io

import pytest
from django.core.files.base import ContentFile
from lxml import html
from pypdf import PdfReader

from documents import compilation
from documents.models import Audience, Document, MeetingCompilation
from meetings.models import Participation
from tests.documents.samples import pdf_bytes
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    OutcomeStatementFactory,
    ParticipationFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db


def pdf_file(document, text, pages, language="ru"):
    return DocumentFileFactory(
        document=document, language=language, file=ContentFile(pdf_bytes(text, pages), name=f"{text}.pdf")
    )


@pytest.fixture
def meeting():
    meeting = MeetingFactory(
        title_ru="Третья встреча высших должностных лиц",
        title_en="Third Senior Officials Meeting",
        summary_ru="Встреча прошла в Алматы.",
        summary_en="The meeting took place in Almaty.",
    )
    ParticipationFactory(meeting=meeting, state=StateFactory(name_ru="Казахстан", name_en="Kazakhstan"))
    ParticipationFactory(
        meeting=meeting,
        state=None,
        organisation=OrganisationFactory(name_ru="УВКБ ООН", name_en="UNHCR"),
        role=Participation.Role.ORGANISATION,
    )
    statement = OutcomeStatementFactory(meeting=meeting, title_ru="Итоговое заявление", title_en="Outcome statement")
    StatementParagraphFactory(statement=statement, number=1, text_ru="Участники приветствовали беженцев.", text_en="")
    agenda = DocumentFactory(meeting=meeting, kind=Document.Kind.AGENDA, title_ru="Повестка дня", title_en="Agenda")
    pdf_file(agenda, "Agenda page", 2, language="en")
    report = DocumentFactory(meeting=meeting, title_ru="Доклад", title_en="Report")
    pdf_file(report, "Report page", 3)
    DocumentFileFactory(document=DocumentFactory(meeting=meeting, title_ru="Записка", title_en="Note"))  # a .txt
    return meeting


def read(compiled: MeetingCompilation) -> PdfReader:
    with compiled.file.open("rb") as stored:
        return PdfReader(io.BytesIO(stored.read()))


def outline_titles(outline) -> list:
    return [outline_titles(item) if isinstance(item, list) else item.title for item in outline]


def pages_text(reader, pages) -> str:
    return "\n".join(reader.pages[number].extract_text() for number in pages)


def test_the_russian_compilation_has_a_cover_contents_bookmarks_and_the_appended_documents(meeting):
    reader = read(compilation.build(meeting.pk, "ru"))

    assert outline_titles(reader.outline) == [
        "Третья встреча высших должностных лиц",
        ["Повестка дня", "Участники", ["Член", "Международная организация"], "Итоговое заявление", "Прочие файлы"],
        "Документы",
        ["Повестка дня", "Доклад"],
    ]
    assert reader.pages[0].extract_text().split("\n")[1:3] == ["Третья встреча высших", "должностных лиц"]
    contents = reader.pages[1].extract_text()
    assert contents.startswith("Содержание\n")
    typeset = len(reader.pages) - 5  # the agenda has 2 pages, the report 3
    assert [reader.pages[typeset + n].extract_text().strip() for n in range(5)] == [
        "Agenda page 1",
        "Agenda page 2",
        "Report page 1",
        "Report page 2",
        "Report page 3",
    ]
    lines = [" ".join(line.replace(".", " ").split()) for line in contents.split("\n")]
    assert f"Повестка дня {typeset + 1}" in lines  # the appended agenda, with the page it starts on
    assert f"Доклад {typeset + 3}" in lines
    own_pages = pages_text(reader, range(typeset))
    assert "Участники приветствовали беженцев." in own_pages
    assert "Казахстан" in own_pages and "УВКБ ООН" in own_pages
    assert f"Повестка дня («Повестка дня») приводится начиная со страницы {typeset + 1}." in " ".join(own_pages.split())
    assert "Записка — Русский, report.txt" in own_pages  # the file that is not a PDF is listed


def test_the_english_compilation_says_which_text_is_in_russian_only(meeting):
    reader = read(compilation.build(meeting.pk, "en"))

    titles = outline_titles(reader.outline)
    assert titles[0] == "Third Senior Officials Meeting"
    assert titles[1] == [
        "Agenda",
        "Participants",
        ["Member", "International organisation"],
        "Outcome statement",
        "Other files",
    ]
    assert titles[2:] == ["Documents", ["Agenda", "Report"]]
    own_pages = pages_text(reader, range(len(reader.pages) - 5))
    assert "Available in Russian only." in own_pages
    assert "Участники приветствовали беженцев." in own_pages


@pytest.mark.parametrize(
    "restrict",
    [
        lambda meeting: DocumentFactory(meeting=meeting, audience=Audience.DELEGATES, title_en="Confidential"),
        lambda meeting: DocumentFactory(meeting=meeting, publication_status="draft", title_en="Confidential"),
        lambda meeting: DocumentFileFactory(
            document=Document.objects.get(meeting=meeting, title_en="Report"),
            language="en",
            audience=Audience.DELEGATES,
        ),
    ],
    ids=["a restricted document", "a draft document", "a restricted file"],
)
def test_a_meeting_with_anything_restricted_gets_no_compilation_at_all(client, meeting, restrict):
    restrict(meeting)

    assert [compilation.build(meeting.pk, language) for language in ("ru", "en")] == [None, None]
    assert MeetingCompilation.objects.count() == 0
    assert compilation_links(client, meeting) == []


def compilation_links(client, meeting, language="en"):
    page = html.fromstring(client.get(f"/{language}/meetings/{meeting.slug}/").content)
    return page.xpath("//p[@class='compilation-links']/a/@href")


def test_the_meeting_page_offers_both_compilations_and_they_download(client, meeting):
    compilation.build_all(meeting.pk)

    links = compilation_links(client, meeting)

    assert links == [
        f"/en/documents/meeting/{meeting.slug}/compilation-en.pdf",
        f"/en/documents/meeting/{meeting.slug}/compilation-ru.pdf",
    ]
    response = client.get(links[1])
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert PdfReader(io.BytesIO(body)).pages[0].extract_text().split("\n")[1] == "Третья встреча высших"


def test_a_document_restricted_after_the_build_hides_the_compilation_at_once(client, meeting):
    compilation.build_all(meeting.pk)
    url = compilation_links(client, meeting)[0]
    report = Document.objects.get(meeting=meeting, title_en="Report")

    report.audience = Audience.DELEGATES
    report.save()

    assert compilation_links(client, meeting) == []
    assert client.get(url).status_code == 404
    assert compilation.build_all(meeting.pk) == []
    assert MeetingCompilation.objects.count() == 0


def test_a_bulk_update_that_restricts_a_document_hides_the_compilation(client, meeting):
    compilation.build_all(meeting.pk)
    url = compilation_links(client, meeting)[0]

    Document.objects.filter(meeting=meeting, title_en="Report").update(audience=Audience.DELEGATES)

    assert client.get(url).status_code == 404
    assert compilation_links(client, meeting) == []


def test_a_draft_meeting_has_no_compilation_page(client, meeting):
    compilation.build_all(meeting.pk)
    url = compilation_links(client, meeting)[0]

    meeting.publication_status = "draft"
    meeting.save()

    assert client.get(url).status_code == 404
    assert client.get(f"/en/documents/meeting/{meeting.slug}/compilation-xx.pdf").status_code == 404


def test_an_unchanged_meeting_is_not_typeset_again_and_a_change_is(meeting, django_capture_on_commit_callbacks):
    first = compilation.build(meeting.pk, "ru")
    again = compilation.build(meeting.pk, "ru")

    assert (again.file.name, again.built_at) == (first.file.name, first.built_at)

    paragraph = meeting.outcome_statement.paragraphs.get()
    paragraph.text_ru = "Участники приветствовали государства-члены."
    with django_capture_on_commit_callbacks(execute=True):
        paragraph.save()
    assert MeetingCompilation.objects.get(pk=first.pk).is_current is False

    rebuilt = compilation.build(meeting.pk, "ru")
    assert rebuilt.is_current is True
    assert rebuilt.built_at > first.built_at
    assert "Участники приветствовали государства-члены." in pages_text(read(rebuilt), range(8))


def test_with_a_worker_a_burst_of_changes_queues_one_rebuild(settings, meeting, django_capture_on_commit_callbacks):
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        meeting.summary_en = "Changed."
        meeting.save()
        ParticipationFactory(meeting=meeting, state=StateFactory())

    queued = [r for r in task_backends["default"].results if r.task.name == "build_meeting_compilations"]
    assert [r.args for r in queued] == [[meeting.pk]]


def test_the_meeting_page_with_its_compilations_runs_a_bounded_number_of_queries(
    client, meeting, django_assert_max_num_queries
):
    for number in range(30):
        DocumentFileFactory(document=DocumentFactory(meeting=meeting, title_en=f"Extra {number}"))
    compilation.build_all(meeting.pk)

    with django_assert_max_num_queries(25):
        links = compilation_links(client, meeting)

    assert len(links) == 2
