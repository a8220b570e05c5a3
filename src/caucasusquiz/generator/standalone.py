"""Does the finished prompt stand alone? The part of the final gate that reads a card as a
student meets it: with no sentence before it and no article around it.

The rules before it refuse what was seen to go wrong; these ask what every card must have,
on any article: a subject it names (no "it", "its", "the canal" pointing outside the card),
a finite verb (not a fragment), a length a teacher would write (at most 25 words), a blank
on the fact and not on the phrase that dates it or on half a fixed name, and, for a news
figure, the subject and year it belongs to. Each rule has its own `--coverage` reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from caucasusquiz.generator.dates import ANY_YEAR
from caucasusquiz.generator.entities import find_mentions, fold
from caucasusquiz.generator.questions import IRREGULAR
from caucasusquiz.generator.rewrite import INTRO

ORPHAN_PRONOUN = "gate: a pronoun with nothing it points to ('its status', 'In 1978, it …')"
BARE_SUBJECT = "gate: its subject is a bare 'The <noun>' (which one?)"
NO_VERB = "gate: no finite verb (a fragment, not a sentence)"
TOO_LONG = "gate: over 25 words (a copied sentence, not a teacher's question)"
COUNT_AS_YEAR = "gate: a count blanked as a year ('around ___' holds a number)"
TIME_ANCHOR = "gate: the blank is the time phrase that dates the fact ('By ___'), not the fact"
NAME_PART = "gate: the blank is part of a fixed name ('World War ___')"
ATTRIBUTIVE_DATE = "gate: the blank is a date that qualifies a noun ('López's ___, ultimatum')"
REACTION = "gate: a reply or a sending without what it answers or where it went ('López responded', 'sent X')"
NEWS_FIGURE = "gate: a news figure (share, change, traffic) without its named subject and year"

# Longer than this, a prompt is a copied sentence: a teacher asks the clause that holds the fact.
MAX_WORDS = 25

_QUESTION_HEAD = re.compile(
    r"^(?:(?:In|On|By|At|From)\s+)?(?:what|which|who|whom|when|why|how)\b[^?]*?\b"
    r"(?:did|does|do|was|were|is|are|has|have|had)\s+",
    re.IGNORECASE,
)
_INTRO = re.compile(rf"^{INTRO}")
_THING_PRONOUN = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)
_GROUP_PRONOUN = re.compile(r"\b(?:they|them|their)\b", re.IGNORECASE)
# "it" that stands for no thing: "made it possible", "it is estimated that".
_EXPLETIVE_IT = re.compile(
    r"\b(?:made|make|makes|making|found|find|consider|considered)\s+it\s+\w+|"
    r"\bit\s+(?:is|was)\s+(?:\w+ly\s+)?(?:estimated|said|believed|reported|thought|expected|likely|"
    r"possible|clear|important|not until)\b",
    re.IGNORECASE,
)
_THING_NAME = re.compile(
    r"\b[A-Z][\w'’-]*\s+(?:[A-Z][\w'’-]*\s+)*(?:Canal|Treaty|Union|States|Republic|Kingdom|Company|"
    r"Corporation|Army|Navy|Government|Pipeline|Agreement|Accords?|Bank|Council|Party|Federation|"
    r"Organi[sz]ation|Commission|Committee|Ministry|Parliament|Congress|Senate|Empire|Islands?)\b"
)
_COMMON_THING = re.compile(r"\b(?:the|a|an|this|that)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*\b")
_PLURAL = re.compile(r"\b(?:[A-Z][\w'’-]*s|[a-z]{3,}(?<!ss)(?<!us)(?<!is)s)\b|\band\b")
_RANK = frozenset("first only last second third fourth fifth next same former latter".split())
# "The settlement was …", "The canal was partially closed …": a kind with no name, as the subject.
_BARE_THE = re.compile(
    r"^The\s+(?P<words>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+"
    r"(?:was|were|is|are|has|have|had|did|began|became|ended|opened|closed|[a-z]+ed)\b"
)
# "Construction began in April 1859": of what? (An article's own thing is named before this,
# by `referents.with_title`: "Construction of the Orla Canal began …".)
_BARE_EVENT = re.compile(
    r"^(?:Construction|Work|Building|Negotiations|Talks|Fighting|Digging)\s+"
    r"(?:began|started|resumed|ended|was completed|was halted|were held|took place|broke out)\b"
)
_AUX = frozenset(
    "is are was were am be has have had did does do will would can could shall should may might must".split()
)
# What opens a clause that is not the main one: its verb does not make a sentence.
_SUBORDINATE = re.compile(
    r"\b(?:that|which|who|whom|whose|when|where|while|because|after|before|since|until|as|if)\b[^,;]*"
)
_APPROXIMATELY = re.compile(
    r"\b(?:around|about|approximately|roughly|some|over|nearly|almost|more than|fewer than|less than|"
    r"at least|estimated)\s*$",
    re.IGNORECASE,
)
# "By ___ more than 300,000 …", "Before ___ it was known as …": a bound, never the event's date.
_ANCHOR = re.compile(r"^(?:By|Before|Until|Till|Since|As of|Prior to)\s*$|\b(?:up to|by)\s*$")
_OPENING_IN = re.compile(r"^(?:[A-Z][^,]*,\s+)?(?:In|in|During|during)\s*$")  # "Regarding drugs, in ___"
_OTHER_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|percent|per cent|million|billion|thousand)?|\$\s*\d")
_ROMAN_OR_NUMBER = re.compile(r"^\s*(?:[IVX]+|\d{1,2})\b(?![,.]\d)")
_NAME_HEADS = re.compile(r"\b(?:World War|War|Phase|Stage|Article|Section|Chapter|Title)\s*$")
_CHANGE = re.compile(
    r"\b(?:fell|rose|declined|dropped|decreased|increased|grew|slid|jumped|climbed|surged|plunged|"
    r"slumped|gained|lost|soared|shrank|contracted|expanded)\b"
)
_VOLUME = re.compile(
    r"\b(?:traffic|cargo|volume|volumes|throughput|output|shipments|exports|imports|sales|revenue|"
    r"profits?|turnover|handling|passengers|vessels|ships)\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?\s+(?:mission|war|campaign|operation|occupation|"
    r"administration|presidency)\b|\b(?:War|Mission|Operation|Campaign)\b"
)
_SHARE = re.compile(r"%|\bper\s?cent\b|\bshare\b", re.IGNORECASE)


def standalone_reason(
    kind: str,
    prompt: str,
    answer: str,
    blanked: tuple[str, str] | None,
    tags: tuple[str, ...] = (),
    subjects: Iterable[str] = (),
) -> str | None:
    """Why the prompt (its blank filled) does not stand alone, or None when it does.

    `blanked` is the text before and after the blank of a cloze or statement question;
    `subjects` the document's subject names, folded (a thing "its" may point to)."""
    statement = kind in ("cloze", "truefalse") or blanked is not None
    if len(prompt.split()) > MAX_WORDS:
        return TOO_LONG
    if _orphan_pronoun(prompt, frozenset(subjects)):
        return ORPHAN_PRONOUN
    if _bare_subject(prompt):
        return BARE_SUBJECT
    if _reaction_without_cause(prompt):
        return REACTION
    if statement and not _has_finite_verb(prompt):
        return NO_VERB
    if blanked is not None and answer:
        before, after = blanked
        reason = _blank_reason(before, after, answer, tags)
        if reason is not None:
            return reason
    if answer and _news_figure(prompt, answer):
        return NEWS_FIGURE
    return None


