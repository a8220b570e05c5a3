"""What "he", "the ban" and "that year" point to, taken from the sentence before, or nothing.

A card stands alone, so a sentence leaning on the one before it is rewritten with the
referent named — only when the sentence before names exactly one candidate: one person
for "He"/"She", one law, treaty or pipeline for "The ban"/"The treaty", one year for
"that year". Otherwise the sentence makes no card ("needs context").
"""

from __future__ import annotations

import re

from caucasusquiz.generator.english import same_thing
from caucasusquiz.generator.entities import YEAR_PATTERN, Mention, find_mentions, known_entity
from caucasusquiz.generator.rewrite import INTRO, leans_on_context

_PRONOUN = re.compile(rf"^(?P<intro>{INTRO}(?=he\b|she\b))?(?:He|She|he|she)\s+(?=[a-z])")

# "It is estimated that …", "It was not until 1995 that …": no thing at all.
_EXPLETIVE = (
    r"(?:is|was)\s+(?:not\s+until|\w+ly\s+)?(?:estimated|said|believed|reported|thought|expected|"
    r"known that|likely|unlikely|possible|clear|unclear|important|hoped|agreed|decided|feared|claimed|"
    r"argued|true|the first time)\b"
)
_IT_VERBS = rf"(?!{_EXPLETIVE})(?:is|was|has|had|became|remains|runs|passes|connects|links|[a-z]+ed)\b"
# "It is the second longest canal …" after "The Ossel Canal is owned by …": the named thing
# the sentence before is about (its subject: "The" and capitalised words, then a verb).
_IT = re.compile(rf"^It\s+(?={_IT_VERBS})")
# "In 1978, it invaded …", "Before 1918 it was known as …": the clause's subject is "it",
# after a phrase that only dates or places it.
_INTRO_IT = re.compile(rf"^(?P<intro>{INTRO})it\s+(?={_IT_VERBS})")
# "Its surface width is …": the thing's own property.
_ITS = re.compile(r"^Its\s+(?=[a-z])")
_NAMED_SUBJECT = re.compile(
    r"^(?P<name>The\s+(?:[A-Z][\w'’–-]*\s+){1,5}(?:[A-Z][\w'’–-]*|canal|pipeline|treaty|agreement|"
    r"railway|bridge|dam|corridor|programme|program|commission|act|charter))\s+(?:\([^)]*\)\s+)?"
    r"(?:is|was|has|had|became|remains|runs|[a-z]+ed|[a-z]+s)\b"
)
# "Vietnam was reunified …", "Kiel Canal (German: …), a German waterway …": a name opening
# the sentence as its subject, with no article.
_PROPER_SUBJECT = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’–-]*\s+){0,4}[A-Z][\w'’–-]*)\s*(?:\([^)]*\)\s*)?"
    r"(?:,\s+(?:an?|the)\s|(?:is|was|has|had|became|remains|[a-z]+ed)\b)"
)
_NOT_SUBJECTS = frozenset(
    "In On At By After Before During Since Until From For With Following According Under Over "
    "It Its He She They This These Those That There Here A An As When While If".split()
)
_THE_THING = re.compile(
    r"^The (ban|section|act|law|amendment|agreement|treaty|charter|accords?|protocol|pipeline|"
    r"corridor|railway|programme|program|initiative|waiver|embargo|sanctions|deal)\b"
)
_THING_KINDS = {"act", "project"}
# "waived the section", "resolve the conflict", "this legislation": named inside the sentence.
_INNER_THING = re.compile(
    r"\b(the|this|that) (section|ban|legislation|law|act|amendment|treaty|agreement|waiver|"
    r"conflict|war|dispute)\b(?! of\b| between\b| over\b)"
)
_NAMED_CONFLICT = re.compile(r"\b([A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)*) ([Cc]onflict|[Ww]ar|[Dd]ispute)\b")
_THAT_YEAR = re.compile(r"\b(?:(earlier|later) that year|that (?:same )?year|the same year)\b")


