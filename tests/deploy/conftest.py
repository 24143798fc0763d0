"""Real gunicorn, nginx and Redis for the runtime tests, each on a free loopback port with its files in tmp.

The servers read the test database that pytest-django created (tests use ``transactional_db`` so that what
they write is committed and visible to gunicorn). A missing nginx, gunicorn or Redis skips these tests on a
laptop, with the reason, but fails them on CI (CI=true), where .ci/run installs and starts all three.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from deploy.render import write_standalone
from deploy.wait import wait_for

ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
GUNICORN_CONF = Path(settings.BASE_DIR) / "deploy" / "gunicorn.conf.py"
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def missing(reason: str):
    if ON_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_database_url() -> str:
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        missing("the runtime tests share the test database with gunicorn, which needs PostgreSQL")
    user = database.get("USER") or "postgres"
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{database['NAME']}"


test_database_url.__test__ = False


class Gunicorn:
    def __init__(self, folder: Path, media_root: Path, **environment):
        try:
            import gunicorn  # noqa: F401 - only to know whether it is installed
        except ImportError:
            missing("gunicorn is not installed (pip install -r requirements.txt)")
        self.port = free_port()
        self.log = folder / f"gunicorn-{self.port}.log"
        env = {
            # Redis only where a test asks for it.
            **{name: value for name, value in os.environ.items() if name != "REDIS_URL"},
            "DJANGO_SETTINGS_MODULE": "almaty_portal.settings",
            "DEBUG": "1",
            "LOG_FORMAT": "json",
            "DATABASE_URL": test_database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "MEDIA_ROOT": str(media_root),
            "STATIC_ROOT": str(folder / "static"),
            "DOCUMENT_SENDFILE": "x-accel-redirect",
            "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
            "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_TIMEOUT": "3",
            "GUNICORN_GRACEFUL_TIMEOUT": "3",
            **environment,
        }
        self.environment = env
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "almaty_portal.wsgi"],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_for(f"http://127.0.0.1:{self.port}/healthz", self.process)
        except RuntimeError:
            self.stop()
            raise

    @property
    def bind(self) -> str:
        return f"127.0.0.1:{self.port}"

    def log_lines(self) -> list[str]:
        return self.log.read_text(errors="replace").splitlines()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Nginx:
    def __init__(self, prefix: Path, upstream: str, media_root: Path, static_root: Path):
        if NGINX is None:
            missing("nginx is not installed (apt-get install nginx-light)")
        self.port = free_port()
        self.prefix = prefix
        self.conf = write_standalone(
            prefix,
            LISTEN=f"127.0.0.1:{self.port}",
            UPSTREAM=upstream,
            MEDIA_ROOT=media_root,
            STATIC_ROOT=static_root,
        )
        subprocess.run([NGINX, "-p", str(prefix), "-c", str(self.conf)], check=True, capture_output=True)
        wait_for(f"http://127.0.0.1:{self.port}/healthz")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        pid_file = self.prefix / "nginx.pid"
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), signal.SIGQUIT)
            for _ in range(50):
                if not pid_file.exists():
                    break
                time.sleep(0.1)


def collect_static(static_root: Path) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "1", "STATIC_ROOT": str(static_root)},
        check=True,
    )


@pytest.fixture(scope="module")
def runtime_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("runtime")


@pytest.fixture
def redis_url():
    """A Redis database for tests, with a fresh key prefix per test: several runs may share the server."""
    try:
        import redis
    except ImportError:
        missing("the redis package is not installed (pip install -r requirements.txt)")
    url = REDIS_TEST_URL
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        missing(f"Redis does not answer at {url} (start redis-server, or set REDIS_TEST_URL)")
    return url, f"test-{uuid.uuid4().hex}"
