"""Typing where no answer box is: a word is not a string of commands.

On a choice card and after the answer the plain letters are commands (u undo, b bury,
s suspend, e edit, t/f answer). A fast typist who types a word as the screen moves on to
such a card fired them: the `u` in "Baku" undid the last rating and the rest was taken as
the next answer (new-user trial 6). So a letter that is no command here
starts a burst of typing; until a key that is not part of a word (Enter, Esc, a digit, an
arrow) or a new card, every letter is ignored, and the Enter that ends the burst does
nothing by itself, as it was meant for a text box that is not there.

That let the first letter of a word through when it was a command: "unity" typed on a
choice card undid the last rating with its `u` before the `n` showed it was a word. No key
tells a command from the first letter of a word but the key after it, so a command letter
that is not an answer (u, b, s, e, o: t/f answer at once) waits `hold` seconds for it: a
letter then makes the two a word, ignored like the rest; any other key, or the time
running out, lets the command do its work first. The answers and the digits never wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from caucasusquiz.ui import keys
from caucasusquiz.ui.keys import Step


class KeyFate(Enum):
    PASS = "pass"  # the key does what it always does
    STARTED = "started"  # ignored, and the burst begins: say so
    IGNORED = "ignored"  # ignored, part of a burst already said
    HELD = "held"  # a command letter, kept until the next key or the time says it is alone
    RELEASE = "release"  # the held command does its work, then this key does its own


# How long a command letter waits for a second letter: typing runs at a key every 0.1-0.25 s.
HOLD_SECONDS = 0.3


# Keys that edit a word being typed: part of the burst, never its end.
WORD_EDITING_KEYS = frozenset({"space", "backspace", "delete"})


def _letter_commands(step: Step) -> frozenset[str]:
    return frozenset(
        key for row in keys.keys_for(step) for key in row.keys if len(key) == 1 and key.isalpha()
    )


def _held_letters(step: Step) -> frozenset[str]:
    """The command letters that wait for the next key: all but the answers (t/f)."""
    return frozenset(
        key
        for row in keys.keys_for(step)
        if row.hint != "answer"
        for key in row.keys
        if len(key) == 1 and key.isalpha()
    )


@dataclass
class StrayTyping:
    """The burst state of one review screen; `reset` on every new card. `hold`: seconds a
    command letter waits for the key after it (0: it never waits)."""

    active: bool = False
    held: str | None = None  # the command letter waiting for the next key
    hold: float = HOLD_SECONDS

    def reset(self) -> None:
        self.active = False
        self.held = None

    def release(self) -> str | None:
        """The held command letter, now to do its work (the time ran out); None if none."""
        held, self.held = self.held, None
        return held

    def judge(self, step: Step, key: str, character: str | None) -> KeyFate:
        if step is Step.TYPING:  # the answer box takes every printable key
            self.reset()
            return KeyFate.PASS
        char = character if character is not None and len(character) == 1 and character.isprintable() else ""
        in_word = (char != "" and not char.isdigit()) or key in WORD_EDITING_KEYS
        if self.held is not None:
            if char.isalpha() or key in WORD_EDITING_KEYS:  # the held letter began a word
                self.held = None
                self.active = True
                return KeyFate.STARTED
            return KeyFate.RELEASE  # the screen takes the held letter with `release`
        if self.active:
            if in_word:
                return KeyFate.IGNORED
            self.active = False
            # The Enter meant for the missing text box neither answers nor rates.
            return KeyFate.IGNORED if key == "enter" else KeyFate.PASS
        if char.isalpha() and key not in _letter_commands(step):
            self.active = True
            return KeyFate.STARTED
        if self.hold > 0 and key in _held_letters(step):
            self.held = key
            return KeyFate.HELD
        return KeyFate.PASS


def ignored_words(step: Step, options: int) -> str:
    """The toast when a burst starts: what happened and which keys answer here."""
    if step is Step.FEEDBACK:
        how = "1-4 to rate"
    elif step is Step.TRUE_FALSE:
        how = "t/f to answer"
    else:
        answer = next(row for row in keys.keys_for(Step.CHOOSING) if row.hint == "answer")
        how = f"{answer.label_for_options(options)} to answer"
    return f"Typing ignored: no text box on this card — {how}. Letter keys are off until ⏎ or a digit."