def resolved(sentence: str, previous: str) -> str | None:
    """`sentence` with its referents named from `previous`, or None when it still leans."""
    before = find_mentions(previous)
    pronoun = _PRONOUN.match(sentence)
    if pronoun:
        people = {m.canonical: m for m in before if m.kind == "person"}
        if len(people) != 1:
            return None
        (person,) = people.values()
        sentence = (pronoun.group("intro") or "") + _name(person) + " " + sentence[pronoun.end() :]
    it = _IT.match(sentence) or _INTRO_IT.match(sentence) or _ITS.match(sentence)
    if it:
        subject = _subject_of(previous, before)
        if subject is None:
            return None
        intro = it.groupdict().get("intro") or ""
        if it.re is _ITS:
            subject += "'s"
        elif intro:
            subject = subject[:1].lower() + subject[1:] if subject.startswith("The ") else subject
        sentence = intro + subject + " " + sentence[it.end() :]
    thing = _THE_THING.match(sentence)
    if thing:
        things = [m for m in before if m.kind in _THING_KINDS]
        if not things:
            return None
        name = things[0]  # "Section 907 of the Freedom Support Act … The ban": the first named
        named_thing = _with_article(_name(name))
        sentence = named_thing[:1].upper() + named_thing[1:] + sentence[thing.end() :]
    for _ in range(2):
        inner = _INNER_THING.search(sentence)
        if inner is None:
            break
        noun = inner.group(2).lower()
        if noun == "waiver":
            sentence = sentence[: inner.start()] + "the waiver" + sentence[inner.end() :]
            continue
        if noun in ("conflict", "war", "dispute"):
            events = {m.group(0) for m in _NAMED_CONFLICT.finditer(previous) if m.group(2).lower() == noun}
            if len(events) != 1:
                return None
            named = "the " + events.pop()
        else:
            candidates = [m for m in before if m.kind in _THING_KINDS]
            if not candidates:
                return None
            named = _with_article(candidates[0].text)  # "Section 907 of …": the first named
        sentence = sentence[: inner.start()] + named + sentence[inner.end() :]
    that_year = _THAT_YEAR.search(sentence)
    if that_year:
        years = YEAR_PATTERN.findall(previous)
        if len(set(years)) != 1:
            return None
        # "earlier in 2011" would lean on the event the card does not show: the year alone.
        sentence = sentence[: that_year.start()] + f"in {years[0]}" + sentence[that_year.end() :]
        sentence = re.sub(r"\bin in\b", "in", sentence)
    if leans_on_context(sentence):
        return None
    return sentence


def _subject_of(previous: str, mentions: list[Mention]) -> str | None:
    """The named thing the sentence before is about (its subject), or None: "it" then
    points nowhere a card can say."""
    named = _NAMED_SUBJECT.match(previous)
    if named is not None:
        return named.group("name")
    proper = _PROPER_SUBJECT.match(previous)
    if proper is None or proper.group("name").split()[0] in _NOT_SUBJECTS:
        return None
    name = proper.group("name")
    if any(m.kind == "person" and m.start < len(name) for m in mentions):
        return None  # "it" is never a person
    if name.split()[-1].lower() in _THING_NOUNS:
        return "The " + name  # "Kiel Canal, a German waterway …" → "The Kiel Canal"
    return name


def _with_article(name: str) -> str:
    """ "the Treaty of Lindau", "the Freedom Support Act"; "Section 907" takes none."""
    if re.match(r"(?:the|The|Section|Article)\b|\d", name):
        return name
    return "the " + name


def _name(mention: Mention) -> str:
    known = known_entity(mention.text)
    return known.name if known is not None and mention.kind == "person" else mention.text


# "Peace of Westphalia", "The Peace of Prague": a peace settlement, made of treaties.
_PEACE_TITLE = re.compile(r"^(?:The\s+)?Peace of [A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")
_THE_TREATIES = re.compile(r"^The (?:peace )?treaties(?= [a-z]+ed\b)")
_THING_NOUNS = frozenset(
    "treaty agreement convention charter accord accords protocol pact pipeline corridor railway "
    "canal bridge dam tunnel waterway port harbour harbor highway road railroad "
    "war conflict act law programme program initiative company commission organization "
    "organisation alliance bank fund project summit conference".split()
)


# A document with a text of its own.
_WRITTEN = frozenset("treaty agreement convention charter accord accords protocol pact act".split())


# "Norway–Chile relations": the two countries a relations article is about.
_RELATIONS_TITLE = re.compile(
    r"^(?P<one>[A-Z][\w'’. ]{1,30}?)\s*[–—-]\s*(?P<two>[A-Z][\w'’. ]{1,30}?)\s+relations$", re.IGNORECASE
)
_INNER_BOTH = re.compile(r"(?<=, )(?:both countries|the two countries|both nations|the two nations)\b")
_BOTH = re.compile(
    r"^(?:Both countries|The two countries|Both states|The two states|Both nations|The two nations)\b"
)


