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
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import permutations

from caucasusquiz.decks.ids import slug_words
from caucasusquiz.generator.claims import claim
from caucasusquiz.generator.clauses import Clause, clause_around
from caucasusquiz.generator.concise import concise_question, event_question, opening_phrase
from caucasusquiz.generator.dates import ANY_YEAR, MONTH, MONTH_NAMES
from caucasusquiz.generator.distractors import Pool, distractors, years_around
from caucasusquiz.generator.english import card_english
from caucasusquiz.generator.entities import Mention, find_mentions, fold, known_entity
from caucasusquiz.generator.facets import facet, terms_list
from caucasusquiz.generator.facts import Fact
from caucasusquiz.generator.famous import is_famous
from caucasusquiz.generator.kinds import fine_kind
from caucasusquiz.generator.questions import IRREGULAR, SIMPLE_PAST, question_for
from caucasusquiz.generator.referents import resolved as named_from
from caucasusquiz.generator.relations import cause, definition, founded_when, what_did
from caucasusquiz.generator.rewrite import standalone
from caucasusquiz.generator.timeline import DocDate, resolve
from caucasusquiz.text import fold as fold_letters

PRIMARY_MIN = 5
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
_LISTABLE = frozenset({"place", "organisation", "person", "act", "project", "event"})
# A count worth asking is a large one ("97,000 mine maps"); "three republics" is incidental.
_BIG_COUNT = re.compile(r"^\D*\d{1,3}(?:,\d{3})+|^\D*\d{4,}|.*\b(?:thousand|million|billion)\b", re.I)
_TOLL = re.compile(r"\b(?:deaths|killed|died|dead|casualties|fatalities|lost their lives)\b")
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


def blank_hint(mention: Mention) -> str | None:
    """The blank's placeholder, in the order the answer is written: "29 August 1842" is a
    "day month year", "August 29, 1842" a "month day, year"."""
    if mention.kind not in ("date", "year", "number"):
        return None
    hint = _HINTS.get(mention.group)
    if hint in ("month day, year", "month day") and re.match(r"\d", mention.text.strip()):
        return "day month year" if hint == "month day, year" else "day month"
    return hint


_TIME_UNITS = re.compile(r"^\s+(?:[a-z-]+\s+)?(?:years?|months?|days?|weeks?|decades?|times)\b")
_MODIFIED = re.compile(
    r"^\s+(?!(?:and|or|in|on|to|of|the|a|an|was|is|were|are|has|had|have|as|"
    r"by|for|with|from|that|which|who|since|after|before)\b)[a-z]"
)
_NOUN_AFTER = re.compile(r"^\s+([a-z][a-z-]*)\b(?!\s+(?:of|that|which|who)\b)")


def _modifies_noun(text: str, mention: Mention) -> bool:
    """ "under the pressure of the Cold War ideology": the name qualifies the noun after it,
    so names of its kind that never did ("the Zulu War ideology") are no options."""
    if not re.search(r"\bthe\s*$", text[: mention.start]):
        return False
    after = text[mention.end :]
    noun = _NOUN_AFTER.match(after)
    if noun is None or not _MODIFIED.match(after):
        return False
    word = noun.group(1)
    return not (word.endswith("ed") or word in IRREGULAR or word in _VERB_LIKE)


_VERB_LIKE = frozenset("will would can could shall should may might must did does do".split())
_MONOTONIC = re.compile(
    r"\b(?:since|over|more than|about|nearly|almost|at least|up to|before|"
    r"after|until|by|around|some|than|roughly)\s+$",
    re.IGNORECASE,
)


_BOUND = re.compile(r"^(?:By|Before|Until|Till|As of|Prior to)\s+$")
_BACKGROUND = re.compile(r"^(?:Immediately\s+)?(?i:after|following|before|since|amid|during)\b[^,]*$")


# The body fields that hold a card's words (its type's prompt field).
WORDED = ("question", "statement", "text")


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
    answer_text: str = ""  # the span asked, as the sentence writes it
    prompt: str = ""  # what the learner reads before answering


def rewritten(
    draft: Draft, fix: Callable[[str], str], fields: Collection[str] | None = WORDED, answer: bool = False
) -> Draft:
    """The card with `fix` applied to its words: the prompt, the body's `fields` (every field,
    list items too, with None) and, with `answer`, the answer as asked; the same card when
    nothing changed."""

    def fixed(key: str, value: object) -> object:
        if fields is not None and key not in fields:
            return value
        if isinstance(value, str):
            return fix(value)
        if fields is None and isinstance(value, list | tuple):
            return type(value)(fix(v) if isinstance(v, str) else v for v in value)
        return value

    body = tuple((key, fixed(key, value)) for key, value in draft.body)
    if body == draft.body:
        return draft
    return dataclasses.replace(
        draft,
        body=body,
        prompt=fix(draft.prompt),
        answer_text=fix(draft.answer_text) if answer else draft.answer_text,
    )


