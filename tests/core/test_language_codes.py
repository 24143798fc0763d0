"""One list of languages: settings.LANGUAGES, read through core.i18n.LANGUAGE_CODES."""

import re

from django.conf import settings

from core.i18n import LANGUAGE_CODES

SOURCE_DIRS = ["accounts", "core", "demo", "documents", "meetings", "pages", "participants", "search"]
SPELLED_LIST = re.compile(r"""[(\[]\s*["'](?:ru|en)["']\s*,\s*["'](?:ru|en)["']\s*,?\s*[)\]]""")


def test_language_codes_follow_settings_languages_with_the_default_first():
    assert LANGUAGE_CODES == ("ru", "en")
    assert LANGUAGE_CODES == tuple(code for code, _name in settings.LANGUAGES)
    assert LANGUAGE_CODES[0] == settings.LANGUAGE_CODE
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES == LANGUAGE_CODES


def test_no_module_spells_the_list_of_languages_or_reads_settings_languages_itself():
    offenders = []
    for folder in SOURCE_DIRS:
        for path in sorted((settings.BASE_DIR / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            relative = path.relative_to(settings.BASE_DIR).as_posix()
            if SPELLED_LIST.search(text) or ("settings.LANGUAGES" in text and relative != "core/i18n.py"):
                offenders.append(relative)

    assert offenders == []
