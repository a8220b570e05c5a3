"""More 'what' and 'why' questions: aims, rights granted, reasons given, ranks, lists, firsts.

Each shape is narrow on purpose: a question is made only when the sentence says the
fact in a form whose parse is safe, and it is asked when the sentence has no date, number
or name a card would ask instead (a teacher asks "What was the Georgia Train and Equip
Program intended to do?" of a sentence with nothing else to ask).

- Aim: "<the X>, which aims to …", "<the X>, intended to …" → "What was <the X> intended to do?"
- Right granted: "… passed <the X>, granting the President the right to …" → "What right did
  <the X> grant the President?"
- Reason given: "<S> opposed <X>, viewing it as …" → "Why did <S> oppose <X>?"
- Rank: "<Name> is the second longest oil pipeline in the world" → a cloze of the rank.
- Counted list: "<Name> outlined three main areas of interest: a, b, and c" → "What three main
  areas of interest did <Name> outline?"; "<Name> is comprised of four working groups: …".
- First: "<S> were among the first to enter …" → "Who were among the first to enter …?"
- Advice: "President Wilson advised them to develop a confederation …" → "What did President
  Wilson advise the Azerbaijani delegates to do?" ("them": the sentence's plural subject).
- Who, by a plural title: "<the X>, introduced in April 2019 by Representatives A and B, …" →
  "Which two Representatives introduced <the X>?" (either order accepted).
- Rights given: "Azerbaijan provided overflight, refueling, and landing rights for U.S. and
  coalition aircraft" → "What rights did Azerbaijan provide for U.S. and coalition aircraft?".
- A first or an only: "In 1991, Lapland was the first country to recognise Vestia's
  independence" → "Which country was the first to recognise Vestia's independence in 1991?".
- A programme: "… Azerbaijan's active participation in the NATO's Partnership for Peace
  program …" → "In which NATO programme does Azerbaijan take part?".
- Which places: "<S> took part in missions in Iraq and Kosovo" → "In which two countries did <S>
  take part in missions?" (any order accepted).

The answer of a question is a phrase, shown and self-rated, so it is kept short.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from caucasusquiz.generator.damage import SMALL_NUMBERS
from caucasusquiz.generator.dates import ANY_YEAR, MONTH, YEAR
from caucasusquiz.generator.questions import common_opening, is_past_verb, lemma

MAX_ANSWER_WORDS = 14
MAX_ANSWER_CHARS = 60  # the deck checker warns of a longer typed answer
MAX_QUESTION_WORDS = 22
MAX_LIST_QUESTION_WORDS = 26  # the list's other items are the cue, and they take words


@dataclass(frozen=True, slots=True)
class Facet:
    """A question and its shown answer, or (with `cloze`) a sentence with one blank."""

    question: str
    answer: str
    cloze: str = ""  # the full text with the answer in {{…}}, for a cloze card
    tag: str = "cause-or-definition"
    items: tuple[str, ...] = ()  # a list answer's items, any order accepted


def facet(sentence: str, *, preferred: bool = False) -> Facet | None:
    """The first shape the sentence has, or None.

    `preferred`: only the shapes that teach more than any name the sentence holds (what a
    law granted, what a programme was for, why a law was opposed, a counted list), asked
    before its names:
    "After the September 11 attacks, Congress passed X, granting …" is about X's grant."""
    # A counted list is the sentence's point ("Burns outlined three main areas: …"): asked
    # before who said it.
    shapes: tuple[Callable[[str], Facet | None], ...] = (
        granted_right,
        aim,
        reason_given,
        purpose,
        exchanged,
        counted_list,
    )
    if not preferred:
        shapes += (
            ranked,
            among_first,
            agent,
            place_list,
            advice,
            by_people,
            participation,
            rights_given,
            first_one,
            fought_over,
            treaty_term,
        )
    for shape in shapes:
        found = shape(sentence)
        if found is not None:
            return found
    return None


# ---- helpers ------------------------------------------------------------------------------

_ARTICLE = re.compile(r"(?:^|\s)(?:[Tt]he|an?|An?)\s+(?=\S)")
_PRONOUNS = frozenset("he she it they this that these those its their his her we our them".split())
_VERBISH = re.compile(r"^(?:is|are|was|were|has|have|had|be|been|will|would|can|could|may|might)$")


def _noun_phrase_before(text: str) -> str | None:
    """The named noun phrase that ends `text`: "… have signed an Memorandum of Understanding
    on energy" → "the Memorandum of Understanding on energy" (from its last article), or a
    whole capitalised opening with no verb in it."""
    text = text.rstrip()
    starts = [m.end() for m in _ARTICLE.finditer(text)]
    phrase = text[starts[-1] :] if starts else text
    words = phrase.split()
    if not 2 <= len(words) <= 12 or not words[0][:1].isupper():
        return None
    if any(_VERBISH.match(w) or is_past_verb(w) or w.endswith(",") for w in words):
        return None
    if words[0].lower() in _PRONOUNS:
        return None
    return "the " + phrase if starts or not phrase.startswith(("The ", "the ")) else _lower(phrase)


def _lower(text: str) -> str:
    return "the " + text[4:] if text.startswith("The ") else text


def _short(answer: str, limit: int = MAX_ANSWER_WORDS) -> bool:
    words = answer.split()
    return 2 <= len(words) <= limit and len(answer) <= MAX_ANSWER_CHARS