def score(mention: Mention, prompt: str) -> int:
    """How much a card asking this span teaches; below PRIMARY_MIN it is not asked."""
    if mention.topic or mention.trivial:
        return 0
    value = _BASE_SCORE.get((mention.kind, mention.group)) or _KIND_SCORE.get(mention.kind, 0)
    after, before = prompt[mention.end :], prompt[: mention.start]
    if mention.kind == "number" and (before.endswith("-") or after.startswith("-")):
        return 0  # "Three-hundred-and-sixty-eight": part of a number, not one
    if mention.kind == "number" and _TIME_UNITS.match(after):
        value -= 4  # "over the last two years"
    if mention.kind in ("year", "date") and _BACKGROUND.match(before) and "," in after:
        # "After the September 11 attacks in 2001, …": the setting, not the fact; a full
        # date there ("After … on November 29, 1920, …") is still worth asking.
        value -= 3 if mention.group == "full-date" else 6
    if mention.kind in ("year", "date") and _BOUND.match(before):
        value -= 6  # "By 1969 more than 300,000 …": a bound on the fact, not the day it happened
    if mention.group == "count-word" and mention.text.lower() == "two":
        value -= 3  # "the two countries", "the two sides": a pair, not a fact
    if mention.kind in ("year", "date") and re.match(
        r"^\s+(?:U\.S\.\s+)?[A-Z]?[\w ]{0,30}"
        r"[Rr]eport\b",
        after,
    ):
        value -= 2  # the year in a report's title
    if mention.kind == "year" and re.search(
        r"\b(?:legislation|act|law|bill|budget|appropriations|treaty|constitution) of\s+$",
        before,
        re.IGNORECASE,
    ):
        value -= 6  # "the foreign appropriations legislation of 2002": part of a name, not a date
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
    if mention.kind in _LISTABLE and (
        re.match(r"^,?\s+(?:and|or)\s+[A-Z]", after)
        or re.match(r"^,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,", after)
        or re.search(r"[A-Z][\w.]*,?\s+(?:and|or)\s+$", before)
        or re.search(r"[A-Z][\w.]*,\s+$", before)
    ):
        value -= 4  # one item of a list ("Kosovo, Afghanistan and Iraq"): the others frame it
    if (
        mention.kind == "number"
        and mention.group in ("count", "count-word")
        and not _BIG_COUNT.match(mention.text)
        and not _TOLL.search(prompt)  # the dead of a war are no incidental count
    ):
        value -= 4  # "six letters", "four working groups", "20 articles": incidental counts
    if mention.kind == "number" and re.search(r"\bestimat", prompt):
        value -= 4  # "by some estimates at least 100,000": a hedged figure
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


# The people or bodies of a country, named by a common noun: "U.S. companies" for a
# document on the U.S. is its subject again, and guessable without study.
_GENERIC_GROUP = frozenset(
    "companies firms businesses investors officials diplomats government governments authorities "
    "forces troops soldiers citizens people nationals leaders leadership administration "
    "lawmakers politicians experts specialists representatives delegation delegates".split()
)


def near_subject(answer: str, subjects: set[str]) -> bool:
    """The answer is the document's subject with a common noun: "U.S. companies, along with …"."""
    head = re.split(r",|;|\s+(?:along with|as well as|and|together with)\s", answer)[0].strip()
    words = head.split()
    if len(words) < 2 or words[-1].lower() not in _GENERIC_GROUP:
        return False
    owner = " ".join(words[:-1])
    owner = re.sub(r"^(?:the|The)\s+", "", owner)
    found = find_mentions(owner)
    if found:
        return all(m.canonical in subjects or fold(m.text) in subjects for m in found)
    # A demonym of the subject: "Ruritanian" for Ruritania, "Georgian" for Georgia.
    folded = fold(owner)
    return any(len(s) >= 5 and " " not in s and folded.startswith(s[:-1]) for s in subjects)


# A date that only says when a visit, a trip or a submission happened: trivia, not the fact.
_TRIVIA_EVENT = re.compile(
    r"\b(?:visit|visits|visited|visiting|trip|stopped (?:in|at|over)|toured|submitted|arrived|"
    r"travell?ed|review|reviewed|consulate|consulates|consulate general)\b",
    re.IGNORECASE,
)  # a consulate's opening is an office's date, not a fact of the relations
# Words that take one side of a conflict: a card would state them as fact.
_ONE_SIDES_WORD = re.compile(r"\bliberat(?:ed|ion|ing)\b", re.IGNORECASE)
# Acts a state repeats (a waiver renewed each year, visits, statements): a statement moved to
# another year may be true as well, so only a "first" of them could be falsified by its date.
_RECURRING = re.compile(
    r"\b(?:waiv|extend|renew|visit|meet|met\b|held\b|hold|host|attend|call|urg|reiterat|stated|"
    r"said\b|says\b|discuss|travel|provid|offer|prais|critici|condemn|warn|spoke|express|"
    r"confirm|reaffirm|repeat|continu)",
    re.IGNORECASE,
)


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
    # "relations with United States" → "with the United States": the card's own English.
    body = tuple(
        (key, card_english(value) if key in WORDED and isinstance(value, str) else value)
        for key, value in body
    )
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
        answer,
        str(dict(body).get("question") or dict(body).get("statement") or dict(body).get("text") or ""),
    )


def _tag(mention: Mention) -> str:
    return {"organisation": "organisation", "act": "law-or-programme"}.get(mention.kind, mention.kind)


