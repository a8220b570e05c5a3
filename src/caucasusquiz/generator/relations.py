"""'What' and 'why' questions: what a named law or agreement did, and what an act answered.

Two sentence shapes, each asked only when its parse is safe:

- Definition: "… the Freedom Support Act, which banned any direct U.S. aid to …" →
  "What did the Freedom Support Act ban?" (the name right before ", which <past verb>").
- Cause or price: "Congress passed the waiver in response to the attacks" → "In response
  to what did Congress pass the waiver?"; "in exchange for" likewise. The clause before
  must be one simple past-tense main clause, so the verb can take "did".

The answer is a phrase, shown and self-rated (an empty answer reveals it), so it is kept
short: at most MAX_ANSWER_WORDS words.
"""

from __future__ import annotations

import re

from caucasusquiz.generator.dates import MONTH, YEAR
from caucasusquiz.generator.questions import _lower_article, is_past_verb, lemma

MAX_ANSWER_WORDS = 10
MAX_QUESTION_WORDS = 22

_NAME_WORD = r"(?:[A-Z][\w.'’–-]*|\d+)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:of|the|and|on|for|{_NAME_WORD}))*?\s+{_NAME_WORD}"
_DEFINITION = re.compile(
    rf"(?P<name>(?:[Tt]he\s+)?{_NAME}),\s+which\s+(?P<verb>[a-z]+)\s+(?P<object>[^;:()\"]+?)"
    r"(?=,\s|\.?\s*$)"
)
_DEFINING_VERBS = frozenset(
    "banned barred prohibited allowed required created established granted provided set "
    "defined ended recognised recognized guaranteed restricted permitted introduced launched "
    "authorized authorised imposed lifted replaced".split()
)
_CAUSE = re.compile(
    r",?\s+(?P<link>in response to|in exchange for|in return for|because of|due to|because)\s+"
    r"(?P<object>[^;:()\"]+?)(?=,\s|\.?\s*$)"
)
# A reason is asked "Why …?"; its answer keeps the link ("because …") for "because" only.
_WHY_LINKS = frozenset({"because of", "due to", "because"})


def definition(sentence: str) -> tuple[str, str] | None:
    """("What did <name> <verb>?", answer) for a named thing defined by what it did."""
    match = _DEFINITION.search(sentence)
    if match is None or match.group("verb") not in _DEFINING_VERBS:
        return None
    verb = lemma(match.group("verb")) or ("set" if match.group("verb") == "set" else None)
    answer = _trimmed(match.group("object").strip())
    name = _lower_article(match.group("name").strip())
    if verb is None or not _short(answer) or len(name.split()) < 2:
        return None
    if not name[:1].isupper() and not name.startswith("the "):
        return None
    question = f"What did {name} {verb}?"
    return (question, answer) if len(question.split()) <= MAX_QUESTION_WORDS else None


def cause(sentence: str) -> tuple[str, str] | None:
    """("In response to what did <subject> <verb> …?", answer) for a simple past clause."""
    match = _CAUSE.search(sentence)
    if match is None:
        return None
    clause = sentence[: match.start()].strip()
    if "," in clause or ";" in clause:
        return None  # an opening phrase or a second clause: not one simple clause
    words = clause.split()
    verb_at = next((i for i, w in enumerate(words[:10]) if i and is_past_verb(w)), None)
    if verb_at is None or words[verb_at - 1].lower() in ("the", "a", "an", "to", "had", "has"):
        return None  # perfect, or not the verb: no safe question
    passive = words[verb_at - 1].lower() in ("was", "were")
    subject_words = words[: verb_at - 1] if passive else words[:verb_at]
    if not subject_words or any(w.lower() in ("that", "which", "who", "and", "but") for w in subject_words):
        return None
    base = words[verb_at] if passive else lemma(words[verb_at])
    answer = _trimmed(match.group("object").strip())
    if base is None or not _short(answer):
        return None
    subject = _lower_article(" ".join(subject_words))
    if re.match(r"[A-Z][a-z]+(?:age|ion|ment|ance|ence|ity)\s+of\b", subject):
        subject = subject[:1].lower() + subject[1:]  # "Passage of Section 907": a common noun
    rest = " ".join(words[verb_at + 1 :])
    if passive and rest.startswith("by "):
        return None  # "was influenced by the lobby, in response to …": whose response is unclear
    link = match.group("link")
    aux = words[verb_at - 1].lower() if passive else "did"
    if link in _WHY_LINKS:
        question = f"Why {aux} {subject} {base} {rest}".rstrip() + "?"
        answer = f"because {answer}" if link == "because" else answer
    else:
        question = f"{link[:1].upper()}{link[1:]} what {aux} {subject} {base} {rest}".rstrip() + "?"
    return (question, answer) if len(question.split()) <= MAX_QUESTION_WORDS else None