def _trim(answer: str) -> str:
    """A phrase up to its first aside: ", including …", " — …", "(…)"."""
    answer = re.split(r",\s|\s[—–]\s|\s\(|;", answer)[0]
    return answer.strip().rstrip(".,")


# "to enhance X and stimulate Y": "and" before a verb (not before "the", "its", a name).
_SECOND_VERB = re.compile(
    r"\s+(?:and|to)\s+(?!(?:the|a|an|its|their|his|her|other|all|[a-z]+'s)\b)(?=[a-z]+\s)"
)


def _one_of_a_series(what: str) -> bool:
    """ "to control floods, store water …, and generate power": the first of a listed series of
    aims, which `_trim` would keep alone; any one is a right answer the card would mark wrong."""
    head, comma, rest = what.partition(", ")
    # "…, and yearly visits by …" after the aim is the sentence going on, not a second aim.
    series = re.match(r"(?!and\b|or\b)[a-z][^;]*?(?:,\s*|\s)(?:and|or)\s+[a-z]", rest)
    return bool(comma) and series is not None and len(head.split()) <= 8


def _first_of_two(what: str) -> str:
    """The first of two purposes, when both are too long to type: "enhance X and stimulate Y"."""
    return _SECOND_VERB.split(what)[0]


def _ask(question: str, limit: int = MAX_QUESTION_WORDS) -> str | None:
    question = re.sub(r"\s+", " ", question).strip()
    question = question[:1].upper() + question[1:]
    return question if len(question.split()) <= limit else None


# ---- what a war or a dispute was over ----------------------------------------------------

_FOUGHT_OVER = re.compile(
    r"^(?P<subject>The\s+(?:[A-Z][\w'’-]*\s+){1,4}(?:War|Conflict|Dispute|War of [A-Z][\w'’-]*))\s+"
    r"(?:\([^()]*\)\s+)?(?P<be>was|were)\s+(?:(?P<part>fought|waged)\s+)?"
    r"(?:between\s+(?P<sides>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*\s+and\s+(?:the\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)(?:\s+in\s+\d{4})?\s+)?over\s+(?P<what>[^;]+?)\.?$"
)


def fought_over(sentence: str) -> Facet | None:
    """("Over what was the Lake War fought between Vestia and Lapland?", "control of the Penn
    Islands") for "The Lake War was (fought) between Vestia and Lapland over control of …":
    what a war was about is its cause."""
    match = _FOUGHT_OVER.match(sentence)
    if match is None:
        return None
    what = _trim(match.group("what"))
    if not _short(what, 10) or re.match(r"(?:it|them|this|that|these)\b", what):
        return None
    if re.match(r",\s+(?:and\s+)?(?:the\s+)?[A-Z]", match.group("what")[len(what) :]):
        return None  # "… over the Falkland Islands, South Georgia, and …": one item of a list
    if match.group("part") is None and match.group("sides") is None:
        return None  # "The war was over by June": not what it was about
    subject = "the " + match.group("subject")[4:]
    between = f" between {match.group('sides')}" if match.group("sides") else ""
    asked = _ask(f"Over what {match.group('be')} {subject} fought{between}?")
    return Facet(asked, what) if asked else None


# ---- what one party gave or got under a treaty --------------------------------------------

_TERMS = {
    "ceded": "cede",
    "gave up": "give up",
    "renounced": "renounce",
    "recognized": "recognize",
    "recognised": "recognise",
    "received": "receive",
    "gained": "gain",
    "returned": "return",
    "acquired": "acquire",
}
_TREATY_TERM = re.compile(
    r"^(?P<link>Under|In|By)\s+(?P<treaty>the\s+(?:[A-Z][\w'’-]*\s+)*(?:Treaty|Agreement|Accords?|Convention|Peace)"
    r"(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)(?:\s+\([^()]*\))?,\s+"
    r"(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?P<verb>" + "|".join(_TERMS) + r")\s+"
    r"(?P<what>(?!(?:it|them|this|that|these|those)\b)[^,;]+?)"
    r"(?:\s+to\s+(?P<to>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}))?(?=\s+and\s|[,;]|\.?$)"
)


def treaty_term(sentence: str) -> Facet | None:
    """("Under the Treaty of Penn, what did Lapland cede to Vestia?", "the province of Brinn")
    for "Under the Treaty of Penn, Lapland ceded the province of Brinn to Vestia and …": what
    a treaty made a party give or get is its point."""
    match = _TREATY_TERM.match(sentence)
    if match is None:
        return None
    what = match.group("what").strip()
    if not _short(what, 10) or " and " in what:
        return None  # two things given: either alone would be marked wrong
    to = f" to {match.group('to')}" if match.group("to") else ""
    base = _TERMS[match.group("verb")]
    asked = _ask(f"{match.group('link')} {match.group('treaty')}, what did {match.group('who')} {base}{to}?")
    return Facet(asked, what) if asked else None


# ---- a named list of what one party got under the treaty an article is about --------------

# "Peace of Westphalia", "Treaty of Kars": an article on one settlement.
_TREATY_TITLE = re.compile(r"^(?:The\s+)?(?:Peace|Treaty) of [A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?$")
_LISTED_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_TERMS_LIST = re.compile(
    r"^(?!(?:The|A|An|In|On|Under|By|After|Before|It|They)\b)"
    r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?P<verb>gained|received|acquired|ceded)\s+"
    rf"the\s+(?P<noun>[a-z]+s)\s+of\s+(?P<items>{_LISTED_NAME}(?:,\s+{_LISTED_NAME}){{0,2}},?\s+and\s+{_LISTED_NAME})"
    r"(?=,|\.?$)"
)


