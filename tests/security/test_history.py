import pytest
import reversion
from django.apps import apps
from django.urls import reverse
from reversion.models import Version

from core.history import inline_diff
from documents.models import Document
from meetings.models import Meeting, Participation
from tests.admin_forms import meeting_form
from tests.factories import DocumentFactory, MeetingFactory, ParticipationFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "admin-pass-1")
    client.force_login(admin)
    return client


@pytest.mark.parametrize(
    ("label", "follow"),
    [
        ("meetings.Meeting", ("participations",)),
        ("meetings.Participation", ()),
        ("meetings.OutcomeStatement", ("paragraphs",)),
        ("meetings.StatementParagraph", ()),
        ("documents.Document", ("files",)),
        ("documents.DocumentFile", ()),
        ("participants.State", ("focal_points",)),
        ("participants.FocalPoint", ()),
        ("participants.Organisation", ()),
        ("pages.NewsItem", ()),
        ("pages.Page", ()),
        ("accounts.Delegate", ()),
        ("indicators.Indicator", ()),
        ("indicators.IndicatorValue", ()),
    ],
)
def test_every_edited_model_keeps_a_history_saved_together_with_its_inlines(label, follow):
    from reversion.revisions import _get_options

    model = apps.get_model(label)

    assert reversion.is_registered(model)
    assert _get_options(model).follow == follow


def test_computed_file_data_stays_out_of_versions():
    from reversion.revisions import _get_options

    fields = _get_options(apps.get_model("documents.DocumentFile")).fields

    assert "extracted_text" not in fields
    assert "download_count" not in fields
    assert "audience" in fields


def test_an_admin_edit_is_recorded_with_who_and_what(admin_client):
    meeting = MeetingFactory(title_en="Third Senior Officials Meeting")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    response = admin_client.post(url, meeting_form(meeting, title_en="Fourth Senior Officials Meeting"))

    assert response.status_code == 302
    version = Version.objects.get_for_object(meeting).get()
    assert version.revision.user.username == "admin"
    assert version.field_dict["title_en"] == "Fourth Senior Officials Meeting"


def test_a_change_outside_the_admin_is_recorded_when_made_in_a_revision():
    participation = ParticipationFactory(attendance=Participation.Attendance.ATTENDED)

    with reversion.create_revision():
        participation.attendance = Participation.Attendance.DID_NOT_ATTEND
        participation.save()

    assert Version.objects.get_for_object(participation).get().field_dict["attendance"] == "did_not_attend"


def test_a_meeting_version_holds_its_participations(admin_client):
    participation = ParticipationFactory(state=StateFactory(name_en="Kazakhstan"))
    meeting = participation.meeting

    admin_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), meeting_form(meeting))

    revision = Version.objects.get_for_object(meeting).get().revision
    assert {version.object_repr for version in revision.version_set.all()} == {str(meeting), str(participation)}


def test_history_page_lists_versions_to_compare(admin_client):
    meeting = MeetingFactory()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    admin_client.post(url, meeting_form(meeting, title_en="First title"))
    admin_client.post(url, meeting_form(meeting, title_en="Second title"))

    content = admin_client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).content.decode()

    assert content.count('name="version_a"') == 2
    compare_url = reverse("admin:meetings_meeting_history_compare", args=[meeting.pk])
    assert f'action="{compare_url}"' in content


