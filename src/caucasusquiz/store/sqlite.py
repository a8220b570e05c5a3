"""What every SQLite file of the app shares: one write transaction, migrations statement by
statement. Progress (`store.database`) and the live class file (`classroom.storage`) use it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress


@contextmanager
def transaction(db: sqlite3.Connection, failure: Callable[[sqlite3.Error], Exception]) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT: all of it is stored, or (on any error or crash) none of it.

    A database error anywhere, COMMIT included, is rolled back and raised as `failure(error)`,
    a message for the user rather than a traceback; the connection is left ready for the next
    transaction."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise failure(exc) from None
    try:
        yield
    except BaseException as exc:
        with suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise failure(exc) from None
        raise
    try:
        db.execute("COMMIT")
    except sqlite3.Error as exc:
        with suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise failure(exc) from None


def migrate(db: sqlite3.Connection, migrations: Sequence[str]) -> None:
    """Bring the file up to `len(migrations)`, inside a transaction the caller holds.

    The version is re-read here, inside the write lock: another process may have migrated
    meanwhile. executescript would commit the caller's transaction, so statements run one by one.
    """
    current = db.execute("PRAGMA user_version").fetchone()[0]
    for number in range(current, len(migrations)):
        for statement in statements(migrations[number]):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {number + 1}")


def statements(script: str) -> list[str]:
    """Split a migration into statements (sqlite3 knows where they end, comments and all)."""
    found, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            found.append(buffer.strip())
            buffer = ""
    return found
