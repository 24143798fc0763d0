"""The ground rules of access that every app shares; it imports no app.

Each content model owns its own rule, as one queryset door (``objects.visible_to(user)``,
``objects.public()``) and one object door (``obj.is_visible_to(user)``): see
core.models.Publishable for meetings, pages and news, and documents.models for documents and
their files, which inherit their meeting's protection. This module keeps only what those rules
have in common:

- staff (active users with ``is_staff``) see everything, drafts and scheduled items included;
- an item is published when its status says so and its publication time, if any, has come.

Who is a delegate of which state is accounts' knowledge (accounts.models.delegate_state_id).

An item someone may not see must look exactly like an item that does not exist (404),
so every list, count, feed and export is built on the doors.
"""

from django.db.models import Q
from django.utils import timezone


def is_staff(user) -> bool:
    return bool(user is not None and user.is_active and user.is_staff)


def published_q(prefix: str = "") -> Q:
    """Published, and not scheduled for later; ``prefix`` is the path to the publishable model."""
    now = timezone.now()
    return Q(**{f"{prefix}publication_status": "published"}) & (
        Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": now})
    )
