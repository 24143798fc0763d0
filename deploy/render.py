"""Fill in the nginx templates of deploy/nginx/ from the portal's settings; used by the docs, the tests and bench.

    DEBUG=0 SECRET_KEY=... .venv/bin/python deploy/render.py site > /etc/nginx/sites-enabled/portal.conf

Values come from the settings (STATIC_ROOT, MEDIA_ROOT, DOCUMENT_SENDFILE_PREFIX, DOCUMENT_MAX_UPLOAD_SIZE) and
from NGINX_LISTEN, GUNICORN_BIND, NGINX_ACCESS_LOG and NGINX_PROXY_CACHE_PATH; a keyword argument of
render_site() overrides any of them.
"""

import getpass
import os
import re
import sys
from pathlib import Path

NGINX_DIR = Path(__file__).resolve().parent / "nginx"
SITE_TEMPLATE = NGINX_DIR / "portal.conf.template"
STANDALONE_TEMPLATE = NGINX_DIR / "standalone.conf.template"

# Room for the upload form's other fields and the multipart boundaries around the file.
FORM_OVERHEAD = 1024 * 1024
PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")


def fill(template: str, values: dict[str, object]) -> str:
    """Replace each ${NAME}; nginx's own $variables are left alone. A missing value is an error, not a blank."""

    def value(match):
        name = match[1]
        if name not in values:
            raise KeyError(f"no value for ${{{name}}}")
        return str(values[name])

    return PLACEHOLDER.sub(value, template)


def _directory(path) -> str:
    return str(path).rstrip("/") + "/"


def site_values(**overrides) -> dict[str, object]:
    from django.conf import settings

    values = {
        "LISTEN": os.environ.get("NGINX_LISTEN", "80"),
        "UPSTREAM": os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")[0],
        "STATIC_ROOT": _directory(settings.STATIC_ROOT),
        "MEDIA_ROOT": _directory(settings.MEDIA_ROOT),
        "SENDFILE_PREFIX": _directory(settings.DOCUMENT_SENDFILE_PREFIX),
        "MAX_BODY_SIZE": settings.DOCUMENT_MAX_UPLOAD_SIZE + FORM_OVERHEAD,
        "ACCESS_LOG": os.environ.get("NGINX_ACCESS_LOG", "/var/log/nginx/portal.access.log"),
        "PROXY_CACHE_PATH": os.environ.get("NGINX_PROXY_CACHE_PATH", "/var/cache/nginx/portal"),
        "SESSION_COOKIE": settings.SESSION_COOKIE_NAME,
        "CSRF_COOKIE": settings.CSRF_COOKIE_NAME,
    }
    values.update(overrides)
    for name in ("STATIC_ROOT", "MEDIA_ROOT", "SENDFILE_PREFIX"):
        values[name] = _directory(values[name])
    return values


def render_site(**overrides) -> str:
    return fill(SITE_TEMPLATE.read_text(), site_values(**overrides))


def write_standalone(prefix: Path, worker_processes: int = 1, **overrides) -> Path:
    """A private nginx's nginx.conf and portal.conf under ``prefix``; returns the nginx.conf to pass to -c."""
    prefix = Path(prefix)
    prefix.mkdir(parents=True, exist_ok=True)
    overrides.setdefault("ACCESS_LOG", prefix / "access.log")
    overrides.setdefault("PROXY_CACHE_PATH", prefix / "proxy_cache")
    (prefix / "portal.conf").write_text(render_site(**overrides))
    conf = prefix / "nginx.conf"
    values = {"PREFIX": prefix, "WORKER_PROCESSES": worker_processes, "USER": getpass.getuser()}
    conf.write_text(fill(STANDALONE_TEMPLATE.read_text(), values))
    return conf


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.settings")
    import django

    django.setup()
    if sys.argv[1:] == ["site"]:
        sys.stdout.write(render_site())
    elif len(sys.argv) == 3 and sys.argv[1] == "standalone":
        print(write_standalone(Path(sys.argv[2]).resolve()))
    else:
        sys.exit("usage: deploy/render.py site | standalone PREFIX")
