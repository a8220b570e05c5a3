"""The progress database schema, as an ordered list of migrations tracked by `PRAGMA user_version`.

Never edit a migration that has shipped: add a new one. Migration N brings a database
from user_version N to N + 1, inside one transaction.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 0 → 1: profiles, per-card scheduling state, and the review log.
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE profiles (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL UNIQUE,
        created_ms      INTEGER NOT NULL,
        fsrs_parameters TEXT                   -- JSON list; NULL means FSRS defaults
    );
    -- One row per card a profile has seen (or suspended). Cards are keyed by deck and
    -- card id, never by content, and rows are kept when a card leaves the decks.
    CREATE TABLE cards (
        profile_id      INTEGER NOT NULL REFERENCES profiles(id),
        deck_id         TEXT NOT NULL,
        card_id         TEXT NOT NULL,
        state           INTEGER NOT NULL,      -- 0 new, 1 learning, 2 review, 3 relearning
        step            INTEGER,
        stability       REAL,
        difficulty      REAL,
        due_ms          INTEGER,
        last_review_ms  INTEGER,
        reps            INTEGER NOT NULL DEFAULT 0,
        lapses          INTEGER NOT NULL DEFAULT 0,
        suspended       INTEGER NOT NULL DEFAULT 0,
        buried_until_ms INTEGER,
        leech           INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (profile_id, deck_id, card_id)
    ) WITHOUT ROWID;
    -- Append-only, except that undoing an answer removes the review it undoes.
    CREATE TABLE reviews (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id    INTEGER NOT NULL REFERENCES profiles(id),
        deck_id       TEXT NOT NULL,
        card_id       TEXT NOT NULL,
        reviewed_ms   INTEGER NOT NULL,
        grade         INTEGER NOT NULL,        -- 1 again, 2 hard, 3 good, 4 easy
        typed         TEXT,
        verdict       TEXT,                    -- right / almost / wrong / revealed
        duration_ms   INTEGER,
        state_before  INTEGER NOT NULL,
        elapsed_days  REAL,                    -- since the previous review of this card
        interval_days REAL                     -- scheduled by this review
    );
    CREATE INDEX reviews_by_time ON reviews (profile_id, reviewed_ms);
    CREATE INDEX reviews_by_card ON reviews (profile_id, deck_id, card_id, reviewed_ms);
    """,
    # 1 → 2: opening checks only the reviews added since the last check (the log is
    # append-only; meta 'reviews_checked_through' holds the last id checked). A review that
    # is changed, or added below that id, by any program, forgets the mark, so the next
    # opening checks the whole log again. caucasusquiz itself never does either.
    """
    CREATE TRIGGER reviews_changed AFTER UPDATE ON reviews
    BEGIN
        DELETE FROM meta WHERE key = 'reviews_checked_through';
    END;
    CREATE TRIGGER reviews_added_below_mark AFTER INSERT ON reviews
    WHEN NEW.id <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'reviews_checked_through')
    BEGIN
        DELETE FROM meta WHERE key = 'reviews_checked_through';
    END;
    """,
    # 2 → 3: a review recorded from outside the profile's own study (a class quiz's answer,
    # `class host --count-as-review`) names the answer it came from, at most once per profile:
    # two hosts counting one class, or a host counting again after a crash, add nothing twice.
    """
    ALTER TABLE reviews ADD COLUMN origin TEXT;
    CREATE UNIQUE INDEX reviews_by_origin ON reviews (profile_id, origin) WHERE origin IS NOT NULL;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
