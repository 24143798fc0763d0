"""Monitoring items from a pasted list: one item a line, its address and its headline.

A line holds an address (http:// or https://) at its start or its end and the headline on the other side,
with a tab, a dash or spaces between them: ``URL<TAB>headline``, ``headline — URL``. Every line is checked
before anything is saved, and every bad line is reported by its number: the list is saved whole or not at all.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from monitoring.models import MonitoringItem

MAX_LINES = 200
SEPARATORS = " \t—–-|"
url_field = MonitoringItem._meta.get_field("url")
headline_field = MonitoringItem._meta.get_field("headline")
validate_url = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class PastedLine:
    number: int
    url: str
    headline: str


def _is_address(token: str) -> bool:
    return token.lower().startswith(("http://", "https://"))


def _read_line(number: int, line: str) -> PastedLine:
    tokens = line.split()
    if _is_address(tokens[0]):
        url, rest = tokens[0], line.strip()[len(tokens[0]) :]
    elif _is_address(tokens[-1]):
        url, rest = tokens[-1], line.strip()[: -len(tokens[-1])]
    else:
        raise ValidationError(
            _("Line %(number)d: put the address (starting with http:// or https://) at the start or the end.")
            % {"number": number}
        )
    headline = rest.strip(SEPARATORS)
    if not headline:
        raise ValidationError(_("Line %(number)d: the headline is missing.") % {"number": number})
    if len(headline) > headline_field.max_length:
        raise ValidationError(
            ngettext(
                "Line %(number)d: the headline is longer than %(limit)d character.",
                "Line %(number)d: the headline is longer than %(limit)d characters.",
                headline_field.max_length,
            )
            % {"number": number, "limit": headline_field.max_length}
        )
    if len(url) > url_field.max_length:
        raise ValidationError(
            ngettext(
                "Line %(number)d: the address is longer than %(limit)d character.",
                "Line %(number)d: the address is longer than %(limit)d characters.",
                url_field.max_length,
            )
            % {"number": number, "limit": url_field.max_length}
        )
    try:
        validate_url(url)
    except ValidationError:
        raise ValidationError(
            _("Line %(number)d: “%(url)s” is not a valid address.") % {"number": number, "url": url}
        ) from None
    return PastedLine(number, url, headline)


def read_pasted_list(text: str) -> list[PastedLine]:
    """The list's lines as items; a ValidationError naming every bad line, by number, otherwise."""
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise ValidationError(_("Paste at least one line: an address and a headline."))
    if len(lines) > MAX_LINES:
        raise ValidationError(
            ngettext("Paste at most %(limit)d line at a time.", "Paste at most %(limit)d lines at a time.", MAX_LINES)
            % {"limit": MAX_LINES}
        )
    errors, entries, first_line_of = [], [], {}
    for number, line in lines:
        try:
            entry = _read_line(number, line)
        except ValidationError as error:
            errors.extend((number, message) for message in error.messages)
            continue
        if entry.url in first_line_of:
            errors.append(
                (
                    number,
                    _("Line %(number)d repeats the address of line %(first)d.")
                    % {"number": number, "first": first_line_of[entry.url]},
                )
            )
            continue
        first_line_of[entry.url] = number
        entries.append(entry)
    recorded = dict(
        MonitoringItem.objects.filter(url__in=[entry.url for entry in entries]).values_list("url", "headline")
    )
    for entry in entries:
        if entry.url in recorded:
            errors.append(
                (
                    entry.number,
                    _("Line %(number)d: an item with this address is already recorded: “%(headline)s”.")
                    % {"number": entry.number, "headline": recorded[entry.url]},
                )
            )
    if errors:
        raise ValidationError([message for _number, message in sorted(errors, key=lambda error: error[0])])
    return entries


def outlet_of(url: str) -> str:
    """The site an address belongs to, without "www.": the outlet when the editor names none."""
    return urlsplit(url).hostname.removeprefix("www.")


@transaction.atomic
def create_items(entries: list[PastedLine], *, date: date, language: str, outlet: str = "") -> list[MonitoringItem]:
    """Record the pasted items as drafts, all or none; each validated as the admin's form would."""
    items = []
    for entry in entries:
        item = MonitoringItem(
            headline=entry.headline,
            url=entry.url,
            outlet=outlet or outlet_of(entry.url),
            date=date,
            language=language,
        )
        item.full_clean()
        item.save()
        items.append(item)
    return items
