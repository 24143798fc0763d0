"""Settings for the test suite: the development defaults, whatever the shell has set.

Django runs tests with DEBUG off anyway; DEBUG=1 here only spares tests the
production requirement of a SECRET_KEY.
"""

import os

os.environ.setdefault("DEBUG", "1")
# Each test process keeps its own cache, as in development; the tests that need Redis start the portal
# with it themselves (tests/deploy, REDIS_TEST_URL).
os.environ.pop("REDIS_URL", None)

from almaty_portal.settings import *  # noqa: E402,F403
