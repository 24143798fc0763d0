"""The search engine sits below the apps it serves: it imports none of them."""

import ast
from pathlib import Path

import pytest

SEARCH = Path(__file__).resolve().parents[2] / "search"
ABOVE_THE_ENGINE = {"participants", "accounts", "meetings", "documents", "pages", "demo"}


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize("path", sorted(SEARCH.rglob("*.py")), ids=lambda path: str(path.relative_to(SEARCH)))
def test_no_module_of_the_engine_imports_an_app_above_it(path):
    above = {module for module in imported_modules(path) if module.split(".")[0] in ABOVE_THE_ENGINE}

    assert above == set()


def test_the_apps_reach_the_engine_through_its_one_module():
    root = SEARCH.parent
    reaching_in = {
        f"{path.relative_to(root)}: {module}"
        for app in ABOVE_THE_ENGINE
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if module.startswith("search.") and module != "search.engine"
    }

    assert reaching_in == set()
