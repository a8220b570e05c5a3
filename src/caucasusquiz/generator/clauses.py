"""The clause that holds a fact: a card asks that clause, not the paragraph around it.

A sentence is cut at clause boundaries ("; ", " — ", ", which …", ", while …", ", but …").
The clause holding the answer is kept when it stands on its own: the main clause (with a
modifier holding the answer, such as ", following …", appended), or a coordinated clause
with its own subject (", but the Senate rejected …"). A relative clause (", which …",
", who …") has no subject of its own, so its answer is asked in the whole sentence only
when that is short; otherwise not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caucasusquiz.generator.dates import MONTH, YEAR
from caucasusquiz.generator.questions import is_past_verb

MAX_WORDS = 34

_BOUNDARY = re.compile(
    r";\s+|\s+[—–]\s+|\s+-\s+|(?<=[a-z])[—–](?=[a-z])"
    r"|,\s+(?=(?:(?:at|in|during|under|by|through|after) which|which|who|whom|whose|while|whereas|"
    r"but|although|though|where|and|"
    r"when|following|making|becoming|leading|prompting|with|viewing|naming|granting|informing|"
    r"ending|marking|establishing|bringing|creating|"
    r"saying|stating|adding|calling|noting|citing|in response to|"
    r"in exchange for|in order to|as part of|due to|because of|thanks to)\b)"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|"
    r"remains|became|becomes|[a-z]{2,}(?:ed|s))\b"
)
_COORDINATED = re.compile(r"^(?:but|while|whereas|and|although|though)\s+")
_RELATIVE = re.compile(
    r"^(?:(?:at|in|during|under|by|through|after) which|which|who|whom|whose|where|when)\b"
)
_SUBJECT_START = re.compile(r"^(?:the\s+|a\s+|an\s+)?[A-Z\d]")


SHORT = 18
WHOLE_WORDS = 26
_RELATIVE_CUT = re.compile(
    r",\s+(?:(?:at|in|during|under|by|through|after) which|which|who|whom|whose|where|while|whereas|but)\b"
    r"|\s[—–]\s"
)
_INTRO = re.compile(
    r"^(?:In|On|At|During|After|Before|Following|Speaking|Apart|According|Along|Despite|With|"
    r"Regarding|Immediately|Commenting|In view|As|Amid|Under|Within|Throughout|For)\b"
    r"[^,;\"]{3,120}?,\s+"
)
_DATE_PHRASE = re.compile(rf"(?:{MONTH}\s+(?:\d{{1,2}},\s+)?)?{YEAR}")
_DATE_WORD = re.compile(rf"\b(?:{YEAR}|{MONTH})\b")


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    start: int  # where the answer is in `text`
    end: int


def words(text: str) -> int:
    return len(text.split())


# Asides between a subject and its verb, and tails after the fact, that a card does not need:
# "X, which encourages …, was signed in June 1992", "Argentine forces, under the junta led by
# …, invaded …", "…, aiming to assert their claim", "… the Belgrano and it succeeded".
_INNER_ASIDE = re.compile(
    r",\s+(?:which|who|under|led by|headed by|backed by|"
    r"commanded by|supported by)\s[^,;()\"]{3,120}?,\s+"
    r"(?=(?:was|were|is|are|has|have|had|also\s+|then\s+|later\s+)?[a-z]+(?:ed|en|wn|ght)?\b)"
)
_TAIL = re.compile(
    r"(?:,\s+(?:aiming|seeking|hoping|intending|trying|attempting|in an (?:effort|attempt)|in a bid)"
    r"\s+to\s|\s+and\s+(?:it|he|she|they)\s+[a-z]+\b)[^;]*$"
)
# "… was completed in November 2009 and carries up to …": a second, present-tense fact.
_PRESENT_TAIL = re.compile(r"\s+and\s+(?:also\s+|now\s+)?(?P<verb>[a-z]+s)\s[^;]*$")
# "… met in Dayton, Ohio to begin negotiations about …": why they met, after where they met.
_PURPOSE_TAIL = re.compile(
    r"\b[A-Z][\w'’.-]*(?P<cut>\s+to\s+(?:begin|start|open|discuss|negotiate|hold|attend|sign|mark)\b[^;]*)$"
)


# "… compact for economic development and investment projects in irrigation, agriculture, and
# road rehabilitation": a list of what it was for, after the fact, in a long sentence.
_LIST_TAIL = re.compile(r"\s+(?:for|including|such as)\s+[^,;]+(?:,\s+[^,;]+){1,},?\s+and\s+[^,;]+$")
LONG_SENTENCE = 20


# "The Treaty of Tartu (…) is a peace treaty that was signed in Tartu on 2 February 1920":
# what it is, then what happened to it; the card asks what happened.
_IS_A_THAT = re.compile(
    r"^(?P<subject>(?:The\s+)?[A-Z][^,();]{2,60}?)\s+(?:\([^()]*\)\s+)?(?:is|was)\s+an?\s+"
    r"(?:[\w-]+\s+){1,4}?(?:that|which)\s+(?P<verb>was|were)\s+(?=[a-z]+ed\b)"
)


# "The United States recognized X on …, and opened its embassy in … in March 1992": two acts of
# one subject; the card asks the one holding the answer, with the subject.
_NAME_SUBJECT = r"(?:The\s+)?[A-Z][\w.'’–-]*(?:\s+(?:of\s+)?[A-Z][\w.'’–-]*){0,4}"
_TWO_ACTS = (
    r"\s+(?P<first>(?:also\s+|formally\s+|officially\s+)?(?P<verb1>[a-z]+)\b[^;]*?),?\s+and\s+"
    r"(?P<second>(?:then\s+|later\s+|also\s+)?(?:(?:was|were)\s+)?(?P<verb2>[a-z]+)\b[^;]*?)\.?$"
)
# The subject is a name ("The United States"), or a name and its common noun ("The Lind–Tarn
# pipeline"): tried in that order, so the noun is never the first verb.
_SHARED_SUBJECTS = (
    re.compile(rf"^(?P<subject>{_NAME_SUBJECT}){_TWO_ACTS}"),
    re.compile(
        rf"^(?P<subject>{_NAME_SUBJECT}\s+(?:pipeline|railway|corridor|canal|bridge|dam|project)){_TWO_ACTS}"
    ),
)


def _past(word: str) -> bool:
    return is_past_verb(word) or word in ("cost", "put", "set", "hit", "cut", "led", "met")


def _one_act(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """Of two acts joined under one subject, the one holding [start, end), with the subject."""
    # "Vestia and Lapland signed …": a list of subjects and one act is no match (both verbs
    # must be past tense).
    found = (pattern.match(sentence) for pattern in _SHARED_SUBJECTS)
    two = next(
        (m for m in found if m is not None and _past(m.group("verb1")) and _past(m.group("verb2"))),
        None,
    )
    if two is None or not _balanced(two.group("first")):
        return sentence, start, end
    subject = two.group("subject")
    if two.start("first") <= start and end <= two.end("first"):
        return sentence[: two.end("first")] + ".", start, end
    if two.start("second") <= start and end <= two.end("second"):
        shift = two.start("second") - (len(subject) + 1)
        return f"{subject} {two.group('second')}.", start - shift, end - shift
    return sentence, start, end


# "The project, which cost $4.5 billion, was financed by …": asked of the aside, the aside is
# the clause ("The project cost $4.5 billion.").
_WHICH_ASIDE = re.compile(
    r"^(?P<subject>(?:The\s+)?[A-Z][^,;()]{2,60}?),\s+which\s+(?P<body>[a-z]+\b(?:[^,;()]|,(?=\d{3})){2,100}?),\s+"
    r"(?=(?:was|were|is|are|has|have|had)\b|[a-z]+ed\b)"
)


def _aside_as_clause(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    aside = _WHICH_ASIDE.match(sentence)
    if aside is None or not (aside.start("body") <= start and end <= aside.end("body")):
        return sentence, start, end
    verb = aside.group("body").split()[0]
    if not (_past(verb) or verb in ("is", "are", "was", "were", "has", "had", "runs", "links", "connects")):
        return sentence, start, end
    shift = aside.start("body") - (len(aside.group("subject")) + 1)
    return f"{aside.group('subject')} {aside.group('body')}.", start - shift, end - shift


def _trimmed(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence without asides and tails that do not hold [start, end)."""
    sentence, start, end = _aside_as_clause(sentence, start, end)
    sentence, start, end = _one_act(sentence, start, end)
    is_a = _IS_A_THAT.match(sentence)
    if is_a is not None and is_a.end() <= start:
        head = f"{is_a.group('subject')} {is_a.group('verb')} "
        cut = is_a.end() - len(head)
        sentence = head + sentence[is_a.end() :]
        start, end = start - cut, end - cut
    listed = _LIST_TAIL.search(sentence.rstrip("."))
    if listed is not None and listed.start() >= end and words(sentence) > LONG_SENTENCE:
        sentence = sentence[: listed.start()].rstrip(" ,") + "."
    tail = _TAIL.search(sentence)
    if tail is not None and tail.start() >= end:
        sentence = sentence[: tail.start()].rstrip(" ,") + "."
    present = _PRESENT_TAIL.search(sentence)
    if present is not None and present.start() >= end and _present_verb(present.group("verb")):
        sentence = sentence[: present.start()] + "."
    why = _PURPOSE_TAIL.search(sentence)
    if why is not None and why.start("cut") >= end:
        sentence = sentence[: why.start("cut")] + "."
    for _ in range(2):
        aside = _INNER_ASIDE.search(sentence)
        if aside is None or aside.start() < end <= aside.end() or aside.start() <= start < aside.end():
            break
        if not _balanced(sentence[: aside.start()]):
            break
        cut = aside.end() - aside.start() - 1  # the aside goes, one space stays
        sentence = sentence[: aside.start()] + " " + sentence[aside.end() :]
        if aside.start() < start:
            start, end = start - cut, end - cut
    return sentence, start, end


