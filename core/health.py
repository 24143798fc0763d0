"""Health endpoints for load balancers and monitors, outside the language prefixes.

/healthz: the process answers (no database, no cache), for "restart me if I hang".
/readyz: database, cache and file storage work, and how long the oldest due background job has waited, for
"send me readers". Each check says "ok" or a short category of failure ("unreachable", "error", "late"), never a
host name, a path or an exception text.

Without the database or the file store this server cannot serve: "unavailable", 503, and a load balancer takes
it out. A stopped cache or a late job queue (no worker running) leave it "degraded": pages are still served
(uncached, rate limits per process; uploads wait as "pending"), so the answer stays 200 for load balancers,
and a monitor reads the status and the checks. `manage.py check_deployment` runs the same checks and more.
"""

import logging
import uuid

from django.conf import settings
from django.core import checks as django_checks
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import jobs

logger = logging.getLogger(__name__)

PROBE = b"readyz"


def _failure(error: Exception) -> str:
    # redis-py's and the database driver's connection errors do not derive from the built-in ones.
    if isinstance(error, QueueLate):
        return "late"
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


def check_queue() -> None:
    age = jobs.oldest_queued_age()
    if age is not None and age.total_seconds() > settings.JOB_QUEUE_LATE_SECONDS:
        raise QueueLate


class QueueLate(Exception):
    pass


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage, "jobs": check_queue}
# Parts whose failure leaves pages served: this server stays in the load balancer's rotation.
DEGRADING = {"cache", "jobs"}


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


def deployment_report(worker_wait: float) -> dict[str, str]:
    """run_checks(), plus the settings' deployment checks and a job that a worker must run in time."""
    problems = [
        message
        for message in django_checks.run_checks(include_deployment_checks=True)
        if message.level >= django_checks.ERROR or message.is_serious(django_checks.WARNING)
    ]
    report = {"settings": "ok" if not problems else f"{len(problems)} problem(s): {', '.join(m.id for m in problems)}"}
    report.update(run_checks())
    report["worker"] = "ok" if jobs.worker_answers(worker_wait) else f"no answer within {worker_wait:g} s"
    return report


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
    elif set(failing) <= DEGRADING:
        status = "degraded"
    else:
        status = "unavailable"
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == "unavailable" else 200)
