from io import StringIO

import pytest
import reversion
from django.core.files.storage import default_storage
from django.core.management import call_command

from tests.factories import DocumentFileFactory

pytestmark = pytest.mark.django_db


def prune(*args) -> list[str]:
    out = StringIO()
    call_command("prune_files", *args, stdout=out)
    return out.getvalue().splitlines()


def test_a_deleted_file_with_no_history_is_listed_then_removed_on_request():
    document_file = DocumentFileFactory()
    name = document_file.file.name
    document_file.delete()

    assert prune() == [name, "1 file(s) orphaned (run with --delete to remove)."]
    assert default_storage.exists(name)

    assert prune("--delete") == [name, "1 file(s) deleted."]
    assert not default_storage.exists(name)


def test_files_in_use_or_restorable_from_history_are_kept():
    in_use = DocumentFileFactory()
    with reversion.create_revision():
        in_history = DocumentFileFactory()
    restorable = in_history.file.name
    in_history.delete()

    assert prune("--delete") == ["0 file(s) deleted."]
    assert default_storage.exists(in_use.file.name)
    assert default_storage.exists(restorable)
