"""Cards from facts: which spans to ask, and in which form.

Per fact, the informative spans are scored (a date or a number teaches more than a
place; the topic itself, a span given away elsewhere in the prompt, or a year inside a
report's title teach nothing) and at most two are asked — one or two good cards per
fact, not one per entity. The best span becomes a natural question where `questions`
can form one safely, else a cloze; a second span becomes a multiple-choice card when
three plausible distractors exist. A fact with a single span may get a true/false card.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass

from caucasusquiz.decks.ids import slug_words
from caucasusquiz.generator.clauses import Clause, clause_around
from caucasusquiz.generator.distractors import Pool, distractors
from caucasusquiz.generator.entities import Mention, find_mentions, fold, known_entity
from caucasusquiz.generator.facts import Fact
from caucasusquiz.generator.kinds import fine_kind
from caucasusquiz.generator.questions import question_for
from caucasusquiz.generator.referents import resolved as named_from
from caucasusquiz.generator.rewrite import standalone
from caucasusquiz.generator.timeline import DocDate, resolve

PRIMARY_MIN = 5
SECONDARY_MIN = 7
MAX_TRUEFALSE = 230
BLANK = "___"

_BASE_SCORE = {
    ("date", "full-date"): 10,
    ("date", "month-year"): 9,
    ("date", "month-day"): 6,
    ("year", "year"): 9,
    ("number", "percent"): 9,
    ("number", "percent-sign"): 9,
    ("number", "money"): 9,
    ("number", "score"): 9,
    ("number", "fraction"): 8,
    ("number", "count"): 7,
    ("number", "count-word"): 5,
}
_KIND_SCORE = {"person": 8, "act": 8, "project": 8, "event": 7, "organisation": 6, "place": 5}
_HINTS = {
    "full-date": "month day, year",
    "month-year": "month year",
    "month-day": "month day",
    "year": "year",
    "percent": "percentage",
    "percent-sign": "percentage",
    "money": "amount",
    "score": "score",
    "fraction": "fraction",
    "count": "number",
    "count-word": "number",
}
_TIME_UNITS = re.compile(r"^\s+(?:[a-z-]+\s+)?(?:years?|months?|days?|weeks?|decades?|times)\b")
_MODIFIED = re.compile(
    r"^\s+(?!(?:and|or|in|on|to|of|the|a|an|was|is|were|are|has|had|have|as|"
    r"by|for|with|from|that|which|who|since|after|before)\b)[a-z]"
)
_MONOTONIC = re.compile(
    r"\b(?:since|over|more than|about|nearly|almost|at least|up to|before|"
    r"after|until|by|around|some|than|roughly)\s+$",
    re.IGNORECASE,
)


_BACKGROUND = re.compile(r"^(?:Immediately\s+)?(?i:after|following|before|since|amid|during)\b[^,]*$")


@dataclass(frozen=True, slots=True)
class Draft:
    """A card as the generator means it, before it is written into a deck file."""

    id: str
    type: str  # cloze | qa | choice | truefalse
    body: tuple[tuple[str, object], ...]  # the type's fields, in file order
    tags: tuple[str, ...]
    source: str
    context: str
    answer_key: str  # canonical form of what is asked
    fact_key: str
    order: tuple[str, int, int]  # document, line, card number in the fact


def score(mention: Mention, prompt: str) -> int:
    """How much a card asking this span teaches; below PRIMARY_MIN it is not asked."""
    if mention.topic or mention.trivial:
        return 0
    value = _BASE_SCORE.get((mention.kind, mention.group)) or _KIND_SCORE.get(mention.kind, 0)
    after, before = prompt[mention.end :], prompt[: mention.start]
    if mention.kind == "number" and _TIME_UNITS.match(after):
        value -= 4  # "over the last two years"
    if mention.kind in ("year", "date") and _BACKGROUND.match(before) and "," in after:
        # "After the September 11 attacks in 2001, …": the setting, not the fact; a full
        # date there ("After … on November 29, 1920, …") is still worth asking.
        value -= 3 if mention.group == "full-date" else 6
    if mention.group == "count-word" and mention.text.lower() == "two":
        value -= 3  # "the two countries", "the two sides": a pair, not a fact
    if mention.kind in ("year", "date") and re.match(
        r"^\s+(?:U\.S\.\s+)?[A-Z]?[\w ]{0,30}"
        r"[Rr]eport\b",
        after,
    ):
        value -= 2  # the year in a report's title
    if mention.kind == "person":
        if re.match(r"^(?:'s)?\s+administrations?\b|^'s\b", after):
            value -= 4  # "the Trump administration", "Bolton's statement"
        if " " not in mention.text:
            value -= 1  # a bare surname
    if before.count("(") > before.count(")"):
        value -= 2  # inside brackets: an aside
    if before.count('"') % 2:
        value -= 3  # inside a quotation: the quote is the point, not the name
    if mention.kind == "place" and (after.startswith("'s") or _MODIFIED.match(after)):
        value -= 2  # "the Karabakh issue", "Yerevan's deployment": the place only qualifies
    if re.search(r"\b[Aa]ccording to\s+$", before):
        value -= 3  # "According to ABC, …": the source of a claim, not the fact
    if mention.kind == "organisation" and not mention.known:
        value -= 1
    if mention.kind in ("place", "organisation") and (
        re.match(r"^,?\s+(?:and|or)\s+[A-Z]", after) or re.search(r"[A-Z]\w+,?\s+(?:and|or)\s+$", before)
    ):
        value -= 2  # one item of a list ("Iraq and Kosovo")
    return value


def leaks(mention: Mention, answer: str, prompt: str, mentions: list[Mention]) -> bool:
    """Is the answer given away elsewhere in the prompt (also in another spelling)?"""
    rest = _folded(prompt[: mention.start] + " " + prompt[mention.end :])
    if len(answer) > 3 and _folded(answer) in rest:
        return True
    if len(mention.text) > 3 and _folded(mention.text) in rest:
        return True
    if re.search(rf"\b{re.escape(_folded(mention.text))}\b", rest):
        return True
    if any(
        m.canonical == mention.canonical and m is not mention and not _is_alias(prompt, mention, m)
        for m in mentions
    ):
        return True
    if mention.kind == "person":
        surname = mention.text.split()[-1]
        if len(surname) > 2 and re.search(rf"\b{re.escape(surname.casefold())}\b", rest):
            return True
    return False


def _is_alias(prompt: str, mention: Mention, other: Mention) -> bool:
    """ "Southern Gas Corridor (SGC)": the bracketed short form right after the name."""
    return prompt[mention.end : other.start] == " (" and prompt[other.end : other.end + 1] == ")"


def _without_alias(fact: Fact, mention: Mention) -> tuple[str, int, int]:
    """The prompt with the answer's bracketed alias removed: "(SGC)" would give it away."""
    prompt = fact.prompt
    for other in fact.mentions:
        if (
            other is not mention
            and other.canonical == mention.canonical
            and _is_alias(prompt, mention, other)
        ):
            prompt = prompt[: mention.end] + prompt[other.end + 1 :]
            break
    return prompt, mention.start, mention.end


