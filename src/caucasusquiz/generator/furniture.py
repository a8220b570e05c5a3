"""Page furniture: the parts of a scraped page that are not the article's prose.

Each rule returns a short reason, which the report counts, so a surprising drop can be
traced to the rule that made it. Rules look at one raw line; a line that survives them
can still be a heading, which `clean` decides once lines are joined into paragraphs.
"""

from __future__ import annotations

import re

# Sections after which a wiki page has only lists of links and sources; everything from
# such a heading to the end of the document is dropped (they are always end matter).
END_MATTER = frozenset(
    {
        "see also",
        "references",
        "external links",
        "further reading",
        "notes",
        "sources",
        "bibliography",
        "footnotes",
        "citations",
        "related articles",
        "related posts",
    }
)

_URL = re.compile(r"https?://|www\.\S|<\S+\.\S+>")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\bE-?(?:mail|Posta)\b", re.IGNORECASE)
_HANDLE = re.compile(r"^\s*@\w+\s*$")
_PHONE = re.compile(r"\b(?:Tel|Phone|Fax|Faks|Telefon)\b\W{0,6}\+?\d|\+\d[\d ()-]{7,}\d")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|hakları saklıdır", re.IGNORECASE)
_CITATION = re.compile(
    r"\bto cite this\b|\bcite this (?:article|page)\b|\baccessed\b.*\d{4}"
    r"|\bretrieved\b.*\d{4}|\bdoi:|\bISBN\b",
    re.IGNORECASE,
)
_AUTHOR_BOX = re.compile(
    r"^\s*(?:about the author|photo credit|image credit|blog no|posted by|"
    r"written by|by [A-Z][\w-]+ [A-Z][\w-]+\s*$|share this|print this|"
    r"follow us|subscribe|tags?:|categor(?:y|ies):)",
    re.IGNORECASE,
)
# Street addresses: a postal code or house number next to a street word, or CITY / COUNTRY.
_ADDRESS = re.compile(
    r"\b(?:No|Sok|Sk|Cad|Street|St|Ave|Avenue|Road|Rd|Suite|Floor|Daire|Blvd|"
    r"P\.?\s?O\.? Box)\b\.?:?\s*\d|\b\d{5}\b.*\b[A-ZÇĞİÖŞÜ]{3,}\b"
    r"|\b[A-ZÇĞİÖŞÜ]{3,}\s*/\s*[A-ZÇĞİÖŞÜ]{3,}\b"
)
_RULE = re.compile(r"^\s*(?:[-_*=~]\s*){3,}$")
_TEMPLATE = re.compile(r"\{\{|\}\}|^\s*\[\[|\]\]\s*$")


def furniture_reason(line: str) -> str | None:
    """Why a raw line is page furniture, or None when it may be prose."""
    text = line.strip()
    if not text:
        return None
    if _RULE.match(text):
        return "separator"
    if _TEMPLATE.search(text):
        return "markup"
    if _COPYRIGHT.search(text):
        return "copyright"
    if _CITATION.search(text):
        return "citation"
    if _AUTHOR_BOX.match(text):
        return "author box"
    if _PHONE.search(text):
        return "phone/fax"
    if _EMAIL.search(text) or _HANDLE.match(text):
        return "e-mail/handle"
    # A URL inside a long prose line is handled per sentence; a line that is mostly a
    # link is furniture.
    if _URL.search(text) and len(_URL.sub("", text).split()) < 6:
        return "url"
    if len(text) < 120 and not text.endswith(".") and _ADDRESS.search(text):
        return "address"
    return None


def is_end_matter(line: str) -> bool:
    """A heading such as "See also" or "References" that starts a wiki page's end matter."""
    text = line.strip().strip("=#*: ").casefold()
    return text in END_MATTER
