"""Health endpoints for load balancers and monitors, outside the language prefixes.

/healthz: the process answers (no database, no cache), for "restart me if I hang".
/readyz: database, cache and file storage work, for "send me readers". Each check says "ok" or a short
category of failure ("unreachable", "error"), never a host name, a path or an exception text.
A stopped cache leaves the portal "degraded" (pages are still served, uncached and without shared rate limits)
but answers 503, so that a load balancer or a monitor notices.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

PROBE = b"readyz"


def _failure(error: Exception) -> str:
    # redis-py's and the database driver's connection errors do not derive from the built-in ones.
    unreachable = isinstance(error, OSError | OperationalError) or type(error).__name__ in {
        "ConnectionError",
        "TimeoutError",
    }
    return "unreachable" if unreachable else "error"


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, 1, timeout=10)
    if cache.get(key) != 1:
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def check_storage() -> None:
    name = default_storage.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(PROBE))
    try:
        with default_storage.open(name, "rb") as stored:
            if stored.read() != PROBE:
                raise RuntimeError("the storage did not keep a file")
    finally:
        default_storage.delete(name)


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def run_checks() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - a failing part is reported, not raised
            logger.warning("readiness check %s failed: %s", name, type(error).__name__)
            results[name] = _failure(error)
        else:
            results[name] = "ok"
    return results


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    checks = run_checks()
    failing = [name for name, result in checks.items() if result != "ok"]
    if not failing:
        status = "ok"
    elif failing == ["cache"]:
        status = "degraded"
    else:
        status = "unavailable"
    return JsonResponse({"status": status, "checks": checks}, status=200 if status == "ok" else 503)
