"""Pages of API lists: ?page=N (from 1, or "last"), ?page_size=N (from 1 to MAX_PAGE_SIZE)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from core.views import page_number_errors

MAX_PAGE_SIZE = 100


class PortalPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    page_size_query_description = _("Items on a page, from 1 to 100 (25 when not given).")
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        # A malformed page number or size is a 400 naming it, as on the site; a page past the end is a 404.
        errors = {error["name"]: error["messages"] for error in page_number_errors(request, self.page_query_param)}
        size = request.query_params.get(self.page_size_query_param)
        if size is not None and not (size.isascii() and size.isdigit() and 1 <= int(size) <= MAX_PAGE_SIZE):
            errors[self.page_size_query_param] = [_("Enter a number of items from 1 to 100.")]
        if errors:
            raise ValidationError(errors)
        return super().paginate_queryset(queryset, request, view)
