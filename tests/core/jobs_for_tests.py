"""Jobs that exist only for the tests of core.jobs; the worker process imports them by name."""

import time

from core.jobs import job


@job(retries=1, retry_delay=3600)
def always_fails(reason: str):
    raise RuntimeError(reason)


@job(retries=0, time_limit=1)
def sleeps(seconds: int):
    time.sleep(seconds)
    return "woke up"


@job(retries=0)
def adds(a: int, b: int):
    return a + b
