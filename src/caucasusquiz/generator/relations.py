"""'What' and 'why' questions: what a named law or agreement did, and what an act answered.

Two sentence shapes, each asked only when its parse is safe:

- Definition: "… the Freedom Support Act, which banned any direct U.S. aid to …" →
  "What did the Freedom Support Act ban?" (the name right before ", which <past verb>").
- Cause or price: "Congress passed the waiver in response to the attacks" → "In response
  to what did Congress pass the waiver?"; "in exchange for" likewise. The clause before
  must be one simple past-tense main clause, so the verb can take "did".

The answer is a phrase, shown and self-rated (an empty answer reveals it), so it is kept
short: at most MAX_ANSWER_WORDS words.
"""

from __future__ import annotations

import re

from caucasusquiz.generator.questions import _lower_article, is_past_verb, lemma

MAX_ANSWER_WORDS = 10
MAX_QUESTION_WORDS = 22

_NAME_WORD = r"(?:[A-Z][\w.'’–-]*|\d+)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:of|the|and|on|for|{_NAME_WORD}))*?\s+{_NAME_WORD}"
_DEFINITION = re.compile(
    rf"(?P<name>(?:[Tt]he\s+)?{_NAME}),\s+which\s+(?P<verb>[a-z]+)\s+(?P<object>[^;:()\"]+?)"
    r"(?=,\s|\.?\s*$)"
)
_DEFINING_VERBS = frozenset(
    "banned barred prohibited allowed required created established granted provided set "
    "defined ended recognised recognized guaranteed restricted permitted introduced launched "
    "authorized authorised imposed lifted replaced".split()
)
_CAUSE = re.compile(
    r",?\s+(?P<link>in response to|in exchange for|in return for)\s+(?P<object>[^;:()\"]+?)(?=,\s|\.?\s*$)"
)


def definition(sentence: str) -> tuple[str, str] | None:
    """("What did <name> <verb>?", answer) for a named thing defined by what it did."""
    match = _DEFINITION.search(sentence)
    if match is None or match.group("verb") not in _DEFINING_VERBS:
        return None
    verb = lemma(match.group("verb")) or ("set" if match.group("verb") == "set" else None)
    answer = _trimmed(match.group("object").strip())
    name = _lower_article(match.group("name").strip())
    if verb is None or not _short(answer) or len(name.split()) < 2:
        return None
    if not name[:1].isupper() and not name.startswith("the "):
        return None
    question = f"What did {name} {verb}?"
    return (question, answer) if len(question.split()) <= MAX_QUESTION_WORDS else None


def cause(sentence: str) -> tuple[str, str] | None:
    """("In response to what did <subject> <verb> …?", answer) for a simple past clause."""
    match = _CAUSE.search(sentence)
    if match is None:
        return None
    clause = sentence[: match.start()].strip()
    if "," in clause or ";" in clause:
        return None  # an opening phrase or a second clause: not one simple clause
    words = clause.split()
    verb_at = next((i for i, w in enumerate(words[:10]) if i and is_past_verb(w)), None)
    if verb_at is None or words[verb_at - 1].lower() in ("the", "a", "an", "to", "had", "has"):
        return None  # perfect, or not the verb: no safe question
    passive = words[verb_at - 1].lower() in ("was", "were")
    subject_words = words[: verb_at - 1] if passive else words[:verb_at]
    if not subject_words or any(w.lower() in ("that", "which", "who", "and", "but") for w in subject_words):
        return None
    base = words[verb_at] if passive else lemma(words[verb_at])
    answer = _trimmed(match.group("object").strip())
    if base is None or not _short(answer):
        return None
    subject = _lower_article(" ".join(subject_words))
    if re.match(r"[A-Z][a-z]+(?:age|ion|ment|ance|ence|ity)\s+of\b", subject):
        subject = subject[:1].lower() + subject[1:]  # "Passage of Section 907": a common noun
    rest = " ".join(words[verb_at + 1 :])
    link = match.group("link")
    aux = words[verb_at - 1].lower() if passive else "did"
    question = f"{link[:1].upper()}{link[1:]} what {aux} {subject} {base} {rest}".rstrip() + "?"
    return (question, answer) if len(question.split()) <= MAX_QUESTION_WORDS else None


def _trimmed(answer: str) -> str:
    """ "the blockade … on Armenia in the course of the first … War": the qualifier goes."""
    cut = re.search(r"\s+(?:in the course of|during|amid|at the time of)\s", answer)
    return answer[: cut.start()] if cut and len(answer[: cut.start()].split()) >= 3 else answer


def _short(answer: str) -> bool:
    return 2 <= len(answer.split()) <= MAX_ANSWER_WORDS and len(answer) <= 60