def terms_list(sentence: str, title: str) -> Facet | None:
    """("Under the Peace of Westphalia, which three bishoprics did France gain?", "Metz, Toul and
    Verdun") for "France gained the bishoprics of Metz, Toul and Verdun, and most of Alsace." in
    the article on that peace: the named places a party got are the terms a teacher asks.

    Only in an article titled by one treaty or peace, for an undated sentence (a dated gain
    may be another settlement's), and only the list the sentence names by its kind."""
    if not _TREATY_TITLE.match(title.strip()) or ANY_YEAR.search(sentence):
        return None
    match = _TERMS_LIST.match(sentence)
    if match is None:
        return None
    items = tuple(
        p.strip() for p in re.split(r",\s+(?:and\s+)?|,?\s+and\s+", match.group("items")) if p.strip()
    )
    if not 2 <= len(items) <= 4:
        return None
    name = title.strip()
    name = name if name.startswith("The ") else "the " + name
    count = SMALL_NUMBERS[len(items)]
    base = _TERMS[match.group("verb")]
    asked = _ask(f"Under {name}, which {count} {match.group('noun')} did {match.group('who')} {base}?")
    answer = match.group("items")
    if asked is None or len(answer) > MAX_ANSWER_CHARS:
        return None
    return Facet(asked, answer, tag="place", items=items)


# ---- aim ----------------------------------------------------------------------------------

_AIM = re.compile(
    r",\s+(?:(?:which|that)\s+(?P<verb>aims|aimed|seeks|sought|is intended|was intended|"
    r"is designed|was designed)|(?P<part>intended|designed|meant))\s+to\s+(?P<what>[a-z][^;:()\"]+)"
)


# "The Nord Stream 2 gas pipeline is intended to transport natural gas from Russia to Europe".
_INTENDED = re.compile(
    r"^(?P<subject>(?:The\s+)?[A-Z][^,;()]{2,80}?)\s+(?P<be>is|was)\s+(?P<part>intended|designed|meant)\s+"
    r"to\s+(?P<what>[a-z][^;:()\"]+)"
)


def aim(sentence: str) -> Facet | None:
    """("What was <the X> intended to do?", "to …") for a named thing and its stated aim."""
    match = _AIM.search(sentence)
    if match is None:
        return _intended(sentence)
    name = _noun_phrase_before(sentence[: match.start()])
    if _one_of_a_series(match.group("what")):
        return None
    what = _trim(match.group("what"))
    if re.match(r"[a-z]+(?:ing|tion|ment|ness)\b", what):
        return None  # "opened to shipping", "sent to negotiation": a destination, not an aim
    if len("to " + what) > MAX_ANSWER_CHARS and _first_of_two(what) != what:
        # "to enhance X and stimulate Y", "to enhance X to assess Y": two aims too long to
        # type, and either one alone is a right answer the card would mark wrong: not asked.
        return None
    if name is None or not any(w[:1].isupper() for w in name.split()[1:]) or not _short(what):
        return None
    verb = match.group("verb") or ""
    if verb in ("aims", "seeks"):
        question = f"What does {name} aim to do?"
    elif verb in ("aimed", "sought"):
        question = f"What did {name} aim to do?"
    elif verb.startswith("is "):
        question = f"What is {name} {verb[3:]} to do?"
    else:
        question = f"What was {name} {verb[4:] if verb else match.group('part')} to do?"
    asked = _ask(question)
    return Facet(asked, "to " + what) if asked else None


def _intended(sentence: str) -> Facet | None:
    """("What is <the X> intended to do?", "to …") for "<Named X> is intended to …"."""
    match = _INTENDED.match(sentence)
    if match is None:
        return None
    subject = match.group("subject")
    if not any(w[:1].isupper() for w in subject.split()[1:]) or subject.split()[0].lower() in _PRONOUNS:
        return None  # "The plan is intended to …": which plan, the sentence before says
    if _one_of_a_series(match.group("what")):
        return None
    what = _trim(match.group("what"))
    if re.match(r"[a-z]+(?:ing|tion|ment|ness)\b", what) or not _short("to " + what, 10):
        return None
    if len("to " + what) > MAX_ANSWER_CHARS and _first_of_two(what) != what:
        return None
    asked = _ask(f"What {match.group('be')} {_lower(subject)} {match.group('part')} to do?")
    return Facet(asked, "to " + what) if asked else None


# ---- a right granted ---------------------------------------------------------------------

_GRANTING = re.compile(
    r",\s+(?:granting|giving)\s+(?P<who>(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s+"
    r"(?P<what>the (?:right|power|authority) to [^,;]+?)\s*(?:[,;]|\.?$)"
)


