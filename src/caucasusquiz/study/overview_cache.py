"""The home screen's deck list as last computed, so a launch can draw it in its first frame.

Opening a 10,000-card collection (the deck cache, the progress database, the queue rules
for every deck) takes about 150 ms after the first paint, which made the deck list appear
at 2.2× a bare Textual app's first paint. This file of a few hundred bytes is read in well
under a millisecond. Its rows are shown only when nothing they depend on has changed: the
deck files (name, size, modification time), the progress (the review log's last id, buried
and suspended cards, parameters, last profile), the settings, the profile and the study
day. The numbers computed from the opened workspace replace them moments later anyway.

Only the standard library is imported here (sqlite3 when reading), so the first frame
does not wait for PyYAML or fsrs.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import NamedTuple

from caucasusquiz.decks.folder import is_deck_file_name  # the standard library only

FORMAT = 1
FILE_NAME = "home.json"


# NamedTuples, not dataclasses: this module is imported before the first frame, and
# building a dataclass costs about 0.7 ms each.
class DeckRow(NamedTuple):
    deck_id: str | None  # None: every deck together
    title: str
    new: int  # new cards a session would introduce today
    due: int  # learning and review cards a session would show today
    total: int
    mature: int

    @property
    def mastery(self) -> float:
        return self.mature / self.total if self.total else 0.0


class Glance(NamedTuple):
    """What the home screen shows before the workspace is open."""

    profile: str
    rows: list[DeckRow]  # first row: all decks
    reviewed_today: int
    streak: int


def deck_files_signature(folder: Path) -> list[list[object]]:
    entries = []
    try:
        with os.scandir(folder) as found:
            for entry in found:
                name = entry.name
                if not is_deck_file_name(name) or entry.is_dir():  # as decks.folder.deck_files
                    continue
                st = entry.stat()
                entries.append([name, st.st_size, st.st_mtime_ns])
    except OSError:
        return []
    return sorted(entries)


def progress_signature(database: Path) -> list[object] | None:
    """What the counts depend on in the progress file; None when it cannot be read.

    The review log only grows (undo removes the last row, which changes its last id), and
    the other ways counts change — bury, suspend, refitted parameters, another profile —
    are summed here. Read with a read-only connection: nothing is created or locked.
    """
    if not database.is_file():
        return None
    import sqlite3  # ~3 ms; only this cheap query needs it before the workspace opens

    try:
        db = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = db.execute(
            "SELECT (SELECT value FROM meta WHERE key = 'last_profile'),"
            " (SELECT max(id) FROM reviews),"
            " (SELECT seq FROM sqlite_sequence WHERE name = 'reviews'),"
            " (SELECT count(*) FROM cards WHERE suspended OR buried_until_ms IS NOT NULL),"
            " (SELECT total(buried_until_ms) FROM cards WHERE buried_until_ms IS NOT NULL),"
            " (SELECT group_concat(id || ':' || coalesce(fsrs_parameters, ''), ';') FROM profiles)"
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        db.close()
    return list(row)


def cache_key(
    decks: Path, database: Path, profile: str | None, settings: object, study_day: str
) -> dict[str, object] | None:
    """Everything the rows depend on. `profile` None: the profile the app will choose (the
    last one used, else "default"). None when the progress file cannot be read."""
    progress = progress_signature(database)
    if progress is None:
        return None
    chosen = profile or (progress[0] if isinstance(progress[0], str) else None) or "default"
    return {
        "format": FORMAT,
        # The folders themselves: two copies of a deck folder can have identical files.
        "where": [str(decks.absolute()), str(database.absolute())],
        "profile": chosen,
        "day": study_day,
        "settings": repr(settings),
        "decks": deck_files_signature(decks),
        "progress": progress,
    }


def load(cache_dir: Path, key: dict[str, object] | None) -> Glance | None:
    """The rows saved under exactly this key, or None."""
    if key is None:
        return None
    try:
        with open(cache_dir / FILE_NAME, "rb") as file:
            data = json.loads(file.read(1 << 20))
        if data.get("key") != key:
            return None
        return Glance(
            data["profile"],
            [DeckRow(*row) for row in data["rows"]],
            int(data["reviewed_today"]),
            int(data["streak"]),
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # missing, stale or damaged: the workspace fills the screen in a moment


def save(cache_dir: Path, key: dict[str, object] | None, glance: Glance) -> None:
    if key is None:
        return
    data = {
        "key": key,
        "profile": glance.profile,
        "rows": [list(row) for row in glance.rows],
        "reviewed_today": glance.reviewed_today,
        "streak": glance.streak,
    }
    target = cache_dir / FILE_NAME
    temporary = target.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        # A cache that cannot be written only costs the next launch its head start.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
