"""Settings for the test suite: the development defaults, whatever the shell has set.

Django runs tests with DEBUG off anyway; DEBUG=1 here only spares tests the
production requirement of a SECRET_KEY.
"""

import os

os.environ.setdefault("DEBUG", "1")

from almaty_portal.settings import *  # noqa: E402,F403

# Most tests change data and read pages back within one test, often through bulk updates that send
# no signal; the page cache is switched on by the tests that are about it (tests/core/test_page_cache.py).
PAGE_CACHE_SECONDS = 0

# A second alias on the same test database, as a read replica would be (tests/core/test_db_router.py).
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
