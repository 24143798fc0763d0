"""Search quality on the judged query set: recall@10 and MRR, per category and overall.

    export DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/almaty_quality   # or none: SQLite
    .venv/bin/python bench/search_quality.py                     # a table
    .venv/bin/python bench/search_quality.py --json out.json     # and every query's ranks as JSON
    .venv/bin/python bench/search_quality.py --compare bench/search_quality_before.json   # what changed, query by query

The run creates a throwaway test database (test_<name>, dropped afterwards), loads the demo with the
seed documents (demo.loading.load_demo; SEEDS_DIR says where they are), and asks every query of
bench/judgements.toml as an anonymous reader would, through the Django test client: documents are
judged on the archive list (/<lang>/documents/?q=…), everything else (outcome-statement paragraphs,
pages, news, meetings, states, organisations) on the site search (/<lang>/search/?q=…).

A target's rank is its place among the results of its own kind on that page, in the order shown
(documents among documents, paragraphs among paragraphs, …), so that a page grouping results by kind
is judged group by group. recall@10 of a query is the share of its targets ranked 1 to 10; its
reciprocal rank is 1/rank of its best-ranked target (0 when none is found). A category's figures are
the means over its queries; "overall" is the mean over every query. See docs/search-quality.md.
"""

import argparse
import json
import logging
import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from urllib.parse import urlencode, urlsplit

JUDGEMENTS = Path(__file__).resolve().parent / "judgements.toml"
TOP = 10
CATEGORIES = ("inflected", "multi-word", "abbreviation", "cross-language", "typing-habit", "plain")
# Targets: "doc:<key of [documents]>", "para:<meeting slug>#<number>", "page:<slug>", "news:<slug>",
# "meeting:<slug>", "state:<slug>", "org:<slug>".
TARGET_RE = re.compile(r"^(doc|para|page|news|meeting|state|org):([\w-]+)(?:#(\d+))?$")
PARAGRAPH_FRAGMENT_RE = re.compile(r"^p\d+$")


@dataclass(frozen=True)
class Judgement:
    id: str
    lang: str
    category: str
    q: str
    must_find: tuple[str, ...]
    note: str = ""


@dataclass
class QueryResult:
    judgement: Judgement
    ranks: dict[str, int | None] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return sum(1 for rank in self.ranks.values() if rank is not None and rank <= TOP) / len(self.ranks)

    @property
    def reciprocal_rank(self) -> float:
        found = [rank for rank in self.ranks.values() if rank is not None]
        return 1 / min(found) if found else 0.0

    @property
    def missed(self) -> list[str]:
        return [target for target, rank in self.ranks.items() if rank is None or rank > TOP]


def load_judgements(path: Path = JUDGEMENTS) -> tuple[list[Judgement], dict[str, str]]:
    """The queries and the documents' keys ({key: English title}), checked for shape."""
    with open(path, "rb") as source:
        data = tomllib.load(source)
    documents = data["documents"]
    judgements = [
        Judgement(
            id=item["id"],
            lang=item["lang"],
            category=item["category"],
            q=item["q"],
            must_find=tuple(item["must_find"]),
            note=item.get("note", ""),
        )
        for item in data["query"]
    ]
    for judgement in judgements:
        if judgement.category not in CATEGORIES or judgement.lang not in ("ru", "en") or not judgement.must_find:
            raise ValueError(f"{judgement.id}: a category of {CATEGORIES}, ru or en, and at least one target")
        for target in judgement.must_find:
            match = TARGET_RE.match(target)
            if not match or (match.group(1) == "doc" and match.group(2) not in documents):
                raise ValueError(f"{judgement.id}: {target!r} is not a target")
    ids = [judgement.id for judgement in judgements]
    if len(set(ids)) != len(ids):
        raise ValueError("every query needs its own id")
    return judgements, documents


# --- Reading the pages -------------------------------------------------------------------------------------------


def target_url(target: str, documents: dict[str, str]) -> str:
    """The address (path and fragment, in the active language) a result for `target` links to."""
    # Imported here: this module is also a script that sets Django up before any model is imported.
    from documents.models import Document
    from meetings.models import Meeting
    from pages.models import NewsItem, Page
    from participants.models import Organisation, State

    kind, key, number = TARGET_RE.match(target).groups()
    if kind == "doc":
        return Document.objects.get(title_en=documents[key]).get_absolute_url()
    if kind == "para":
        return Meeting.objects.get(slug=key).get_absolute_url() + f"#p{number}"
    model = {"page": Page, "news": NewsItem, "meeting": Meeting, "state": State, "org": Organisation}[kind]
    return model.objects.get(slug=key).get_absolute_url()


def kind_of(url: str) -> str:
    """What a result link points to: the view's name, and "#p" for an outcome-statement paragraph."""
    from django.urls import Resolver404, resolve

    parts = urlsplit(url)
    try:
        view = resolve(parts.path).view_name
    except Resolver404:
        return ""
    return view + ("#p" if PARAGRAPH_FRAGMENT_RE.match(parts.fragment) else "")


def result_links(content: bytes) -> list[str]:
    """The page's links in <main>, in order, outside the search form; path and fragment only."""
    from lxml import html

    main = html.fromstring(content).find(".//main")
    links = []
    for anchor in main.iter("a") if main is not None else ():
        if anchor.xpath("ancestor::form") or not anchor.get("href"):
            continue
        parts = urlsplit(anchor.get("href"))
        if parts.netloc:
            continue
        links.append(parts.path + (f"#{parts.fragment}" if parts.fragment else ""))
    return links


