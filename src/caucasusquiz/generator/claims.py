"""Claims of an analysis piece, asked as facts about the document.

"Washington appreciates Azerbaijan's contribution to the energy security of US allies in
Europe" is the author's claim, not a date or a name: a teacher asks it with its source —
"According to Eurasia Daily Monitor (2019), what does Washington appreciate Azerbaijan
for?" → "its contribution to the energy security of US allies in Europe".

A claim is one clause: a named actor (never a pronoun), a stance verb (appreciates,
values, supports, backs, welcomed, opposed, is displeased with, conditions X on Y,
benefits whenever …, is a supporter of …) and a short object, asked as a question whose
answer is shown and self-rated. The source is the publication named in the document's
first lines ("… - EURASIA DAILY MONITOR - 11.06.2019"), else its title when short; a
document with neither gives no claim card (an unattributed opinion is no fact to learn).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caucasusquiz.generator.timeline import DocDate

MAX_ANSWER_WORDS = 11
MAX_ANSWER_CHARS = 60  # the deck checker's limit for a typed answer
# A longer object can still be stated (true/false), within MAX_STATEMENT_WORDS in all.
MAX_OBJECT_WORDS = 15
MAX_OBJECT_CHARS = 110
MAX_QUESTION_WORDS = 22
MAX_TITLE_WORDS = 6
HEAD_LINES = 8


@dataclass(frozen=True, slots=True)
class Claim:
    question: str  # "" when the claim can only be stated (its answer is too long to type)
    answer: str
    accept: tuple[str, ...]
    # The claim as a statement, and the same with its stance reversed (plausible, and
    # false by the document); None when the stance has no clear opposite.
    statement: str | None = None
    reversed: str | None = None


# Spaced separators of a title line: "Title - SITE NAME - 11.06.2019", "Title – Site | Section".
_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s+[-–—|]\s*$")
_DATE_LIKE = re.compile(r"^[\d./\s-]+$")
_SITE = re.compile(r"^[A-Z][\w&'’.]*(?:\s+(?:of|the|for|and|on|[A-Z][\w&'’.]*)){1,4}$")


def source_label(head_lines: list[str], title: str, date: DocDate | None, last_line: str = "") -> str | None:
    """How a card names the document a claim comes from, or None when it can't: the
    publication in its first lines, else its author's byline, else a short title."""
    site = None
    for line in head_lines[:HEAD_LINES]:
        if not _SEPARATOR.search(line):
            continue
        parts = [p.strip() for p in _SEPARATOR.split(line) if p.strip()]
        if line.rstrip()[-1:] in "-–—|":
            parts = parts[:-1]  # a title wrapped onto the next line: not a name
        named = [p for p in parts if not _DATE_LIKE.match(p) and _SITE.match(p)]
        if named:
            site = named[-1]
    if site is None:
        site = _byline(head_lines[:HEAD_LINES], last_line)
    if site is None and line_count(title) <= MAX_TITLE_WORDS and title.strip():
        site = f"“{title.strip()}”"
    if site is None:
        return None
    if site.isupper():
        site = " ".join(w if w in _ACRONYMS else w.capitalize() for w in site.split())
    return f"{site} ({date.year})" if date is not None else site


# An author's name on a line of its own: "Cauid VELIEV" under the title (a surname in
# capitals, which no heading has), or "Sabuhi Mammadov" as the document's last line.
_HEAD_BYLINE = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z]{2,}$")
_LAST_BYLINE = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+|\s+[A-Z]{2,}){1,2}$")


def _byline(head_lines: list[str], last_line: str) -> str | None:
    found = next((line.strip() for line in head_lines if _HEAD_BYLINE.match(line.strip())), None)
    if found is None and _LAST_BYLINE.match(last_line.strip()):
        found = last_line.strip()
    if found is None:
        return None
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in found.split())


_ACRONYMS = frozenset("US USA UK EU UN NATO OSCE".split())


def line_count(text: str) -> int:
    return len(text.split())


