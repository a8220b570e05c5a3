"""Names written as the documents write them, and articles the documents never put before a name.

A question rewrite lower-cases a sentence's first word when it looks common ("Natal in
south-eastern Africa was proclaimed …" → "When was natal … proclaimed?"); the documents
say otherwise when they write "Natal" inside sentences and never "natal". And a scrape that
lost words leaves "for trial in a British Columbia": an article before a name the
documents use without one. Both are read from the documents themselves, in one pass.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from caucasusquiz.generator.cards import Draft, rewritten

_WORD = re.compile(r"[A-Za-z][a-z'’-]+")
_TOKEN = re.compile(r"[A-Za-z][a-z'’-]+|[.!?:;\"“(]")
# "a British Columbia," / "an Ostrava Lune." : an article, a name of two or more words, then
# the end of the phrase (a name used as a modifier, "a United Nations resolution", is fine).
_ARTICLE_NAME = re.compile(
    r"\b(?:a|an)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)(?=\s*(?:[,.;:?]|$|\s+(?:but|and|or|when|where)\b))"
)
_NAME = re.compile(r"(?P<before>\b\w+\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)")
# "the Triple Alliance of Argentina, the Empire of Brazil, and Uruguay": a group and its members.
_MEMBER = r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+)*"
_GROUP_OF = re.compile(
    r"\b[Tt]he (?P<group>(?:[A-Z][\w'’-]+\s+){1,2}(?:Alliance|League|Entente|Coalition|Pact|Bloc|Powers))"
    rf"\s+of\s+(?P<members>{_MEMBER}(?:,\s+{_MEMBER})*,?\s+and\s+{_MEMBER})"
)
_ARTICLES = frozenset({"a", "an", "A", "An"})


class Capitals:
    """How the documents write words and names, learnt sentence by sentence."""

    def __init__(self) -> None:
        self._upper: Counter[str] = Counter()  # a word capitalised inside a sentence
        self._lower: Counter[str] = Counter()  # the same word in lower case
        self._bare_names: set[str] = set()  # names written without "a"/"an" before them
        self._read: set[str] = set()
        self._names: Counter[str] = Counter()  # names of two or more words, as written
        self._members: dict[str, set[str]] = {}  # "Triple Alliance" -> "Argentina, Brazil, and Uruguay"

    def learn(self, sentence: str) -> None:
        if sentence in self._read:
            return  # a repeated paragraph says nothing new about how words are written
        self._read.add(sentence)
        opening = True  # the sentence start, or just after a stop or an opening quote
        upper, lower = self._upper, self._lower
        for word in _TOKEN.findall(sentence):
            first = word[0]
            if first.islower():
                lower[word] += 1
                opening = False
            elif first.isupper():
                if not opening:
                    upper[word.lower()] += 1
                opening = False
            else:
                opening = True
        for match in _GROUP_OF.finditer(sentence):
            self._members.setdefault(match.group("group"), set()).add(match.group("members"))
        for before, name in _NAME.findall(sentence):
            self._names[name] += 1
            if before.strip() not in _ARTICLES:
                self._bare_names.add(name)

    def with_members(self, text: str) -> str:
        """ "the Triple Alliance" named with its members where the documents name them (the
        shortest way they do): "the Triple Alliance of Argentina, Brazil, and Uruguay". A
        better-known group may share the name."""
        for group, members in self._members.items():
            if group not in text:
                continue
            listed = min(members, key=lambda m: (len(m), m))
            text = re.sub(rf"\b([Tt]he {re.escape(group)})\b(?!\s+of\b)", rf"\1 of {listed}", text)
        return text

    def spelt(self, text: str) -> str:
        """A name the documents write once, where they write it with one letter doubled (or
        undoubled) twice or more, as they do: "the Chanel Tunnel" → "the Channel Tunnel"."""

        def fix(match: re.Match[str]) -> str:
            name = match.group("name")
            if self._names[name] > 1:
                return match.group()
            for variant in _doubling_variants(name):
                if self._names[variant] >= 2:
                    return (match.group("before") or "") + variant
            return match.group()

        return _NAME.sub(fix, text)

    def proper(self, word: str) -> bool:
        """Does the documents' usage make `word` a name ("natal" → "Natal")?"""
        return self._upper[word] > 0 and self._lower[word] == 0

    def article_before_name(self, text: str) -> bool:
        """ "in a British Columbia": an article before a name the documents write without one."""
        return any(m.group("name") in self._bare_names for m in _ARTICLE_NAME.finditer(text))

    def restored(self, draft: Draft) -> Draft:
        """The card with each word its source sentence capitalised, and the documents always
        do, capitalised again ("natal" → "Natal")."""
        capitalised = {w.lower() for w in _WORD.findall(draft.context) if w[0].isupper()}
        wanted = {w for w in capitalised if self.proper(w)}

        def fix(text: str) -> str:
            text = self.with_members(self.spelt(text))
            return _WORD.sub(lambda m: m.group().capitalize() if m.group() in wanted else m.group(), text)

        return rewritten(draft, fix, fields=None, answer=True)


def _doubling_variants(name: str) -> Iterable[str]:
    """The name with one letter of one word doubled or undoubled ("Chanel" ↔ "Channel")."""
    words = name.split()
    for index, word in enumerate(words):
        for at in range(1, len(word)):
            if not word[at].isalpha():
                continue
            if word[at] == word[at - 1]:
                yield " ".join([*words[:index], word[:at] + word[at + 1 :], *words[index + 1 :]])
            else:
                yield " ".join([*words[:index], word[: at + 1] + word[at:], *words[index + 1 :]])


def learnt(sentences: Iterable[str]) -> Capitals:
    capitals = Capitals()
    for sentence in sentences:
        capitals.learn(sentence)
    return capitals


BROKEN_ARTICLE = "gate: an article before a name the documents use without one ('in a British Columbia')"
