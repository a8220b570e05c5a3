"""Walking the cards deck by deck: keep, edit, drop, change type, swap a distractor, skip, undo.

The walk shows the drafts (cards the generator wrote that nobody signed off), or every
card, reviewed and hand-made ones too, to rework what was signed off before; the author
switches between the two at any card.

Every decision is written to the deck file before the method returns (see `deck_text`),
so quitting, a crash or Ctrl+C loses nothing: the next walk starts from what is still
a draft on disk. Decks are re-read from their files after each change, never from a
cache, so what the author sees is what the file says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

from caucasusquiz.authoring import deck_text
from caucasusquiz.authoring.deck_text import Edit, EditError, FieldValue
from caucasusquiz.authoring.drafts import generated_ids, is_draft
from caucasusquiz.authoring.proposals import EarlierChoice, Proposal, alternatives, swap_distractor
from caucasusquiz.authoring.warnings import DraftWarning, warnings_for
from caucasusquiz.decks.loader import MAX_DECK_BYTES, read_deck
from caucasusquiz.decks.model import Card, Deck
from caucasusquiz.decks.siblings import same_sentence
from caucasusquiz.files import UnreadableFile, read_regular_file

Key = tuple[str, str]  # (deck id, card id)
# Which cards the walk shows: the drafts, or every card of the decks.
Scope = Literal["drafts", "all"]
SCOPE_NAMES: dict[Scope, str] = {"drafts": "drafts", "all": "all cards"}


@dataclass(frozen=True, slots=True)
class _Step:
    what: str
    edit: Edit | None
    pending: tuple[Key, ...]
    scope: Scope
    total: int


class DraftReview:
    """The author's walk through the drafts (or every card) of some decks, in deck order then
    file order."""

    def __init__(self, decks: Iterable[Deck], today: date, scope: Scope = "drafts") -> None:
        # The decks as loaded (the app keeps them current); each edit then updates its deck
        # in memory from what the edit wrote, so a decision costs the same in any deck size.
        self.today = today
        self.decks: dict[str, Deck] = {deck.id: deck for deck in decks}
        self._written: dict[Path, bytes] = {}  # what this walk last wrote to each deck file
        manifests: dict[Path, dict[str, frozenset[str]]] = {}
        # The ids the generator wrote, by deck: a drop of one of them is remembered.
        self.generated: dict[str, frozenset[str]] = {}
        for deck in self.decks.values():
            folder = deck.path.parent
            if folder not in manifests:
                manifests[folder] = generated_ids(folder)
            self.generated[deck.id] = manifests[folder].get(deck.id, frozenset())
        self.scope: Scope = scope
        self.pending: list[Key] = self._walk(scope)
        self.total = len(self.pending)
        self._history: list[_Step] = []
        self.last_written: Path | None = None  # the deck file the latest decision or undo wrote
        # A card's multiple-choice form from before a change of type removed its distractors:
        # `t` offers it back for as long as this walk lasts (the deck format has no place for
        # distractors of a card that is not multiple choice).
        self._earlier_choice: dict[Key, EarlierChoice] = {}

    def _walk(self, scope: Scope) -> list[Key]:
        return [
            card.key
            for deck in self.decks.values()
            for card in deck.cards
            if scope == "all" or is_draft(card, self.generated.get(deck.id, frozenset()))
        ]

    def switch(self, scope: Scope) -> None:
        """Walk the drafts or every card from now on, from the card on screen (or the first one
        after it in the decks) on, then round to those before it; the counts start again."""
        here = self.current
        self.scope = scope
        walk = self._walk(scope)
        if here is not None:
            order = {key: index for index, key in enumerate(self._walk("all"))}
            at = order.get(here.key, 0)
            start = next((i for i, key in enumerate(walk) if order.get(key, 0) >= at), 0)
            walk = walk[start:] + walk[:start]
        self.pending = walk
        self.total = len(walk)

    def start_at(self, index: int) -> None:
        """Walk from the `index`-th card of the walk on, then round to those before it (as
        `switch` does); the counts start again."""
        self.pending = self.pending[index:] + self.pending[:index]

    def is_draft(self, card: Card) -> bool:
        return is_draft(card, self.generated.get(card.deck_id, frozenset()))

    def status(self, card: Card) -> str:
        """What the card is, in a word or two: draft, reviewed (and when), or hand-made."""
        if self.is_draft(card):
            return "draft"
        if card.reviewed:
            return "reviewed" if card.reviewed == "true" else f"reviewed {card.reviewed}"
        return "hand-made"

    # -- what is shown ---------------------------------------------------------------

    @property
    def current(self) -> Card | None:
        while self.pending:
            card = self._card(self.pending[0])
            if card is not None:
                return card
            self.pending.pop(0)  # removed by hand meanwhile: nothing to review
        return None

    @property
    def left(self) -> int:
        return len(self.pending)

    @property
    def done(self) -> int:
        return self.total - self.left

    def deck_of(self, card: Card) -> Deck:
        return self.decks[card.deck_id]

    def all_cards(self) -> list[Card]:
        return [card for deck in self.decks.values() for card in deck.cards]

    def siblings(self, card: Card) -> list[Card]:
        return same_sentence(card, self.all_cards())

    def warnings(self, card: Card) -> list[DraftWarning]:
        return warnings_for(card, self.siblings(card))

    def alternatives(self, card: Card) -> list[Proposal]:
        return alternatives(card, self.all_cards(), self._earlier_choice.get(card.key))

    def _card(self, key: Key) -> Card | None:
        deck = self.decks.get(key[0])
        if deck is None:
            return None
        return next((card for card in deck.cards if card.id == key[1]), None)

    def follow(self, decks: Iterable[Deck]) -> None:
        """Decks read again by the app: take those changed by someone else (an editor, a new card).

        A deck whose file still holds what this walk last wrote is kept as the walk knows
        it: the app may have read it before the walk's latest decision."""
        for deck in decks:
            if deck.id not in self.decks:
                continue
            try:
                current = read_regular_file(deck.path, MAX_DECK_BYTES)
            except UnreadableFile:
                continue
            if self._written.get(deck.path) != current:
                self.decks[deck.id] = deck
                self._written.pop(deck.path, None)

    def _reload(self, deck_id: str) -> None:
        deck = self.decks[deck_id]
        fresh = read_deck(deck.path, deck.id).deck
        if fresh is not None:
            self.decks[deck_id] = fresh

    def _require(self) -> Card:
        card = self.current
        if card is None:
            raise EditError(f"there are no {SCOPE_NAMES[self.scope]} left to review")
        return card

    def _record(self, what: str, card: Card, edit: Edit | None, pending_before: list[Key]) -> None:
        self._history.append(_Step(what, edit, tuple(pending_before), self.scope, self.total))
        if edit is not None:
            self.decks[card.deck_id] = followed(self.decks[card.deck_id], edit)
            self._written[edit.path] = edit.after
            self.last_written = edit.path

    # -- decisions -----------------------------------------------------------------------

    def keep(self) -> Card:
        """Mark the card reviewed (today's date) and move on."""
        card = self._require()
        before = list(self.pending)
        edit = deck_text.mark_reviewed(self.deck_of(card).path, card.id, self.today.isoformat())
        self.pending.pop(0)
        self._record("kept", card, edit, before)
        return card

    def drop(self) -> Card:
        """Remove the card from its deck; a card the generator wrote (or a draft) has its id
        listed under `dropped:` so that `generate` never brings it back."""
        card = self._require()
        before = list(self.pending)
        remember = card.draft or card.id in self.generated.get(card.deck_id, frozenset())
        edit = deck_text.drop_card(self.deck_of(card).path, card.id, remember=remember)
        self.pending.pop(0)
        self._record("dropped", card, edit, before)
        return card

    def update(self, changes: Mapping[str, FieldValue | None], what: str = "edited") -> Card:
        """Change fields of the card on screen; it stays on screen. A draft stays a draft
        until kept; a reviewed card stays reviewed, signed off again today."""
        card = self._require()
        before = list(self.pending)
        if card.reviewed and "reviewed" not in changes:
            changes = {**changes, "reviewed": self.today.isoformat()}
        edit = deck_text.update_card(self.deck_of(card).path, card.id, changes)
        if card.distractors and "distractors" in changes and changes["distractors"] is None:
            self._earlier_choice[card.key] = EarlierChoice(card.prompt, card.distractors)
        self._record(what, card, edit, before)
        return self._require()

    def change_type(self, proposal: Proposal) -> Card:
        card = self._require()
        changes = proposal.changes_from(card.type.value)
        changes.pop("context", None)  # the card keeps its own source sentence
        return self.update(changes, what=f"made {proposal.label}")

    def swap(self, index: int) -> Card:
        card = self._require()
        swapped = swap_distractor(card, index, self.all_cards())
        if swapped is None:
            raise EditError("no other distractor of the same kind in the decks")
        return self.update({"distractors": swapped}, what="distractor swapped")

    def skip(self) -> None:
        if self.pending:
            before = list(self.pending)
            self.pending.append(self.pending.pop(0))
            self._history.append(_Step("skipped", None, tuple(before), self.scope, self.total))

    def undo(self) -> str | None:
        """Take back the last decision (its file change too); None when there is nothing to undo."""
        if not self._history:
            return None
        step = self._history[-1]
        if step.edit is not None:
            step.edit.undo()  # raises EditError, leaving the history as it was, if the file changed
            self._written.pop(step.edit.path, None)
            self.last_written = step.edit.path
        self._history.pop()
        # Back to the card the decision was about, in the walk it was made in.
        self.pending = list(step.pending)
        self.scope = step.scope
        self.total = step.total
        for deck_id, deck in self.decks.items():
            if step.edit is not None and deck.path == step.edit.path:
                self._reload(deck_id)
        return step.what

    @property
    def can_undo(self) -> bool:
        return bool(self._history)


def followed(deck: Deck, edit: Edit) -> Deck:
    """The deck as it reads after `edit`, without parsing the file again."""
    cards: list[Card] = []
    replaced = False
    for card in deck.cards:
        if card.id == edit.card_id:
            replaced = True
            if edit.card is not None:
                cards.append(_in_deck(deck, edit.card))
            continue
        moved = edit.moved(card.line)
        if moved != card.line:
            card = replace(card, line=moved)
        cards.append(card)
    dropped = deck.dropped
    if edit.card is None:  # a drop: the id may be listed under `dropped:` now
        if edit.listed_dropped and edit.card_id not in dropped:
            dropped = (*dropped, edit.card_id)
    elif not replaced:  # an added card: placed by its line
        cards.append(_in_deck(deck, edit.card))
        cards.sort(key=lambda c: c.line)
    return replace(deck, cards=tuple(cards), dropped=dropped)


def _in_deck(deck: Deck, card: Card) -> Card:
    """A card read alone gets its deck's id and tags, as the loader gives them."""
    return replace(card, deck_id=deck.id, tags=tuple(dict.fromkeys(deck.tags + card.tags)))
