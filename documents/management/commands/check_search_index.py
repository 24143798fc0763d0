import sys

from django.core.management.base import BaseCommand

from documents.indexing import find_drift, repair_drift


def _line(ids, one: str, many: str) -> str:
    shown = ", ".join(str(pk) for pk in ids[:20]) + (" …" if len(ids) > 20 else "")
    return f"{len(ids)} {one if len(ids) == 1 else many}: {shown}"


class Command(BaseCommand):
    help = (
        "Compare the search index with the archive: entries whose copies of a document's fields are stale, "
        "documents without an entry, entries without a document or without lemmas. "
        "With --repair, rebuild and remove them. "
        "Exits with status 1 when drift is found and not repaired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Rebuild stale and missing entries, drop orphans.")

    def handle(self, *args, repair, **options):
        drift = find_drift()
        if not drift:
            self.stdout.write(self.style.SUCCESS("The search index matches the archive."))
            return
        for ids, one, many in (
            (drift.stale, "stale entry", "stale entries"),
            (drift.missing, "document without an entry", "documents without an entry"),
            (drift.orphans, "entry without a document", "entries without a document"),
            (drift.without_lemmas, "entry without lemmas", "entries without lemmas"),
        ):
            if ids:
                self.stdout.write(_line(ids, one, many))
        if not repair:
            self.stdout.write("Run with --repair to mend the index.")
            sys.exit(1)
        repair_drift(drift)
        self.stdout.write(self.style.SUCCESS("Repaired."))
