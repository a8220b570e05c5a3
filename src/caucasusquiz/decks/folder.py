"""Which files in a decks folder are deck files: one rule for the app, `check` and `copy-decks`.

Only the standard library is imported here, so the home screen's first frame can apply the
rule without waiting for PyYAML.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

DECK_SUFFIXES = (".yaml", ".yml")
# The generator's list of decks and their keywords: YAML beside the decks, but not a deck (it
# has no `cards:`, and loaded as one it showed as a broken deck in the app). The generator
# finds it by this name; `check` checks it by its own rules.
TOPICS_FILE = "topics.yaml"


def is_deck_file_name(name: str) -> bool:
    """`history.yaml`, `history.YML`: yes; `.draft.yaml` (hidden), `topics.yaml`, `notes.txt`: no."""
    return name.lower().endswith(DECK_SUFFIXES) and not name.startswith(".") and name != TOPICS_FILE


def deck_files(paths: Iterable[Path]) -> list[Path]:
    """Deck files named by `paths`: files as given (but never the topics file), folders
    expanded to the deck files directly in them."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # A folder named old.yaml holds no deck here (counted, it made "4 deck files" of
            # 3); a pipe or a broken link is kept, to be reported.
            found.extend(sorted(p for p in path.iterdir() if is_deck_file_name(p.name) and not p.is_dir()))
        elif path.name != TOPICS_FILE:
            found.append(path)
    return found


def deck_file(folder: Path, deck_id: str) -> Path:
    """The file of deck `deck_id` in `folder`: `history.yaml`, or the `history.yml` (any case)
    a teacher saved instead when there is no .yaml; `history.yaml` for a deck not written yet.
    A writer (the generator) that assumed .yaml wrote a second deck of the same id beside the
    .yml and read none of its `dropped` ids."""
    default = folder / f"{deck_id}.yaml"
    if default.exists() or not folder.is_dir():
        return default
    for path in deck_files([folder]):
        if path.stem == deck_id:
            return path
    return default