_ACTOR = r"(?P<actor>(?:The\s+|Official\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+administration)?)"
_ADVERB = r"(?:now|also|particularly|strongly|consistently|greatly|quite|very|highly|deeply|firmly|fully)"
_ADVERBS = rf"(?:{_ADVERB}\s+(?:and\s+)?)*"
# Present or past stance verb → the auxiliary and base form the question uses.
_TRANSITIVE = {
    "appreciates": ("does", "appreciate"),
    "values": ("does", "value"),
    "supports": ("does", "support"),
    "backs": ("does", "back"),
    "welcomes": ("does", "welcome"),
    "opposes": ("does", "oppose"),
    "appreciated": ("did", "appreciate"),
    "valued": ("did", "value"),
    "welcomed": ("did", "welcome"),
    "opposed": ("did", "oppose"),
    "endorses": ("does", "endorse"),
    "endorsed": ("did", "endorse"),
    "condemns": ("does", "condemn"),
    "condemned": ("did", "condemn"),
    "rejects": ("does", "reject"),
    "rejected": ("did", "reject"),
    "criticises": ("does", "criticise"),
    "criticizes": ("does", "criticize"),
    "criticised": ("did", "criticise"),
    "criticized": ("did", "criticize"),
}
_CLAIM = re.compile(
    rf"^(?:[^,;]*?\b(?:demonstrated|showed|shows|confirms|confirmed|means|suggests|proves) that\s+)?"
    rf"{_ACTOR}\s+(?P<perfect>(?:has|have)\s+)?{_ADVERBS}"
    r"(?P<verb>[a-z]+)\s+(?P<rest>.+?)\.?$"
)
_DISPLEASED = re.compile(rf"^{_ACTOR}\s+(?P<aux>is|was)\s+{_ADVERBS}displeased with\s+(?P<rest>.+?)\.?$")
_SUPPORTER = re.compile(
    rf"^{_ACTOR}\s+is\s+a\s+(?:strong\s+|staunch\s+|firm\s+)?supporter of\s+(?P<rest>.+?)\.?$"
)
_COMMITTED = re.compile(rf"^{_ACTOR}\s+is\s+{_ADVERBS}committed to\s+(?P<rest>.+?)\.?$")
_STOP = re.compile(r",|;|:|\s(?:which|while|because|as well as|but|and also|viewing|since|at all)\s|\s\(")
_PRONOUN_ACTORS = frozenset("It This That These Those He She They We I There Here Such".split())
_POSSESSIVE_OBJECT = re.compile(r"^(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+(?P<thing>[a-z].+)$")


def claim(sentence: str, label: str) -> Claim | None:
    """The question a teacher asks of one claim sentence, attributed to `label`."""
    sentence = sentence.strip()
    displeased = _DISPLEASED.match(sentence)
    if displeased:
        actor = _actor(displeased.group("actor"))
        answer = _object(displeased.group("rest"))
        if actor is None or answer is None:
            return None
        aux = displeased.group("aux")
        stance = (actor, f"{aux} displeased with", answer)
        return _made(f"what {aux} {actor} displeased with?", answer, label, stance)
    supporter = _SUPPORTER.match(sentence)
    if supporter:
        actor = _actor(supporter.group("actor"))
        answer = _object(supporter.group("rest"))
        if actor is None or answer is None:
            return None
        return _made(
            f"what does {actor} support?", answer, label, (actor, "is a strong supporter of", answer)
        )
    committed = _COMMITTED.match(sentence)
    if committed:
        actor = _actor(committed.group("actor"))
        answer = _object(committed.group("rest"))
        if actor is None or answer is None:
            return None
        return _made(f"what is {actor} committed to?", answer, label)
    match = _CLAIM.match(sentence)
    if match is None:
        return None
    actor = _actor(match.group("actor"))
    verb, rest = match.group("verb"), match.group("rest")
    if actor is None:
        return None
    perfect = bool(match.group("perfect"))
    if verb in ("conditions", "conditioned"):
        parts = re.match(r"^(?P<thing>.+?)\s+on\s+(?P<rest>.+)$", rest)
        if parts is None or perfect:
            return None
        thing, answer = parts.group("thing"), _object(parts.group("rest"))
        if answer is None or len(thing.split()) > 8:
            return None
        aux = "does" if verb == "conditions" else "did"
        return _made(f"on what {aux} {actor} condition {thing}?", answer, label)
    if verb in ("benefits", "benefited", "benefitted") and rest.startswith("whenever "):
        answer = _object(rest)
        if answer is None or perfect:
            return None
        aux = "does" if verb == "benefits" else "did"
        return _made(f"when {aux} {actor} benefit?", "when " + answer.removeprefix("whenever "), label)
    if perfect and verb in ("supported", "backed", "welcomed", "opposed", "valued", "appreciated"):
        has = match.group("perfect").strip()
        answer = _object(rest)
        if answer is None:
            return None
        return _made(f"what {has} {actor} {verb}?", answer, label, (actor, f"{has} {verb}", answer))
    if verb not in _TRANSITIVE or perfect:
        return None
    aux, base = _TRANSITIVE[verb]
    answer = _object(rest)
    if answer is None:
        return None
    owned = _POSSESSIVE_OBJECT.match(answer)
    if owned and base in ("appreciate", "value"):
        question = f"what {aux} {actor} {base} {owned.group('owner')} for?"
        return _made(question, f"its {owned.group('thing')}", label, (actor, verb, answer))
    return _made(f"what {aux} {actor} {base}?", answer, label, (actor, verb, answer))