@pytest.mark.parametrize("language", ["ru", "en"])
def test_compare_view_shows_the_changed_fields_only(admin_client, language):
    meeting = MeetingFactory(title_en="Old title", city_en="Almaty")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    admin_client.post(url, meeting_form(meeting))
    admin_client.post(url, meeting_form(meeting, title_en="New <b>title</b>", city_en="Astana"))
    older, newer = sorted(Version.objects.get_for_object(meeting).values_list("pk", flat=True))

    response = admin_client.get(
        f"/{language}/admin/meetings/meeting/{meeting.pk}/history/compare/?version_a={newer}&version_b={older}"
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "<del>Old</del> <ins>New &lt;b&gt;title&lt;/b&gt;</ins>" not in content
    assert "<del>Old title</del> <ins>New &lt;b&gt;title&lt;/b&gt;</ins>" in content
    assert "<del>Almaty</del> <ins>Astana</ins>" in content
    assert content.count('<tr class="changed">') == 2


def test_compare_view_lists_added_inline_items(admin_client):
    meeting = MeetingFactory()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    admin_client.post(url, meeting_form(meeting))
    state = StateFactory(name_en="Kyrgyzstan", name_ru="Кыргызстан")
    admin_client.post(
        url,
        meeting_form(
            meeting,
            **{
                "participations-TOTAL_FORMS": "1",
                "participations-0-state": state.pk,
                "participations-0-role": "member",
                "participations-0-attendance": "attended",
            },
        ),
    )
    older, newer = sorted(Version.objects.get_for_object(meeting).values_list("pk", flat=True))

    compare_url = f"/en/admin/meetings/meeting/{meeting.pk}/history/compare/"
    content = admin_client.get(f"{compare_url}?version_a={older}&version_b={newer}").content.decode()

    # Saved from a Russian admin page, the item is named in Russian in the history.
    assert "“Кыргызстан — " in content
    assert "”: added" in content


@pytest.mark.parametrize("query", ["", "?version_a=1", "?version_a=x&version_b=1", "?version_a=999999&version_b=1"])
def test_compare_view_answers_404_to_malformed_or_foreign_versions(admin_client, query):
    meeting = MeetingFactory()

    response = admin_client.get(f"/en/admin/meetings/meeting/{meeting.pk}/history/compare/{query}")

    assert response.status_code == 404


def test_compare_view_is_for_staff_only(client):
    meeting = MeetingFactory()

    response = client.get(f"/en/admin/meetings/meeting/{meeting.pk}/history/compare/?version_a=1&version_b=2")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/en/admin/login/")


def test_an_earlier_version_is_restored_from_the_history(admin_client):
    meeting = MeetingFactory(title_en="Original title")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    admin_client.post(url, meeting_form(meeting))
    admin_client.post(url, meeting_form(meeting, title_en="Mistaken title"))
    first = Version.objects.get_for_object(meeting).order_by("pk").first()
    revision_url = reverse("admin:meetings_meeting_revision", args=[meeting.pk, first.pk])

    form = admin_client.get(revision_url)
    restored = admin_client.post(revision_url, meeting_form(meeting, title_en="Original title"))

    assert form.status_code == 200
    assert restored.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title_en == "Original title"


def test_a_deleted_document_can_be_recovered(admin_client):
    document = DocumentFactory(title_en="Lost report")
    with reversion.create_revision():
        document.save()
    pk = document.pk
    admin_client.post(reverse("admin:documents_document_delete", args=[pk]), {"post": "yes"})
    version = Version.objects.get_deleted(Document).get()

    admin_client.post(reverse("admin:documents_document_recover", args=[version.pk]), _document_form(version))

    assert Document.objects.get(pk=pk).title_en == "Lost report"


def _document_form(version):
    fields = version.field_dict
    return {
        "title_ru": fields["title_ru"],
        "title_en": fields["title_en"],
        "kind": fields["kind"],
        "date": fields["date"].isoformat(),
        "meeting": fields["meeting_id"],
        "audience": fields["audience"],
        "publication_status": fields["publication_status"],
        "files-TOTAL_FORMS": "0",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("language", ["en"])
def test_deleting_a_meeting_with_documents_is_refused_with_an_explanation(admin_client, language):
    document = DocumentFactory(title_en="Agenda of the meeting")
    meeting = document.meeting
    url = f"/{language}/admin/meetings/meeting/{meeting.pk}/delete/"

    page = admin_client.get(url).content.decode()
    admin_client.post(url, {"post": "yes"})

    assert "would require deleting the following protected related objects" in page
    assert "Agenda of the meeting" in page
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_deleting_a_state_that_took_part_in_meetings_is_refused(admin_client):
    participation = ParticipationFactory()
    url = f"/en/admin/participants/state/{participation.state_id}/delete/"

    page = admin_client.get(url).content.decode()
    admin_client.post(url, {"post": "yes"})

    assert "would require deleting the following protected related objects" in page
    assert Participation.objects.filter(pk=participation.pk).exists()


def test_deleting_a_meeting_without_documents_lists_what_goes_with_it(admin_client):
    participation = ParticipationFactory()

    page = admin_client.get(reverse("admin:meetings_meeting_delete", args=[participation.meeting_id])).content
    assert str(participation).encode() in page


def test_inline_diff_escapes_both_sides():
    assert inline_diff("<a>", "<b>") == "<del>&lt;a&gt;</del> <ins>&lt;b&gt;</ins>"
