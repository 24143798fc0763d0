"""Template helpers for a bilingual site: fallback text, the same page in another language, dates."""

import datetime
import re
from urllib.parse import urlencode, urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import formats
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, urlize
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, normalize_newlines
from django.utils.translation import get_language, gettext, pgettext

from core import filters
from core.i18n import LANGUAGE_CODES, LocalizedText, localized

register = template.Library()


@register.inclusion_tag("includes/translated_text.html")
def translated(obj, field, multiline=True, words=None):
    """A translated field's text; text in the other language says so and carries its lang.

    With multiline=False the text is inline (titles in headings, lists and links);
    words=N cuts it to an excerpt.
    """
    text = localized(obj, field)
    if words:
        text = LocalizedText(Truncator(text.text).words(words), text.language, text.is_fallback)
    return {"localized": text, "multiline": multiline, "LANGUAGE_CODE": get_language()}


BULLET = re.compile(r"^\s*[•\-–—]\s+")


def _linked(text: str) -> str:
    # urlize escapes the text itself before adding links; nothing unescaped gets through.
    return urlize(text, nofollow=True, autoescape=True)


@register.filter(is_safe=True)
def rich_text(value):
    """Plain text as HTML: paragraphs, lines starting with «•», «-» or «–» as lists, addresses as links."""
    paragraphs = re.split(r"\n{2,}", normalize_newlines(str(value)).strip())
    html = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        lines, items = [], []
        for line in paragraph.split("\n"):
            if BULLET.match(line):
                if lines:
                    html.append("<p>" + "<br>".join(lines) + "</p>")
                    lines = []
                items.append("<li>" + _linked(BULLET.sub("", line, count=1).strip()) + "</li>")
            else:
                if items:
                    html.append("<ul>" + "".join(items) + "</ul>")
                    items = []
                lines.append(_linked(line))
        if lines:
            html.append("<p>" + "<br>".join(lines) + "</p>")
        if items:
            html.append("<ul>" + "".join(items) + "</ul>")
    return mark_safe("\n\n".join(html))  # noqa: S308 - every piece of text is escaped by urlize


@register.filter
def full_stop(value):
    """The value as text ending a sentence: one full stop, not two after a date that ends in «г.»."""
    text = str(formats.localize(value))
    return text if text.endswith(".") else f"{text}."


def _language_prefix(path: str) -> str | None:
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGE_CODES else None


def path_in_language(full_path: str, language: str) -> str:
    """The same address in another language, query string included.

    translate_url() gives up on addresses that do not resolve (a 404 page);
    then swapping the language prefix still leads the reader somewhere sensible.
    """
    translated_url = translate_url(full_path, language)
    if translated_url != full_path:
        return translated_url
    parts = urlsplit(full_path)
    current = _language_prefix(parts.path)
    if current and current != language:
        path = f"/{language}/" + parts.path.lstrip("/")[len(current) + 1 :]
        return urlunsplit(("", "", path, parts.query, parts.fragment))
    return full_path


def _without_language_prefix(path: str) -> str:
    current = _language_prefix(path)
    if not current:
        return path
    return "/" + path.lstrip("/")[len(current) + 1 :]


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page, with its query string, in another language."""
    return path_in_language(context["request"].get_full_path(), language)


@register.simple_tag(takes_context=True)
def absolute_url_in_language(context, language):
    request = context["request"]
    return request.build_absolute_uri(path_in_language(request.get_full_path(), language))


@register.simple_tag(takes_context=True)
def x_default_url(context):
    """The address without a language prefix: the site redirects it by the reader's browser language."""
    request = context["request"]
    full_path = path_in_language(request.get_full_path(), settings.LANGUAGE_CODE)
    parts = urlsplit(full_path)
    return request.build_absolute_uri(urlunsplit(("", "", _without_language_prefix(parts.path), parts.query, "")))


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """The absolute address of a static file (social networks need the host in og:image)."""
    return context["request"].build_absolute_uri(static(path))


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address with only the query parameters that change what it shows, in a stable order."""
    request = context["request"]
    params = sorted((key, value) for key, values in request.GET.lists() for value in values if value)
    query = urlencode(params)
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


@register.filter
def page_numbers(page) -> list[int | None]:
    """The page numbers the pagination shows: the first, the last, two either side of this one; None for a gap.

    Computed here, not by looping in the template over every page: a search of 20,000 documents has
    800 pages, and the template's loop took about 30 ms of each request.
    """
    paginator = page.paginator
    numbers = paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [None if number == paginator.ELLIPSIS else number for number in numbers]


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None or "" removes them)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def _day_month(day: datetime.date) -> str:
    # Translators: day and month in a date range, PHP-style format letters (Russian uses E, the genitive month).
    return format_date(day, pgettext("date format", "j F"))


def _full_date(day: datetime.date) -> str:
    # Translators: a full date, PHP-style format letters (Russian uses E, the genitive month).
    return format_date(day, pgettext("date format", "j F Y"))


def _time(day: datetime.date, text: str) -> str:
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), text)


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date | None = None):
    """Dates such as "15–16 November 2016", "30 November – 2 December 2016", or one day."""
    if not start:
        return ""
    if not end or end == start:
        return _time(start, _full_date(start))
    if (start.year, start.month) == (end.year, end.month):
        first = _time(start, str(start.day))
        separator = "–"
    elif start.year == end.year:
        first = _time(start, _day_month(start))
        separator = " – "
    else:
        first = _time(start, _full_date(start))
        separator = " – "
    return format_html("{}{}{}", first, separator, _time(end, _full_date(end)))


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The main menu, each item knowing whether the reader is on it ("page") or inside it ("true")."""
    path = context["request"].path
    items = [
        (reverse("pages:page_detail", args=["about"]), gettext("About")),
        (reverse("meetings:meeting_list"), gettext("Meetings")),
        (reverse("participants:state_list"), gettext("States")),
        (reverse("participants:organisation_list"), gettext("Organisations")),
        (reverse("documents:document_list"), gettext("Documents")),
        (reverse("actionplan:plan"), gettext("Action plan")),
        (reverse("pages:news_list"), gettext("News")),
    ]
    menu = []
    for url, label in items:
        current = "page" if path == url else ("true" if path.startswith(url) else "")
        menu.append({"url": url, "label": label, "current": current})
    return menu


@register.simple_tag(takes_context=True)
def active_filters(context, form):
    """The filters this list is narrowed by, each with the address that removes it (core.filters.active_filters)."""
    return filters.active_filters(form, context["request"].GET)
