"""Card ids: short, stable, readable, and never derived from a card's position."""

from __future__ import annotations

import hashlib
import re
import unicodedata

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")
ID_RULE = "letters, digits, - and _, starting with a letter or digit, at most 80 characters"

_STOPWORDS = frozenset(
    "a an the of in on at to for and or by with from as is was were be been that this these those "
    "which who whom whose what when where why how its it his her their they he she did do does "
    "has have had not but if so than then there into over under about after before during while "
    "also can will would should could".split()
)


def is_valid_id(card_id: str) -> bool:
    return bool(ID_PATTERN.match(card_id))


def slug_words(text: str, max_words: int = 4) -> str:
    """A few meaningful ASCII words of `text`, joined with dashes (`İlham` becomes `ilham`)."""
    folded = unicodedata.normalize("NFKD", text.replace("İ", "I").replace("ı", "i"))
    # Dots go first so that "U.S." becomes "us", not "u-s".
    ascii_text = folded.encode("ascii", "ignore").decode().lower().replace(".", "")
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in _STOPWORDS]
    return "-".join(words[:max_words]) or "card"


def content_id(text: str, taken: set[str] | frozenset[str] = frozenset(), max_words: int = 4) -> str:
    """An id made from the card's own words plus a short hash, unique among `taken`."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    base = slug_words(text, max_words)
    for length in range(4, 41):
        candidate = f"{base}-{digest[:length]}"
        if candidate not in taken:
            return candidate
    n = 2  # pragma: no cover - needs a full SHA-1 collision
    while f"{base}-{digest}-{n}" in taken:  # pragma: no cover
        n += 1
    return f"{base}-{digest}-{n}"  # pragma: no cover
