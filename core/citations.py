"""Citations: one description of a cited item (Citation), written as RIS, BibTeX or CSL-JSON.

Each app says what its items are (documents.citations, meetings.citations); this module only
writes the formats. Authors are institutions (a process, an organisation, a state): they are
written as one literal name in every format, never split into a family and a given name.
"""

import datetime
import json
import re
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.utils.translation import gettext

from core.i18n import LocalizedText


class Kind:
    """What is cited; each format names it its own way."""

    REPORT = "report"  # a document of the archive
    WEBPAGE = "webpage"  # a meeting's record on the portal


RIS_TYPES = {Kind.REPORT: "RPRT", Kind.WEBPAGE: "ELEC"}
BIBTEX_TYPES = {Kind.REPORT: "techreport", Kind.WEBPAGE: "misc"}


@dataclass(frozen=True)
class Citation:
    key: str  # stable and unique on the portal, e.g. "almaty-process-document-12"
    kind: str
    title: LocalizedText  # in the address's language, else the other one (marked)
    authors: tuple[str, ...]
    issued: datetime.date
    url: str  # the item's stable public address
    language: str  # the address's language
    symbol: str = ""
    place: str = ""
    container: str = ""  # the meeting a document belongs to
    ended: datetime.date | None = None  # a meeting's last day
    date_text: str = ""  # the date or dates as the formatted citation shows them

    @property
    def author_text(self) -> str:
        return ", ".join(self.authors)

    @property
    def text_parts(self) -> list[str]:
        """The formatted citation's sentences after the authors and the title (container, place, date; symbol)."""
        where_when = ", ".join(part for part in (self.container, self.place, self.date_text) if part)
        return [part for part in (where_when, self.symbol) if part]

    @property
    def title_note(self) -> str:
        """Said when the title is not in the address's language."""
        if not self.title.is_fallback:
            return ""
        return (
            gettext("Available in Russian only.")
            if self.title.language == "ru"
            else gettext("Available in English only.")
        )


# --- RIS ---------------------------------------------------------------------------------------------------------


def _ris_line(tag: str, value) -> str:
    # A value is one line: line breaks would start new tags.
    return f"{tag}  - {' '.join(str(value).split())}\r\n"


def ris(citation: Citation) -> str:
    lines = [_ris_line("TY", RIS_TYPES[citation.kind]), _ris_line("ID", citation.key)]
    lines += [_ris_line("AU", author) for author in citation.authors]
    lines.append(_ris_line("TI", citation.title.text))
    if citation.container:
        lines.append(_ris_line("T2", citation.container))
    lines.append(_ris_line("PY", citation.issued.year))
    lines.append(_ris_line("DA", citation.issued.strftime("%Y/%m/%d")))
    if citation.symbol:
        lines.append(_ris_line("SN", citation.symbol))
    if citation.place:
        lines.append(_ris_line("CY", citation.place))
    lines.append(_ris_line("LA", citation.title.language))
    lines.append(_ris_line("UR", citation.url))
    if citation.title_note:
        lines.append(_ris_line("N1", citation.title_note))
    lines.append("ER  - \r\n")
    return "".join(lines)


# --- BibTeX ------------------------------------------------------------------------------------------------------

BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}


def bibtex_escape(text: str) -> str:
    """Text safe inside braces: TeX's special characters escaped, one line."""
    text = " ".join(str(text).split())
    return BIBTEX_SPECIAL.sub(lambda match: BIBTEX_ESCAPES.get(match.group(1), "\\" + match.group(1)), text)


def bibtex(citation: Citation) -> str:
    # Institutions in double braces: BibTeX must not read "Almaty Process" as a given and a family name.
    fields = [("author", " and ".join(f"{{{bibtex_escape(author)}}}" for author in citation.authors))]
    # The title in double braces too: its capitals are kept as written.
    fields.append(("title", f"{{{bibtex_escape(citation.title.text)}}}"))
    if citation.kind == Kind.REPORT:
        fields.append(("institution", " and ".join(bibtex_escape(author) for author in citation.authors)))
        if citation.symbol:
            fields.append(("number", bibtex_escape(citation.symbol)))
    if citation.container:
        fields.append(("howpublished", bibtex_escape(citation.container)))
    if citation.place:
        fields.append(("address", bibtex_escape(citation.place)))
    fields += [
        ("year", str(citation.issued.year)),
        ("month", str(citation.issued.month)),
        ("date", citation.issued.isoformat()),
        ("language", citation.title.language),
        # A URL is written as it is: url fields are read verbatim.
        ("url", citation.url.replace("{", "%7B").replace("}", "%7D")),
    ]
    if citation.title_note:
        fields.append(("note", bibtex_escape(citation.title_note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{BIBTEX_TYPES[citation.kind]}{{{citation.key},\n{body}\n}}\n"


# --- CSL-JSON ----------------------------------------------------------------------------------------------------


def _date_parts(day: datetime.date) -> list[int]:
    return [day.year, day.month, day.day]


def csl_item(citation: Citation) -> dict:
    item = {
        "id": citation.key,
        "type": citation.kind,
        "title": citation.title.text,
        "author": [{"literal": author} for author in citation.authors],
        "issued": {"date-parts": [_date_parts(citation.issued)]},
        "URL": citation.url,
        "language": citation.title.language,
    }
    if citation.kind == Kind.REPORT and citation.authors:
        item["publisher"] = citation.authors[0]
    if citation.symbol:
        item["number"] = citation.symbol
    if citation.container:
        item["event"] = citation.container
    if citation.place:
        item["publisher-place"] = citation.place
        item["event-place"] = citation.place
    if citation.ended and citation.ended != citation.issued:
        item["issued"]["date-parts"].append(_date_parts(citation.ended))
    if citation.title_note:
        item["note"] = citation.title_note
    return item


def csl_json(citation: Citation) -> str:
    return json.dumps([csl_item(citation)], ensure_ascii=False, indent=2) + "\n"


# --- Downloads ---------------------------------------------------------------------------------------------------

FORMATS = {
    "ris": (ris, "application/x-research-info-systems; charset=utf-8"),
    "bib": (bibtex, "application/x-bibtex; charset=utf-8"),
    "json": (csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}


def citation_response(citation: Citation, extension: str) -> HttpResponse:
    """The citation as a downloaded file in the format its extension names; an unknown one is a 404."""
    if extension not in FORMATS:
        raise Http404
    write, content_type = FORMATS[extension]
    response = HttpResponse(write(citation), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citation.key}.{extension}"'
    response["X-Robots-Tag"] = "noindex"
    return response
