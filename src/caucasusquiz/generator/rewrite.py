"""Normalising a sentence and making it stand alone on a card.

Normalising: straight quotes and apostrophes (answers are typed), single spaces, wiki
''italics'' and [editorial brackets] unwrapped, source citations such as
"(Panarmenian.net, October 17, 2018)" removed. Diacritics in names are kept.

Standing alone: a card is read without its neighbours, so an opening connective
("However,", "In contrast,", "And") is dropped, and a sentence that still leans on
something outside it ("This …", "He …", "the meeting", "that year") is flagged: the
pipeline then shows it together with the sentence before it, or drops it.
"""

from __future__ import annotations

import re

from caucasusquiz.generator.dates import MONTH_NAMES
from caucasusquiz.generator.english import same_thing

_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "\u00a0": " ",
    }
)
_WIKI_ITALICS = re.compile(r"'{2,}")
_EDITORIAL = re.compile(r"\[([^\[\]]{1,80})\]")
# "(President.az, May 24)", "(see EDM, April 27, 2010)": where the sentence came from.
_SOURCE_CITATION = re.compile(
    r"\s*\((?:see\s[^()]*|[^()]*\b[\w-]+\.(?:az|net|gov|com|org|info|ru|am|ge|tr|uk|io|eu)\b"
    r"[^()]*)\)"
)
_SPACES = re.compile(r"\s+")
_SPACE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_DOUBLE_PUNCT = re.compile(r",\s*\.")

# Connectives that only make sense after the previous sentence: dropped. Most need their
# comma to be connectives at all ("So far, …" is not "So, …").
CONNECTIVES = (
    "however",
    "in contrast",
    "by contrast",
    "moreover",
    "in addition",
    "additionally",
    "furthermore",
    "consequently",
    "subsequently",
    "likewise",
    "specifically",
    "notably",
    "certainly",
    "of course",
    "in fact",
    "finally",
    "first",
    "second",
    "third",
    "fourth",
    "secondly",
    "thirdly",
    "firstly",
    "lastly",
    "indeed",
    "also",
    "for example",
    "for instance",
    "meanwhile",
    "therefore",
    "thus",
    "hence",
    "nevertheless",
    "nonetheless",
    "still",
    "yet",
    "besides",
    "similarly",
    "as a result",
    "in turn",
    "instead",
    "collectively",
    "overall",
    "anyway",
    "anyhow",
    "in this regard",
    "to this end",
    "at the same time",
    "so",
    "then",
    "in spite of this",
    "despite this",
    "as such",
    # a reason that points back ("For their efforts, X and Y shared the prize"): the fact
    # stands without it
    "for their efforts",
    "for his efforts",
    "for her efforts",
    "for this",
    "because of this",
    "as a result of this",
)
_CONNECTIVE = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(c) for c in sorted(CONNECTIVES, key=len, reverse=True))
    + r"),\s*|(?:and|but|and so|yet)\s+)",
    re.IGNORECASE,
)
_FILLER = re.compile(r"^it (?:should|must) be (?:especially |also )?noted (?:here )?that\s+", re.IGNORECASE)

# Openings that need their referent: "This importance…", "He…", "Such…", "The latter…".
# A phrase that only dates or places the clause after it: "In 1978, ", "Before 1918 ".
INTRO = (
    r"(?:In|By|Before|After|During|Until|Since|From|On|At|Following|Under|Throughout|Over)\b"
    r"[^,;]{1,50}?,?\s+"
)
# "In 1978, it invaded …": the clause's subject is a pronoun after such a phrase.
_INTRO_PRONOUN = re.compile(rf"^{INTRO}(?:it|its|they|their|he|she|his|her)\b")
_DEICTIC_START = re.compile(
    r"^(?:this|these|those|that|it|its|he|she|they|them|his|her|their|such|both|all this|"
    r"the latter|the former|there is|there are|here)\b",
    re.IGNORECASE,
)
# Anywhere: "this assistance", "that waiver", "the meeting", "earlier that year", "say so".
_DEMONSTRATIVE = re.compile(
    r"\b(?:this|these)\b"
    r"|\bthose\s+(?!of\b|who\b|that\b|which\b)[a-z]+\b(?!\s+(?:that|who|which)\b)"
    r"|\bthe (?-i:[A-Z][\w.]*) (?:leader|side)\b",  # "the US leader", "the Azerbaijani side"
    re.IGNORECASE,
)
_THAT_NOUN = re.compile(
    r"\bthat\s+(?:waiver|year|meeting|letter|visit|decision|policy|ban|statement|approach|"
    r"issue|process|section|legislation|agreement|trip|period|time)\b",
    re.IGNORECASE,
)
# A demonstrative in the first words is the subject leaning on the sentence before;
# later ("… continues to adhere to this position …") it usually points inside the sentence.
SUBJECT_WORDS = 8
_ANAPHORIC_NOUNS = (
    "ban",
    "meeting",
    "letter",
    "section",
    "visit",
    "legislation",
    "waiver",
    "statement",
    "conflict",
    "war",
    "dispute",
    "agreement",
    "treaty",
    "policy",
    "decision",
    "move",
    "trip",
    "speech",
    "talks",
    "report",
    "president",
    "country",
    "process",
    "issue",
    "matter",
    "approach",
)
# "granting the President the right to …": the office, not a person the sentence before named.
_DEFINITE = re.compile(
    r"\bthe\s+(" + "|".join(_ANAPHORIC_NOUNS) + r")\b(?!\s+(?:of|between|over|in|on|with|to|that|"
    r"which|who|the (?:right|power|authority))\b)",
    re.IGNORECASE,
)

