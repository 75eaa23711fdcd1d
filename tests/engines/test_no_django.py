"""Engines are plain Python: no module under ``onderdak.engines`` may import Django."""

import ast
from pathlib import Path

import onderdak.engines

ENGINES = Path(onderdak.engines.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_engine_module_imports_django_or_the_apps():
    offending = {
        str(path.relative_to(ENGINES)): sorted(
            m
            for m in imported_modules(path)
            if m.split(".")[0] in {"django", "rest_framework"}
            or (m.startswith("onderdak.") and not m.startswith("onderdak.engines"))
        )
        for path in ENGINES.rglob("*.py")
    }
    assert {k: v for k, v in offending.items() if v} == {}


def test_the_check_covers_every_engine_package():
    checked = {path.relative_to(ENGINES).parts[0] for path in ENGINES.rglob("*.py")}
    assert {
        "allocation",
        "capacity_plan",
        "contingent",
        "flow",
        "funding",
        "suppression",
    } <= checked


def test_the_check_itself_detects_a_django_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from django.db import models\nimport os\n")
    assert "django.db" in imported_modules(sample)
