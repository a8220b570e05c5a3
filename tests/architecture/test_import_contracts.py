"""The layering in pyproject.toml ([tool.importlinter]), checked with import-linter.

ui may import the domain; domain code never imports the UI or Textual; the store never
imports the study engine; cli and commands sit on top. The import-hygiene test next to this
one checks what a module pulls in at run time; these contracts check every import statement,
including the ones inside functions.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


@pytest.mark.skipif(
    not LINT_IMPORTS.exists(), reason="import-linter is a test dependency: pip install -e '.[test]'"
)
def test_import_contracts_are_kept():
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
