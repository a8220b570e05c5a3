"""What may appear in card text: printable characters, newlines and tabs, nothing that steers a terminal."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls (0x80-0x9f, which include the
# 8-bit CSI), and the bidirectional overrides used to disguise text ("Trojan Source").
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

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
    return match.start(), f"U+{ord(char):04X} ({name})"


def strip_forbidden(text: str) -> str:
    """Text safe to send to a terminal: forbidden characters become U+FFFD."""
    return _FORBIDDEN.sub("\ufffd", text)
