"""The small words a card's English needs where the source dropped them.

Scraped and translated sources write "relations with United States", "Azerbaijan SSR was
proclaimed" and "announcing the military ties would expand"; a teacher writes "the United
States", "the Azerbaijan SSR" and "announcing that the military ties would expand". Only
sure cases are touched: names that always take "the" in English (a state named by a
common noun: "United States", "Soviet Union", "… SSR") and a reporting verb followed by a
whole clause with its own finite verb.
"""

from __future__ import annotations

import re

# One kind of thing under two words: "the Dayton Accords" is the Dayton Agreement, "the
# conflict" in the article on a war is the war. Each word → the word its kind is known by.
KIND_WORD = {"accords": "agreement", "accord": "agreement", "conflict": "war"}


def same_thing(word: str) -> tuple[str, ...]:
    """The other words for the kind `word` names ("war" → "conflict"), in a fixed order."""
    kind = KIND_WORD.get(word, word)
    return tuple(sorted(w for w in {kind, *KIND_WORD} if KIND_WORD.get(w, w) == kind and w != word))


# Names that read "the …" in running English.
_NAME = (
    r"(?:United (?:States|Kingdom|Nations|Arab Emirates)|Soviet Union|European Union|"
    r"Russian Federation|Ottoman Empire|Russian Empire|Kremlin|"
    r"[A-Z][a-z]+ SSR|[A-Z][a-z]+ Soviet Socialist Republic)"
)
# After a preposition, a conjunction or at the start, with no determiner or owner before it.
_MISSING = re.compile(
    r"(?P<pre>^|(?<=[.?!] )|, |\b(?:with|of|in|to|from|by|and|or|for|into|on|against|between|"
    r"toward|towards|within|across|over|under|at|as|that|than|recognized|recognised|"
    r"joined|invaded|left|entered) )"
    rf"(?P<name>{_NAME})\b"
)


def with_articles(text: str) -> str:
    """`text` with "the" before the names that need it ("with the United States")."""

    def fix(match: re.Match[str]) -> str:
        pre = match.group("pre")
        article = "the " if pre else "The "
        return pre + article + match.group("name")

    return _MISSING.sub(fix, text)


# "announcing the military ties between their countries would expand": a reported clause.
_REPORTED = re.compile(
    r"\b(announcing|saying|stating|declaring|noting|adding|warning|arguing|claiming)\s+"
    r"(?=(?:the|their|its|his|her|a|an)\s[^,.;?]{3,60}?\s(?:would|will|had|was|were|is|are|has|have|could)\b)"
)


# "regulated by a bilateral trade agreement entered into force January 14, 1994": the
# relative "that" the source dropped before the agreement's own verb.
_AGREEMENT_VERB = re.compile(
    r"\b(by (?:a|an|the) [^,.;]{0,60}?(?:agreement|treaty|convention|accord|protocol)) "
    r"(entered into force|came into force|took effect)\b"
)


def card_english(text: str) -> str:
    """`text` with "the" before the names that need it, "that" after a reporting verb and
    before an agreement's own verb."""
    text = _AGREEMENT_VERB.sub(r"\1 that \2", with_articles(text))
    return _REPORTED.sub(r"\1 that ", text)
