import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from meetings.models import OutcomeStatement, StatementParagraph
from meetings.statement_import import StatementImportError, parse_numbered_paragraphs
from tests.factories import MeetingFactory, OutcomeStatementFactory, StatementParagraphFactory

SEED_001 = settings.BASE_DIR.parent / "shared" / "seeds" / "001_f5bf1f298d79ffb4.txt"
needs_seed = pytest.mark.usefixtures("seeds_dir")

ENGLISH = "1. The participants met.\n2. They agreed.\n"


@pytest.fixture(autouse=True)
def _english_messages():
    # The messages are compared with their English msgids, whatever the catalogues hold.
    with translation.override("en"):
        yield


def paragraph_texts(meeting, language):
    return {
        paragraph.number: getattr(paragraph, f"text_{language}")
        for paragraph in StatementParagraph.objects.filter(statement__meeting=meeting)
    }


def write(tmp_path, text, encoding="utf-8", name="statement.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- parsing -----------------------------------------------------------------------------------------------------


def test_parse_joins_wrapped_lines_and_skips_blank_runs_and_form_feeds():
    text = "Заголовок\n\n 1. Первая строка\n\nвторая строка. \n\n \n\f\n2. Второй пункт\r\nпродолжается.\n"

    assert parse_numbered_paragraphs(text) == [(1, "Первая строка вторая строка."), (2, "Второй пункт продолжается.")]


def test_parse_keeps_the_hyphen_of_a_compound_broken_across_lines():
    text = "1. укрепление потенциала государств-\n\nучастников в поиске решений\n"

    assert parse_numbered_paragraphs(text) == [(1, "укрепление потенциала государств-участников в поиске решений")]


def test_parse_drops_a_soft_hyphen_at_a_line_break():
    assert parse_numbered_paragraphs("1. миг\u00ad\nрация\n") == [(1, "миграция")]


def test_parse_treats_a_dash_between_words_as_a_space():
    assert parse_numbered_paragraphs("1. мигрантов –\nэто ключевой фактор\n") == [
        (1, "мигрантов – это ключевой фактор")
    ]


def test_parse_drops_page_number_lines():
    assert parse_numbered_paragraphs("1. Начало\n\n- 2 -\n\nконец.\n\f3\n2. Дальше.\n") == [
        (1, "Начало конец."),
        (2, "Дальше."),
    ]


def test_parse_does_not_take_a_year_or_a_smaller_number_for_a_new_paragraph():
    text = "1. Процесс начался\n2013. году.\n2. Второй пункт ссылается на\n1. пункт.\n"

    assert parse_numbered_paragraphs(text) == [
        (1, "Процесс начался 2013. году."),
        (2, "Второй пункт ссылается на 1. пункт."),
    ]


def test_parse_accepts_a_number_alone_on_its_line():
    assert parse_numbered_paragraphs("1.\nТекст пункта.\n2) Ещё.\n") == [(1, "Текст пункта."), (2, "Ещё.")]


def test_parse_rejects_text_without_numbered_paragraphs():
    with pytest.raises(StatementImportError, match="No numbered paragraphs found"):
        parse_numbered_paragraphs("Просто текст\nбез номеров.\n")


def test_parse_names_the_missing_paragraph():
    with pytest.raises(StatementImportError) as error:
        parse_numbered_paragraphs("1. Один.\n2. Два.\n4. Четыре.\n")

    assert str(error.value) == "Paragraph 3 is missing: paragraph 2 is followed by paragraph 4."


def test_parse_requires_numbering_to_start_at_one():
    with pytest.raises(StatementImportError) as error:
        parse_numbered_paragraphs("2. Два.\n3. Три.\n")

    assert str(error.value) == "Paragraph numbers must start at 1, but the first paragraph is numbered 2."


def test_parse_rejects_a_paragraph_without_text():
    with pytest.raises(StatementImportError, match="Paragraph 2 has no text"):
        parse_numbered_paragraphs("1. Один.\n2.\n\n")


@pytest.mark.django_db
def test_a_windows_1251_file_is_imported(tmp_path):
    MeetingFactory(slug="som")

    call_command("import_statement", str(write(tmp_path, "1. Участники.\n", "cp1251")), meeting="som", language="ru")

    assert StatementParagraph.objects.get().text_ru == "Участники."


@pytest.mark.django_db
def test_a_file_in_no_known_text_encoding_is_rejected_with_a_clear_message(tmp_path):
    MeetingFactory(slug="som")
    path = tmp_path / "statement.txt"
    path.write_bytes(b"1. \x98\xff")

    with pytest.raises(CommandError) as error:
        call_command("import_statement", str(path), meeting="som", language="ru")

    assert str(error.value) == "The file is neither UTF-8 nor Windows-1251 text."
    assert not OutcomeStatement.objects.exists()


# --- the command -------------------------------------------------------------------------------------------------


@needs_seed
@pytest.mark.django_db
def test_importing_seed_001_gives_fifteen_paragraphs_with_their_first_words():
    meeting = MeetingFactory(slug="third-som")

    call_command("import_statement", str(SEED_001), meeting="third-som", language="ru")

    texts = paragraph_texts(meeting, "ru")
    assert sorted(texts) == list(range(1, 16))
    assert texts[1].startswith("Целью Третьей встречи высших должностных лиц (ВВДЛ) Алматинского процесса")
    assert texts[2].startswith("В работе встречи приняли участие")
    assert texts[15].startswith("Участники вновь заявили о большом значении Алматинского процесса")
    assert "государств-участников" in texts[1]
    assert texts[15].endswith("достижениями в управлении миграцией.")
    assert all("\n" not in text and "  " not in text and text == text.strip() for text in texts.values())
    assert set(paragraph_texts(meeting, "en").values()) == {None}


@needs_seed
@pytest.mark.django_db
def test_reimporting_seed_001_changes_nothing():
    meeting = MeetingFactory(slug="third-som")
    call_command("import_statement", str(SEED_001), meeting="third-som", language="ru")
    before = list(StatementParagraph.objects.order_by("number").values_list("pk", "number", "text_ru"))

    call_command("import_statement", str(SEED_001), meeting="third-som", language="ru")

    assert list(StatementParagraph.objects.order_by("number").values_list("pk", "number", "text_ru")) == before
    assert OutcomeStatement.objects.filter(meeting=meeting).count() == 1


@needs_seed
@pytest.mark.django_db
def test_importing_english_after_seed_001_keeps_the_russian(tmp_path):
    meeting = MeetingFactory(slug="third-som")
    call_command("import_statement", str(SEED_001), meeting="third-som", language="ru")
    russian = paragraph_texts(meeting, "ru")

    call_command("import_statement", str(write(tmp_path, ENGLISH)), meeting="third-som", language="en")

    assert paragraph_texts(meeting, "ru") == russian
    english = paragraph_texts(meeting, "en")
    assert english[1] == "The participants met."
    assert english[2] == "They agreed."
    assert {english[number] for number in range(3, 16)} == {None}


@pytest.mark.django_db
def test_a_shorter_version_empties_dropped_numbers_and_removes_paragraphs_left_without_text(tmp_path):
    statement = OutcomeStatementFactory(meeting=MeetingFactory(slug="som"))
    StatementParagraphFactory(statement=statement, number=1, text_ru="Один.", text_en="One.")
    StatementParagraphFactory(statement=statement, number=2, text_ru="Два.", text_en="Two.")
    StatementParagraphFactory(statement=statement, number=3, text_ru="", text_en="Three.")

    call_command("import_statement", str(write(tmp_path, "1. One, revised.\n")), meeting="som", language="en")

    assert list(statement.paragraphs.values_list("number", "text_ru", "text_en")) == [
        (1, "Один.", "One, revised."),
        (2, "Два.", ""),
    ]


@pytest.mark.django_db
def test_new_numbers_are_created_without_touching_the_other_language(tmp_path):
    statement = OutcomeStatementFactory(meeting=MeetingFactory(slug="som"))
    StatementParagraphFactory(statement=statement, number=1, text_ru="Один.", text_en="One.")

    call_command(
        "import_statement", str(write(tmp_path, "1. Один.\n2. Два.\n", "cp1251")), meeting="som", language="ru"
    )

    assert list(statement.paragraphs.values_list("number", "text_ru", "text_en")) == [
        (1, "Один.", "One."),
        (2, "Два.", None),
    ]


@pytest.mark.django_db
def test_title_option_sets_the_statement_title_in_that_language_only(tmp_path):
    statement = OutcomeStatementFactory(meeting=MeetingFactory(slug="som"), title_ru="Заявление", title_en="Statement")

    call_command("import_statement", str(write(tmp_path, ENGLISH)), meeting="som", language="en", title="Final text")

    statement.refresh_from_db()
    assert (statement.title_ru, statement.title_en) == ("Заявление", "Final text")


@pytest.mark.django_db
def test_a_file_without_numbered_paragraphs_is_rejected(tmp_path):
    MeetingFactory(slug="som")

    with pytest.raises(CommandError, match="No numbered paragraphs found"):
        call_command(
            "import_statement",
            str(write(tmp_path, "Итоговое заявление\n\nбез номеров\n")),
            meeting="som",
            language="ru",
        )
    assert not OutcomeStatement.objects.exists()


@pytest.mark.django_db
def test_a_gap_in_numbering_is_rejected_and_nothing_is_written(tmp_path):
    MeetingFactory(slug="som")

    with pytest.raises(CommandError) as error:
        call_command("import_statement", str(write(tmp_path, "1. A.\n3. C.\n")), meeting="som", language="en")

    assert str(error.value) == "Paragraph 2 is missing: paragraph 1 is followed by paragraph 3."
    assert not StatementParagraph.objects.exists()


@pytest.mark.django_db
def test_an_unknown_meeting_slug_is_rejected(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("import_statement", str(write(tmp_path, ENGLISH)), meeting="no-such-meeting", language="en")

    assert str(error.value) == "There is no meeting with the slug “no-such-meeting”."


@pytest.mark.django_db
def test_an_unknown_language_is_rejected(tmp_path):
    MeetingFactory(slug="som")

    with pytest.raises(CommandError) as error:
        call_command("import_statement", str(write(tmp_path, ENGLISH)), meeting="som", language="de")

    assert str(error.value) == "Unknown language “de”; choose one of: ru, en."
    assert not OutcomeStatement.objects.exists()


@pytest.mark.django_db
def test_a_missing_file_is_reported(tmp_path):
    MeetingFactory(slug="som")

    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_statement", str(tmp_path / "absent.txt"), meeting="som", language="ru")
