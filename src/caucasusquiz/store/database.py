"""The progress store: SQLite in WAL mode, one short transaction per answer.

Durability: every answer is committed (synchronous=FULL) before the caller shows the
next card, so `kill -9` or a power cut loses nothing already answered. Two app
instances on one profile are safe: SQLite serialises writers (busy timeout), and each
write is a single `BEGIN IMMEDIATE` transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from caucasusquiz.errors import UserError
from caucasusquiz.store.schema import MIGRATIONS, SCHEMA_VERSION
from caucasusquiz.study.clock import to_ms
from caucasusquiz.study.scheduler import Memory, State

BUSY_TIMEOUT_MS = 10_000
CardKey = tuple[str, str]


class StoreError(UserError):
    """The progress database cannot be used; the message says why and what to do."""

    def __init__(self, message: str, path: Path, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.path = path


class StoreCorrupt(StoreError):
    """The file exists but is not a healthy caucasusquiz database."""


class StoreReadOnly(StoreError):
    """The data folder or database cannot be written."""


@dataclass(frozen=True, slots=True)
class CardProgress:
    """A card's stored row: its memory plus what the learner did to it."""

    memory: Memory = field(default_factory=Memory)
    suspended: bool = False
    buried_until_ms: int | None = None
    leech: bool = False

    def to_json(self) -> str:
        data = asdict(self)
        data["memory"]["state"] = int(self.memory.state)
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> CardProgress:
        data = json.loads(text)
        memory = data.pop("memory")
        memory["state"] = State(memory["state"])
        return cls(memory=Memory(**memory), **data)


@dataclass(frozen=True, slots=True)
class Profile:
    id: int
    name: str
    fsrs_parameters: tuple[float, ...] | None


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    deck_id: str
    card_id: str
    reviewed_ms: int
    grade: int
    typed: str | None
    verdict: str | None
    duration_ms: int | None
    state_before: int
    elapsed_days: float | None
    interval_days: float | None


_CARD_COLUMNS = (
    "state, step, stability, difficulty, due_ms, last_review_ms, reps, lapses, "
    "suspended, buried_until_ms, leech"
)


_STATES = tuple(State)  # indexing is several times faster than State(n) for 100k rows


def _row_to_progress(row: Sequence) -> CardProgress:
    state, step, stability, difficulty, due, last, reps, lapses, suspended, buried, leech = row
    return CardProgress(
        Memory(_STATES[state], step, stability, difficulty, due, last, reps, lapses),
        bool(suspended),
        buried,
        bool(leech),
    )


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
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        with self._write() as db:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            current = db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(current, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None
        try:
            yield db
        except BaseException as exc:
            with suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _classify(exc, self.path) from None
            raise
        try:
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            with suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise _classify(exc, self.path) from None

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self._db.close()

    def _query(self, sql: str, params: Sequence = ()) -> sqlite3.Cursor:
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
        """Store one answer: the review log row and the card's new state, in one transaction."""
        memory_before = (before or CardProgress()).memory
        elapsed = None
        if memory_before.last_review_ms is not None:
            elapsed = (reviewed_ms - memory_before.last_review_ms) / 86_400_000
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO reviews (profile_id, deck_id, card_id, reviewed_ms, grade, typed, verdict, "
                "duration_ms, state_before, elapsed_days, interval_days) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                ),
            )
            self._put(db, profile_id, key, after)
            return cursor.lastrowid

    def set_progress(
        self, profile_id: int, key: CardKey, progress: CardProgress | None, undo_review_id: int | None = None
    ) -> None:
        """Replace a card's row (None: as if never seen), optionally retracting one review."""
        with self._write() as db:
            if undo_review_id is not None:
                db.execute(
                    "DELETE FROM reviews WHERE id = ? AND profile_id = ?", (undo_review_id, profile_id)
                )
            if progress is None:
                db.execute(
                    "DELETE FROM cards WHERE profile_id = ? AND deck_id = ? AND card_id = ?",
                    (profile_id, *key),
                )
            else:
                self._put(db, profile_id, key, progress)

    @staticmethod
    def _put(db: sqlite3.Connection, profile_id: int, key: CardKey, p: CardProgress) -> None:
        m = p.memory
        db.execute(
            f"INSERT OR REPLACE INTO cards (profile_id, deck_id, card_id, {_CARD_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                profile_id,
                *key,
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
            ),
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
        return self._query("SELECT count(*) FROM reviews WHERE profile_id = ?", (profile_id,)).fetchone()[0]

    def true_retention(self, profile_id: int) -> tuple[int, int]:
        """(reviews, passed) over reviews of cards in review state at least a day after the last one."""
        count, passed = self._query(
            "SELECT count(*), coalesce(sum(grade > 1), 0) FROM reviews WHERE profile_id = ? "
            "AND state_before = 2 AND elapsed_days >= 1",
            (profile_id,),
        ).fetchone()
        return count, passed

    def integrity_ok(self) -> bool:
        return self._query("PRAGMA integrity_check").fetchone()[0] == "ok"


def _statements(script: str) -> list[str]:
    """Split a migration into statements (sqlite3 knows where they end, comments and all)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return statements


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
