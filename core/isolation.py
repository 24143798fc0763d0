"""Run a pure function in a child process with a time limit and a memory limit.

Used for work on untrusted input (text extraction from uploaded files): a decompression bomb or a
pathological PDF then fails that one call with a clear reason, and the process that asked (a web
worker or a job worker) lives on. The function must not touch the database: the child is a fork
that shares the parent's connections, and it leaves through os._exit without closing them.
"""

from __future__ import annotations

import multiprocessing
import resource
import traceback

# How long the parent waits past the time limit for a dying child before killing it.
_GRACE_SECONDS = 2


class LimitExceeded(Exception):
    """The child went over its time or memory limit, or died; ``reason`` is "time", "memory" or "crash"."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason} limit exceeded" if reason != "crash" else f"crashed: {detail}")
        self.reason = reason
        self.detail = detail


def _address_space() -> int:
    # The child's own size at start (it is a fork: the parent's pages count until they are freed).
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    return pages * resource.getpagesize()


def _child(connection, function, args, seconds, memory_bytes):
    try:
        limit = _address_space() + memory_bytes
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        result = function(*args)
    except MemoryError:
        connection.send(("memory", ""))
    except BaseException as error:  # the parent re-raises it as it was
        try:
            connection.send(("error", error))
        except Exception:  # an exception that cannot be pickled
            connection.send(("crash", "".join(traceback.format_exception_only(error)).strip()[:500]))
    else:
        connection.send(("ok", result))
    finally:
        connection.close()


def run_limited(function, *args, seconds: float, memory_bytes: int):
    """``function(*args)`` in a forked child; its result, its exception, or LimitExceeded."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sending, function, args, seconds, memory_bytes), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(seconds + _GRACE_SECONDS):
            raise LimitExceeded("time")
        try:
            status, payload = receiving.recv()
        except EOFError:
            # Killed by the kernel: SIGXCPU or SIGKILL for CPU time, or no memory left even to report it.
            child.join(1)
            raise LimitExceeded("time" if child.exitcode in (-24, -9) else "memory") from None
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if status == "ok":
        return payload
    if status == "error":
        raise payload
    if status == "memory":
        raise LimitExceeded("memory")
    raise LimitExceeded("crash", payload)
