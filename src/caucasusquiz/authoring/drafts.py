"""Which cards are drafts: written by the generator, not yet signed off by an author.

"Written by the generator" is what the generator's manifest (`.generated.json` next to
the decks) records; a card in it without a `reviewed` mark is a draft. The manifest is
only read here, never written: it belongs to `caucasusquiz generate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz.decks.manifest import generated_entries
from caucasusquiz.decks.model import Card, Deck
from caucasusquiz.text import plural


def generated_ids(folder: Path) -> dict[str, frozenset[str]]:
    """Card ids the generator wrote, by deck id; empty when there is no readable manifest."""
    return {deck_id: frozenset(cards) for deck_id, cards in generated_entries(folder).items()}


def is_draft(card: Card, generated: frozenset[str]) -> bool:
    """Generated and not signed off; or marked `reviewed: false` (an import of a draft)."""
    return card.reviewed is None and (card.draft or card.id in generated)


@dataclass(frozen=True, slots=True)
class DraftCount:
    deck: Deck
    drafts: int

    @property
    def line(self) -> str:
        total = len(self.deck.cards)
        return (
            f"{self.deck.path}: {self.drafts} of {plural(total, 'card')} still "
            f"{'a draft' if self.drafts == 1 else 'drafts'} (generated, not reviewed)"
        )


def draft_counts(decks: Iterable[Deck]) -> list[DraftCount]:
    """Per deck with drafts, how many; manifests are read once per folder."""
    manifests: dict[Path, dict[str, frozenset[str]]] = {}
    counts: list[DraftCount] = []
    for deck in decks:
        folder = deck.path.parent
        if folder not in manifests:
            manifests[folder] = generated_ids(folder)
        generated = manifests[folder].get(deck.id, frozenset())
        drafts = sum(1 for card in deck.cards if is_draft(card, generated))
        if drafts:
            counts.append(DraftCount(deck, drafts))
    return counts


def drafts_of(deck: Deck, generated: frozenset[str] | None = None) -> list[Card]:
    """The deck's drafts in file order."""
    if generated is None:
        generated = generated_ids(deck.path.parent).get(deck.id, frozenset())
    return [card for card in deck.cards if is_draft(card, generated)]