def _folded(text: str) -> str:
    """The deck checker's comparison: folded (caucasusquiz.text.fold), whitespace collapsed."""
    return " ".join(fold_letters(text).split())


# ---- one card per fact, asked in the clause that holds it ---------------------------------

MAX_CLOZE_WORDS = 26
MAX_CHOICE_BLANK_WORDS = 22
MAX_TRUEFALSE_WORDS = 20
MAX_QUESTION_WORDS = 30
LONG_QUESTION_WORDS = 24  # above this, padding in an opening phrase is dropped when it can be
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
    sentence = _without_open_ended_tail(sentence)
    if _OPEN_ENDED.search(sentence):
        return None, "relative time (no date to resolve it)"
    resolved = resolve(sentence, date)
    if resolved is None:
        return None, "relative time (no date to resolve it)"
    if _YEARLESS_DAY.search(resolved) and not ANY_YEAR.search(resolved):
        return None, YEARLESS
    if _NEWS_PERFECT.search(resolved) and not ANY_YEAR.search(resolved):
        return None, "relative time (no date to resolve it)"
    if _HEADLINE.search(resolved):
        return None, "headline (present tense, no date)"
    if re.search(r"\banniversary\b", resolved, re.IGNORECASE):
        return None, "not worth a card (an anniversary)"
    if _VAGUE.search(resolved):
        return None, "not worth a card (says only that something was discussed)"
    if _HONORIFIC.search(resolved):
        return None, "needs context"  # "Mr. Bush": which one the document means is said elsewhere
    if ANY_YEAR.search(resolved):
        # "has signed … in 1995": a dated event is told in the past tense.
        resolved = _PERFECT.sub(lambda m: m.group(2), resolved)
    return resolved, ""


# "has provided … since 1991", "their current operations": true only when it was written.
_OPEN_ENDED = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en|t)\b[^;]*\bsince\b|"
    r"\b(?:current|currently|to date|so far|at present|nowadays|present-day)\b|"
    r"\bover the (?:last|past)\b|\b(?:earlier|later) that (?:year|month)\b|\bof the (?:decade|century)\b",
    re.IGNORECASE,
)
# ", during which … their current operations": a trailing clause of its own.
_TRAILING_CLAUSE = re.compile(r",\s+(?:during which|in which|which|where|while|whereas|when|and)\s")


def _without_open_ended_tail(sentence: str) -> str:
    """ "In 2013, X and Y held their first-ever joint drills, during which soldiers were
    trained for their current operations": the dated fact stands without the trailing
    clause that holds "current", so only that clause goes."""
    found = _OPEN_ENDED.search(sentence)
    if found is None:
        return sentence
    cuts = [t.start() for t in _TRAILING_CLAUSE.finditer(sentence, 0, found.start())]
    if not cuts:
        return sentence
    head = sentence[: cuts[-1]] + "."
    return head if len(head.split()) >= 6 and not _OPEN_ENDED.search(head) else sentence


YEARLESS = "date without its year"


def _with_event_year(fact: Fact, pool: Pool) -> Fact | None:
    """ "On May 21, British forces landed …" in an article whose event the document dates from
    2 April to 14 June 1982: "On May 21, 1982, …". Only when the day falls inside the event
    window of exactly one year (`Pool.window`) and that year holds at least half the days the
    document dates; otherwise the sentence gives no card."""
    text = fact.prompt[fact.lead :]
    days = list(_YEARLESS_DAY.finditer(text))
    if len(days) != 1:
        return None
    found = days[0]
    month_name = re.search(MONTH, found.group())
    day = re.search(r"\d{1,2}", found.group())
    if month_name is None or day is None:
        return None
    month = MONTH_NAMES.index(month_name.group()) + 1
    years = {y for y, _, _ in pool.days.get(fact.doc.name, ())}
    fitting = []
    for year in sorted(years):
        window = pool.window(fact.doc.name, year)
        if window is not None and window[0] <= (year, month, int(day.group())) <= window[1]:
            fitting.append(year)
    if len(fitting) != 1:
        return None
    year = fitting[0]
    known = pool.days.get(fact.doc.name, set())
    if 2 * sum(1 for d in known if d[0] == year) < len(known):
        return None  # the document tells of many years: the day may be of another one
    written = f"{found.group()}, {year}" if found.group()[0].isalpha() else f"{found.group()} {year}"
    dated = text[: found.start()] + written + text[found.end() :]
    return dataclasses.replace(fact, prompt=fact.prompt[: fact.lead] + dated)


_YEARLESS_DAY = re.compile(rf"\b(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})\b(?!,?\s+\d{{4}})")
# "The Bush administration announces $1 billion in aid": a news headline, undated.
_HEADLINE = re.compile(
    r"^(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}\s+(?:announces|pledges|signs|launches|opens|vows|"
    r"warns|urges|approves|agrees|unveils|condemns|offers|sends|backs|rejects|says)\b"
)
# "… has been formally opened": news of the day it was written, no date.
_NEWS_PERFECT = re.compile(r"\b(?:has|have) been (?:\w+ly\s+)?\w+ed\b")
# "… commented on Azerbaijan's democratic track record": what was said is the fact, and it is
# missing; "Great leader X praised the importance of …": praise, not a fact to learn.
_VAGUE = re.compile(
    r"\b(?:commented on|spoke about|talked about|touched on|referred to|remarked on|discussed|"
    r"praised|hailed|lauded|commended)\b"
)
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms)\.?\s+[A-Z]")
_PERFECT = re.compile(r"\b(has|have)\s+(\w+ed)\b(?!\s+(?:by|to)\b)")


