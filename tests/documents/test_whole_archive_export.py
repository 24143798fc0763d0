"""The unfiltered export of the whole archive: a file built in the background for each access rule.

However large the archive, a whole-archive export reads no document in the request (no worker timeout can
cut it): each reader is sent the file built for their rule (the public, staff, or their state's delegates),
never another's; a change makes the built files stale at once and queues one rebuild.
"""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import FileResponse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.models import Publishable
from documents import whole_archive
from documents.models import Audience
from meetings.models import Participation
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    ParticipationFactory,
    StateFactory,
    UserFactory,
)
from tests.worker import DATABASE_QUEUE

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def from_built_file(response) -> bool:
    return isinstance(response, FileResponse)


def csv_titles(response) -> list[str]:
    return [row[1] for row in csv.reader(io.StringIO(body(response).decode("utf-8-sig")))][1:]


@pytest.fixture
def archive():
    """Thirty public documents, and one of each kind the public must not see."""
    for number in range(30):
        DocumentFileFactory(document=DocumentFactory(title_ru=f"Открытый {number:02d}"))
    DocumentFactory(title_ru="Черновик", publication_status=Publishable.PublicationStatus.DRAFT)
    DocumentFactory(title_ru="Для делегатов", audience=Audience.DELEGATES)
    DocumentFactory(title_ru="Запланированный", publish_at=timezone.now() + timedelta(days=3))
    DocumentFactory(
        title_ru="Совещание не опубликовано",
        meeting=MeetingFactory(publication_status=Publishable.PublicationStatus.DRAFT),
    )


PUBLIC = sorted(f"Открытый {number:02d}" for number in range(30))


def test_anonymous_whole_archive_comes_from_the_built_file_without_reading_documents(
    client, archive, django_assert_max_num_queries
):
    whole_archive.build(ORIGIN, "ru")

    with django_assert_max_num_queries(2):
        response = client.get("/ru/documents/export.csv")

    assert response.status_code == 200
    assert from_built_file(response)
    assert response["Content-Disposition"] == 'attachment; filename="almaty-process-documents.csv"'
    assert set(response["Cache-Control"].split(", ")) == {"public", "no-cache"}
    assert sorted(csv_titles(response)) == PUBLIC


def test_built_files_hold_only_public_documents(client, archive):
    record = whole_archive.build(ORIGIN, "ru")

    with default_storage.open(record["csv"]) as built:
        titles = [row[1] for row in csv.reader(io.StringIO(built.read().decode("utf-8-sig")))][1:]
    with default_storage.open(record["json"]) as built:
        items = json.loads(built.read().decode())
    assert sorted(titles) == PUBLIC
    assert sorted(item["title_ru"] for item in items) == PUBLIC
    assert all(item["permalink"].startswith(f"{ORIGIN}/ru/documents/") for item in items)


def test_json_whole_archive_is_the_built_file_too(client, archive, django_assert_max_num_queries):
    whole_archive.build(ORIGIN, "en")

    with django_assert_max_num_queries(2):
        response = client.get("/en/documents/export.json")

    assert sorted(item["title_ru"] for item in json.loads(body(response))) == PUBLIC


def test_with_nginx_the_built_file_is_sent_by_nginx(client, archive, settings):
    settings.DOCUMENT_SENDFILE = "x-accel-redirect"
    record = whole_archive.build(ORIGIN, "ru")

    response = client.get("/ru/documents/export.csv")

    assert response["X-Accel-Redirect"] == f"/protected-media/{record['csv']}"
    assert response.content == b""


def test_a_change_makes_the_built_file_stale_at_once(client, archive):
    whole_archive.build(ORIGIN, "ru")
    DocumentFactory(title_ru="Новый")
    withdrawn = DocumentFactory(title_ru="Снят")
    whole_archive.build(ORIGIN, "ru")
    withdrawn.audience = Audience.DELEGATES
    withdrawn.save()

    titles = csv_titles(client.get("/ru/documents/export.csv"))

    assert "Новый" in titles
    assert "Снят" not in titles