def clause_around(sentence: str, start: int, end: int) -> Clause | None:
    """The shortest self-contained clause of `sentence` holding [start, end), or None."""
    sentence, start, end = _trimmed(sentence, start, end)
    cuts = [0]
    for match in _BOUNDARY.finditer(sentence):
        if not _balanced(sentence[: match.start()]):
            continue
        after = sentence[match.end() :]
        if (
            sentence[match.start()] == ","
            and after.startswith("and ")
            and (not _starts_clause(after[4:]) or _LIST_SO_FAR.search(sentence[: match.start()]))
        ):
            continue  # "Democracy, Human Rights, and Labor": a list, not a clause
        cuts.append(match.start())
    cuts.append(len(sentence))
    if words(sentence) <= WHOLE_WORDS and ";" not in sentence and not _RELATIVE_CUT.search(sentence):
        return _whole(sentence, start, end)  # short: the whole sentence is the clause
    segments = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    index = next((i for i, (a, b) in enumerate(segments) if a <= start < b), None)
    if index is None or end > segments[index][1]:
        return _whole(sentence, start, end)
    main_start, main_end = segments[0]
    main = sentence[main_start:main_end].rstrip(" ,;.")
    if not _has_verb(main):
        # "The Energy Community Treaty, which …, requires …": the main clause goes on after
        # the relative clause; only the whole sentence says it (if short enough).
        return _whole(sentence, start, end)
    if index == 0:
        return _finish(main, start, end)
    seg_start, seg_end = segments[index]
    raw = sentence[seg_start:seg_end]
    body = re.sub(r"^[;,]?\s*(?:[—–-]\s*)?", "", raw)
    shift = seg_start + (len(raw) - len(body))
    body = body.rstrip(" ,;.")
    if _RELATIVE.match(body):
        return _whole(sentence, start, end)
    coordinated = _COORDINATED.match(body)
    if coordinated or sentence[seg_start] == ";":
        rest = body[coordinated.end() :] if coordinated else body
        offset = shift + (len(body) - len(rest))
        if _starts_clause(rest):
            text = rest[:1].upper() + rest[1:]
            return _finish(text, start - offset, end - offset)
        return _whole(sentence, start, end)
    # A modifier (", following …", ", with …"): the main clause carries it, when it
    # follows the main clause directly (after a "; …" clause it modifies that one).
    if index != 1:
        return _whole(sentence, start, end)
    text = f"{main}, {body}"
    offset = shift - (len(main) + 2)
    return _finish(text, start - offset, end - offset)


