"""What a document is about, found from the document: never asked as an answer.

"Which country …? — Azerbaijan" teaches nothing in a deck on Azerbaijan. A document's
subject is every name in its title ("Norway–Chile relations" → Norway, Chile) and every
name that appears in a large share of its sentences. Nothing here knows any country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from caucasusquiz.generator.clean import Block
from caucasusquiz.generator.entities import Mention, canonical_of, fold

TITLE_WORDS = 14
SHARE = 0.25  # a name in a quarter of the sentences is what the document is about
MIN_COUNT = 4
_NAME_RUN = re.compile(r"[A-ZÀ-ÖØ-Þİ][\w'’.]*(?:\s+(?:of\s+|the\s+)?[A-ZÀ-ÖØ-Þİ][\w'’.]*)*")
_TITLE_FILLER = frozenset(
    "relations relationship ties history the and of in on a an between with to its".split()
)


def title_of(blocks: list[Block], fallback: str) -> str:
    """The document's title, else `fallback` (a file name) made readable."""
    found = found_title(blocks)
    if found:
        return found
    name = re.sub(r"[_-]+", " ", fallback).strip()
    if not name:
        return fallback
    # "treaty-of-varnholm" → "Treaty of Varnholm" when the text writes it so, else "Treaty of varnholm".
    pattern = re.compile(r"\b" + r"[\s-]+".join(map(re.escape, name.split())) + r"\b", re.IGNORECASE)
    for block in blocks:
        written = pattern.search(block.text)
        if written is not None and written.group()[:1].isupper():
            return re.sub(r"\s+", " ", written.group())
    return name.capitalize()


def found_title(blocks: list[Block]) -> str | None:
    """The document's own title: a short line near the top without a final period, if any.

    Wiki headings lose their markup ("= Treaty of Kars =" → "Treaty of Kars"); source
    lines, navigation bars ("Home | World"), URLs, "From Wikipedia", lines in another
    script (a proxy's own header) and lines that start in lower case (tracking tokens such
    as "fbpx") are skipped. Scraped pages often repeat their title (a site header, then
    the article's heading): a line that occurs twice near the top wins over the first one.
    """
    candidates: list[str] = []
    for block in blocks[:8]:
        text = _HEADING_MARKUP.sub("", block.text.strip()).strip()
        text = re.sub(r"\s+[-–—|]$", "", text)  # a title wrapped after its separator
        text = undecorated(text)
        if _NOT_TITLE.search(text) or not re.search(r"[A-Za-zÀ-ÿ]{3}", text):
            continue
        if _other_script(text) or _starts_in_lower_case(text):
            continue
        if 0 < len(text.split()) <= TITLE_WORDS and not text.endswith((".", ":", "?")):
            candidates.append(text)
    folded = [candidate.casefold() for candidate in candidates]
    repeated = [c for c, key in zip(candidates, folded, strict=True) if folded.count(key) > 1]
    # An image's caption ("Henry Clay") before the article's heading ("The Treaty of Ghent"):
    # the heading is the name the article's first sentence opens with.
    opening = next(
        (
            _bare(b.text)
            for b in blocks[:12]
            if len(b.text.split()) > TITLE_WORDS and not _NOT_TITLE.search(b.text)
        ),
        "",
    )
    opened = [c for c in candidates if opening and opening.startswith(_bare(c) + " ")]
    first = repeated or opened or candidates
    return first[0] if first else None


def _bare(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip().casefold())


# What a page adds to its article's name: "Erie Canal Explained", "Kiel Canal | Britannica",
# "Pig War - History", "Varnholm Facts". Never part of the subject's name.
_DECORATION_WORDS = (
    r"(?:Explained|Facts|Fast Facts|Key Facts|Overview|Summary|Definition|Wiki|Wikipedia|"
    r"Britannica|Encyclopedia|Encyclopaedia|History|Timeline|Guide|Profile)"
)
# "X | Britannica", "X - History", "X – Wikipedia", "X | example.com": a site's name after a bar or dash.
_SITE_TAIL = re.compile(
    rf"\s+(?:\||[-–—])\s+(?:(?:[\w.]+\s+){{0,2}}{_DECORATION_WORDS}|[\w-]+\.(?:com|org|net|info|co\.\w+))\s*$"
)
_DECORATION_TAIL = re.compile(r"\s+(?:Explained|Facts|Fast Facts|Key Facts|Overview|Summary|Definition)$")
# "Tordesillas, Treaty of": an index's inverted heading.
_INVERTED = re.compile(
    r"^(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),\s+(?P<kind>(?:[A-Z][a-z]+\s+)+of)$"
)


def undecorated(title: str) -> str:
    """A page title without what the site adds ("Erie Canal Explained" → "Erie Canal"), and an
    inverted heading put right ("Tordesillas, Treaty of" → "Treaty of Tordesillas")."""
    stripped = _DECORATION_TAIL.sub("", _SITE_TAIL.sub("", title)).strip()
    if not re.search(r"[A-Za-z]{3}", stripped):
        return title
    inverted = _INVERTED.match(stripped)
    if inverted is not None:
        return f"{inverted.group('kind')} {inverted.group('place')}"
    return stripped


