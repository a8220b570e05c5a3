"""The title of a card's source document, for the "Source:" line a student reads.

"Source: 004_0090684c75a18b22.txt, line 148" names nothing a student knows. A scraped or
hand-written document starts with its title (the seeds do, and so does an article pasted
into a text file), so its first line that is not blank stands in, when it is short enough
to be a title; else the file name stays. The file name and line remain where teachers look
for them: `o` (the source viewer) and the author screen.

Domain code, so that the line mode (`study --plain`) says what the review screen says
without importing the UI.
"""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.decks.model import Card
from caucasusquiz.decks.sources import read_source, source_folders
from caucasusquiz.paths import Locations
from caucasusquiz.text import strip_forbidden

# Longer than this, the first line is a paragraph, not a title.
MAX_TITLE_CHARS = 90


# A title line ending in one of these is complete: what follows is another part (the
# publication after "TITLE -", a subtitle after "TITLE:").
TITLE_ENDS = ("-", "–", "—", ":", "|", ".", "!", "?")


def _is_capitals(words: str) -> bool:
    letters = [c for c in words if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def title_of(text: str) -> str | None:
    """The document's first non-blank line, spaces folded, when it reads as a title.

    A scrape breaks a long capitals headline across lines ("US AND AZERBAIJAN FOCUS ON
    COMMON" / "INTERESTS RATHER THAN DISAGREEMENTS -", new-user trial 6): the capitals
    lines right below an unfinished capitals line are joined to it. A title that grows too
    long by that is shortened at a word with an ellipsis, never cut silently."""
    lines = iter(text.splitlines())
    first = next((words for line in lines if (words := " ".join(line.split()))), "")
    if not first or len(first) > MAX_TITLE_CHARS:
        return None  # no text, or a paragraph rather than a title
    title = first
    if _is_capitals(first):
        for line in lines:
            words = " ".join(line.split())
            if title.endswith(TITLE_ENDS) or not _is_capitals(words):
                break
            title = f"{title} {words}"
    title = title.rstrip(" -–—:|")
    if len(title) > MAX_TITLE_CHARS:
        title = title[: title.rfind(" ", 0, MAX_TITLE_CHARS)].rstrip(" -–—:|,;") + "…"
    return strip_forbidden(title)


def source_words(card: Card, title: str | None = None) -> str:
    """Where the fact comes from, in one line ("" when the card names no source): the
    document's title when it is known, else its file name; then the line."""
    if not card.source:
        return ""
    document = title or card.source_file
    where = f"{document}, line {card.source_line}" if card.source_line else (title or card.source)
    return f"Source: {strip_forbidden(where)}"


class DocumentTitles:
    """Titles read once per document and deck (a deck's own `documents:` folder may hold
    another file of the same name), kept while the app or a session runs."""

    def __init__(self) -> None:
        self._titles: dict[tuple[str, str], str | None] = {}
        self._lines: dict[tuple[str, str], list[str] | None] = {}

    def source_line(
        self, card: Card, locations: Locations, documents: tuple[Path, ...], served: bool
    ) -> str | None:
        """The text of the card's source line, for a card without `context:`: a hand-written
        true/false card "became a republic in 1789 → false" never showed the 1791 of its
        source. None when the document or the line is not there, or the line is blank."""
        name, number = card.source_file, card.source_line
        if not name or not number:
            return None
        key = (card.deck_id, name)
        if key not in self._lines:
            folders = source_folders(locations.seeds, locations.decks, served)
            document = read_source(name, folders, () if served else documents)
            self._lines[key] = strip_forbidden(document.text).splitlines() if document is not None else None
        lines = self._lines[key]
        if lines is None or not 1 <= number <= len(lines):
            return None
        return " ".join(lines[number - 1].split()) or None

    def for_card(
        self, card: Card, locations: Locations, documents: tuple[Path, ...], served: bool
    ) -> str | None:
        name = card.source_file
        if not name:
            return None
        key = (card.deck_id, name)
        if key not in self._titles:
            folders = source_folders(locations.seeds, locations.decks, served)
            document = read_source(name, folders, () if served else documents)
            self._titles[key] = title_of(document.text) if document is not None else None
        return self._titles[key]
