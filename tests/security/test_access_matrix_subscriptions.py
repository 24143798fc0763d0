"""Subscription digests in the access matrix: a digest carries what its subscriber's rights admit, never more.

A subscription without a delegate behind it gets public items only; a delegate's gets what the delegate may see
on the site; staff's gets public items only (a draft never leaves in a mail), as feeds do.
"""

import pytest
from django.contrib.auth import get_user
from django.core import mail
from django.utils import timezone

from subscriptions.mailing import send_due_notifications
from subscriptions.models import Subscription
from tests.security import test_access_matrix as matrix
from tests.security.test_access_matrix import READERS, SEES, marker

pytestmark = pytest.mark.django_db

# The matrix's world of restricted items and its readers.
world = matrix.world
reader_client = matrix.reader_client

TOPICS = {
    "documents": ["draft_document", "future_document", "delegates_document"],
    "search": ["draft_document", "future_document", "delegates_document"],
    "meetings": ["draft_meeting"],
    "news": ["future_news"],
}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_digests_follow_the_subscribers_rights(
    reader_client,
    reader,
    topic,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user = get_user(reader_client(reader))
    Subscription.objects.create(
        email="reader@example.org",
        language="en",
        topic=topic,
        query="state=rightland" if topic == "search" else "",
        reader=user if user.is_authenticated else None,
        confirmed_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_due_notifications(timezone.now())

    body = "".join(message.body for message in mail.outbox)
    names = TOPICS[topic]
    assert {name for name in names if marker(name) in body} == {
        name for name in names if reader in SEES[name] and reader != "staff"
    }
