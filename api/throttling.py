"""The API's rate limit: the portal's own counter (core.security), answered by DRF with 429 and Retry-After."""

from rest_framework.throttling import BaseThrottle

from core.security import is_rate_limited


class PortalRateThrottle(BaseThrottle):
    """Counts each request against RATE_LIMITS["api"] (setting RATE_LIMIT_API) per client address."""

    scope = "api"

    def allow_request(self, request, view):
        limited, self.retry_after = is_rate_limited(request, self.scope)
        return not limited

    def wait(self):
        return self.retry_after
