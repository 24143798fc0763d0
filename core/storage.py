"""Where uploaded files live: the local folder, or S3-compatible object storage (django-storages).

Files are never public on either: the local folder is not served, and the bucket is private. A
download goes through the portal's access check, then the portal sends the bytes itself, lets
the web server send them (X-Accel-Redirect), or, for object storage, redirects to a signed URL that
expires within a minute.
"""

from django.conf import settings
from django.core.files.storage import default_storage


class StorageUnavailable(Exception):
    pass


def is_local(storage=None) -> bool:
    """Whether files are in a folder of this machine (so the web server can send them)."""
    try:
        (storage or default_storage).path("probe")
    except NotImplementedError:
        return False
    return True


def check_reachable(storage=None) -> None:
    """Raise StorageUnavailable when the file store does not answer (checked before an upload is taken)."""
    try:
        (storage or default_storage).exists(settings.STORAGE_PROBE_NAME)
    except Exception as error:  # botocore's connection and client errors, OSError for a lost mount
        raise StorageUnavailable(str(error)) from error
