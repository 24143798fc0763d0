"""Work on untrusted input runs in a child process whose limits protect the process that asked."""

import os
import time

import pytest

from core.isolation import LimitExceeded, run_limited

MB = 1024 * 1024


def _pid_and_sum(a, b):
    return os.getpid(), a + b


def _raises(message):
    raise ValueError(message)


def _allocates(megabytes):
    blocks = [bytearray(MB) for _ in range(megabytes)]
    return len(blocks)


def _spins(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_the_result_comes_back_from_another_process():
    child_pid, total = run_limited(_pid_and_sum, 2, 3, seconds=10, memory_bytes=100 * MB)
    assert total == 5
    assert child_pid != os.getpid()


def test_the_function_s_own_error_is_raised_as_it_was():
    with pytest.raises(ValueError, match="bad cell"):
        run_limited(_raises, "bad cell", seconds=10, memory_bytes=100 * MB)


def test_going_over_the_memory_limit_fails_the_call_and_spares_the_caller():
    with pytest.raises(LimitExceeded) as raised:
        run_limited(_allocates, 400, seconds=20, memory_bytes=100 * MB)
    assert raised.value.reason == "memory"
    # The caller goes on, with room for the same work inside a larger limit.
    assert run_limited(_allocates, 50, seconds=20, memory_bytes=300 * MB) == 50


def test_going_over_the_time_limit_fails_the_call_within_the_limit_and_a_grace():
    started = time.monotonic()
    with pytest.raises(LimitExceeded) as raised:
        run_limited(_spins, 30, seconds=1, memory_bytes=100 * MB)
    assert raised.value.reason == "time"
    assert time.monotonic() - started < 10