# "the first secular democracy in a majority-Muslim nation": firsts and onlys are worth a
# card even without a name or number; the words after the superlative are asked.
_SUPERLATIVE = re.compile(
    r"\bthe (?:first|only|last|largest|biggest|longest|oldest) "
    r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*?)(?=\s+(?:in|of|to|for|on|after|among|from|with|since|by)\b)"
)
_GENERIC_NOUNS = frozenset(
    "time times one ones country countries exception step steps thing things person people state "
    "states place places way ways case cases day days year years group groups visit visits "
    "meeting meetings time project projects scheme schemes attempt attempts example examples event "
    "events instance kind type".split()
)


def _superlative(sentence: str) -> Mention | None:
    match = _SUPERLATIVE.search(sentence)
    if match is None:
        return None
    phrase = match.group(1)
    if phrase.split()[-1] in _GENERIC_NOUNS or len(phrase) < 4:
        return None
    if re.match(r"\s+of (?:its|their) kind\b", sentence[match.end(1) :]) or sentence[
        : match.start()
    ].endswith(("not ", "never ")):
        return None  # "was not the first project of its kind": the blank would be a filler word
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


_NAMED_AFTER = re.compile(r"\bnamed (?:after|for) (?:him|her)\b")
_NOT_A_NAME = frozenset("The A An In On At By For To Of And But As With From".split())
_TITLE_HEADS = frozenset(
    "Chairman Chairwoman President Minister Secretary Head Director Speaker Governor Mayor Leader "
    "Deputy Ambassador Senator Chief".split()
)


NOTHING_TO_ASK = "not worth a card (no date, number or name in it)"
NO_PATTERN = "not worth a card (names or figures, but no question the rules can ask of them)"
ONLY_SUBJECT = "not worth a card (its names and figures: the subject, asked already or incidental)"
# A capitalised word after the first, or a digit: the sentence has names or figures to a reader,
# whether or not the rules recognise them ("Metz, Toul and Verdun", "5 million thalers").
_NAME_OR_FIGURE = re.compile(r"\d|(?<=[\s(])[A-ZÀ-ÞİÇŞÖÜ][\w'’-]+")


def _nothing_to_ask(sentence: str, mentions: list[Mention]) -> str:
    """Why a sentence gave no card when nothing in it could be asked: true of the sentence."""
    unread = [
        m
        for m in _NAME_OR_FIGURE.finditer(sentence)
        if not any(n.start <= m.start() < n.end for n in mentions)
    ]
    if unread:
        return NO_PATTERN
    return ONLY_SUBJECT if mentions else NOTHING_TO_ASK


def cards_for(
    fact: Fact,
    pool: Pool,
    subjects: set[str],
    date: DocDate | None,
    asked: frozenset[str] | set[str] = frozenset(),
    label: str | None = None,
    title: str = "",
) -> tuple[list[Draft], str]:
    """At most one card for the fact (the best span that makes a good card), or a reason.

    `label` names the document for claims ("According to <label>, what does …?"); without
    it no claim card is made. `title` is the document's title (what "the treaty" is)."""
    sentence, reason = taught_sentence(fact, date)
    if sentence is None and reason == YEARLESS:
        dated = _with_event_year(fact, pool)
        if dated is not None:
            fact = dated
            sentence, reason = taught_sentence(fact, date)
    if sentence is None:
        return [], reason
    stance = _claim_card(fact, sentence, label, subjects) if label is not None else None
    if stance is not None and stance.type == "qa":
        # An analysis piece's claim is its fact: asked as such, not as a name blanked out of it.
        return [stance], ""
    strong = _facet_card(fact, sentence, subjects, preferred=True, title=title) or _founding_card(
        fact, sentence, subjects
    )
    if strong is not None:
        return [strong], ""
    # A claim that can only be stated (true/false) is the last resort: a name or date first.
    mentions = find_mentions(sentence)
    if any(_ambiguous_person(m, pool) for m in mentions):
        return [], "needs context"  # "President Bush" where the documents know two Bushes
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
        if mention.kind == "date" and is_famous(mention.text):
            continue  # "December 25, 1991": known without the documents; the sentence's other fact is asked
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
        if mention.kind == "person" and _NAMED_AFTER.search(sentence):
            continue  # "proposed a set of rules named after him": the rules' name tells who
        if mention.kind == "person" and " " not in mention.text.strip():
            continue  # "Wilson concluded": a bare surname is no answer a student can be sure of
        if value < PRIMARY_MIN or leaks(mention, display_answer(mention), sentence, mentions):
            continue
        candidates.append((value, -mention.start, mention))
    if not candidates:
        superlative = _superlative(sentence)
        if superlative is None:
            relation = (
                _relation_card(fact, sentence, subjects) or stance or _facet_card(fact, sentence, subjects)
            )
            if relation is not None:
                return [relation], ""
            return [], _nothing_to_ask(sentence, mentions)
        candidates.append((PRIMARY_MIN, 0, superlative))
    relation = _relation_card(fact, sentence)
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    for _, _, mention in candidates:
        clause = clause_around(sentence, mention.start, mention.end)
        if clause is None:
            continue
        draft = _card(fact, clause, mention, pool, sentence, subjects)
        if draft is not None:
            if relation is not None and fold(relation.answer_text) not in fold(draft.prompt):
                return [draft, relation], ""
            return [draft], ""
    relation = (
        relation
        or _relation_card(fact, sentence, subjects)
        or stance
        or _facet_card(fact, sentence, subjects)
    )
    if relation is not None:
        return [relation], ""
    return [], "no short, self-contained question fits"


