"""The article a name needs in a card's English, where the source dropped it.

Scraped and translated sources write "relations with United States" and "Azerbaijan SSR
was proclaimed"; a teacher writes "the United States" and "the Azerbaijan SSR". Only
names that always take "the" in English are touched: a state named by a common noun
("United States", "Soviet Union", "… SSR", "… Republic" after an adjective) and nothing
else, so a wrong article is never added.
"""

from __future__ import annotations

import re

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
