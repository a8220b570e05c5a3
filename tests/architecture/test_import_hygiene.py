"""Domain code never imports Textual: each module is imported alone in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "caucasusquiz"
UI_PACKAGES = {"ui"}
# Modules that exist to start the UI; they import it lazily, inside functions.
UI_ENTRY_POINTS = {"caucasusquiz.commands.tui", "caucasusquiz.__main__"}


def domain_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = relative.parts
        if len(parts) > 1 and parts[1] in UI_PACKAGES:
            continue
        name = ".".join(parts).removesuffix(".__init__")
        if name not in UI_ENTRY_POINTS:
            modules.append(name)
    return modules


def test_there_are_domain_modules_to_check():
    names = domain_modules()
    assert "caucasusquiz.decks.loader" in names and "caucasusquiz.cli" in names


@pytest.mark.parametrize("module", domain_modules())
def test_domain_module_does_not_import_textual(module: str):
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "leaked = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')); "
        "print(leaked); sys.exit(1 if leaked else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{module} imports Textual: {result.stdout}{result.stderr}"
