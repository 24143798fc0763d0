"""OCR time per page: the seed documents printed as full A4 pages, scanned at 300 dpi, read back by tesseract.

    .venv/bin/python bench/ocr_bench.py                    # 3 Russian and 3 English pages
    .venv/bin/python bench/ocr_bench.py --pages 5 --dpi 200

Each page is an image of a seed's text (DejaVu Sans, 11 pt, about 45 lines), saved by Pillow as a PDF
without a text layer, and read by documents.files.recognise_pages in core.isolation's limited child process,
exactly as the OCR job does. It prints the seconds per page (wall clock, and CPU, which a busy machine does
not inflate) and the share of the page's words (four
letters or more) found in the recognised text.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import resource
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.settings")
os.environ.setdefault("DEBUG", "1")

SEEDS = {"ru": "001_f5bf1f298d79ffb4.txt", "en": "000_e31b06810dd7103f.txt"}
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WORD = re.compile(r"\w{4,}")


def children_cpu() -> float:
    """CPU seconds of the finished child processes (the limited child and the pdftoppm and tesseract it ran)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def page_lines(text: str, pages: int, per_page: int = 45, width: int = 85) -> list[list[str]]:
    words = " ".join(text.split())
    lines = textwrap.wrap(words, width)
    while len(lines) < pages * per_page:
        lines += lines
    return [lines[number * per_page : (number + 1) * per_page] for number in range(pages)]


def scan(pages: list[list[str]], dpi: int) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    width, height = round(8.27 * dpi), round(11.69 * dpi)
    font = ImageFont.truetype(FONT, round(11 / 72 * dpi))
    images = []
    for lines in pages:
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(lines):
            draw.text((round(0.8 * dpi), round(0.8 * dpi) + number * round(0.21 * dpi)), line, font=font, fill=0)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3, help="pages per language")
    parser.add_argument("--dpi", type=int, default=300, help="resolution of the scan")
    parser.add_argument("--seeds", default=os.environ.get("SEEDS_DIR", str(ROOT.parent.parent / "shared" / "seeds")))
    arguments = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    from core import isolation
    from documents import files

    for language, name in SEEDS.items():
        pages = page_lines(Path(arguments.seeds, name).read_text(encoding="utf-8"), arguments.pages)
        pdf = io.BytesIO(scan(pages, arguments.dpi))
        started, cpu_before = time.monotonic(), children_cpu()
        recognition = isolation.run_limited(
            files.recognise_pages,
            pdf,
            list(range(1, arguments.pages + 1)),
            settings.OCR_TIME_LIMIT,
            seconds=settings.OCR_TIME_LIMIT,
            memory_bytes=settings.OCR_MEMORY_LIMIT_MB * 1024 * 1024,
        )
        seconds, cpu = time.monotonic() - started, children_cpu() - cpu_before
        expected = [word.lower() for lines in pages for word in WORD.findall(" ".join(lines))]
        recognised = {word.lower() for text in recognition.texts.values() for word in WORD.findall(text)}
        found = sum(word in recognised for word in expected) / len(expected)
        print(
            f"{language}: {arguments.pages} pages at {arguments.dpi} dpi in {seconds:.1f} s "
            f"({seconds / arguments.pages:.1f} s a page; CPU {cpu / arguments.pages:.1f} s a page), "
            f"{found:.1%} of the words recognised"
        )


if __name__ == "__main__":
    main()
