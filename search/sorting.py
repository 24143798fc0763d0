"""The orders a list of search results can take: one declaration for the archive and the site search.

Each order is a list of keys over a row's relevance ("rank") and its date ("date"); callers name
their own fields (a document's date, a meeting's start date, a title hit) and add a last tie-breaker.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("Most relevant first")
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")


ORDERINGS = {
    Sort.RELEVANCE: ("-rank", "-date"),
    Sort.NEWEST: ("-date", "-rank"),
    Sort.OLDEST: ("date", "-rank"),
}


def ordering(sort: str | None, *, date: str = "date", rank: str | None = "rank") -> tuple[str, ...]:
    """The ORDER BY keys of `sort` (relevance when empty) with the caller's field names.

    Without a rank (no query, or content ranked by its own order) relevance means newest first.
    """
    names = {"date": date, "rank": rank}
    keys = []
    for key in ORDERINGS[Sort(sort or Sort.RELEVANCE)]:
        descending, name = key.startswith("-"), key.lstrip("-")
        if names[name] is not None:
            keys.append(("-" if descending else "") + names[name])
    return tuple(keys)


def sql_ordering(keys: tuple[str, ...]) -> str:
    """ORDER BY keys as SQL (the names must be columns of the query)."""
    return ", ".join(f"{key[1:]} DESC" if key.startswith("-") else key for key in keys)
