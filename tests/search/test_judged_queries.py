"""The judged query set (bench/judgements.toml) run on the demo: search quality cannot silently regress.

The demo and the seeds are loaded once for the module and every query is asked as an anonymous reader
asks it, on the archive list and the site search (bench/search_quality.py; docs/search-quality.md).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from bench.search_quality import CATEGORIES, Judgement, load_judgements, rank_in, result_links, run, summary
from demo.loading import load_demo

# The issue's target: recall@10 of at least 0.95 on these categories.
TARGET_RECALL = 0.95
TARGETED = ("inflected", "cross-language")
# No category may fall below these figures (recall@10, MRR), measured on each database with issue 10's
# work merged (docs/search-quality.md, "After"). Raise them when a change improves a category; never lower them.
FLOORS = {
    "postgresql": {
        "inflected": (1.000, 1.000),
        "multi-word": (1.000, 0.919),
        "abbreviation": (1.000, 0.846),
        "cross-language": (1.000, 0.793),
        "typing-habit": (1.000, 0.956),
        "plain": (1.000, 0.955),
    },
    "sqlite": {
        "inflected": (1.000, 1.000),
        "multi-word": (1.000, 0.919),
        "abbreviation": (0.923, 0.808),
        "cross-language": (1.000, 0.793),
        "typing-habit": (1.000, 0.956),
        "plain": (1.000, 0.955),
    },
}
# Controls: what the public reader must not see is never counted as found.
CONTROLS = [
    Judgement("control-draft", "en", "plain", "2027 draft agenda", ("doc:som-2027-draft",)),
    Judgement("control-shown", "en", "plain", "agenda", ("doc:third-som-agenda",)),
]
DRAFT_TITLE = "Agenda of the 2027 Senior Officials Meeting (draft)"
JUDGEMENTS, DOCUMENTS = load_judgements()
# pytest-django creates the test database only for a session that has tests marked django_db.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def judged(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every query's result, and the controls', on the demo loaded with the seeds (rolled back afterwards)."""
    seeds = Path(settings.SEEDS_DIR)
    if not (seeds / "001_f5bf1f298d79ffb4.txt").is_file():
        # As the seeds_dir fixture does: skipped on a laptop without them, a failure on CI.
        message = f"the seed documents are not at {seeds} (set SEEDS_DIR)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    documents = {**DOCUMENTS, "som-2027-draft": DRAFT_TITLE}
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        # The files' text is extracted after the commit that saved them: run those jobs now.
        with TestCase.captureOnCommitCallbacks(execute=True):
            load_demo(seeds)
        cache.clear()
        results = run(Client(), JUDGEMENTS + CONTROLS, documents)
        vendor = connection.vendor
        transaction.set_rollback(True)
    return vendor, {result.judgement.id: result for result in results}


def results_of(judged, category):
    _vendor, results = judged
    return [results[judgement.id] for judgement in JUDGEMENTS if judgement.category == category]


def misses(results) -> str:
    return "; ".join(f"{r.judgement.q!r} missed {', '.join(r.missed)}" for r in results if r.missed)


def test_the_set_has_sixty_queries_or_more_in_both_languages_and_every_category():
    assert len(JUDGEMENTS) >= 60
    assert {judgement.lang for judgement in JUDGEMENTS} == {"ru", "en"}
    assert {judgement.category for judgement in JUDGEMENTS} == set(CATEGORIES)


def test_a_document_the_public_may_not_see_is_never_counted_as_found(judged):
    _vendor, results = judged
    assert results["control-draft"].ranks == {"doc:som-2027-draft": None}
    assert results["control-shown"].ranks == {"doc:third-som-agenda": 1}


@pytest.mark.parametrize("category", CATEGORIES)
def test_no_category_falls_below_its_recorded_figures(judged, category):
    vendor, _results = judged
    found = results_of(judged, category)
    figures = summary(found)[category]
    recall_floor, mrr_floor = FLOORS.get(vendor, FLOORS["sqlite"])[category]
    assert figures["recall_at_10"] >= recall_floor, misses(found)
    assert figures["mrr"] >= mrr_floor, misses(found)


@pytest.mark.parametrize("category", TARGETED)
def test_inflected_forms_and_the_other_language_reach_the_issues_recall(judged, category):
    found = results_of(judged, category)
    assert summary(found)[category]["recall_at_10"] >= TARGET_RECALL, misses(found)


def test_a_target_is_ranked_among_the_shown_results_of_its_own_kind():
    with translation.override("en"):
        first, second, hidden = (reverse("documents:document_detail", args=[pk]) for pk in (3, 7, 9))
        meeting = reverse("meetings:meeting_detail", args=["third"])
        about = reverse("pages:page_detail", args=["about"])
    page = f"""<html><body><nav><a href="{about}">About</a></nav><main>
      <form><a href="{hidden}">Start again</a></form>
      <ol><li><a href="{first}">One</a></li><li><a href="{second}">Two</a> <a href="{second}">again</a></li></ol>
      <ul><li><a href="{meeting}#p4">§ 4</a> <a href="{meeting}">the meeting</a></li>
        <li><a href="{meeting}#p2">§ 2</a></li></ul>
    </main><footer><a href="{hidden}">Elsewhere</a></footer></body></html>"""
    links = result_links(page.encode())
    with translation.override("en"):
        assert [rank_in(url, links) for url in (first, second, f"{meeting}#p2", meeting)] == [1, 2, 2, 1]
        # Links of the search form, the navigation and the footer are not results.
        assert rank_in(hidden, links) is None
        assert rank_in(about, links) is None
