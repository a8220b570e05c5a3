"""A study session: show a card, check the answer, store the grade, pick the next card.

Both front ends (the plain line mode and the Textual app) drive this object and nothing
else, so they behave the same. Every grade is committed to the store before `rate()`
returns, i.e. before the next card can be shown.
"""

from __future__ import annotations

import bisect
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from typing import Literal, NoReturn

from caucasusquiz.clock import from_ms, study_day, to_ms, utc_now
from caucasusquiz.decks.collection import Collection
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.decks.siblings import sibling_keys
from caucasusquiz.errors import UserError
from caucasusquiz.progress import CardKey, CardProgress, Profile, State
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study import answers
from caucasusquiz.study.answers import AnswerCheck, Verdict
from caucasusquiz.study.queue import QueueInputs, build_queue
from caucasusquiz.study.rating import Rating, suggestion_for
from caucasusquiz.study.refit import auto_retention
from caucasusquiz.study.scheduler import Scheduler
from caucasusquiz.study.stored_progress import StoredProgress
from caucasusquiz.study.today import today_of


@dataclass(frozen=True, slots=True)
class Counts:
    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened when a card was graded."""

    card: Card
    rating: Rating
    progress: CardProgress
    interval: timedelta
    became_leech: bool


@dataclass
class Summary:
    """A session in numbers. A card failed and answered again counts once in `cards` and
    once per answer in `reviews` (and in right/almost/wrong)."""

    cards: int = 0
    reviews: int = 0
    right: int = 0
    almost: int = 0
    wrong: int = 0
    seconds: float = 0.0
    to_revisit: list[Card] = field(default_factory=list)
    due_tomorrow: int = 0
    # Cards on their learning steps that come back before the study day ends, and how soon
    # the first of them does (zero: due already): a student told only "due tomorrow" would
    # not come back for them.
    later_today: int = 0
    next_later_today: timedelta | None = None
    new_cards: int = 0  # cards seen for the first time in this session
    new_remembered: int = 0  # of those, the ones whose last answer in the session was remembered
    # Of `wrong`, the answers that were shown without an attempt (an empty answer), and of
    # `new_cards`, those whose last answer was so: "wrong" is not what a learner who asked to
    # see the answer did.
    shown: int = 0
    new_shown: int = 0

    @property
    def accuracy(self) -> float | None:
        judged = self.right + self.almost + self.wrong
        return (self.right + self.almost) / judged if judged else None


@dataclass(frozen=True, slots=True)
class _Answer:
    """One rated answer of this session, the record the summary is counted from."""

    card: Card
    verdict: Verdict
    rating: Rating
    seconds: float
    was_new: bool

    @property
    def forgotten(self) -> bool:
        return self.rating is Rating.AGAIN or self.verdict in (Verdict.WRONG, Verdict.REVEALED)


UndoKind = Literal["answer", "rating", "bury", "suspend"]

# How bad a verdict is, for keeping the worst of a card's answers: a reveal and a wrong
# answer both earn Again.
_BADNESS = {Verdict.RIGHT: 0, Verdict.ALMOST: 1, Verdict.WRONG: 2, Verdict.REVEALED: 2}
# What an answer taken back after its feedback earned: the ceiling for its retry.
_CEILING = {Verdict.ALMOST: Rating.HARD, Verdict.WRONG: Rating.AGAIN, Verdict.REVEALED: Rating.AGAIN}


def _worse(first: Verdict | None, then: Verdict) -> Verdict:
    return then if first is None or _BADNESS[then] > _BADNESS[first] else first


class UndoRefused(UserError):
    """The last step cannot be undone: the card was changed elsewhere since (the message says so)."""


@dataclass(frozen=True, slots=True)
class Undone:
    """What `undo()` took back, and the card that is now asked again."""

    kind: UndoKind
    card: Card


@dataclass
class _Undo:
    kind: UndoKind  # "rating" | "bury" | "suspend": what is on disk and can be taken back
    card: Card
    before: CardProgress | None
    after: CardProgress  # what this session wrote: undone only while the card still has it
    review_id: int | None = None
    hidden_siblings: list[CardKey] = field(default_factory=list)

    @property
    def key(self) -> CardKey:
        return self.card.key


class StudySession:
    def __init__(
        self,
        store: ProgressStore,
        profile: Profile,
        collection: Collection,
        settings: Settings,
        *,
        deck_ids: Iterable[str] | None = None,
        tag: str | None = None,
        limit: int | None = None,
        clock: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        tz: tzinfo | None = None,
    ) -> None:
        self.store = store
        self.profile = profile
        self.collection = collection
        self.settings = settings
        self.scheduler = Scheduler(
            settings, profile.fsrs_parameters, tz, auto_retention(store, profile.id, profile.fsrs_parameters)
        )
        self.limit = limit
        self._clock = clock
        self._monotonic = monotonic
        self._tz = tz
        self._deck_ids = set(deck_ids) if deck_ids is not None else None
        self._tag = tag
        self.cards = self._select(collection)
        self._answers: list[_Answer] = []
        self.current: Card | None = None
        self.check: AnswerCheck | None = None
        self._shown_at = 0.0
        self._answer_seconds: float | None = None
        self._undo: list[_Undo] = []
        # Cards whose answer was taken back (undo) after its feedback showed the answer: the
        # worst such verdict, which the retry keeps (see `seen_answer`).
        self._taken_back: dict[CardKey, Verdict] = {}
        self._early_by: timedelta | None = None
        self._rebuild()

    def _select(self, collection: Collection) -> dict[CardKey, Card]:
        return {
            card.key: card
            for deck in collection.decks
            if self._deck_ids is None or deck.id in self._deck_ids
            for card in deck.study_cards
            if self._tag is None or self._tag in card.tags
        }

    def update_decks(self, collection: Collection) -> None:
        """Decks changed on disk: keep studying with the new text.

        The card on screen takes its new wording; if it was removed (or its deck no longer
        loads), it is dropped and `next_card()` moves on. Removed cards leave the queue.
        Cards added today wait for the next session.
        """
        self.collection = collection
        cards = self.cards = self._select(collection)
        queue = self.queue
        queue.main = deque(key for key in queue.main if key in cards)
        queue.learning = [item for item in queue.learning if item[1] in cards]
        if self.current is not None:
            self.current = self.cards.get(self.current.key)
            if self.current is None:
                self.check = None

    # -- queue -------------------------------------------------------------------------

    def _rebuild(self) -> None:
        now = self._clock()
        self.progress = StoredProgress(self.store, self.profile.id)
        today = today_of(self.store, self.profile.id, self.cards, self.settings, now, self._tz)
        self._day, self._day_end_ms = today.day, today.end_ms
        self.queue = build_queue(
            self.cards,
            QueueInputs.from_store(self.store, self.profile.id, to_ms(now), today.end_ms),
            self.scheduler,
            now_ms=to_ms(now),
            day_end_ms=today.end_ms,
            siblings_seen=set(today.siblings_seen),
            limits=today.limits,
        )

    @property
    def counts(self) -> Counts:
        """Cards left today: new, learning and review (the current card not included)."""
        main = self.queue.main
        new = sum(1 for key in main if self._progress_of(key).memory.is_new)
        return Counts(new, len(self.queue.learning), len(main) - new)

    @property
    def summary(self) -> Summary:
        """This session so far, counted from its answers (an undone answer is not counted)."""
        summary = Summary(reviews=len(self._answers))
        last: dict[CardKey, _Answer] = {}
        new_keys: set[CardKey] = set()
        for answer in self._answers:
            key = answer.card.key
            last[key] = answer
            summary.seconds += answer.seconds
            if answer.was_new:
                new_keys.add(key)
            if answer.forgotten:
                summary.wrong += 1
                summary.shown += answer.verdict is Verdict.REVEALED
                if answer.card not in summary.to_revisit:
                    summary.to_revisit.append(answer.card)
            elif answer.verdict is Verdict.ALMOST:
                summary.almost += 1
            else:
                summary.right += 1
        summary.cards = len(last)
        summary.new_cards = len(new_keys)
        summary.new_remembered = sum(1 for key in new_keys if not last[key].forgotten)
        summary.new_shown = sum(1 for key in new_keys if last[key].verdict is Verdict.REVEALED)
        return summary

    @property
    def finished_by_limit(self) -> bool:
        return self.limit is not None and len(self._answers) >= self.limit

    def next_card(self) -> Card | None:
        """The card to show now, or None when today's study is done."""
        if self.current is not None:
            return self.current
        if self.finished_by_limit:
            return None
        if study_day(self._clock(), self.settings.day_starts_at, self._tz) != self._day:
            self._rebuild()  # the session crossed into a new study day
        key = self._pick()
        if key is None:
            return None
        self.current = self.cards[key]
        self.check = None
        self._answer_seconds = None
        self._shown_at = self._monotonic()
        return self.current

    def _pick(self) -> CardKey | None:
        now_ms = to_ms(self._clock())
        learn_ahead_ms = now_ms + int(self.settings.learn_ahead.total_seconds() * 1000)
        queue = self.queue
        while True:
            self._early_by = None
            if queue.learning and queue.learning[0][0] <= now_ms:
                key = queue.learning.pop(0)[1]
            elif queue.main:
                key = queue.main.popleft()
            elif queue.learning and queue.learning[0][0] <= learn_ahead_ms:
                due_ms, key = queue.learning.pop(0)  # nothing else left: a learning card a little early
                self._early_by = timedelta(milliseconds=due_ms - now_ms)
            else:
                return None
            if key in self.cards:  # a card removed from the decks mid-session is skipped
                return key

    @property
    def early_by(self) -> timedelta | None:
        """How long before its due time the card on screen is shown, if it is early.

        As Anki's learn-ahead limit: when nothing else is left, a learning card due within
        `learn_ahead` (20 min) is shown at once rather than making the learner wait, so a
        card failed a moment ago can come straight back. Front ends say so.
        """
        return self._early_by if self.current is not None else None

    def next_learning_due(self) -> datetime | None:
        """When the next learning card comes back, if the queue is only waiting for one."""
        return from_ms(self.queue.learning[0][0]) if self.queue.learning else None

    # -- answering ---------------------------------------------------------------------

    def options(self, card: Card | None = None) -> tuple[str, ...]:
        """The choices shown for a choice or true/false card, in this review's order."""
        card = card or self.current
        if card is None:
            return ()
        if card.type is CardType.TRUEFALSE:
            return answers.TRUE_FALSE_OPTIONS
        if card.type is CardType.CHOICE:
            reps = self._progress_of(card.key).memory.reps
            return answers.choice_options(
                card.answer, card.distractors, f"{self.profile.name}/{card.deck_id}/{card.id}/{reps}"
            )
        return ()

    def submit(self, typed: str) -> AnswerCheck:
        """Check a typed answer (empty: reveal). For choice cards, `typed` is parsed as an option."""
        card = self._require_card()
        if card.is_typed:
            result = answers.check_typed(typed, card.answer, card.accept)
        else:
            options = self.options(card)
            index = answers.parse_option(typed, options) if typed.strip() else None
            result = self.choose(index, typed=typed)
            return result
        return self._checked(result)

    def choose(self, index: int | None, typed: str = "") -> AnswerCheck:
        """Answer a choice or true/false card with option `index` (None: reveal)."""
        card = self._require_card()
        options = self.options(card)
        expected = _option_answer(card)
        return self._checked(answers.check_option(index, options, expected, typed=typed))

    def _checked(self, result: AnswerCheck) -> AnswerCheck:
        self.check = result
        self._answer_seconds = self._monotonic() - self._shown_at
        return result

    @property
    def seen_answer(self) -> Verdict | None:
        """The card on screen had an answer taken back (undo) after its feedback showed the
        answer: that answer's verdict (the worst, if several), which this try keeps as its
        grade (it is stored with it, and caps the suggestion). None: no such answer, or it
        was right."""
        card = self.current
        return self._taken_back.get(card.key) if card is not None else None

    @property
    def suggested(self) -> Rating:
        if self.check is None:
            return Rating.AGAIN
        card = self._require_card()
        memory = self._progress_of(card.key).memory
        earned = Rating(int(answers.suggest_rating(self.check, self._answer_seconds)))
        seen = self.seen_answer
        return suggestion_for(
            earned,
            memory.is_new,
            learning=memory.state in (State.LEARNING, State.RELEARNING),
            failed_before=any(a.card.key == card.key and a.forgotten for a in self._answers),
            forced_choice=card.type is CardType.TRUEFALSE,
            taken_back=_CEILING.get(seen) if seen is not None else None,
        )

    def preview(self) -> dict[Rating, timedelta]:
        """The interval each rating key would save (fuzz included: the same seed as `rate`)."""
        card = self._require_card()
        memory = self._progress_of(card.key).memory
        return self.scheduler.preview(memory, self._clock(), self._fuzz_seed(card))

    def _fuzz_seed(self, card: Card) -> str:
        return f"{self.profile.name}/{card.deck_id}/{card.id}"

    def rate(self, rating: Rating | int | None = None) -> Outcome:
        """Grade the current card (default: the suggested rating) and store it before returning."""
        card = self._require_card()
        if self.check is None:
            self.check = (
                answers.check_typed("", card.answer)
                if card.is_typed
                else answers.check_option(None, self.options(card), _option_answer(card))
            )
            self._answer_seconds = self._monotonic() - self._shown_at
        rating = Rating(int(rating)) if rating is not None else self.suggested
        now = self._clock()
        key = card.key
        # A retry after an answer taken back keeps that answer's verdict: what the learner
        # knew before seeing the answer is what the review log and the summary count.
        verdict = _worse(self._taken_back.pop(key, None), self.check.verdict)

        def schedule(current: CardProgress | None) -> CardProgress:
            # The card's row as stored now, not this session's snapshot: another session on
            # the profile may have answered it meanwhile.
            return self.scheduler.answer(current, rating, now, fuzz_seed=self._fuzz_seed(card))

        seconds = self._answer_seconds or 0.0
        recorded = self.store.record_answer(
            self.profile.id,
            key,
            schedule,
            reviewed_ms=to_ms(now),
            grade=int(rating),
            typed=self.check.typed or None,
            verdict=verdict.value,
            duration_ms=round(seconds * 1000),
        )
        review_id, before, after = recorded.review_id, recorded.before, recorded.after
        previous, memory = before or CardProgress(), after.memory
        became_leech = after.leech and not previous.leech
        self.progress[key] = after
        due_ms = memory.due_ms
        assert due_ms is not None  # the scheduler gives every reviewed card a due time
        if memory.state in (State.LEARNING, State.RELEARNING) and due_ms < self._day_end_ms:
            bisect.insort(self.queue.learning, (due_ms, key))
        hidden = self._hide_siblings(card)
        self._undo.append(_Undo("rating", card, before, after, review_id, hidden))
        self._answers.append(_Answer(card, verdict, rating, seconds, previous.memory.is_new))
        self.current = None
        self.check = None
        interval = timedelta(milliseconds=due_ms - to_ms(now))
        return Outcome(card, rating, after, interval, became_leech)

    def _hide_siblings(self, card: Card) -> list[CardKey]:
        keys = set(sibling_keys(card))
        if not keys:
            return []
        cards = self.cards
        hidden = [
            k
            for k in self.queue.main
            if k != card.key and k in cards and not keys.isdisjoint(sibling_keys(cards[k]))
        ]
        for key in hidden:
            self.queue.main.remove(key)
        return hidden

    # -- bury, suspend, undo -----------------------------------------------------------

    def bury(self) -> Card:
        """Hide the current card until tomorrow."""
        card = self._require_card()
        until = self._day_end_ms
        self._store_flag("bury", card, lambda now: replace(now or CardProgress(), buried_until_ms=until))
        return card

    def suspend(self) -> Card:
        """Take the current card out of study until it is unsuspended (in the browser)."""
        card = self._require_card()
        self._store_flag("suspend", card, lambda now: replace(now or CardProgress(), suspended=True))
        return card

    def _store_flag(
        self, kind: UndoKind, card: Card, change: Callable[[CardProgress | None], CardProgress]
    ) -> None:
        # Applied to the card's row as stored now, not this session's snapshot: another
        # session on the profile may have answered the card meanwhile.
        before, after = self.store.update_card(self.profile.id, card.key, change)
        self.progress[card.key] = after
        self._undo.append(_Undo(kind, card, before, after))
        self.current = None
        self.check = None

    def undo(self) -> Undone | None:
        """Take back the learner's last step, the one rule for every front end.

        An answer not yet rated is taken back first: the same card is asked again, nothing
        was stored. Otherwise the last rating, bury or suspend is undone on disk and that card
        is asked again (the card on screen waits for its turn). None: nothing to undo.

        Raises UndoRefused, changing nothing on disk, when the card was answered or changed
        elsewhere since (another terminal, a class, a synced copy of the file): putting back
        the state from before this session's step would erase that answer.
        """
        current = self.current
        if current is not None and self.check is not None:
            self._remember_taken_back(current.key, self.check.verdict)
            self._ask_again(current)
            return Undone("answer", current)
        if not self._undo:
            return None
        entry = self._undo.pop()
        if not self.store.undo_progress(
            self.profile.id, entry.key, entry.after, entry.before, undo_review_id=entry.review_id
        ):
            self._refuse_undo(entry)
        if entry.before is None:
            self.progress.pop(entry.key, None)
        else:
            self.progress[entry.key] = entry.before
        queue = self.queue
        queue.learning = [item for item in queue.learning if item[1] != entry.key]
        if entry.kind == "rating":
            self._remember_taken_back(entry.key, self._answers.pop().verdict)
        card = self.cards.get(entry.key)
        if card is None:  # removed from its deck since: its state is restored, it is not asked
            return Undone(entry.kind, entry.card)
        if current is not None:
            self._put_back(current.key)  # the card on screen waits for its turn again
        for key in reversed(entry.hidden_siblings):
            queue.main.appendleft(key)
        self._ask_again(card)
        return Undone(entry.kind, card)

    def _remember_taken_back(self, key: CardKey, verdict: Verdict) -> None:
        """An answer whose feedback showed the answer is undone: its retry is no recall."""
        if verdict is not Verdict.RIGHT:
            self._taken_back[key] = _worse(self._taken_back.get(key), verdict)

    def _refuse_undo(self, entry: _Undo) -> NoReturn:
        stored = self.store.progress(self.profile.id, entry.key)
        if stored is None:
            self.progress.pop(entry.key, None)
        else:
            self.progress[entry.key] = stored  # this session goes on from the card as it is now
        step = "answer" if entry.kind == "rating" else entry.kind
        raise UndoRefused(
            f"Not undone: that card was answered or changed in another session since your {step} "
            "(another window, a class, or a synced copy of the progress file); undoing would "
            "erase that.",
        )

    def _put_back(self, key: CardKey) -> None:
        """Return a card taken for the screen to the queue it came from: a (re)learning card
        due today among the learning cards at its due time (counted as learning, as before),
        any other card first in line."""
        progress = self._progress_of(key)
        memory = progress.memory
        due_ms = memory.due_ms
        if (
            memory.state in (State.LEARNING, State.RELEARNING)
            and due_ms is not None
            and due_ms < self._day_end_ms
        ):
            bisect.insort(self.queue.learning, (due_ms, key))
        else:
            self.queue.main.appendleft(key)

    def _ask_again(self, card: Card) -> None:
        self.current = card
        self._early_by = None
        self.check = None
        self._answer_seconds = None
        self._shown_at = self._monotonic()

    # -- end ---------------------------------------------------------------------------

    def finish(self) -> Summary:
        """The session summary, with what comes due later today and tomorrow."""
        tomorrow_end = self._day_end_ms + 86_400_000
        summary = self.summary
        now_ms = to_ms(self._clock())
        later = [
            p.memory.due_ms
            for key, p in self.progress.items()
            if key in self.cards
            and not p.suspended
            and (p.buried_until_ms is None or p.buried_until_ms <= now_ms)
            and p.memory.state in (State.LEARNING, State.RELEARNING)
            and p.memory.due_ms is not None
            and p.memory.due_ms < self._day_end_ms
        ]
        summary.later_today = len(later)
        if later:
            summary.next_later_today = timedelta(milliseconds=max(0, min(later) - now_ms))
        summary.due_tomorrow = sum(
            1
            for key, p in self.progress.items()
            if key in self.cards
            and not p.suspended
            and p.memory.due_ms is not None
            and p.memory.state is not State.NEW
            and self._day_end_ms <= p.memory.due_ms < tomorrow_end
        )
        return summary

    # -- helpers -----------------------------------------------------------------------

    def _require_card(self) -> Card:
        if self.current is None:
            raise RuntimeError("no card is being studied; call next_card() first")
        return self.current

    def _progress_of(self, key: CardKey) -> CardProgress:
        return self.progress.get(key) or CardProgress()


def _option_answer(card: Card) -> str:
    if card.type is CardType.TRUEFALSE:
        return answers.TRUE_FALSE_OPTIONS[0] if card.answer == "true" else answers.TRUE_FALSE_OPTIONS[1]
    return card.answer
