"""A live class quiz as a state machine over the class file: the host drives it, students answer.

    lobby ──start──▶ question ──time up / all answered / reveal──▶ reveal ──next──▶ scoreboard
                         ▲                                                              │
                         └──────────────────────────next────────────────────────────────┘
    (any phase) ──end──▶ ended;   after the last question's scoreboard, next ends it.

The host process writes the phase; each student process writes only its own answers and
reads everything else. Time comes from an injected clock, so tests run on a frozen one.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from caucasusquiz.classroom.questions import Question
from caucasusquiz.classroom.storage import ClassDatabase
from caucasusquiz.clock import to_ms
from caucasusquiz.errors import UserError
from caucasusquiz.profiles import validate_name
from caucasusquiz.study.answers import Verdict

Clock = Callable[[], datetime]
CODE_DIGITS = 6
MAX_POINTS = 1000


class Phase(StrEnum):
    LOBBY = "lobby"
    QUESTION = "question"
    REVEAL = "reveal"
    SCOREBOARD = "scoreboard"
    ENDED = "ended"


def points_for(verdict: str, elapsed_ms: int, limit_ms: int) -> int:
    """Right: 500 to 1000 points, more for a faster answer; almost: half that; wrong: none."""
    if verdict not in (Verdict.RIGHT, Verdict.ALMOST):
        return 0
    speed = 1 - min(max(elapsed_ms, 0), limit_ms) / max(limit_ms, 1)
    full = round(MAX_POINTS / 2 + MAX_POINTS / 2 * speed)
    return full if verdict == Verdict.RIGHT else full // 2


@dataclass(frozen=True, slots=True)
class Standing:
    name: str
    score: int
    gained: int  # points from the question just revealed
    rank: int


@dataclass(frozen=True, slots=True)
class Tally:
    """How the class answered one question: per option, or right/almost/wrong for typed ones."""

    per_option: tuple[int, ...]
    right: int
    almost: int
    wrong: int
    unanswered: int


@dataclass(frozen=True, slots=True)
class ClassView:
    """Everything a screen needs to draw the class at one moment (host or student)."""

    code: str
    title: str
    phase: Phase
    students: tuple[str, ...]
    total: int  # questions in the quiz
    seconds: int
    question: Question | None = None
    seconds_left: float = 0.0
    answered: int = 0
    tally: Tally | None = None
    standings: tuple[Standing, ...] = ()
    # For a student's view only: their answer to this question and their place.
    mine: MyResult | None = None


@dataclass(frozen=True, slots=True)
class MyResult:
    typed: str | None
    verdict: str | None
    points: int
    score: int
    rank: int | None


@dataclass(frozen=True, slots=True)
class SessionRow:
    """The session's row: where the quiz is now."""

    id: int
    code: str
    title: str
    seconds: int
    phase: Phase
    position: int
    started_ms: int | None
    count_as_review: bool
    created_ms: int


