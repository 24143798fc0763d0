"""A delegate of a lead or partner state proposes progress; it waits for approval; nobody else sees it."""

import datetime

import pytest
from reversion.models import Version

from actionplan.models import ProgressUpdate
from tests.actionplan.helpers import parse, text
from tests.factories import ActivityFactory, DelegateFactory, StateFactory, UserFactory

pytestmark = pytest.mark.django_db

PROPOSAL = {"date": "2018-06-01", "text": "Проведён национальный семинар."}


@pytest.fixture
def activity():
    lead = StateFactory(slug="kyrgyzstan")
    activity = ActivityFactory(title_en="Referral training")
    activity.lead_states.add(lead)
    activity.partner_states.add(StateFactory(slug="tajikistan"))
    return activity


def signed_in(client, delegate):
    client.force_login(delegate.user)
    return client


def test_a_partner_states_delegate_proposes_an_update_which_waits_and_is_recorded(client, activity):
    delegate = DelegateFactory(state=activity.partner_states.get())
    client = signed_in(client, delegate)

    response = client.post(f"/ru/action-plan/{activity.pk}/propose/", PROPOSAL)

    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.status, update.text_ru, update.proposed_by, update.proposed_for) == (
        "proposed",
        PROPOSAL["text"],
        delegate.user,
        delegate.state,
    )
    assert not update.text_en
    assert [version.revision.user for version in Version.objects.get_for_object(update)] == [delegate.user]
    tree = parse(client.get(response["Location"]))
    assert [text(li) for li in tree.xpath("//ul[@class='my-proposals']/li")] == [
        "1 июня 2018 г.: Проведён национальный семинар."
    ]
    assert tree.xpath("//ol[contains(@class, 'updates')]/li") == []


@pytest.mark.parametrize("reader", ["anonymous", "stranger", "other_delegate", "lead_delegate", "staff"])
def test_nobody_but_the_proposer_sees_a_proposed_update_on_the_site(client, activity, reader):
    ProgressUpdate.objects.create(
        activity=activity, date=datetime.date(2018, 6, 1), text_ru="Секретное предложение", status="proposed"
    )
    users = {
        "stranger": lambda: UserFactory(),
        "other_delegate": lambda: DelegateFactory(state=StateFactory()).user,
        "lead_delegate": lambda: DelegateFactory(state=activity.lead_states.get()).user,
        "staff": lambda: UserFactory(is_staff=True, is_superuser=True),
    }
    if reader in users:
        client.force_login(users[reader]())

    pages = [f"/ru/action-plan/{activity.pk}/", "/ru/action-plan/", "/ru/action-plan/updates/feed/rss/"]
    for url in pages + ["/ru/action-plan/export.csv", "/ru/action-plan/export.json"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Секретное предложение" not in response.content.decode(), url


@pytest.mark.parametrize("reader", ["anonymous", "stranger", "other_delegate"])
def test_only_delegates_of_the_states_taking_part_may_propose(client, activity, reader):
    if reader == "stranger":
        client.force_login(UserFactory())
    elif reader == "other_delegate":
        client.force_login(DelegateFactory(state=StateFactory()).user)

    page = parse(client.get(f"/en/action-plan/{activity.pk}/"))
    response = client.post(f"/en/action-plan/{activity.pk}/propose/", PROPOSAL)

    assert page.xpath("//form[contains(@class, 'proposal-form')]") == []
    assert response.status_code == (302 if reader == "anonymous" else 403)
    if reader == "anonymous":
        assert response["Location"].startswith("/en/accounts/")
    assert ProgressUpdate.objects.count() == 0


def test_the_lead_states_delegate_sees_the_form(client, activity):
    client.force_login(DelegateFactory(state=activity.lead_states.get()).user)

    tree = parse(client.get(f"/en/action-plan/{activity.pk}/"))

    form = tree.xpath("//form[contains(@class, 'proposal-form')]")[0]
    assert form.xpath(".//input[@name='csrfmiddlewaretoken']")
    assert sorted(form.xpath(".//*[@name='date' or @name='text']/@name")) == ["date", "text"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"date": "2018-06-01", "text": ""}, "text", "Обязательное поле."),
        ({"date": "next week", "text": "Готово."}, "date", "Введите правильную дату."),
        (
            {"date": "2999-01-01", "text": "Готово."},
            "date",
            "Сообщайте о том, что уже сделано: дата не может быть в будущем.",
        ),
        ({"date": "2018-06-01", "text": "x" * 5001}, "text", None),
        ({"date": "2018-06-01", "text": "Готово\x00"}, "text", None),
        ({"date": "99999-01-01", "text": "Готово."}, "date", "Введите правильную дату."),
    ],
)
def test_a_bad_proposal_gets_a_form_error_and_nothing_is_saved(client, activity, data, field, message):
    client.force_login(DelegateFactory(state=activity.lead_states.get()).user)

    response = client.post(f"/ru/action-plan/{activity.pk}/propose/", data)

    assert response.status_code == 400
    tree = parse(response)
    errors = [text(error) for error in tree.xpath(f"//*[@name='{field}']/following-sibling::p[@class='field-error']")]
    assert len(errors) == 1
    if message:
        assert errors == [message]
    assert ProgressUpdate.objects.count() == 0


