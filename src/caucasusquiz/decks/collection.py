"""A folder of decks, loaded through one function so that a cache can sit in front of the parser."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.folder import deck_files as deck_files  # it lived here once
from caucasusquiz.decks.left_out import whole_file_left_out as whole_file_left_out  # its old home
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.model import Card, Deck, DeckLoad, Problem, ProblemKind
from caucasusquiz.errors import UserError


def load_deck(path: Path, cache: DeckCache | None = None, deck_id: str | None = None) -> DeckLoad:
    """The one way decks are read: from the cache when the file is unchanged, else parsed."""
    deck_id = deck_id or path.stem
    if cache is not None:
        cached = cache.get(path, deck_id)
        if cached is not None:
            return cached
    loaded = read_deck(path, deck_id)
    if cache is not None:
        cache.put(path, deck_id, loaded)
    return loaded


@dataclass
class Collection:
    """Every deck the app studies, with the problems found while reading them."""

    loads: list[DeckLoad] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.decks: tuple[Deck, ...] = tuple(x.deck for x in self.loads if x.deck is not None)
        self._cards: dict[tuple[str, str], Card] = {
            card.key: card for deck in self.decks for card in deck.cards
        }
        self._decks_by_id = {deck.id: deck for deck in self.decks}

    @property
    def problems(self) -> list[Problem]:
        return [p for x in self.loads for p in x.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def cards(self) -> Iterable[Card]:
        return self._cards.values()

    def __len__(self) -> int:
        return len(self._cards)

    def card(self, deck_id: str, card_id: str) -> Card | None:
        return self._cards.get((deck_id, card_id))

    def deck(self, deck_id: str) -> Deck | None:
        return self._decks_by_id.get(deck_id)

    def find_deck(self, name: str) -> Deck | None:
        """A deck by id, file name or (case-insensitive) title, or by the start of one of
        them when only one deck starts so (`Early history` for "Early history: 1919 to
        independence")."""
        exact, starting = self._matches(name)
        if exact:
            return exact[0]
        return starting[0] if len(starting) == 1 else None

    def require_deck(self, name: str) -> Deck:
        """find_deck, or an UnknownDeck error that lists the decks, with a did-you-mean."""
        found = self.find_deck(name)
        if found is None:
            raise UnknownDeck(name, self.decks, self._matches(name)[1])
        return found

    def _matches(self, name: str) -> tuple[list[Deck], list[Deck]]:
        wanted = " ".join(name.casefold().removesuffix(".yaml").removesuffix(".yml").split())
        exact = [d for d in self.decks if wanted in (d.id.casefold(), d.title.casefold())]
        starting = [
            d
            for d in self.decks
            if wanted and (d.id.casefold().startswith(wanted) or d.title.casefold().startswith(wanted))
        ]
        return exact, starting


class UnknownDeck(UserError):
    """`--deck NAME` that names no deck, or the start of several."""

    def __init__(self, name: str, decks: tuple[Deck, ...], several: list[Deck]) -> None:
        if several:
            message = f"{name!r} is the start of several decks: {', '.join(d.id for d in several)}"
            hint = "give more of the name, or the deck's id"
        else:
            message = f"no deck called {name!r}"
            close = _closest_deck(name, decks)
            known = f"decks: {', '.join(d.id for d in decks)}" if decks else "there are no decks"
            hint = f"did you mean {close.id!r}? {known}" if close else known
        super().__init__(message, hint)


def _closest_deck(name: str, decks: tuple[Deck, ...]) -> Deck | None:
    """The deck whose id or title (or the start of either: `Erly` for "Early history: …") is
    most like `name`, if any is close enough to suggest."""
    wanted = name.casefold()
    best, score = None, 0.0
    for deck in decks:
        for known in (deck.id.casefold(), deck.title.casefold()):
            whole = difflib.SequenceMatcher(None, wanted, known).ratio()
            start = difflib.SequenceMatcher(None, wanted, known[: len(wanted)]).ratio()
            if max(whole, start - 0.15) > score:
                best, score = deck, max(whole, start - 0.15)
    return best if score >= 0.6 else None


def load_collection(paths: Iterable[Path], cache: DeckCache | None = None) -> Collection:
    loads: list[DeckLoad] = []
    seen: dict[str, Path] = {}
    for path in deck_files(paths):
        deck_id = path.stem
        loaded = load_deck(path, cache, deck_id)
        if deck_id in seen:
            # Left out whole; read all the same, so that the cards it costs can be counted.
            problem = Problem(
                path,
                1,
                f"another deck file is also named {deck_id!r} ({seen[deck_id].name})",
                "deck ids come from file names; rename one of them",
                kind=ProblemKind.SAME_DECK_ID,
            )
            loads.append(DeckLoad(path, None, [problem], loaded.written))
            continue
        seen[deck_id] = path
        loads.append(loaded)
    return Collection(loads)
