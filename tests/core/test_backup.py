"""Backup and restore: a fresh database and a fresh storage get the same rows and the same bytes."""

import hashlib
import os
import subprocess
import uuid

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

from documents.models import Document, DocumentFile
from meetings.models import Meeting
from tests.documents import samples
from tests.factories import DocumentFactory, DocumentFileFactory
from tests.s3 import BUCKET, CREDENTIALS
from tests.worker import needs_shared_database

pytestmark = needs_shared_database


def url_of(name: str) -> str:
    database = connection.settings_dict
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{name}"


def run(script: str, folder, **environment) -> subprocess.CompletedProcess:
    return subprocess.run(
        [f"scripts/{script}", str(folder)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "1", "PYTHON": os.environ.get("PYTHON", ".venv/bin/python"), **environment},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def fresh_database():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(url_of("postgres"))
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    yield name
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def counts(database: str) -> dict:
    tables = {"documents": Document, "files": DocumentFile, "meetings": Meeting}
    with psycopg2.connect(url_of(database)) as restored, restored.cursor() as cursor:
        result = {}
        for label, model in tables.items():
            cursor.execute(f"SELECT count(*) FROM {model._meta.db_table}")
            result[label] = cursor.fetchone()[0]
    return result


def test_a_backup_restores_into_a_fresh_database_and_object_storage(tmp_path, fresh_database, s3_storage, s3_server):
    DocumentFileFactory()
    DocumentFileFactory(file=samples.upload("report.pdf", samples.pdf_bytes("Refugees", pages=2)))
    DocumentFactory()  # a document without files
    source_database = connection.settings_dict["NAME"]

    made = run(
        "backup.sh", tmp_path / "backup", DATABASE_URL=url_of(source_database), MEDIA_ROOT=str(settings.MEDIA_ROOT)
    )
    assert made.returncode == 0, made.stderr

    restored = run(
        "restore.sh",
        tmp_path / "backup",
        DATABASE_URL=url_of(fresh_database),
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_server,
        AWS_ACCESS_KEY_ID=CREDENTIALS["aws_access_key_id"],
        AWS_SECRET_ACCESS_KEY=CREDENTIALS["aws_secret_access_key"],
        AWS_S3_REGION_NAME=CREDENTIALS["region_name"],
    )
    assert restored.returncode == 0, restored.stderr

    assert counts(fresh_database) == counts(source_database) == {"documents": 3, "files": 2, "meetings": 3}
    for stored in DocumentFile.objects.all():
        body = s3_storage.get_object(Bucket=BUCKET, Key=stored.file.name)["Body"].read()
        assert hashlib.sha256(body).hexdigest() == stored.sha256


def test_a_damaged_backup_is_refused_before_the_database_is_touched(tmp_path, fresh_database):
    DocumentFileFactory()
    source_database = connection.settings_dict["NAME"]
    made = run("backup.sh", tmp_path / "b", DATABASE_URL=url_of(source_database), MEDIA_ROOT=str(settings.MEDIA_ROOT))
    assert made.returncode == 0, made.stderr
    damaged = next((tmp_path / "b" / "files" / "documents").iterdir())
    damaged.write_bytes(b"not the same bytes")

    restored = run("restore.sh", tmp_path / "b", DATABASE_URL=url_of(fresh_database), MEDIA_ROOT=str(tmp_path / "m"))
    assert restored.returncode != 0
    assert "does not match its checksum" in restored.stderr
    with psycopg2.connect(url_of(fresh_database)) as restored_db, restored_db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        assert cursor.fetchone()[0] == 0
