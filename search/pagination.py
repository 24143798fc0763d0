"""A paginator that learns the total and a page's ids in one pass over the matches."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Window
from django.utils.translation import gettext_lazy as _


class CountingPaginator(Paginator):
    """Paginator.page() with one narrow query (ids and COUNT(*) OVER ()) instead of a count and a page.

    A search matching most of the archive then ranks and counts its matches once, reading only ids
    and ranks; the page's documents are fetched afterwards by primary key.
    """

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(_("That page number is not an integer")) from error
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        bottom = (number - 1) * self.per_page
        rows = list(
            self.object_list.annotate(total_matches=Window(Count("*"))).values_list("pk", "total_matches")[
                bottom : bottom + self.per_page
            ]
        )
        if rows:
            self.__dict__["count"] = rows[0][1]
        else:
            number = self.validate_number(number)
        ids = [pk for pk, _total in rows]
        found = {item.pk: item for item in self.object_list.filter(pk__in=ids)} if ids else {}
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)