def with_title(sentence: str, title: str) -> str:
    """ "The treaty …" / "Under the treaty, …" in a document titled "Treaty of Lindholm": named.

    Only a noun the title itself holds as a word is replaced, so an article about a
    treaty names its treaty and nothing else changes. "Both countries …" opening a
    sentence of an article titled "Norway–Chile relations" is "Norway and Chile …".
    """
    pair = _RELATIONS_TITLE.match(title.strip())
    both = _BOTH.match(sentence)
    if pair and both:
        return f"{pair.group('one').strip()} and {pair.group('two').strip()}{sentence[both.end() :]}"
    if pair:
        one, two = pair.group("one").strip(), pair.group("two").strip()
        inner = _INNER_BOTH.search(sentence)
        if inner is not None:
            # "…, in August 1995, both countries upgraded their offices": the two of the title.
            parties = " and ".join(("the " + p) if _THE_STATE.match(p) else p for p in (one, two))
            return sentence[: inner.start()] + parties + sentence[inner.end() :]
        return _with_parties(sentence, one, two)
    peace = _PEACE_TITLE.match(title.strip())
    treaties = _THE_TREATIES.match(sentence)
    if peace and treaties and title.lower() not in sentence.lower():
        # "The treaties ended …" in the article on the Peace of Westphalia: a peace named "Peace
        # of X" is its treaties ("the collective name for two peace treaties").
        article = "" if title.startswith("The ") else "The "
        return f"{article}{title.strip()}{sentence[treaties.end() :]}"
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", title)} & _THING_NOUNS
    if not words or len(title.split()) > 8 or title.lower() in sentence.lower():
        return sentence  # "The treaty was confirmed by the Treaty of Kars": another treaty
    # "The conflict …" in the article on a war, "These accords …" in the one on an agreement.
    synonyms = {other for word in words for other in (*same_thing(word), *_ALSO_CALLED.get(word, ()))} - words
    words |= synonyms
    article = "" if re.match(r"^(?:The|A|An)\b", title) else "the "
    acts = "|".join(act for word in sorted(words) for act in _ACTS.get(word, ()))
    if (
        re.match(r"^It (?:is|was|has|had|remains|became)\b", sentence)
        and re.search(rf"\b(?:{'|'.join(sorted(words))})\b", sentence[3:])
    ) or (acts and re.match(rf"^It (?:{acts})\b", sentence)):
        # "It is the second-longest oil pipeline …" in the article on a pipeline.
        text = article + title
        return text[:1].upper() + text[1:] + sentence[2:]
    own = "|".join(sorted(words - synonyms))
    # Another word is the title's thing only where nothing says which one ("the conflict in
    # Ukraine", "the accord with Chile" are others).
    other = "|".join(sorted(synonyms)) or "(?!)"
    building = _BUILDING.match(sentence)
    if building is not None and words & _BUILT:
        # "Construction began on 12 April 2006" in the article on a pipeline: of the pipeline.
        return f"{building.group(1)} of {article}{title}{sentence[building.end(1) :]}"
    if words & _WRITTEN and title.lower() not in sentence.lower():
        # "translated the text into Māori" in the article on a treaty: that treaty's text.
        named = re.sub(r"^The\b", "the", article + title)
        sentence = re.sub(r"\b([Tt])he text\b(?!\s+of\b)", rf"\1he text of {named}", sentence, count=1)
    talks = _TALKS.match(sentence)
    if talks is not None and words & _NEGOTIATED:
        # "Negotiations began in Penn on 1 July 1878" in the article on a treaty: on that treaty.
        return f"{talks.group(1)} on {article}{title}{sentence[talks.end(1) :]}"
    pattern = re.compile(
        rf"\b([Tt]he|^These|^This) (?P<mods>(?:{_GENERIC_MODIFIER}\s+){{0,3}})"
        rf"(?:(?:{own})\b(?! of\b)|(?<= )(?:{other})\b"
        r"(?!\s+(?:of|in|between|over|with|against|that|which|on)\b))"
    )

    def name(match: re.Match[str]) -> str:
        if match.group("mods") and not re.search(rf"\b(?:{own})$", match.group()):
            return match.group()  # "the official agreement" in the article on accords: maybe another
        # "the 1,300 km pipeline": its length stays; "the crude oil pipeline": the name says it.
        size = " ".join(re.findall(_SIZE, match.group("mods")))
        text = article + (f"{size} " if size and article else "") + title
        return text[:1].upper() + text[1:] if match.start() == 0 else text

    return pattern.sub(name, sentence, count=1)


