"""Error pages in the reader's language, and the friendly answer to malformed list filters."""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import ListView

# Page numbers beyond this are refused before they reach the database (OFFSET is a bigint).
MAX_PAGE_NUMBER = 1_000_000


def bad_request(request, exception=None, errors=None):
    """400: the address asks for something malformed; say what, and how to start again."""
    if isinstance(exception, DisallowedHost):
        # A foreign Host header: nothing may build an absolute address (canonical or hreflang links),
        # since that asks for the host again and would raise once more. A plain page, no context processors.
        return HttpResponseBadRequest(loader.get_template("400_host.html").render({}))
    return render(request, "400.html", {"errors": errors or []}, status=400)


def page_number_errors(request, page_kwarg: str = "page") -> list[dict]:
    """The 400 entry for a page number that is not "last" or ASCII digits from 1 to MAX_PAGE_NUMBER.

    str.isdigit() accepts "²", "①" and Arabic-Indic digits, which int() then refuses or reads;
    a page number must be written as the address bar shows it.
    """
    page = request.GET.get(page_kwarg)
    if page is None or page == "last":
        return []
    if page.isascii() and page.isdigit() and len(page) <= len(str(MAX_PAGE_NUMBER)):
        if 1 <= int(page) <= MAX_PAGE_NUMBER:
            return []
    return [{"name": page_kwarg, "label": _("Page"), "value": page, "messages": [_("Enter a page number.")]}]


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without context processors or database access: whatever failed may fail again.
    return HttpResponseServerError(loader.get_template("500.html").render({"request_path": request.path}))


def form_errors(form) -> list[dict]:
    """A form's errors as (label, value given, messages), for the 400 page."""
    errors = []
    for name, messages in form.errors.items():
        field = form.fields.get(name)
        errors.append(
            {
                "name": name,
                "label": field.label if field else name,
                "value": form.data.get(name, ""),
                "messages": list(messages),
            }
        )
    return errors


class FilteredListView(ListView):
    """A list narrowed by a FilterSet read from the address; malformed values get a 400 that says which."""

    filterset_class = None

    def get_base_queryset(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(request.GET, queryset=self.get_base_queryset(), request=request)
        errors = [] if self.filterset.is_valid() else form_errors(self.filterset.form)
        errors += page_number_errors(request, self.page_kwarg)
        if errors:
            return bad_request(request, errors=errors)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["is_filtered"] = any(
            value not in (None, "", [])
            for name, value in self.filterset.form.cleaned_data.items()
            if name not in ("sort",)
        )
        return context