def _starts_in_lower_case(text: str) -> bool:
    first = next((char for char in text if char.isalnum()), "")
    return first.islower()


def _other_script(text: str) -> bool:
    """Letters beyond the Latin alphabets (CJK, Cyrillic, Arabic…): not this document's title."""
    return any(char.isalpha() and ord(char) > 0x24F and not 0x1E00 <= ord(char) <= 0x1EFF for char in text)


_HEADING_MARKUP = re.compile(r"^=+\s*|\s*=+$")
_NOT_TITLE = re.compile(
    r"https?:|www\.|\||^(?:Source|From Wikipedia|Jump to|Last updated|Updated|By )\b|"
    r"^(?:Home|Menu|Search|Skip to)\b|^Wikipedia(?:$|\s*The Free Encyclopedia)|^Page:|\.djvu\b|"
    # a banner's call to action ("… Jobs - JOIN NOW"), an aggregator's run-together name
    # ("TheInfoList")
    r"\b(?:JOIN|SIGN UP|SUBSCRIBE|REGISTER|APPLY|BUY|SHOP|DONATE)(?: NOW| TODAY)?!?$|"
    r"^(?:[A-Z][a-z]+){1,2}(?:[A-Z][a-z]*){2,}$",
    re.IGNORECASE,
)


def title_names(title: str) -> set[str]:
    """Canonical names in a title: "Azerbaijan–United States relations" → azerbaijan, united states;
    "Treaty of Kars" → treaty of kars; the whole title too."""
    names: set[str] = {fold(title)}
    for part in re.split(r"\s*[–—/]\s*|\s+-\s+|-(?=[A-Z])|\s+and\s+|:\s*", title):
        for run in _NAME_RUN.findall(part):
            words = run.split()
            while words and words[0].lower() in _TITLE_FILLER:
                words.pop(0)
            while words and words[-1].lower() in _TITLE_FILLER:
                words.pop()
            if words:
                name = re.sub(r"['’]s$", "", " ".join(words))
                names.add(canonical_of(name))
                names.add(fold(name))
    names.discard("")
    return names


def frequent_names(mentions_per_sentence: Iterable[list[Mention]]) -> set[str]:
    """Names that occur in at least SHARE of the sentences (and MIN_COUNT times)."""
    counts: Counter[str] = Counter()
    sentences = 0
    for mentions in mentions_per_sentence:
        sentences += 1
        counts.update({m.canonical for m in mentions if m.kind not in ("date", "year", "number")})
    return {name for name, n in counts.items() if n >= MIN_COUNT and n >= SHARE * sentences}


RECURRING = 4
RECURRING_SHARE = 0.1


def recurring_names(mentions_per_sentence: Iterable[list[Mention]]) -> set[str]:
    """Names in RECURRING or more sentences: a sub-subject of the document. Asking one would
    let every other card that names it give the answer away."""
    counts: Counter[str] = Counter()
    sentences = 0
    for mentions in mentions_per_sentence:
        sentences += 1
        counts.update({m.canonical for m in mentions if m.kind not in ("date", "year", "number")})
    least = max(RECURRING, RECURRING_SHARE * sentences)
    return {name for name, n in counts.items() if n >= least}


# "Second Boer War" in an article titled "Boer War": the ordinal that tells one war, treaty or
# crisis of a series from the others.
_ORDINALS = (
    "First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
    r"1st|2nd|3rd|[4-9]th"
)


def full_name(blocks: list[Block], title: str, file_name: str = "") -> str | None:
    """The longer name the document gives its subject when the title is cut short: "Second Boer
    War" for the title "Boer War", when the article's first sentence opens with it or its file
    is named so ("second-boer-war.txt"), else when the document writes that form at least twice
    and twice as often as any other ("First Boer War" is background in an article on the second)."""
    bare = re.sub(r"^(?:The|the)\s+", "", title.strip())
    if len(bare.split()) < 2 or re.match(rf"(?:{_ORDINALS})\b", bare):
        return None
    pattern = re.compile(rf"\b({_ORDINALS})\s+{re.escape(bare)}\b")
    counts: Counter[str] = Counter()
    for block in blocks:
        counts.update(found.group(1) for found in pattern.finditer(block.text))
    opening = next((b.text for b in blocks[:12] if len(b.text.split()) > TITLE_WORDS), "")
    for ordinal in counts:
        named = f"{ordinal} {bare}"
        if re.match(rf"(?:The\s+)?{re.escape(named)}\b", opening) or fold(named) == fold(
            re.sub(r"[_-]+", " ", file_name)
        ):
            return named
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return f"{ranked[0][0]} {bare}"
