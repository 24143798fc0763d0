"""A paginator that learns the total and a page's ids in one pass over the matches."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Window
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.pagecache import remember


class CountingPaginator(Paginator):
    """Paginator.page() with one narrow query (ids and COUNT(*) OVER ()) instead of a count and a page.

    A search matching most of the archive then ranks and counts its matches once, reading only ids
    and ranks; the page's documents are fetched afterwards by primary key.

    With `ranking` (a search.backends.postgres.RankedEntries) the ids and the total come from the
    search index alone. The page's documents are read by id from `items` (default: `object_list`),
    the reader's visible documents: repeating the search's match only to read 25 ids by primary key
    made PostgreSQL walk every match again. Nothing the reader may not see can be shown either way.
    """

    # With `shared_as`, the ids and total of the first SHARED matches are read once and kept for
    # every request asking the same (core.pagecache.remember): the next pages, the other sort of
    # readers with the same rule, the same search a minute later cost no search at all.
    SHARED = 200

    def __init__(self, object_list, per_page, *args, ranking=None, items=None, shared_as: str = "", **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.ranking = ranking
        self.items = object_list if items is None else items
        self.shared_as = shared_as

    @cached_property
    def count(self):
        return self.ranking.count() if self.ranking is not None else super().count

    def _rows(self, bottom: int) -> list:
        if self.shared_as and bottom + self.per_page <= self.SHARED:
            rows = remember(f"rows:{self.shared_as}", lambda: self._read_rows(0, self.SHARED))
            self.__dict__["count"] = rows[0][1] if rows else 0
            return rows[bottom : bottom + self.per_page]
        return self._read_rows(bottom, self.per_page)

    def _read_rows(self, bottom: int, limit: int) -> list:
        if self.ranking is not None:
            return self.ranking.rows(bottom, limit)
        return list(
            self.object_list.annotate(total_matches=Window(Count("*"))).values_list("pk", "total_matches")[
                bottom : bottom + limit
            ]
        )

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(_("That page number is not an integer")) from error
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        bottom = (number - 1) * self.per_page
        rows = self._rows(bottom)
        if rows:
            self.__dict__["count"] = rows[0][1]
        elif bottom == 0:
            # Nothing on the first page: nothing at all, no need to count again.
            self.__dict__["count"] = 0
        else:
            number = self.validate_number(number)
        ids = [pk for pk, _total in rows]
        found = {item.pk: item for item in self.items.filter(pk__in=ids)} if ids else {}
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)