def _claim_card(fact: Fact, sentence: str, label: str, subjects: set[str]) -> Draft | None:
    found = claim(sentence, label)
    if found is None or fold(found.answer) in subjects or near_subject(found.answer, subjects):
        return None
    narrowed = _CONTRIBUTION.match(found.question)
    contribution = found.answer.removeprefix("its ")
    if narrowed and contribution.startswith("contribution to "):
        # "… appreciate Azerbaijan for?" has many answers; "… Azerbaijan's contribution to
        # what?" has the one the document names.
        verb = "appreciates" if narrowed.group("aux") == "does" else "appreciated"
        to_what = contribution.removeprefix("contribution to ")
        # "contribution to what?" has many answers in an article on relations (the war on
        # terror, the mission in Afghanistan …); "to whose energy security?" has one (and
        # reads as a teacher asks, not "to the energy security of whom?").
        whose = re.match(r"^the (?P<field>[a-z]+(?: [a-z]+)?) of (?P<whom>[A-Z].+)$", to_what)
        asked = f"whose {whose.group('field')}" if whose else "what"
        question = (
            f"{narrowed.group('pre')}{narrowed.group('actor')} {verb} "
            f"{narrowed.group('owner')}'s contribution to {asked}?"
        )
        found = dataclasses.replace(
            found, question=question, answer=whose.group("whom") if whose else to_what, accept=()
        )
    if found.question and _OPEN_CLAIM.search(found.question):
        # "What does the U.S. support?", "When does Washington benefit?": an article on
        # relations gives many answers (reviewers marked every one of them), and its
        # reversal ("opposes") is no plausible false statement: no claim card.
        return None
    if not found.question and not (found.statement and found.reversed):
        return None
    mention = Mention(0, 0, found.answer, "phrase", "claim", fold(found.answer))
    pick = int(hashlib.sha1(fact.key.encode()).hexdigest()[:8], 16)
    if found.statement and found.reversed and (pick % 2 == 0 or not found.question):
        # One claim in two is asked as true/false (never both: one fact, one card); half
        # of those reverse the stance, "supports" → "opposes", which the document refutes.
        truth = pick % 4 == 0
        statement = found.statement if truth else found.reversed
        tf_body: tuple[tuple[str, object], ...] = (("statement", statement), ("answer", truth))
        return _draft(fact, mention, "truefalse", tf_body, ("claim",), "tf", 0)
    body: tuple[tuple[str, object], ...] = (("question", found.question), ("answer", found.answer))
    if found.accept:
        body += (("accept", list(found.accept)),)
    return _draft(fact, mention, "qa", body, ("claim",), "claim", 1)


_CONTRIBUTION = re.compile(
    r"^(?P<pre>.*?)what (?P<aux>does|did) (?P<actor>.+?) appreciate (?P<owner>.+?) for\?$"
)
_OPEN_CLAIM = re.compile(
    r"\bwhat (?:does|did|has|have|do) [^?]{1,60}? (?:support|supported|back|backed)\?$|"
    r"\bwhen (?:does|did) [^?]{1,40} benefit\?$|\bwhat (?:does|did) [^?]{1,40} appreciate [^?]{1,30} for\?$|"
    r"\bwhat (?:does|did) [^?]{1,60}? (?:appreciate|value)\?$"
)


def _relation_card(fact: Fact, sentence: str, subjects: set[str] | None = None) -> Draft | None:
    """A 'what did it ban', 'in response to what' or (with `subjects`, as a last resort)
    'what did <name> adopt' question, when the sentence has that shape."""
    found = definition(sentence) or cause(sentence)
    if found is None and subjects is not None:
        found = what_did(sentence)
        if found is not None and (fold(found[1]) in subjects or len(ANY_YEAR.findall(found[1])) > 0):
            found = None  # the document's own subject, or a date: asked as such elsewhere
        # Only when no date of the sentence was asked (this is the last resort).
        found = found or founded_when(sentence)
    if found is None:
        return None
    question, answer = found
    if subjects is not None and near_subject(answer, subjects):
        return None
    mention = Mention(0, 0, answer, "phrase", "relation", fold(answer))
    body = (("question", question), ("answer", answer))
    return _draft(fact, mention, "qa", body, ("cause-or-definition",), "why", 1)


_RANKS = ("second", "third", "fourth", "fifth")


