"""axe-core (from the npm registry, see package.json) checks each main page in both languages.

Serious and critical violations fail the test; the others are printed and saved
in test-artifacts/axe/ so they can be fixed without blocking anyone.
"""

import json

import pytest
from django.conf import settings

from tests.browser.conftest import ARTIFACTS, ON_CI

pytestmark = pytest.mark.browser

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}

PAGES = {
    "home": "/{language}/",
    "about": "/{language}/pages/about/",
    "meeting-list": "/{language}/meetings/?kind=som&page=2",
    "meeting": "/{language}/meetings/som-2016/",
    "matrix": "/{language}/meetings/matrix/",
    "state-list": "/{language}/states/",
    "state": "/{language}/states/kazakhstan/",
    "indicator": "/{language}/indicators/refugees-hosted/",
    "organisation-list": "/{language}/organisations/",
    "organisation": "/{language}/organisations/budapest-process/",
    "document-list": "/{language}/documents/",
    "document": "/{language}/documents/{document}/",
    "news-list": "/{language}/news/",
    "news-item": "/{language}/news/forum/",
    "action-plan": "/{language}/action-plan/",
    "activity": "/{language}/action-plan/{activity}/",
    "glossary": "/{language}/glossary/",
    "subscribe": "/{language}/subscribe/",
    "search": "/{language}/search/?q=migration",
    "search-kind": "/{language}/search/?q=migration&kind=meetings",
    "meeting-list-filtered": "/{language}/meetings/?q=meeting&kind=som&sort=title",
    "document-list-filtered": "/{language}/documents/?kind=report&year=2016",
    "privacy": "/{language}/privacy/",
    "accessibility": "/{language}/accessibility/",
    "information-sheets": "/{language}/information-sheets/",
    "information-sheet": "/{language}/information-sheets/april-2022/",
    "open-data": "/{language}/open-data/",
}


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci` (or `npm install`) at the repository root"
        if ON_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def run_axe(page, source: str) -> list[dict]:
    page.js(source)
    result = page.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document)"
        "  .then(results => done({violations: results.violations, passes: results.passes.length}))"
        "  .catch(error => done({error: String(error)}));"
    )
    if "error" in result:
        pytest.fail(f"axe-core could not run: {result['error']}")
    # A page on which no rule applied means axe looked at nothing, not that the page is fine.
    assert result["passes"] > 10, f"axe-core checked almost nothing ({result['passes']} rules passed)"
    return result["violations"]


def describe(violation: dict) -> str:
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    more = len(violation["nodes"]) - 5
    return (
        f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})\n"
        f"    on: {targets}{f' and {more} more' if more > 0 else ''}"
    )


def test_axe_check_catches_a_serious_violation(page, axe_source):
    page.open("/ru/")
    page.js(
        "const image = document.createElement('img'); image.src = '/static/none.png';"
        "document.querySelector('main').append(image);"
    )

    violations = run_axe(page, axe_source)

    assert [(violation["id"], violation["impact"]) for violation in violations] == [("image-alt", "critical")]


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_main_page_has_no_serious_accessibility_violation(page, portal, axe_source, name, language):
    path = PAGES[name].format(language=language, document=portal["document"].pk, activity=portal["activity"].pk)
    page.open(path)
    assert page.path == path, f"{path} redirected to {page.path}"

    violations = run_axe(page, axe_source)

    report_dir = ARTIFACTS / "axe"
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / f"{name}-{language}.json").write_text(json.dumps(violations, indent=2, ensure_ascii=False))
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    others = [violation for violation in violations if violation["impact"] not in BLOCKING]
    if others:
        print(f"\naxe-core, {path}: {len(others)} minor or moderate violation(s), not blocking:")
        print("\n".join(describe(violation) for violation in others))
    if blocking:
        page.screenshot(f"axe-{name}-{language}")
    assert not blocking, f"axe-core found serious or critical violations on {path}:\n" + "\n".join(
        describe(violation) for violation in blocking
    )


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("name", ["home", "meeting", "matrix", "document-list-filtered"])
def test_phone_layout_with_the_menu_open_has_no_serious_accessibility_violation(
    page, portal, axe_source, name, language
):
    page.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
    )
    try:
        page.open(PAGES[name].format(language=language, document=portal["document"].pk))
        page.click(".site-menu summary")
        assert page.find(".site-menu").get_attribute("open") is not None

        violations = run_axe(page, axe_source)
    finally:
        page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    assert not blocking, "\n".join(describe(violation) for violation in blocking)
