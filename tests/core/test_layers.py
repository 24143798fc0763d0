"""The apps' import order is written in pyproject.toml ([tool.importlinter]) and holds."""

from pathlib import Path

import grimp
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "search", "participants", "accounts", "meetings", "documents", "pages", "demo", "almaty_portal"]


def test_every_app_imports_only_itself_and_the_apps_below_it(monkeypatch):
    monkeypatch.chdir(ROOT)

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_the_ground_rules_of_access_import_no_app():
    graph = grimp.build_graph(*APPS, include_external_packages=False)

    for module in ("core.access", "core.models"):
        imported = graph.find_modules_directly_imported_by(module)
        assert {name for name in imported if not name.startswith("core.")} == set(), module
