"""The lines of a seed document around a card's source line, for judging a draft in context."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from caucasusquiz.decks.model import Card
from caucasusquiz.text import strip_forbidden

MAX_DOCUMENT_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceLine:
    number: int
    text: str
    is_source: bool


def document_lines(seeds: Path | None, name: str) -> list[str] | None:
    """The document's lines, or None when it is not in the seeds folder (or too large)."""
    if seeds is None:
        return None
    path = seeds / name
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            return None
        return strip_forbidden(path.read_text(encoding="utf-8", errors="replace")).splitlines()
    except OSError:
        return None


def excerpt(seeds: Path | None, card: Card, around: int = 1) -> list[SourceLine]:
    """The source line and up to `around` non-blank lines on each side; empty when unknown."""
    name, number = card.source_file, card.source_line
    if not name or not number:
        return []
    lines = document_lines(seeds, name)
    if lines is None or not 1 <= number <= len(lines):
        return []
    index = number - 1
    before = [i for i in range(index - 1, -1, -1) if lines[i].strip()][:around]
    after = [i for i in range(index + 1, len(lines)) if lines[i].strip()][:around]
    rows = sorted([*before, index, *after])
    return [SourceLine(i + 1, lines[i], i == index) for i in rows]
