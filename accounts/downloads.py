"""The log of restricted downloads, called by the file download view."""

from accounts.models import RestrictedDownload, delegate_state_id


def log_restricted_download(request, document_file) -> RestrictedDownload | None:
    """Record who downloaded a file that is not for everyone; public files are not logged."""
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
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )
