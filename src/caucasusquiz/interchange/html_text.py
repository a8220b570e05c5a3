"""Anki field HTML → the plain one-line text our decks hold, and the media it referred to."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from caucasusquiz.interchange.common import clean_text

_SOUND = re.compile(r"\[sound:([^\]]+)\]")
_MEDIA_TAGS = {"img", "audio", "video", "source", "object", "embed"}
_SKIPPED_CONTENT = {"script", "style"}


class _Plain(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _MEDIA_TAGS:
            source = dict(attrs).get("src") or dict(attrs).get("data")
            if source:
                self.media.append(source)
        elif tag in _SKIPPED_CONTENT:
            self._skipping += 1
        else:
            # Block and line-break tags separate words; inline ones (b, i, span) do not.
            self.parts.append(" " if tag in ("br", "div", "p", "li", "tr", "td", "hr") else "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_CONTENT and self._skipping:
            self._skipping -= 1
        elif tag in ("div", "p", "li", "td"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(field: str) -> tuple[str, list[str]]:
    """The field as plain text, and the media files it referenced (which we do not import)."""
    media = _SOUND.findall(field)
    parser = _Plain()
    parser.feed(_SOUND.sub(" ", field))
    parser.close()
    return clean_text("".join(parser.parts)), media + parser.media