_LEANING = re.compile(
    r"\b(?:say|do|did) so\b|\b(?:that|this|last|next) year\b|\bthe same period\b"
    r"|\bthe above\b",
    re.IGNORECASE,
)
# First person: the author's own voice, an opinion, or a country only the author knows.
_FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours|(?i:let's)|I|We|Our)\b")
_OUR_COUNTRY = re.compile(r"\bour country\b", re.IGNORECASE)
# "… stopped in Yerevan, where he stated, I think …": unquoted speech is cut off.
_UNQUOTED_SPEECH = re.compile(
    r",\s+(?:where|when|and)?\s*(?:he|she|they|[A-Z][a-z]+)\s+(?:stated|"
    r"said|declared|noted|added|remarked|wrote),\s+(?=(?:I|We|we|Our)\b)"
)
# A section heading glued onto the sentence: "U.S. Federal Grand Jury Probe On Jan 21, 2022, …".
_GLUED_HEADING = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){2,6}(?=(?:On|In|At|After|During|Since)\s+"
    r"(?:[A-Z][a-z]+\.?\s+\d|\d|the\b))"
)


def normalise(text: str) -> str:
    """Quotes, spaces, wiki markup and source citations; the words are left as they were."""
    text = text.translate(_QUOTES)
    text = _WIKI_ITALICS.sub("", text)
    text = _SOURCE_CITATION.sub("", text)
    text = _EDITORIAL.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("[") and "]" not in text:
        text = text[1:]  # "[Hours after …": an editor's bracket cut off by the scrape
    text = _SPACE_PUNCT.sub(r"\1", text)
    text = _DOUBLE_PUNCT.sub(".", text)
    # A heading glued onto the sentence is scrape residue: gone from the context too.
    return _GLUED_HEADING.sub("", text, count=1)


# A news dateline glued to the first sentence: "SKOPJE, 9 April 2019 — ", "CEYHAN–Turkey (AFP) – ".
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ .'-]{2,}(?:[—–-][A-Z][a-z]+)?(?:,\s*[^—–()]{3,30}?)?\s*(?:\([A-Za-z]+\))?"
    r"\s*[—–-]+\s+(?=[A-Z])"
)


def standalone(text: str, country: str | None = None) -> str:
    """The sentence as a card shows it: connectives and filler dropped, "our country" named."""
    text = _DATELINE.sub("", text, count=1)
    for _ in range(3):  # "Finally, and …" has two
        stripped = _FILLER.sub("", _CONNECTIVE.sub("", text, count=1), count=1)
        if stripped == text:
            break
        text = stripped
    if country:
        text = _OUR_COUNTRY.sub(country, text)
    speech = _UNQUOTED_SPEECH.search(text)
    if speech:
        text = text[: speech.start()] + "."
    text = _BARE_OFFICE.sub(r"\1 the \2", text)
    text = plain_dates(text)
    return text[:1].upper() + text[1:]


_MONTHS = "|".join(MONTH_NAMES)
# "2nd May 1982", "the 14th of December in 1995", "May 2nd, 1982": one date, written plainly.
_ORDINAL_DAY_FIRST = re.compile(
    rf"\b(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?({_MONTHS})(?:,?\s+(?:in\s+)?(\d{{4}})\b)?"
)
_ORDINAL_MONTH_FIRST = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)\b")


def plain_dates(text: str) -> str:
    """Ordinal dates as the date patterns read them: "2nd May 1982" → "2 May 1982"."""

    def day_first(match: re.Match[str]) -> str:
        day, month, year = match.group(1), match.group(2), match.group(3)
        return f"{day} {month} {year}" if year else f"{day} {month}"

    text = _ORDINAL_DAY_FIRST.sub(day_first, text)
    return _ORDINAL_MONTH_FIRST.sub(r"\1 \2", text)


# "granting President the right": an office without a name or article reads as a typo; a
# card says "the President" (the source sentence shown after the answer stays as it was).
_BARE_OFFICE = re.compile(
    r"\b(?!(?:the|a|an|former|then|vice|and|or|of|as)\b)([a-z]+) (President|Congressman|Senator)(?= [a-z])"
)


def leans_on_context(text: str) -> bool:
    """Does the sentence refer to something it does not itself say?"""
    if _DEICTIC_START.match(text) or _INTRO_PRONOUN.match(text):
        return True
    bare = _strip_quotes(text)
    head = " ".join(bare.split()[:SUBJECT_WORDS])
    if _DEMONSTRATIVE.search(head) or _THAT_NOUN.search(bare) or _LEANING.search(bare):
        return True
    for match in _DEFINITE.finditer(bare):
        noun, before = match.group(1).lower(), bare[: match.start()]
        # "the conflict" is fine after "… conflict over Karabakh …" in the same sentence.
        if noun[:5] in before.lower() or (noun == "country" and _names_a_country(before)):
            continue
        if any(re.search(rf"\b{other}\b", before, re.IGNORECASE) for other in same_thing(noun)):
            continue  # "… the bloodiest war … killed during the conflict": the war named before
        return True
    return False


def _names_a_country(text: str) -> bool:
    """ "the country" points somewhere when a country is named before it in the sentence."""
    from caucasusquiz.generator.entities import find_mentions  # entities → damage, not back here

    return any(m.kind == "place" and m.group == "country" for m in find_mentions(text))


def first_person(text: str) -> bool:
    return bool(_FIRST_PERSON.search(_strip_quotes(text)))


def is_quotation(text: str) -> bool:
    """A sentence that is only a quotation has lost its speaker."""
    return text.startswith(('"', "'"))


def _strip_quotes(text: str) -> str:
    return re.sub(r'"[^"]*"', '""', text)
