"""The log of restricted downloads, called by the file download view."""

import ipaddress

from accounts.models import RestrictedDownload, delegate_state_id
from core.security import client_ip


def _address(request) -> str | None:
    """The client's address as the rate limits and lockouts see it (CLIENT_IP_HEADER behind a proxy), if valid."""
    try:
        return str(ipaddress.ip_address(client_ip(request).strip()))
    except ValueError:
        return None


def log_restricted_download(request, document_file) -> RestrictedDownload | None:
    """Record who downloaded a file that is not for everyone; public files are not logged.

    The download view calls this once per download: for a request without a Range header, or whose range
    starts at byte 0 (the first request of a viewer that reads the file in pieces). Later ranges of the
    same download, and HEAD requests, are not logged again.
    """
    audience = document_file.restricted_audience
    if not audience:
        return None
    user = request.user if request.user.is_authenticated else None
    return RestrictedDownload.objects.create(
        user=user,
        username=user.get_username() if user else "",
        document_file=document_file,
        file_label=str(document_file)[:600],
        audience=audience,
        state_id=delegate_state_id(user) if user else None,
        ip_address=_address(request),
    )
