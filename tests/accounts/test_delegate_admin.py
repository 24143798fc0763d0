import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from accounts.models import Delegate, delegate_state_id
from participants.models import State
from tests.factories import DelegateFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "admin-pass-1")
    client.force_login(admin)
    return client


def test_staff_create_a_delegate_and_the_delegate_is_emailed_a_link_to_choose_a_password(admin_client):
    state = StateFactory(name_en="Kazakhstan")

    response = admin_client.post(
        reverse("admin:accounts_delegate_add"),
        {
            "email": "Aigul@Example.org",
            "first_name": "Aigul",
            "last_name": "Seitkali",
            "state": state.pk,
            "position": "Ministry of Labour",
        },
    )

    assert response.status_code == 302
    delegate = Delegate.objects.get()
    assert delegate.user.username == "aigul@example.org"
    assert delegate.user.is_staff is False
    assert delegate.user.has_usable_password() is False
    assert delegate.state == state
    assert [message.to for message in mail.outbox] == [["aigul@example.org"]]


def test_an_email_already_used_is_refused(admin_client):
    DelegateFactory(user__username="aigul@example.org")

    response = admin_client.post(
        "/en/admin/accounts/delegate/add/",
        {"email": "aigul@example.org", "first_name": "A", "last_name": "S", "state": StateFactory().pk},
    )

    assert response.status_code == 200
    assert Delegate.objects.count() == 1
    assert "An account with this email already exists." in response.content.decode()


def test_deactivate_action_ends_the_delegates_access(admin_client):
    delegate = DelegateFactory()

    admin_client.post(
        reverse("admin:accounts_delegate_changelist"),
        {"action": "deactivate", "_selected_action": [delegate.pk]},
    )

    user = User.objects.get(pk=delegate.user_id)
    assert user.is_active is False
    assert delegate_state_id(user) is None


def test_delegate_state_id_is_the_state_of_an_active_delegate_of_a_participating_state(django_assert_num_queries):
    delegate = DelegateFactory()

    with django_assert_num_queries(1):
        first = delegate_state_id(delegate.user)
        second = delegate_state_id(delegate.user)

    assert first == second == delegate.state_id


@pytest.mark.parametrize("status", [State.Status.FORMER, State.Status.NONE])
def test_a_delegate_of_a_state_no_longer_participating_counts_as_no_delegate(status):
    delegate = DelegateFactory(state__status=status, state__year_joined=None)

    assert delegate_state_id(delegate.user) is None


def test_staff_and_anonymous_users_have_no_delegate_state(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    staff = django_user_model.objects.create_user("staff", is_staff=True)

    assert delegate_state_id(staff) is None
    assert delegate_state_id(AnonymousUser()) is None
