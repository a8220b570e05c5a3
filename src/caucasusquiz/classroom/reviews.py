"""`--count-as-review`: a class quiz's answers also become reviews in the students' own profiles.

Off by default: a quiz is a class event, and a fast guess under a countdown is not how a
student would rate their memory. When the teacher asks, each answer of a student whose
name is an existing profile is stored as that profile's review (right → Good, almost →
Hard, wrong → Again). Names that match no profile are left alone: no profile is made.
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
    """Store the session's answers as reviews, once (a second call adds nothing); returns how many."""
    rows = session.database.read("SELECT counted_ms FROM sessions WHERE id = ?", (session.id,))
    if not rows or rows[0][0] is not None:
        return 0
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
        store.record_answer(
            profile.id,
            key,
            partial(scheduler.answer, grade=grade, now=now, fuzz_seed=seed),
            reviewed_ms=to_ms(now),
            grade=int(grade),
            typed=typed,
            verdict=verdict,
            duration_ms=elapsed_ms,
        )
        recorded += 1
    with session.database.write() as db:
        db.execute("UPDATE sessions SET counted_ms = ? WHERE id = ?", (to_ms(now), session.id))
    return recorded
