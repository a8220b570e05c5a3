"""Typing where no answer box is: a word is not a string of commands.

On a choice card and after the answer the plain letters are commands (u undo, b bury,
s suspend, e edit, t/f answer). A fast typist who types a word as the screen moves on to
such a card fired them: the `u` in "Baku" undid the last rating and the rest was taken as
the next answer (new-user trial 6). So, without timers: a letter that is no command here
starts a burst of typing; until a key that is not part of a word (Enter, Esc, a digit, an
arrow) or a new card, every letter is ignored, and the Enter that ends the burst does
nothing by itself, as it was meant for a text box that is not there.
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


# Keys that edit a word being typed: part of the burst, never its end.
WORD_EDITING_KEYS = frozenset({"space", "backspace", "delete"})


def _letter_commands(step: Step) -> frozenset[str]:
    return frozenset(
        key for row in keys.keys_for(step) for key in row.keys if len(key) == 1 and key.isalpha()
    )


@dataclass
class StrayTyping:
    """The burst state of one review screen; `reset` on every new card."""

    active: bool = False

    def reset(self) -> None:
        self.active = False

    def judge(self, step: Step, key: str, character: str | None) -> KeyFate:
        if step is Step.TYPING:  # the answer box takes every printable key
            self.active = False
            return KeyFate.PASS
        char = character if character is not None and len(character) == 1 and character.isprintable() else ""
        in_word = (char != "" and not char.isdigit()) or key in WORD_EDITING_KEYS
        if self.active:
            if in_word:
                return KeyFate.IGNORED
            self.active = False
            # The Enter meant for the missing text box neither answers nor rates.
            return KeyFate.IGNORED if key == "enter" else KeyFate.PASS
        if char.isalpha() and key not in _letter_commands(step):
            self.active = True
            return KeyFate.STARTED
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
    return f"Typing ignored: no text box on this card — {how}. Letter keys are off until ⏎."
