"""Text every layer shares: what may reach a terminal, and how letters fold for comparison.

Card text, file names, typed answers: anything that came from a user or a file is
passed through `strip_forbidden` before it is printed, so no escape sequence reaches
the terminal. `fold` is the one comparison form of letters (case, accents, Turkish and
Azerbaijani letters) used by answer checking, search and the deck checker.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls (0x80-0x9f, which include the
# 8-bit CSI), the bidirectional overrides used to disguise text ("Trojan Source"), and
# lone surrogates (how Python spells a file name's bytes that are not UTF-8: unprintable).
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_NAMES = {
    "\x1b": "ESC, the start of a terminal escape sequence",
    "\x9b": "CSI, the start of a terminal escape sequence",
    "\x07": "BEL",
    "\x08": "backspace",
    "\r": "carriage return",
    "\x00": "NUL",
}


def first_forbidden_char(text: str) -> tuple[int, str] | None:
    """Position and description of the first character that must not be shown, if any."""
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    char = match.group()
    name = _NAMES.get(char, "control character")
    if "\u202a" <= char <= "\u2069":
        name = "invisible text-direction override"
    elif "\ud800" <= char <= "\udfff":
        name = "a byte that is not UTF-8"
    return match.start(), f"U+{ord(char):04X} ({name})"


def strip_forbidden(text: str) -> str:
    """Text safe to send to a terminal: forbidden characters become U+FFFD."""
    return _FORBIDDEN.sub("\ufffd", text)


# Letters NFKD does not decompose (ı, ə, ø…) are mapped by hand; the Turkish and
# Azerbaijani ones are listed even where NFKD would do, so the mapping is explicit.
# İ must not reach casefold(), which would give "i" plus a combining dot.
# ə folds to e, as English texts usually write it; they also write a (Heydər → Heydar), so
# answer checking tries that reading too (study.answers.typed).
_LETTER_MAP = str.maketrans(
    {
        "İ": "i",
        "ı": "i",
        "Ə": "e",
        "ə": "e",
        "Ş": "s",
        "ş": "s",
        "Ğ": "g",
        "ğ": "g",
        "Ç": "c",
        "ç": "c",
        "Ö": "o",
        "ö": "o",
        "Ü": "u",
        "ü": "u",
        "ß": "ss",
        "Ø": "o",
        "ø": "o",
        "Æ": "ae",
        "æ": "ae",
        "Œ": "oe",
        "œ": "oe",
        "Ł": "l",
        "ł": "l",
        "Đ": "d",
        "đ": "d",
    }
)


def plural(count: float, word: str, many: str | None = None) -> str:
    """`1 card`, `2 cards`, `0 cards`, `1.5 months`; `many` for words that do not just take an s."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def fold(text: str) -> str:
    """Letters as compared: lower case, no accents, ə → e, ı/İ → i, ß → ss ("Heydər Əliyev" →
    "heyder eliyev"). Everything else (digits, punctuation, spaces) is kept."""
    text = text.translate(_LETTER_MAP)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
        text = text.translate(_LETTER_MAP)
    return text.casefold()