def granted_right(sentence: str) -> Facet | None:
    """("What right did <the X> grant the President?", "the right to …")."""
    match = _GRANTING.search(sentence)
    if match is None:
        return None
    # The thing that granted it is the object of the last past-tense verb before the comma.
    words = sentence[: match.start()].split()
    verb_at = next((i for i in range(len(words) - 1, -1, -1) if is_past_verb(words[i])), None)
    if verb_at is None:
        return None
    thing = " ".join(words[verb_at + 1 :])
    if not 2 <= len(thing.split()) <= 10 or not re.search(r"[A-Z\d]", thing) or "," in thing:
        return None
    if thing.split()[0].lower() in _PRONOUNS:
        return None
    if not thing.startswith(("the ", "The ")) and thing[:1].islower():
        thing = "the " + thing
    who = match.group("who")
    if who.split()[0] in ("President", "Congress", "Secretary", "Parliament") and not who.startswith("the "):
        who = "the " + who
    what = match.group("what")
    if not _short(what):
        return None
    asked = _ask(f"What {what.split()[1]} did {_lower(thing)} grant {who}?")
    return Facet(asked, what) if asked else None


# ---- a reason given ----------------------------------------------------------------------

# Words that open a subject without being a name: lower-cased inside a question.
_COMMON_OPENERS = frozenset("The Consecutive Successive Several Many Both All Most Some Former".split())
_VIEWING = re.compile(
    r"^(?P<subject>[A-Z][^;]{2,90}?)\s+(?P<verb>opposed|supported|backed|rejected|criticized|"
    r"criticised|welcomed|condemned|endorsed)\s+(?P<object>(?:the\s+)?[A-Z][^,;]{2,50}),\s+"
    r"(?:viewing|seeing|regarding|considering)\s+(?:it|them)\s+as\s+(?P<why>[^;]+?)\.?$"
)


def reason_given(sentence: str) -> Facet | None:
    """("Why did <S> oppose <X>?", "an impediment to …") for "<S> opposed <X>, viewing it as …"."""
    match = _VIEWING.match(sentence)
    if match is None:
        return None
    subject = match.group("subject")
    if subject.split()[0].lower() in _PRONOUNS:
        return None
    why = match.group("why").strip()
    if not _short(why):
        # "an impediment to … and an obstacle to …": two reasons too long to type, and
        # either alone is a right answer the card would mark wrong: not asked.
        return None
    base = lemma(match.group("verb"))
    if subject.split()[0] in _COMMON_OPENERS:
        subject = subject[:1].lower() + subject[1:]
    subject = common_opening(subject)
    if base is None:
        return None
    # The answer is what they saw it as ("an impediment to …"): the reason, in the source's words.
    asked = _ask(f"Why did {subject} {base} {match.group('object')}?")
    return Facet(asked, why) if asked else None


# ---- rank ---------------------------------------------------------------------------------

_RANK = re.compile(
    r"^(?:[A-Z][^,;]{2,60},\s+(?=[A-Z]))?"  # "One of the key U.S. allies in Eastern Europe, Georgia was …"
    r"(?P<subject>(?:The\s+)?[A-Z][^,;]{2,60}?)\s+(?P<be>is|was|remains|became)\s+the\s+"
    r"(?P<rank>second|third|fourth|fifth)(?P<join>[- ])(?P<superlative>[a-z]+est|most [a-z]+)\s+"
    r"(?P<rest>[a-z][^,;()]{2,80}?)\s*(?:[,;]|\s+and\s+the\s|\.?$)"
)


def ranked(sentence: str) -> Facet | None:
    """A cloze of the rank: "The X pipeline is the {{second}} longest oil pipeline in the world."."""
    match = _RANK.match(sentence)
    if match is None or match.group("subject").split()[0].lower() in _PRONOUNS:
        return None
    words = match.group("subject").split()
    unnamed = words[0] == "The" and not any(w[:1].isupper() for w in words[1:])
    if len(words) > 8 or unnamed:
        return None  # "The interconnector is the second largest …": which one, the sentence before says
    rank = match.group("rank")
    text = (
        f"{match.group('subject')} {match.group('be')} the {{{{{rank}::rank}}}}"
        f"{match.group('join')}{match.group('superlative')} {match.group('rest')}."
    )
    if len(text.split()) > 22:
        return None
    return Facet("", rank, cloze=text, tag="rank")


# ---- a counted list -----------------------------------------------------------------------

_COUNTS = "two|three|four|five|six|seven"
_LISTED = re.compile(
    rf"(?P<subject>(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,4}}[A-Z][\w.'’-]*)\s+(?P<verb>[a-z]+)\s+"
    rf"(?P<count>{_COUNTS})\s+(?P<noun>[a-z][^:;,]{{2,120}}):\s+(?P<items>[^:;]+?(?:;[^:;]+?){{0,4}})\.?$"
)
_COMPRISED = re.compile(
    rf"^(?P<subject>(?:The\s+)?[A-Z][^,:;]{{2,70}}?)\s+(?P<be>is|was|are|were)\s+"
    rf"(?:comprised|composed|made up)\s+of\s+(?P<count>{_COUNTS})\s+(?P<noun>[a-z][^:;,]{{2,80}}):\s+"
    r"(?P<items>.+?)\.?$"
)
_WHEN = re.compile(rf"\b(?:[Ii]n|[Oo]n)\s+(?:{MONTH}\s+)?(?:\d{{1,2}},?\s+)?{YEAR}\b")


