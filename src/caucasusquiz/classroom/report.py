"""The class report: what the class struggles with, per student, per card and per live quiz.

Built from the students' study progress (the profiles in progress.sqlite3) and from the
live quizzes in class.sqlite3. Read-only: it opens no profile that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from caucasusquiz.classroom.session import ClassSession, Phase
from caucasusquiz.classroom.storage import FILE_NAME, ClassDatabase
from caucasusquiz.clock import from_ms
from caucasusquiz.decks.collection import Collection
from caucasusquiz.errors import UserError
from caucasusquiz.paths import Locations
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import Profile, ProgressStore
from caucasusquiz.study import humanize
from caucasusquiz.study.stats import collect_stats

WORST_CARDS = 20


@dataclass
class StudentRow:
    name: str
    reviews: int
    minutes: float
    accuracy: float | None  # share of reviews not graded Again
    retention: float | None  # true retention, when measured
    mastery: dict[str, float]  # deck id → share of mature cards
    last_active: str | None  # ISO date-time (UTC)
    overall_mastery: float | None = None  # share of mature cards over all the decks


@dataclass
class CardRow:
    deck: str
    card: str
    text: str
    reviews: int
    wrong: int

    @property
    def error_rate(self) -> float:
        return self.wrong / self.reviews if self.reviews else 0.0


@dataclass
class QuizQuestionRow:
    position: int
    text: str
    answer: str
    right: int
    almost: int
    wrong: int
    unanswered: int


@dataclass
class QuizStudentRow:
    name: str
    score: int
    rank: int
    right: int
    answered: int


@dataclass
class QuizReport:
    code: str
    title: str
    date: str
    ended: bool
    questions: list[QuizQuestionRow] = field(default_factory=list)
    students: list[QuizStudentRow] = field(default_factory=list)


@dataclass
class ClassReport:
    students: list[StudentRow]
    cards: list[CardRow]
    quizzes: list[QuizReport]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for row, card in zip(data["cards"], self.cards, strict=True):
            row["error_rate"] = round(card.error_rate, 4)
        return data


def student_rows(
    store: ProgressStore, chosen: Sequence[Profile], collection: Collection, settings: Settings, now: datetime
) -> list[StudentRow]:
    rows = []
    for profile in chosen:
        reviews = store.reviews(profile.id)
        stats = collect_stats(store, profile, collection, settings, now)
        passed = sum(1 for r in reviews if r.grade > 1)
        cards = sum(deck.cards for deck in stats.decks)
        rows.append(
            StudentRow(
                name=profile.name,
                reviews=len(reviews),
                minutes=round(sum(r.duration_ms or 0 for r in reviews) / 60_000, 1),
                accuracy=round(passed / len(reviews), 4) if reviews else None,
                retention=None if stats.retention is None else round(stats.retention, 4),
                mastery={deck.deck: round(deck.mastery, 4) for deck in stats.decks},
                last_active=from_ms(reviews[-1].reviewed_ms).isoformat(timespec="minutes")
                if reviews
                else None,
                overall_mastery=round(sum(deck.mature for deck in stats.decks) / cards, 4) if cards else None,
            )
        )
    return rows


def card_rows(
    store: ProgressStore,
    chosen: Sequence[Profile],
    collection: Collection,
    deck: str | None = None,
    folder: Path | None = None,
) -> list[CardRow]:
    """Cards by class-wide error rate, worst first (cards nobody got wrong are left out).

    A card whose deck is not in `folder` (the decks read) was studied from another folder,
    not deleted: its row says so rather than call it gone (newuser5 F-F)."""
    results = store.card_results([p.id for p in chosen]) if chosen else {}
    rows = []
    for (deck_id, card_id), (reviews, wrong) in results.items():
        if not wrong or (deck is not None and deck_id != deck):
            continue
        card = collection.card(deck_id, card_id)
        if card is not None:
            text = card.full_text
        elif collection.deck(deck_id) is None and folder is not None:
            text = f"(not in {folder})"
        else:
            text = "(card no longer in the decks)"
        rows.append(CardRow(deck_id, card_id, text, reviews, wrong))
    rows.sort(key=lambda r: (-r.error_rate, -r.reviews, r.deck, r.card))
    return rows[:WORST_CARDS]


def quiz_reports(
    database: ClassDatabase, code: str | None, clock: Callable[[], datetime]
) -> list[QuizReport]:
    """Every live quiz (or the one with `code`), newest first."""
    sql = "SELECT id FROM sessions"
    params: tuple[object, ...] = ()
    if code is not None:
        sql += " WHERE code = ?"
        params = (code.strip(),)
    reports = []
    for (session_id,) in database.read(sql + " ORDER BY created_ms DESC, id DESC", params):
        session = ClassSession(database, session_id, clock)
        row = session.state()
        report = QuizReport(
            row.code,
            row.title,
            from_ms(row.created_ms).isoformat(timespec="minutes"),
            row.phase is Phase.ENDED,
        )
        asked = session.questions[: row.position + 1] if row.position >= 0 else []
        for question in asked:
            tally = session.tally(question)
            report.questions.append(
                QuizQuestionRow(
                    question.position + 1,
                    question.prompt,
                    question.answer,
                    tally.right,
                    tally.almost,
                    tally.wrong,
                    tally.unanswered,
                )
            )
        counts = {
            name: (right, answered)
            for name, right, answered in database.read(
                "SELECT s.name, coalesce(sum(a.verdict = 'right'), 0), count(a.position) FROM students s "
                "LEFT JOIN answers a ON a.student_id = s.id WHERE s.session_id = ? GROUP BY s.id",
                (session_id,),
            )
        }
        for standing in session.standings(max(row.position, 0)):
            right, answered = counts.get(standing.name, (0, 0))
            report.students.append(
                QuizStudentRow(standing.name, standing.score, standing.rank, right, answered)
            )
        reports.append(report)
    return reports


def _pct(value: float | None) -> str:
    return humanize.percent(value) if value is not None else "–"


Table = tuple[str, list[str], list[list[str]]]


def report_tables(report: ClassReport) -> list[Table]:
    """The report as titled tables of strings, every column (Markdown, CSV and the app)."""
    tables = []
    if report.students:
        decks = sorted({deck for s in report.students for deck in s.mastery})
        tables.append(
            (
                "Students",
                ["student", "reviews", "minutes", "accuracy", "retention", "last active"]
                + [f"mastery {d}" for d in decks],
                [
                    [
                        s.name,
                        str(s.reviews),
                        f"{s.minutes:g}",
                        _pct(s.accuracy),
                        _pct(s.retention),
                        s.last_active or "never",
                        *(_pct(s.mastery.get(d)) for d in decks),
                    ]
                    for s in report.students
                ],
            )
        )
    return tables + _card_and_quiz_tables(report)


def summary_tables(report: ClassReport) -> list[Table]:
    """The report for a terminal: one mastery figure per student, and mastery per deck as a
    table of its own with a row per deck, so no table grows a column per deck. A title may
    have lines after its first: the heading is the first line, what follows says more."""
    tables: list[Table] = []
    if report.students:
        tables.append(
            (
                "Students",
                ["student", "reviews", "minutes", "accuracy", "retention", "mastery", "last active"],
                [
                    [
                        s.name,
                        str(s.reviews),
                        f"{s.minutes:g}",
                        _pct(s.accuracy),
                        _pct(s.retention),
                        _pct(s.overall_mastery),
                        # The day is what a teacher looks for; the time is in the other formats.
                        s.last_active[:10] if s.last_active else "never",
                    ]
                    for s in report.students
                ],
            )
        )
        decks = sorted({deck for s in report.students for deck in s.mastery})
        if decks:
            tables.append(
                (
                    "Mastery per deck (share of mature cards)",
                    ["deck", *(s.name for s in report.students)],
                    [[deck, *(_pct(s.mastery.get(deck)) for s in report.students)] for deck in decks],
                )
            )
    return tables + _card_and_quiz_tables(report, terminal=True)


def _card_and_quiz_tables(report: ClassReport, terminal: bool = False) -> list[Table]:
    tables: list[Table] = []
    if report.cards and terminal:
        # A card's id is one word, deck and card: it has a line of its own in its column,
        # with the card's text below it, and the numbers one short column, so that the
        # longest ids (57 characters) fit whole at 80 columns.
        tables.append(
            (
                "Cards the class gets wrong (worst first)",
                ["wrong", "card, then its text"],
                [
                    [f"{_pct(c.error_rate)} ({c.wrong} of {c.reviews})", f"{c.deck}/{c.card}\n{c.text}"]
                    for c in report.cards
                ],
            )
        )
    elif report.cards:
        tables.append(
            (
                "Cards the class gets wrong (worst first)",
                ["error rate", "wrong", "reviews", "card", "text"],
                [
                    [_pct(c.error_rate), str(c.wrong), str(c.reviews), f"{c.deck}/{c.card}", c.text]
                    for c in report.cards
                ],
            )
        )
    for quiz in report.quizzes:
        state = "" if quiz.ended else " (not ended)"
        title = f"Live quiz {quiz.code}: {quiz.title}, {quiz.date}{state} — questions"
        if terminal:
            # A short heading, whole on its line; the deck's title (as long as it is) below.
            title = f"Live quiz {quiz.code}{state} — questions\n{quiz.title}, {_utc_minutes(quiz.date)}"
        tables.append(
            (
                title,
                ["#", "right", "almost", "wrong", "no answer", "question", "answer"],
                [
                    [
                        str(q.position),
                        str(q.right),
                        str(q.almost),
                        str(q.wrong),
                        str(q.unanswered),
                        q.text,
                        q.answer,
                    ]
                    for q in quiz.questions
                ],
            )
        )
        tables.append(
            (
                f"Live quiz {quiz.code} — students",
                ["rank", "student", "score", "right", "answered"],
                [[str(s.rank), s.name, str(s.score), str(s.right), str(s.answered)] for s in quiz.students],
            )
        )
    return tables


def _utc_minutes(stamp: str) -> str:
    """`2026-03-02T09:00+00:00` as `2026-03-02 09:00 UTC` (the report's times are in UTC)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def build_report(
    locations: Locations,
    names: Sequence[str] | None,
    deck: str | None,
    class_code: str | None,
    now: datetime,
) -> ClassReport:
    """The whole report: the named students (default: every profile), the cards of `deck`
    (default: all), and every live quiz, or only the one with `class_code`."""
    from caucasusquiz import profiles
    from caucasusquiz.settings import load_settings
    from caucasusquiz.workspace import load_decks, open_store

    collection = load_decks(locations)
    deck_id = None
    if deck:
        deck_id = collection.require_deck(deck).id
    students: list[StudentRow] = []
    cards: list[CardRow] = []
    if locations.database.exists():
        store, _ = open_store(locations, now, move_damaged=False)
        try:
            chosen = []
            for name in names or store.profile_names():
                profile = store.find_profile(name)
                if profile is None:
                    raise profiles.UnknownProfile(name, store.profile_names(), new_hint=False)
                chosen.append(profile)
            students = student_rows(store, chosen, collection, load_settings(locations.config_file), now)
            cards = card_rows(store, chosen, collection, deck_id, locations.decks)
        finally:
            store.close()
    elif names:
        raise profiles.UnknownProfile(names[0], [], new_hint=False)
    quizzes: list[QuizReport] = []
    if (locations.data_dir / FILE_NAME).exists():
        database = ClassDatabase.open(locations.data_dir)
        try:
            quizzes = quiz_reports(database, class_code, lambda: now)
        finally:
            database.close()
    if class_code and not quizzes:
        raise UserError(f"no class quiz with the code {class_code!r}", "codes are on the host's screen")
    if class_code:  # a report on one quiz is about that quiz only
        return ClassReport([], [], quizzes)
    return ClassReport(students, cards, quizzes)