def display_answer(mention: Mention) -> str:
    """What the learner types or picks: a known person's full name, else the span as written."""
    known = known_entity(mention.text)
    if known is not None and mention.kind == "person":
        return known.name
    return mention.text


def accepted(mention: Mention, answer: str) -> list[str]:
    """Other spellings that count as right: the surname, a known entity's variants."""
    forms: list[str] = []
    if mention.text != answer:
        forms.append(mention.text)
    known = known_entity(mention.text)
    if known is not None:
        forms.extend(
            v for v in (known.name, *known.variants) if len(v) > 2 and not v.islower() and v != answer
        )
    if mention.kind == "person" and " " in answer:
        forms.append(answer.split()[-1])
    if mention.kind == "number" and mention.group == "percent":
        forms.append(mention.text.replace(" percent", "%").replace(" per cent", "%"))
    return list(dict.fromkeys(f for f in forms if fold(f) != fold(answer)))


def _draft(
    fact: Fact,
    mention: Mention,
    kind: str,
    body: tuple[tuple[str, object], ...],
    tags: tuple[str, ...],
    role: str,
    number: int,
) -> Draft:
    answer = display_answer(mention)
    digest = hashlib.sha1(f"{fact.key}|{mention.canonical}|{role}".encode()).hexdigest()
    prefix = "tf-" if role == "tf" else ""
    card_id = f"{prefix}{slug_words(answer, 3)}-{digest[:6]}"
    return Draft(
        card_id,
        kind,
        body,
        tags,
        fact.source,
        fact.context,
        mention.canonical,
        fact.key,
        (fact.doc.name, fact.line, number),
    )