def test_a_built_file_of_another_site_or_language_is_not_sent(client, archive):
    whole_archive.build("https://elsewhere.example", "ru")
    whole_archive.build(ORIGIN, "en")
    DocumentFactory(title_ru="Только в базе")
    # The builds above are for other sites or languages: the export is read from the database.
    assert "Только в базе" in csv_titles(client.get("/ru/documents/export.csv"))


def test_filtered_exports_still_stream_from_the_database(client, archive):
    whole_archive.build(ORIGIN, "ru")
    DocumentFactory(title_ru="Повестка", kind="agenda")

    response = client.get("/ru/documents/export.csv", {"kind": "agenda"})

    assert not from_built_file(response)
    assert csv_titles(response) == ["Повестка"]


def test_signed_in_readers_get_their_own_export_with_a_bounded_number_of_rows(client, archive, settings):
    settings.EXPORT_SIGNED_IN_MAX_ROWS = 5
    whole_archive.build(ORIGIN, "ru")
    delegate = DelegateFactory()
    client.force_login(delegate.user)

    response = client.get("/ru/documents/export.csv")

    assert not from_built_file(response)
    assert response["X-Export-Row-Limit"] == "5"
    assert len(csv_titles(response)) == 5


def test_a_change_queues_one_delayed_rebuild_which_the_next_export_then_sends(
    client, archive, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    settings.WHOLE_ARCHIVE_REBUILD_DELAY = 120
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get("/ru/documents/export.csv")  # nothing built yet: streamed, and a build queued
    assert not from_built_file(first) and sorted(csv_titles(first)) == PUBLIC
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "documents.whole_archive.build_whole_archive"
    assert queued.args_kwargs["args"] == [ORIGIN, "ru", "public"]
    assert queued.run_after >= timezone.now() + timedelta(seconds=100)

    whole_archive.build(*queued.args_kwargs["args"])
    queued.delete()
    assert from_built_file(client.get("/ru/documents/export.csv"))

    # A burst of edits after the delay has passed: one rebuild, not one per edit.
    whole_archive.cache.delete(f"whole-archive:queued:{whole_archive._slot(ORIGIN, 'ru')}")
    with django_capture_on_commit_callbacks(execute=True):
        DocumentFactory(title_ru="Первая правка")
        DocumentFactory(title_ru="Вторая правка")
    # Only the archive's rebuilds: each new document's meeting also queues its compilation.
    rebuilds = DBTaskResult.objects.filter(task_path="documents.whole_archive.build_whole_archive")
    assert rebuilds.count() == 1

    stale = client.get("/ru/documents/export.csv")
    assert not from_built_file(stale) and {"Первая правка", "Вторая правка"} <= set(csv_titles(stale))

    whole_archive.build(*rebuilds.get().args_kwargs["args"])
    rebuilt = client.get("/ru/documents/export.csv")
    assert from_built_file(rebuilt)
    assert {"Первая правка", "Вторая правка"} <= set(csv_titles(rebuilt))


def test_the_command_builds_both_languages(archive, client):
    out = io.StringIO()
    call_command("build_exports", ORIGIN, stdout=out)

    assert out.getvalue().count("almaty-process-documents-") == 4
    assert from_built_file(client.get("/en/documents/export.json"))
    assert from_built_file(client.get("/ru/documents/export.csv"))


def test_a_signed_in_reader_who_sees_only_public_documents_gets_the_built_file(client, archive):
    whole_archive.build(ORIGIN, "ru")
    client.force_login(UserFactory())

    response = client.get("/ru/documents/export.csv")

    assert from_built_file(response)
    assert sorted(csv_titles(response)) == PUBLIC


@pytest.fixture
def two_states(archive):
    """A meeting that Kazakhstan attended and Tajikistan was only invited to, with a document for each audience."""
    attended, invited = StateFactory(name_ru="Казахстан"), StateFactory(name_ru="Таджикистан")
    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting, state=attended, attendance=Participation.Attendance.ATTENDED)
    ParticipationFactory(meeting=meeting, state=invited, attendance=Participation.Attendance.DID_NOT_ATTEND)
    DocumentFactory(title_ru="Приглашённым", meeting=meeting, audience=Audience.INVITED_STATES)
    DocumentFactory(title_ru="Участникам", meeting=meeting, audience=Audience.ATTENDED_STATES)
    return DelegateFactory(state=attended).user, DelegateFactory(state=invited).user


