"""Settings for the Almaty Process portal.

Everything that differs between a laptop and production comes from the
environment. With nothing set, the portal runs in development mode on SQLite
in the project folder; production needs DEBUG unset (or 0), SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    """A variable's value, or the contents of the file named by NAME_FILE."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(env(name, str(default)))


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    # manage.py sets PORTAL_SCHEMA_ONLY for the commands that only compare or show migrations.
    if not DEBUG and not env_bool("PORTAL_SCHEMA_ONLY", default=False):
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "development-only-key-not-for-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "reversion",
    "django_tasks",
    "django_tasks_db",
    "core",
    "participants",
    "indicators",
    "meetings",
    "documents",
    "actionplan",
    "intake",
    "pages",
    "monitoring",
    "search",
    "glossary",
    "axes",
    "accounts",
    "subscriptions",
    "opendata",
    "demo",
    "api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
]

MIDDLEWARE = [
    # First: it times the whole request and names its reader once authentication has run.
    "almaty_portal.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SecurityHeadersMiddleware",
    # Cross-origin reading of the JSON API (CORS_URLS_REGEX): GET only, without cookies.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.db_router.ReplicaRouterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.RejectNulMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whole pages for anonymous readers (core.pagecache); ETags and 304s for every page.
    "django.middleware.http.ConditionalGetMiddleware",
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "reversion.middleware.RevisionMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "almaty_portal.urls"
WSGI_APPLICATION = "almaty_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A database that does not answer must not hold a worker until it is killed: give up quickly
# (seconds to connect, milliseconds per statement; 0 turns the statement limit off, e.g. for long imports)
# and answer 503 (core.middleware.DatabaseUnavailableMiddleware), asking clients to retry after DATABASE_RETRY_AFTER s.
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 5)
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 20000)
DATABASE_RETRY_AFTER = env_int("DATABASE_RETRY_AFTER", 30)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT}",
    )
# Rate limits and sign-in lockouts count in the cache. With REDIS_URL (e.g. redis://127.0.0.1:6379/0) every
# worker and every machine shares one Redis; without it (development, make demo) each process keeps its own.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            # A stopped Redis must cost a page a fraction of a second, not a hung worker.
            "OPTIONS": {
                "socket_connect_timeout": float(env("REDIS_CONNECT_TIMEOUT", "0.5")),
                "socket_timeout": float(env("REDIS_TIMEOUT", "1")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": env("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
            "LOCATION": env("CACHE_LOCATION", ""),
        }
    }
