"""The difference shown to the learner between what was typed and the answer, as written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby
from typing import Literal

from caucasusquiz.study.answers.normalize import compact, comparison_fold, normalize
from caucasusquiz.study.answers.verdict import DiffSegment

# Below this similarity a wrong answer is shown replaced as a whole, not letter by letter.
_MIN_ALIGNED_RATIO = 0.4


def letter_diff(typed: str, target: str) -> tuple[DiffSegment, ...]:
    """Segments turning `typed` into `target`, on the texts as written.

    Letters are aligned ignoring case and accents, so "wilson" lines up with "Wilson";
    where they still differ (w/W) the segment is shown as changed. Each changed run is
    given as what was typed ("extra") followed by what was expected ("missing"): "Wils",
    extra "e", missing "o", "n". Stray one- or two-letter matches inside a change are
    folded into it ("President" → "Woodrow", not P/Wood/r/esident/ow), and an answer with
    little in common with the target is shown replaced as a whole.
    """
    if typed == target:
        return ()
    folded_typed, folded_target = _fold_each_char(typed), _fold_each_char(target)
    matcher = SequenceMatcher(None, folded_typed, folded_target, autojunk=False)
    if matcher.ratio() < _MIN_ALIGNED_RATIO:
        return _merged_changes([DiffSegment(typed, "extra"), DiffSegment(target, "missing")])
    segments: list[DiffSegment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.extend(_equal_run(typed[i1:i2], target[j1:j2]))
        else:
            segments += [DiffSegment(typed[i1:i2], "extra"), DiffSegment(target[j1:j2], "missing")]
    return _merged_changes(segments)


def _equal_run(typed: str, target: str) -> Iterable[DiffSegment]:
    """A run equal once folded: same where the letters are identical, changed elsewhere."""
    position = 0
    for same, run in groupby(zip(typed, target, strict=True), key=lambda pair: pair[0] == pair[1]):
        end = position + len(list(run))
        if same:
            yield DiffSegment(typed[position:end], "same")
        else:
            yield DiffSegment(typed[position:end], "extra")
            yield DiffSegment(target[position:end], "missing")
        position = end


_MAX_ISLAND = 2  # matching letters this short, between two changes, are part of the change


def _merged_changes(segments: list[DiffSegment]) -> tuple[DiffSegment, ...]:
    """Group segments into same runs and change blocks (one extra, then one missing)."""
    segments = [segment for segment in segments if segment.text]
    out: list[DiffSegment] = []
    extra = missing = ""
    for index, segment in enumerate(segments):
        if segment.kind == "extra":
            extra += segment.text
        elif segment.kind == "missing":
            missing += segment.text
        elif _is_island(segments, index):
            extra += segment.text
            missing += segment.text
        else:
            _flush_change(out, extra, missing)
            extra = missing = ""
            if out and out[-1].kind == "same":
                out[-1] = DiffSegment(out[-1].text + segment.text, "same")
            else:
                out.append(segment)
    _flush_change(out, extra, missing)
    return tuple(out)


def _is_island(segments: list[DiffSegment], index: int) -> bool:
    return (
        len(segments[index].text) <= _MAX_ISLAND
        and 0 < index < len(segments) - 1
        and segments[index - 1].kind != "same"
        and segments[index + 1].kind != "same"
    )


def _flush_change(out: list[DiffSegment], extra: str, missing: str) -> None:
    if extra:
        out.append(DiffSegment(extra, "extra"))
    if missing:
        out.append(DiffSegment(missing, "missing"))


def _fold_each_char(text: str) -> str:
    """`text` with each character folded to one character, so positions stay aligned."""
    return "".join(_align_char(c) for c in text)


@lru_cache(maxsize=1024)
def _align_char(char: str) -> str:
    folded = comparison_fold(char)
    return folded if len(folded) == 1 else char


def meaningful_diff(
    diff: tuple[DiffSegment, ...], side: Literal["typed", "expected"] = "expected"
) -> tuple[DiffSegment, ...]:
    """The diff as a learner should see it: changes that only differ in case, accents, dashes
    or spacing (which never affect the verdict) are unmarked, shown as written on `side`:
    "typed" when drawing the learner's own answer (exactly what was typed, never
    re-capitalised), "expected" when drawing the answer."""
    shown: list[DiffSegment] = []
    i = 0
    while i < len(diff):
        if diff[i].kind == "same":
            shown.append(diff[i])
            i += 1
            continue
        typed = expected = ""
        while i < len(diff) and diff[i].kind != "same":
            if diff[i].kind == "extra":
                typed += diff[i].text
            else:
                expected += diff[i].text
            i += 1
        if typed and expected and compact(normalize(typed)) == compact(normalize(expected)):
            shown.append(DiffSegment(typed if side == "typed" else expected, "same"))
        else:
            if typed:
                shown.append(DiffSegment(typed, "extra"))
            if expected:
                shown.append(DiffSegment(expected, "missing"))
    merged: list[DiffSegment] = []
    for segment in shown:
        if merged and merged[-1].kind == segment.kind:
            merged[-1] = DiffSegment(merged[-1].text + segment.text, segment.kind)
        else:
            merged.append(segment)
    return tuple(merged)


# Words (with their apostrophes), runs of spaces, and each other character on its own: a dash
# between words is a token, so "Baku-Tblisi-Ceyhan" differs from the answer in one word.
_TOKEN = re.compile(r"\s+|[^\W_]+(?:['’][^\W_]+)*|.", re.DOTALL)
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))


def word_diff(diff: tuple[DiffSegment, ...]) -> tuple[DiffSegment, ...]:
    """`diff` regrouped by whole words, for reading aloud (line mode, screen readers).

    "Wils(e → o)n" cannot be spoken; "(wilsen → Wilson)" can. A change never starts or ends
    with a space, so "the military operation" against "... in Karabakh" is the same words
    then " " and the missing "in Karabakh". Words that differ only in case, accents or the
    kind of dash are shown the same, as the answer writes them (the rule of `meaningful_diff`).
    The spaces around a change are the answer's: meant for reading, not for rebuilding the texts.
    """
    typed = "".join(segment.text for segment in diff if segment.kind != "missing")
    target = "".join(segment.text for segment in diff if segment.kind != "extra")
    yours, answer = _TOKEN.findall(typed), _TOKEN.findall(target)
    matcher = SequenceMatcher(None, _token_keys(yours), _token_keys(answer), autojunk=False)
    shown: list[DiffSegment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            shown.append(DiffSegment("".join(answer[j1:j2]), "same"))
        elif i1 == j1 == 0 and _is_leading_article(yours[i1:i2], answer[j1:j2]):
            shown.append(DiffSegment("".join(answer[j1:j2]), "same"))  # never counts
        else:
            shown.extend(_word_change(yours[i1:i2], answer[j1:j2]))
    merged: list[DiffSegment] = []
    for segment in shown:
        if merged and merged[-1].kind == segment.kind == "same":
            merged[-1] = DiffSegment(merged[-1].text + segment.text, "same")
        elif segment.text:
            merged.append(segment)
    return tuple(merged)


_ARTICLES = frozenset({"the", "a", "an"})


def _is_leading_article(yours: list[str], answer: list[str]) -> bool:
    """ "the" typed or left out before the first word: the verdict never counts it."""
    words = [token.casefold() for token in (*yours, *answer) if not token.isspace()]
    return len(words) == 1 and words[0] in _ARTICLES


def _token_keys(tokens: Sequence[str]) -> list[str]:
    return [" " if token.isspace() else comparison_fold(token.translate(_DASHES)) for token in tokens]


def _word_change(yours: list[str], answer: list[str]) -> list[DiffSegment]:
    """One changed run of words: its outer spaces moved out, unmarked when it does not matter."""
    if compact(normalize("".join(yours))) == compact(normalize("".join(answer))):
        return [DiffSegment("".join(answer) or "".join(yours), "same")]  # only punctuation or spacing
    yours_before, yours, yours_after = _outer_spaces(yours)
    answer_before, answer, answer_after = _outer_spaces(answer)
    return [
        DiffSegment(answer_before or yours_before, "same"),
        DiffSegment("".join(yours), "extra"),
        DiffSegment("".join(answer), "missing"),
        DiffSegment(answer_after or yours_after, "same"),
    ]


def _outer_spaces(tokens: list[str]) -> tuple[str, list[str], str]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].isspace():
        start += 1
    while end > start and tokens[end - 1].isspace():
        end -= 1
    return "".join(tokens[:start]), tokens[start:end], "".join(tokens[end:])
