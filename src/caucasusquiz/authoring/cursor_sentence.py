"""The sentence under the cursor in a source document, as the generator reads the document.

A line of a document is not a sentence: a paragraph may sit on one line, and a scraped wiki
article breaks its sentences at every link, each link's line followed by a preview of the
linked page (`Woodrow Wilson Thomas Woodrow Wilson (December 28, 1856…) was … ...`). The
document is cleaned as the generator cleans it (`generator.clean`: previews reduced to
their link text, the lines of one paragraph joined, furniture dropped) and split into
sentences as the generator splits them (`generator.sentences`, which knows "U.S." and
"Sen."); the sentence holding the cursor is the one a card would be made from.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from caucasusquiz.generator.clean import LONG_LINE, clean_document
from caucasusquiz.generator.documents import Document
from caucasusquiz.generator.previews import is_preview_line
from caucasusquiz.generator.rewrite import normalise
from caucasusquiz.generator.sentences import split_sentences


def sentence_under_cursor(lines: Sequence[str], row: int, column: int) -> str | None:
    """The sentence at (`row`, `column`) (both from 0) of a document shown as `lines`; None
    when the document around the cursor is no prose (the caller then reads the line alone)."""
    if not 0 <= row < len(lines) or not lines[row].strip() or len(lines[row]) > LONG_LINE:
        return None
    return _in_cleaned_document(lines, row, column)


def _in_cleaned_document(lines: Sequence[str], row: int, column: int) -> str | None:
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
        raw = lines[row]
        if is_preview_line(raw.strip()):
            offset = start  # on a link's preview: the link is in the sentence, not the preview
        else:
            offset = min(start + max(0, column - (len(raw) - len(raw.lstrip()))), end - 1)
        spans = split_sentences(block.text)
        span = next((span for span in spans if offset < span.end), spans[-1] if spans else None)
        return normalise(block.text[span.start : span.end]) if span else None
    return None  # furniture, a heading: not prose the generator would read
