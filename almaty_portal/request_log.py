"""One structured log line per request: its id, method, path, status, duration and kind of reader.

The request id comes from the X-Request-ID header that the reverse proxy sets (deploy/nginx sends nginx's
$request_id), or is made here; it is echoed in the response so that a reader's report can be matched to the
log. Only the path is logged, never the query string or anything a reader typed.
"""

import logging
import re
import time
import uuid

from accounts.models import delegate_state_id
from core.access import is_staff

logger = logging.getLogger("portal.request")

REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")


def request_id(request) -> str:
    """The proxy's id for this request when it is a plausible one, otherwise a new one."""
    given = request.headers.get("X-Request-ID", "")
    return given if REQUEST_ID_PATTERN.fullmatch(given) else uuid.uuid4().hex


def reader_kind(request) -> str:
    """anonymous, delegate or staff: who the page was for, without saying who."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "anonymous"
    if is_staff(user):
        return "staff"
    return "delegate" if delegate_state_id(user) is not None else "signed-in"


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = request_id(request)
        response = self.get_response(request)
        response.headers["X-Request-ID"] = request.request_id
        logger.info(
            "request",
            extra={
                "request_id": request.request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "reader": reader_kind(request),
            },
        )
        return response
