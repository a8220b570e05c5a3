"""The review screen's keys: one table that the bindings, the hint bar and the help screen
are all made from, so what the learner is told is what the keys do.

A key works in some steps of a card only. While an answer is being typed, every printable
key belongs to the answer box, so the commands there are ctrl keys (and F1 for help); on a
choice card and after the answer the plain letters work (a word typed there by mistake
fires none of them: ui/stray_typing.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from textual.actions import parse as parse_action
from textual.binding import Binding


class Step(Enum):
    """Where the learner is with the card on screen."""

    TYPING = "typing an answer"
    CHOOSING = "on a multiple-choice card"
    TRUE_FALSE = "on a true/false card"
    FEEDBACK = "after the answer"


@dataclass(frozen=True, slots=True)
class Key:
    keys: tuple[str, ...]  # Textual key names
    actions: tuple[str, ...]  # the action of each key ("" : the answer box handles the key itself)
    label: str  # how the key is written on screen
    hint: str  # the hint bar's word
    description: str  # the help screen's line
    steps: frozenset[Step]
    per_option: bool = False  # one key per option of the card on screen (a card may show fewer)

    def action_for(self, key: str) -> str:
        return self.actions[self.keys.index(key)] if len(self.actions) > 1 else self.actions[0]

    def label_for_options(self, options: int) -> str:
        """How the key is written for a card showing `options` options: a key per option
        names only the ones that work ("1-3" on a card with three)."""
        if not self.per_option or not 0 < options < len(self.keys):
            return self.label
        return self.keys[0] if options == 1 else f"{self.keys[0]}-{self.keys[options - 1]}"


def _key(
    keys: str,
    actions: str,
    label: str,
    hint: str,
    description: str,
    steps: frozenset[Step],
    *,
    per_option: bool = False,
) -> Key:
    return Key(tuple(keys.split(",")), tuple(actions.split(";")), label, hint, description, steps, per_option)


TYPING = frozenset({Step.TYPING})
NOT_TYPING = frozenset({Step.CHOOSING, Step.TRUE_FALSE, Step.FEEDBACK})  # no answer box has focus
NUMBERS = "number(1);number(2);number(3);number(4)"

# In the order of the hint bar (it shows as many as fit); the help screen lists them all.
# The plain and the ctrl key of a command call the action with "plain" or "ctrl", so that
# each works only where this table says.
REVIEW_KEYS: tuple[Key, ...] = (
    _key("enter", "", "⏎", "check", "check the typed answer (empty: show the answer)", TYPING),
    _key(
        "1,2,3,4", NUMBERS, "1-4", "answer", "pick option 1 to 4", frozenset({Step.CHOOSING}), per_option=True
    ),
    _key(
        "t,f",
        "true_false(True);true_false(False)",
        "t/f",
        "answer",
        "answer true or false",
        frozenset({Step.TRUE_FALSE}),
    ),
    _key("enter", "accept", "⏎", "show", "show the answer", frozenset({Step.CHOOSING, Step.TRUE_FALSE})),
    _key(
        "1,2,3,4", NUMBERS, "1-4", "rate", "rate: 1 again, 2 hard, 3 good, 4 easy", frozenset({Step.FEEDBACK})
    ),
    _key("enter", "accept", "⏎", "accept", "accept the suggested rating (▶)", frozenset({Step.FEEDBACK})),
    _key("ctrl+z", "undo('ctrl')", "^z", "undo", "undo your last step", TYPING),
    _key(
        "u", "undo('plain')", "u", "undo", "undo your last step: the answer, else the last card", NOT_TYPING
    ),
    _key("ctrl+b", "bury('ctrl')", "^b", "bury", "bury: hide this card until tomorrow", TYPING),
    _key("b", "bury('plain')", "b", "bury", "bury: hide this card until tomorrow", NOT_TYPING),
    _key("ctrl+s", "suspend('ctrl')", "^s", "suspend", "suspend: no reviews until unsuspended", TYPING),
    _key("s", "suspend('plain')", "s", "suspend", "suspend: no reviews until unsuspended", NOT_TYPING),
    _key("ctrl+e", "edit_card('ctrl')", "^e", "edit", "edit this card in your editor", TYPING),
    _key("e", "edit_card('plain')", "e", "edit", "edit this card in your editor", NOT_TYPING),
    _key("ctrl+o", "show_source('ctrl')", "^o", "source", "read the fact in its source document", TYPING),
    _key("o", "show_source('plain')", "o", "source", "read the fact in its source document", NOT_TYPING),
    _key("escape", "end", "esc", "end", "end the session (every rated card is saved)", frozenset(Step)),
    _key(
        "up,down",
        "scroll_card(-1);scroll_card(1)",
        "↑↓",
        "scroll",
        "scroll a card taller than the screen (its source line says ↑↓ more)",
        NOT_TYPING,
    ),
    _key("f1", "app.help", "F1", "help", "these keys", TYPING),
    _key("question_mark", "app.help", "?", "help", "these keys (F1 works too)", NOT_TYPING),
)

# Keys of the whole app, shown at the end of every help screen.
GLOBAL_KEYS: tuple[tuple[str, str], ...] = (
    ("? / F1", "this help (F1 while typing)"),
    ("ctrl+p", "command palette: every action, themes, screens"),
    ("ctrl+q", "quit the app"),
)


def bindings(table: tuple[Key, ...]) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """Each (key, action) once; `enabled_in` decides whether it works in the current step."""
    seen: set[tuple[str, str]] = set()
    # Typed as Textual declares BINDINGS, so a screen can assign the list as it is.
    result: list[Binding | tuple[str, str] | tuple[str, str, str]] = []
    for row in table:
        for key in row.keys:
            action = row.action_for(key)
            if action and (key, action) not in seen:
                seen.add((key, action))
                result.append(Binding(key, action, row.hint, show=False))
    return result


def _steps_by_action(table: tuple[Key, ...]) -> dict[tuple[str, tuple[object, ...]], frozenset[Step]]:
    steps: dict[tuple[str, tuple[object, ...]], frozenset[Step]] = {}
    for row in table:
        for action in row.actions:
            if action:
                name, params = _parse(action)
                steps[(name, params)] = steps.get((name, params), frozenset()) | row.steps
    return steps


def _parse(action: str) -> tuple[str, tuple[object, ...]]:
    _namespace, name, params = parse_action(action)
    return name, params


_REVIEW_STEPS = _steps_by_action(REVIEW_KEYS)


def enabled_in(step: Step, action: str, parameters: tuple[object, ...]) -> bool | None:
    """For a screen's `check_action`: False hides and disables a key in this step; None for
    actions the table does not know (they are left to Textual)."""
    steps = _REVIEW_STEPS.get((action, parameters))
    return None if steps is None else step in steps


def keys_for(step: Step, table: tuple[Key, ...] = REVIEW_KEYS) -> list[Key]:
    return [row for row in table if step in row.steps]


def label_for(action: str, step: Step, table: tuple[Key, ...] = REVIEW_KEYS) -> str:
    """How the key for `action` (its name, e.g. "undo") is written in this step."""
    for row in keys_for(step, table):
        if any(a and _parse(a)[0] == action for a in row.actions):
            return row.label
    raise KeyError(f"no key for {action!r} {step}")
