"""Background jobs run in a worker process of their own: queued at once, retried, and limited in time.

These tests start the real worker (`manage.py db_worker`) against the test database, so they need a
database that another process can open: PostgreSQL (CI always has it).
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import jobs
from documents.models import DocumentFile, ExtractionStatus
from tests.core import jobs_for_tests
from tests.documents import samples
from tests.documents.test_uploads import add_document
from tests.factories import DocumentFactory
from tests.worker import DATABASE_QUEUE, needs_shared_database, run_worker, start_worker

pytestmark = needs_shared_database


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    return settings


def test_without_a_worker_jobs_run_at_once():
    assert not jobs.runs_in_worker()
    result = jobs_for_tests.adds.enqueue(2, 3)
    assert result.return_value == 5


def test_an_upload_answers_at_once_and_the_worker_reads_its_text_later(database_queue, editor_client):
    response = add_document(editor_client, samples.upload("report.docx", samples.docx_bytes("Лица без гражданства")))
    assert response.status_code == 302

    stored = DocumentFile.objects.get()
    assert stored.extraction_status == ExtractionStatus.PENDING
    assert DBTaskResult.objects.ready().count() == 1
    assert jobs.oldest_queued_age() < timedelta(minutes=1)

    worker = run_worker()
    assert worker.returncode == 0, worker.stderr

    stored.refresh_from_db()
    assert stored.extraction_status == ExtractionStatus.DONE
    assert stored.extracted_text == "Лица без гражданства"
    assert jobs.oldest_queued_age() is None


def test_a_failed_job_is_tried_again_later(database_queue):
    jobs_for_tests.always_fails.enqueue("storage unreachable")
    worker = run_worker()
    assert worker.returncode == 0, worker.stderr

    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "FAILED"
    assert "storage unreachable" in first.traceback
    assert retry.status == "READY"
    assert retry.args_kwargs == {"args": ["storage unreachable"], "kwargs": {"_attempt": 2}}
    assert retry.run_after > timezone.now() + timedelta(minutes=50)


def test_the_last_attempt_is_not_tried_again(database_queue):
    jobs_for_tests.always_fails.using(run_after=None).enqueue("still unreachable", _attempt=2)
    run_worker()
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"]


def test_a_job_over_its_time_limit_fails_and_the_worker_goes_on(database_queue):
    jobs_for_tests.sleeps.enqueue(30)
    jobs_for_tests.adds.enqueue(20, 22)
    worker = run_worker()
    assert worker.returncode == 0, worker.stderr

    slow = DBTaskResult.objects.get(task_path="tests.core.jobs_for_tests.sleeps")
    assert slow.status == "FAILED"
    assert slow.exception_class_path == "core.jobs.JobTimeLimitExceeded"
    quick = DBTaskResult.objects.get(task_path="tests.core.jobs_for_tests.adds")
    assert quick.status == "SUCCESSFUL"
    assert quick.return_value == 42


def test_with_the_worker_stopped_uploads_wait_and_readyz_shows_a_late_queue(database_queue, editor_client, client):
    database_queue.JOB_QUEUE_LATE_SECONDS = 0
    add_document(editor_client, samples.upload("report.docx", samples.docx_bytes("Смешанные миграционные потоки")))
    assert DocumentFile.objects.get().extraction_status == ExtractionStatus.PENDING

    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json()["status"] == "degraded"
    assert answer.json()["checks"]["jobs"] == "late"


def test_the_deployment_check_waits_for_a_worker_and_says_when_none_answers(database_queue):
    out = StringIO()
    with pytest.raises(CommandError, match="worker"):
        call_command("check_deployment", "--wait", "1", stdout=out)
    assert "worker: no answer within 1 s" in out.getvalue().splitlines()


def test_the_deployment_check_passes_with_a_worker_running(database_queue, settings):
    worker = start_worker()
    out = StringIO()
    try:
        # The tests run on development settings, which check --deploy rightly finds unfit for production.
        with pytest.raises(CommandError, match="not ready: settings$"):
            call_command("check_deployment", "--wait", "30", stdout=out)
    finally:
        worker.terminate()
        worker.wait(10)
    lines = out.getvalue().splitlines()
    assert "worker: ok" in lines
    assert "database: ok" in lines and "storage: ok" in lines


def test_a_search_index_rebuild_can_be_handed_to_the_worker(database_queue):
    from search.models import SearchEntry

    documents = DocumentFactory.create_batch(3)
    SearchEntry.objects.all().delete()

    out = StringIO()
    call_command("rebuild_search_index", "--background", stdout=out)
    assert out.getvalue().startswith("Rebuild queued as job ")
    assert SearchEntry.objects.count() == 0  # nothing yet: the command only queued it

    worker = run_worker()
    assert worker.returncode == 0, worker.stderr
    assert DBTaskResult.objects.get(task_path="documents.tasks.rebuild_search_index").return_value == 3
    assert set(SearchEntry.objects.values_list("document_id", flat=True)) == {d.pk for d in documents}
