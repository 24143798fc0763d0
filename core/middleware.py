"""Answers for requests that cannot be served: a NUL in the address, a database that does not answer."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers, patch_vary_headers

logger = logging.getLogger(__name__)


class RejectNulMiddleware:
    """A NUL byte in the path is never part of an address we serve (and PostgreSQL refuses it in a query): 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached or does not answer in time gives a quick 503 in the reader's language.

    The page is rendered without context processors (they may read the database) and with a Retry-After.
    One warning line per request, not a stack trace: the cause is outside the code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        reason = (str(exception).strip().splitlines() or [type(exception).__name__])[0]
        logger.warning("Database unavailable for %s: %s", request.path, reason)
        response = HttpResponse(loader.get_template("503.html").render({}), status=503)
        response.headers["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
        add_never_cache_headers(response)
        patch_vary_headers(response, ["Accept-Language"])
        return response
