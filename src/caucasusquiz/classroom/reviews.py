"""`--count-as-review`: a class quiz's answers also become reviews in the students' own profiles.

Off by default: a quiz is a class event, and a fast guess under a countdown is not how a
student would rate their memory. When the teacher asks, each answer of a student whose
name is an existing profile is stored as that profile's review (right → Good, almost →
Hard, wrong → Again). Names that match no profile are left alone: no profile is made.

Each answer is stored at most once. The class file and the progress file are two SQLite
files, so no transaction spans both: instead every review names the class answer it came
from (its origin), and the progress store checks and writes it in one transaction. Two hosts
counting the same class at once, or a host counting again after a crash halfway, each add
only what is missing. The session's `counted_ms` only marks the work as done.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from caucasusquiz.classroom.session import ClassSession
from caucasusquiz.clock import to_ms
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.rating import Rating
from caucasusquiz.study.refit import auto_retention
from caucasusquiz.study.scheduler import Scheduler

GRADES = {"right": Rating.GOOD, "almost": Rating.HARD, "wrong": Rating.AGAIN}


def record_class_reviews(
    session: ClassSession, store: ProgressStore, settings: Settings, now: datetime
) -> int:
    """Store the session's answers as reviews, once (a second call adds nothing); returns how many
    this call stored."""
    rows = session.database.read(
        "SELECT counted_ms, code, created_ms FROM sessions WHERE id = ?", (session.id,)
    )
    if not rows or rows[0][0] is not None:
        return 0
    _, code, created_ms = rows[0]
    answers = session.database.read(
        "SELECT s.name, a.position, a.typed, a.verdict, a.elapsed_ms FROM answers a "
        "JOIN students s ON s.id = a.student_id WHERE a.session_id = ? ORDER BY a.position, s.name",
        (session.id,),
    )
    questions = session.questions
    schedulers: dict[int, Scheduler] = {}
    recorded = 0
    for name, position, typed, verdict, elapsed_ms in answers:
        profile = store.find_profile(name)
        if profile is None:
            continue
        question = questions[position]
        key = (question.deck_id, question.card_id)
        grade = GRADES.get(verdict, Rating.AGAIN)
        if profile.id not in schedulers:
            retention = auto_retention(store, profile.id, profile.fsrs_parameters)
            schedulers[profile.id] = Scheduler(settings, profile.fsrs_parameters, auto_retention=retention)
        scheduler, seed = schedulers[profile.id], f"{profile.name}/{key[0]}/{key[1]}"
        # Scheduled from the card's row as stored at the moment of writing, inside the write
        # lock, as a study session does: the student may be studying this card elsewhere.
        stored = store.record_answer_once(
            profile.id,
            key,
            answer_origin(code, created_ms, position),
            partial(scheduler.answer, grade=grade, now=now, fuzz_seed=seed),
            reviewed_ms=to_ms(now),
            grade=int(grade),
            typed=typed,
            verdict=verdict,
            duration_ms=elapsed_ms,
        )
        recorded += stored is not None
    with session.database.write() as db:
        db.execute(
            "UPDATE sessions SET counted_ms = ? WHERE id = ? AND counted_ms IS NULL", (to_ms(now), session.id)
        )
    return recorded


def answer_origin(code: str, created_ms: int, position: int) -> str:
    """What names one question's answers in a class among every class (per profile: the store
    keeps one review per profile and origin). Ids in the class file are reused if the file is
    moved aside; the join code and the moment the session was made are not."""
    return f"class:{code}:{created_ms}:{position}"
