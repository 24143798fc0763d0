"""Settings for the test suite: the development defaults, whatever the shell has set.

Django runs tests with DEBUG off anyway; DEBUG=1 here only spares tests the
production requirement of a SECRET_KEY.

The database: DATABASE_URL when set; otherwise PostgreSQL on 127.0.0.1:5432 when it answers
within two seconds (so the PostgreSQL-only tests run wherever they can), else SQLite.
tests/conftest.py prints the choice at the top of the session.
"""

import os

os.environ.setdefault("DEBUG", "1")
# Each test process keeps its own cache, as in development; the tests that need Redis start the portal
# with it themselves (tests/deploy, REDIS_TEST_URL).
os.environ.pop("REDIS_URL", None)

LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/almaty_portal"


def _local_postgres_answers() -> bool:
    try:
        import psycopg2

        psycopg2.connect("postgres://postgres@127.0.0.1:5432/postgres", connect_timeout=2).close()
    except Exception:  # any failure (no server, refused, auth) means "use SQLite"
        return False
    return True


if not os.environ.get("DATABASE_URL") and _local_postgres_answers():
    os.environ["DATABASE_URL"] = LOCAL_POSTGRES_URL

from almaty_portal.settings import *  # noqa: E402,F403

# Hashing with PBKDF2 costs ~0.1 s per password; tests create hundreds of users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# scripts/mutation.sh keeps a SQLite test database in a file, to reuse it for every mutant.
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}  # noqa: F405

# Most tests change data and read pages back within one test, often through bulk updates that send
# no signal; the page cache is switched on by the tests that are about it (tests/core/test_page_cache.py).
PAGE_CACHE_SECONDS = 0

# A second alias on the same test database, as a read replica would be (tests/core/test_db_router.py).
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
