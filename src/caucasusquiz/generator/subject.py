"""What a document is about, found from the document: never asked as an answer.

"Which country …? — Azerbaijan" teaches nothing in a deck on Azerbaijan. A document's
subject is every name in its title ("Norway–Chile relations" → Norway, Chile) and every
name that appears in a large share of its sentences. Nothing here knows any country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from caucasusquiz.generator.clean import Block
from caucasusquiz.generator.entities import Mention, canonical_of, fold

TITLE_WORDS = 14
SHARE = 0.25  # a name in a quarter of the sentences is what the document is about
MIN_COUNT = 4
_NAME_RUN = re.compile(r"[A-ZÀ-ÖØ-Þİ][\w'’.]*(?:\s+(?:of\s+|the\s+)?[A-ZÀ-ÖØ-Þİ][\w'’.]*)*")
_TITLE_FILLER = frozenset(
    "relations relationship ties history the and of in on a an between with to its".split()
)


def title_of(blocks: list[Block], fallback: str) -> str:
    """The document's title: its first short line without a final period, else `fallback`."""
    for block in blocks[:3]:
        text = block.text.strip()
        if 0 < len(text.split()) <= TITLE_WORDS and not text.endswith((".", ":", "?")):
            return text
    return fallback


def title_names(title: str) -> set[str]:
    """Canonical names in a title: "Azerbaijan–United States relations" → azerbaijan, united states."""
    names: set[str] = set()
    for part in re.split(r"\s*[–—/]\s*|\s+-\s+|-(?=[A-Z])|\s+and\s+|:\s*", title):
        for run in _NAME_RUN.findall(part):
            words = [w for w in run.split() if w.lower().strip(".'’") not in _TITLE_FILLER]
            if words:
                name = " ".join(words).rstrip(".'’s")
                names.add(canonical_of(name))
                names.add(fold(name))
    names.discard("")
    return names


def frequent_names(mentions_per_sentence: Iterable[list[Mention]]) -> set[str]:
    """Names that occur in at least SHARE of the sentences (and MIN_COUNT times)."""
    counts: Counter[str] = Counter()
    sentences = 0
    for mentions in mentions_per_sentence:
        sentences += 1
        counts.update({m.canonical for m in mentions if m.kind not in ("date", "year", "number")})
    return {name for name, n in counts.items() if n >= MIN_COUNT and n >= SHARE * sentences}
