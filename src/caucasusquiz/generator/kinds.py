"""The fine kind of a name, from its own words and the words around it.

Distractors must be of the answer's fine kind: a congressman for a congressman, a law for
a law, a pipeline for a pipeline. The kind comes from the name's last word ("… Act",
"… Pipeline", "… Ministry") or from the title in front of a person ("Senator …"), and
only then from the optional gazetteer's role.
"""

from __future__ import annotations

import re

from caucasusquiz.generator.entities import Mention, known_entity

_HEAD_KIND = {
    "act": "law",
    "law": "law",
    "section": "law",
    "amendment": "law",
    "bill": "law",
    "resolution": "law",
    "agreement": "agreement",
    "agreements": "agreement",
    "treaty": "agreement",
    "charter": "agreement",
    "accord": "agreement",
    "accords": "agreement",
    "protocol": "agreement",
    "protocols": "agreement",
    "principles": "agreement",
    "memorandum": "agreement",
    "declaration": "agreement",
    "pact": "agreement",
    "convention": "agreement",
    "pipeline": "pipeline",
    "corridor": "pipeline",
    "railway": "railway",
    "war": "war",
    "conflict": "war",
    "revolution": "war",
    "uprising": "war",
    "crisis": "war",
    "ministry": "agency",
    "department": "agency",
    "agency": "agency",
    "office": "agency",
    "bureau": "agency",
    "administration": "agency",
    "service": "agency",
    "organization": "organization",
    "organisation": "organization",
    "alliance": "organization",
    "council": "organization",
    "commission": "organization",
    "committee": "organization",
    "group": "organization",
    "association": "organization",
    "union": "organization",
    "fund": "organization",
    "bank": "organization",
    "institute": "organization",
    "foundation": "organization",
    "center": "organization",
    "centre": "organization",
    "party": "party",
    "company": "company",
    "corporation": "company",
    "programme": "programme",
    "program": "programme",
    "initiative": "programme",
    "doctrine": "programme",
    "report": "report",
    "conference": "conference",
    "summit": "conference",
    "parliament": "parliament",
    "assembly": "parliament",
    "congress": "parliament",
    "university": "university",
    "court": "court",
}
_TITLE_KIND = (
    ("senator", re.compile(r"\b(?:Senator|Sen\.|senator)\s*$")),
    (
        "congressman",
        re.compile(r"\b(?:Congressman|Congresswoman|Representative|Rep\.|congressman)\s*$"),
    ),
    ("vice president", re.compile(r"\b[Vv]ice[- ][Pp]resident\s*$")),
    ("president", re.compile(r"\b[Pp]resident\s*$")),
    ("prime minister", re.compile(r"\bPrime Minister\s*$")),
    ("secretary", re.compile(r"\bSecretary(?: of (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)?\s*$")),
    ("minister", re.compile(r"\bMinister(?: of [A-Z][\w ]+)?\s*$")),
    ("ambassador", re.compile(r"\b[Aa]mbassador(?: to (?:the )?[A-Z][\w ]+)?\s*$")),
    ("adviser", re.compile(r"\b(?:Advisor|Adviser)\s*$")),
    ("journalist", re.compile(r"\b(?:journalist|correspondent)\s*$")),
)


def fine_kind(mention: Mention, text: str) -> str:
    """The kind distractors must share with this mention."""
    if mention.kind in ("date", "year", "number"):
        return f"{mention.kind}:{mention.group}"
    if mention.kind == "person":
        known = known_entity(mention.text)
        if known is not None and known.group not in ("person", ""):
            return f"person:{known.group}"  # the gazetteer's role is finer than a title
        before = text[max(0, mention.start - 60) : mention.start].rstrip(", ")
        for kind, pattern in _TITLE_KIND:
            if pattern.search(before):
                return f"person:{kind}"
        return "person"
    if mention.kind == "place":
        known = known_entity(mention.text)
        return f"place:{known.group}" if known else "place"
    head = mention.text.split()[-1].lower().strip(".,'’")
    family = _HEAD_KIND.get(head)
    if family is None:
        first = mention.text.split()[0].lower()
        family = _HEAD_KIND.get(first)
    if family is None:
        known = known_entity(mention.text)
        family = known.group if known else mention.kind
    return f"name:{family}"