def _facet_card(
    fact: Fact, sentence: str, subjects: set[str], preferred: bool = False, title: str = ""
) -> Draft | None:
    """An aim, a right granted, a reason given, a rank, a counted list or a first (`facets`)."""
    # What a party got under the article's own treaty is the sentence's point, before its names.
    found = (terms_list(sentence, title) if preferred and title else None) or facet(
        sentence, preferred=preferred
    )
    if (
        found is None
        or fold(found.answer) in subjects
        or near_subject(found.answer, subjects)
        or any(fold(i) in subjects for i in found.items)
    ):
        return None
    mention = Mention(0, 0, found.answer, "phrase", "facet", fold(found.answer))
    if found.cloze and found.tag == "rank":
        # "the ___ longest canal": the other ranks are the same kind of answer, and plausible.
        question = re.sub(r"\{\{[^}]*\}\}", BLANK, found.cloze)
        options = [r for r in _RANKS if r != found.answer][:3]
        ranked: tuple[tuple[str, object], ...] = (
            ("question", question),
            ("answer", found.answer),
            ("distractors", options),
        )
        return _draft(fact, mention, "choice", ranked, (found.tag,), "facet", 1)
    if found.cloze:
        return _draft(fact, mention, "cloze", (("text", found.cloze),), (found.tag,), "facet", 1)
    if _folded(found.answer) in _folded(found.question):
        return None
    body: tuple[tuple[str, object], ...] = (("question", found.question), ("answer", found.answer))
    if found.items:
        orders = [
            " and ".join(p) if len(p) == 2 else ", ".join(p[:-1]) + " and " + p[-1]
            for p in permutations(found.items)
        ]
        body += (("accept", [o for o in orders if o != found.answer]),)
    return _draft(fact, mention, "qa", body, (found.tag,), "facet", 1)


def _founding_card(fact: Fact, sentence: str, subjects: set[str]) -> Draft | None:
    """ "Launched in January 2005, the X Program advanced …": the date is the programme's own,
    asked as "In which month and year was the X Program launched?" before any blank."""
    found = founded_when(sentence)
    if found is None or fold(found[1]) in subjects:
        return None
    question, answer = found
    mention = Mention(0, 0, answer, "phrase", "relation", fold(answer))
    body: tuple[tuple[str, object], ...] = (("question", question), ("answer", answer))
    return _draft(fact, mention, "qa", body, ("cause-or-definition",), "why", 1)


def _ambiguous_person(mention: Mention, pool: Pool) -> bool:
    """A person named so that two people of the documents fit: a bare surname, or a first
    name and surname where another person of that surname has a middle initial."""
    if mention.kind != "person":
        return False
    words = fold(mention.text).split()
    if not words:
        return False
    namesakes = pool.surnames.get(words[-1], set())
    if len(namesakes) < 2:
        return False
    if len(words) == 1:
        return True
    # "George Bush" when the documents also name "George W. Bush" or "George H. W. Bush"
    return len(words) == 2 and any(
        other.split()[0] == words[0] and len(other.split()) > 2 for other in namesakes
    )


_SECOND_CLAUSE = re.compile(
    r"\band (?:the )?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?:\w+ly\s+)?(?:\w+ed|was|were|had)\b"
)
_INTRO_PLACES = re.compile(
    r"^(?P<head>(?:Immediately |Shortly |Soon )?[Aa]fter the [a-z]+ [a-z]+)"
    r" in [A-Z][\w.]+(?: [A-Z][\w.]+)?(?:,? and [A-Z][\w.]+(?: [A-Z][\w.]+)?)?(?= on )"
)
_WAS_SINCE = re.compile(
    r"\b(was|were)\s+(?:\w+ly\s+)?(?:involved|engaged|active|present|based|a member)\b[^.;,]*\bsince\s+\d{4}"
)
_DATE_INTRO = re.compile(r"^(?:On|In|By)\s+[^,]{3,30}(?:,\s+\d{4})?,\s+")
_PAST = re.compile(r"\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b(?!\s+by\b)")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_TRAILING_PARTICIPLE = re.compile(
    r",\s+(?:averaging|achieving|making|bringing|reaching|totalling|totaling)\b[^;]*$"
)


def _without_asides(text: str, mention: Mention) -> tuple[str, Mention]:
    """The clause without bracketed asides ("(1,100-mile)", "(GTEP)") and without a trailing
    participle after the answer (", averaging about $100 million annually"): one fact each."""
    tail = _TRAILING_PARTICIPLE.search(text, mention.end)
    if tail is not None:
        text = text[: tail.start()] + "."
    pieces: list[str] = []
    shift_before = 0
    last = 0
    for match in _ASIDE.finditer(text):
        if match.start() < mention.end and match.end() > mention.start:
            continue  # the answer itself is in brackets: keep them
        pieces.append(text[last : match.start()])
        if match.end() <= mention.start:
            shift_before += match.end() - match.start()
        last = match.end()
    pieces.append(text[last:])
    stripped = "".join(pieces)
    if shift_before or stripped != text:
        mention = dataclasses.replace(
            mention, start=mention.start - shift_before, end=mention.end - shift_before
        )
    return stripped, mention


_SUBORDINATE = re.compile(r"^(?:After|When|Once)\s+(?P<clause>(?:[^,]|,\s*\d{4})+),\s+")


