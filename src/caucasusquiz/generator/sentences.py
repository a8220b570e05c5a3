"""Splitting a paragraph into sentences, knowing the abbreviations of this kind of text.

A period ends a sentence unless it belongs to an abbreviation (Sen., Jan., Jr.), to a
run of initials (U.S., D.C., H.W.) that is followed by a name, or to a middle initial
(George W. Bush). Scrape damage matters here too: `resupplying U. At the peak …` is a
sentence cut at "U." and must be split there, so that `damage` can reject the cut part
and keep the rest. A colon followed by a capitalised sentence (`wrote: After the …`)
marks a lost quotation or list; the split lets `damage` reject the dangling half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen sens rep reps gov gen col lt capt sgt maj adm cmdr st jr sr no nos inc "
    "ltd co corp bros vs etc approx est dept univ assn amb pres hon rev fig vol ed eds pp jan feb "
    "mar apr jun jul aug sep sept oct nov dec mt ft ave blvd".split()
)
# Words that start a sentence after "… the U.S. The …"; after initials, any other
# capitalised word is taken to continue a name ("U.S. President", "D.C. Council").
SENTENCE_STARTERS = frozenset(
    "the this these those that it its he she they we his her their there in on at after before "
    "during since according for as a an but however although while when following with by from "
    "today yet also both all some many most one two three four five six seven eight nine ten if "
    "despite other our what why how".split()
)

_CANDIDATE = re.compile(
    r"[.!?]+[\"'”’“)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9İÇŞÖÜ])"
    r"|[.!?][\"”“]?(?=[A-Z][a-z])"  # glued: "region.Azerbaijan"
    r"|:(?=\s+[A-Z][a-z]+\s)"
)
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    # How the sentence ended: "." (or ! ?), ":" before a capitalised sentence, or "" at the
    # end of the paragraph without any terminal punctuation.
    ending: str


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start:
            continue
        mark = match.group()
        if mark[0] == ":":
            spans.append(Span(start, end, ":"))
            start = _skip_space(text, end)
            continue
        if mark[0] == "." and not _is_boundary(text, match.start(), end):
            continue
        spans.append(Span(start, end, "."))
        start = _skip_space(text, end)
    if start < len(text.rstrip()):
        tail = text.rstrip()
        ending = ":" if tail.endswith(":") else "." if re.search(r"[.!?][\"'”’)\]]*$", tail) else ""
        spans.append(Span(start, len(tail), ending))
    return spans


def _is_boundary(text: str, dot: int, end: int) -> bool:
    """Is the period at `dot` the end of a sentence?"""
    match = _WORD_BEFORE.search(text, max(0, dot - 200), dot + 1)
    word = match.group(1) if match else ""
    bare = word.rstrip(".").lstrip("(\"“'‘")
    if bare.lower() in ABBREVIATIONS and text[dot + 1 : dot + 2] != '"':
        return False
    following = text[end:].lstrip()
    next_word = re.match(r"[\"“'‘(]?([\w'’-]+)", following)
    next_text = next_word.group(1) if next_word else ""
    token = word.lstrip("(\"“'‘")
    if _INITIALS.match(token):
        # "U.S. President" continues; "… with the U.S. The …" ends.
        return next_text.lower() in SENTENCE_STARTERS
    if _INITIAL.match(token):
        # A middle initial follows a capitalised given name ("George W. Bush"); "of U. At"
        # is a sentence cut at "U." by the scraper.
        head = text[max(0, match.start(1) - 200) : match.start(1)].rstrip() if match else ""
        before = _WORD_BEFORE.search(head)
        previous = before.group(1) if before else ""
        return not (previous[:1].isupper() and not previous.endswith((",", ";", ":")))
    return True


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index
