"""Salience from repetition: how many independent sentences state a card's fact.

An article (and the seeds) states its core facts more than once: in the lead and again in
the body, or in several sources pasted together. A fact stated once, in passing, is more
often incidental ("the year of a minor book") or a source's own slip. A card's fact counts
as stated again by another sentence that holds the card's answer (its year, its figure,
or its name's words) and shares words with the card's sentence beyond that answer.

Near-duplicate sentences (a repeated paragraph, a mirror of the same page) count once: two
copies of one sentence are one source. Sentences are indexed by their tokens, and a card
reads only the sentences holding its answer's rarest token (at most `_POSTINGS`), so the
cost stays linear in the input: no sentence is compared with every other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.dates import ANY_YEAR
from caucasusquiz.generator.dedupe import _stem, content_words, jaccard
from caucasusquiz.generator.entities import Mention, fold
from caucasusquiz.generator.facts import Fact

_POSTINGS = 200  # candidate sentences read per card
# A document shorter than this (in fact sentences, about 1,000 words) is one short source with
# no room to say a fact twice: that its facts are stated once says nothing about them.
MIN_FACTS = 25
_SAME_SENTENCE = 0.8  # content-word overlap at which two sentences are one sentence copied
_SHARED_WORDS = 2  # words besides the answer a restatement shares with the card's sentence
# Two sentences tell one fact when the shorter's words (years aside) are mostly in the longer.
_SAME_FACT = 0.7
_SAME_FACT_WORDS = 4
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_WORD = re.compile(r"[a-z0-9]+")
# Words every sentence of an article may share: they tie nothing to one fact.
_VAGUE = frozenset(
    "united states u s us american government country countries state states year years "
    "first new two three also after before between into over under not would will said".split()
)


@dataclass(frozen=True, slots=True)
class _Entry:
    source: tuple[str, int]  # document, line
    words: frozenset[str]  # content words, folded
    years: frozenset[str]
    names: frozenset[str]  # capitalised words after the first, folded
    in_force: bool = False  # tells an entry into force ("entered into force", "took effect")


def _tokens(text: str) -> frozenset[str]:
    """Content words but the vague ones, stemmed ("signed", "signs" → "sign"), with figures
    read whole ("1,768" is one token "1768")."""
    folded = fold(text).lower()
    numbers = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(folded)}
    words = {_stem(w) for w in content_words(_NUMBER.sub(" ", folded)) if w not in _VAGUE}
    return frozenset(words | numbers)


class Salience:
    """Every fact sentence of the run, indexed by token, to count a card's restatements."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self._entries: list[_Entry] = []
        self._by_token: dict[str, list[int]] = {}
        self._facts: Counter[str] = Counter()
        self._ranks: dict[tuple[str, str, str], set[str]] = {}
        for fact in facts:
            self._facts[fact.doc.name] += 1
            entry = _Entry(
                (fact.doc.name, fact.line),
                _tokens(fact.context),
                frozenset(ANY_YEAR.findall(fact.context)),
                _names(fact.context),
                bool(_IN_FORCE.search(fact.context)),
            )
            for token in entry.words:
                self._by_token.setdefault(token, []).append(len(self._entries))
            self._entries.append(entry)
            for rank, key in ranks(fact.context):
                self._ranks.setdefault((fact.doc.name, *key), set()).add(rank)

    def _unnamed_disagreement(self, draft: Draft, year: str, rest: frozenset[str]) -> tuple[str, str] | None:
        """ "Both countries established diplomatic relations on 31 May 1983" names no party:
        read as the title's pair, it is the same fact as another sentence of the document
        that tells the same words ("Diplomatic relations were established on September 30,
        1966") with another year, and a scrape of a list of other pairs' dates more likely."""
        if not _UNNAMED_PAIR.match(draft.context):
            return None
        key = frozenset(w for w in rest if not w[:1].isdigit() and w not in _DATE_WORDS)
        if len(key) < 2:
            return None
        document, line, _ = draft.order
        rarest = min(key, key=lambda t: len(self._by_token.get(t, ())))
        for index in self._by_token.get(rarest, [])[:_POSTINGS]:
            entry = self._entries[index]
            if entry.source[0] != document or entry.source[1] == line or not entry.years:
                continue
            if year not in entry.years and key <= entry.words:
                return min(entry.years), f"{entry.source[0]}:{entry.source[1]}"
        return None

    def signed_or_in_force(self, draft: Draft) -> bool:
        """Whether the card asks the year of a signing that another sentence of its document
        gives as the same agreement's entry into force ("was signed in 2009" / "the 2009 entry
        into force of the … Agreement"): a source that took one date for the other."""
        if not _SIGNED.search(draft.context) or _IN_FORCE.search(draft.context):
            return False
        years = ANY_YEAR.findall(draft.answer_text or draft.answer_key)
        if not years:
            return False
        document, line, _ = draft.order
        names = _names(draft.context)
        for index in self._by_token.get(years[-1], [])[:_POSTINGS]:
            entry = self._entries[index]
            if entry.source[0] != document or entry.source[1] == line or not entry.in_force:
                continue
            if years[-1] in entry.years and len(names & entry.names) >= 2:
                return True
        return False

    def rank_disputed(self, draft: Draft) -> bool:
        """Whether the card asks (or states, true/false) a rank its document gives two ways:
        "the second-longest rail tunnel" in one sentence, "the third longest railway tunnel"
        in another. One source is out of date; which one is a teacher's call."""
        asked = (draft.answer_text or draft.answer_key or "").lower()
        for rank, key in ranks(draft.context):
            if len(self._ranks.get((draft.order[0], *key), ())) < 2:
                continue
            if rank in asked or draft.type == "truefalse" or key[0] in asked:
                return True
        return False

    def tells(self, document: str) -> bool:
        """Whether the document is long enough for a fact stated once to be a sign."""
        return self._facts[document] >= MIN_FACTS

    def stated(self, draft: Draft) -> int:
        """How many independent sentences state the card's fact, its own included (at least 1)."""
        answer = _answer_tokens(draft)
        if not answer:
            return 1
        own = _tokens(draft.context)
        rest = own - answer - _VAGUE
        rarest = min(answer, key=lambda t: len(self._by_token.get(t, ())))
        counted: list[frozenset[str]] = [own]
        document, line, _ = draft.order
        for index in self._by_token.get(rarest, [])[:_POSTINGS]:
            entry = self._entries[index]
            if entry.source == (document, line) or not answer <= entry.words:
                continue
            if len(rest & entry.words) < _SHARED_WORDS:
                continue
            if any(jaccard(entry.words, seen) >= _SAME_SENTENCE for seen in counted):
                continue  # a copy of a sentence already counted
            counted.append(entry.words)
        return len(counted)

    def disagreement(self, draft: Draft) -> tuple[str, str] | None:
        """Another sentence telling the card's dated fact with another year: (its year, its
        source), or None. The same fact: most of the words of the shorter sentence (years
        aside) are in the longer one, and the two name the same names, but for one."""
        years = ANY_YEAR.findall(draft.answer_text or draft.answer_key)
        if not years:
            return None
        year = years[-1]
        document, line, _ = draft.order
        context = draft.context
        own = _Entry(
            (document, line), _tokens(context), frozenset(ANY_YEAR.findall(context)), _names(context)
        )
        rest = own.words - own.years - _VAGUE
        unnamed = self._unnamed_disagreement(draft, year, rest)
        if unnamed is not None:
            return unnamed
        if len(rest) < _SAME_FACT_WORDS:
            return None
        # A source telling the fact in other words may lack any one word ("garrison"): the
        # candidates are the sentences holding any of the three rarest.
        rarest = sorted(rest, key=lambda t: (len(self._by_token.get(t, ())), t))[:3]
        candidates = sorted({i for t in rarest for i in self._by_token.get(t, [])[:_POSTINGS]})
        for index in candidates:
            entry = self._entries[index]
            if entry.words == own.words or not entry.years or year in entry.years:
                continue
            other = entry.words - entry.years - _VAGUE
            shared = len(rest & other)
            # One name may be told by one source only ("from the Ostrian garrison"); a name
            # for a name is another fact ("a treaty with Dravia" / "a treaty with Vestia").
            if (
                shared >= _SAME_FACT_WORDS
                and shared >= _SAME_FACT * min(len(rest), len(other))
                and len(own.names ^ entry.names) <= 1
                and _figures(rest) == _figures(other)
            ):
                return min(entry.years), f"{entry.source[0]}:{entry.source[1]}"
        return None


