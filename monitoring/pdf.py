"""An information sheet's PDF in each language: typeset from the public content, stored, and kept current.

The PDF is made from the same content as the page, through a print template, for an anonymous reader:
a delegate who opens it gets the public sheet. Each stored PDF keeps the digest of the HTML it came from;
``current_pdf`` renders that HTML again (a few queries, no typesetting) and typesets anew when it differs,
so a document restricted or unpublished after the build never reaches a reader through an old file.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.i18n import LANGUAGE_CODES
from core.pdf import render_pdf
from monitoring.models import InformationSheet, SheetPdf


def sheet_html(sheet: InformationSheet, language: str) -> str:
    """The print page of the sheet in this language, with what the public may see."""
    with translation.override(language):
        return render_to_string(
            "monitoring/sheet_print.html",
            {
                "sheet": sheet,
                "contents": sheet.contents_for(AnonymousUser()),
                "origin": settings.PORTAL_ORIGIN.rstrip("/"),
                "LANGUAGE_CODE": language,
            },
        )


def digest(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def current_pdf(sheet: InformationSheet, language: str) -> SheetPdf:
    """The sheet's PDF in this language, typeset now when there is none or its content has changed."""
    html = sheet_html(sheet, language)
    source_digest = digest(html)
    stored = SheetPdf.objects.filter(sheet=sheet, language=language).first()
    if stored is not None and stored.source_digest == source_digest and stored.file.storage.exists(stored.file.name):
        return stored
    content = render_pdf(html)
    with transaction.atomic():
        stored, _created = SheetPdf.objects.select_for_update().get_or_create(
            sheet=sheet, language=language, defaults={"source_digest": source_digest}
        )
        old_name = stored.file.name
        stored.source_digest = source_digest
        stored.file.save(f"{sheet.slug}-{language}-{source_digest[:12]}.pdf", ContentFile(content), save=False)
        stored.save()
    if old_name and old_name != stored.file.name:
        stored.file.storage.delete(old_name)
    return stored


def build_pdfs(sheet: InformationSheet) -> list[SheetPdf]:
    """The sheet's PDF in every language of the portal, typeset where it is missing or out of date."""
    return [current_pdf(sheet, language) for language in LANGUAGE_CODES]
