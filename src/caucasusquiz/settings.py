"""Study settings: Anki-like defaults, optionally changed in a small TOML file.

The file is read, never written, by the app; a mistake in it is reported with the file,
the line and what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import timedelta
from pathlib import Path
from typing import Any, Final, Literal

from caucasusquiz.errors import UserError
from caucasusquiz.files import UnreadableFile, read_regular_file

MAX_SETTINGS_BYTES = 64 * 1024
# Steps are minutes to days: a step longer than the longest interval makes no sense, and
# timedelta overflows near 3 million days ("99999999999d" crashed the scheduler).
MAX_STEP = timedelta(days=365)
# desired_retention = "auto": the retention that costs the least time per card memorised,
# computed from the profile's fitted parameters (study.refit); 0.9 until they are fitted.
AUTO: Final = "auto"

EXAMPLE = """\
# caucasusquiz settings (all optional; these are the defaults)
[study]
new_per_day = 20          # new cards introduced per day
reviews_per_day = 200     # reviews shown per day
day_starts_at = 4         # hour (local time) when a new study day begins, as in Anki

[scheduler]
desired_retention = "auto"  # share of due cards you want to still know; "auto": fitted to you
learning_steps = ["1m", "10m"]
relearning_steps = ["10m"]
maximum_interval_days = 36500
fuzz = true               # spread due dates a little so cards learnt together don't stay together
leech_threshold = 8       # lapses before a card is tagged as a leech

[ui]
theme = "textual-dark"    # any Textual theme, e.g. "textual-light", "ansi-dark", "ansi-light", "nord"
"""


@dataclass(frozen=True)
class Settings:
    new_per_day: int = 20
    reviews_per_day: int = 200
    day_starts_at: int = 4
    desired_retention: float | Literal["auto"] = AUTO
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval_days: int = 36500
    fuzz: bool = True
    leech_threshold: int = 8
    theme: str = "textual-dark"
    # Learning cards due within this window are shown early when nothing else is left (Anki: 20 min).
    learn_ahead: timedelta = field(default=timedelta(minutes=20))

    @property
    def fixed_retention(self) -> float | None:
        """The desired retention set as a number; None for "auto"."""
        return None if self.desired_retention == AUTO else float(self.desired_retention)


_SECTIONS: dict[str, tuple[str, ...]] = {
    "study": ("new_per_day", "reviews_per_day", "day_starts_at"),
    "scheduler": (
        "desired_retention",
        "learning_steps",
        "relearning_steps",
        "maximum_interval_days",
        "fuzz",
        "leech_threshold",
    ),
    "ui": ("theme",),
}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "": "minutes", "h": "hours", "d": "days"}


def load_settings(path: Path) -> Settings:
    """Settings from `path`, or the defaults when the file does not exist."""
    try:
        # utf-8-sig: Windows Notepad starts UTF-8 files with a byte-order mark.
        text = read_regular_file(path, MAX_SETTINGS_BYTES).decode("utf-8-sig")
    except UnreadableFile as exc:
        if exc.missing:
            return Settings()
        raise UserError(f"{path}: cannot read the settings file: {exc.reason}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: the settings file is not UTF-8 text", "save it as UTF-8") from None
    import tomllib  # deferred: most people never write a settings file

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: {exc}", "see `caucasusquiz docs settings` for the format") from None
    return _parse(raw, path, text)


def _parse(raw: dict[str, Any], path: Path, text: str) -> Settings:
    changes: dict[str, Any] = {}  # each value is checked against its field by _convert
    for section, values in raw.items():
        if section not in _SECTIONS:
            raise _error(
                path,
                text,
                section,
                f"unknown section [{section}]",
                f"sections are: {', '.join(f'[{s}]' for s in _SECTIONS)}",
            )
        if not isinstance(values, dict):
            raise _error(path, text, section, f"`{section}` must be a section: [{section}]")
        for key, value in values.items():
            if key not in _SECTIONS[section]:
                raise _error(
                    path,
                    text,
                    key,
                    f"unknown setting `{key}` in [{section}]",
                    f"settings in [{section}]: {', '.join(_SECTIONS[section])}",
                )
            changes[key] = _convert(key, value, path, text)
    settings = Settings(**changes)
    _validate(settings, path, text)
    return settings


def _convert(key: str, value: object, path: Path, text: str) -> object:
    expected = {f.name: f.type for f in fields(Settings)}[key]
    if key == "desired_retention" and isinstance(value, str):
        if value.strip().lower() != AUTO:
            raise _error(path, text, key, f'`{key}` must be a number such as 0.9, or "auto"')
        return AUTO
    if key.endswith("_steps"):
        if not isinstance(value, list):
            raise _error(path, text, key, f'`{key}` must be a list such as ["1m", "10m"]')
        return tuple(_duration(item, key, path, text) for item in value)
    if expected == "str":
        if not isinstance(value, str) or not value.strip():
            raise _error(path, text, key, f"`{key}` must be a name in quotes")
        return value.strip()
    if expected == "bool":
        if not isinstance(value, bool):
            raise _error(path, text, key, f"`{key}` must be true or false")
        return value
    if expected == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _error(path, text, key, f"`{key}` must be a whole number")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _error(path, text, key, f"`{key}` must be a number")
    return float(value)


def _duration(item: object, key: str, path: Path, text: str) -> timedelta:
    match = _DURATION.match(str(item)) if isinstance(item, str | int | float) else None
    if match is None or isinstance(item, bool):
        raise _error(
            path,
            text,
            key,
            f"`{key}`: {item!r} is not a duration",
            'write durations like "30s", "10m", "1h" or "1d"',
        )
    amount, unit = float(match.group(1)), match.group(2)
    try:
        return timedelta(**{_UNITS[unit]: amount})
    except OverflowError:  # beyond timedelta's 999,999,999 days: far past any sensible step
        return timedelta.max


def _validate(s: Settings, path: Path, text: str) -> None:
    checks = [
        ("new_per_day", 0 <= s.new_per_day <= 9999, "between 0 and 9999"),
        ("reviews_per_day", 0 <= s.reviews_per_day <= 99999, "between 0 and 99999"),
        ("day_starts_at", 0 <= s.day_starts_at <= 23, "an hour from 0 to 23"),
        (
            "desired_retention",
            s.fixed_retention is None or 0.7 <= s.fixed_retention <= 0.99,
            'between 0.70 and 0.99, or "auto"',
        ),
        ("maximum_interval_days", 1 <= s.maximum_interval_days <= 36500, "between 1 and 36500"),
        ("leech_threshold", 1 <= s.leech_threshold <= 99, "between 1 and 99"),
        (
            "learning_steps",
            all(timedelta(0) < step <= MAX_STEP for step in s.learning_steps),
            "longer than 0 and at most 365 days",
        ),
        (
            "relearning_steps",
            all(timedelta(0) < step <= MAX_STEP for step in s.relearning_steps),
            "longer than 0 and at most 365 days",
        ),
    ]
    for key, ok, rule in checks:
        if not ok:
            raise _error(path, text, key, f"`{key}` must be {rule}")


def _error(path: Path, text: str, key: str, message: str, hint: str | None = None) -> UserError:
    line = next(
        (n for n, row in enumerate(text.splitlines(), 1) if re.match(rf"\s*\[?\s*{re.escape(key)}\b", row)), 1
    )
    return UserError(f"{path}:{line}: {message}", hint or "see `caucasusquiz docs settings`")
