"""From raw lines to paragraphs of prose, each character traceable to its original line.

Line by line: furniture is dropped (with a reason), a wiki page's end matter ("See
also", "References", …) is cut off, link previews are reduced to their link text, and
the lines that belong to one paragraph are joined again. The result is a list of
`Block`s; `Block.line_at(offset)` gives the 1-based line in the original seed file.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from caucasusquiz.generator.dates import MONTH
from caucasusquiz.generator.documents import Document
from caucasusquiz.generator.furniture import furniture_reason, is_end_matter
from caucasusquiz.generator.previews import is_gloss_line, is_preview_line, link_text

_BULLET = re.compile(r"^\s*(?:[•▪◦·‣*⁍⁌◆◇■□●○►▶➢➤✓✔❖✦★☆→]|-(?=\s))\s*")
# A fragment that glues onto the previous one without a space ("Baku" + ", the capital").
_GLUE_START = re.compile(r"^(?:[,.;:)\]!?%]|'s\b|’s\b|-)")
_LOWER_START = re.compile(r"^[a-z(\"“]")
_DANGLING_END = re.compile(
    r"(?:\b(?:the|a|an|of|in|on|at|to|for|and|or|by|with|from|between|"
    r"as|that|his|her|their|its|then)|,)$"
)
# Joined paragraphs of scraped pages: sentence boundaries glued without a space
# ("nation.Melia, Thomas O. …", "region.Azerbaijan American Priorities").
_GLUED_CITATION = re.compile(
    r"([a-z0-9][.!?][\"”“]?)([A-Z][A-Za-z'’-]+, [A-Z][^\n]{0,300}?https?://\S+?\.)(?=\s|$)"
)


# Wiki citation and note markers: "[12]", "[1][2]", "[citation needed]", "[a]", "[note 3]",
# "[lower-alpha 1]" (a list-style footnote), "[edit]". They become spaces (offsets stay);
# one that stands where a sentence ended without its period ("independence[3] In February")
# becomes the period.
_MARKER = re.compile(
    r"(?:\[(?:\d{1,4}|[a-z]{1,2}|note \d+|nb \d+|(?:lower|upper)-(?:alpha|roman|greek) \d+|"
    r"citation needed|clarification needed|"
    r"better source needed|dubious[^\]]{0,30}|when\?|who\?|which\?|according to whom\?|"
    r"edit|update|failed verification|page needed|full citation needed|unreliable source\??)\])+",
    re.IGNORECASE,
)

# A news page's dateline glued before its first sentence: "date 2021-12-16 Australia has signed
# …", "Published: 3 March 2021 Lune …", "Updated 2021-12-16T09:00Z". The words after it are
# the sentence; the dateline would become part of a question ("What did Date 2021-12-16 …").
_ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
_DATELINE = re.compile(
    rf"^(?:(?:date|dated|published|updated|posted|last updated|last modified|first published)"
    rf"(?:\s+on)?\s*:?\s*(?:{_ISO_DATE}|(?:\d{{1,2}}\s+)?{MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}})"
    rf"|{_ISO_DATE})\s*[|,;:–—-]?\s+(?=[A-Z\"“])",
    re.IGNORECASE,
)


def strip_markers(text: str) -> str:
    """Citation markers out, same length, a lost sentence end restored."""

    def blank(match: re.Match[str]) -> str:
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 3]
        width = len(match.group())
        if before.isalnum() and re.match(r"\s*[A-Z][a-z]", after):
            return "." + " " * (width - 1)
        return " " * width

    return _MARKER.sub(blank, text) if "[" in text else text


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of prose. `anchors` are (offset in text, original line), ascending."""

    doc: Document
    text: str
    anchors: tuple[tuple[int, int], ...]
    bullet: bool = False

    def line_at(self, offset: int) -> int:
        offsets = [a[0] for a in self.anchors]
        index = max(bisect.bisect_right(offsets, offset) - 1, 0)
        return self.anchors[index][1]


@dataclass(slots=True)
class CleanResult:
    blocks: list[Block] = field(default_factory=list)
    # Furniture dropped, counted by reason, in lines.
    dropped: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class _Fragment:
    text: str
    line: int
    preview: bool


def clean_document(doc: Document) -> CleanResult:
    result = CleanResult()
    paragraph: list[_Fragment] = []
    bullet = False

    def flush() -> None:
        nonlocal paragraph, bullet
        if paragraph:
            result.blocks.append(_join(doc, paragraph, bullet))
        paragraph, bullet = [], False

    for number, raw in _lines(doc):
        line = raw.strip()
        if not line:
            flush()
            continue
        if is_end_matter(line):
            # Everything from here on is lists of links and sources.
            flush()
            rest = sum(1 for x in doc.lines[number - 1 :] if x.strip())
            result.dropped["see also/references"] += rest
            break
        if is_preview_line(line):
            fragment = _Fragment(link_text(line), number, preview=True)
        elif is_gloss_line(line):
            # A linked word's definition on its own line ("The Atlantic Ocean is the
            # second-largest of …") teaches the linked article, not this one.
            result.dropped["link preview (a linked word's definition)"] += 1
            flush()
            continue
        else:
            reason = furniture_reason(line)
            if reason is not None:
                result.dropped[reason] += 1
                flush()
                continue
            starts_bullet = bool(_BULLET.match(raw))
            if starts_bullet:
                flush()
                line = _BULLET.sub("", raw).strip()
                bullet = True
            fragment = _Fragment(_DATELINE.sub("", line), number, preview=False)
        if paragraph and not _continues(paragraph[-1], fragment):
            flush()
        paragraph.append(fragment)
    flush()
    return result


LONG_LINE = 4000
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")


def _lines(doc: Document) -> Iterator[tuple[int, str]]:
    """The document's lines; a very long one (a whole article on one line) in sentences.

    Furniture is judged line by line, so one URL must not take a megabyte of prose with it.
    Each piece keeps the line number of the line it came from.
    """
    for number, raw in enumerate(doc.lines, start=1):
        if len(raw) <= LONG_LINE:
            yield number, raw
            continue
        for piece in _SENTENCE_GAP.split(raw):
            yield number, piece
            yield number, ""  # each piece its own paragraph


def _continues(previous: _Fragment, fragment: _Fragment) -> bool:
    """Does `fragment` go on the paragraph that `previous` ends (no blank line between)?"""
    if previous.preview or fragment.preview:
        return True  # a link's line and the lines around it are one sentence
    if _GLUE_START.match(fragment.text) or _LOWER_START.match(fragment.text):
        return True
    # A line ending mid-phrase ("… between the") goes on; a heading followed by prose doesn't.
    return bool(_DANGLING_END.search(previous.text))


def _join(doc: Document, fragments: list[_Fragment], bullet: bool) -> Block:
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    length = 0
    for fragment in fragments:
        text = fragment.text
        if parts and not _GLUE_START.match(text):
            parts.append(" ")
            length += 1
        anchors.append((length, fragment.line))
        parts.append(text)
        length += len(text)
    text = strip_markers("".join(parts))
    # Inline citations glued onto a sentence ("nation.Melia, Thomas O. “…” … https://….htm.")
    # are removed here, where offsets can still be kept: the removed span becomes spaces.
    text = _GLUED_CITATION.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    return Block(doc, text, tuple(anchors), bullet)
