"""Inline wiki-link previews: `Woodrow Wilson Thomas Woodrow Wilson (December 28, 1856…) was … ...`.

Some scraped wikis put each link on a line of its own: the link text, then a preview of
the linked article (its title, then its first sentences) cut off with ` ...`. The
sentence the link belongs to goes on on the next line. We keep the link text only.

Where does the link text end? The preview opens by restating the linked article's title
("Kosovo Kosovo (", "United States The United States of America"), so we try every
split and keep the one whose link words best match the preview's opening title words.
"""

from __future__ import annotations

import re
import unicodedata

from caucasusquiz.text import fold

# A preview is cut mid-word or mid-sentence and ends with " ..."; a real ellipsis in
# prose follows a word directly.
_PREVIEW_END = re.compile(r"\s\.\.\.\s*$")
MIN_PREVIEW_CHARS = 60
MAX_LINK_WORDS = 10

# Words a preview's title may start with. "Events" opens every year article.
_OPENERS = frozenset({"the", "a", "an", "events"})
_STOP = frozenset(
    {"the", "a", "an", "of", "and", "or", "for", "in", "on", "to", "at", "by", "jr", "sr", "ii", "iii"}
)
_TITLE_END = re.compile(r"^(?:is|was|are|were|refers|may|has|had)$")


# Other wikis put the preview on a line of its own after the link's line: the linked
# article's first sentences, a definition of its title, cut off with "..." glued to a word.
_GLOSS_END = re.compile(r"[\w,;)]\.\.\.\s*$|[\w,;)]…\s*$")
_DEFINITION = re.compile(
    r"^(?:The\s+)?[A-ZÀ-Þ][\w'’-]*(?:\s+(?:[A-ZÀ-Þ][\w'’-]*|of|and|the|de))*\s*"
    r"(?:,[^,]{1,80},\s*)?(?:is|are|was|were)\s+(?:a|an|the)\b"
)


def is_gloss_line(line: str) -> bool:
    """A linked word's definition on a line of its own, cut off with "...": "The Atlantic
    Ocean is the second-largest of the world's oceanic divisions. With … area..."."""
    line = line.strip()
    return len(line) >= MIN_PREVIEW_CHARS and bool(_GLOSS_END.search(line)) and bool(_DEFINITION.match(line))


def is_preview_line(line: str) -> bool:
    return len(line.strip()) >= MIN_PREVIEW_CHARS and bool(_PREVIEW_END.search(line))


def link_text(line: str) -> str:
    """The link text at the start of a preview line."""
    words = _PREVIEW_END.sub("", line).split()
    best: tuple[float, int, int] | None = None
    for k in range(1, min(len(words), MAX_LINK_WORDS + 1)):
        link, rest = words[:k], words[k:]
        if _fold(link[-1]) in _STOP or link[-1].endswith("("):
            continue  # a link text does not end with "the" or an open bracket
        if any(not _fold(w) for w in link) or any(w in ("The", "A", "An") for w in link[1:]):
            continue  # "*" or a capitalised article inside it: the preview has begun
        score = _score(link, rest)
        opener = 1 if _fold(rest[0]) in _OPENERS else 0
        candidate = (score, opener, -k)
        if best is None or candidate > best:
            best = candidate
    k = -best[2] if best else 1
    return " ".join(words[:k]).rstrip(",;")


def _score(link: list[str], rest: list[str]) -> float:
    """How well the link words match the title words that open the preview."""
    link_tokens = [t for w in link for t in _tokens(w)]
    title_tokens = _title_tokens(rest)
    if not link_tokens:
        return -9.0
    matched = sum(1 for t in dict.fromkeys(link_tokens) if any(_same(t, u) for u in title_tokens))
    unmatched_link = len(dict.fromkeys(link_tokens)) - matched
    unmatched_title = sum(1 for u in dict.fromkeys(title_tokens) if not any(_same(t, u) for t in link_tokens))
    score = matched - 0.5 * unmatched_link - 0.5 * unmatched_title
    # "Azerbaijan SSR Azerbaijan (": a preview title does not start with a bare acronym
    # followed by other words, but a link text often ends with one.
    first = rest[0].strip(",.;()")
    if (
        len(first) >= 2
        and first.isupper()
        and first.isalpha()
        and len(rest) > 1
        and not rest[1].startswith("(")
    ):
        score -= 0.3
    # An exact restatement ("Section 907 Section 907 of ...") is the strongest sign.
    start = 1 if _fold(rest[0]) in _OPENERS else 0
    if [_fold(w) for w in rest[start : start + len(link)]] == [_fold(w) for w in link]:
        score += 2.0
    return score


def _title_tokens(rest: list[str]) -> list[str]:
    """Tokens of the preview's title: up to "(", a comma, or "is/was", plus one alias in brackets."""
    tokens: list[str] = []
    for i, word in enumerate(rest[:10]):
        if word.startswith("("):
            alias = word.strip("(),;. ")
            if alias:
                tokens.extend(_tokens(alias))
            break
        if _TITLE_END.match(word.lower()) or word.startswith("*"):
            break
        tokens.extend(_tokens(word))
        if word.endswith((",", ";", ")")) or (i and word.endswith(".") and len(word) > 3):
            break
    return tokens


def _fold(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(word))


def _tokens(word: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    if folded.replace(".", "") in ("us", "usa"):
        return ["united", "states"]
    return [t for t in re.findall(r"[a-z0-9]+", folded) if len(t) > 1 and t not in _STOP]


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 3 and longer.startswith(shorter):
        return True  # Ray / Raymond, Bush / BushSince
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= 5  # defense / defence
