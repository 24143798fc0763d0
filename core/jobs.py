"""Background jobs: django-tasks with retries, a time limit and a memory limit per job.

A job is a function decorated with ``@job()``; call ``the_job.enqueue(...)`` (after the transaction
commits, where it reads what the transaction wrote). Which backend runs it is a setting (TASKS):

- with no worker (``make demo``, the tests by default) the immediate backend runs each job at once, in
  the process that enqueued it, and a failure is recorded, never raised into the request;
- in production (``TASKS_BACKEND=database``) jobs are rows in the database, run one at a time by
  ``manage.py db_worker`` in its own process. There each run gets a time limit (SIGALRM) and a memory
  limit (RLIMIT_AS raised by JOB_MEMORY_LIMIT_MB over the worker's size), and a failed run is tried
  again later, up to ``retries`` times, with a growing delay.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import resource
import signal
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task, task_backends

logger = logging.getLogger(__name__)

ATTEMPT = "_attempt"


class JobTimeLimitExceeded(Exception):
    pass


def runs_in_worker() -> bool:
    """Whether jobs run in a worker process of their own (not in the request that enqueued them)."""
    return task_backends["default"].supports_defer


@contextlib.contextmanager
def _time_limit(seconds: int):
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise JobTimeLimitExceeded(f"the job ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _vm_size() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


@contextlib.contextmanager
def _memory_limit(megabytes: int):
    if not megabytes:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _vm_size() + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def job(*, retries: int = 2, retry_delay: int = 60, time_limit: int | None = None, **options):
    """Make a function a background job (a django-tasks Task) with retries and limits in the worker."""

    def decorate(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            if not runs_in_worker():
                return function(*args, **kwargs)
            try:
                with _time_limit(time_limit or settings.JOB_TIME_LIMIT), _memory_limit(settings.JOB_MEMORY_LIMIT_MB):
                    return function(*args, **kwargs)
            except Exception:
                if attempt <= retries:
                    run_after = timezone.now() + timedelta(seconds=retry_delay * attempt)
                    the_job.using(run_after=run_after).enqueue(*args, **{**kwargs, ATTEMPT: attempt + 1})
                    logger.warning("Job %s failed (attempt %s); tried again after %s", the_job.name, attempt, run_after)
                raise

        the_job = task(**options)(run)
        return the_job

    return decorate


def oldest_queued_age() -> timedelta | None:
    """How long the oldest job that is due has waited; None when nothing waits or jobs run at once."""
    if not runs_in_worker():
        return None
    from django_tasks_db.models import DBTaskResult  # only installed where a worker runs jobs

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return None if oldest is None else timezone.now() - oldest


@job(retries=0)
def ping() -> str:
    """A job that only answers: proves that a worker is taking jobs (manage.py check_deployment)."""
    return "pong"


def worker_answers(seconds: float) -> bool:
    """Whether a worker runs a job within `seconds` (always true where jobs run at once)."""
    result = ping.enqueue()
    deadline = time.monotonic() + seconds
    while result.status != TaskResultStatus.SUCCESSFUL:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)
        result.refresh()
    return True
