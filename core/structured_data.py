"""schema.org JSON-LD for pages: each app builds its dicts (one function a model); this writes them safely.

The script element is data (type application/ld+json): browsers do not run it, so the Content-Security-Policy
(script-src 'self', no inline scripts) has nothing to allow. Its text is JSON with <, > and & escaped as
\\u003C…, as django's json_script does, so that no "</script>" or "<!--" in a title can end it early.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

CONTEXT = "https://schema.org"
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def without_empty(data):
    """The data without keys whose value is empty (None, "", [], {}): schema.org readers prefer absence."""
    if isinstance(data, dict):
        cleaned = {key: without_empty(value) for key, value in data.items()}
        return {key: value for key, value in cleaned.items() if value not in (None, "", [], {})}
    if isinstance(data, list):
        return [without_empty(value) for value in data if value not in (None, "", [], {})]
    return data


def json_ld(data: dict) -> SafeString:
    """One <script type="application/ld+json"> element holding `data`, with the schema.org context."""
    text = json.dumps({"@context": CONTEXT, **without_empty(data)}, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text.translate(ESCAPES)))  # noqa: S308