# Words that say no more than the title's noun does: "the crude oil pipeline", "the final peace
# treaty", "the formal agreement", "the 1,300 km pipeline" in the article on one.
_SIZE = r"\d[\d,.]*[ -](?:km|kilometres?|kilometers?|miles?)(?:-long)?"
_GENERIC_MODIFIER = (
    rf"(?:{_SIZE}|crude|oil|gas|natural|export|final|formal|official|actual|entire|whole|peace|main)"
)
# What only the kind of thing a title names does: "It was signed …" in the article on a treaty
# is the treaty, "It runs from …" in the one on a pipeline is the pipeline.
_SIGNED = (
    "was signed",
    "was ratified",
    "was concluded",
    "was initialed",
    "was initialled",
    "entered into force",
)
_ACTS = {
    "war": ("was fought", "was waged", "began", "broke out", "lasted"),
    "conflict": ("was fought", "began", "broke out", "lasted"),
    "treaty": _SIGNED,
    "agreement": _SIGNED,
    "accords": _SIGNED,
    "accord": _SIGNED,
    "convention": _SIGNED,
    "pipeline": (
        "has a capacity",
        "has a length",
        "runs",
        "carries",
        "connects",
        "links",
        "is owned",
        "is operated",
        "was built",
        "was completed",
    ),
}

_BUILT = frozenset(
    {"pipeline", "corridor", "railway", "project", "canal", "bridge", "dam", "tunnel", "railroad", "highway"}
)
_BUILDING = re.compile(
    r"^(Construction|Work|Building)(?=\s+(?:began|started|resumed|was completed|ended|was halted)\b)"
)

_NEGOTIATED = frozenset(
    {"treaty", "agreement", "accord", "accords", "convention", "pact", "charter", "protocol"}
)
_TALKS = re.compile(
    r"^(Negotiations|Talks)(?=\s+(?:began|started|opened|resumed|ended|were held|took place)\b)"
)

# Another word a document uses for the thing its title names (besides `english.same_thing`).
_ALSO_CALLED = {"pipeline": ("project",)}

# "A bilateral investment treaty was signed …" in the article on two countries: between whom?
_PACT = re.compile(
    r"^(?:(?:In|On|By|During)\s+[^,]{3,30},\s+)?(?P<head>(?:[Aa]n?|[Aa]nother)\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?:treaty|agreement|accord|convention|memorandum|compact|protocol|pact|charter|deal))\b"
    r"(?!\s+(?:between|with|of|on the part)\b)"
)
# "The annual Bilateral Human Rights Dialogue resumed in 2006": bilateral, but whose?
_BILATERAL_NAME = re.compile(
    r"^(?:(?:In|On|By|During)\s+[^,]{3,30},\s+)?(?P<head>[Tt]he\s+(?:[a-z]+\s+)?[Bb]ilateral\s+"
    r"(?:[A-Z][\w’'-]*\s+){0,4}(?:Dialogue|Commission|Council|Forum|Talks|Consultations|Committee))\b"
    r"(?!\s+(?:between|with|of|on the part)\b)"
)
_RELATIONS = re.compile(
    r"^(?:(?:Trade|Bilateral|Diplomatic|Economic|Military|Political)\s+)?[Rr]elations\b(?!\s+(?:between|with)\b)"
)
# A ceasefire or a peace in a relations article is often with a third party: not named.
_NOT_BILATERAL = re.compile(
    r"\b(?:cease-?fire|peace|armistice|truce|multilateral|regional|international)\b", re.I
)
# "the United States": a state named by a common noun takes "the" in running English.
_THE_STATE = re.compile(r"^(?:United|Soviet|Russian Federation|European|Czech Republic|Netherlands)\b")


def _with_parties(sentence: str, one: str, two: str) -> str:
    """ "A trade agreement became effective in 1992" in "Norway–Chile relations": "A trade
    agreement between Norway and Chile …". Only when the sentence names neither party (an
    agreement of one party with a third names its own parties) and the agreement is the
    sentence's subject, at its start."""
    parties = " and ".join(("the " + p) if _THE_STATE.match(p) else p for p in (one, two))
    relations = _RELATIONS.match(sentence)
    if relations is not None:
        # "Relations cooled after 2005": whose? The two the article is about.
        return f"{sentence[: relations.end()]} between {parties}{sentence[relations.end() :]}"
    folded = sentence.lower()
    if one.lower() in folded or two.lower() in folded:
        return sentence
    found = _PACT.match(sentence) or _BILATERAL_NAME.match(sentence)
    if found is None or _NOT_BILATERAL.search(found.group("head")):
        return sentence
    return f"{sentence[: found.end()]} between {parties}{sentence[found.end() :]}"