# ", and on March 16, 1992, the United States opened …": a clause of its own, after its date.
_DATED_OPENING = re.compile(
    rf"^(?:on|in)\s+(?:[A-Z][a-z]+\s+\d{{1,2}},\s+|\d{{1,2}}\s+[A-Z][a-z]+\s+)?{YEAR},\s+"
)


def _starts_clause(text: str) -> bool:
    dated = _DATED_OPENING.match(text)
    if dated is not None:
        text = text[dated.end() :]
    return bool(_SUBJECT_START.match(text)) and any(is_past_verb(w) for w in text.split()[:8])


def _whole(sentence: str, start: int, end: int) -> Clause | None:
    return _finish(sentence.rstrip(" ,;."), start, end)


_LIST_SO_FAR = re.compile(r",\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")
_NOT_REFERENT = frozenset(
    "In On At By For To Of And But As With From The A An January February March April May June "
    "July August September October November December".split()
)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")


def _finish(text: str, start: int, end: int) -> Clause | None:
    trailing = _TRAILING_LIST.search(text)
    if trailing and trailing.start() >= end:
        text = text[: trailing.start()]  # "… three main areas …: security, energy, …": the list goes
    if start < 0 or end > len(text) or _dangling_pronoun(text):
        return None  # "he also stopped in Yerevan": who?
    if not _has_verb(text):
        return None  # "Erna Solberg and Sebastián Piñera in Oslo, 2017": a caption, no fact
    if not _balanced_brackets(text) or _SELF_REFERENCE.search(text):
        return None  # "Karskiy dogovor) was …": a cut fragment; "… this fact sheet": page talk
    text, start, end = _without_intro(text, start, end)
    if words(text) > MAX_WORDS:
        return None
    return Clause(text + ".", start, end)