# An optional read replica (core.db_router): reads go there, writes and what follows them to the primary.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        env("DATABASE_REPLICA_URL"), conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASE_ROUTERS = ["core.db_router.ReplicaRouter"]
# Background jobs (core.jobs). Without a worker they run at once in the process that enqueues them;
# with TASKS_BACKEND=database they wait in the database for `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env("TASKS_BACKEND", "immediate")]
    }
}
JOB_TIME_LIMIT = env_int("JOB_TIME_LIMIT", 600)
JOB_MEMORY_LIMIT_MB = env_int("JOB_MEMORY_LIMIT_MB", 1024)
# /readyz calls the job queue "late" when a due job has waited longer than this (no worker running?).
JOB_QUEUE_LATE_SECONDS = env_int("JOB_QUEUE_LATE_SECONDS", 300)
# Text extraction from one uploaded file runs in a child process with these limits (documents.models).
EXTRACTION_TIME_LIMIT = env_int("EXTRACTION_TIME_LIMIT", 120)
EXTRACTION_MEMORY_LIMIT_MB = env_int("EXTRACTION_MEMORY_LIMIT_MB", 512)
# OCR of a PDF's pages without a text layer (tesseract, in a child process; its own job): per file.
OCR_TIME_LIMIT = env_int("OCR_TIME_LIMIT", 1800)
OCR_MEMORY_LIMIT_MB = env_int("OCR_MEMORY_LIMIT_MB", 1024)
# Anonymous readers' pages are cached whole (core.pagecache) for at most this long; 0 turns it off.
# The whole archive's CSV and JSON are built by a job for each access rule (documents.whole_archive) and sent
# as files; after a change, one rebuild at most per this many seconds. Until their rule's build is current, a
# signed-in reader's unfiltered export is streamed from the database, at most EXPORT_SIGNED_IN_MAX_ROWS rows.
WHOLE_ARCHIVE_REBUILD_DELAY = env_int("WHOLE_ARCHIVE_REBUILD_DELAY", 120)
EXPORT_SIGNED_IN_MAX_ROWS = env_int("EXPORT_SIGNED_IN_MAX_ROWS", 10_000)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 60)
# Shared caches in front (deploy/nginx's proxy_cache, a CDN) keep an anonymous page this long (s-maxage): an
# editor's change reaches anonymous readers within it. A few seconds ("microcache"); 0: they keep nothing.
PROXY_CACHE_SECONDS = env_int("PROXY_CACHE_SECONDS", 5)
PAGE_CACHE_ALIAS = "default"
# Addresses never served from the page cache: the admin, accounts, and what is checked per reader.
# The API is rate-limited per request and answers with ETags: never served from the page cache.
PAGE_CACHE_EXCLUDED_PREFIXES = (
    "/ru/admin/",
    "/en/admin/",
    "/ru/accounts/",
    "/en/accounts/",
    "/healthz",
    "/readyz",
    "/api/",
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Russian first, it is the working language of the region.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["almaty_portal.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
# A text missing in the reader's language falls back to the other one; templates
# mark such text as being in the other language (core.templatetags.portal).
MODELTRANSLATION_FALLBACK_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# modeltranslation reads this unprefixed name; a local copy keeps the admin off CDNs.
JQUERY_UI_URL = "vendor/jquery-ui.min.js"
TIME_ZONE = env("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded files go to S3-compatible object storage when a bucket is named (core.storage). The bucket
# stays private: downloads are checked by the portal, then redirected to a URL signed for a minute.
DOCUMENT_SIGNED_URL_SECONDS = env_int("DOCUMENT_SIGNED_URL_SECONDS", 60)
if env("AWS_STORAGE_BUCKET_NAME"):
    from botocore import config as botocore_config  # only where object storage is used

    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": DOCUMENT_SIGNED_URL_SECONDS,
            "file_overwrite": False,
            # An unreachable store must refuse an upload in seconds, not hang the editor's request.
            "client_config": botocore_config.Config(
                connect_timeout=env_int("AWS_S3_CONNECT_TIMEOUT", 3),
                read_timeout=env_int("AWS_S3_READ_TIMEOUT", 30),
                retries={"max_attempts": 2, "mode": "standard"},
                signature_version="s3v4",
            ),
        },
    }
# A name asked for (never written) to see whether the file store answers.
STORAGE_PROBE_NAME = "documents/.probe"

# The process this portal belongs to; other processes are its partners.
HOME_PROCESS_SLUG = "almaty-process"

# The real source documents the demo data (manage.py load_demo) is drawn from; optional.
SEEDS_DIR = Path(env("SEEDS_DIR", str(BASE_DIR.parent / "shared" / "seeds")))

# Archive files: the largest upload accepted, in bytes, and how long text extraction may take per file.
DOCUMENT_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_SIZE", 100 * 1024 * 1024)
DOCUMENT_EXTRACTION_TIME_BUDGET = env_int("DOCUMENT_EXTRACTION_TIME_BUDGET", 60)
# Let the web server send file bytes: "" (Django streams them), "x-accel-redirect" (nginx, with an
# internal location at DOCUMENT_SENDFILE_PREFIX aliased to MEDIA_ROOT) or "x-sendfile" (Apache, lighttpd).
DOCUMENT_SENDFILE = env("DOCUMENT_SENDFILE", "").strip().lower()
if DOCUMENT_SENDFILE not in {"", "x-accel-redirect", "x-sendfile"}:
    raise ImproperlyConfigured('DOCUMENT_SENDFILE must be "", "x-accel-redirect" or "x-sendfile".')
DOCUMENT_SENDFILE_PREFIX = env("DOCUMENT_SENDFILE_PREFIX", "/protected-media/")

# Security: production defaults, relaxed only in development.
# The header a trusted reverse proxy (deploy/nginx) overwrites with the scheme the client used; empty when no proxy
# sits in front, since a client could then claim https itself.
SECURE_PROXY_SSL_HEADER = (
    (env("SECURE_PROXY_SSL_HEADER"), "https") if env("SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO") else None
)
# Load balancers probe the health endpoints over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"
# Sent by core.security.SecurityHeadersMiddleware; templates use no inline script or style.
CONTENT_SECURITY_POLICY = env(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# The header a trusted reverse proxy puts the client's address in (e.g. HTTP_X_REAL_IP); empty: REMOTE_ADDR.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER")

# Accounts: delegates sign in on the public site, staff in the admin.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginAttemptBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:home"

# Brute-force protection (django-axes) for the admin and the delegate sign-in.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
AXES_VERBOSE = False
# Failed sign-ins count in the shared cache when there is one (Redis); otherwise in the database, which every
# worker shares too.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler" if REDIS_URL else "axes.handlers.database.AxesDatabaseHandler"

# Rate limits per client address (core.security.rate_limit), as "count/period" (s, m, h, d).
RATE_LIMIT_ENABLED = env_bool("RATE_LIMIT_ENABLED", default=True)
RATE_LIMITS = {
    "search": env("RATE_LIMIT_SEARCH", "60/m"),
    "archive_search": env("RATE_LIMIT_ARCHIVE_SEARCH", "60/m"),
    "export": env("RATE_LIMIT_EXPORT", "10/m"),
    "password_reset": env("RATE_LIMIT_PASSWORD_RESET", "10/h"),
    "progress_update": env("RATE_LIMIT_PROGRESS_UPDATE", "10/h"),
    "subscribe": env("RATE_LIMIT_SUBSCRIBE", "20/h"),
    "subscribe_address": env("RATE_LIMIT_SUBSCRIBE_ADDRESS", "3/d"),
    "api": env("RATE_LIMIT_API", "120/m"),
    "participant_form": env("RATE_LIMIT_PARTICIPANT_FORM", "20/h"),
}

# The read-only JSON API (api/, docs/api.md): JSON only, the site's session for signed-in delegates.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PortalRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PortalPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Almaty Process portal API",
    "DESCRIPTION": "Read-only JSON API of the Almaty Process portal (docs/api.md).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_error_responses"],
    # Not in `check --deploy`: it warns that the site's FilterSets' slug and year filters are typed as strings,
    # which is what they are. tests/api builds and validates the schema (and schemathesis runs against it).
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}
# Any site may read the API from a browser, with GET only and without the reader's cookies.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]