# Kinds of place or work a paragraph names and then calls "the <kind>": "San Juan Island … the
# island", "the Ostrava Canal … the canal", "Lake Varn … the lake".
_PLACE_KINDS = (
    "island|canal|dam|lake|river|bay|strait|peninsula|valley|fort|colony|province|bridge|tunnel|"
    "railway|railroad|pipeline|company|reservoir"
)
_KIND_NAME = re.compile(
    rf"(?P<the>\b[Tt]he\s+)?(?P<name>(?:[A-Z][\w'’.-]*\s+){{1,4}}(?P<head>{_PLACE_KINDS.title()})"
    rf"(?![\w'’-])(?!\s+[A-Z])|(?:Lake|Fort)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?![\w'’-]))"
)
_BARE_KIND = re.compile(
    rf"\b(?P<the>[Tt]he)\s+(?P<kind>{_PLACE_KINDS})\b(?!['’]s\b)(?!\s+(?:of|between|at|in|on|from)\s+[A-Z])"
)
# Words that open a name but are no part of it: "In San Juan Island …", "The Ossel Canal".
_NOT_NAME_START = frozenset(
    "The A An In On At By Of For From To With After Before During Near Across Into Over And "
    "Both Thus However When While This That".split()
)


def names_a_kind(sentence: str) -> bool:
    """Does the sentence say "the island", "the canal" …, which its paragraph may name?"""
    return _BARE_KIND.search(sentence) is not None


def with_paragraph_names(sentence: str, before: str) -> str:
    """ "the island" named when the paragraph so far names exactly one island ("San Juan
    Island … sixty troops to the island" → "to San Juan Island"); with two ("Vancouver Island
    and Whidbey Island") or none, the sentence is left as it is, for the gate to refuse."""
    if not _BARE_KIND.search(sentence):
        return sentence
    named: dict[str, dict[str, bool]] = {}  # kind → name → written with "the"
    for found in _KIND_NAME.finditer(before + " " + sentence):
        name = found.group("name")
        words = name.split()
        while words and words[0] in _NOT_NAME_START:
            words.pop(0)
        if not words or (found.group("head") and len(words) < 2):
            continue
        kind = (found.group("head") or words[0]).lower()
        the = bool(found.group("the")) or name != " ".join(words)
        named.setdefault(kind, {}).setdefault(" ".join(words), the)
    pieces: list[str] = []
    at = 0
    for bare in _BARE_KIND.finditer(sentence):
        names = named.get(bare.group("kind").lower(), {})
        # A name given later in the same sentence is another thing ("the island, not Varn Island").
        earlier = {n: t for n, t in names.items() if n in before or n in sentence[: bare.start()]}
        if len(earlier) != 1:
            continue
        ((name, the),) = earlier.items()
        text = (bare.group("the") + " " + name) if the else name
        pieces.append(sentence[at : bare.start()] + text)
        at = bare.end()
    return "".join(pieces) + sentence[at:]


# "a few decades later", "two years later": counted from the date of the sentence before.
_LATER = re.compile(
    r"\b(?P<span>(?:a\s+few|several|many|some|a\s+couple\s+of|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\s+(?:days|weeks|months|years|decades|centuries)|(?:a|one)\s+(?:day|week|month|year|decade|century))"
    r"\s+later\b",
    re.IGNORECASE,
)
_COUNTED_FROM = re.compile(r"\b(?:after|following|when|once|since)\b", re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<![\d$/.,-])(1[0-9]\d\d|20\d\d)(?![\d/]|[-–]\d|\.\d|,\d|’?'?s\b)")


def counts_later(sentence: str) -> bool:
    """Does the sentence say "… later", which the sentence before may date?"""
    return _LATER.search(sentence) is not None


def with_time_counted(sentence: str, previous: str) -> str:
    """ "… divided a few decades later by …" after a sentence that names one year (1494): "…
    divided a few decades after 1494 by …". With no year before it in the sentence and none
    or several in the sentence before, it is left for the gate to refuse."""
    later = _LATER.search(sentence)
    if later is None or not re.search(r"(?:years?|decades?|century|centuries)$", later.group("span")):
        return sentence  # "two days later" is counted from a day, never from a year
    if _ANY_YEAR.search(sentence[: later.start()]) or _COUNTED_FROM.search(sentence[: later.start()]):
        return sentence  # "after Karimov's death and, a few years later, …": from the death
    years = set(_ANY_YEAR.findall(previous))
    if len(years) != 1:
        return sentence
    return f"{sentence[: later.start()]}{later.group('span')} after {years.pop()}{sentence[later.end() :]}"
