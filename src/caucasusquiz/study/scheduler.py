"""FSRS scheduling through the reference `fsrs` package, with reproducible fuzz.

`fsrs` draws its interval fuzz from the global `random` module, which would make a
review's outcome depend on whatever else used `random` before it. We run it with fuzz
off and apply the same fuzz ranges with a generator seeded by card and review number,
so the same history always gives the same schedule.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo

import fsrs
from fsrs.scheduler import FUZZ_RANGES

from caucasusquiz.clock import day_start, from_ms, study_day, to_ms
from caucasusquiz.progress import CardProgress, Memory, State
from caucasusquiz.settings import Settings
from caucasusquiz.study.rating import Rating

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(fsrs.scheduler.DEFAULT_PARAMETERS)
# desired_retention = "auto" before the profile's parameters are fitted: FSRS's own default.
DEFAULT_RETENTION = 0.9


class Scheduler:
    def __init__(
        self,
        settings: Settings,
        parameters: Sequence[float] | None = None,
        tz: tzinfo | None = None,
        auto_retention: float | None = None,
    ) -> None:
        """`auto_retention`: the profile's optimal retention for these `parameters`
        (`study.refit.auto_retention`), used when the settings say desired_retention = "auto"."""
        self.settings = settings
        self.tz = tz
        self.parameters = tuple(parameters) if parameters else DEFAULT_PARAMETERS
        fixed = settings.fixed_retention
        self.desired_retention = fixed if fixed is not None else auto_retention or DEFAULT_RETENTION
        self._fsrs = fsrs.Scheduler(
            parameters=self.parameters,
            desired_retention=self.desired_retention,
            learning_steps=settings.learning_steps,
            relearning_steps=settings.relearning_steps,
            maximum_interval=settings.maximum_interval_days,
            enable_fuzzing=False,
        )
        decay = -self.parameters[20]
        self._decay = decay
        self._factor = 0.9 ** (1 / decay) - 1

    def review(self, memory: Memory, grade: int, now: datetime, fuzz_seed: str = "") -> Memory:
        """The card's memory after answering with `grade` at `now` (a UTC datetime)."""
        card, _ = self._fsrs.review_card(self._to_fsrs(memory, now), fsrs.Rating(int(grade)), now)
        due = card.due
        if self.settings.fuzz and card.state is fsrs.State.Review:
            due = now + self._fuzzed(due - now, f"{fuzz_seed}/{memory.reps}")
        lapsed = memory.state is State.REVIEW and int(grade) == Rating.AGAIN
        return Memory(
            state=State(card.state.value),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due_ms=to_ms(due),
            last_review_ms=to_ms(now),
            reps=memory.reps + 1,
            lapses=memory.lapses + lapsed,
        )

    def answer(
        self, progress: CardProgress | None, grade: int, now: datetime, fuzz_seed: str = ""
    ) -> CardProgress:
        """A card's whole row after an answer (None: a card never seen): its memory reviewed,
        unburied, tagged a leech when this answer brings its lapses to the threshold.

        Give it the row as stored now (inside `ProgressStore.record_answer`), not a snapshot:
        another session may have answered the card meanwhile."""
        previous = progress or CardProgress()
        memory = self.review(previous.memory, grade, now, fuzz_seed)
        became_leech = (
            memory.lapses >= self.settings.leech_threshold and memory.lapses > previous.memory.lapses
        )
        return replace(previous, memory=memory, buried_until_ms=None, leech=previous.leech or became_leech)

    def outcomes(self, memory: Memory, now: datetime, fuzz_seed: str = "") -> dict[Rating, Memory]:
        """The card's memory after each grade at `now`: exactly what `review` would save."""
        return {grade: self.review(memory, grade, now, fuzz_seed) for grade in Rating}

    def preview(self, memory: Memory, now: datetime, fuzz_seed: str = "") -> dict[Rating, timedelta]:
        """How long until the card comes back for each grade, for the rating keys.

        Computed by `review` itself, fuzz included, with the seed the answer will use: the
        interval a key shows is the interval that key saves (the fuzz once made "Easy 8
        days" save 6)."""
        now_ms = to_ms(now)
        return {
            grade: timedelta(milliseconds=after.due_ms - now_ms)
            for grade, after in self.outcomes(memory, now, fuzz_seed).items()
            if after.due_ms is not None
        }

    def retrievability(self, memory: Memory, now_ms: int) -> float:
        """Probability of recalling the card at `now_ms` (1.0 for cards never reviewed)."""
        return self.recall_probability(memory.stability, memory.last_review_ms, now_ms)

    def recall_probability(self, stability: float | None, last_review_ms: int | None, now_ms: int) -> float:
        """`retrievability` from the two fields it needs (the queue has no Memory objects)."""
        if stability is None or last_review_ms is None:
            return 1.0
        elapsed_days = max(0.0, (now_ms - last_review_ms) / 86_400_000)
        return (1 + self._factor * elapsed_days / stability) ** self._decay

    def _to_fsrs(self, memory: Memory, now: datetime) -> fsrs.Card:
        if memory.is_new:
            # card_id given explicitly: without it fsrs sleeps 1 ms to make ids unique.
            return fsrs.Card(card_id=1, state=fsrs.State.Learning, step=0, due=now)
        return fsrs.Card(
            card_id=1,
            state=fsrs.State(int(memory.state)),
            step=memory.step,
            stability=memory.stability,
            difficulty=memory.difficulty,
            due=from_ms(memory.due_ms) if memory.due_ms is not None else now,
            last_review=self._day_of(memory.last_review_ms),
        )

    def _day_of(self, last_review_ms: int | None) -> datetime | None:
        """The start of the study day of the last review, as FSRS's elapsed time is counted.

        fsrs treats a review less than 24 h after the previous one as a same-day review
        (a small short-term update). A card studied at 09:40 and again at 09:05 the next
        morning is a next-day review for the learner, as in Anki, so elapsed time is
        counted from the start of the last review's study day.
        """
        if last_review_ms is None:
            return None
        moment = from_ms(last_review_ms)
        start = self.settings.day_starts_at
        return day_start(study_day(moment, start, self.tz), start, self.tz)

    def _fuzzed(self, interval: timedelta, seed: str) -> timedelta:
        """FSRS's fuzz ranges, drawn from a generator seeded by card and review number."""
        days = interval.days
        if days < 2.5:
            return interval
        delta = 1.0
        for fuzz_range in FUZZ_RANGES:
            delta += fuzz_range["factor"] * max(
                min(float(days), fuzz_range["end"]) - fuzz_range["start"], 0.0
            )
        low = max(2, round(days - delta))
        high = min(round(days + delta), self.settings.maximum_interval_days)
        low = min(low, high)
        rng = random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))
        # Rounded down, as Anki does: fsrs rounds to nearest, which can land one day past
        # `high` and lengthens intervals by half a day on average.
        fuzzed = min(int(rng.random() * (high - low + 1) + low), high, self.settings.maximum_interval_days)
        return timedelta(days=fuzzed)
