"""The one line that says which decks folder a read-only command used.

`stats` and `report` never refuse the installed decks (nothing is written), so a teacher who
forgot `--decks` for their own copy would otherwise read numbers about the wrong cards
without a word (newuser4 #3).
"""

from __future__ import annotations

from pathlib import Path

from caucasusquiz import paths


def decks_folder_line(folder: Path) -> str:
    if paths.is_installed_bundle(folder):
        return f"Using the decks in {folder} (installed with the app; your own folder: --decks DIR)"
    if folder == paths.bundled_dir("decks"):
        return f"Using the decks in {folder} (the bundled decks)"
    return f"Using the decks in {folder}"