def _tag(mention: Mention) -> str:
    return {"organisation": "organisation", "act": "law-or-programme"}.get(mention.kind, mention.kind)


def _folded(text: str) -> str:
    """The deck checker's comparison: case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


# ---- one card per fact, asked in the clause that holds it ---------------------------------

MAX_CLOZE_WORDS = 28
MAX_QUESTION_WORDS = 30
MAX_PLACE_CLOZE = 22
_NAME_KINDS = frozenset({"person", "act", "project", "event", "organisation", "place"})


def taught_sentence(fact: Fact, date: DocDate | None) -> tuple[str | None, str]:
    """The fact's own sentence, standing alone, or None and why it can't."""
    sentence = standalone(fact.prompt[fact.lead :])
    if fact.lead:
        # It leaned on the sentence before: named from it, or no card.
        named = named_from(sentence, fact.prompt[: fact.lead])
        if named is None:
            return None, "needs context"
        sentence = named
    resolved = resolve(sentence, date)
    if resolved is None:
        return None, "relative time (no date to resolve it)"
    return resolved, ""


# "the first secular democracy in a majority-Muslim nation": firsts and onlys are worth a
# card even without a name or number; the words after the superlative are asked.
_SUPERLATIVE = re.compile(
    r"\bthe (?:first|only|last|largest|biggest|longest|oldest|second[- ]\w+|third[- ]\w+) "
    r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*?)(?=\s+(?:in|of|to|for|on|after|among|from|with|since|by)\b)"
)
_GENERIC_NOUNS = frozenset(
    "time times one ones country countries exception step steps thing things person people state "
    "states place places way ways case cases day days year years group groups visit visits "
    "meeting meetings time".split()
)


def _superlative(sentence: str) -> Mention | None:
    match = _SUPERLATIVE.search(sentence)
    if match is None:
        return None
    phrase = match.group(1)
    if phrase.split()[-1] in _GENERIC_NOUNS or len(phrase) < 4:
        return None
    rest = sentence[: match.start(1)] + " " + sentence[match.end(1) :]
    if re.search(rf"\b{re.escape(phrase.split()[-1])}\b", rest, re.IGNORECASE):
        return None  # "a state visit …, the first visit by …": given away
    return Mention(match.start(1), match.end(1), phrase, "phrase", "superlative", fold(phrase))


def _inside_longer_name(sentence: str, mention: Mention) -> bool:
    before = sentence[: mention.start]
    after = sentence[mention.end :]
    if before.endswith(("-", "–")) or re.match(r"^[-–][A-Z]", after):
        return True
    if mention.kind == "person":
        return False
    previous = re.search(r"([A-Z][\w'’.]*)\s+$", before)
    if previous and before[: previous.start()].strip() and previous.group(1) not in _NOT_A_NAME:
        return True
    return bool(re.match(r"^\s+(?:[A-Z][a-z]+\b)(?!\s*[,.;])", after)) and not re.match(
        r"^\s+(?:In|On|At|And|But|The|For|To)\b", after
    )


_NOT_A_NAME = frozenset("The A An In On At By For To Of And But As With From".split())
_TITLE_HEADS = frozenset(
    "Chairman Chairwoman President Minister Secretary Head Director Speaker Governor Mayor Leader "
    "Deputy Ambassador Senator Chief".split()
)


def cards_for(
    fact: Fact,
    pool: Pool,
    subjects: set[str],
    date: DocDate | None,
    asked: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[Draft], str]:
    """At most one card for the fact (the best span that makes a good card), or a reason."""
    sentence, reason = taught_sentence(fact, date)
    if sentence is None:
        return [], reason
    mentions = find_mentions(sentence)
    original = fold(fact.prompt[fact.lead :])
    candidates: list[tuple[int, int, Mention]] = []
    for mention in mentions:
        if mention.kind in _NAME_KINDS and _inside_longer_name(sentence, mention):
            continue  # "Grand ___ of Turkey", "the ___ War": half a name
        if mention.kind != "person" and mention.text.split()[0] in _TITLE_HEADS:
            continue  # "Chairman of Supreme Assembly": an office, not a name
        before = sentence[: mention.start]
        if before.count("(") > before.count(")"):
            continue  # "(1,100-mile)", "(CSCE)": an aside or a conversion, not the fact
        if mention.canonical in asked:
            continue  # asked already in this document: one answer, one card
        if fold(mention.text) not in original:
            continue  # a name or year we wrote in ("He" → "Richard Mills"): not what it teaches
        if mention.canonical in subjects or fold(mention.text) in subjects:
            continue
        if (
            mention.kind in _NAME_KINDS - {"person", "place"}
            and " " not in mention.text
            and not mention.known
        ):
            continue  # "Treaty" alone, "IPAP": no name a student can tell apart
        value = score(mention, sentence)
        if value < PRIMARY_MIN or leaks(mention, display_answer(mention), sentence, mentions):
            continue
        candidates.append((value, -mention.start, mention))
    if not candidates:
        superlative = _superlative(sentence)
        if superlative is None:
            return [], "not worth a card (no date, number or name to ask)"
        candidates.append((PRIMARY_MIN, 0, superlative))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    for _, _, mention in candidates:
        clause = clause_around(sentence, mention.start, mention.end)
        if clause is None:
            continue
        draft = _card(fact, clause, mention, pool, sentence, subjects)
        if draft is not None:
            return [draft], ""
    return [], "no short, self-contained question fits"


def _card(
    fact: Fact, clause: Clause, original: Mention, pool: Pool, sentence: str, subjects: set[str]
) -> Draft | None:
    mention = dataclasses.replace(
        original, start=clause.start, end=clause.end, text=clause.text[clause.start : clause.end]
    )
    text = clause.text
    if " also " in text[: mention.start] or " also " in text[mention.end :]:
        # "also" leans on a sentence the card does not show.
        cut = text.index(" also ")
        text = text[:cut] + text[cut + 5 :]
        if cut < mention.start:
            mention = dataclasses.replace(mention, start=mention.start - 5, end=mention.end - 5)
    answer = display_answer(mention)
    kind = fine_kind(original, sentence)
    question = question_for(text, 0, mention)
    if question is not None and (
        _folded(answer) in _folded(question) or len(question.split()) > MAX_QUESTION_WORDS
    ):
        question = None
    blank = text[: mention.start] + BLANK + text[mention.end :]
    options = [o for o in distractors(mention, answer, text, pool, kind, subjects) if fold(o) not in subjects]
    tags = (_tag(mention),)
    digest = hashlib.sha1(f"{fact.key}|{mention.canonical}".encode()).digest()
    if mention.kind in _NAME_KINDS:
        if len(options) >= 3:
            body: tuple[tuple[str, object], ...] = (
                ("question", question or blank),
                ("answer", answer),
                ("distractors", options),
            )
            return _draft(fact, mention, "choice", body, tags, "ask", 0)
        if (
            mention.kind == "place"
            and question is None
            and (len(text.split()) > MAX_PLACE_CLOZE or pool.counts.get(mention.canonical, 0) > 2)
        ):
            return None  # a common place blanked out, nothing to choose from: a guess
    elif (
        digest[0] % 3 == 0
        and options
        and not _MONOTONIC.search(text[: mention.start])
        and mention.group != "count-word"
    ):
        truth = digest[1] % 2 == 0
        statement = text if truth else text[: mention.start] + options[0] + text[mention.end :]
        body = (("statement", statement), ("answer", truth))
        return _draft(fact, mention, "truefalse", body, tags, "tf", 0)
    if question is None and re.fullmatch(r"[A-Z]{2,6}", answer):
        return None  # "___ implementation owes much to US support": an acronym to guess
    accept = accepted(mention, answer)
    if question is not None:
        body = (("question", question), ("answer", answer))
        if accept:
            body += (("accept", accept),)
        return _draft(fact, mention, "qa", body, tags, "ask", 0)
    if len(text.split()) > MAX_CLOZE_WORDS:
        return None
    if accept:
        body = (("question", blank), ("answer", answer), ("accept", accept))
        return _draft(fact, mention, "qa", body, tags, "ask", 0)
    hint = _HINTS.get(mention.group) if mention.kind in ("date", "year", "number") else None
    cloze = mention.text + (f"::{hint}" if hint else "")
    body = (("text", text[: mention.start] + "{{" + cloze + "}}" + text[mention.end :]),)
    return _draft(fact, mention, "cloze", body, tags, "ask", 0)
