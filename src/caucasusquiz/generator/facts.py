"""Facts: the sentences worth teaching, each standing alone, with provenance and mentions.

A sentence becomes a fact when it is intact (`damage`), in the author's neutral voice,
not a bare quotation, and stands alone. One that leans on the sentence before it ("The
ban made Azerbaijan the only exception …") is shown together with that sentence, when
both fit on a card; otherwise it is rejected as "needs context".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from caucasusquiz.generator.clean import Block
from caucasusquiz.generator.damage import damage
from caucasusquiz.generator.documents import Document
from caucasusquiz.generator.entities import Mention, canonical_of, find_mentions, fold, known_entity
from caucasusquiz.generator.referents import (
    counts_later,
    names_a_kind,
    with_paragraph_names,
    with_time_counted,
    with_title,
)
from caucasusquiz.generator.rewrite import (
    first_person,
    is_quotation,
    leans_on_context,
    normalise,
    standalone,
)
from caucasusquiz.generator.sentences import split_sentences

MAX_PROMPT = 385  # the deck checker warns above 400; a cloze adds braces and a hint
MAX_SENTENCE = 385
_LOOK_BACK = 2000  # characters of a paragraph searched for what "the island" names


@dataclass(slots=True)
class Sentence:
    doc: Document
    line: int
    text: str  # normalised: what `context` shows
    prompt: str  # standalone: what a card asks
    reason: str | None = None  # why it is not taught, if it is not


@dataclass(slots=True)
class Fact:
    doc: Document
    line: int
    prompt: str  # the text a card is built from (may start with the sentence before)
    context: str  # the cleaned source sentence(s), shown after answering
    lead: int  # offset in `prompt` where the taught sentence starts
    mentions: list[Mention] = field(default_factory=list)

    @property
    def source(self) -> str:
        return f"{self.doc.name}:{self.line}"

    @property
    def key(self) -> str:
        """The identity of the fact: its taught sentence, folded (spelling variants aside)."""
        return fold(self.prompt[self.lead :])


def sentences_of(blocks: list[Block], country: str | None, title: str = "") -> list[list[Sentence]]:
    """Every sentence of every paragraph, rejected ones included (the report counts them)."""
    paragraphs: list[list[Sentence]] = []
    for block in blocks:
        spans = split_sentences(block.text)
        sentences: list[Sentence] = []
        previous_span = None
        for span in spans:
            raw = block.text[span.start : span.end]
            text = normalise(raw)
            reason = damage(raw, span)
            prompt = with_title(standalone(text, country), title) if title else standalone(text, country)
            # "the island" the paragraph so far names, "a few decades later" the sentence before
            # dates: the text is sliced only for a sentence that needs it, and the look back is
            # bounded, so generation stays linear.
            if names_a_kind(prompt):
                earlier = block.text[max(0, span.start - _LOOK_BACK) : span.start]
                prompt = with_paragraph_names(prompt, earlier)
            if previous_span is not None and counts_later(prompt):
                prompt = with_time_counted(prompt, block.text[previous_span.start : previous_span.end])
            previous_span = span
            if len(prompt) > MAX_SENTENCE:
                prompt = _fronted_tail(prompt) or prompt
            if reason is None:
                reason = _voice(prompt)
            sentences.append(Sentence(block.doc, block.line_at(span.start), text, prompt, reason))
        paragraphs.append(sentences)
    return paragraphs


# Two sentences run together by the scrape: "… thanked X for their contribution to the
# process in exchange for providing Azerbaijan with maps of 97,000 mines, 15 detained
# Armenians were handed over …" — the second starts at the fronted "in exchange for".
_FRONTED = re.compile(
    r"\s(?P<tail>in (?:exchange|return) for (?:[^,]|,(?=\d{3})){5,150},\s+"
    r"[^,]{3,80}?\s+(?:was|were)\s+[a-z]+ed\b.*)$"
)


def _fronted_tail(prompt: str) -> str | None:
    """The last sentence of a run-on, when it opens with a fronted "in exchange for …, S was …"."""
    found = _FRONTED.search(prompt)
    if found is None:
        return None
    tail = found.group("tail")
    return tail[:1].upper() + tail[1:] if len(tail) <= MAX_SENTENCE else None


def _voice(prompt: str) -> str | None:
    letters = [c for c in prompt if c.isalpha()]
    if letters and sum(c.isascii() or "À" <= c <= "ɏ" for c in letters) < 0.6 * len(letters):
        return "another script or language"
    if is_quotation(prompt):
        return "quotation without speaker"
    if first_person(prompt):
        return "first person / opinion"
    if len(prompt) > MAX_SENTENCE:
        return "too long for a card"
    return None


def facts_of(paragraphs: list[list[Sentence]]) -> list[Fact]:
    """The facts of one document's paragraphs, in order."""
    facts: list[Fact] = []
    # The last sentence naming a law or treaty: "waived the section" at the start of a
    # paragraph (or after a rejected sentence) is named from it, or makes no card.
    last_named: tuple[str, str] | None = None
    for sentences in paragraphs:
        # What the previous sentence reads as on its own (itself, or itself with the one
        # before it), so that a chain "… letters. These letters … They …" can be followed.
        previous_prompt: str | None = None
        previous_context = ""
        for sentence in sentences:
            if (
                (previous_prompt is None or not _NAMED_THING.search(previous_prompt))
                and last_named is not None
                and _NAMED_THING_REFERENT.search(sentence.prompt)
            ):
                previous_prompt, previous_context = last_named
            prompt, context, lead = _standalone(sentence, previous_prompt, previous_context)
            if prompt is None:
                previous_prompt = None
                continue
            previous_prompt, previous_context = prompt, context
            own = sentence.prompt if sentence.reason is None else ""
            if _NAMED_THING.search(own) and len(own) <= MAX_PROMPT // 2:
                last_named = (own, sentence.text)
            if sentence.reason is None:
                facts.append(_fact(sentence, prompt, context, lead))
    return facts


