"""Reading plain text the portal is given: the one decoder for uploads, imports and seed files.

Text files reach the portal in UTF-8, with or without a byte order mark, or in Windows-1251,
the usual encoding of older Cyrillic files. Nothing else is guessed.
"""

import codecs


def decode_text(data: bytes, *, partial: bool = False, lenient: bool = False) -> str | None:
    """The bytes as text: UTF-8 (a byte order mark is dropped), else Windows-1251.

    `partial`: the bytes are only the start of a file, so a UTF-8 character cut off at the
    end is not a reason to fall back to Windows-1251.
    Returns None when the bytes are neither encoding; with `lenient`, undecodable bytes
    become U+FFFD instead (a file that announces UTF-8 by its byte order mark stays UTF-8).
    """
    announced = data.startswith(codecs.BOM_UTF8)
    decoder = codecs.getincrementaldecoder("utf-8-sig")("replace" if lenient and announced else "strict")
    try:
        return decoder.decode(data, final=not partial)
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        return data.decode("cp1251", "replace") if lenient else None