def counted_list(sentence: str) -> Facet | None:
    """("What three main areas of interest did <Name> outline?", "a, b, and c"); a list too
    long to type is asked by its last item: "<Name> outlined three areas: a, b, and what?"."""
    comprised = _COMPRISED.match(sentence)
    if comprised is not None:
        subject = _lower(comprised.group("subject"))
        noun = _short_noun(comprised.group("noun"))
        count, be = comprised.group("count"), comprised.group("be")
        opening = f"{comprised.group('subject')} {be} made up of {count} {noun}"
        whole = f"Which {comprised.group('count')} {noun} {comprised.group('be')} {subject} made up of?"
        return _listed(comprised.group("items").strip(), comprised.group("count"), whole, opening)
    match = _LISTED.search(sentence)
    if match is None or not is_past_verb(match.group("verb")):
        return None
    base = lemma(match.group("verb"))
    subject = _named_subject(sentence, match.start("verb"), match.group("subject"))
    if base is None or subject.split()[0].lower() in _PRONOUNS:
        return None
    when = _WHEN.search(sentence[: match.start()])
    tail = f" {when.group(0)[:1].lower()}{when.group(0)[1:]}" if when else ""
    noun = _short_noun(match.group("noun"))
    whole = f"What {match.group('count')} {noun} did {_lower(subject)} {base}{tail}?"
    opening = f"{subject} {match.group('verb')} {match.group('count')} {noun}{tail}"
    return _listed(match.group("items").strip(), match.group("count"), whole, opening)


def _listed(items: str, count: str, whole: str, opening: str) -> Facet | None:
    parts = _items(items)
    if len(parts) != _NUMBER_OF[count]:
        return None
    if len(items) <= MAX_ANSWER_CHARS and len(items.split()) <= MAX_ANSWER_WORDS:
        asked = _ask(whole)
        if asked:
            return Facet(asked, items)
    separator = "; " if ";" in items else ", "
    last = re.sub(r"^(?:and|or)\s+", "", parts[-1]).strip()
    if not _short(last, 8):
        return None
    shown = separator.join(p.strip() for p in parts[:-1])
    asked = _ask(f"{opening}: {shown}{separator.rstrip()} and what?", MAX_LIST_QUESTION_WORDS)
    return Facet(asked, last) if asked else None


def _named_subject(sentence: str, verb_at: int, fallback: str) -> str:
    """Who did it: the person named right before the verb ("… Political Affairs William J.
    Burns outlined" → "William J. Burns"), else the capitalised words before it."""
    from caucasusquiz.generator.entities import find_mentions  # entities → questions, not back

    for mention in find_mentions(sentence[:verb_at]):
        if mention.kind in ("person", "organisation") and sentence[mention.end : verb_at].strip() == "":
            return mention.text
    return fallback


def _short_noun(noun: str) -> str:
    """ "main areas of interest for the United States in its bilateral relations with X":
    the head and its first 'of' phrase carry the question."""
    cut = re.search(r"\s+(?:in|for|with|on|identified|that|which)\s", noun)
    return noun[: cut.start()] if cut else noun


_NUMBER_OF = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _items(items: str) -> list[str]:
    """The items of a list: split at semicolons when it has any ("economic, trade, and
    energy issues" is one item), else at commas and a final "and"."""
    if ";" in items:
        return [p.strip() for p in items.split(";") if p.strip()]
    parts = [p.strip() for p in re.split(r",\s*", items) if p.strip()]
    if len(parts) == 1:
        parts = [p.strip() for p in re.split(r"\s+and\s+", items) if p.strip()]
    return parts


# ---- among the first ---------------------------------------------------------------------

_FIRST = re.compile(
    r"^(?P<subject>[A-Z][^,;]{2,40}?)(?P<along>,\s+along with [^,;]{3,40},)?\s+(?P<be>was|were)\s+"
    r"(?P<among>among\s+|one of\s+)?the first\s+to\s+(?P<what>[a-z][^;]+?)\.?$"
)


def among_first(sentence: str) -> Facet | None:
    """("Who were among the first to enter …?", "U.S. companies, along with those of Europe")."""
    match = _FIRST.match(sentence)
    if match is None or match.group("subject").split()[0].lower() in _PRONOUNS:
        return None
    answer = match.group("subject") + (match.group("along") or "").rstrip(",")
    if len(answer.split()) > 8:
        return None
    what = match.group("what")
    if not re.search(r"\b[A-Z]", what):
        return None  # "to protest the closure": which closure, the sentence before says
    asked = _ask(f"Who {match.group('be')} {match.group('among') or ''}the first to {what}?")
    return Facet(asked, answer) if asked else None


# ---- purpose of an act told in the passive -----------------------------------------------

_PASSIVE_ACT = (
    "held|established|created|founded|set up|launched|convened|formed|signed|built|introduced|"
    "adopted|passed|opened|organized|organised|deployed|sent|constructed"
)
_PURPOSE = re.compile(
    rf"^(?P<subject>(?:The|A|An)\s+[^,;]{{3,70}}?)\s+(?P<be>was|were)\s+(?P<part>{_PASSIVE_ACT})"
    r"(?P<rest>(?:[^,;]|,\s+(?=\d{4})){0,80}?),?\s+(?:in order\s+)?to\s+"
    r"(?!(?:the|a|an|its|their|his|her|this|that|these|those|be|[A-Z])\b)(?P<what>[a-z][^;]+?)\.?$"
)


_PLACE_ONLY = re.compile(r"\s*(?:in|at|near)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s*")


