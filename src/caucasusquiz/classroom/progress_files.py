"""Progress files: one profile's reviews and card states as JSON, to gather a class's
progress from several machines into one report, or to restore a backup.

The file is what `caucasusquiz export progress` writes (format 1). Reading checks every
field before anything is written: a damaged or foreign file is refused whole, with the
file name and what is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from caucasusquiz.errors import UserError
from caucasusquiz.files import UnreadableFile, read_regular_file
from caucasusquiz.profiles import validate_name
from caucasusquiz.store.database import CardKey, CardProgress, ReviewRow

# A profile's export is a few MB even after years of study; anything far larger is not one.
MAX_PROGRESS_FILE_BYTES = 256 * 1024 * 1024

FORMAT = 1
_REVIEW_FIELDS = {
    "deck_id": str,
    "card_id": str,
    "reviewed_ms": int,
    "grade": int,
    "state_before": int,
}


@dataclass(frozen=True)
class ProgressFile:
    path: Path
    profile: str
    reviews: list[ReviewRow]
    cards: dict[CardKey, CardProgress]


def read_progress_file(path: Path) -> ProgressFile:
    def refuse(what: str) -> UserError:
        return UserError(
            f"{path}: {what}; nothing was imported",
            "give a file written by `caucasusquiz progress export` (or `export progress`)",
        )

    try:
        text = read_regular_file(path, MAX_PROGRESS_FILE_BYTES).decode("utf-8")
    except UnreadableFile as exc:
        raise UserError(f"cannot read {path}: {exc.reason}") from None
    except UnicodeDecodeError:
        raise refuse("not a text file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise refuse(f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict) or not {"profile", "format", "reviews", "cards"} <= data.keys():
        raise refuse("not a caucasusquiz progress file (needs profile, format, reviews and cards)")
    if data["format"] != FORMAT:
        raise refuse(f"progress format {data['format']!r}; this caucasusquiz reads format {FORMAT}")
    if not isinstance(data["profile"], str):
        raise refuse("the profile name is not text")
    try:
        profile = validate_name(data["profile"])
    except UserError as exc:
        raise refuse(str(exc)) from None
    if not isinstance(data["reviews"], list) or not isinstance(data["cards"], list):
        raise refuse("reviews and cards must be lists")
    reviews = []
    for number, item in enumerate(data["reviews"], 1):
        if not isinstance(item, dict) or any(
            not isinstance(item.get(name), kind) or isinstance(item.get(name), bool)
            for name, kind in _REVIEW_FIELDS.items()
        ):
            raise refuse(f"review {number} is damaged (needs {', '.join(_REVIEW_FIELDS)})")
        if not 1 <= item["grade"] <= 4 or not 0 <= item["state_before"] <= 3:
            raise refuse(f"review {number} has a grade or state out of range")
        reviews.append(
            ReviewRow(
                0,
                item["deck_id"],
                item["card_id"],
                item["reviewed_ms"],
                item["grade"],
                _optional(item, "typed", str),
                _optional(item, "verdict", str),
                _optional(item, "duration_ms", int),
                item["state_before"],
                _optional(item, "elapsed_days", (int, float)),
                _optional(item, "interval_days", (int, float)),
            )
        )
    cards: dict[CardKey, CardProgress] = {}
    for number, item in enumerate(data["cards"], 1):
        try:
            key = (item.pop("deck"), item.pop("card"))
            if not all(isinstance(part, str) for part in key):
                raise TypeError
            progress = CardProgress.from_json(json.dumps(item))
            numbers = [getattr(progress.memory, f.name) for f in fields(progress.memory)][1:]
            if any(not isinstance(n, int | float | None) or isinstance(n, bool) for n in numbers):
                raise TypeError
            cards[key] = progress
        except (AttributeError, KeyError, TypeError, ValueError):
            raise refuse(f"card {number} is damaged") from None
    return ProgressFile(path, profile, reviews, cards)


def _optional(item: dict[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    value = item.get(name)
    return value if isinstance(value, kind) and not isinstance(value, bool) else None