# "López responded with a declaration of war": responded to what? "Madison sent Clay, Adams
# and Gallatin": sent where, for what? The cause or the destination is the context a reader
# needs; the sentence before holds it.
_REACTION = re.compile(r"\b(?:responded|replied|reacted|retaliated|countered)\b(?!\s+to\b)")
_SENT = re.compile(r"\bsent\b(?P<rest>[^?.;]*)")
_WHERE_OR_WHY = re.compile(r"\b(?:to|as|for|into|on|in|across|against|with|back|home|abroad|out|there)\b")


def _reaction_without_cause(prompt: str) -> bool:
    if _REACTION.search(prompt):
        return True
    sent = _SENT.search(prompt)
    return sent is not None and not _WHERE_OR_WHY.search(sent.group("rest"))


def _orphan_pronoun(prompt: str, subjects: frozenset[str]) -> bool:
    """ "In which year did Hitler repudiate its international status?": whose status?"""
    body = re.sub(r"^True or false:\s*", "", prompt)
    head = _QUESTION_HEAD.match(body) or _INTRO.match(body)
    for pattern, antecedent in ((_THING_PRONOUN, _names_a_thing), (_GROUP_PRONOUN, _names_a_group)):
        for match in pattern.finditer(body):
            if match.start() == 0:
                continue  # a prompt opening with "It"/"They" is the older rule's (gate._unnamed)
            if match.group().lower() == "it" and _EXPLETIVE_IT.search(body[max(0, match.start() - 12) :]):
                continue
            before = body[head.end() if head and head.end() <= match.start() else 0 : match.start()]
            if not antecedent(before) and not _names_subject(before, subjects):
                return True
    return False


