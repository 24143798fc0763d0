"""Who may see what: the one place where the portal's access rules are written down.

Three kinds of reader:

- staff (active users with ``is_staff``) see everything, drafts and scheduled items included;
- delegates (active accounts linked to a participating state through ``accounts.Delegate``)
  see published items meant for everyone, items for the delegates of all participating states,
  and items for the delegates of the states taking part in the item's meeting when their state
  has a participation row at that meeting;
- everybody else sees published items meant for everyone.

An item someone may not see must look exactly like an item that does not exist (404),
so every list, count, feed and export is built on these filters.

The filters are plain ``Q`` objects with one correlated ``Exists`` subquery, so they can be
combined with any other filter without joins that multiply rows (no ``distinct()`` needed).
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

PUBLIC = "public"
DELEGATES = "delegates"
MEETING_DELEGATES = "meeting_delegates"

_NO_STATE = object()


def is_staff(user) -> bool:
    return bool(user is not None and user.is_active and user.is_staff)


def delegate_state_id(user) -> int | None:
    """The id of the participating state the user is a delegate of, or None.

    Cached on the user object: a request asks at most once.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    cached = getattr(user, "_delegate_state_id", _NO_STATE)
    if cached is not _NO_STATE:
        return cached
    from accounts.models import Delegate

    state_id = Delegate.objects.for_access().filter(user=user).values_list("state_id", flat=True).first()
    user._delegate_state_id = state_id
    return state_id


def published_q(prefix: str = "") -> Q:
    """Published, and not scheduled for later."""
    now = timezone.now()
    return Q(**{f"{prefix}publication_status": "published"}) & (
        Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": now})
    )


def audience_q(user, prefix: str = "", meeting_field: str = "meeting_id") -> Q:
    """Rows whose ``audience`` field lets this (non-staff) user in.

    ``prefix`` points at the model carrying ``audience``; ``meeting_field`` is the path,
    from the queried model, to the meeting whose participants count for "meeting delegates".
    """
    allowed = Q(**{f"{prefix}audience": PUBLIC})
    state_id = delegate_state_id(user)
    if state_id is None:
        return allowed
    from meetings.models import Participation

    takes_part = Exists(Participation.objects.filter(meeting_id=OuterRef(meeting_field), state_id=state_id))
    return (
        allowed | Q(**{f"{prefix}audience": DELEGATES}) | (Q(**{f"{prefix}audience": MEETING_DELEGATES}) & takes_part)
    )


def _meeting_published_q(prefix: str = "") -> Q:
    # A document of an unpublished meeting would reveal that meeting; it waits with it.
    return Q(**{f"{prefix}meeting__isnull": True}) | published_q(f"{prefix}meeting__")


def document_q(user) -> Q | None:
    """The filter on Document rows for this user; None when nothing is hidden (staff)."""
    if is_staff(user):
        return None
    return published_q() & _meeting_published_q() & audience_q(user)


def document_file_q(user) -> Q | None:
    """The filter on DocumentFile rows: the document must be visible and so must the file."""
    if is_staff(user):
        return None
    return (
        published_q("document__")
        & _meeting_published_q("document__")
        & audience_q(user, prefix="document__", meeting_field="document__meeting_id")
        & audience_q(user, meeting_field="document__meeting_id")
    )


def visible_documents(queryset, user):
    condition = document_q(user)
    return queryset if condition is None else queryset.filter(condition)


def visible_document_files(queryset, user):
    condition = document_file_q(user)
    return queryset if condition is None else queryset.filter(condition)


def _is_published(obj) -> bool:
    return obj.publication_status == "published" and (obj.publish_at is None or obj.publish_at <= timezone.now())


def audience_allows(user, audience: str, meeting_id: int | None) -> bool:
    if audience == PUBLIC:
        return True
    state_id = delegate_state_id(user)
    if state_id is None:
        return False
    if audience == DELEGATES:
        return True
    if audience == MEETING_DELEGATES and meeting_id is not None:
        from meetings.models import Participation

        return Participation.objects.filter(meeting_id=meeting_id, state_id=state_id).exists()
    return False


def can_see_document(user, document) -> bool:
    if is_staff(user):
        return True
    if not _is_published(document):
        return False
    if document.meeting_id is not None and not _is_published(document.meeting):
        return False
    return audience_allows(user, document.audience, document.meeting_id)


def can_see_document_file(user, document_file) -> bool:
    if is_staff(user):
        return True
    document = document_file.document
    return can_see_document(user, document) and audience_allows(user, document_file.audience, document.meeting_id)


def is_restricted(document_file) -> bool:
    """Whether downloading this file must be logged: it is not for everyone."""
    return document_file.audience != PUBLIC or document_file.document.audience != PUBLIC


def can_see_publishable(user, obj) -> bool:
    """Meetings, news and pages: drafts and scheduled items are for staff only."""
    return is_staff(user) or _is_published(obj)