class ClassSession:
    """One class quiz in the class file; the host and the students each hold one."""

    def __init__(self, database: ClassDatabase, session_id: int, clock: Clock) -> None:
        self.database = database
        self.id = session_id
        self.clock = clock
        self._questions: list[Question] | None = None

    # -- creating and finding ----------------------------------------------------------

    @classmethod
    def create(
        cls,
        database: ClassDatabase,
        questions: Sequence[Question],
        *,
        title: str,
        seconds: int,
        clock: Clock,
        count_as_review: bool = False,
        code: str | None = None,
    ) -> ClassSession:
        if not questions:
            raise UserError("there are no cards to ask", "choose another deck with --deck")
        now = to_ms(clock())
        with database.write() as db:
            code = code or _free_code(database)
            cursor = db.execute(
                "INSERT INTO sessions (code, title, seconds, count_as_review, created_ms, phase) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (code, title, seconds, int(count_as_review), now, Phase.LOBBY.value),
            )
            session_id = cursor.lastrowid
            assert session_id is not None  # an INSERT into a rowid table always has one
            db.executemany(
                "INSERT INTO questions (session_id, position, deck_id, card_id, kind, prompt, answer, "
                "accept, options, context, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        session_id,
                        q.position,
                        q.deck_id,
                        q.card_id,
                        q.kind,
                        q.prompt,
                        q.answer,
                        json.dumps(list(q.accept)),
                        json.dumps(list(q.options)),
                        q.context,
                        q.source,
                    )
                    for q in questions
                ],
            )
        return cls(database, session_id, clock)

    @classmethod
    def find(cls, database: ClassDatabase, code: str, clock: Clock) -> ClassSession:
        """The open (not ended) session with this join code."""
        code = code.strip()
        rows = database.read(
            "SELECT id FROM sessions WHERE code = ? AND phase != ? ORDER BY id DESC LIMIT 1",
            (code, Phase.ENDED.value),
        )
        if not rows:
            raise UserError(
                f"no class is open with the code {code!r}", "check the code on the teacher's screen"
            )
        return cls(database, rows[0][0], clock)

    # -- reading -------------------------------------------------------------------------

    def state(self) -> SessionRow:
        (row,) = self.database.read(
            "SELECT id, code, title, seconds, phase, position, started_ms, count_as_review, created_ms "
            "FROM sessions WHERE id = ?",
            (self.id,),
        )
        return SessionRow(row[0], row[1], row[2], row[3], Phase(row[4]), row[5], row[6], bool(row[7]), row[8])

    @property
    def questions(self) -> list[Question]:
        if self._questions is None:  # questions never change once a session is made
            rows = self.database.read(
                "SELECT position, deck_id, card_id, kind, prompt, answer, accept, options, context, source "
                "FROM questions WHERE session_id = ? ORDER BY position",
                (self.id,),
            )
            self._questions = [
                Question(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    tuple(json.loads(r[6])),
                    tuple(json.loads(r[7])),
                    r[8],
                    r[9],
                )
                for r in rows
            ]
        return self._questions

    @property
    def code(self) -> str:
        return self.state().code

    @property
    def count_as_review(self) -> bool:
        return self.state().count_as_review

    @property
    def phase(self) -> Phase:
        return self.state().phase

    def students(self) -> list[tuple[int, str]]:
        return [
            (r[0], r[1])
            for r in self.database.read(
                "SELECT id, name FROM students WHERE session_id = ? ORDER BY joined_ms, id", (self.id,)
            )
        ]

    def standings(self, upto: int) -> list[Standing]:
        """Scores after questions 0..upto, best first; ties share a rank."""
        rows = self.database.read(
            "SELECT s.name, coalesce(sum(a.points), 0), "
            "coalesce(sum(CASE WHEN a.position = ? THEN a.points END), 0) "
            "FROM students s LEFT JOIN answers a ON a.student_id = s.id AND a.position <= ? "
            "WHERE s.session_id = ? GROUP BY s.id ORDER BY 2 DESC, s.name",
            (upto, upto, self.id),
        )
        standings, rank, last = [], 0, None
        for index, (name, score, gained) in enumerate(rows):
            if score != last:
                rank, last = index + 1, score
            standings.append(Standing(name, score, gained, rank))
        return standings

    def tally(self, question: Question) -> Tally:
        rows = self.database.read(
            "SELECT choice, verdict FROM answers WHERE session_id = ? AND position = ?",
            (self.id, question.position),
        )
        per_option = [0] * len(question.options)
        counts = {"right": 0, "almost": 0, "wrong": 0}
        for choice, verdict in rows:
            if choice is not None and 0 <= choice < len(per_option):
                per_option[choice] += 1
            counts[verdict] = counts.get(verdict, 0) + 1
        missing = len(self.students()) - len(rows)
        return Tally(tuple(per_option), counts["right"], counts["almost"], counts["wrong"], missing)

    def answered_count(self, position: int) -> int:
        count: int = self.database.read(
            "SELECT count(*) FROM answers WHERE session_id = ? AND position = ?", (self.id, position)
        )[0][0]
        return count

    def view(self, student_id: int | None = None) -> ClassView:
        row = self.state()
        students = tuple(name for _, name in self.students())
        question = self.questions[row.position] if 0 <= row.position < len(self.questions) else None
        view = ClassView(row.code, row.title, row.phase, students, len(self.questions), row.seconds)
        extra: dict[str, Any] = {}
        if question is not None and row.phase is not Phase.LOBBY:
            extra["question"] = question
            extra["answered"] = self.answered_count(question.position)
            if row.phase is Phase.QUESTION and row.started_ms is not None:
                left = (row.started_ms + row.seconds * 1000 - to_ms(self.clock())) / 1000
                extra["seconds_left"] = max(0.0, left)
            if row.phase in (Phase.REVEAL, Phase.SCOREBOARD, Phase.ENDED):
                extra["tally"] = self.tally(question)
                extra["standings"] = tuple(self.standings(question.position))
            elif question.position > 0:  # a student keeps seeing their score while answering
                extra["standings"] = tuple(self.standings(question.position - 1))
        elif row.phase is Phase.ENDED:  # ended in the lobby: everyone who joined, no points yet
            extra["standings"] = tuple(self.standings(-1))
        if student_id is not None:
            extra["mine"] = self._mine(student_id, row, question, extra.get("standings"))
        return replace(view, **extra)

    def _mine(self, student_id: int, row: SessionRow, question: Question | None, standings: Any) -> MyResult:
        typed = verdict = None
        points = 0
        if question is not None:
            rows = self.database.read(
                "SELECT typed, verdict, points FROM answers WHERE session_id = ? AND position = ? "
                "AND student_id = ?",
                (self.id, question.position, student_id),
            )
            if rows:
                typed, verdict, points = rows[0]
        (name,) = self.database.read("SELECT name FROM students WHERE id = ?", (student_id,))[0]
        score, rank = 0, None
        for standing in standings or ():
            if standing.name == name:
                score, rank = standing.score, standing.rank
        if row.phase is Phase.QUESTION:  # verdicts stay hidden until the reveal
            verdict, points = None, 0
        return MyResult(typed, verdict, points, score, rank)

    # -- the host's moves ------------------------------------------------------------------

    def _set(self, phase: Phase, **columns: object) -> None:
        sets = ", ".join(f"{name} = ?" for name in ("phase", *columns))
        with self.database.write() as db:
            db.execute(f"UPDATE sessions SET {sets} WHERE id = ?", (phase.value, *columns.values(), self.id))

    def next(self) -> Phase:
        """Move on: lobby → first question; reveal → scoreboard; scoreboard → next question or end."""
        row = self.state()
        if row.phase is Phase.LOBBY or row.phase is Phase.SCOREBOARD:
            if row.position + 1 >= len(self.questions):
                return self.end()
            self._set(Phase.QUESTION, position=row.position + 1, started_ms=to_ms(self.clock()))
            return Phase.QUESTION
        if row.phase is Phase.QUESTION:
            return self.reveal()
        if row.phase is Phase.REVEAL:
            self._set(Phase.SCOREBOARD)
            return Phase.SCOREBOARD
        return row.phase

    def reveal(self) -> Phase:
        if self.state().phase is Phase.QUESTION:
            self._set(Phase.REVEAL)
        return self.phase

    def tick(self) -> Phase:
        """Called by the host now and then: reveal when time is up or everyone has answered."""
        row = self.state()
        if row.phase is not Phase.QUESTION or row.started_ms is None:
            return row.phase
        time_up = to_ms(self.clock()) >= row.started_ms + row.seconds * 1000
        students = len(self.students())
        everyone = students > 0 and self.answered_count(row.position) >= students
        return self.reveal() if time_up or everyone else row.phase

    def end(self) -> Phase:
        self._set(Phase.ENDED, ended_ms=to_ms(self.clock()))
        return Phase.ENDED

    # -- the students' moves ------------------------------------------------------------------

    def join(self, name: str) -> int:
        """Join under `name`; joining again with the same name is the same student, score and all."""
        name = validate_name(name)
        if self.phase is Phase.ENDED:
            raise UserError("this class has ended")
        student_id: int
        with self.database.write() as db:
            db.execute(
                "INSERT OR IGNORE INTO students (session_id, name, joined_ms) VALUES (?, ?, ?)",
                (self.id, name, to_ms(self.clock())),
            )
            (student_id,) = db.execute(
                "SELECT id FROM students WHERE session_id = ? AND name = ?", (self.id, name)
            ).fetchone()
        return student_id

    def answer(self, student_id: int, typed: str) -> bool | None:
        """Record a student's answer to the question on screen.

        Returns None when the text is not an answer (an unknown option: ask again), False when
        it comes too late or twice (the first answer counts), True when it was recorded.
        """
        row = self.state()
        if row.phase is not Phase.QUESTION or row.started_ms is None:
            return False
        question = self.questions[row.position]
        checked = question.check(typed)
        if checked is None:
            return None
        check, choice = checked
        limit_ms = row.seconds * 1000
        elapsed = to_ms(self.clock()) - row.started_ms
        if elapsed > limit_ms:
            return False
        verdict = check.verdict.value
        with self.database.write() as db:
            # Re-read inside the write lock: the host may have revealed meanwhile.
            phase, position = db.execute(
                "SELECT phase, position FROM sessions WHERE id = ?", (self.id,)
            ).fetchone()
            if phase != Phase.QUESTION.value or position != row.position:
                return False
            cursor = db.execute(
                "INSERT OR IGNORE INTO answers (session_id, position, student_id, typed, choice, verdict, "
                "points, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.id,
                    row.position,
                    student_id,
                    typed.strip(),
                    choice,
                    verdict,
                    points_for(verdict, elapsed, limit_ms),
                    elapsed,
                ),
            )
        return cursor.rowcount == 1


def _free_code(database: ClassDatabase) -> str:
    taken = {r[0] for r in database.read("SELECT code FROM sessions WHERE phase != ?", (Phase.ENDED.value,))}
    while True:
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        if code not in taken:
            return code
