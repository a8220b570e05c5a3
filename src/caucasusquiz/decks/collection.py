"""A folder of decks, loaded through one function so that a cache can sit in front of the parser."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.loader import MAX_DECK_BYTES, read_deck
from caucasusquiz.decks.model import Card, Deck, DeckLoad, Problem
from caucasusquiz.decks.yamlio import YamlProblem, compose
from caucasusquiz.errors import UserError
from caucasusquiz.files import UnreadableFile, read_regular_file
from caucasusquiz.text import plural

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


def card_items(path: Path) -> int:
    """How many items the file's `cards:` list has, as a teacher counts them in the file: from
    the YAML when it parses, else from the lines that start an item under `cards:` (a file
    with a syntax error is left out whole, and saying how many cards that costs matters)."""
    try:
        text = read_regular_file(path, MAX_DECK_BYTES).decode("utf-8-sig")
    except (UnreadableFile, UnicodeDecodeError):
        return 0
    try:
        root = compose(text)
    except YamlProblem:
        return _items_by_lines(text)
    if not isinstance(root, MappingNode):
        return 0
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "cards" and isinstance(value, SequenceNode):
            return len(value.value)
    return 0


_CARDS_LINE = re.compile(r"^cards\s*:\s*(#.*)?$", re.MULTILINE)
_ITEM = re.compile(r"^([ ]*)-(?:\s|$)", re.MULTILINE)


def _items_by_lines(text: str) -> int:
    """Lines starting a list item at the indentation of the first item below `cards:`."""
    found = _CARDS_LINE.search(text)
    if found is None:
        return 0
    items = list(_ITEM.finditer(text, found.end()))
    if not items:
        return 0
    indent = items[0].group(1)
    return sum(1 for item in items if item.group(1) == indent)


def whole_file_left_out(load: DeckLoad) -> str | None:
    """`early-history.yaml: whole file left out (13 cards) until the syntax error is fixed`,
    for a deck file none of whose cards can be studied; None for a deck that loaded."""
    if load.deck is not None:
        return None
    cards = card_items(load.path)
    count = f" ({plural(cards, 'card')})" if cards else ""
    syntax = any(p.message.startswith("YAML syntax error") for p in load.errors)
    until = "the syntax error is fixed" if syntax else "its errors are fixed"
    return f"{load.path.name}: whole file left out{count} until {until}"