def _subordinate_question(text: str, mention: Mention) -> str | None:
    """ "After the Red Army established Soviet power in Armenia on 29 November 1920, …": the
    date belongs to the opening clause, which is asked on its own."""
    match = _SUBORDINATE.match(text)
    if match is None or not match.start("clause") <= mention.start < mention.end <= match.end("clause"):
        return None
    clause = match.group("clause")
    clause = clause[:1].upper() + clause[1:] + "."
    offset = match.start("clause")
    inner = dataclasses.replace(mention, start=mention.start - offset, end=mention.end - offset)
    return question_for(clause, 0, inner)


def _one_value(text: str) -> bool:
    """A true/false statement holds one date or number: "on March 6 …, and on March 16 …"
    bundles two facts, and a student can't tell which one is false."""
    values = [m for m in find_mentions(text) if m.kind in ("date", "year", "number")]
    return len(values) <= 1


def _false_value(
    mention: Mention, options: list[str], latest: int, said: set[int] | None = None
) -> str | None:
    """The wrong value of a false statement: clearly different, never a month or a day off.

    A full date or a month keeps its day and month and moves its year, later rather than
    earlier (a president before his term is absurd, not false): three years, or up to seven
    when the documents name that year for something else ("January 2005" for a 2002 waiver
    would be another card's answer); a number or a year takes the first distractor
    (spread over a decade, or a plausible scale)."""
    if mention.kind == "date":
        year = re.search(r"\d{4}", mention.text)
        if year is None:
            return None
        value = int(year.group())
        shifts = [s for s in (3, 4, 5, 6, 7, -3, -4, -5) if value + s <= latest]
        free = [s for s in shifts if value + s not in (said or set())]
        wrong = value + (free or shifts or [-3])[0]
        return mention.text.replace(year.group(), str(wrong))
    if mention.kind == "year" and options:
        # Later rather than earlier: "waived in 1999" would put a president before his term;
        # and a year the documents give for something else would be another card's answer.
        value = int(mention.text)
        spread = [int(y) for y in years_around(value, latest or value + 1)]
        later = sorted((y for y in spread if y > value), key=lambda y: y - value)
        free = [y for y in later if y not in (said or set())] or [
            y for y in spread if y not in (said or set())
        ]
        if free:
            return str(free[0])
        later = sorted((int(o) for o in options if int(o) > value), key=lambda y: y - value)
        return str(later[0]) if later else options[0]
    return options[0] if options else None


