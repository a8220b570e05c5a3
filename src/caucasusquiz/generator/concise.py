"""The short question a teacher writes, where the sentence's shape makes it safe.

"A peace treaty, known as the Treaty of Portsmouth, was signed on September 5, 1905 after
negotiations lasting from …" holds one fact a teacher asks in eight words: "On what date was
the Treaty of Portsmouth signed?". A named thing, an event verb (signed, opened, founded …)
and the date asked are enough; everything else in the sentence is context, shown after the
answer. Questions that stay long lose their trailing asides and the long official forms of
their names.
"""

from __future__ import annotations

import re

from caucasusquiz.generator.entities import Mention
from caucasusquiz.generator.questions import WHEN_ASKED, common_opening, lemma

# "in which year" (questions) opening a question: "In which year".
_WH = {group: words[:1].upper() + words[1:] for group, words in WHEN_ASKED.items()}
# What happens to a thing on one day: the date is the fact.
_EVENT_PARTICIPLE = (
    r"signed|ratified|concluded|opened|inaugurated|founded|established|completed|launched|"
    r"built|constructed|formed|created|dissolved|abolished|adopted|unveiled|commissioned|enacted|"
    r"passed|approved"
)
_EVENT_PAST = r"began|ended|opened|closed|started|broke out"
_WORD = r"[A-Z][\w'’.–-]*"
# A named thing: capitalised words ("The Kiel Canal", "NATO"), with the small words of a
# name between them ("the Treaty of Portsmouth", "the Agreement for Peace in Bosnia and …").
_NAME = rf"(?:[Tt]he\s+)?{_WORD}(?:\s+(?:(?:of|for|and|in|on|the|de)\s+){{0,2}}{_WORD}){{0,9}}"
_PASSIVE = re.compile(
    rf"^(?P<subj>{_NAME})\s+(?:\([^)]*\)\s+)?(?P<aux>was|were)\s+(?P<verb>{_EVENT_PARTICIPLE})\s+(?:in|on)\s+$"
)
_PARTICIPLE_ASIDE = re.compile(rf"^(?P<subj>{_NAME}),\s+(?P<verb>{_EVENT_PARTICIPLE})\s+(?:in|on)\s+$")
_KNOWN_AS = re.compile(
    rf"^(?:An?|The)\s+(?:[a-z][\w-]*\s+){{1,3}}?[a-z][\w-]*,\s+(?:also\s+)?(?:known|know|called)\s+as\s+"
    rf"(?P<subj>{_NAME}),\s+(?P<aux>was|were)\s+(?P<verb>{_EVENT_PARTICIPLE})\s+(?:in|on)\s+$"
)
_ACTIVE = re.compile(rf"^(?P<subj>{_NAME})\s+(?P<verb>{_EVENT_PAST})\s+(?:in|on)\s+$")
# "The Ostrava Canal saw quick success upon opening on October 26, 1825": the date is its opening's.
_UPON_OPENING = re.compile(
    rf"^(?P<subj>{_NAME})\s+(?:[a-z][\w'’-]*\s+){{1,6}}(?:upon|on|after|since)\s+(?:its\s+)?"
    rf"(?P<verb>opening)\s+(?:in|on)\s+$"
)


# "Construction of the Kiel Canal" opens a question in lower case (entities may take the whole
# run for a name).
_EVENT_NOUN = re.compile(r"^(?:Construction|Work|Building|Negotiations|Talks|Fighting)(?= of\b)")


def _named(subject: str) -> bool:
    """ "The Kiel Canal", "the Treaty of Portsmouth", "NATO": a name; "Construction" (a common
    word the sentence start capitalised) is none."""
    words = subject.split()
    return any(w[:1].isupper() for w in words[1:]) or re.fullmatch(r"[A-Z]{2,}", words[0]) is not None


_NOT_NAMES = frozenset("It He She They This These That There In On By After Before During A An".split())