_UNNAMED_PAIR = re.compile(r"^(?:Both|The two) (?:countries|nations|states|governments)\b")
_DATE_WORDS = frozenset(
    "both january february march april may june july august september october november december".split()
)
_SIGNED = re.compile(r"\bsign(?:ed|ing)\b", re.IGNORECASE)
_IN_FORCE = re.compile(
    r"\b(?:entry into force|entered into force|came into force|comes into force|into effect|took effect|"
    r"effective)\b",
    re.IGNORECASE,
)
_SUPERLATIVES = (
    "longest largest biggest highest tallest deepest oldest busiest smallest shortest widest "
    "heaviest greatest richest poorest fastest earliest"
)
_RANK = re.compile(
    r"\b(?:(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ]"
    r"|(?P<the>the )|(?<=its )|(?<=their ))"
    rf"(?P<superlative>{'|'.join(_SUPERLATIVES.split())})\s+(?P<noun>[a-z]+(?:\s+[a-z]+){{0,2}})",
    re.IGNORECASE,
)
_NOUN_END = frozenset("in of on to for by and or with from at that which than since as is was".split())


def ranks(text: str) -> list[tuple[str, tuple[str, str]]]:
    """The ranks a sentence gives: ("second", ("longest", "rail tunnel")) for "the
    second-longest rail tunnel"; "the longest underwater section" is ("first", ("longest",
    "unde section")): a qualifier is kept by its first four letters."""
    found = []
    for match in _RANK.finditer(text):
        words = []
        for word in match.group("noun").split():
            if word.lower() in _NOUN_END:
                break
            words.append(word.lower())
        if words:
            rank = (match.group("ordinal") or "first").lower()
            # "rail tunnel" and "railway tunnel" are one kind, "undersea tunnel" another
            kind = words[0][:4] if len(words) > 1 else ""
            found.append((rank, (match.group("superlative").lower(), f"{kind} {_stem(words[-1])}")))
    return found