_NAMED_THING = re.compile(
    r"\b(?:Section \d+|(?:[A-Z][\w'’-]*\s+){1,5}"
    r"(?:Act|Treaty|Agreement|Charter|Accords?|Protocol|Amendment)"
    r"|(?:Treaty|Agreement|Convention|Peace) of [A-Z][\w'’-]*)\b"
)
# Only these referents are looked for further back than the sentence before.
_NAMED_THING_REFERENT = re.compile(
    r"\b(?:the|this|that) (?:section|act|amendment|treaty|charter|accords?|protocol)\b"
)

# "this year" is relative time, resolved (or refused) by `timeline`, not a referent.
_THIS_TIME = re.compile(r"\b(?:[Tt]his|[Tt]hat) (?:year|month|week|spring|summer|autumn|fall|winter)\b")


# "earlier that year": the year is the one the sentence before names (`referents`).
_THAT_YEAR = re.compile(r"\b(?:(?:earlier|later) that year|that (?:same )?year|the same year)\b")


def _standalone(
    sentence: Sentence, previous: str | None, previous_context: str
) -> tuple[str | None, str, int]:
    """The sentence as it can be shown alone (and where in it the taught sentence starts),
    or None (and a reason) when it cannot."""
    if sentence.reason not in (None, "no informative span"):
        return None, "", 0
    that_year = previous is not None and _THAT_YEAR.search(sentence.prompt)
    leans = leans_on_context(_THIS_TIME.sub("", sentence.prompt)) or _unnamed_referent(sentence.prompt)
    if not that_year and not leans:
        return sentence.prompt, sentence.text, 0
    head = _first_clause_alone(sentence.prompt) or _last_clause_alone(sentence.prompt)
    if head is not None and not that_year:
        # "On 27 March 2006, Armenia signed a Millennium Challenge Compact …; the agreement
        # entered into force …": the first clause stands alone, the second leans.
        return head, sentence.text, 0
    # Shown after the sentence it leans on, it keeps its connective ("And he reiterated …").
    if previous is None or len(previous) + 1 + len(sentence.text) > MAX_PROMPT:
        if sentence.reason is None:
            sentence.reason = "needs context"
        return None, "", 0
    return f"{previous} {sentence.text}", f"{previous_context} {sentence.text}", len(previous) + 1


