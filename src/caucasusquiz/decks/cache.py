"""A cache of checked decks, so start-up does not re-parse YAML that has not changed.

Parsing a 10,000-card YAML deck takes about a second even with libyaml; reading the
same deck back from JSON takes a few tens of milliseconds. Entries are keyed by the
file's identity (resolved path, size, mtime in ns, inode) and by CACHE_VERSION, and
any entry that cannot be read is ignored and rewritten: the cache can always be
deleted without losing anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from caucasusquiz.decks.model import Card, CardType, Deck, DeckLoad, Problem, ProblemKind, Severity
from caucasusquiz.decks.remembered_ids import RememberedCard, remembered
from caucasusquiz.files import UnreadableFile, read_regular_file, write_atomically

CACHE_VERSION = (
    3  # 2: reviewed marks, dropped ids, study scope; 3: problem kinds, cards written, documents, drafts
)
# A deck is at most 16 MiB of YAML; its entry is JSON of about the same size.
MAX_ENTRY_BYTES = 64 * 1024 * 1024


class DeckCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _entry_path(self, deck_path: Path) -> Path:
        digest = hashlib.sha1(str(deck_path.resolve()).encode()).hexdigest()[:20]
        return self.directory / f"{deck_path.stem[:40]}-{digest}.json"

    @staticmethod
    def identity(deck_path: Path) -> list[object] | None:
        try:
            st = deck_path.stat()
        except OSError:
            return None
        return [CACHE_VERSION, str(deck_path.resolve()), st.st_size, st.st_mtime_ns, st.st_ino]

    def get(self, deck_path: Path, deck_id: str) -> DeckLoad | None:
        identity = self.identity(deck_path)
        if identity is None or not _is_text(str(identity[1])):
            return None
        try:
            raw = json.loads(read_regular_file(self._entry_path(deck_path), MAX_ENTRY_BYTES))
            if raw["identity"] != identity or raw["deck_id"] != deck_id:
                return None
            return _load_from_json(raw, deck_path)
        except (UnreadableFile, ValueError, KeyError, TypeError, IndexError):
            return None  # missing or damaged entry: the caller re-reads the YAML

    def put(self, deck_path: Path, deck_id: str, loaded: DeckLoad) -> None:
        identity = self.identity(deck_path)
        if identity is None or not _is_text(str(identity[1])):  # a name with bytes that are not UTF-8
            return
        raw = {"identity": identity, "deck_id": deck_id, **_dump_to_json(loaded)}
        raw["known"] = self._known_ids(deck_path, loaded)
        # Written atomically so a concurrent reader never sees half an entry; a cache that
        # cannot be written (read-only disk) is simply not used.
        with contextlib.suppress(OSError):
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(
                self._entry_path(deck_path), json.dumps(raw, ensure_ascii=False, separators=(",", ":"))
            )

    def _known_ids(self, deck_path: Path, loaded: DeckLoad) -> list[list[object]]:
        """Each card id this file has held, with its prompt and source: the cards read now, and
        those of earlier readings that are gone (a lost `- id:` line). Kept across edits so that
        `check --fix` can give a card its id back (decks/remembered_ids.py)."""
        now: list[list[object]] = (
            [[c.id, c.prompt, c.source] for c in loaded.deck.cards] if loaded.deck else []
        )
        held = {entry[0] for entry in now}
        return now + [entry for entry in self._previous_known(deck_path) if entry[0] not in held]

    def _previous_known(self, deck_path: Path) -> list[list[object]]:
        try:
            raw = json.loads(read_regular_file(self._entry_path(deck_path), MAX_ENTRY_BYTES))
            known = raw.get("known")
            if known is None and raw.get("deck"):  # an entry from before `known` was kept
                known = [[c[0], c[3], c[9]] for c in raw["deck"]["cards"]]
            return [list(entry) for entry in known or [] if len(entry) == 3 and isinstance(entry[0], str)]
        except (UnreadableFile, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return []

    def remembered_cards(self, deck_path: Path) -> list[RememberedCard]:
        """The ids the file has held, whatever it holds now (the entry may be stale)."""
        return [
            remembered(
                str(card_id),
                prompt if isinstance(prompt, str) else None,
                source if isinstance(source, str) else None,
            )
            for card_id, prompt, source in self._previous_known(deck_path)
        ]


def _is_text(name: str) -> bool:
    """False for a path with bytes that are not UTF-8 (Python keeps them as lone surrogates,
    which neither JSON in UTF-8 nor the hash below can encode): such decks are not cached."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _dump_to_json(loaded: DeckLoad) -> dict[str, Any]:
    deck = loaded.deck
    deck_json = None
    if deck is not None:
        deck_json = {
            "title": deck.title,
            "description": deck.description,
            "tags": list(deck.tags),
            "dropped": list(deck.dropped),
            "reviewed_only": deck.reviewed_only,
            # As written in the file: the folders are rebuilt from wherever the deck is read.
            "documents": [str(folder.relative_to(deck.path.parent)) for folder in deck.documents],
            "cards": [
                [
                    c.id,
                    c.type.value,
                    c.answer,
                    c.prompt,
                    c.line,
                    list(c.accept),
                    list(c.distractors),
                    c.hint,
                    list(c.tags),
                    c.source,
                    c.context,
                    c.reviewed,
                    c.draft,
                ]
                for c in deck.cards
            ],
        }
    problems = [[p.line, p.message, p.hint, p.severity.value, p.kind.value] for p in loaded.problems]
    return {"deck": deck_json, "problems": problems, "written": loaded.written}


def _load_from_json(raw: dict[str, Any], path: Path) -> DeckLoad:
    deck_id = raw["deck_id"]
    problems = [
        Problem(path, line, message, hint, Severity(sev), kind=ProblemKind(kind))
        for line, message, hint, sev, kind in raw["problems"]
    ]
    written = int(raw["written"])
    deck_json = raw["deck"]
    if deck_json is None:
        return DeckLoad(path, None, problems, written)
    types = {t.value: t for t in CardType}
    cards = tuple(
        Card(
            deck_id,
            cid,
            types[ctype],
            answer,
            prompt,
            line,
            tuple(accept),
            tuple(distractors),
            hint,
            tuple(tags),
            source,
            context,
            reviewed,
            draft,
        )
        for (
            cid,
            ctype,
            answer,
            prompt,
            line,
            accept,
            distractors,
            hint,
            tags,
            source,
            context,
            reviewed,
            draft,
        ) in deck_json["cards"]
    )
    deck = Deck(
        deck_id,
        deck_json["title"],
        path,
        cards,
        deck_json["description"],
        tuple(deck_json["tags"]),
        tuple(deck_json["dropped"]),
        bool(deck_json["reviewed_only"]),
        tuple(path.parent / folder for folder in deck_json["documents"]),
    )
    return DeckLoad(path, deck, problems, written)
