"""`caucasusquiz study --plain`: a study session one line at a time, for screen readers and scripts.

No colours, no cursor movement, no box drawing: every line makes sense read aloud or
piped. Input is one line per answer and one per rating; `:q`, `:u`, `:s` and `:h` are
commands. End of input saves and exits with a one-line summary.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from enum import Enum
from itertools import groupby
from typing import TextIO

from caucasusquiz import paths
from caucasusquiz.decks.collection import whole_file_left_out
from caucasusquiz.decks.document_titles import DocumentTitles, source_words
from caucasusquiz.decks.model import CLOZE_BLANK, Card, CardType
from caucasusquiz.study import humanize
from caucasusquiz.study.answers import AnswerCheck, DiffSegment, Verdict, parse_option, word_diff
from caucasusquiz.study.rating import Rating
from caucasusquiz.study.session import StudySession, Summary, UndoRefused
from caucasusquiz.text import plural, strip_forbidden
from caucasusquiz.workspace import open_workspace

HELP = (
    "Commands: an empty line shows the answer; :q quits (every rated card is saved; an answer "
    "not yet rated is not), :u undoes your last step (an answer, a rating or a bury), "
    ":s buries this card until tomorrow, :h shows this help."
)
VERDICT_WORDS = {
    Verdict.RIGHT: "Right.",
    Verdict.ALMOST: "Almost.",
    Verdict.WRONG: "Wrong.",
    Verdict.REVEALED: "Answer shown.",
}


UNDONE_WORDS = {
    "answer": "Answer taken back; nothing was saved. Try that card again:",
    "rating": "Undone. That card again:",
    "bury": "Undone: no longer buried. That card again:",
    "suspend": "Undone: no longer suspended. That card again:",
}
# As the app says them (ui/screens/review.py), so a transcript reads like the screen.
SEEN_ANSWER_WORDS = "You saw the answer: rated {} unless you choose otherwise."
EARLY_WORDS = "Early: due in {}, shown now as nothing else is due."


class _Quit(Exception):
    """The learner typed :q or input ended."""


class _Handled(Enum):
    STAY = "stay"  # a command was carried out; ask the same question again
    MOVED_ON = "moved on"  # the card was buried or undone; the loop shows what comes next


def run(args: argparse.Namespace) -> int:
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    at_terminal = sys.stdin.isatty() and sys.stdout.isatty()
    workspace = open_workspace(
        locations,
        args.profile,
        study=True,
        new_profile=getattr(args, "new_profile", None),
        confirm=_ask_to_create if at_terminal else None,
    )
    try:
        for notice in workspace.notices:
            print(notice, file=sys.stderr)
        deck_ids = None
        if args.deck:
            deck_ids = [workspace.collection.require_deck(args.deck).id]
        session = StudySession(
            workspace.store,
            workspace.profile,
            workspace.collection,
            workspace.settings,
            deck_ids=deck_ids,
            limit=args.limit,
        )
        broken = len({p.path for p in workspace.collection.errors})
        if broken:
            for load in workspace.collection.loads:
                whole = whole_file_left_out(load)
                if whole:
                    print(strip_forbidden(f"Note: {whole}."), file=sys.stderr)
            print(
                f"Note: {plural(broken, 'deck file')} with errors; their broken cards are left out. "
                "Run `caucasusquiz check` for details.",
                file=sys.stderr,
            )
        titles = DocumentTitles()

        def document_title(card: Card) -> str | None:
            deck = workspace.collection.deck(card.deck_id)
            documents = deck.documents if deck is not None else ()
            return titles.for_card(card, workspace.locations, documents, served=False)

        return PlainStudy(session, sys.stdin, sys.stdout, document_title).run()
    finally:
        workspace.close()


def _ask_to_create(name: str) -> bool:
    """At a terminal, a new name is created only after a yes (a typo must not become a profile)."""
    try:
        reply = input(f"There is no profile called {name!r}. Create it? [y/N] ")
    except EOFError:
        return False
    return reply.strip().lower() in ("y", "yes")


class PlainStudy:
    def __init__(
        self,
        session: StudySession,
        stdin: TextIO,
        stdout: TextIO,
        document_title: Callable[[Card], str | None] | None = None,
    ) -> None:
        self.session = session
        # The source document's title for the "Source:" line, as the review screen names it.
        self.document_title = document_title or (lambda _card: None)
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = stdin.isatty() and stdout.isatty()

    def say(self, text: str = "") -> None:
        print(strip_forbidden(text), file=self.stdout, flush=True)

    def ask(self, prompt: str) -> str:
        """One line of input; raises _Quit at end of input or on :q."""
        if self.interactive:
            # input() gives line editing and history at a real terminal (readline).
            try:
                line = input(prompt) + "\n"
            except EOFError:
                line = ""
        else:
            self.stdout.write(prompt)
            self.stdout.flush()
            line = self.stdin.readline()
        if not line:
            self.say()
            raise _Quit
        if not self.interactive:
            self.say(line.rstrip("\n"))  # echo, so a transcript reads like a dialogue
        text = line.strip()
        if text.lower() in (":q", ":quit"):
            raise _Quit
        return text

    def run(self) -> int:
        session = self.session
        counts = session.counts
        self.say(
            f"Profile {session.profile.name}: {counts.new} new, {counts.learning} learning, "
            f"{counts.review} to review today."
        )
        self.say(HELP)
        # A card asked again (failed earlier, or after an undo) keeps the number it was first
        # shown with, and says "again": heard aloud, "Card 2" after "Card 4" sounds like a slip.
        numbers: dict[tuple[str, str], int] = {}
        try:
            while (card := session.next_card()) is not None:
                again = card.key in numbers
                self.study(card, numbers.setdefault(card.key, len(numbers) + 1), again=again)
        except _Quit:
            # An answer not yet rated is not a review: nothing more is saved, and a student
            # who answered and then quit may think it counted, so say so.
            if session.check is not None:
                self.say("Your last answer was not rated, so it was not saved.")
        else:
            if not session.finished_by_limit:
                self.say(self._done_message())
        self.say(summary_line(session.finish()))
        return 0

    def study(self, card: Card, number: int, *, again: bool = False) -> None:
        session = self.session
        deck = session.collection.deck(card.deck_id)
        counts = session.counts
        self.say()
        self.say(
            f"Card {number}{' again' if again else ''} ({card.type.label}, "
            f"{deck.title if deck else card.deck_id}); "
            f"left today: {counts.new} new, {counts.learning} learning, {counts.review} review"
        )
        early = session.early_by
        if early is not None:  # the learn-ahead rule, said rather than silent
            self.say(EARLY_WORDS.format(humanize.interval(early)))
        self.say(spoken_question(card))
        options = session.options(card)
        for index, option in enumerate(options, start=1):
            self.say(f"  {index}) {option}")
        result = self.read_answer(options, card.type is CardType.TRUEFALSE)
        if result is None:
            return  # buried or undone: the loop asks for the next card
        self.show_feedback(card, result)
        self.read_rating()

    def read_answer(self, options: tuple[str, ...], true_false: bool = False) -> AnswerCheck | None:
        session = self.session
        prompt = "Answer: " if not options else f"Answer (1-{len(options)}): "
        if true_false:
            prompt = f"Answer (1-{len(options)}, t or f): "
        while True:
            text = self.ask(prompt)
            handled = self.command(text)
            if handled is _Handled.MOVED_ON:
                return None
            if handled is _Handled.STAY:
                continue
            if options and text:
                index = parse_option(text, options)
                if index is None:
                    self.say(
                        f"Please answer with a number from 1 to {len(options)}, a letter, or the "
                        "option's text; an empty line shows the answer."
                    )
                    continue
                return session.choose(index, typed=text)
            return session.submit(text)

    def command(self, text: str) -> _Handled | None:
        """Handle :u, :s, :h (never an answer); None when `text` is not a command."""
        word = text.lower()
        if word in (":h", ":help", "?"):
            self.say(HELP)
            return _Handled.STAY
        if word in (":s", ":bury"):
            card = self.session.bury()
            self.say(f"Buried until tomorrow: {card.question}")
            return _Handled.MOVED_ON
        if word in (":u", ":undo"):
            try:
                undone = self.session.undo()
            except UndoRefused as refused:
                self.say(f"{refused} Its progress is kept; answer this card:")
                return _Handled.STAY
            if undone is None:
                self.say("Nothing to undo yet.")
                return _Handled.STAY
            self.say(UNDONE_WORDS[undone.kind])
            seen = self._seen_answer_words()
            if seen:
                self.say(seen)
            return _Handled.MOVED_ON
        if word.startswith(":"):
            self.say(f"Unknown command {text!r}. {HELP}")
            return _Handled.STAY
        return None

    def show_feedback(self, card: Card, result: AnswerCheck) -> None:
        words = VERDICT_WORDS[result.verdict]
        if result.verdict is Verdict.RIGHT:
            self.say(f"{words} {result.expected}")
        else:
            line = f"{words} The answer is: {result.expected}."
            if result.typed:
                line += f" You answered: {result.typed}."
            self.say(line)
            if result.verdict is Verdict.ALMOST and result.diff:
                if result.matched and result.matched != result.expected:
                    # The difference is to the accepted form the answer is close to: said so,
                    # or its words read as a garbled version of the answer just heard.
                    self.say(f"Closest accepted answer: {result.matched}.")
                    self.say(f"Difference (yours → accepted answer): {describe_diff(result.diff)}")
                else:
                    self.say(f"Difference (yours → correct): {describe_diff(result.diff)}")
        seen = self._seen_answer_words()
        if seen:
            self.say(seen)
        if card.type is CardType.CLOZE:
            self.say(f"Full sentence: {card.full_text}")
        if card.context and card.context != card.full_text:
            self.say(f"Context: {card.context}")
        if card.source:
            self.say(source_words(card, self.document_title(card)))

    def read_rating(self) -> None:
        session = self.session
        suggested = session.suggested
        preview = session.preview()
        choices = ", ".join(f"{r.value} {r.label.lower()} ({humanize.interval(preview[r])})" for r in Rating)
        while True:
            text = self.ask(f"Rate: {choices}. Enter for {suggested.value} {suggested.label.lower()}: ")
            handled = self.command(text)
            if handled is _Handled.MOVED_ON:
                return
            if handled is _Handled.STAY:
                continue
            if not text:
                rating = suggested
            elif text in ("1", "2", "3", "4"):
                rating = Rating(int(text))
            else:
                self.say("Please type 1, 2, 3 or 4, or press Enter for the suggested rating.")
                continue
            outcome = session.rate(rating)
            self.say(
                f"Saved as {rating.label.lower()}; next review in {humanize.interval(outcome.interval)}."
            )
            if outcome.became_leech:
                self.say(
                    f"This card has been forgotten {outcome.progress.memory.lapses} times and is now "
                    f"tagged as a leech. Consider rewording it: {card_location(outcome.card, session)}"
                )
            return

    def _seen_answer_words(self) -> str | None:
        """After an undo of an answer that showed the correct one: the grade this try keeps."""
        seen = self.session.seen_answer
        if seen is None:
            return None
        return SEEN_ANSWER_WORDS.format("Hard" if seen is Verdict.ALMOST else "Again")

    def _done_message(self) -> str:
        due = self.session.next_learning_due()
        if due is not None:
            return "All caught up for now; cards you are still learning come back later today."
        return "No more cards due today. Well done."


def describe_diff(diff: tuple[DiffSegment, ...]) -> str:
    """Differences as `(typed → expected)` in place, whole words, readable aloud."""
    out: list[str] = []
    for is_same, run in groupby(word_diff(diff), key=lambda segment: segment.kind == "same"):
        segments = list(run)
        if is_same:
            out.extend(segment.text for segment in segments)
            continue
        typed = "".join(s.text for s in segments if s.kind == "extra") or "nothing"
        expected = "".join(s.text for s in segments if s.kind == "missing") or "nothing"
        out.append(f"({typed} → {expected})")
    return "".join(out)


def spoken_question(card: Card) -> str:
    """The question as shown, with a cloze gap as a word: a screen reader speaks the app's
    "[…]" as "left bracket, horizontal ellipsis, right bracket"."""
    if card.type is not CardType.CLOZE:
        return card.question
    blank = f"[blank: {card.hint}]" if card.hint else "[blank]"
    return CLOZE_BLANK.sub(lambda _: blank, card.prompt, count=1)


def card_location(card: Card, session: StudySession) -> str:
    deck = session.collection.deck(card.deck_id)
    return f"{deck.path}:{card.line}" if deck else card.id


def summary_line(summary: Summary) -> str:
    if summary.reviews == 0:
        return "No cards studied."
    cards = plural(summary.cards, "card")
    answers = plural(summary.reviews, "answer")
    wrong = summary.wrong - summary.shown  # an answer asked for is not a wrong one
    text = (
        f"Studied {cards} in {humanize.duration(summary.seconds)}"
        + (f" ({answers})" if summary.reviews != summary.cards else "")
        + f": {summary.right} right, {summary.almost} almost, {wrong} wrong"
        + (f", {plural(summary.shown, 'answer')} shown" if summary.shown else "")
    )
    if summary.right + summary.almost + wrong:  # a percentage of answers shown only says nothing
        # Said in full: "100% correct" next to "1 almost" sounded like a mistake.
        text += f" ({humanize.percent(summary.accuracy)} of answers right or almost)"
    text += "."
    if summary.new_cards:
        text += f" New cards: {summary.new_cards}, {summary.new_remembered} remembered"
        text += f", {plural(summary.new_shown, 'answer')} shown." if summary.new_shown else "."
    text += f" {summary.due_tomorrow} due tomorrow."
    if summary.later_today:  # a student who reads only "due tomorrow" would miss these
        text += f" Later today {later_today(summary)}."
    return text


def later_today(summary: Summary) -> str:
    """`3 learning cards, the first due in 8 min`, as the app's summary says it."""
    cards = plural(summary.later_today, "learning card")
    soon = summary.next_later_today
    if soon is None:
        return cards
    return f"{cards}, the first due {f'in {humanize.interval(soon)}' if soon else 'now'}"
