"""The secretariat's desk for outcome statements: paste or upload a whole statement, preview its numbered
paragraphs and what is wrong with them, save every language at once; then move paragraphs, which renumbers them."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html
from reversion.models import Version

from meetings.models import OutcomeStatement, StatementParagraph
from meetings.statement_import import parse_numbered_paragraphs
from tests.documents import samples
from tests.factories import MeetingFactory, OutcomeStatementFactory, StatementParagraphFactory

pytestmark = pytest.mark.django_db

SEED_STATEMENT = "001_f5bf1f298d79ffb4.txt"
DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


@pytest.fixture(autouse=True)
def _english_admin():
    with translation.override("en"):
        yield


@pytest.fixture
def seed_text(seeds_dir):
    return (seeds_dir / SEED_STATEMENT).read_text(encoding="utf-8")


def import_url(**query):
    url = reverse("admin:meetings_outcomestatement_import")
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def post(client, meeting, action="_preview", **fields):
    data = {"meeting": meeting.pk, "title_ru": "", "title_en": "", "text_ru": "", "text_en": "", action: "1"}
    data.update(fields)
    return client.post(import_url(), data)


def preview_rows(response):
    page = html.fromstring(response.content.decode())
    rows = page.xpath("//table[contains(@class, 'statement-paragraphs-preview')]/tbody/tr")
    return [
        (row.xpath("./th")[0].text_content().strip(), [cell.text_content().strip() for cell in row.xpath("./td")])
        for row in rows
    ]


def problems(response):
    return [
        item.text_content().strip()
        for item in html.fromstring(response.content.decode()).xpath("//*[contains(@class, 'statement-problems')]/li")
    ]


def warnings(response):
    return [
        item.text_content().strip()
        for item in html.fromstring(response.content.decode()).xpath("//*[contains(@class, 'statement-warnings')]/li")
    ]


def buttons(response):
    return [
        button.get("name")
        for button in html.fromstring(response.content.decode()).xpath(
            "//*[contains(@class, 'submit-row')]//input[@type='submit']"
        )
    ]


def form_errors(response):
    return [
        item.text_content().strip()
        for item in html.fromstring(response.content.decode()).xpath("//ul[contains(@class, 'errorlist')]/li")
    ]


def seed_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def seed_pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=DEJAVU_SANS)
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


# --- pasting ------------------------------------------------------------------------------------------------------


def test_pasting_the_seed_statement_previews_its_fifteen_paragraphs_and_saves_nothing_yet(editor_client, seed_text):
    meeting = MeetingFactory()

    response = post(editor_client, meeting, text_ru=seed_text)

    assert response.status_code == 200
    rows = preview_rows(response)
    assert [number for number, _texts in rows] == [str(number) for number in range(1, 16)]
    assert rows[0][1][0].startswith("Целью Третьей встречи высших должностных лиц")
    assert problems(response) == []
    assert buttons(response) == ["_preview", "_save"]
    assert not OutcomeStatement.objects.exists()


def test_the_preview_shows_the_same_paragraphs_as_the_import_command(editor_client, seed_text):
    response = post(editor_client, MeetingFactory(), text_ru=seed_text)

    assert [(int(number), texts[0]) for number, texts in preview_rows(response)] == parse_numbered_paragraphs(seed_text)


def test_saving_the_pasted_statement_creates_its_paragraphs_in_one_revision(editor_client, editor, seed_text):
    meeting = MeetingFactory()

    response = post(editor_client, meeting, action="_save", text_ru=seed_text, title_ru="Итоговое заявление")

    statement = OutcomeStatement.objects.get(meeting=meeting)
    assert response.status_code == 302
    assert response.url == reverse("admin:meetings_outcomestatement_change", args=[statement.pk])
    assert statement.title_ru == "Итоговое заявление"
    assert list(statement.paragraphs.values_list("number", "text_ru")) == parse_numbered_paragraphs(seed_text)
    versions = Version.objects.get_for_object(statement)
    assert versions.count() == 1
    assert versions.first().revision.user == editor


def test_russian_and_english_texts_become_one_paragraph_each_matched_by_number(editor_client):
    meeting = MeetingFactory()

    post(
        editor_client,
        meeting,
        action="_save",
        text_ru="1. Участники встретились.\n2. Они договорились.\n",
        text_en="Outcome statement\n1. The participants met.\n2. They agreed.\n",
    )

    assert list(StatementParagraph.objects.values_list("number", "text_ru", "text_en")) == [
        (1, "Участники встретились.", "The participants met."),
        (2, "Они договорились.", "They agreed."),
    ]


def test_a_paragraph_in_only_one_language_is_a_warning_that_does_not_stop_the_save(editor_client):
    meeting = MeetingFactory()
    texts = {"text_ru": "1. Один.\n2. Два.\n3. Три.\n", "text_en": "1. One.\n2. Two.\n"}

    response = post(editor_client, meeting, **texts)

    assert warnings(response) == ["Paragraph 3 is only in the Russian text."]
    assert preview_rows(response)[2] == ("3", ["Три.", "no paragraph with this number"])
    assert buttons(response) == ["_preview", "_save"]
    assert post(editor_client, meeting, action="_save", **texts).status_code == 302
    assert StatementParagraph.objects.count() == 3


def test_a_gap_in_the_numbering_is_shown_with_the_paragraphs_and_the_statement_is_not_saved(editor_client):
    meeting = MeetingFactory()
    text = "1. Один.\n2. Два.\n4. Четыре.\n"

    response = post(editor_client, meeting, text_ru=text)
    saving = post(editor_client, meeting, action="_save", text_ru=text)

    assert problems(response) == ["Paragraph 3 is missing: paragraph 2 is followed by paragraph 4."]
    assert [number for number, _texts in preview_rows(response)] == ["1", "2", "4"]
    assert buttons(response) == ["_preview"]
    assert saving.status_code == 200
    assert problems(saving) == ["Paragraph 3 is missing: paragraph 2 is followed by paragraph 4."]
    assert not OutcomeStatement.objects.exists()


def test_replacing_an_existing_statement_says_so_before_saving(editor_client):
    statement = OutcomeStatementFactory()
    StatementParagraphFactory.create_batch(4, statement=statement)

    response = post(editor_client, statement.meeting, text_en="1. One.\n")

    assert warnings(response) == ["The meeting's statement already has 4 paragraphs; saving replaces its English text."]


def test_a_form_without_any_text_asks_for_one(editor_client):
    response = post(editor_client, MeetingFactory())

    assert response.status_code == 200
    assert form_errors(response) == ["Paste the statement's text or upload its file, in Russian, English or both."]


def test_the_import_link_is_on_the_list_and_a_meeting_can_be_chosen_in_advance(editor_client):
    meeting = MeetingFactory()

    listing = html.fromstring(editor_client.get(reverse("admin:meetings_outcomestatement_changelist")).content.decode())
    form = html.fromstring(editor_client.get(import_url(meeting=meeting.pk)).content.decode())

    assert listing.xpath(f"//*[contains(@class, 'object-tools')]//a[@href='{import_url()}']")
    assert form.xpath("//select[@name='meeting']/option[@selected]")[0].get("value") == str(meeting.pk)


def test_the_import_page_is_for_editors_only(client):
    response = client.get(import_url())

    assert response.status_code == 302
    assert "/login/" in response.url


# --- uploading ----------------------------------------------------------------------------------------------------


def upload(editor_client, meeting, name, data, action="_preview", language="ru"):
    return post(editor_client, meeting, action=action, **{f"file_{language}": samples.upload(name, data)})


def test_the_seed_statement_as_a_word_file_gives_the_same_fifteen_paragraphs(editor_client, seed_text):
    meeting = MeetingFactory()

    response = upload(editor_client, meeting, "statement.docx", seed_docx(seed_text))

    assert [(int(number), texts[0]) for number, texts in preview_rows(response)] == parse_numbered_paragraphs(seed_text)
    # The text read from the file is carried to the next step, where it is saved.
    textarea = html.fromstring(response.content.decode()).xpath("//textarea[@name='text_ru']")[0]
    assert parse_numbered_paragraphs(textarea.text_content()) == parse_numbered_paragraphs(seed_text)


def test_the_seed_statement_as_a_pdf_gives_fifteen_paragraphs(editor_client, seed_text):
    meeting = MeetingFactory()

    response = upload(editor_client, meeting, "statement.pdf", seed_pdf(seed_text))

    rows = preview_rows(response)
    assert problems(response) == []
    assert [number for number, _texts in rows] == [str(number) for number in range(1, 16)]
    assert rows[0][1][0].startswith("Целью Третьей встречи высших должностных лиц")
    assert rows[14][1][0] == parse_numbered_paragraphs(seed_text)[14][1]


def test_an_uploaded_english_file_is_saved_as_the_english_text(editor_client):
    meeting = MeetingFactory()

    response = upload(
        editor_client,
        meeting,
        "statement.docx",
        samples.docx_bytes("1. The participants met.", "2. They agreed."),
        action="_save",
        language="en",
    )

    assert response.status_code == 302
    assert list(StatementParagraph.objects.values_list("number", "text_en")) == [
        (1, "The participants met."),
        (2, "They agreed."),
    ]
    assert not any(StatementParagraph.objects.values_list("text_ru", flat=True))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "This file is not accepted: its contents are an image"),
        ("sheet.xlsx", samples.xlsx_bytes("1. Cell"), "Upload the statement as a DOCX, PDF or plain-text file."),
        ("empty.docx", b"", "The submitted file is empty."),
        ("broken.pdf", b"%PDF-1.4\n garbage", "The PDF file is damaged and cannot be read."),
        ("scan.pdf", samples.scanned_pdf_bytes(["1. Text"]), "This file has no text to read (is it a scan?)"),
    ],
)
def test_a_bad_upload_gets_a_clear_form_error_and_nothing_is_saved(editor_client, name, data, message):
    response = upload(editor_client, MeetingFactory(), name, data, action="_save")

    assert response.status_code == 200
    errors = html.fromstring(response.content.decode()).xpath(
        "//*[contains(@class, 'field-file_ru')]//ul[contains(@class, 'errorlist')]/li"
    )
    assert len(errors) == 1
    assert errors[0].text_content().startswith(message)
    assert not OutcomeStatement.objects.exists()


# --- side by side, and moving paragraphs ----------------------------------------------------------------------------


def change_url(statement):
    return reverse("admin:meetings_outcomestatement_change", args=[statement.pk])


def move_url(paragraph, direction):
    return reverse(
        "admin:meetings_outcomestatement_move_paragraph", args=[paragraph.statement_id, paragraph.pk, direction]
    )


def test_each_paragraph_row_shows_its_russian_and_english_text_side_by_side(editor_client):
    statement = OutcomeStatementFactory()
    StatementParagraphFactory(statement=statement, number=1, text_ru="Один.", text_en="One.")

    page = html.fromstring(editor_client.get(change_url(statement)).content.decode())

    row = page.xpath("//*[@id='paragraphs-0']")[0]
    assert [(area.get("name"), area.get("lang"), area.text_content().strip()) for area in row.xpath(".//textarea")] == [
        ("paragraphs-0-text_ru", "ru", "Один."),
        ("paragraphs-0-text_en", "en", "One."),
    ]
    headers = [
        cell.text_content().strip() for cell in page.xpath("//*[contains(@class, 'statement-paragraphs')]//thead//th")
    ]
    assert headers[1:5] == ["Number", "Russian text", "English text", "Order"]
    assert [button.get("formaction") for button in row.xpath(".//button[contains(@class, 'paragraph-move')]")] == [
        move_url(statement.paragraphs.get(), "up"),
        move_url(statement.paragraphs.get(), "down"),
    ]


def test_moving_a_paragraph_up_renumbers_the_paragraphs_and_keeps_their_texts_together(editor_client, editor):
    statement = OutcomeStatementFactory()
    first, second, third = (
        StatementParagraphFactory(statement=statement, number=number, text_ru=f"П{number}", text_en=f"P{number}")
        for number in (1, 2, 3)
    )

    response = editor_client.post(move_url(third, "up"))

    assert response.status_code == 302
    assert response.url == change_url(statement)
    assert list(statement.paragraphs.values_list("number", "text_ru", "text_en")) == [
        (1, "П1", "P1"),
        (2, "П3", "P3"),
        (3, "П2", "P2"),
    ]
    version = Version.objects.get_for_object(statement).first()
    assert version.revision.user == editor
    kept = sorted(
        (item.field_dict["number"], item.field_dict["text_en"])
        for item in version.revision.version_set.all()
        if item.content_type.model == "statementparagraph"
    )
    assert kept == [(1, "P1"), (2, "P3"), (3, "P2")]


def test_the_first_paragraph_cannot_move_up_and_says_so(editor_client):
    statement = OutcomeStatementFactory()
    first = StatementParagraphFactory(statement=statement, number=1)
    StatementParagraphFactory(statement=statement, number=2)

    response = editor_client.post(move_url(first, "up"), follow=True)

    messages = [
        item.text_content().strip()
        for item in html.fromstring(response.content.decode()).xpath("//ul[contains(@class, 'messagelist')]/li")
    ]
    assert "Paragraph 1 cannot move further." in messages  # other notices of the change page may follow
    assert list(statement.paragraphs.values_list("pk", flat=True)) == [first.pk, first.pk + 1]


@pytest.mark.parametrize("direction", ["sideways", "UP"])
def test_an_unknown_direction_or_another_statements_paragraph_is_not_found(editor_client, direction):
    statement = OutcomeStatementFactory()
    paragraph = StatementParagraphFactory(statement=statement, number=1)
    other = StatementParagraphFactory(number=1)

    url = reverse("admin:meetings_outcomestatement_move_paragraph", args=[statement.pk, paragraph.pk, direction])
    foreign = reverse("admin:meetings_outcomestatement_move_paragraph", args=[statement.pk, other.pk, "down"])

    assert editor_client.post(url).status_code == 404
    assert editor_client.post(foreign).status_code == 404


def test_moving_needs_a_post(editor_client):
    paragraph = StatementParagraphFactory(number=1)

    assert editor_client.get(move_url(paragraph, "down")).status_code == 405


def test_renumbering_closes_the_gaps_left_by_deleted_paragraphs():
    statement = OutcomeStatementFactory()
    for number in (2, 5, 9):
        StatementParagraphFactory(statement=statement, number=number, text_en=f"was {number}")

    assert statement.renumber() == 3
    assert list(statement.paragraphs.values_list("number", "text_en")) == [(1, "was 2"), (2, "was 5"), (3, "was 9")]
    assert statement.renumber() == 0


def test_the_import_page_and_its_problems_speak_russian(editor_client):
    meeting = MeetingFactory()
    with translation.override("ru"):
        url = reverse("admin:meetings_outcomestatement_import")

    response = editor_client.post(url, {"meeting": meeting.pk, "text_ru": "1. Один.\n3. Три.\n", "_preview": "1"})

    assert problems(response) == ["Пропущен пункт 2: за пунктом 1 сразу следует пункт 3."]
    assert [
        button.get("value") for button in html.fromstring(response.content.decode()).xpath("//input[@type='submit']")
    ] == ["Предварительный просмотр"]