def test_proposals_are_rate_limited(client, activity, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "progress_update": "2/h"}
    client.force_login(DelegateFactory(state=activity.lead_states.get()).user)

    statuses = [client.post(f"/en/action-plan/{activity.pk}/propose/", PROPOSAL).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert ProgressUpdate.objects.count() == 2


def test_the_secretariat_approves_proposed_updates_in_the_admin_and_they_appear(client, activity, editor_client):
    proposed = ProgressUpdate.objects.create(
        activity=activity, date=datetime.date(2018, 6, 1), text_en="Guide printed.", status="proposed"
    )
    rejected = ProgressUpdate.objects.create(
        activity=activity, date=datetime.date(2018, 7, 1), text_en="Nonsense.", status="rejected"
    )
    assert editor_client.get("/ru/admin/actionplan/progressupdate/").status_code == 200

    response = editor_client.post(
        "/ru/admin/actionplan/progressupdate/",
        {"action": "approve", "_selected_action": [proposed.pk, rejected.pk]},
        follow=True,
    )

    assert response.status_code == 200
    proposed.refresh_from_db()
    rejected.refresh_from_db()
    assert (proposed.status, rejected.status) == ("approved", "rejected")
    assert Version.objects.get_for_object(proposed).count() == 1
    tree = parse(client.get(f"/en/action-plan/{activity.pk}/"))
    assert [text(li) for li in tree.xpath("//ol[contains(@class, 'updates')]/li")] == ["1 June 2018 Guide printed."]


def test_the_activity_admin_shows_the_update_inline_with_russian_and_english_tabs(editor_client, activity):
    ProgressUpdate.objects.create(activity=activity, date=datetime.date(2018, 6, 1), text_en="Done.", status="proposed")

    response = editor_client.get(f"/ru/admin/actionplan/activity/{activity.pk}/change/")

    assert response.status_code == 200
    tree = parse(response)
    assert tree.xpath("//textarea[@name='updates-0-text_ru']") and tree.xpath("//textarea[@name='updates-0-text_en']")
    assert tree.xpath("//input[@name='title_ru']") and tree.xpath("//input[@name='title_en']")


def test_the_editor_group_may_edit_the_plan_and_approve_updates(editor):
    assert editor.has_perm("actionplan.change_progressupdate")
    assert editor.has_perm("actionplan.add_activity")


def test_a_hidden_activity_takes_no_proposal_even_from_its_lead_state(client):
    state = StateFactory()
    activity = ActivityFactory(publication_status="draft")
    activity.lead_states.add(state)
    client.force_login(DelegateFactory(state=state).user)

    response = client.post(f"/en/action-plan/{activity.pk}/propose/", PROPOSAL)

    assert response.status_code == 404
    assert ProgressUpdate.objects.count() == 0


def test_a_delegate_of_a_state_that_no_longer_participates_may_not_propose(client, activity):
    state = activity.lead_states.get()
    state.status = state.Status.FORMER
    state.save()
    client.force_login(DelegateFactory(state=state).user)

    response = client.post(f"/en/action-plan/{activity.pk}/propose/", PROPOSAL)

    assert response.status_code == 403
    assert ProgressUpdate.objects.count() == 0


def test_a_proposal_s_text_is_shown_to_its_author_as_text_never_as_markup(client, activity):
    client.force_login(DelegateFactory(state=activity.lead_states.get()).user)
    probe = '"><script>alert(1)</script>'

    response = client.post(f"/en/action-plan/{activity.pk}/propose/", {**PROPOSAL, "text": probe}, follow=True)

    tree = parse(response)
    assert tree.xpath("//script[contains(., 'alert(1)')]") == []
    assert [text(li).split(": ", 1)[1] for li in tree.xpath("//ul[@class='my-proposals']/li")] == [probe]


def test_the_secretariat_rejects_a_proposal_which_then_never_shows_and_the_history_says_who(
    client, activity, editor_client, editor
):
    proposed = ProgressUpdate.objects.create(
        activity=activity, date=datetime.date(2018, 6, 1), text_en="Wrong figures.", status="proposed"
    )

    editor_client.post("/ru/admin/actionplan/progressupdate/", {"action": "reject", "_selected_action": [proposed.pk]})

    proposed.refresh_from_db()
    assert proposed.status == "rejected"
    assert [(v.revision.user, v.revision.comment) for v in Version.objects.get_for_object(proposed)] == [
        (editor, "Отклонено.")
    ]
    assert "Wrong figures." not in client.get(f"/en/action-plan/{activity.pk}/").content.decode()


def test_a_proposal_without_the_csrf_token_is_refused(activity):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(DelegateFactory(state=activity.lead_states.get()).user)

    response = client.post(f"/en/action-plan/{activity.pk}/propose/", PROPOSAL)

    assert response.status_code == 403
    assert ProgressUpdate.objects.count() == 0
