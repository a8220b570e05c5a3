"""The class file, `class.sqlite3`: sessions, their questions, the students and their answers.

Separate from progress.sqlite3 so a class never risks a student's schedule, with its own
`PRAGMA user_version` migrations. WAL lets the host write while students read; every state
change is one short transaction, so a host that crashes leaves nothing half-written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from caucasusquiz.errors import UserError
from caucasusquiz.store.sqlite import migrate, transaction

FILE_NAME = "class.sqlite3"
BUSY_TIMEOUT_MS = 10_000

MIGRATIONS: tuple[str, ...] = (
    # 0 → 1: a session (one class quiz), its questions as shown, its students and answers.
    """
    CREATE TABLE sessions (
        id               INTEGER PRIMARY KEY,
        code             TEXT NOT NULL,
        title            TEXT NOT NULL,
        seconds          INTEGER NOT NULL,
        count_as_review  INTEGER NOT NULL DEFAULT 0,
        created_ms       INTEGER NOT NULL,
        phase            TEXT NOT NULL,        -- lobby / question / reveal / scoreboard / ended
        position         INTEGER NOT NULL DEFAULT -1,  -- the question on screen, from 0
        started_ms       INTEGER,              -- when that question was shown
        ended_ms         INTEGER,
        counted_ms       INTEGER               -- when answers went into profiles (--count-as-review)
    );
    CREATE INDEX sessions_by_code ON sessions (code, phase);
    -- A copy of each card as asked, so a report still reads right after the decks change.
    CREATE TABLE questions (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        deck_id    TEXT NOT NULL,
        card_id    TEXT NOT NULL,
        kind       TEXT NOT NULL,              -- the card type
        prompt     TEXT NOT NULL,
        answer     TEXT NOT NULL,
        accept     TEXT NOT NULL,              -- JSON list
        options    TEXT NOT NULL,              -- JSON list; empty for typed answers
        context    TEXT,
        source     TEXT,
        PRIMARY KEY (session_id, position)
    );
    CREATE TABLE students (
        id         INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        joined_ms  INTEGER NOT NULL,
        UNIQUE (session_id, name)
    );
    CREATE TABLE answers (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        typed      TEXT NOT NULL,
        choice     INTEGER,                    -- the option picked; NULL for typed answers
        verdict    TEXT NOT NULL,              -- right / almost / wrong
        points     INTEGER NOT NULL,
        elapsed_ms INTEGER NOT NULL,
        PRIMARY KEY (session_id, position, student_id)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class ClassFileError(UserError):
    """The class file cannot be used; the message says why."""


class ClassDatabase:
    """A connection to class.sqlite3 with the same habits as the progress store."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.db = connection
        self.path = path

    @classmethod
    def open(cls, data_dir: Path) -> ClassDatabase:
        path = data_dir / FILE_NAME
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise ClassFileError(f"cannot open the class file {path} ({exc})") from None
        database = cls(connection, path)
        try:
            database._prepare()
        except sqlite3.Error as exc:
            connection.close()
            raise ClassFileError(
                f"{path} is not a usable class file ({exc})",
                "move it aside; it holds only class quizzes, never study progress",
            ) from None
        except ClassFileError:
            connection.close()
            raise
        return database

    def _prepare(self) -> None:
        db = self.db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ClassFileError(
                f"{self.path} was written by a newer caucasusquiz (class schema {version})",
                "upgrade caucasusquiz to open it",
            )
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            with self.write():
                migrate(db, MIGRATIONS)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is stored, or (on any error or crash) none of it."""
        with transaction(
            self.db, lambda exc: ClassFileError(f"cannot write the class file {self.path} ({exc})")
        ):
            yield self.db

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise ClassFileError(f"cannot read the class file {self.path} ({exc})") from None

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self.db.close()


def forget_student(data_dir: Path, name: str) -> None:
    """Delete every class answer and join of `name` (their profile was deleted)."""
    if not (data_dir / FILE_NAME).exists():
        return
    database = ClassDatabase.open(data_dir)
    try:
        database.db.execute("PRAGMA secure_delete = ON")
        with database.write() as db:
            db.execute(
                "DELETE FROM answers WHERE student_id IN (SELECT id FROM students WHERE name = ?)", (name,)
            )
            db.execute("DELETE FROM students WHERE name = ?", (name,))
        database.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.close()