def purpose(sentence: str) -> Facet | None:
    """("Why was a conference held in Kars in 1921?", "to clarify …") for "<S> was <done>
    …, to <purpose>": the purpose of an act is its point."""
    match = _PURPOSE.match(sentence)
    if match is None:
        return None
    what = _trim(match.group("what"))
    if re.match(r"[a-z]+(?:ing|tion|ment|ness)\b", what):
        return None  # "opened to shipping", "sent to negotiation": a destination, not an aim
    if len("to " + what) > MAX_ANSWER_CHARS and _first_of_two(what) != what:
        return None  # two purposes too long to type: either alone would be marked wrong
    if not _short("to " + what, 10):
        return None
    subject, rest = match.group("subject"), match.group("rest")
    named = any(w[:1].isupper() for w in subject.split()[1:])
    if not named and not (re.search(r"\b[A-Z]", rest) and re.search(rf"\b{YEAR}\b", rest)):
        return None  # "The troops were sent …": which troops, when, the sentence before says
    if named and _PLACE_ONLY.fullmatch(rest):
        # "The X was signed in Paris to end the war": the purpose is why it was signed, not why
        # in Paris; "Why was X signed in Paris?" would ask what the answer does not say.
        rest = ""
    subject = subject[:1].lower() + subject[1:]
    asked = _ask(
        " ".join(f"Why {match.group('be')} {subject} {match.group('part')} {rest.strip()}".split()) + "?"
    )
    return Facet(asked, "to " + what) if asked else None


# ---- who did it, told in the passive -----------------------------------------------------

_ACTIVE = {
    "owned": ("owns", "owned"),
    "operated": ("operates", "operated"),
    "run": ("runs", "ran"),
    "led": ("leads", "led"),
    "headed": ("heads", "headed"),
    "chaired": ("chairs", "chaired"),
    "built": ("builds", "built"),
    "founded": ("founds", "founded"),
    "financed": ("finances", "financed"),
    "funded": ("funds", "funded"),
    "managed": ("manages", "managed"),
    "designed": ("designs", "designed"),
    "constructed": ("constructs", "constructed"),
    "drafted": ("drafts", "drafted"),
    "sponsored": ("sponsors", "sponsored"),
    "brokered": ("brokers", "brokered"),
    "mediated": ("mediates", "mediated"),
    "provided": ("provides", "provided"),
}
_AGENT = re.compile(
    rf"^(?P<subject>(?:The\s+)?[A-Z][^,;()]{{2,70}}?)\s+(?P<be>is|are|was|were)\s+(?:\w+ly\s+)?"
    rf"(?P<part>{'|'.join(_ACTIVE)})\s+by\s+(?P<agent>[^,;()]+?)(?:\s+\(|,|;|\.?$)"
)


def agent(sentence: str) -> Facet | None:
    """("Who owns the X pipeline?", "a consortium … led by BP") for "<Named S> is owned by …"."""
    match = _AGENT.match(sentence)
    if match is None:
        return None
    subject = match.group("subject")
    if len(subject.split()) > 9 or not any(w[:1].isupper() for w in subject.split()[1:] or [""]):
        return None  # "The construction": no name, and the sentence before says which
    if re.search(r"\s(?:and|or|but)$|\$|\d", subject):
        return None  # "The X pipeline cost $3.2 billion and was financed by …": a second act
    if subject.split()[0].lower() in _PRONOUNS:
        return None
    answer = match.group("agent").strip()
    if not (1 <= len(answer.split()) <= 10) or len(answer) > MAX_ANSWER_CHARS:
        return None
    present, past = _ACTIVE[match.group("part")]
    verb = present if match.group("be") == "is" else past
    if match.group("be") == "are":
        return None  # "are owned by": a plural present needs another verb form
    asked = _ask(f"Who {verb} {_lower(subject)}?")
    return Facet(asked, answer) if asked else None


# ---- which places, listed ------------------------------------------------------------------

_PLACE = r"(?!(?:The|A|An|In|On|And|But)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_SUBORDINATE = "while|as|because|which|who|when|after|before|although|whereas"
_PLACE_LIST = re.compile(
    rf"\s(?P<prep>in|between|to|through|from|with)\s+(?P<items>{_PLACE}(?:,\s+{_PLACE}){{0,2}},?\s+and\s+{_PLACE})"
    rf"(?P<tail>(?:\s+(?!{_SUBORDINATE}\b)(?:[a-z][\w-]*|\d{{4}})){{0,4}})\s*(?:[.;]|,\s|\s(?:{_SUBORDINATE})\b|$)"
)
_NOT_A_PLACE = re.compile(
    r"\b(?:Act|Agreement|Treaty|Group|Committee|Council|Organization|Ministry|Department|War|Party|"
    r"Company|Corporation|Bank|University|Pipeline|Program|Programme|Affairs|Relations)\b"
)
_COUNT_WORDS = {n: SMALL_NUMBERS[n] for n in (2, 3, 4)}
_AUXILIARIES = frozenset("has have had is are was were".split())