def _trimmed(answer: str) -> str:
    """ "the blockade … on Armenia in the course of the first … War": the qualifier goes."""
    cut = re.search(r"\s+(?:in the course of|during|amid|at the time of)\s", answer)
    return answer[: cut.start()] if cut and len(answer[: cut.start()].split()) >= 3 else answer


def _short(answer: str) -> bool:
    return 2 <= len(answer.split()) <= MAX_ANSWER_WORDS and len(answer) <= 60


# Verbs of an act a teacher asks about ("What did Congress adopt?"); verbs of opinion
# (noted, stressed, praised) make no such card: what they carry is vague.
_ACTS = frozenset(
    "adopted passed signed ratified banned barred opposed supported endorsed proposed launched "
    "established created recognized recognised approved backed condemned rejected offered "
    "provided granted imposed lifted waived suspended exempted appointed elected invaded "
    "occupied annexed founded built opened closed funded sponsored vetoed enacted introduced "
    "announced released deployed withdrew sent".split()
)
_INTRO = re.compile(r"^(?P<intro>(?:In|On|By|During|After|Before)\s[^,]{2,40},\s+)?")
_STOP_OBJECT = re.compile(
    r",|;|:|\s(?:to|in|on|at|during|after|before|for|with|as|because|while|when|which|who|that)\s"
)


# A named document acts once and for good: "What did the Treaty of Kars recognize?" has one
# answer without a year, unlike "What did Trump endorse?".
_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:Treaty|Act|Agreement|Charter|Resolution|Accord|Convention|Pact|Protocol|Memorandum|"
    r"Declaration|Amendment|Section \d+)\b"
)
# "The Treaty of Kars, signed in the fall of 1921, established …": the aside goes, "also" too.
_SUBJECT_ASIDE = re.compile(
    r"^(?P<subject>(?:The\s+)?[A-Z][^,]{2,60}?),\s+(?:signed|adopted|ratified|passed)\s[^,]{2,40},\s+"
)
_DEFINED_AS = re.compile(
    r"^(?P<subject>(?:The\s+)?[A-Z][^,]{2,60}?)\s+(?:was|is)\s+an?\s+[a-z]+(?:\s+of\s+[a-z]+)?\s+"
    r"(?:that|which)\s+(?=[a-z]+ed\b)"
)


def what_did(sentence: str) -> tuple[str, str] | None:
    """("What did <subject> <verb> …?", object) for "<Named subject> <act verb> <object>"."""
    intro_match = _INTRO.match(sentence)
    intro = intro_match.group("intro") or "" if intro_match else ""
    clause = sentence[len(intro) :].rstrip(".")
    for shape in (_SUBJECT_ASIDE, _DEFINED_AS):
        shaped = shape.match(clause)
        if shaped and _DOCUMENT_SUBJECT.search(shaped.group("subject")):
            clause = shaped.group("subject") + " " + clause[shaped.end() :]
    if re.match(rf"^(?:The\s+)?[A-Z][\w .'’–-]{{2,60}}?\s+also\s+(?:{'|'.join(sorted(_ACTS))})\b", clause):
        # "The Treaty of Kars also recognized …": it did other things too, so "What did the
        # Treaty of Kars recognize?" has more right answers than this one.
        return None
    words = clause.split()
    verb_at = next((i for i, w in enumerate(words[:9]) if w in _ACTS), None)
    if verb_at is None or verb_at == 0:
        return None
    subject_words = words[:verb_at]
    if subject_words[-1].lower() in (
        "was",
        "were",
        "had",
        "has",
        "have",
        "the",
        "a",
        "an",
        "to",
        "that",
        "which",
    ):
        return None
    if not any(w[:1].isupper() for w in subject_words) or subject_words[0].lower() in _PRONOUNS:
        return None
    if any(
        w.lower() in _NOT_IN_SUBJECT or w.endswith(",") or "(" in w or ")" in w for w in subject_words[1:]
    ):
        return None
    rest = " ".join(words[verb_at + 1 :])
    stop = _STOP_OBJECT.search(rest)
    answer = (rest[: stop.start()] if stop else rest).strip()
    tail = rest[stop.start() :].strip() if stop else ""
    if answer.split() and re.fullmatch(r"[a-z]+ed", answer.split()[-1]) and tail:
        answer, tail = f"{answer} {tail}", ""  # "the reforms conducted in Azerbaijan": one object
    if not _short_object(answer) or re.fullmatch(r"the [a-z]+", answer):
        return None  # "the section", "the ban": a referent, not an answer
    if tail and not re.match(r"(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4}$", tail):
        if re.search(r"\b(?:vote|day|week|month|year|session|meeting|visit)\b|day's\b", tail):
            return None  # "adopt during Tuesday's vote": the occasion would be lost
        tail = ""  # only a year or date stays in the question
    base = lemma(words[verb_at])
    if base is None:
        return None
    subject = _lower_article(" ".join(subject_words))
    question = f"{intro}what did {subject} {base}{' ' + tail if tail else ''}?"
    if not re.search(rf"\b{YEAR}\b", question) and not _DOCUMENT_SUBJECT.search(" ".join(subject_words)):
        return None  # "What did Trump endorse?": without its year, many answers fit
    question = question[:1].upper() + question[1:]
    return (question, answer) if len(question.split()) <= MAX_QUESTION_WORDS else None


