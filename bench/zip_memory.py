"""Peak memory of the meeting zip download, for meetings of growing size.

Generates N files of random bytes (incompressible, like PDFs) in a temporary folder, registers them
as one meeting's documents in a throw-away SQLite database, streams the real view's response to
/dev/null and reports the process's peak resident memory (ru_maxrss) and Python's peak allocations
(tracemalloc) while streaming. Each size runs in a fresh process so the peaks do not mix.

    .venv/bin/python bench/zip_memory.py                 # 128 MB, 512 MB and 1 GB meetings
    .venv/bin/python bench/zip_memory.py --sizes 1024 --file-mb 10 --check

Optional: not part of the test suite; needs free disk space of about twice the largest size.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(total_mb: int, file_mb: int, check: bool) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="zip-bench-"))
    os.environ.update(
        {
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
            "DJANGO_SETTINGS_MODULE": "almaty_portal.settings",
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.test import RequestFactory
    from django.utils import translation

    from documents.models import Document, DocumentFile
    from documents.views import meeting_zip
    from meetings.models import Meeting
    from participants.models import Organisation

    call_command("migrate", verbosity=0)
    translation.activate("ru")
    process = Organisation.objects.create(
        name_ru="Алматинский процесс", name_en="Almaty Process", slug="almaty-process", kind=Organisation.Kind.PROCESS
    )
    meeting = Meeting.objects.create(
        title_ru="Большое совещание",
        title_en="Large meeting",
        slug="large",
        kind=Meeting.Kind.SENIOR_OFFICIALS,
        process=process,
        start_date="2016-11-01",
        end_date="2016-11-02",
        publication_status="published",
    )
    folder = workdir / "media" / "documents"
    folder.mkdir(parents=True)
    count = max(1, total_mb // file_mb)
    block = os.urandom(1024 * 1024)
    rows = []
    for number in range(count):
        name = f"documents/bench{number:05d}.pdf"
        with (workdir / "media" / name).open("wb") as out:
            out.write(b"%PDF-1.7\n")
            for _ in range(file_mb):
                # Varying each megabyte keeps the data incompressible without costing urandom time.
                out.write(number.to_bytes(4, "big") + block[4:])
        document = Document.objects.create(
            title_ru=f"Доклад участника № {number}",
            title_en=f"Participant report No. {number}",
            kind=Document.Kind.REPORT,
            date="2016-11-01",
            meeting=meeting,
            publication_status="published",
        )
        rows.append(
            DocumentFile(
                document=document,
                language="ru",
                file=name,
                original_name=f"Доклад {number}.pdf",
                size=(workdir / "media" / name).stat().st_size,
                sha256=f"{number:064x}",
                content_type="application/pdf",
            )
        )
    DocumentFile.objects.bulk_create(rows)
    total_bytes = sum(row.size for row in rows)

    request = RequestFactory().get("/ru/documents/meeting/large/zip/", HTTP_HOST="localhost")
    request.user = AnonymousUser()
    import tracemalloc

    rss_before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    response = meeting_zip(request, slug="large")
    written = 0
    target = (workdir / "out.zip").open("wb") if check else open(os.devnull, "wb")  # noqa: SIM115
    with target:
        for chunk in response.streaming_content:
            written += len(chunk)
            target.write(chunk)
    seconds = time.perf_counter() - started
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "files": count,
        "archive_mb": round(total_bytes / 2**20),
        "zip_mb": round(written / 2**20),
        "seconds": round(seconds, 1),
        "mb_per_second": round(written / 2**20 / seconds),
        "peak_rss_mb_before_streaming": round(rss_before_kb / 1024, 1),
        "peak_rss_mb_after_streaming": round(rss_after_kb / 1024, 1),
        "python_peak_allocations_mb": round(traced_peak / 2**20, 2),
    }
    if check:
        import zipfile

        with zipfile.ZipFile(workdir / "out.zip") as archive:
            result["zip_entries"] = len(archive.infolist())
            result["zip_test"] = archive.testzip() or "ok"
        unzip = subprocess.run(["unzip", "-tq", str(workdir / "out.zip")], capture_output=True, text=True)
        result["unzip_t"] = unzip.stdout.strip() or unzip.stderr.strip()
    subprocess.run(["rm", "-rf", str(workdir)], check=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="128,512,1024", help="Meeting sizes in MB, comma-separated.")
    parser.add_argument("--file-mb", type=int, default=10, help="Size of each generated file in MB.")
    parser.add_argument("--check", action="store_true", help="Also write the zip to disk and test it.")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.file_mb, args.check)))
        return
    for size in [int(size) for size in args.sizes.split(",")]:
        command = [sys.executable, __file__, "--one", str(size), "--file-mb", str(args.file_mb)]
        if args.check:
            command.append("--check")
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        print(output.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