EMAIL_DELIVERY_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
# Mail is handed to a background job (core.mail), which delivers it with EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "secretariat@localhost")
# The site's address as readers use it, for links in mails sent by jobs (no request to take it from).
PORTAL_ORIGIN = env("PORTAL_ORIGIN", "http://localhost:8000")
# Unconfirmed subscription requests (and their links) expire after this many days, then are deleted.
SUBSCRIPTION_CONFIRM_DAYS = int(env("SUBSCRIPTION_CONFIRM_DAYS", "7"))
# Records (or headers) in one answer of OAI-PMH's list verbs; a resumption token carries on from there.
OAI_PAGE_SIZE = env_int("OAI_PAGE_SIZE", 100)

# Logs: one JSON object per line (LOG_FORMAT=json, the production default) or plain text (development).
# almaty_portal.request_log adds a line per request with its id, duration, status and kind of reader.
LOG_FORMAT = env("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # django-axes reports every sign-in at INFO; failures and lockouts are warnings.
        "axes": {"level": env("AXES_LOG_LEVEL", "WARNING")},
        # almaty_portal.request_log writes the request lines; Django's own server log would repeat them.
        "django.server": {"level": "WARNING"},
        # WeasyPrint and its font library report each step of every PDF they typeset.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # pymorphy3 says where it loads its dictionaries from, once per process.
        "pymorphy3": {"level": "WARNING"},
    },
}
