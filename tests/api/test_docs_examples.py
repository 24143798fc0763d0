"""The Python example of docs/api.md runs as written against a live portal and prints what it promises."""

import contextlib
import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from tests.factories import DocumentFactory, DocumentFileFactory, IndicatorFactory, IndicatorValueFactory, StateFactory

pytestmark = pytest.mark.django_db(transaction=True)


def python_example() -> str:
    text = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text()
    section = text[text.index("## JSON API") :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_python_example_lists_documents_with_their_files_and_reads_key_figures(live_server):
    kazakhstan = StateFactory(slug="kazakhstan", name_en="Kazakhstan")
    document = DocumentFactory(title_en="Report on labour migration", date=datetime.date(2016, 11, 2))
    document.states.add(kazakhstan)
    DocumentFileFactory(document=document, language="en", file=ContentFile(b"x" * 1234, name="report.txt"))
    DocumentFactory(title_en="Elsewhere")  # of no state: not listed
    IndicatorValueFactory(
        indicator=IndicatorFactory(slug="refugees-hosted"), state=kazakhstan, year=2022, value=Decimal("12.5")
    )
    printed = io.StringIO()

    namespace = {}
    with contextlib.redirect_stdout(printed):
        exec(python_example().replace("http://localhost:8000", live_server.url), namespace)  # noqa: S102

    [line] = printed.getvalue().splitlines()
    assert line.startswith("2016-11-02 Report on labour migration en 1234 http")
    assert line.endswith(f"/ru/documents/{document.pk}/en/")
    assert namespace["values"] == {"kazakhstan": Decimal("12.5")}
