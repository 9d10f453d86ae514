"""core/ and data/ never import PySide6 (ARCHITECTURE: Anki's pylib/aqt split)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kundenportfolio"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", ["core", "data"])
def test_layer_is_qt_free(layer: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        bad = {m for m in _imported_modules(path)
               if m.split(".")[0] in ("PySide6", "shiboken6", "matplotlib")
               or m.startswith("kundenportfolio.ui")}
        if bad:
            offenders.append(f"{path.relative_to(PACKAGE)}: {sorted(bad)}")
    assert offenders == []


def test_ui_writes_no_sql() -> None:
    offenders = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for keyword in ("INSERT INTO", "UPDATE ", "DELETE FROM", "SELECT "):
            if keyword in text:
                offenders.append(f"{path.relative_to(PACKAGE)}: {keyword.strip()}")
    assert offenders == []
