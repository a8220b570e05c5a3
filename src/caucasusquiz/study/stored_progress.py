"""A profile's card states, read from the store a card at a time, as a session needs them.

A session used to read every card's state when it started (260 ms of the 640 ms a
100,000-card queue took): the queue itself now comes from SQL (`QueueInputs.from_store`),
and a session only looks at the few hundred cards it shows.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping

from caucasusquiz.store.database import CardKey, CardProgress, ProgressStore


class StoredProgress(MutableMapping[CardKey, CardProgress]):
    """A mapping of card key → progress backed by the store; writes are the caller's to make
    (the session stores each answer itself) and are only remembered here."""

    def __init__(self, store: ProgressStore, profile_id: int) -> None:
        self._store = store
        self._profile_id = profile_id
        self._known: dict[CardKey, CardProgress | None] = {}  # None: the card has no row
        self._complete = False

    def __getitem__(self, key: CardKey) -> CardProgress:
        if key not in self._known:
            self._known[key] = None if self._complete else self._store.progress(self._profile_id, key)
        value = self._known[key]
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: CardKey, value: CardProgress) -> None:
        self._known[key] = value

    def __delitem__(self, key: CardKey) -> None:
        self[key]  # raises KeyError for a card without progress, as a dict would
        self._known[key] = None

    def __iter__(self) -> Iterator[CardKey]:
        self._read_all()
        return iter([key for key, value in self._known.items() if value is not None])

    def __len__(self) -> int:
        self._read_all()
        return sum(1 for value in self._known.values() if value is not None)

    def _read_all(self) -> None:
        """Every card's state, for the rare whole-profile question (e.g. what is due tomorrow)."""
        if self._complete:
            return
        for key, value in self._store.all_progress(self._profile_id).items():
            self._known.setdefault(key, value)  # what this session wrote or read stays
        self._complete = True
