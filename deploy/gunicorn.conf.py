"""gunicorn settings, all from the environment: gunicorn -c deploy/gunicorn.conf.py almaty_portal.wsgi

GUNICORN_BIND              where to listen                      127.0.0.1:8000 (nginx in front, see deploy/nginx/)
WEB_CONCURRENCY            worker processes                     2 x CPUs + 1
GUNICORN_THREADS           threads per worker (>1: gthread)     1
GUNICORN_TIMEOUT           seconds before a silent worker is killed and restarted   30
GUNICORN_GRACEFUL_TIMEOUT  seconds a worker may finish its requests on restart      30
GUNICORN_KEEPALIVE         seconds to keep an idle proxy connection                 5
GUNICORN_MAX_REQUESTS      requests before a worker is replaced (0: never)          1000
GUNICORN_MAX_REQUESTS_JITTER  random spread so workers are not replaced together    100
GUNICORN_CONTROL_SOCKET    path of the control socket for gunicornc           off
GUNICORN_ACCESS_LOG        "-" for a JSON access log on stdout; empty: off, since the portal logs every request
                           itself (almaty_portal/request_log.py)                            off

Files never pass through a worker: nginx sends them (X-Accel-Redirect), so the timeout only bounds page rendering.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, "").strip() or default)


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Only the proxy on this machine may say which scheme and address the client used.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn's control socket (gunicornc) only where a path is given: by default every gunicorn of a user would
# share ~/.gunicorn/gunicorn.ctl, and the tests and the load test run several at once.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
if not control_socket:
    del control_socket

errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "request_id": "%({x-request-id}i)s", '
    '"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "bytes": %(B)s, "duration_ms": %(M)s}'
)
# Request bodies beyond this never reach Django: nginx refuses them first (client_max_body_size).
proc_name = "almaty-portal"
