"""A short name for the document's subject written out in full on its cards.

An article titled "Boer War" that calls its subject the "Second Boer War" also says "the Boer
War" in passing; a card asking "In which year did the Boer War break out?" is ambiguous (there
were two), so the card says "the Second Boer War", as the document does when it names it."""

from __future__ import annotations

import re

from caucasusquiz.generator.cards import Draft, rewritten


def named_in_full(draft: Draft, short: str, full: str) -> Draft:
    """The card with each bare `short` (not already after an ordinal, not inside a blank)
    written as `full`."""
    pattern = re.compile(rf"\b{re.escape(short)}\b")

    def fix(text: str) -> str:
        def named(found: re.Match[str]) -> str:
            before = text[: found.start()]
            word = re.search(r"(\S+)\s*$", before)
            # "First Boer War", "Anglo Boer War" and a blank's "{{Boer War}}" stay as written.
            if before.endswith("{{") or (
                word is not None and word.group(1)[:1].isupper() and word.group(1) != "The"
            ):
                return found.group()
            return full

        return pattern.sub(named, text)

    return rewritten(draft, fix)