def place_list(sentence: str) -> Facet | None:
    """("In which two countries did Azerbaijan take part in peacekeeping missions?",
    "Iraq and Kosovo") for a clause ending on a list of places after a preposition."""
    from caucasusquiz.generator.entities import find_mentions  # entities → questions, not back

    match = _PLACE_LIST.search(sentence)
    if match is None or _NOT_A_PLACE.search(match.group("items")):
        return None
    items = [p.strip() for p in re.split(r",\s+(?:and\s+)?|,?\s+and\s+", match.group("items")) if p.strip()]
    if not 2 <= len(items) <= 4:
        return None
    # The clause before the list: "<Subject> [aux] <verb> <rest>", after any opening phrase.
    head = sentence[: match.start()]
    opening = re.match(r"^(?:[A-Z][a-z]+ly|[A-Z][^,]{0,60}),\s+", head)
    if opening and not re.search(r"\b(?:has|have|had|is|are|was|were|[a-z]+ed)\b", opening.group()):
        head = head[opening.end() :]
    words = head.split()
    verb_at = next((i for i, w in enumerate(words[:8]) if i and (is_past_verb(w) or w in _AUXILIARIES)), None)
    if verb_at is None or any("," in w for w in words):
        return None
    subject_words = words[:verb_at]
    if not subject_words[0][:1].isupper() or subject_words[0].lower() in _PRONOUNS:
        return None
    if not any(w[:1].isupper() for w in subject_words[1:]) and subject_words[0] in _COMMON_OPENERS:
        return None  # "The talks were held in …": which talks, the sentence before says
    rest = words[verb_at + 1 :]
    verb = words[verb_at]
    if verb in _AUXILIARIES:
        if not rest or not (is_past_verb(rest[0]) or rest[0].endswith("ing")):
            return None
        aux, main = verb, rest[0]
        rest = rest[1:]
    else:
        base = lemma(verb)
        if base is None:
            return None
        aux, main = "did", base
    known = {m.text: m for m in find_mentions(match.group("items"))}
    if all(item in known and known[item].kind == "place" for item in items):
        groups = {known[item].group for item in items}
        noun = (
            {"country": "countries", "city": "cities"}.get(groups.pop(), "places")
            if len(groups) == 1
            else "places"
        )
    else:
        noun = "places"
    subject = " ".join(subject_words)
    if subject_words[0] in _COMMON_OPENERS:
        subject = subject[:1].lower() + subject[1:]
    tail = match.group("tail").strip()
    prep = match.group("prep")
    question = (
        f"{prep.title()} which {_COUNT_WORDS[len(items)]} {noun} {aux} {subject} {main} {' '.join(rest)}"
    )
    asked = _ask(f"{question.rstrip()} {tail}?".replace(" ?", "?"))
    answer = match.group("items")
    if not asked or len(answer) > MAX_ANSWER_CHARS:
        return None
    return Facet(asked, answer, tag="place", items=tuple(items))


# ---- advice given ------------------------------------------------------------------------

_ADVICE = re.compile(
    r"(?P<who>(?:President|Secretary|Senator|Ambassador|Prime Minister|Minister|General)\s+"
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})\s+(?P<verb>advised|urged|encouraged|pressed|asked)\s+"
    r"(?P<whom>them|(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)\s+to\s+(?P<what>[a-z][^;]+?)\.?$"
)
# "Azerbaijani delegates were unimpressed …, as … Wilson advised them to …": "them" is the
# sentence's own plural subject.
_PLURAL_SUBJECT = re.compile(r"^(?P<np>(?:The\s+)?[A-Z][\w'’-]*(?:\s+[a-z]+)?s)\s+(?:were|had|[a-z]+ed)\b")
_QUALIFIER = re.compile(
    r"\s+(?:on the basis of|in the framework of|as part of|in order to|so that|with the aim of)\b"
)


def advice(sentence: str) -> Facet | None:
    """("What did President Wilson advise the Azerbaijani delegates to do?", "to develop …")."""
    match = _ADVICE.search(sentence)
    if match is None:
        return None
    whom = match.group("whom")
    if whom == "them":
        plural = _PLURAL_SUBJECT.match(sentence)
        if plural is None:
            return None
        whom = plural.group("np")
        whom = "the " + whom if not whom.startswith("The ") else "the " + whom[4:]
    what = _QUALIFIER.split(_trim(match.group("what")))[0]
    if len("to " + what) > MAX_ANSWER_CHARS and _first_of_two(what) != what:
        return None  # two purposes too long to type: either alone would be marked wrong
    if not _short("to " + what, 10):
        return None
    base = lemma(match.group("verb"))
    when = _WHEN.search(sentence)
    if when is None:
        return None  # advice is given on many occasions: without its year, which one?
    tail = f" {when.group(0)[:1].lower()}{when.group(0)[1:]}"
    asked = _ask(f"What did {match.group('who')} {base} {whom} to do{tail}?")
    return Facet(asked, "to " + what) if asked and base else None


# ---- a fronted price -----------------------------------------------------------------------

_EXCHANGED = re.compile(
    r"^(?P<link>In (?:exchange|return) for)\s+(?P<what>(?:[^,]|,(?=\d{3})){5,150}),\s+"
    r"(?P<subject>[^,]{3,60}?)\s+"
    r"(?P<be>was|were)\s+(?P<part>[a-z]+ed)\b(?P<rest>[^,;]{0,50}?)(?=\s+(?:on|at|with|in|by)\s|[,;.]|$)"
)


def exchanged(sentence: str) -> Facet | None:
    """("In exchange for what were 15 detained Armenians handed over to Armenia?", "maps of
    97,000 … mines") for "In exchange for <X>, <S> were <done> …"."""
    match = _EXCHANGED.match(sentence)
    if match is None:
        return None
    what = re.sub(r"^providing\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+with\s+", "", match.group("what"))
    what = re.split(r"\s+in the\s+|\s+from the\s+", what)[0]
    if not _short(what):
        return None
    subject = match.group("subject")
    if subject.split()[0].lower() in _PRONOUNS:
        return None
    if subject.split()[0] in _COMMON_OPENERS:
        subject = subject[:1].lower() + subject[1:]
    link = match.group("link")
    asked = _ask(f"{link} what {match.group('be')} {subject} {match.group('part')}{match.group('rest')}?")
    return Facet(asked, what) if asked else None