def event_question(text: str, mention: Mention) -> str | None:
    """ "On what date was the Treaty of Portsmouth signed?" for a date that a named thing's
    event verb governs, or None when the sentence has another shape."""
    wh = _WH.get(mention.group) if mention.kind in ("date", "year") else None
    if wh is None:
        return None
    before, after = text[: mention.start], text[mention.end :]
    if not re.match(r"\s*(?:[,.;]|$|\s(?:after|following|at|in|when|as|during|with)\b)", after):
        return None  # "signed on 5 May 1905 by the two emperors": more than a date is asked
    for pattern in (_KNOWN_AS, _PASSIVE, _PARTICIPLE_ASIDE, _ACTIVE, _UPON_OPENING):
        match = pattern.match(before)
        if match is None:
            continue
        subject = match.group("subj")
        if subject.split()[0] in _NOT_NAMES or not _named(subject):
            return None
        subject = re.sub(r"^The\b", "the", common_opening(subject))
        subject = _EVENT_NOUN.sub(lambda m: m.group().lower(), subject, count=1)
        verb = match.group("verb")
        if pattern is _UPON_OPENING:
            return f"{wh} did {subject} open?"
        if pattern is _ACTIVE:
            base = "break out" if verb == "broke out" else lemma(verb)
            return f"{wh} did {subject} {base}?" if base else None
        aux = match.groupdict().get("aux") or "was"
        return f"{wh} {aux} {subject} {verb}?"
    return None


# "Subsequent to the normalization announcement, in August 1995, …": a phrase with no date
# before the one that dates the clause; the question needs only the clause.
_LEAD_PHRASE = re.compile(
    r"^(?:Subsequent to|Following|After|Prior to|Before|Upon|In the wake of)\s[^,\d]{3,80},\s+(?=(?:in|on)\s)"
)


def opening_phrase(text: str) -> int:
    """How many characters open the sentence before its dating phrase and may be dropped."""
    match = _LEAD_PHRASE.match(text)
    return match.end() if match else 0


_WHEN_HEAD = re.compile(r"^(?:On what date|In which year|In which month and year|When)\b")
# The long official forms of names a question can say shortly.
_OFFICIAL = (
    (re.compile(r"\bthe United States of America\b"), "the United States"),
    (
        re.compile(
            r"\bthe (?:Socialist|People's|Islamic|Federal|Democratic|Arab)\s+"
            r"Republic of ([A-Z][a-z]+)\b(?!\s+[A-Z])"
        ),
        r"\1",
    ),
)
_PLACE_AGAIN = re.compile(r"\s+in\s+(?:the\s+(?:city|town|village)\s+of\s+)?(?P<place>[A-Z][\w'’-]+)\?$")
# A question a teacher would not write longer than this keeps only its main clause.
LONG = 20
MAX_WORDS = 25  # the gate refuses longer prompts (`standalone`)
_EXAMPLE_ASIDE = re.compile(r",\s+(?:including|such as|notably|among them)\s+[^,?]{1,40},")
_WHO_HEAD = re.compile(r"^(?:[^,?]{0,40},\s+)?(?:[Ww]ho|[Ww]hich|[Ww]hat)\b")
_REPORTING_TAIL = re.compile(r"\s+(?:announcing|saying|stating|adding|noting|declaring)\b[^?]*\?$")


def concise_question(question: str) -> str:
    """The question without what a teacher would leave to the context: a trailing aside
    after a comma in a "when" question ("…, with Russian Tsar Nicholas II following suit two
    days later?"), and, in a long question, "the United States of America"."""
    if len(question.split()) > LONG:
        for pattern, short in _OFFICIAL:
            question = pattern.sub(short, question)
    if len(question.split()) > MAX_WORDS:
        # "… any conflict, including Karabakh, will require …": an example inside the clause.
        question = _EXAMPLE_ASIDE.sub("", question, count=1)
    if len(question.split()) > MAX_WORDS and _WHO_HEAD.match(question):
        # "Which Secretary met X announcing that …?": who met X is the question asked.
        question = _REPORTING_TAIL.sub("?", question, count=1)
    place = _PLACE_AGAIN.search(question)
    if place is not None and _WHEN_HEAD.match(question) and place.group("place") in question[: place.start()]:
        # "… was the Treaty of Kars signed in the city of Kars?": the name says where.
        question = question[: place.start()] + "?"
    if _WHEN_HEAD.match(question) and len(question.split()) > LONG:
        head = _WHEN_HEAD.match(question)
        start = head.end() if head else 0
        cut = re.search(r",\s+(?!\d)|\s+(?:after|following)\s+", question[start:])
        if cut is not None:
            shorter = question[: start + cut.start()].rstrip() + "?"
            if len(shorter.split()) >= 6:
                return shorter
    return question