# Where an independent second clause begins: "; ", ", while ", ", whereas ".
_SECOND_CLAUSE = re.compile(r";\s+|,\s+(?:while|whereas)\s+")


def _first_clause_alone(prompt: str) -> str | None:
    """The sentence's first clause, when it stands alone and the rest is what leans."""
    cut = _SECOND_CLAUSE.search(prompt)
    if cut is None or prompt[: cut.start()].count("(") != prompt[: cut.start()].count(")"):
        return None
    head = prompt[: cut.start()].rstrip(",") + "."
    if len(head.split()) < 6 or leans_on_context(_THIS_TIME.sub("", head)) or _unnamed_referent(head):
        return None
    return head


# "Azerbaijanis consider this legislation unfair as, during the same period of time, Armenian
# forces took control of …": the clause after ", as" is a fact of its own.
_REASON_CLAUSE = re.compile(r",?\s+as,?\s+(?:(?:during|in|at|over)\s[^,]{3,40},\s+)?(?=[A-Z])")


def _last_clause_alone(prompt: str) -> str | None:
    """The clause after ", as" (its opening time phrase dropped), when it stands alone and
    what leans is the clause before it."""
    cut = _REASON_CLAUSE.search(prompt)
    if cut is None:
        return None
    tail = prompt[cut.end() :]
    if len(tail.split()) < 6 or leans_on_context(_THIS_TIME.sub("", tail)) or _unnamed_referent(tail):
        return None
    return tail


def _unnamed_referent(text: str) -> bool:
    """ "waived the section in January 2002": "the section" with no section named before it
    in the sentence ("the conflict" after "… the Karabakh conflict …" is named)."""
    for match in _REFERENT.finditer(text):
        noun = match.group(1).lower()
        if noun[:5] not in text[: match.start()].lower():
            return True
    return False


# "waived the section in January 2002": a law the sentence before names ("the meeting in
# Paris" is told by its own words, and left to `leans_on_context`).
_REFERENT = re.compile(
    r"\b(?:the|this|that|these|those) (section|ban|legislation|law|act|amendment|treaty|agreement|waiver)\b"
    r"(?! of\b| between\b)"
)


def _fact(sentence: Sentence, prompt: str, context: str, lead: int) -> Fact:
    # Mentions are found later, once repeats are gone (`with_mentions`): a repeated
    # paragraph costs its splitting, not its analysis.
    return Fact(sentence.doc, sentence.line, prompt, context, lead)


def with_mentions(facts: list[Fact]) -> list[Fact]:
    for fact in facts:
        fact.mentions = find_mentions(fact.prompt)
    return facts


_RELATIONS_WITH = re.compile(
    r"\b(?i:our country(?:'s)? (?:relations?|ties|partnership|cooperation) with (?:the )?)"
    r"([A-Z][\w.]*(?: [A-Z][\w.]*)*)"
)


def our_country(blocks: list[Block]) -> str | None:
    """Which country a document means by "our country", when the document itself says.

    Only when it writes of "our country's relations with X" do we know "our" is not X;
    then it is the other country the document names most (at least three times).
    Otherwise sentences saying "our country" are rejected as first-person.
    """
    others = {
        canonical_of(m.group(1))
        for block in blocks
        for m in _RELATIONS_WITH.finditer(block.text.replace("’", "'"))
    }
    if not others:
        return None
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    # Block by block: mentions are resolved within a paragraph, never over the whole text.
    unique = {block.text: block for block in blocks}  # a repeated paragraph is counted once
    for mention in (m for text in unique for m in find_mentions(text)):
        if mention.kind == "place" and mention.group == "country" and mention.canonical not in others:
            counts[mention.canonical] += 1
            names.setdefault(mention.canonical, mention.text)
    if not counts:
        return None
    best = max(sorted(counts), key=lambda name: counts[name])
    known = known_entity(names[best])
    return (known.name if known else names[best]) if counts[best] >= 3 else None
