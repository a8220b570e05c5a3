"""A folder of decks, loaded through one function so that a cache can sit in front of the parser."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.model import Card, Deck, DeckLoad, Problem

DECK_SUFFIXES = (".yaml", ".yml")


def deck_files(paths: Iterable[Path]) -> list[Path]:
    """Deck files named by `paths`: files as given, folders expanded to their *.yaml / *.yml."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.suffix.lower() in DECK_SUFFIXES and not p.name.startswith(".")
                )
            )
        else:
            found.append(path)
    return found


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
        """A deck by id, file name or (case-insensitive) title."""
        wanted = name.casefold().removesuffix(".yaml").removesuffix(".yml")
        for deck in self.decks:
            if wanted in (deck.id.casefold(), deck.title.casefold()):
                return deck
        return None


def load_collection(paths: Iterable[Path], cache: DeckCache | None = None) -> Collection:
    loads: list[DeckLoad] = []
    seen: dict[str, Path] = {}
    for path in deck_files(paths):
        deck_id = path.stem
        if deck_id in seen:
            loads.append(
                DeckLoad(
                    path,
                    None,
                    [
                        Problem(
                            path,
                            1,
                            f"another deck file is also named {deck_id!r} ({seen[deck_id].name})",
                            "deck ids come from file names; rename one of them",
                        )
                    ],
                )
            )
            continue
        seen[deck_id] = path
        loads.append(load_deck(path, cache, deck_id))
    return Collection(loads)
