"""The lines of a source document around a card's source line, for judging a draft in context."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz.decks.model import Card
from caucasusquiz.decks.sources import read_source
from caucasusquiz.text import strip_forbidden


@dataclass(frozen=True, slots=True)
class SourceLine:
    number: int
    text: str
    is_source: bool


def document_lines(
    folders: Iterable[Path | None], name: str, documents: Iterable[Path] = ()
) -> list[str] | None:
    """The document's lines, or None when it is not in the allowed folders (see
    `decks.sources`: never outside them, whatever the card's `source` says) or too large."""
    document = read_source(name, folders, documents)
    return None if document is None else strip_forbidden(document.text).splitlines()


def excerpt(
    seeds: Path | Iterable[Path | None] | None, card: Card, around: int = 1, documents: Iterable[Path] = ()
) -> list[SourceLine]:
    """The source line and up to `around` non-blank lines on each side; empty when unknown.
    `seeds`: the folder (or folders) sources are looked for in; `documents`: the deck's own."""
    name, number = card.source_file, card.source_line
    if not name or not number:
        return []
    folders = [seeds] if seeds is None or isinstance(seeds, Path) else list(seeds)
    lines = document_lines(folders, name, documents)
    if lines is None or not 1 <= number <= len(lines):
        return []
    index = number - 1
    before = [i for i in range(index - 1, -1, -1) if lines[i].strip()][:around]
    after = [i for i in range(index + 1, len(lines)) if lines[i].strip()][:around]
    rows = sorted([*before, index, *after])
    return [SourceLine(i + 1, lines[i], i == index) for i in rows]
