"""The sentence under the cursor in a source document, as the generator reads the document.

A line of a document is not a sentence: a paragraph may sit on one line, and a scraped wiki
article breaks its sentences at every link, each link's line followed by a preview of the
linked page (`Woodrow Wilson Thomas Woodrow Wilson (December 28, 1856…) was … ...`). The
document is cleaned as the generator cleans it (`generator.clean`: previews reduced to
their link text, the lines of one paragraph joined, furniture dropped) and split into
sentences as the generator splits them (`generator.sentences`, which knows "U.S." and
"Sen."); the sentence holding the cursor is the one a card would be made from.

`sentences_on_line` reads a whole line this way with one cleaning of its paragraph: the
source viewer weighs every sentence of a card's line, and cleaning the paragraph again for
each word cost a quarter of a second on a 152-word line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz.generator.clean import LONG_LINE, clean_document
from caucasusquiz.generator.documents import Document
from caucasusquiz.generator.previews import is_preview_line
from caucasusquiz.generator.rewrite import normalise
from caucasusquiz.generator.sentences import Span, split_sentences

# Where a sentence of one line ends, for a line the generator would not read as prose.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9İ])")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class LineSentence:
    """A sentence on a line: from its first word's column on the line to its last word's end."""

    start: int
    end: int
    sentence: str


def sentence_under_cursor(lines: Sequence[str], row: int, column: int) -> str | None:
    """The sentence at (`row`, `column`) (both from 0) of a document shown as `lines`; None
    when the document around the cursor is no prose (the caller then reads the line alone)."""
    prose = _ProseLine.read(lines, row)
    return None if prose is None else prose.sentence_at(column)


def sentence_of_line(line: str, column: int) -> str:
    """The sentence at `column` of `line` read alone, split where a sentence visibly ends."""
    return _LineAlone(line).sentence_at(column)


def sentences_on_line(lines: Sequence[str], row: int) -> list[LineSentence]:
    """Every sentence on line `row` (from 0) of the document's `lines`, in order, each with
    the columns its words take on the line: at each word, the sentence `sentence_under_cursor`
    finds there (or, where that finds none, the line's own sentence there), with the paragraph
    cleaned once for the whole line."""
    if not 0 <= row < len(lines):
        return []
    line = lines[row]
    prose = _ProseLine.read(lines, row)
    alone: _LineAlone | None = None
    found: list[LineSentence] = []
    for word in _WORD.finditer(line):
        sentence = prose.sentence_at(word.start()) if prose is not None else None
        if not sentence:
            alone = alone or _LineAlone(line)
            sentence = alone.sentence_at(word.start())
        if found and found[-1].sentence == sentence:
            found[-1] = LineSentence(found[-1].start, word.end(), sentence)
        else:
            found.append(LineSentence(word.start(), word.end(), sentence))
    return found


class _LineAlone:
    """A line's sentences by its visible sentence ends, found once."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.ends: list[int] = []  # a sentence ends before each of these columns
        self.sentences: list[str] = []
        start = 0
        for match in SENTENCE_END.finditer(line):
            self.ends.append(match.end())
            self.sentences.append(line[start : match.start() + len(match.group(0).rstrip())].strip())
            start = match.end()
        self.rest = line[start:].strip()

    def sentence_at(self, column: int) -> str:
        index = bisect.bisect_right(self.ends, column)
        return self.sentences[index] if index < len(self.sentences) else self.rest


class _ProseLine:
    """A line of prose within its cleaned paragraph: the paragraph's text, where the line's
    words are in it, and the paragraph's sentences."""

    def __init__(self, raw: str, text: str, start: int, end: int) -> None:
        self.raw = raw
        self.text = text
        self.start = start  # the line's first character in the cleaned text
        self.end = end  # where the next line starts in it
        self.on_preview = is_preview_line(raw.strip())
        self.indent = len(raw) - len(raw.lstrip())
        self.spans: list[Span] = split_sentences(text)
        self._normalised: dict[int, str] = {}

    @classmethod
    def read(cls, lines: Sequence[str], row: int) -> _ProseLine | None:
        """None when the line is blank, too long to be prose, or not read as prose (furniture, a
        heading)."""
        if not 0 <= row < len(lines) or not lines[row].strip() or len(lines[row]) > LONG_LINE:
            return None
        # Only the paragraph around the cursor matters: from the blank line before it to the one after.
        first = row
        while first > 0 and lines[first - 1].strip():
            first -= 1
        last = row
        while last + 1 < len(lines) and lines[last + 1].strip():
            last += 1
        paragraph = tuple(lines[first : last + 1])
        for block in clean_document(Document("cursor", Path("cursor"), paragraph)).blocks:
            anchors = [(offset, first + line - 1) for offset, line in block.anchors]
            starts = [offset for offset, at in anchors if at == row]
            if not starts:
                continue
            start = starts[0]
            end = next((offset for offset, at in anchors if offset > start), len(block.text))
            return cls(lines[row], block.text, start, end)
        return None

    def sentence_at(self, column: int) -> str | None:
        if self.on_preview:
            offset = self.start  # on a link's preview: the link is in the sentence, not the preview
        else:
            offset = min(self.start + max(0, column - self.indent), self.end - 1)
        index = next((i for i, span in enumerate(self.spans) if offset < span.end), len(self.spans) - 1)
        if index < 0 or (offset < self.spans[index].start and self._dropped(column, offset)):
            return None
        if index not in self._normalised:
            span = self.spans[index]
            self._normalised[index] = normalise(self.text[span.start : span.end])
        return self._normalised[index]

    def _dropped(self, column: int, offset: int) -> bool:
        # Text the cleaning blanked out between two sentences (a citation glued onto one:
        # "Azerbaijan.”Toner, Mark C. “Sentencing…” … .htm."; blanking keeps the offsets) is in
        # neither: read as the start of the next one, it made the highlight start words early.
        if self.on_preview or not 0 <= offset < len(self.text) or not 0 <= column < len(self.raw):
            return False
        return self.text[offset].isspace() and not self.raw[column].isspace()


@dataclass(frozen=True, slots=True)
class SentenceAt:
    """A sentence found by moving from the cursor: the line (from 0) and columns of its first words."""

    row: int
    start: int
    end: int


def next_sentence(lines: Sequence[str], row: int, column: int) -> SentenceAt | None:
    """The sentence after the one at (`row`, `column`): later on the line, else the first of
    the next lines. A sentence that runs on over the next lines (a wiki link's preview, a
    paragraph broken across lines) is passed over whole. None at the document's end."""
    here = _containing(sentences_on_line(lines, row), column)
    for at, found in _pieces(lines, row, column, forward=True):
        if found is None:
            here = None  # a blank line: what follows is another sentence, even if worded alike
        elif here is None or found.sentence != here.sentence:
            return SentenceAt(at, found.start, found.end)
    return None


def previous_sentence(lines: Sequence[str], row: int, column: int) -> SentenceAt | None:
    """The start of the sentence at (`row`, `column`) when the cursor is past it, else of the
    sentence before it; where a sentence runs over several lines, its first words. None at
    the document's start."""
    start: SentenceAt | None = None
    sentence = ""
    for at, found in _pieces(lines, row, column, forward=False):
        if found is None:
            if start is not None:
                return start
        elif start is None or found.sentence == sentence:
            start, sentence = SentenceAt(at, found.start, found.end), found.sentence
        else:
            return start
    return start


def _pieces(
    lines: Sequence[str], row: int, column: int, *, forward: bool
) -> Iterator[tuple[int, LineSentence | None]]:
    """The pieces of sentences after (or before) the cursor, line by line; None for a blank line.
    Backwards, the piece the cursor is in counts when the cursor is past its start."""
    rows = range(row, len(lines)) if forward else range(row, -1, -1)
    for at in rows:
        on_line = sentences_on_line(lines, at)
        if not on_line and at != row:
            yield at, None
        if at == row:
            on_line = [f for f in on_line if (f.start > column if forward else f.start < column)]
        for found in on_line if forward else reversed(on_line):
            yield at, found


def _containing(on_line: Sequence[LineSentence], column: int) -> LineSentence | None:
    return next((found for found in on_line if found.start <= column < found.end), None)