def _figures(words: frozenset[str]) -> frozenset[str]:
    """Figures other than years must agree: "waived Section 4 … in 1995" and "… Section 5 … in
    1996" are two facts, not one told twice."""
    return frozenset(w for w in words if w[:1].isdigit())


def _names(text: str) -> frozenset[str]:
    """The capitalised words, a sentence's first too ("Dravian troops seized …")."""
    words = (fold(w).lower() for w in re.findall(r"\b[A-Z][\w-]+", text))
    return frozenset(w for w in words if w not in _STARTERS)


# Capitalised at a sentence's start, but no name.
_STARTERS = frozenset(
    "the a an in on at by after before during under since from with this that these those it its "
    "his her their there when while as following".split()
)


def _answer_tokens(draft: Draft) -> frozenset[str]:
    """What another sentence must hold to state the same answer: a date's year, a figure,
    a person's surname ("Mirziyoyev" for "Shavkat Mirziyoyev"), or a name's words."""
    answer = draft.answer_text or draft.answer_key
    years = ANY_YEAR.findall(answer)
    if years:
        return frozenset(years[-1:])
    if draft.tags[:1] == ("person",):
        surname = _WORD.findall(fold(answer).lower().split(" and ")[0])[-1:]
        return frozenset(_stem(w) for w in surname)
    tokens = _tokens(answer)
    return frozenset(t for t in tokens if t not in _VAGUE) or tokens


# ---- a fact stated once, with a weak sign ---------------------------------------------------

RETOLD = 3  # sentences naming a name for the document to be about it, in part


def retold_names(mentions_per_sentence: Iterable[list[Mention]]) -> set[str]:
    """Names the document comes back to (in RETOLD or more sentences): what it is about, in
    part. "Israel" and "Egypt" in an article on the Camp David Accords, "Pashinyan" in one on
    Armenia's politics; not a poet named once."""
    counts: Counter[str] = Counter()
    for mentions in mentions_per_sentence:
        counts.update({m.canonical for m in mentions if m.kind not in ("date", "year", "number")})
    return {name for name, n in counts.items() if n >= RETOLD}


ONCE_OFF_SUBJECT = "stated once and not about the article's subject"
ONCE_STATISTIC_DATE = "stated once and the date of a statistic, not of an event"


def once_reason(draft: Draft, stated: int, subjects: set[str], told: str = "") -> str | None:
    """Why a card stated by one sentence only is not made, if it also shows a weak sign:
    the year of a statistic ("a survey in 2014 found that 61% …"), or a sentence that names
    none of the article's subjects (its title's names and the names it keeps coming back to).
    Figures themselves are kept: a share or a sum stated once is often a key fact. `told` is
    the sentence as the card step read it, its referents named ("Under the agreement" →
    "Under the Camp David Accords")."""
    if stated > 1:
        return None
    kind = draft.tags[0] if draft.tags else ""
    if kind in ("year", "date") and _SHARE.search(draft.context):
        return ONCE_STATISTIC_DATE
    if subjects and not _names_subject(f"{draft.context} {draft.prompt} {told}", subjects):
        return ONCE_OFF_SUBJECT
    return None


def _names_subject(text: str, subjects: set[str]) -> bool:
    """Any distinctive word of any subject name: "Keystone Pipeline" names the article titled
    "Keystone XL pipeline", "Moldova" the one on the "Republic of Moldova"."""
    words = set(_WORD.findall(fold(text).lower()))
    return any(
        len(word) >= 4 and word not in _VAGUE and word not in _GENERIC and _said(word, words)
        for subject in subjects
        for word in _WORD.findall(fold(subject).lower())
    )


def _said(word: str, words: set[str]) -> bool:
    """The word, or a word made from it: "Azerbaijani parliament" names Azerbaijan."""
    return word in words or (len(word) >= 5 and any(w.startswith(word) for w in words))


# A subject's common head word names no subject by itself: "the Druzhba pipeline" is not
# about "the Keystone pipeline".
_GENERIC = frozenset(
    "pipeline treaty agreement accords accord peace relations republic canal system war "
    "conflict president prime minister kingdom".split()
)


# A share or a score: the sentence reports a statistic ("61% of …", "a score of 12/100").
_SHARE = re.compile(r"%|\bper ?cent\b|\d/\d", re.I)
