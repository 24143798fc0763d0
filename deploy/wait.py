"""Wait for a server on loopback to answer: used by the runtime tests (tests/deploy) and the load test (bench/)."""

import subprocess
import time
import urllib.error
import urllib.request


def wait_for(url: str, process: subprocess.Popen | None = None, seconds: float = 60) -> None:
    """Return once ``url`` answers 2xx/3xx; fail when ``process`` stops first or ``seconds`` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server stopped with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")