# ---- who, by a plural title ----------------------------------------------------------------

_BY_PEOPLE = re.compile(
    r"^(?P<thing>(?:The\s+)?[A-Z][^,()]{3,80}?)(?:\s+\([^)]*\))?,\s+"
    r"(?P<part>introduced|sponsored|drafted|proposed|negotiated|signed)"
    r"(?:\s+in\s+(?P<when>[A-Z][a-z]+,?(?:\s+\d{4})?))?,?\s+by\s+"
    r"(?P<title>Representatives|Senators|Congressmen|Congresswomen|Ministers|Foreign Ministers)\s+"
    r"(?P<one>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})(?:\s+\([^)]*\))?\s+and\s+"
    r"(?P<two>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})\b"
)


def by_people(sentence: str) -> Facet | None:
    """("Which two Representatives introduced the Armenian Genocide Resolution?", "Adam Schiff
    and Gus Bilirakis") for "<Named X>, introduced in April 2019 by Representatives A and B, …"."""
    match = _BY_PEOPLE.match(sentence)
    if match is None:
        return None
    thing = _lower(match.group("thing"))
    if not any(w[:1].isupper() for w in thing.split()[1:]):
        return None
    one, two = match.group("one"), match.group("two")
    # A resolution or bill is brought again in later sessions: its year says which one.
    year = re.search(r"\d{4}", match.group("when") or "")
    when = f" in {year.group()}" if year else ""
    asked = _ask(f"Which two {match.group('title')} {match.group('part')} {thing}{when}?")
    answer = f"{one} and {two}"
    if not asked or len(answer) > MAX_ANSWER_CHARS:
        return None
    return Facet(asked, answer, tag="person", items=(one, two))


# ---- a programme a country takes part in ---------------------------------------------------

_PARTICIPATION = re.compile(
    r"\b(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)['’]s\s+(?:active\s+|full\s+)?participation\s+in\s+"
    r"(?:the\s+)?(?P<org>[A-Z][A-Za-z]{1,10})['’]s\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:for|of|and|[A-Z][\w'’-]*)){1,5})"
    r"(?:\s+(?:program|programme|initiative))?"
)


def participation(sentence: str) -> Facet | None:
    """("In which NATO programme does Azerbaijan take part?", "Partnership for Peace") for
    "… including Azerbaijan's active participation in the NATO's Partnership for Peace program …"."""
    match = _PARTICIPATION.search(sentence)
    if match is None:
        return None
    name = match.group("name")
    if name.split()[-1] in ("for", "of", "and"):
        return None
    asked = _ask(f"In which {match.group('org')} programme does {match.group('who')} take part?")
    return Facet(asked, name) if asked else None


# ---- rights given ----------------------------------------------------------------------------

_RIGHTS = re.compile(
    r"(?:^|,\s+)(?P<subject>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s+(?P<verb>provided|granted|gave|offered)\s+"
    r"(?P<rights>[a-z]+(?:,\s+[a-z]+)*,?\s+and\s+[a-z]+\s+rights)\s+(?P<prep>for|to)\s+(?P<whom>[^,;]{3,50}?)"
    r"(?=\s+(?:bound|heading|flying|in|on|during)\b|[,;]|\.?$)"
)


def rights_given(sentence: str) -> Facet | None:
    """("What rights did Azerbaijan provide for U.S. and coalition aircraft?", "overflight,
    refueling, and landing rights")."""
    match = _RIGHTS.search(sentence)
    if match is None or match.group("subject").lower() in _PRONOUNS:
        return None
    base = lemma(match.group("verb"))
    answer = match.group("rights")
    asked = _ask(
        f"What rights did {match.group('subject')} {base} {match.group('prep')} {match.group('whom')}?"
    )
    if not asked or base is None or len(answer) > MAX_ANSWER_CHARS:
        return None
    return Facet(asked, answer)


# ---- the first or only one ---------------------------------------------------------------------

_FIRST_ONE = re.compile(
    rf"^(?:In\s+(?:[A-Z][a-z]+\s+)?(?P<year>{YEAR}),\s+)?"
    r"(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?P<be>was|became|is)\s+the\s+"
    r"(?P<which>first|only)\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s+(?P<to>to|not to)\s+(?P<what>[a-z][^,;]+?)\.?$"
)


def first_one(sentence: str) -> Facet | None:
    """("Which country was the first to recognise Vestia's independence?", "Lapland") for
    "<Name> was the first <noun> to …" — a first or an only, asked by who it was."""
    match = _FIRST_ONE.match(sentence)
    if match is None:
        return None
    noun = match.group("noun").split()[-1]
    if noun in ("time", "times", "one", "step", "steps") or len(match.group("what").split()) > 12:
        return None
    who = match.group("who")
    if who.split()[0].lower() in _PRONOUNS or (who.split()[0] in _COMMON_OPENERS and len(who.split()) == 1):
        return None
    year = f" in {match.group('year')}" if match.group("year") else ""
    be = "was" if match.group("be") in ("was", "became") else "is"
    which, to, what = match.group("which"), match.group("to"), match.group("what")
    asked = _ask(f"Which {match.group('noun')} {be} the {which} {to} {what}{year}?")
    return Facet(asked, who) if asked else None