def state_rule(user) -> str:
    return f"state:{user.delegate.state_id}"


def test_a_delegate_is_sent_the_file_built_for_their_state_with_what_their_state_may_read(
    client, two_states, django_assert_max_num_queries
):
    attended, invited = two_states
    whole_archive.build(ORIGIN, "ru")
    whole_archive.build(ORIGIN, "ru", state_rule(attended))
    whole_archive.build(ORIGIN, "ru", state_rule(invited))

    client.force_login(attended)
    with django_assert_max_num_queries(6):
        response = client.get("/ru/documents/export.csv")
    assert from_built_file(response)
    assert "X-Export-Row-Limit" not in response
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}
    assert sorted(csv_titles(response)) == sorted([*PUBLIC, "Для делегатов", "Приглашённым", "Участникам"])

    client.force_login(invited)
    response = client.get("/ru/documents/export.csv")
    assert from_built_file(response)
    assert sorted(csv_titles(response)) == sorted([*PUBLIC, "Для делегатов", "Приглашённым"])


def test_no_reader_is_sent_a_file_built_for_another_rule(client, two_states):
    attended, invited = two_states
    for rule in (state_rule(attended), "staff"):
        whole_archive.build(ORIGIN, "ru", rule)

    anonymous = client.get("/ru/documents/export.csv")
    client.force_login(invited)
    other_state = client.get("/ru/documents/export.csv")

    # Neither rule's file was built: both are read from the database, each with what its reader may see.
    assert not from_built_file(anonymous) and sorted(csv_titles(anonymous)) == PUBLIC
    assert not from_built_file(other_state)
    assert "Участникам" not in csv_titles(other_state) and "Черновик" not in csv_titles(other_state)


def test_staff_are_sent_the_staff_file_with_drafts(client, archive, editor):
    whole_archive.build(ORIGIN, "ru", "staff")
    client.force_login(editor)

    response = client.get("/ru/documents/export.csv")

    assert from_built_file(response)
    assert {"Черновик", "Для делегатов", "Запланированный"} <= set(csv_titles(response))


def test_a_change_makes_a_delegates_file_stale_and_their_next_export_queues_its_rebuild(
    client, two_states, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    attended, _invited = two_states
    whole_archive.build(ORIGIN, "ru", state_rule(attended))
    with django_capture_on_commit_callbacks(execute=True):
        DocumentFactory(title_ru="Новый для делегатов", audience=Audience.DELEGATES)
    rebuilds = DBTaskResult.objects.filter(task_path="documents.whole_archive.build_whole_archive")
    assert not rebuilds.exists()  # a state's file is rebuilt when its readers ask, not after every edit

    client.force_login(attended)
    with django_capture_on_commit_callbacks(execute=True):
        stale = client.get("/ru/documents/export.csv")

    assert not from_built_file(stale) and "Новый для делегатов" in csv_titles(stale)
    assert rebuilds.get().args_kwargs["args"] == [ORIGIN, "ru", state_rule(attended)]
    whole_archive.build(*rebuilds.get().args_kwargs["args"])
    rebuilt = client.get("/ru/documents/export.csv")
    assert from_built_file(rebuilt) and "Новый для делегатов" in csv_titles(rebuilt)


def test_the_command_builds_a_signed_in_rule_and_refuses_an_unknown_one(client, two_states):
    attended, _invited = two_states
    call_command("build_exports", ORIGIN, "--language", "ru", "--rule", state_rule(attended), stdout=io.StringIO())
    client.force_login(attended)
    assert "Участникам" in csv_titles(client.get("/ru/documents/export.csv"))

    for wrong in ("state:", "state:abc", "delegates", ""):
        with pytest.raises(CommandError, match="public, staff or state:<id>"):
            call_command("build_exports", ORIGIN, "--rule", wrong, stdout=io.StringIO())
