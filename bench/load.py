"""Load test: nginx + gunicorn + a background worker on the bench archive, driven by wrk over loopback.

    .venv/bin/python bench/load.py                      # the whole run, about 8 minutes on 2 cores
    .venv/bin/python bench/load.py --duration 5 --only home,search

What it does, every step bounded in time:
1. makes sure the PostgreSQL bench database (--database, default almaty_bench) exists and holds the bench
   archive (bench/search_bench.py generate: 100,000 documents, 2,000 meetings); an existing full one is reused;
2. adds what the run needs and the generator does not make: a delegate with a session, and one real file
   on disk for the download;
3. collects the static files, renders nginx's config with deploy/render.py as it is, and starts nginx,
   gunicorn (deploy/gunicorn.conf.py, --workers) and one `manage.py db_worker`, with DEBUG=0 and
   REDIS_URL (default redis://127.0.0.1:6379/14, flushed first: that database is the load test's own);
4. builds the whole-archive export files (manage.py build_exports) for the public and for the delegate's
   state, as the worker would after a first export;
5. for each page, once as an anonymous reader (cached by nginx, then by the portal) and once as a signed-in
   delegate (uncached): one
   request to warm up and to measure the page's size, then wrk with --connections clients for --duration
   seconds, with bench/wrk_stats.lua printing latency percentiles and status counts as JSON;
6. stops nginx, gunicorn and the worker (also on Ctrl-C), and prints the results as a Markdown table
   (and writes them as JSON with --json).

All traffic goes to 127.0.0.1. The rate limits (per client address: wrk is a single client) are raised
for the run, and SECURE_SSL_REDIRECT is off (plain HTTP on loopback; TLS is in front of nginx in production).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from deploy.wait import wait_for  # noqa: E402 - the project's root is on the path only from here

PYTHON = sys.executable
WRK = shutil.which("wrk") or "/usr/bin/wrk"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LUA = ROOT / "bench" / "wrk_stats.lua"
DELEGATE_EMAIL = "load-test-delegate@example.org"

# (name, address): the pages of issue 9's load test, and the pages whose cost used to grow with the archive.
PAGES = [
    ("static file (nginx)", "{static}"),
    ("home", "/ru/"),
    ("meeting list", "/ru/meetings/"),
    ("meeting page", "/ru/meetings/{meeting}/"),
    ("state page", "/ru/states/{state}/"),
    ("document list, filtered", "/ru/documents/?kind=report&year=2015"),
    ("document list, unfiltered", "/ru/documents/"),
    ("search ?q=беженцев", "/ru/documents/?q=" + urllib.parse.quote("беженцев")),
    ("participation matrix", "/ru/meetings/matrix/"),
    ("sitemap index", "/sitemap.xml"),
    ("file download", "/ru/documents/{document}/ru/"),
    ("whole-archive export.csv", "/ru/documents/export.csv"),
]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str], env: dict, timeout: float, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, env=env, timeout=timeout, check=True, **kwargs)


def database_url(name: str) -> str:
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def count_rows(connection, table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return cursor.fetchone()[0]


def ensure_database(name: str, env: dict) -> None:
    """Create and fill the bench database unless it already holds the bench archive."""
    import psycopg2

    server = psycopg2.connect("postgresql://postgres@127.0.0.1:5432/postgres")
    server.autocommit = True
    try:
        with server.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                log(f"creating database {name}")
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        server.close()
    connection = psycopg2.connect(f"postgresql://postgres@127.0.0.1:5432/{name}")
    try:
        documents = count_rows(connection, "documents_document")
        participations = count_rows(connection, "meetings_participation")
        entries = count_rows(connection, "search_searchentry")
        full = documents >= 100_000 and participations > 0 and entries >= documents
    except psycopg2.errors.UndefinedTable:
        full = False
    finally:
        connection.close()
    if full:
        log(f"reusing {name}: {documents} documents, {participations} participations")
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env, timeout=600)
        return
    log(f"filling {name} with the bench archive (several minutes)")
    run([PYTHON, "bench/search_bench.py", "generate", "--documents", "100000", "--meetings", "2000"], env, 3600)


def prepare(env: dict, media_root: Path) -> dict:
    """A delegate's session, one real file to download, and the addresses of one meeting, state and document."""
    script = f"""
import json, os
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.conf import settings
from accounts.models import Delegate
from documents.models import Document, DocumentFile
from meetings.models import Meeting
from participants.models import State

state = State.objects.get(slug="state-0")
user, _ = get_user_model().objects.get_or_create(username="{DELEGATE_EMAIL}", defaults={{"email": "{DELEGATE_EMAIL}"}})
user.set_unusable_password(); user.save()
Delegate.objects.get_or_create(user=user, defaults={{"state": state}})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.set_expiry(24 * 3600)
session.save()
# A meeting with documents and participants, and a public document with a public Russian file.
meeting = (
    Meeting.objects.public().filter(participations__isnull=False, documents__isnull=False)
    .order_by("-start_date").first()
)
file = (
    DocumentFile.objects.public().filter(language="ru", document__in=Document.objects.public())
    .order_by("-document__date").first()
)
path = os.path.join(settings.MEDIA_ROOT, file.file.name)
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "wb") as out:
    out.write(os.urandom(256 * 1024))
print("PREPARED " + json.dumps({{
    "cookie": settings.SESSION_COOKIE_NAME + "=" + session.session_key,
    "meeting": meeting.slug, "state": state.slug, "state_id": state.pk, "document": file.document_id,
}}))
"""
    output = run([PYTHON, "manage.py", "shell", "-c", script], env, timeout=300, capture_output=True, text=True)
    line = next(line for line in output.stdout.splitlines() if line.startswith("PREPARED "))
    return json.loads(line.removeprefix("PREPARED "))