def _actor(text: str) -> str | None:
    words = text.split()
    if not words or words[0] in _PRONOUN_ACTORS or len(words) > 5:
        return None
    if words[0] in ("The", "Official"):
        words[0] = words[0].lower()
    return " ".join(words)


_LIST_GOES_ON = re.compile(r",\s+(?:and\s+|or\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?:,|\s+(?:and|or)\b|\s*$)")


def _object(text: str) -> str | None:
    stop = _STOP.search(text)
    if stop and _LIST_GOES_ON.match(text[stop.start() :]):
        return None  # "democratic, economic, and social reforms": cut at its first comma
    answer = (text[: stop.start()] if stop else text).strip().rstrip(".")
    words = answer.split()
    if not 1 <= len(words) <= MAX_OBJECT_WORDS or len(answer) > MAX_OBJECT_CHARS:
        return None
    if words[0].lower() in ("it", "this", "that", "them", "these", "those", "him", "her", "such"):
        return None  # a referent, not an answer
    if re.fullmatch(r"(?:the|this|that|its|their) [a-z]+", answer):
        return None  # "the policy": what it points to is elsewhere
    return answer


# A stance and its opposite, as a false statement says it. Appreciation has none a reader
# finds plausible ("Baku criticises close cooperation with …" was marked implausible).
_OPPOSITE = {
    "supports": "opposes",
    "backs": "opposes",
    "welcomes": "rejects",
    "opposes": "supports",
    "welcomed": "rejected",
    "opposed": "supported",
    "supported": "opposed",
    "backed": "opposed",
    "is displeased with": "is pleased with",
    "was displeased with": "was pleased with",
    "is a strong supporter of": "is a strong opponent of",
    "endorses": "rejects",
    "endorsed": "rejected",
    "rejects": "endorses",
    "rejected": "endorsed",
    "condemns": "welcomes",
    "condemned": "welcomed",
}
MAX_STATEMENT_WORDS = 20


def _statements(label: str, stance: tuple[str, str, str]) -> tuple[str | None, str | None]:
    actor, verb, thing = stance
    perfect, _, bare = verb.rpartition(" ") if verb.startswith(("has ", "have ")) else ("", "", verb)
    opposite = _OPPOSITE.get(bare)
    true = f"According to {label}, {actor} {verb} {thing}."
    if opposite is None or len(true.split()) > MAX_STATEMENT_WORDS:
        return None, None
    false = f"According to {label}, {actor} {perfect + ' ' if perfect else ''}{opposite} {thing}."
    return true, false


def _made(question: str, answer: str, label: str, stance: tuple[str, str, str] | None = None) -> Claim | None:
    """The claim as a question; when its answer is too long to type, as a statement only
    (question ""), if its stance has an opposite; else None."""
    statement, reversed_ = _statements(label, stance) if stance else (None, None)
    stated_only = Claim("", answer, (), statement, reversed_) if statement and reversed_ else None
    text = f"According to {label}, {question}"
    if len(text.split()) > MAX_QUESTION_WORDS or len(answer.split()) > MAX_ANSWER_WORDS:
        return stated_only
    head = None if answer.startswith("when ") else _head(answer)
    if len(answer) > MAX_ANSWER_CHARS:
        # A typed answer over the deck checker's limit: without its owner or article, or none.
        if head is None or len(head) > MAX_ANSWER_CHARS or _OWNED.match(answer):
            return stated_only  # "Azerbaijan's application …" without its owner says less
        answer, head = head, None
    accept = (head,) if head and head.lower() != answer.lower() else ()
    return Claim(text, answer, accept, statement, reversed_)


_OWNED = re.compile(r"^[A-Z][\w-]*['’]s\s")


def _head(answer: str) -> str | None:
    """The answer without its owner or article ("Azerbaijan's energy strategy" → "energy
    strategy"), accepted too; never cut shorter (a bare "application" is too lenient)."""
    core = re.sub(r"^(?:its|their|the|a|an)\s+", "", answer).strip()
    core = re.sub(r"^[A-Z][\w-]*['’]s\s+", "", core)
    return core if core and core != answer and len(core.split()) >= 2 else None
