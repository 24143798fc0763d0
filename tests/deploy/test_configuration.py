"""deploy/: the gunicorn settings read the environment, the nginx site renders from the portal's settings."""

import runpy
import subprocess

import pytest

from deploy.render import FORM_OVERHEAD, fill, render_site, write_standalone
from tests.deploy.conftest import NGINX, missing

GUNICORN_CONF = "deploy/gunicorn.conf.py"


def test_gunicorn_takes_workers_threads_and_timeouts_from_the_environment(monkeypatch, settings):
    for name, value in {
        "GUNICORN_BIND": "127.0.0.1:9001",
        "WEB_CONCURRENCY": "4",
        "GUNICORN_THREADS": "2",
        "GUNICORN_TIMEOUT": "20",
        "GUNICORN_GRACEFUL_TIMEOUT": "15",
        "GUNICORN_MAX_REQUESTS": "500",
        "GUNICORN_MAX_REQUESTS_JITTER": "50",
    }.items():
        monkeypatch.setenv(name, value)

    conf = runpy.run_path(str(settings.BASE_DIR / GUNICORN_CONF))

    assert (conf["bind"], conf["workers"], conf["threads"], conf["timeout"], conf["graceful_timeout"]) == (
        ["127.0.0.1:9001"],
        4,
        2,
        20,
        15,
    )
    assert (conf["max_requests"], conf["max_requests_jitter"]) == (500, 50)


def test_gunicorn_has_sane_defaults_and_logs_errors_to_stderr(monkeypatch, settings):
    names = ("GUNICORN_BIND", "WEB_CONCURRENCY", "GUNICORN_TIMEOUT", "GUNICORN_ACCESS_LOG", "GUNICORN_CONTROL_SOCKET")
    for name in names:
        monkeypatch.delenv(name, raising=False)

    conf = runpy.run_path(str(settings.BASE_DIR / GUNICORN_CONF))

    assert conf["bind"] == ["127.0.0.1:8000"]
    assert conf["workers"] >= 3
    assert conf["timeout"] == 30
    assert conf["errorlog"] == "-"
    assert conf["accesslog"] is None
    # Several gunicorns on one machine (tests, load test) must not share one control socket.
    assert conf["control_socket_disable"] is True


def test_the_nginx_body_limit_follows_the_upload_limit(settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 5 * 1024 * 1024

    site = render_site()

    assert f"client_max_body_size {5 * 1024 * 1024 + FORM_OVERHEAD};" in site


def test_the_nginx_site_reads_files_only_through_an_internal_location(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_SENDFILE_PREFIX = "/protected-media/"

    site = render_site()

    block = site[site.index("location /protected-media/ {") :].split("}", 1)[0]
    assert "internal;" in block
    assert f"alias {tmp_path}/media/;" in block
    assert "${" not in site


def test_a_placeholder_without_a_value_is_an_error_not_a_blank():
    with pytest.raises(KeyError, match="UPSTREAM"):
        fill("server ${UPSTREAM}; set $x $remote_addr;", {})
    assert fill("server ${UPSTREAM}; set $x $remote_addr;", {"UPSTREAM": "a:1"}) == "server a:1; set $x $remote_addr;"


def test_nginx_accepts_the_rendered_configuration(tmp_path):
    if NGINX is None:
        missing("nginx is not installed (apt-get install nginx-light)")
    conf = write_standalone(tmp_path, LISTEN="127.0.0.1:8089", UPSTREAM="127.0.0.1:8000")

    result = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