def _names_a_thing(text: str) -> bool:
    """Something "it"/"its" can point to: a place or body the prompt names, "the X" with a
    capital ("the Kiel Canal"), a name ending in a kind of thing ("Kiel Canal"), or a common
    noun phrase ("the government"; a bare one is the other rules' to judge). A bare name
    ("Hitler repudiated its status") may be a person: no thing."""
    if any(m.kind not in ("person", "year", "date", "number") for m in find_mentions(text)):
        return True
    if re.search(r"\b(?:the|The)\s+[A-Z]", text) or _THING_NAME.search(text):
        return True
    return any(
        match.group().split()[-1].lower() not in _RANK and not match.group().split()[-1][:1].isupper()
        for match in _COMMON_THING.finditer(text)
    )


def _names_subject(text: str, subjects: frozenset[str]) -> bool:
    """ "Lithuania proclaimed its independence" in the article on Lithuania."""
    folded = f" {fold(text)} "
    return any(f" {subject} " in folded for subject in subjects if subject)


def _names_a_group(text: str) -> bool:
    """Someone "they"/"their" may be: a plural noun ("other Arab states"), two names joined,
    a name. Lenient: an orphan "they" opening a prompt is the older rule's."""
    return bool(_PLURAL.search(text)) or len(find_mentions(text)) >= 1


def _bare_subject(prompt: str) -> bool:
    body = re.sub(r"^True or false:\s*", "", prompt)
    if _BARE_EVENT.match(body):
        return True
    match = _BARE_THE.match(body)
    if match is None:
        return False
    words = match.group("words").split()
    return not (set(words) & _RANK or any(w.endswith("est") for w in words))


def _has_finite_verb(prompt: str) -> bool:
    """A main clause with a verb. "The settlement that brought an end to the war that had
    begun in 1904." has verbs, but each belongs to the clause a "that" opened; a bare title
    has none at all. (A plural present verb, "stations maintain", is not told from a noun:
    such a sentence is given the benefit of the doubt.)"""
    body = re.sub(r"^True or false:\s*", "", prompt)
    body = re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", body).replace("___", "X")
    words = [w.strip(";:.!?()\"'") for w in body.split()]
    opened = 0  # clauses opened by "that"/"which"/…, each waiting for its verb
    verbs = 0
    main = False
    previous_was_verb = False
    for i, raw in enumerate(words):
        word = raw.rstrip(",")
        lower = word.lower()
        following = words[i + 1].rstrip(",") if i + 1 < len(words) else ""
        if lower in _OPENERS and word.islower() and (lower != "that" or _finite(following, "")):
            # "that" opens a clause only before its verb ("the war that had begun"); "that
            # agreement was signed" is a determiner, "said that the ties …" a complement.
            opened += 1
            previous_was_verb = False
        elif _finite(word, words[i - 1] if i else "", following):
            verbs += 1
            if previous_was_verb:
                pass  # "had begun", "was pumped": one verb group
            elif opened:
                opened -= 1
            else:
                main = True
            previous_was_verb = True
        else:
            previous_was_verb = False
        if raw.endswith(","):
            opened = 0  # ", which …," closes; the main clause goes on after it
    if main:
        return True
    if verbs == 0:
        return any(re.fullmatch(r"[a-z]{3,}(?<![su])s", w) for w in words)
    return False