def _card(
    fact: Fact, clause: Clause, original: Mention, pool: Pool, sentence: str, subjects: set[str]
) -> Draft | None:
    mention = dataclasses.replace(
        original, start=clause.start, end=clause.end, text=clause.text[clause.start : clause.end]
    )
    text, mention = _without_asides(clause.text, mention)
    for adverb in (" also ", " already "):
        if adverb in text[: mention.start] or adverb in text[mention.end :]:
            # "also", "already" lean on a sentence the card does not show.
            cut = text.index(adverb)
            text = text[:cut] + text[cut + len(adverb) - 1 :]
            if cut < mention.start:
                shift = len(adverb) - 1
                mention = dataclasses.replace(mention, start=mention.start - shift, end=mention.end - shift)
    since = _WAS_SINCE.search(text)
    if since is not None and since.end(1) <= mention.start:
        # "was actively involved … since 1992" (the source's tense error): "has been".
        perfect = "has been" if since.group(1) == "was" else "have been"
        shift = len(perfect) - len(since.group(1))
        text = text[: since.start(1)] + perfect + text[since.end(1) :]
        mention = dataclasses.replace(mention, start=mention.start + shift, end=mention.end + shift)
    if re.match(r"(?:U\.S\.|US|U\.K\.|UK)\s+[a-z]", text) and mention.start > 0:
        text = "The " + text  # "U.S. plays …" reads "The U.S. plays …"
        mention = dataclasses.replace(mention, start=mention.start + 4, end=mention.end + 4)
    second = _SECOND_CLAUSE.search(text, mention.end) if mention.kind in ("date", "year") else None
    if second is not None and not _PAST.search(text[mention.end : second.start()]):
        second = None  # "In 1974, Vestia and Lapland signed …": one clause, two subjects
    if second is not None:
        # "On <date>, the Soviet Union ceased …, and the United States recognized …": two
        # facts; the date is asked of the later clause, the one the sentence leads up to.
        intro = _DATE_INTRO.match(text)
        if intro is None or mention.end > intro.end():
            return None
        text = text[: intro.end()] + text[second.start() + len("and ") :]
    if (
        mention.kind == "number"
        and mention.group != "count"  # "a 1,768 kilometres long pipeline": a lasting property
        and not ANY_YEAR.search(text)
        and not _PAST.search(text)
        and not any(w in SIMPLE_PAST for w in text.split())
    ):
        return None  # "Europe depends on Russian gas for 40 percent …": a share of no stated time
    if mention.kind in ("date", "year", "place") and _TRIVIA_EVENT.search(text):
        return None  # the day of a visit or a submission, or where a trip stopped: trivia
    if _ONE_SIDES_WORD.search(text):
        return None  # "Ordubad was liberated on …": one side's word, stated as a fact
    answer = display_answer(mention)
    kind = fine_kind(original, sentence)
    # A named thing's event and its date ask the short question a teacher writes first.
    question = (
        event_question(text, mention)
        or question_for(text, 0, mention)
        or _subordinate_question(text, mention)
    )
    if question is not None and len(question.split()) > LONG_QUESTION_WORDS:
        # "Immediately after the terrorist attacks in New York and Washington on September 11,
        # 2001, which national leader …": the places inside the opening phrase are padding.
        compact = _INTRO_PLACES.sub(r"\g<head>", text, count=1)
        shift = len(text) - len(compact)
        if shift and mention.start >= len(compact[: text.index(",")]) and mention.start - shift > 0:
            moved = dataclasses.replace(mention, start=mention.start - shift, end=mention.end - shift)
            question = question_for(compact, 0, moved) or question
    lead = opening_phrase(text)
    if question is None and lead and mention.start > lead:
        clause_alone = text[lead:]
        question = question_for(
            clause_alone[:1].upper() + clause_alone[1:],
            0,
            dataclasses.replace(mention, start=mention.start - lead, end=mention.end - lead),
        )
    if question is not None:
        question = concise_question(question)
    if question is not None and (
        _folded(answer) in _folded(question) or len(question.split()) > MAX_QUESTION_WORDS
    ):
        question = None
    blank = text[: mention.start] + BLANK + text[mention.end :]
    options = [
        o
        for o in distractors(mention, answer, text, pool, kind, subjects, fact.doc.name)
        if fold(o) not in subjects
    ]
    tags = (_tag(mention),)
    digest = hashlib.sha1(f"{fact.key}|{mention.canonical}".encode()).digest()
    if mention.kind in _NAME_KINDS and question is None and _modifies_noun(text, mention):
        options = []  # "the ___ ideology": only the answer fits; other wars give it away
    if mention.kind in _NAME_KINDS:
        dated = bool(ANY_YEAR.search(text)) or bool(pool.years.get(mention.canonical))
        if mention.kind == "person" and not dated:
            options = []  # a person of unknown era: any president of any decade would fit
        if (len(options) >= 3 and (question is not None or len(blank.split()) <= MAX_CHOICE_BLANK_WORDS)) or (
            len(options) == 2 and question is not None and mention.kind != "place"
        ):
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
        if (
            digest[0] % 3 == 0
            and options
            and question is None
            and mention.kind not in ("place", "person")
            and not re.fullmatch(r"[A-Z]{2,6}", answer)
            and len(text.split()) <= MAX_TRUEFALSE_WORDS
            and not re.search(r"\bas (?:a|an|the)\b|\bfirst\b", text)
        ):
            # A same-kind name swapped in ("… supported the Southern Gas Corridor as the
            # primary route for Caspian oil"): plausible, and false by the documents.
            truth = digest[1] % 2 == 0
            statement = text if truth else text[: mention.start] + options[0] + text[mention.end :]
            body = (("statement", statement), ("answer", truth))
            return _draft(fact, mention, "truefalse", body, tags, "tf", 0)
    elif (
        digest[0] % 3 == 0
        and options
        and not _MONOTONIC.search(text[: mention.start])
        and mention.group != "count-word"
        and len(text.split()) <= MAX_TRUEFALSE_WORDS
        and not re.search(
            r"\bas (?:a|an|the)\b|\bfirst\b", text
        )  # "in 2009, as a freshman senator": impossible, not false
        and _one_value(text)
    ):
        truth = digest[1] % 2 == 0
        wrong = _false_value(mention, options, pool.latest_year, pool.years_said)
        if wrong is None or (mention.kind in ("date", "year") and _RECURRING.search(text)):
            # "Bush waived Section 907 in January 2006": the waiver was renewed each year,
            # so a moved year may be true as well; only the true statement is shown.
            truth = True
        statement = text if truth else text[: mention.start] + str(wrong) + text[mention.end :]
        body = (("statement", statement), ("answer", truth))
        return _draft(fact, mention, "truefalse", body, tags, "tf", 0)
    if (
        mention.kind in ("date", "year", "number")
        and (digest[0] % 3 == 1 or (digest[0] % 3 == 2 and digest[1] % 2 == 0))
        and len(options) >= 3
        and mention.group != "count-word"
        and not _MONOTONIC.search(text[: mention.start])
        and (question is not None or len(blank.split()) <= MAX_CHOICE_BLANK_WORDS)
    ):
        # A date or number among three of the same format and scale (years spread over a
        # decade, 1,768 km → 1,100 / 2,300 / 3,200): one in two that are not true/false is
        # multiple choice, the others typed.
        valued: tuple[tuple[str, object], ...] = (
            ("question", question or blank),
            ("answer", answer),
            ("distractors", options[:3]),
        )
        return _draft(fact, mention, "choice", valued, tags, "ask", 0)
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
    hint = blank_hint(mention)
    cloze = mention.text + (f"::{hint}" if hint else "")
    body = (("text", text[: mention.start] + "{{" + cloze + "}}" + text[mention.end :]),)
    return _draft(fact, mention, "cloze", body, tags, "ask", 0)
