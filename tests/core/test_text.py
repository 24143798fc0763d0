import codecs

import pytest

from core.text import decode_text


@pytest.fixture
def statement(seeds_dir):
    """Seed 001, the Russian outcome statement, as text."""
    return (seeds_dir / "001_f5bf1f298d79ffb4.txt").read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("cp1251"),
    ],
    ids=["utf-8", "utf-8 with a byte order mark", "windows-1251"],
)
def test_the_russian_seed_statement_reads_back_the_same_in_each_accepted_encoding(statement, encode):
    assert decode_text(encode(statement)) == statement


def test_the_bilingual_seed_form_reads_as_utf8_and_keeps_both_languages(seeds_dir):
    text = decode_text((seeds_dir / "002_534ba1215e34b119.txt").read_bytes())

    assert "Budapest Process" in text
    assert "Будапештский процесс" in text


def test_a_byte_order_mark_is_not_part_of_the_text():
    assert decode_text(codecs.BOM_UTF8 + "Алматы".encode()) == "Алматы"


def test_bytes_that_are_no_accepted_encoding_give_none():
    # 0x98 is the one byte Windows-1251 leaves undefined, and the bytes are not UTF-8 either.
    assert decode_text(b"1. \x98\xff") is None


def test_lenient_decoding_replaces_what_cannot_be_read_instead_of_giving_up():
    assert decode_text(b"1. \x98", lenient=True) == "1. \ufffd"


def test_lenient_decoding_keeps_a_file_announced_as_utf8_in_utf8():
    data = codecs.BOM_UTF8 + "Алматы".encode() + b"\xff"

    assert decode_text(data, lenient=True) == "Алматы\ufffd"


def test_a_utf8_character_cut_at_the_end_of_a_sample_is_not_taken_for_windows_1251():
    data = "Бишкек".encode()[:-1]  # the last letter's second byte is missing

    assert decode_text(data, partial=True) == "Бишке"
    assert decode_text(data) == data.decode("cp1251")
