"""The log of restricted downloads, called by the file download view."""

from accounts.models import RestrictedDownload
from core import access


def log_restricted_download(request, document_file) -> RestrictedDownload | None:
    """Record who downloaded a file that is not for everyone; public files are not logged."""
    if not access.is_restricted(document_file):
        return None
    user = request.user if request.user.is_authenticated else None
    audience = document_file.audience if document_file.audience != access.PUBLIC else document_file.document.audience
    return RestrictedDownload.objects.create(
        user=user,
        username=user.get_username() if user else "",
        document_file=document_file,
        file_label=str(document_file)[:600],
        audience=audience,
        state_id=access.delegate_state_id(user) if user else None,
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )
