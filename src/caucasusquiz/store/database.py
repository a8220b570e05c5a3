"""The progress store: SQLite in WAL mode, one short transaction per answer.

Durability: every answer is committed (synchronous=FULL) before the caller shows the
next card, so `kill -9` or a power cut loses nothing already answered. Two app
instances on one profile are safe: SQLite serialises writers (busy timeout), and each
write is a single `BEGIN IMMEDIATE` transaction.
"""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from caucasusquiz.clock import to_ms
from caucasusquiz.errors import UserError
from caucasusquiz.progress import (
    FSRS_PARAMETER_COUNT,
    CardKey,
    CardProgress,
    Memory,
    Profile,
    ReviewRow,
    State,
)
from caucasusquiz.store.schema import MIGRATIONS, SCHEMA_VERSION
from caucasusquiz.store.sqlite import migrate, transaction

BUSY_TIMEOUT_MS = 10_000
WAL_CHECKPOINT_PAGES = 32  # about 20 answers
WAL_SIZE_LIMIT = 256 * 1024  # bytes the log keeps after a checkpoint


class StoreError(UserError):
    """The progress database cannot be used; the message says why and what to do."""

    def __init__(self, message: str, path: Path, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.path = path


class StoreCorrupt(StoreError):
    """The file exists but is not a healthy caucasusquiz database."""


class StoreReadOnly(StoreError):
    """The data folder or database cannot be written."""


_CARD_COLUMNS = (
    "state, step, stability, difficulty, due_ms, last_review_ms, reps, lapses, "
    "suspended, buried_until_ms, leech"
)


# What every row caucasusquiz writes satisfies (SQL, per table). Types are checked with
# typeof(): SQLite would store 'abc' in a REAL column without complaint.
_NUMBER = "typeof({0}) IN ('integer', 'real') AND {0} > -1e300 AND {0} < 1e300"
_VALUE_RULES = {
    "cards": " AND ".join(
        [
            "typeof(deck_id) = 'text' AND typeof(card_id) = 'text'",
            "typeof(state) = 'integer' AND state BETWEEN 0 AND 3",
            "(step IS NULL OR (typeof(step) = 'integer' AND step BETWEEN 0 AND 1000))",
            f"(stability IS NULL OR ({_NUMBER.format('stability')} AND stability > 0))",
            f"(difficulty IS NULL OR ({_NUMBER.format('difficulty')}))",
            "(due_ms IS NULL OR typeof(due_ms) = 'integer')",
            "(last_review_ms IS NULL OR typeof(last_review_ms) = 'integer')",
            "(state = 0 OR (due_ms IS NOT NULL AND stability IS NOT NULL AND difficulty IS NOT NULL))",
            "typeof(reps) = 'integer' AND reps >= 0 AND typeof(lapses) = 'integer' AND lapses >= 0",
            "suspended IN (0, 1) AND leech IN (0, 1)",
            "(buried_until_ms IS NULL OR typeof(buried_until_ms) = 'integer')",
        ]
    ),
    "reviews": " AND ".join(
        [
            "typeof(deck_id) = 'text' AND typeof(card_id) = 'text'",
            "typeof(reviewed_ms) = 'integer' AND typeof(grade) = 'integer' AND grade BETWEEN 1 AND 4",
            "typeof(state_before) = 'integer' AND state_before BETWEEN 0 AND 3",
            "(typed IS NULL OR typeof(typed) = 'text') AND (verdict IS NULL OR typeof(verdict) = 'text')",
            "(duration_ms IS NULL OR typeof(duration_ms) = 'integer')",
            f"(elapsed_days IS NULL OR {_NUMBER.format('elapsed_days')})",
            f"(interval_days IS NULL OR {_NUMBER.format('interval_days')})",
            "(origin IS NULL OR typeof(origin) = 'text')",
        ]
    ),
    # CASE, not AND: SQLite may evaluate json_type() on text json_valid() has refused, and fail.
    "profiles": "typeof(name) = 'text' AND (fsrs_parameters IS NULL OR CASE WHEN json_valid(fsrs_parameters) "
    "THEN json_type(fsrs_parameters) = 'array' "
    f"AND json_array_length(fsrs_parameters) = {FSRS_PARAMETER_COUNT} "
    "AND NOT EXISTS (SELECT 1 FROM json_each(fsrs_parameters) WHERE type NOT IN ('integer', 'real')) "
    "ELSE 0 END)",
    "meta": "typeof(key) = 'text' AND typeof(value) = 'text'",
}
_TEXT_COLUMNS = {
    "cards": ("deck_id", "card_id"),
    "reviews": ("deck_id", "card_id", "typed", "verdict", "origin"),
    "profiles": ("name",),
    "meta": ("key", "value"),
}

# The id of the last review whose values were checked (see _check_values).
_REVIEWS_CHECKED = "reviews_checked_through"

_STATES = tuple(State)  # indexing is several times faster than State(n) for 100k rows


def _row_to_progress(row: Sequence[Any]) -> CardProgress:
    state, step, stability, difficulty, due, last, reps, lapses, suspended, buried, leech = row
    return CardProgress(
        Memory(_STATES[state], step, stability, difficulty, due, last, reps, lapses),
        bool(suspended),
        buried,
        bool(leech),
    )


def _columns(p: CardProgress) -> tuple[object, ...]:
    """The values of a card's row, in the order of _CARD_COLUMNS, as SQLite stores them."""
    m = p.memory
    return (
        int(m.state),
        m.step,
        m.stability,
        m.difficulty,
        m.due_ms,
        m.last_review_ms,
        m.reps,
        m.lapses,
        int(p.suspended),
        p.buried_until_ms,
        int(p.leech),
    )


@dataclass(frozen=True, slots=True)
class RecordedAnswer:
    review_id: int
    before: CardProgress | None  # the card's row when the answer was stored
    after: CardProgress


class ProgressStore:
    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> ProgressStore:
        """Open (creating if needed) the database at `path`, migrating it to the current schema."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreReadOnly(
                f"cannot create the data folder {path.parent}: {exc.strerror}",
                path,
                "choose another with --data-dir or CAUCASUSQUIZ_DATA_DIR",
            ) from None
        try:
            kind = path.stat().st_mode
        except OSError:
            kind = None  # not there yet (or unreadable: SQLite will say so)
        if kind is not None and not stat.S_ISREG(kind):
            # A FIFO would block the first read for ever; a device is no database.
            raise StoreCorrupt(f"{path} is not a regular file, so it cannot be a progress database", path)
        try:
            connection = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise _classify(exc, path) from None
        store = cls(connection, path)
        try:
            store._prepare()
        except sqlite3.Error as exc:
            connection.close()
            raise _classify(exc, path) from None
        except StoreError:
            connection.close()
            raise
        return store

    @classmethod
    def empty(cls) -> ProgressStore:
        """A store with nothing in it, in memory: what a read-only command reads where nobody
        has studied yet, so that `stats` or a backup never creates a progress file."""
        connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        store = cls(connection, Path(":memory:"))
        store._migrate(0)
        return store

    def _prepare(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]  # fails first on a non-database
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer caucasusquiz (schema {version}, this one "
                f"knows {SCHEMA_VERSION})",
                self.path,
                "upgrade caucasusquiz to open it",
            )
        if version > 0:
            check = db.execute("PRAGMA quick_check(1)").fetchone()[0]
            if check != "ok":
                raise StoreCorrupt(f"{self.path} is damaged ({check})", self.path)
        if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise StoreReadOnly(f"cannot write to {self.path}", self.path)
        db.execute("PRAGMA synchronous = FULL")
        # The write-ahead log grows until a checkpoint copies it into the database; at the
        # default (1,000 pages) a 1 MB stick filled after 41 answers. Checkpoint every
        # WAL_CHECKPOINT_PAGES pages and cut the file back to WAL_SIZE_LIMIT afterwards.
        db.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        db.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            self._migrate(version)
        if version > 0:
            self._check_values()

    def _check_values(self) -> None:
        """Refuse a file that passes quick_check but holds values no caucasusquiz wrote (a state
        of 57, a stability of 'abc', text that is not UTF-8, broken parameters): found here, it
        takes the same path as any other damage instead of crashing a screen later.

        The small tables are checked whole; the review log (the one that grows: 200,000 rows
        took 0.3 s on every opening) only from the review after the last one checked, which is
        recorded in the file (see the schema's migration 2 for why that mark can be trusted).
        """
        for table in ("cards", "profiles", "meta"):
            self._check_table(table)
        mark = self.meta(_REVIEWS_CHECKED) or ""
        # Anything but a mark caucasusquiz wrote means: check the whole log.
        checked = int(mark) if mark.isascii() and mark.isdigit() else 0
        newest = self._query("SELECT coalesce(max(id), 0) FROM reviews").fetchone()[0]
        if newest > checked:
            self._check_table("reviews", f"id > {checked} AND id <= {newest}")
            # A read-only or busy file is checked again next time. The mark is set only if no
            # program has reset it since it was read.
            with suppress(StoreError), self._write() as db:
                db.execute(
                    "INSERT INTO meta (key, value) SELECT ?, ? WHERE coalesce((SELECT value FROM meta "
                    "WHERE key = ?), '') = ? ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (_REVIEWS_CHECKED, str(newest), _REVIEWS_CHECKED, mark),
                )
        fitted = self._db.execute("SELECT fsrs_parameters FROM profiles WHERE fsrs_parameters IS NOT NULL")
        if any(not _within_fsrs_bounds(json.loads(text)) for (text,) in fitted):
            raise StoreCorrupt(
                f"{self.path} holds a value caucasusquiz did not write (FSRS parameters out of bounds)",
                self.path,
            )

    def _check_table(self, table: str, rows: str = "1") -> None:
        """Raise StoreCorrupt if a row of `table` (those matching the SQL `rows`) breaks its rule."""
        rule = _VALUE_RULES[table]
        columns = _TEXT_COLUMNS[table]
        # SQLite keeps text as given but Python reads only UTF-8: the (few) values with
        # non-ASCII bytes are fetched as bytes and decoded here.
        non_ascii = " OR ".join(f"{c} GLOB '*[^ -~]*'" for c in columns)
        blobs = ", ".join(f"CAST({c} AS BLOB)" for c in columns)
        found = self._db.execute(
            f"SELECT NOT ({rule}), {blobs} FROM {table} WHERE ({rows}) AND (NOT ({rule}) OR {non_ascii})"
        )
        for bad, *texts in found:
            if bad or not all(_is_utf8(text) for text in texts):
                raise StoreCorrupt(
                    f"{self.path} holds a value caucasusquiz did not write (in its {table} table)",
                    self.path,
                )

    def _migrate(self, version: int) -> None:
        with self._write() as db:
            migrate(db, MIGRATIONS)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with transaction(self._db, lambda exc: _classify(exc, self.path)):
            yield self._db

    def close(self) -> None:
        with suppress(sqlite3.Error):
            # Leave no log behind when nobody else is reading (else SQLite skips this quietly).
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with suppress(sqlite3.Error):
            self._db.close()

    def _query(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        """Run a read; a database that breaks while in use becomes a StoreError, not a traceback."""
        try:
            return self._db.execute(sql, params)
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None

    # -- profiles ------------------------------------------------------------------

    def profile(self, name: str, now: datetime) -> Profile:
        """The profile called `name`, created on first use."""
        row = self._query("SELECT id, name, fsrs_parameters FROM profiles WHERE name = ?", (name,)).fetchone()
        if row is None:
            with self._write() as db:
                db.execute(
                    "INSERT OR IGNORE INTO profiles (name, created_ms) VALUES (?, ?)", (name, to_ms(now))
                )
            row = self._query(
                "SELECT id, name, fsrs_parameters FROM profiles WHERE name = ?", (name,)
            ).fetchone()
        params = tuple(json.loads(row[2])) if row[2] else None
        return Profile(row[0], row[1], params)

    def find_profile(self, name: str) -> Profile | None:
        """The profile called `name`, or None: never creates one (read-only commands use this)."""
        row = self._query("SELECT id, name, fsrs_parameters FROM profiles WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        return Profile(row[0], row[1], tuple(json.loads(row[2])) if row[2] else None)

    def profile_names(self) -> list[str]:
        """Every profile's name, most recently studied first, then by name."""
        rows = self._query(
            "SELECT p.name FROM profiles p LEFT JOIN reviews r ON r.profile_id = p.id "
            "GROUP BY p.id ORDER BY coalesce(max(r.reviewed_ms), p.created_ms) DESC, p.name"
        )
        return [r[0] for r in rows]

    def rename_profile(self, old: str, new: str) -> None:
        """Rename a profile (its progress goes with it); the remembered last profile follows."""
        with self._write() as db:
            db.execute("UPDATE profiles SET name = ? WHERE name = ?", (new, old))
            db.execute("UPDATE meta SET value = ? WHERE key = 'last_profile' AND value = ?", (new, old))

    def delete_profile(self, name: str) -> bool:
        """Delete a profile and everything stored for it; False if there was none.

        secure_delete overwrites the freed pages and the checkpoint empties the WAL, so
        nothing of the profile can be read back from the file afterwards.
        """
        row = self._query("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()
        if row is None:
            return False
        self._query("PRAGMA secure_delete = ON")
        try:
            with self._write() as db:
                db.execute("DELETE FROM reviews WHERE profile_id = ?", (row[0],))
                db.execute("DELETE FROM cards WHERE profile_id = ?", (row[0],))
                db.execute("DELETE FROM profiles WHERE id = ?", (row[0],))
                db.execute("DELETE FROM meta WHERE key = 'last_profile' AND value = ?", (name,))
            self._query("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self._query("PRAGMA secure_delete = OFF")
        return True

    def last_profile(self) -> str | None:
        row = self._query("SELECT value FROM meta WHERE key = 'last_profile'").fetchone()
        return row[0] if row else None

    def remember_profile(self, name: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('last_profile', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (name,),
            )

    def meta(self, key: str) -> str | None:
        row = self._query("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def parameters(self, profile_id: int) -> tuple[float, ...] | None:
        """The profile's FSRS parameters as saved now (None: FSRS defaults)."""
        row = self._query("SELECT fsrs_parameters FROM profiles WHERE id = ?", (profile_id,)).fetchone()
        return tuple(json.loads(row[0])) if row and row[0] else None

    def set_parameters(self, profile_id: int, parameters: Sequence[float] | None) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE profiles SET fsrs_parameters = ? WHERE id = ?",
                (json.dumps(list(parameters)) if parameters else None, profile_id),
            )

    # -- cards ---------------------------------------------------------------------

    def all_progress(self, profile_id: int) -> dict[CardKey, CardProgress]:
        rows = self._query(
            f"SELECT deck_id, card_id, {_CARD_COLUMNS} FROM cards WHERE profile_id = ?", (profile_id,)
        )
        return {(r[0], r[1]): _row_to_progress(r[2:]) for r in rows}

    # -- what a day's queue needs, without building every card's state (study.queue) ------

    def learning_due(self, profile_id: int, now_ms: int, until_ms: int) -> list[tuple[int, CardKey]]:
        """(due ms, key) of (re)learning cards available now and due before `until_ms`."""
        rows = self._query(
            "SELECT coalesce(due_ms, ?), deck_id, card_id FROM cards WHERE profile_id = ? "
            "AND state IN (1, 3) AND NOT suspended AND (buried_until_ms IS NULL OR buried_until_ms <= ?) "
            "AND (due_ms IS NULL OR due_ms < ?)",
            (now_ms, profile_id, now_ms, until_ms),
        )
        return [(r[0], (r[1], r[2])) for r in rows]

    def reviews_due(self, profile_id: int, now_ms: int, until_ms: int) -> Iterator[CardKey]:
        """Keys of review cards available now and due before `until_ms`, least likely recalled
        first (the longest time since the last review for their stability), read lazily."""
        cursor = self._query(
            "SELECT deck_id, card_id FROM cards WHERE profile_id = ? AND state = 2 AND NOT suspended "
            "AND (buried_until_ms IS NULL OR buried_until_ms <= ?) AND (due_ms IS NULL OR due_ms < ?) "
            "ORDER BY CASE WHEN stability IS NULL OR last_review_ms IS NULL THEN -1.0 "
            "ELSE max(0, ? - last_review_ms) * 1.0 / stability END DESC, deck_id, card_id",
            (profile_id, now_ms, until_ms, now_ms),
        )
        try:
            while True:
                try:
                    rows = cursor.fetchmany(256)
                except sqlite3.Error as exc:
                    raise _classify(exc, self.path) from None
                if not rows:
                    return
                yield from rows  # (deck_id, card_id) tuples
        finally:
            cursor.close()  # an unfinished SELECT would hold a read transaction open

    def not_new(self, profile_id: int, deck_id: str, card_ids: Sequence[str], now_ms: int) -> set[str]:
        """Of `card_ids` in one deck, those that are not new cards available now (seen,
        suspended or buried)."""
        found: set[str] = set()
        for start in range(0, len(card_ids), 500):  # well under SQLite's parameter limit
            chunk = card_ids[start : start + 500]
            rows = self._query(
                "SELECT card_id FROM cards WHERE profile_id = ? AND deck_id = ? AND card_id IN "
                f"({','.join('?' * len(chunk))}) AND (state != 0 OR suspended "
                "OR (buried_until_ms IS NOT NULL AND buried_until_ms > ?))",
                (profile_id, deck_id, *chunk, now_ms),
            )
            found.update(r[0] for r in rows)
        return found

    def progress(self, profile_id: int, key: CardKey) -> CardProgress | None:
        row = self._query(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE profile_id = ? AND deck_id = ? AND card_id = ?",
            (profile_id, *key),
        ).fetchone()
        return _row_to_progress(row) if row else None

    def record_answer(
        self,
        profile_id: int,
        key: CardKey,
        schedule: Callable[[CardProgress | None], CardProgress],
        *,
        reviewed_ms: int,
        grade: int,
        typed: str | None,
        verdict: str | None,
        duration_ms: int | None,
    ) -> RecordedAnswer:
        """Store one answer, scheduled from the card's state as it is now in the database.

        `schedule` gets the card's current row (None: never seen) and returns its new state.
        It runs inside the write lock, so two sessions on one profile (two tabs, two
        terminals) each schedule from the other's latest answer instead of overwriting it.
        """
        recorded = self._record(
            profile_id, key, schedule, None, reviewed_ms, grade, typed, verdict, duration_ms
        )
        assert recorded is not None  # only an answer with an origin can be found already stored
        return recorded

    def record_answer_once(
        self,
        profile_id: int,
        key: CardKey,
        origin: str,
        schedule: Callable[[CardProgress | None], CardProgress],
        *,
        reviewed_ms: int,
        grade: int,
        typed: str | None,
        verdict: str | None,
        duration_ms: int | None,
    ) -> RecordedAnswer | None:
        """Store an answer given elsewhere (`origin` names it, e.g. a class quiz's answer), as
        record_answer does, unless an answer with this origin is already stored for the
        profile: then nothing is written and None is returned. The check and the write are
        one transaction, so two processes storing the same answer store it once."""
        return self._record(
            profile_id, key, schedule, origin, reviewed_ms, grade, typed, verdict, duration_ms
        )

    def _record(
        self,
        profile_id: int,
        key: CardKey,
        schedule: Callable[[CardProgress | None], CardProgress],
        origin: str | None,
        reviewed_ms: int,
        grade: int,
        typed: str | None,
        verdict: str | None,
        duration_ms: int | None,
    ) -> RecordedAnswer | None:
        with self._write() as db:
            if (
                origin is not None
                and db.execute(
                    "SELECT 1 FROM reviews WHERE profile_id = ? AND origin = ?", (profile_id, origin)
                ).fetchone()
            ):
                return None
            row = self._card_row(db, profile_id, key)
            before = _row_to_progress(row) if row else None
            after = schedule(before)
            review_id = self._log(
                db, profile_id, key, before, after, reviewed_ms, grade, typed, verdict, duration_ms, origin
            )
            self._put(db, profile_id, key, after)
        return RecordedAnswer(review_id, before, after)

    def record_review(
        self,
        profile_id: int,
        key: CardKey,
        before: CardProgress | None,
        after: CardProgress,
        *,
        reviewed_ms: int,
        grade: int,
        typed: str | None,
        verdict: str | None,
        duration_ms: int | None,
    ) -> int:
        """Store one review whose states are already known (imports, tests): log row and card row."""
        with self._write() as db:
            review_id = self._log(
                db, profile_id, key, before, after, reviewed_ms, grade, typed, verdict, duration_ms
            )
            self._put(db, profile_id, key, after)
            return review_id

    @staticmethod
    def _log(
        db: sqlite3.Connection,
        profile_id: int,
        key: CardKey,
        before: CardProgress | None,
        after: CardProgress,
        reviewed_ms: int,
        grade: int,
        typed: str | None,
        verdict: str | None,
        duration_ms: int | None,
        origin: str | None = None,
    ) -> int:
        memory_before = (before or CardProgress()).memory
        elapsed = None
        if memory_before.last_review_ms is not None:
            elapsed = (reviewed_ms - memory_before.last_review_ms) / 86_400_000
        cursor = db.execute(
            "INSERT INTO reviews (profile_id, deck_id, card_id, reviewed_ms, grade, typed, verdict, "
            "duration_ms, state_before, elapsed_days, interval_days, origin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                profile_id,
                *key,
                reviewed_ms,
                grade,
                typed,
                verdict,
                duration_ms,
                int(memory_before.state),
                elapsed,
                after.memory.interval_days(),
                origin,
            ),
        )
        assert cursor.lastrowid is not None  # an INSERT into a rowid table always sets it
        return cursor.lastrowid

    def set_progress(
        self, profile_id: int, key: CardKey, progress: CardProgress | None, undo_review_id: int | None = None
    ) -> None:
        """Replace a card's row (None: as if never seen), optionally retracting one review."""
        with self._write() as db:
            self._replace(db, profile_id, key, progress, undo_review_id)

    def update_card(
        self, profile_id: int, key: CardKey, change: Callable[[CardProgress | None], CardProgress]
    ) -> tuple[CardProgress | None, CardProgress]:
        """Change a card's row as it is now in the database (None: never seen), inside the
        write lock, as record_answer does: a bury or suspend keeps an answer another session
        gave meanwhile. Returns the row before and after."""
        with self._write() as db:
            row = self._card_row(db, profile_id, key)
            before = _row_to_progress(row) if row else None
            after = change(before)
            self._put(db, profile_id, key, after)
        return before, after

    def undo_progress(
        self,
        profile_id: int,
        key: CardKey,
        written: CardProgress,
        earlier: CardProgress | None,
        undo_review_id: int | None = None,
    ) -> bool:
        """Put back a card's `earlier` row (None: as if never seen), retracting one review, but
        only if the row is still the one the caller `written`; otherwise write nothing and
        return False. Check and write are one transaction: an answer given to the card
        meanwhile by another session (another terminal, a class, a synced copy) is never lost
        to an undo."""
        with self._write() as db:
            row = self._card_row(db, profile_id, key)
            if row is None or tuple(row) != _columns(written):
                return False
            self._replace(db, profile_id, key, earlier, undo_review_id)
        return True

    @staticmethod
    def _card_row(db: sqlite3.Connection, profile_id: int, key: CardKey) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE profile_id = ? AND deck_id = ? AND card_id = ?",
            (profile_id, *key),
        ).fetchone()
        return row

    def _replace(
        self,
        db: sqlite3.Connection,
        profile_id: int,
        key: CardKey,
        progress: CardProgress | None,
        undo_review_id: int | None,
    ) -> None:
        """The card's row becomes `progress` (None: as if never seen), retracting one review."""
        if undo_review_id is not None:
            db.execute("DELETE FROM reviews WHERE id = ? AND profile_id = ?", (undo_review_id, profile_id))
        if progress is None:
            db.execute(
                "DELETE FROM cards WHERE profile_id = ? AND deck_id = ? AND card_id = ?",
                (profile_id, *key),
            )
        else:
            self._put(db, profile_id, key, progress)

    @staticmethod
    def _put(db: sqlite3.Connection, profile_id: int, key: CardKey, p: CardProgress) -> None:
        db.execute(
            f"INSERT OR REPLACE INTO cards (profile_id, deck_id, card_id, {_CARD_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (profile_id, *key, *_columns(p)),
        )

    # -- the review log --------------------------------------------------------------

    def reviews(self, profile_id: int, since_ms: int | None = None) -> list[ReviewRow]:
        rows = self._query(
            "SELECT id, deck_id, card_id, reviewed_ms, grade, typed, verdict, duration_ms, state_before, "
            "elapsed_days, interval_days FROM reviews WHERE profile_id = ? AND reviewed_ms >= ? "
            "ORDER BY reviewed_ms, id",
            (profile_id, since_ms or 0),
        )
        return [ReviewRow(*r) for r in rows]

    def review_count(self, profile_id: int) -> int:
        count: int = self._query(
            "SELECT count(*) FROM reviews WHERE profile_id = ?", (profile_id,)
        ).fetchone()[0]
        return count

    def true_retention(self, profile_id: int) -> tuple[int, int]:
        """(reviews, passed) over reviews of cards in review state at least a day after the last one."""
        count, passed = self._query(
            "SELECT count(*), coalesce(sum(grade > 1), 0) FROM reviews WHERE profile_id = ? "
            "AND state_before = 2 AND elapsed_days >= 1",
            (profile_id,),
        ).fetchone()
        return count, passed

    def card_results(self, profile_ids: Sequence[int] | None = None) -> dict[CardKey, tuple[int, int]]:
        """(reviews, answered wrong: graded Again) per card, over the given profiles (default: all)."""
        sql = "SELECT deck_id, card_id, count(*), coalesce(sum(grade = 1), 0) FROM reviews"
        params: tuple[int, ...] = ()
        if profile_ids is not None:
            sql += f" WHERE profile_id IN ({', '.join('?' * len(profile_ids))})"
            params = tuple(profile_ids)
        rows = self._query(sql + " GROUP BY deck_id, card_id", params)
        return {(r[0], r[1]): (r[2], r[3]) for r in rows}

    def merge_progress(
        self, profile_id: int, reviews: Sequence[ReviewRow], cards: dict[CardKey, CardProgress]
    ) -> tuple[int, int]:
        """Add reviews from another copy of this profile, and card states that are newer.

        In one transaction. A review already here (same card, moment and grade) is not added
        again, and a card whose last review here is as recent or more is left alone, so
        merging the same file twice adds nothing. Returns (reviews added, cards updated).
        """
        added = updated = 0
        with self._write() as db:
            for r in reviews:
                exists = db.execute(
                    "SELECT 1 FROM reviews WHERE profile_id = ? AND deck_id = ? AND card_id = ? "
                    "AND reviewed_ms = ? AND grade = ?",
                    (profile_id, r.deck_id, r.card_id, r.reviewed_ms, r.grade),
                ).fetchone()
                if exists:
                    continue
                db.execute(
                    "INSERT INTO reviews (profile_id, deck_id, card_id, reviewed_ms, grade, typed, verdict, "
                    "duration_ms, state_before, elapsed_days, interval_days) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        profile_id,
                        r.deck_id,
                        r.card_id,
                        r.reviewed_ms,
                        r.grade,
                        r.typed,
                        r.verdict,
                        r.duration_ms,
                        r.state_before,
                        r.elapsed_days,
                        r.interval_days,
                    ),
                )
                added += 1
            for key, incoming in cards.items():
                row = db.execute(
                    "SELECT last_review_ms FROM cards WHERE profile_id = ? AND deck_id = ? AND card_id = ?",
                    (profile_id, *key),
                ).fetchone()
                here = row[0] if row and row[0] is not None else -1 if row else None
                theirs = incoming.memory.last_review_ms if incoming.memory.last_review_ms is not None else -1
                if here is None or theirs > here:
                    self._put(db, profile_id, key, incoming)
                    updated += 1
        return added, updated

    def integrity_ok(self) -> bool:
        result: str = self._query("PRAGMA integrity_check").fetchone()[0]
        return result == "ok"


def _within_fsrs_bounds(parameters: list[float]) -> bool:
    """What fsrs.Scheduler accepts (it raises otherwise): each parameter within its bounds."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS  # only when fitted

    return all(
        low <= value <= high
        for value, low, high in zip(parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True)
    )


def _is_utf8(value: bytes | None) -> bool:
    try:
        (value or b"").decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _classify(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreCorrupt(f"{path} is not a readable progress database ({exc})", path)
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return StoreReadOnly(
            f"cannot write progress to {path} ({exc})",
            path,
            "make the folder writable, or choose another with --data-dir or CAUCASUSQUIZ_DATA_DIR",
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{path} is busy: another caucasusquiz is writing to it ({exc})", path, "try again in a moment"
        )
    return StoreError(f"cannot use {path} ({exc})", path)


def move_aside(path: Path, now: datetime) -> Path:
    """Move a damaged database (and its WAL files) out of the way, never deleting anything."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.rename(target.with_name(target.name + suffix))
    return target
