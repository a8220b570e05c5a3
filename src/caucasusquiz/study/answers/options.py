"""Multiple-choice and true/false cards: the options shown, the one picked, and its verdict."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence

from caucasusquiz.study.answers.normalize import compact, normalize
from caucasusquiz.study.answers.typed import check_typed
from caucasusquiz.study.answers.verdict import AnswerCheck, Verdict


def choice_options(answer: str, distractors: Sequence[str], seed: str, shown: int = 3) -> tuple[str, ...]:
    """The answer and up to `shown` distractors, in an order fixed by `seed`.

    The same seed (e.g. f"{deck}/{card}/{review_number}") gives the same options in the same
    order on any machine; another seed usually another order and, when the card has more
    distractors than `shown`, another pick. Distractors that repeat the answer or each
    other (after normalising) are left out.
    """
    rng = random.Random(_seed_number(seed))
    answer = answer.strip()
    seen = {_option_key(answer)}
    candidates: list[str] = []
    for distractor in distractors:
        distractor = distractor.strip()
        key = _option_key(distractor)
        if distractor and key not in seen:
            seen.add(key)
            candidates.append(distractor)
    picked = rng.sample(candidates, min(max(shown, 0), len(candidates)))
    options = [answer, *picked]
    rng.shuffle(options)
    return tuple(options)


def _seed_number(seed: str) -> int:
    # Not hash(): string hashes are salted per process, and the order must survive restarts.
    return int.from_bytes(hashlib.blake2b(seed.encode("utf-8"), digest_size=8).digest(), "big")


def _option_key(text: str) -> str:
    return compact(normalize(text)) or text.casefold()


def check_option(
    chosen_index: int | None, options: Sequence[str], answer: str, typed: str = ""
) -> AnswerCheck:
    """Check the option picked for a choice or true/false card (None: revealed).

    `typed` is what the learner typed to pick it ("2", "b"); when empty, the chosen option's
    text stands for it. There is no letter diff: the UI shows the chosen and the right option.
    Raises IndexError for an index outside `options` (use `parse_option`, which never
    returns one).
    """
    right_index = _answer_index(options, answer)
    expected = options[right_index] if right_index is not None else answer.strip()
    typed = typed.strip()
    if chosen_index is None:
        return AnswerCheck(Verdict.REVEALED, typed, expected, None, (), by_option=True)
    if not 0 <= chosen_index < len(options):
        raise IndexError(f"option {chosen_index} of {len(options)}")
    chosen = options[chosen_index]
    typed = typed or chosen
    if chosen_index == right_index:
        return AnswerCheck(Verdict.RIGHT, typed, expected, chosen, (), by_option=True)
    return AnswerCheck(Verdict.WRONG, typed, expected, None, (), by_option=True)


def _answer_index(options: Sequence[str], answer: str) -> int | None:
    answer = answer.strip()
    for index, option in enumerate(options):
        if option.strip() == answer:
            return index
    key = _option_key(answer)
    for index, option in enumerate(options):
        if _option_key(option) == key:
            return index
    return None


_OPTION_LABEL = re.compile(r"[(\[]?\s*([a-z]|[0-9]{1,3})\s*[)\].:]?", re.IGNORECASE)
_TRUE_WORDS = frozenset({"t", "true", "y", "yes"})
_FALSE_WORDS = frozenset({"f", "false", "n", "no"})


def parse_option(text: str, options: Sequence[str]) -> int | None:
    """The 0-based option the learner means, or None when it is not clear (ask again).

    Understood: the number ("2"), the letter ("b", "B", "b)", "(b)"), the option's text
    (normalised, a unique prefix of 3+ letters, or a unique almost-match), and for true/false
    also t/f, yes/no, y/n. A number or letter that is also another option's text is
    ambiguous and gives None: never guess.
    """
    raw = text.strip()
    if not raw or not options:
        return None
    by_text = _option_with_text(raw, options)
    label = _OPTION_LABEL.fullmatch(raw)
    if label:
        by_label = _option_by_label(label.group(1).casefold(), len(options))
        if by_label is not None:
            return by_label if by_text in (None, by_label) else None
    true_false = _true_false_indices(options)
    if true_false:
        word = normalize(raw)
        if word in _TRUE_WORDS:
            return true_false[0]
        if word in _FALSE_WORDS:
            return true_false[1]
    if by_text is not None:
        return by_text
    return _option_by_prefix(raw, options) if label is None else None


def _option_by_label(label: str, count: int) -> int | None:
    index = int(label) - 1 if label.isdigit() else ord(label) - ord("a")
    return index if 0 <= index < count else None


def _true_false_indices(options: Sequence[str]) -> tuple[int, int] | None:
    keys = [_option_key(option) for option in options]
    if len(keys) == 2 and set(keys) == {"true", "false"}:
        return keys.index("true"), keys.index("false")
    return None


def _option_with_text(typed: str, options: Sequence[str]) -> int | None:
    """The single option the text is (right), else the single one it almost is."""
    for verdict in (Verdict.RIGHT, Verdict.ALMOST):
        found = [i for i, option in enumerate(options) if check_typed(typed, option).verdict is verdict]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _option_by_prefix(typed: str, options: Sequence[str]) -> int | None:
    prefix = compact(normalize(typed))
    if len(prefix) < 3 or any(c.isdigit() for c in prefix):
        return None  # "199" could be any year: a number is never completed by guessing
    found = [i for i, option in enumerate(options) if _option_key(option).startswith(prefix)]
    return found[0] if len(found) == 1 else None