_DETERMINERS = frozenset("the a an its their his her this these".split())
_OPENERS = frozenset("that which who whom whose when where while because although though if".split())


def _finite(word: str, previous: str, following: str = "") -> bool:
    lower = word.lower()
    if lower in _AUX:
        return True
    if word.islower() and (lower in IRREGULAR or _regular_past(lower)):
        return True
    if word.islower() and re.fullmatch(r"[a-z]{3,}(?<![su])s", word) and following in _DETERMINERS:
        return True  # "November 30 marks the outbreak …": a present verb before its object
    # "The pipeline crosses three countries": a present verb right after a name.
    return bool(word.islower() and re.fullmatch(r"[a-z]{3,}(?<![su])s", word) and previous[:1].isupper())


def _regular_past(word: str) -> bool:
    return len(word) >= 4 and word.endswith("ed") and word not in _NOT_PAST


_NOT_PAST = frozenset(
    "need needs indeed proceed succeed exceed speed breed feed seed heed bleed creed greed weed "
    "hundred kindred sacred naked wicked shed bred fled sled embed".split()
)


def _blank_reason(before: str, after: str, answer: str, tags: tuple[str, ...]) -> str | None:
    year = ANY_YEAR.fullmatch(answer.strip()) is not None
    stem = re.sub(r"^True or false:\s*", "", before)
    if ("year" in tags or year) and _APPROXIMATELY.search(stem):
        return COUNT_AS_YEAR
    if ANY_YEAR.search(answer) and _ANCHOR.search(stem):
        return TIME_ANCHOR
    # "producing 4.2 TWh a year since ___": the year labels the figure; the figure is the fact.
    if ANY_YEAR.search(answer) and re.search(r"\bsince\s*$", stem) and _OTHER_FIGURE.search(stem):
        return TIME_ANCHOR
    # "In ___, prices rose 8%": the opening phrase dates a figure; the figure is the fact.
    if ANY_YEAR.search(answer) and _OPENING_IN.match(stem) and _OTHER_FIGURE.search(after):
        return TIME_ANCHOR
    # "López's ___, ultimatum to Brazil": a date that qualifies a noun; blanked, its comma is
    # left between the possessive and the noun.
    if ANY_YEAR.search(answer) and re.search(r"['’]s\s*$", stem) and re.match(r"\s*,\s*[a-z]", after):
        return ATTRIBUTIVE_DATE
    if answer.split()[-1][:1].isupper() and _ROMAN_OR_NUMBER.match(after):
        return NAME_PART  # "{{World War}} II"
    if re.fullmatch(r"[IVX]+|\d{1,2}", answer.strip()) and _NAME_HEADS.search(stem):
        return NAME_PART  # "World War {{II}}"
    return None


def _news_figure(prompt: str, answer: str) -> bool:
    """ "Cargo handling declined ___ to 48.8 million tons", "traffic fell 8.1 percent in the
    first half": a day's figure, true of no subject and period the card says."""
    if not any(ch.isdigit() for ch in answer) or ANY_YEAR.search(answer):
        return False  # a year asked is the card's time, not a figure missing one
    filled = prompt.replace("___", answer)
    if not (_SHARE.search(answer) or _CHANGE.search(filled) or _VOLUME.search(filled)):
        return False
    rest = filled.replace(answer, " ")
    if not ANY_YEAR.search(rest):
        # "40 percent of all cargo for the NATO mission in Afghanistan passed through Baku":
        # a named mission or war is its period; a change ("fell 8.1 percent") needs its year.
        return _CHANGE.search(filled) is not None or _PERIOD.search(rest) is None
    return not any(m.kind != "person" for m in find_mentions(rest))