def rank_in(url: str, links: list[str]) -> int | None:
    """The place of `url` among the links of its own kind (each counted once), or None."""
    kind = kind_of(url)
    same_kind = list(dict.fromkeys(link for link in links if kind_of(link) == kind))
    return same_kind.index(url) + 1 if url in same_kind else None


# --- Running the set ---------------------------------------------------------------------------------------------


def ask(client, judgement: Judgement, documents: dict[str, str]) -> QueryResult:
    """The query's targets ranked on the pages that show them (each page asked once, only if needed)."""
    from django.urls import reverse
    from django.utils import translation

    views = {True: "documents:document_list", False: "search:search"}
    pages = {}
    result = QueryResult(judgement)
    with translation.override(judgement.lang):
        for target in judgement.must_find:
            on_archive = target.startswith("doc:")
            if on_archive not in pages:
                address = reverse(views[on_archive]) + "?" + urlencode({"q": judgement.q})
                response = client.get(address)
                if response.status_code != 200:
                    raise RuntimeError(f"{judgement.id}: {address} answered {response.status_code}")
                pages[on_archive] = result_links(response.content)
            result.ranks[target] = rank_in(target_url(target, documents), pages[on_archive])
    return result


def run(client, judgements: list[Judgement], documents: dict[str, str]) -> list[QueryResult]:
    """Ask every query; the rate limits are lifted for the run (it asks up to two pages a query)."""
    from django.test import override_settings

    unlimited = {"search": "1000000/m", "archive_search": "1000000/m"}
    with override_settings(RATE_LIMITS=unlimited):
        return [ask(client, judgement, documents) for judgement in judgements]


def summary(results: list[QueryResult]) -> dict[str, dict]:
    """{category: {"queries", "recall_at_10", "mrr"}} for each category present, and "overall"."""
    groups = {category: [r for r in results if r.judgement.category == category] for category in CATEGORIES}
    groups = {category: found for category, found in groups.items() if found}
    groups["overall"] = results
    return {
        name: {
            "queries": len(found),
            "recall_at_10": round(mean(r.recall for r in found), 3),
            "mrr": round(mean(r.reciprocal_rank for r in found), 3),
        }
        for name, found in groups.items()
    }


def table(figures: dict[str, dict]) -> str:
    lines = ["| category | queries | recall@10 | MRR |", "| --- | ---: | ---: | ---: |"]
    for name, row in figures.items():
        lines.append(f"| {name} | {row['queries']} | {row['recall_at_10']:.3f} | {row['mrr']:.3f} |")
    return "\n".join(lines)


def details(results: list[QueryResult]) -> list[dict]:
    return [
        {
            "id": r.judgement.id,
            "q": r.judgement.q,
            "lang": r.judgement.lang,
            "category": r.judgement.category,
            "ranks": r.ranks,
            "recall_at_10": r.recall,
            "reciprocal_rank": round(r.reciprocal_rank, 3),
        }
        for r in results
    ]


def changes(results: list[QueryResult], previous: dict) -> list[str]:
    """A line for each query whose recall@10 or reciprocal rank differs from a previous run's JSON."""
    before = {query["id"]: query for query in previous["queries"]}
    lines = []
    for r in results:
        old = before.get(r.judgement.id)
        if old is None:
            lines.append(f"new {r.judgement.id} {r.judgement.q!r}: {r.ranks}")
        elif (old["recall_at_10"], old["reciprocal_rank"]) != (r.recall, round(r.reciprocal_rank, 3)):
            better = (r.recall, r.reciprocal_rank) > (old["recall_at_10"], old["reciprocal_rank"])
            lines.append(
                f"{'better' if better else 'WORSE'} {r.judgement.id} {r.judgement.q!r}: {old['ranks']} → {r.ranks}"
            )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="write the figures and every query's ranks here")
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--misses", action="store_true", help="list the queries that miss a target")
    parser.add_argument("--compare", type=Path, help="list the queries that changed since this --json output")
    arguments = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.test_settings")
    os.environ.setdefault("DEBUG", "1")
    logging.disable(logging.INFO)
    import django

    django.setup()
    # One log line per request would drown the table.
    logging.disable(logging.INFO)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from demo.loading import load_demo

    judgements, documents = load_judgements(arguments.judgements)
    setup_test_environment()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_media_root():
            load_demo(settings.SEEDS_DIR)
            results = run(Client(), judgements, documents)
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)
    figures = summary(results)
    print(f"{len(judgements)} judged queries on {connection.vendor}, top {TOP}\n")
    print(table(figures))
    if arguments.misses:
        for result in results:
            if result.missed:
                print(f"{result.judgement.id} {result.judgement.q!r}: {result.ranks}")
    if arguments.compare:
        print()
        print("\n".join(changes(results, json.loads(arguments.compare.read_text()))) or "no query changed")
    if arguments.json:
        arguments.json.write_text(
            json.dumps(
                {"database": connection.vendor, "figures": figures, "queries": details(results)},
                ensure_ascii=False,
                indent=1,
            )
        )


def override_media_root():
    """The demo's files go to a temporary folder, removed afterwards."""
    import tempfile
    from contextlib import contextmanager

    from django.test import override_settings

    @contextmanager
    def temporary():
        with tempfile.TemporaryDirectory() as folder, override_settings(MEDIA_ROOT=folder):
            yield

    return temporary()


if __name__ == "__main__":
    main()