def _without_intro(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Drop a long opening phrase that holds neither the answer nor a date.

    "In a meeting with Azerbaijani journalists, the US ambassador … said …" asks the same
    fact without its setting; a date in the opening ("In September 2009, …") is kept.
    """
    while True:
        intro = _INTRO.match(text)
        if intro and intro.end() > start and words(text) > MAX_WORDS:
            # The answer is the opening's date: "Speaking at …, in September 2009, the Under
            # Secretary … outlined …" is asked as "In {{September 2009}}, the Under Secretary …".
            when = _DATE_PHRASE.search(intro.group())
            if when and intro.start() + when.start() == start and intro.start() + when.end() == end:
                lead = f"In {when.group()}, "
                return lead + text[intro.end() :], 3, 3 + (end - start)
            return text, start, end
        if not intro or intro.end() > start or words(text) <= SHORT:
            return text, start, end
        if _DATE_WORD.search(intro.group()):
            when = _DATE_PHRASE.search(intro.group())
            if words(text) <= MAX_WORDS or when is None or intro.group().startswith(("In ", "On ")):
                return text, start, end
            # "Speaking at a conference … in September 2009, the Under Secretary …": the
            # setting goes, the date stays.
            lead = f"{'On' if when.group()[:1].isdigit() or ',' in when.group() else 'In'} {when.group()}, "
            cut = intro.end()
            text = lead + text[cut:]
            start, end = start - cut + len(lead), end - cut + len(lead)
            continue
        cut = intro.end()
        rest = text[cut:]
        if _PRONOUN.search(_unquoted(rest)):
            return text, start, end  # "During Bolton's visit, … he": the opening names "he"
        if not _SUBJECT_START.match(rest) and not rest[:1].islower():
            return text, start, end
        text = rest[:1].upper() + rest[1:]
        start, end = start - cut, end - cut


_PRESENT_VERBS = frozenset(
    "approve support remain hold include continue work say believe consider share need want exist "
    "agree oppose face lie play seek cooperate depend border link connect account receive run own "
    "form make take have do go come provide carry serve lead allow require call regard view remain "
    "stretch pass cross flow reach span rank host cost".split()
)


def _present_verb(word: str) -> bool:
    """ "carries", "runs", "links": a present verb the list below knows ("civilians" is none)."""
    stems = (word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else "")
    return any(stem in _PRESENT_VERBS for stem in stems if stem)


def _has_verb(text: str) -> bool:
    bare = _unquoted(text)
    if _FINITE.search(bare) or any(is_past_verb(w) for w in bare.split()):
        return True
    return any(w.lower().strip(",.;:") in _PRESENT_VERBS for w in bare.split())


def _dangling_pronoun(text: str) -> bool:
    """A "he/she/they" with no name before it in the clause ("Bolton's visit …, he" is fine)."""
    bare = _unquoted(text)
    pronoun = _PRONOUN.search(bare)
    if pronoun is None:
        return False
    before = bare[: pronoun.start()].split()[1:]
    return not any(w[:1].isupper() and w.strip(",.") not in _NOT_REFERENT for w in before)


_SELF_REFERENCE = re.compile(
    r"\b(?:this (?:fact sheet|article|page|report|section|website|site)|more information|"
    r"see below|listed (?:at the end|below)|click here|read more|donat\w+|subscribe|newsletter|"
    r"sign up|cookies?|advertis\w+)\b"
    # a photo caption: "Dick Cheney (l.) listened …"
    r"|\((?:l|r|c|left|right|center|centre|pictured|file|photo)\.?\)"
    # what the sentence before named: "this step", "these attacks", "after that address"
    r"|\b(?:this|these|those)\s+(?!is\b|was\b|are\b|were\b)[a-z]+"
    r"|\b(?:after|before|in|at|of|during|since|from|with|by|to)\s+that\s+(?!is\b|was\b)[a-z]+"
    r"|\b(?:when|because|as|while|after|since|if|where) it\b|^It\b"
    r"|\bthe (?:affair|matter|incident|step|move|plan|proposal|measures?|project)\b"
    r"|\bthe resolution\b(?! of\b)"
    r"|\bthe (?:only |sole )?exception\b(?! (?:of|to)\b)"
    r"|\bthe (?:latter|former)(?=[,.;]|\s+(?:is|was|has|had|would|did)\b)",
    re.IGNORECASE,
)
_TRAILING_LIST = re.compile(r":\s+[^:\"]+$")


def _balanced_brackets(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]"))


def _unquoted(text: str) -> str:
    return re.sub(r'"[^"]*"', '""', text)


def _balanced(head: str) -> bool:
    return head.count("(") <= head.count(")") and head.count('"') % 2 == 0
