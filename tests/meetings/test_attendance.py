"""A participation's attendance: it must fit the meeting, and today's rows convert without loss."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from documents.models import Audience, Document, DocumentFile
from meetings.models import Meeting, Participation
from tests import admin_forms
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory, ParticipationFactory, StateFactory

pytestmark = pytest.mark.django_db

Attendance = Participation.Attendance
NOT_HELD = [Meeting.Status.PLANNED, Meeting.Status.POSTPONED, Meeting.Status.CANCELLED]


@pytest.mark.parametrize("status", NOT_HELD)
@pytest.mark.parametrize("attendance", [Attendance.ATTENDED, Attendance.DID_NOT_ATTEND])
def test_a_meeting_not_held_cannot_record_who_attended(status, attendance):
    participation = ParticipationFactory.build(meeting=MeetingFactory(status=status), state=StateFactory())
    participation.attendance = attendance

    with pytest.raises(ValidationError) as error:
        participation.full_clean()

    assert list(error.value.message_dict) == ["attendance"]


@pytest.mark.parametrize("status", NOT_HELD)
@pytest.mark.parametrize("attendance", [Attendance.INVITED, Attendance.CONFIRMED])
def test_a_meeting_not_held_can_record_invitations_and_confirmations(status, attendance):
    participation = ParticipationFactory.build(meeting=MeetingFactory(status=status), state=StateFactory())
    participation.attendance = attendance

    participation.full_clean()


@pytest.mark.parametrize("attendance", Attendance.values)
def test_a_held_meeting_can_record_every_attendance(attendance):
    participation = ParticipationFactory.build(meeting=MeetingFactory(), state=StateFactory())
    participation.attendance = attendance

    participation.full_clean()


def planned_meeting_form(meeting, state, attendance):
    """The admin's form of `meeting`, set back to planned, with one participation of `state`."""
    return admin_forms.meeting_form(
        meeting,
        status=Meeting.Status.PLANNED,
        **{
            "participations-TOTAL_FORMS": "1",
            "participations-0-state": state.pk,
            "participations-0-role": Participation.Role.MEMBER,
            "participations-0-attendance": attendance,
        },
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "Only a meeting that has been held can record who attended; choose “invited” or “participation confirmed”.",
        ),
        (
            "ru",
            "Сведения о фактическом участии вносятся только для состоявшейся встречи; "
            "выберите «приглашение направлено» или «участие подтверждено».",
        ),
    ],
)
def test_the_admin_shows_why_a_planned_meeting_cannot_record_attendance(admin_client, language, message):
    meeting = MeetingFactory(status=Meeting.Status.HELD)
    with translation.override(language):
        url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    response = admin_client.post(url, planned_meeting_form(meeting, StateFactory(), Attendance.ATTENDED))

    [inline] = [
        inline for inline in response.context["inline_admin_formsets"] if inline.formset.prefix == "participations"
    ]
    assert inline.formset.errors == [{"attendance": [message]}]
    assert message in response.content.decode()
    assert not meeting.participations.exists()


def test_the_admin_accepts_an_invitation_to_a_planned_meeting(admin_client):
    meeting = MeetingFactory(status=Meeting.Status.HELD)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    response = admin_client.post(url, planned_meeting_form(meeting, StateFactory(), Attendance.INVITED))

    assert response.status_code == 302
    assert list(meeting.participations.values_list("attendance", flat=True)) == [Attendance.INVITED]


def migrate(*targets):
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets))
    return executor.loader.project_state(list(targets)).apps


def test_present_becomes_attended_and_absent_did_not_attend_and_back():
    old_apps = migrate(("meetings", "0001_initial"))
    OldMeeting = old_apps.get_model("meetings", "Meeting")
    OldParticipation = old_apps.get_model("meetings", "Participation")
    OldState = old_apps.get_model("participants", "State")
    meeting = OldMeeting.objects.get(pk=MeetingFactory().pk)
    came, stayed_away = (OldState.objects.get(pk=StateFactory().pk) for _ in range(2))
    OldParticipation.objects.create(meeting=meeting, state=came, present=True)
    OldParticipation.objects.create(meeting=meeting, state=stayed_away, present=False)

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    new_apps = migrate(("meetings", "0002_participation_attendance"))
    attendance = dict(new_apps.get_model("meetings", "Participation").objects.values_list("state_id", "attendance"))
    assert attendance == {came.pk: "attended", stayed_away.pk: "did_not_attend"}

    old_apps = migrate(("meetings", "0001_initial"))
    present = dict(old_apps.get_model("meetings", "Participation").objects.values_list("state_id", "present"))
    assert present == {came.pk: True, stayed_away.pk: False}
    migrate(("meetings", "0002_participation_attendance"))


def test_the_meeting_delegates_audience_becomes_the_attended_states_audience_and_back():
    migration = importlib.import_module("documents.migrations.0005_audience_of_invited_and_attending_states")
    document = DocumentFactory(audience=Audience.PUBLIC)
    document_file = DocumentFileFactory(document=document, audience=Audience.PUBLIC)
    untouched = DocumentFactory(audience=Audience.DELEGATES)
    Document.objects.filter(pk=document.pk).update(audience="meeting_delegates")
    DocumentFile.objects.filter(pk=document_file.pk).update(audience="meeting_delegates")

    migration.forwards(apps, None)

    assert Document.objects.get(pk=document.pk).audience == Audience.ATTENDED_STATES
    assert DocumentFile.objects.get(pk=document_file.pk).audience == Audience.ATTENDED_STATES
    assert Document.objects.get(pk=untouched.pk).audience == Audience.DELEGATES

    Document.objects.filter(pk=untouched.pk).update(audience=Audience.INVITED_STATES)
    migration.backwards(apps, None)

    assert Document.objects.get(pk=document.pk).audience == "meeting_delegates"
    assert Document.objects.get(pk=untouched.pk).audience == "meeting_delegates"
    assert DocumentFile.objects.get(pk=document_file.pk).audience == "meeting_delegates"
