"""Fixtures shared by the archive's tests."""

import os
import shutil
import subprocess

import pytest


def _missing_programs() -> str:
    """What of tesseract (with Russian and English) and pdftoppm this machine lacks, or ''."""
    if not shutil.which("pdftoppm"):
        return "pdftoppm (Debian package poppler-utils)"
    if not shutil.which("tesseract"):
        return "tesseract (Debian packages tesseract-ocr, tesseract-ocr-rus, tesseract-ocr-eng)"
    languages = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    missing = [code for code in ("rus", "eng") if code not in languages]
    return f"tesseract's {', '.join(missing)} data (tesseract-ocr-rus, tesseract-ocr-eng)" if missing else ""


@pytest.fixture
def real_ocr_programs():
    """OCR is tested with the real programs: skipped on a laptop without them, a failure on CI (CI=true)."""
    missing = _missing_programs()
    if missing:
        message = f"OCR tests need {missing}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