class Services:
    """nginx, gunicorn and one db_worker; stop() ends each of them, whatever happened."""

    def __init__(self, folder: Path, env: dict, workers: int):
        self.folder, self.env, self.workers = folder, env, workers
        self.processes: list[subprocess.Popen] = []
        self.nginx_prefix = folder / "nginx"
        self.port = free_port()

    def start(self) -> None:
        # nginx's page cache starts empty, as Redis does: a first request is a real miss.
        shutil.rmtree(self.nginx_prefix / "proxy_cache", ignore_errors=True)
        gunicorn_port = free_port()
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{gunicorn_port}", "WEB_CONCURRENCY": str(self.workers)}
        with (self.folder / "gunicorn.log").open("wb") as out:
            gunicorn = subprocess.Popen(
                [PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "almaty_portal.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.processes.append(gunicorn)
        with (self.folder / "worker.log").open("wb") as out:
            worker = subprocess.Popen(
                [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "1"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.processes.append(worker)
        wait_for(f"http://127.0.0.1:{gunicorn_port}/healthz", gunicorn, 120)
        render = (
            "import sys; sys.path.insert(0, '.'); import django; django.setup(); "
            "from pathlib import Path; from deploy.render import write_standalone; "
            f"print(write_standalone(Path({str(self.nginx_prefix)!r}), worker_processes=os.cpu_count(), "
            f"LISTEN='127.0.0.1:{self.port}', UPSTREAM='127.0.0.1:{gunicorn_port}'))"
        )
        conf = run(
            [PYTHON, "-c", "import os; " + render],
            {**env, "DJANGO_SETTINGS_MODULE": "almaty_portal.settings"},
            timeout=120,
            capture_output=True,
            text=True,
        ).stdout.strip()
        run([NGINX, "-p", str(self.nginx_prefix), "-c", conf], env, timeout=30, capture_output=True)
        wait_for(f"{self.url}/healthz", None, 30)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        pid_file = self.nginx_prefix / "nginx.pid"
        if pid_file.exists():
            try:
                os.kill(int(pid_file.read_text()), signal.SIGQUIT)
            except (ProcessLookupError, ValueError):
                pass
            for _ in range(50):
                if not pid_file.exists():
                    break
                time.sleep(0.1)
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def settle(url: str, seconds: float = 30) -> None:
    """Wait until the workers have finished what the last run left queued (a quick answer from /healthz)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        began = time.monotonic()
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=seconds):
                pass
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() - began < 0.05:
            return
        time.sleep(0.5)


def fetch(url: str, headers: dict) -> tuple[int, int, float]:
    """One request: its status, the size of its body in bytes and its time in ms (redirects are not followed)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers)
    began = time.monotonic()
    try:
        with opener.open(request, timeout=120) as response:
            status, size = response.status, len(response.read())
    except urllib.error.HTTPError as error:
        status, size = error.code, len(error.read())
    return status, size, round((time.monotonic() - began) * 1000, 1)


def wrk(url: str, duration: int, connections: int, threads: int, headers: dict) -> dict:
    command = [WRK, "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s"]
    command += ["-s", str(LUA)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    result = json.loads(line.removeprefix("JSON "))
    seconds = result["duration_us"] / 1e6
    errors = result["errors"]
    return {
        "requests_per_s": round(result["requests"] / seconds, 1),
        "duration_s": round(seconds),
        "requests": result["requests"],
        "p50_ms": round(result["p50_us"] / 1000, 1),
        "p95_ms": round(result["p95_us"] / 1000, 1),
        "p99_ms": round(result["p99_us"] / 1000, 1),
        "errors": errors["status"] + errors["connect"] + errors["read"] + errors["write"] + errors["timeout"],
        "socket_errors": {name: errors[name] for name in ("connect", "read", "write", "timeout")},
        "statuses": result["statuses"],
    }


def machine() -> dict:
    memory = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    cpu_lines = Path("/proc/cpuinfo").read_text().splitlines()
    model = next((line.split(":", 1)[1].strip() for line in cpu_lines if "model name" in line), platform.processor())
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "memory": memory.split(":", 1)[1].strip(),
        "load_average": Path("/proc/loadavg").read_text().split()[:3],
        "python": platform.python_version(),
    }


def static_address(static_root: Path) -> str:
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    name = next(name for name in sorted(manifest) if name.endswith(".css"))
    return f"/static/{manifest[name]}"


def table(results: list[dict]) -> str:
    lines = [
        "| page | reader | size | alone ms | requests/s | p50 ms | p95 ms | p99 ms | errors | statuses |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in results:
        statuses = ", ".join(f"{code}: {number}" for code, number in sorted(row["statuses"].items()))
        statuses = statuses or f"none finished within {row['duration_s']} s"
        lines.append(
            f"| {row['page']} | {row['reader']} | {row['size']} | {row['alone_ms']} | {row['requests_per_s']} | "
            f"{row['p50_ms']} | "
            f"{row['p95_ms']} | {row['p99_ms']} | {row['errors']} | {statuses} |"
        )
    return "\n".join(lines)


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="almaty_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page and reader (max 60)")
    parser.add_argument("--only", default="", help="comma-separated words: run only the pages whose name has one")
    parser.add_argument("--folder", default="/tmp/almaty-load", help="static, media, logs and nginx's files")
    parser.add_argument("--json", help="write the results here as JSON")
    arguments = parser.parse_args()
    duration = max(1, min(arguments.duration, 60))
    folder = Path(arguments.folder)
    folder.mkdir(parents=True, exist_ok=True)
    static_root, media_root = folder / "static", folder / "media"

    import redis

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "almaty_portal.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url(arguments.database),
        "REDIS_URL": arguments.redis_url,
        "TASKS_BACKEND": "database",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        "DOCUMENT_SENDFILE": "x-accel-redirect",
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "GUNICORN_TIMEOUT": "30",
        "LOG_FORMAT": "json",
        # wrk is one client address; the limits are per address, so they would answer 429 to the test itself.
        "RATE_LIMIT_SEARCH": "1000000/m",
        "RATE_LIMIT_ARCHIVE_SEARCH": "1000000/m",
        "RATE_LIMIT_EXPORT": "1000000/m",
    }
    seeds = Path("/work/shared/seeds")
    if "SEEDS_DIR" not in env and seeds.exists():
        env["SEEDS_DIR"] = str(seeds)

    started = time.monotonic()
    info = machine()
    log(f"machine: {info}")
    ensure_database(arguments.database, {**env, "DEBUG": "1"})
    redis.Redis.from_url(arguments.redis_url).flushdb()
    log("collecting static files")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env, timeout=600)
    addresses = prepare(env, media_root)
    addresses["static"] = static_address(static_root)

    services = Services(folder, env, arguments.workers)

    def stop_on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_signal)
    results = []
    try:
        log("starting gunicorn, the worker and nginx")
        services.start()
        log(f"nginx on {services.url}; building the whole-archive export files")
        for rule in ("public", f"state:{addresses['state_id']}"):  # the public's and the delegate's state's
            command = [PYTHON, "manage.py", "build_exports", services.url, "--language", "ru", "--rule", rule]
            run(command, env, timeout=900)
        readers = {"anonymous (cached)": {}, "delegate (uncached)": {"Cookie": addresses["cookie"]}}
        only = [word.strip() for word in arguments.only.split(",") if word.strip()]
        # All anonymous runs first, then all the delegate's: a slow run must not leave work queued for a fast one.
        for reader, headers in readers.items():
            for name, address in PAGES:
                if only and not any(word in name for word in only):
                    continue
                if name.startswith("static") and reader.startswith("delegate"):
                    continue
                url = services.url + address.format(**addresses)
                settle(services.url)
                # One request first: it warms the cache, and says what one answer weighs and takes alone.
                status, size, alone_ms = fetch(url, headers)
                log(f"{name} / {reader}: {status}, {size} bytes, {alone_ms} ms alone; wrk for {duration} s")
                result = wrk(url, duration, arguments.connections, arguments.threads, headers)
                results.append(
                    {
                        "page": name,
                        "reader": reader,
                        "url": address.format(**addresses),
                        "first_status": status,
                        "size": human_size(size),
                        "bytes": size,
                        "alone_ms": alone_ms,
                        **result,
                    }
                )
    finally:
        log("stopping nginx, gunicorn and the worker")
        services.stop()
    report = {
        "machine": {**info, "load_average_after": Path("/proc/loadavg").read_text().split()[:3]},
        "settings": {
            "gunicorn_workers": arguments.workers,
            "connections": arguments.connections,
            "wrk_threads": arguments.threads,
            "duration_s": duration,
            "database": arguments.database,
        },
        "results": results,
        "total_s": round(time.monotonic() - started),
    }
    if arguments.json:
        Path(arguments.json).write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print(json.dumps(report["machine"], ensure_ascii=False))
    print(table(results))


if __name__ == "__main__":
    main()
