"""The UI uses Textual's public API: no import of a private Textual module (`textual.*._name`).

A private module can change or vanish in any Textual release without notice. The one
private call the UI makes (`ui/same_frame.py`) is an attribute, guarded and tested on its own
(`test_same_frame.py`), not an import.
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "caucasusquiz" / "ui"
PRIVATE_IMPORT = re.compile(r"^\s*(?:from|import)\s+textual(?:\.\w+)*\._\w+", re.MULTILINE)


def test_no_ui_module_imports_a_private_textual_module():
    found = {
        f"{path.relative_to(UI)}: {match.group().strip()}"
        for path in sorted(UI.rglob("*.py"))
        for match in PRIVATE_IMPORT.finditer(path.read_text(encoding="utf-8"))
    }
    assert found == set()