_NOT_IN_SUBJECT = frozenset(
    "that which who and but when if was were is are has have had also not been be".split()
)
_PRONOUNS = frozenset("he she it they this that these those its their his her we our".split())


_PREPOSITIONS = frozenset("that to not also by in from with for on at of into as than".split())


def _short_object(answer: str) -> bool:
    words = answer.split()
    if not 1 <= len(words) <= 8 or len(answer) > 60:
        return False
    if words[0].lower() in _PRONOUNS or words[0].lower() in _PREPOSITIONS:
        return False  # "by the U.S. government": a passive, not an object
    if re.search(r"[a-z][–—][a-z]", answer):
        return False  # "the route–lobbying hard": words glued by the scrape
    return bool(re.match(r"[A-Za-z$\d\"]", answer))


# "The United States-Armenia Task Force, established in 2000, is …" and "Launched in January
# 2005, the Georgia Sustainment and Stability Operations Program has …": the date belongs to
# the named thing the participle describes, so "When was it established?" has one answer.
_FOUNDING = "established|founded|signed|launched|created|adopted|ratified|introduced|set up"
_WHEN = rf"(?P<date>(?:\d{{1,2}} {MONTH} )?(?:{MONTH} (?:\d{{1,2}}, )?)?{YEAR})"
_NAMED_THEN_DATED = re.compile(
    rf"^(?P<name>(?:The\s+)?[A-Z][^,]{{3,80}}?),\s+(?P<part>{_FOUNDING})\s+(?:in|on)\s+{_WHEN},\s+"
)
_DATED_THEN_NAMED = re.compile(
    rf"^(?P<part>{_FOUNDING.title()})\s+(?:in|on)\s+{_WHEN},\s+(?P<name>(?:the\s+)?[A-Z][\w .'’–-]{{3,80}}?)"
    r"\s+(?:has|have|is|was|were|had|became|remains|[a-z]{3,}ed)\b"
)


def founded_when(sentence: str) -> tuple[str, str] | None:
    """("In which year was <name> established?", date) for a participle dating a name."""
    match = _NAMED_THEN_DATED.match(sentence) or _DATED_THEN_NAMED.match(sentence)
    if match is None:
        return None
    name = _lower_article(match.group("name").strip())
    if not (name[:1].isupper() or name.startswith("the ")) or name.split()[0].lower() in _PRONOUNS:
        return None
    if len(name.split()) < 2 or re.search(r"\b(?:which|who|that)\b", name):
        return None  # a bare word, or a clause rather than a name
    date = match.group("date")
    if re.fullmatch(r"\d{4}", date):
        opening = "In which year"
    elif re.search(r"\d{1,2}", date.replace(date[-4:], "")):
        opening = "On what date"
    else:
        opening = "In which month and year"
    question = f"{opening} was {name} {match.group('part').lower()}?"
    return (question, date) if len(question.split()) <= MAX_QUESTION_WORDS else None
