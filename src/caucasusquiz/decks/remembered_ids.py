"""The id a card had before its `id:` line was lost, so that `check --fix` gives it back.

A teacher who deletes a card's `- id:` line by mistake (and then follows check's hint to
write the next line as `  - type: ...`) has a card without an id. A new id would orphan the
card's progress, which is stored under the old one. The old id is still known in two places:
the deck cache's last good reading of the file, and the generator's record of the cards it
wrote (`.generated.json`, with each card's source line). A card is matched by its prompt,
else by its source line; only a card matched by neither gets a new id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz.decks.manifest import generated_entries


@dataclass(frozen=True, slots=True)
class RememberedCard:
    id: str
    prompt: str | None
    source: str | None


def _words(text: str | None) -> str | None:
    return " ".join(text.split()) if text and text.strip() else None


def remembered(card_id: str, prompt: str | None, source: str | None) -> RememberedCard:
    return RememberedCard(card_id, _words(prompt), _words(source))


def generated_cards(deck_path: Path, deck_id: str) -> list[RememberedCard]:
    """The cards the generator wrote into this deck (id and source line); none without a record."""
    cards = generated_entries(deck_path.parent).get(deck_id, {})
    return [
        remembered(card_id, None, source if isinstance(source := entry.get("source"), str) else None)
        for card_id, entry in cards.items()
    ]


class IdMemory:
    """Known ids of one deck, handed out at most once each, never one the file still holds."""

    def __init__(self, known: Iterable[RememberedCard], taken: set[str]) -> None:
        self._known = [card for card in known if card.id not in taken]
        self._taken = taken

    def recall(self, prompt: str | None, source: str | None) -> str | None:
        prompt, source = _words(prompt), _words(source)
        for field, value in (("prompt", prompt), ("source", source)):
            if value is None:
                continue
            matches = list(
                dict.fromkeys(
                    c.id for c in self._known if getattr(c, field) == value and c.id not in self._taken
                )
            )
            if len(matches) == 1:  # two candidates: a guess, and a wrong guess moves progress
                self._taken.add(matches[0])
                return matches[0]
        return None
