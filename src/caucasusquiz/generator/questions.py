"""Natural questions from a sentence, where the sentence's shape makes them safe.

Three templates, each used only when its parse is unambiguous; otherwise the card stays
a cloze, which is always correct:

- Who / Which <title>: the person is the subject ("… President George W. Bush waived …"
  → "… which President waived …?"); the verb keeps its tense, no grammar is invented.
- When / In which year: a date or year introduces the clause ("On October 18, 1991, the
  Azerbaijani parliament adopted …") or follows the verb ("… relations with United
  States in 1992, …"); the verb is put in its base form after "did".
- What share: a percentage or fraction is the subject ("About 40 percent of all cargo …").
"""

from __future__ import annotations

import re

from caucasusquiz.generator.dates import MONTH, YEAR
from caucasusquiz.generator.entities import Mention

IRREGULAR = {
    "met": "meet",
    "made": "make",
    "took": "take",
    "gave": "give",
    "became": "become",
    "began": "begin",
    "led": "lead",
    "held": "hold",
    "said": "say",
    "wrote": "write",
    "saw": "see",
    "left": "leave",
    "sent": "send",
    "spent": "spend",
    "built": "build",
    "brought": "bring",
    "bought": "buy",
    "thought": "think",
    "told": "tell",
    "found": "find",
    "fought": "fight",
    "came": "come",
    "went": "go",
    "won": "win",
    "lost": "lose",
    "paid": "pay",
    "kept": "keep",
    "stood": "stand",
    "ran": "run",
    "sat": "sit",
    "spoke": "speak",
    "chose": "choose",
    "drove": "drive",
    "fell": "fall",
    "felt": "feel",
    "grew": "grow",
    "knew": "know",
    "rose": "rise",
    "sold": "sell",
    "struck": "strike",
    "threw": "throw",
    "understood": "understand",
    "withdrew": "withdraw",
    "froze": "freeze",
    "laid": "lay",
    "meant": "mean",
    "overcame": "overcome",
    "sought": "seek",
    "taught": "teach",
    "undertook": "undertake",
    "upheld": "uphold",
    "signed": "sign",
    "set": "set",
    "put": "put",
    "cut": "cut",
    "taken": "take",
    "given": "give",
    "written": "write",
    "seen": "see",
    "begun": "begin",
    "done": "do",
    "did": "do",
    "had": "have",
    "broke": "break",
    "bore": "bear",
    "blew": "blow",
    "drew": "draw",
    "flew": "fly",
    "forgot": "forget",
    "forgave": "forgive",
    "hid": "hide",
    "hung": "hang",
    "lit": "light",
    "rode": "ride",
    "rang": "ring",
    "shook": "shake",
    "shot": "shoot",
    "shut": "shut",
    "slept": "sleep",
    "sang": "sing",
    "sank": "sink",
    "spread": "spread",
    "stole": "steal",
    "stuck": "stick",
    "swore": "swear",
    "swept": "sweep",
    "tore": "tear",
    "woke": "wake",
    "wore": "wear",
    "bound": "bind",
    "dealt": "deal",
    "dug": "dig",
    "fled": "flee",
    "fed": "feed",
    "hit": "hit",
    "hurt": "hurt",
    "let": "let",
    "lent": "lend",
    "quit": "quit",
    "sped": "speed",
    "split": "split",
    "bent": "bend",
    "crept": "creep",
    "overtook": "overtake",
    "oversaw": "oversee",
    "overthrew": "overthrow",
    "underwent": "undergo",
    "withheld": "withhold",
    "forbade": "forbid",
    "arose": "arise",
    "awoke": "awake",
    "beat": "beat",
    "bit": "bite",
    "foresaw": "foresee",
    "mistook": "mistake",
    "outgrew": "outgrow",
    "rebuilt": "rebuild",
    "redrew": "redraw",
    "retook": "retake",
    "slid": "slide",
    "strove": "strive",
    "swung": "swing",
    "wove": "weave",
    "wound": "wind",
}
# Base forms that end in -e after the stem: "declared" → "declare", not "declar".
_E_AFTER = re.compile(
    r"(?:[^aeiou][aiou]t|[^aeiou][aeiou]c|[nr]c|[lp]et|v|z|u|[aeiou]s|[rnl]s|[^aeiou]l"
    r"|[^aeiou][aiou][dbkm]|[^aeiou]in|ang|eng|rg|dg|at|ot|ut|ar|ir|ur|or)$"
)
_E_EXCEPT = frozenset(
    "visit limit edit exhibit credit profit benefit focus offer enter deliver consider register "
    "answer monitor honor favor order alter remember appear target budget market interpret pilot "
    "boycott develop consult adopt exempt accept attempt support report request protest expect "
    "protect elect select collect direct respect reflect affect inherit commit admit omit permit "
    "submit transmit emit vomit merit head hand extend expand attend defend depend fund demand "
    "recommend command commend end lend send mend tend need succeed proceed exceed lead plead "
    "concern govern return turn learn earn warn form perform inform confirm claim proclaim deem "
    "seem pardon abandon reckon beckon iron summon question mention position function condition "
    "sanction open happen threaten strengthen listen sign join gain remain obtain detain contain "
    "maintain attain explain complain train rain pass discuss address express impress press "
    "stress access process assess bless confess possess harass embarrass bias canvas cancel label "
    "travel model level control patrol rebel compel expel propel repel dispel excel fuel appeal "
    "reveal conceal heal steal deal seal fail derail detail prevail avail sail mail entail "
    "curtail veil oil boil soil toil foil spoil coil recoil call install fulfill spill fill kill "
    "ask risk mark work park bark embark back attack block check lock lack track pick kick stick "
    "shock knock hunt want grant plant count mount point print hint paint faint act enact contact "
    "impact attract extract contract abstract distract subtract resist insist exist persist "
    "consist assist list last cast boost host post cost trust adjust test rest invest arrest "
    "suggest digest ingest shift lift draft start wait await treat defeat repeat greet meet shoot "
    "boot loot halt result insult exert assert insert convert divert avert alert desert invent "
    "prevent rent resent present represent consent comment document implement supplement "
    "complement lament cement ferment torment augment segment fragment pigment "
    # "-or" verbs that take no "e" ("authored" → "author", never "authore")
    "author sponsor mirror tutor mentor censor anchor doctor color colour labor labour harbor "
    "harbour armor armour vapor factor honour favour".split()
)


# Irregular simple pasts that are never a participle ("cost" both, but a past in a dated
# sentence): "took control of a fifth of …" is a finite verb wherever it stands.
SIMPLE_PAST = frozenset(
    "took gave became began wrote saw came went ran spoke chose drove fell grew knew rose cost".split()
)


def lemma(verb: str) -> str | None:
    """The base form of a past-tense verb, or None when `verb` is not one we can undo."""
    word = verb.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    if not word.endswith("ed") or len(word) < 4:
        return None
    if word.endswith("ied"):
        return word[:-3] + "y"
    if word.endswith("eed"):
        return word[:-1]
    stem = word[:-2]
    if stem in _E_EXCEPT:
        return stem
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] in "bdglmnprt":
        return stem[:-1]  # banned → ban, committed → commit, controlled → control
    if _E_AFTER.search(stem):
        return stem + "e"
    return stem


def is_past_verb(word: str) -> bool:
    bare = word.strip(",;:.")
    if bare != word.rstrip(".") or not bare.isalpha() or not bare.islower():
        return False
    return bare in IRREGULAR or (bare.endswith("ed") and len(bare) >= 4)


_OPENING_TIME = re.compile(rf"^(?:In|During|By)\s+(?:{MONTH}\s+)?{YEAR}\b")
_TIME_INTRO = re.compile(r"^(?:In|On|By|During)\s+$")
_TITLE_WORDS = frozenset(
    "former then national leader colleague freshman senator member fellow chairman head deputy "
    "acting president secretary minister of the for to and at".split()
)
_APPROX = re.compile(
    r"^(?:(?:about|over|nearly|almost|roughly|some|more than|around|"
    r"approximately)\s+)?$",
    re.IGNORECASE,
)
WHEN_ASKED = {
    "year": "in which year",
    "full-date": "on what date",
    "month-day": "on what date",
    "month-year": "in which month and year",
}


def question_for(prompt: str, lead: int, mention: Mention) -> str | None:
    """A natural question asking for `mention`, or None when no template fits safely."""
    head, sentence = prompt[:lead], prompt[lead:]
    start, end = mention.start - lead, mention.end - lead
    if start < 0:
        return None
    clause = _first_clause(sentence, end)
    if clause is None:
        return None
    sentence = clause
    if mention.kind == "person":
        question = _who(sentence, start, end)
    elif mention.kind in ("date", "year") and mention.group in WHEN_ASKED:
        question = _when(sentence, start, end, WHEN_ASKED[mention.group])
    elif mention.kind == "number" and mention.group in ("percent", "percent-sign", "fraction"):
        question = _share(sentence, start, end)
    elif mention.kind == "number" and mention.group == "money":
        question = _cost(sentence, start, end)
    else:
        question = None
    if question is None:
        return None
    return f"{head}{question}"


def _first_clause(sentence: str, end: int) -> str | None:
    """Drop a second clause after "; " (when the answer is in the first one)."""
    cut = _clause_break(sentence)
    if cut == -1:
        return sentence
    if cut < end:
        return None
    return sentence[:cut].rstrip(",") + "."


def _clause_break(sentence: str) -> int:
    """Where "; " separates two clauses (not inside brackets), or -1."""
    depth = 0
    for index, char in enumerate(sentence):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == ";" and depth == 0 and sentence[index + 1 : index + 2] == " ":
            return index
    return -1


def _split_intro(sentence: str, start: int) -> tuple[str, str]:
    """An introductory phrase ending with a comma before the answer, and the rest."""
    comma = sentence.rfind(", ", 0, start)
    if comma == -1:
        return "", sentence
    return sentence[: comma + 2], sentence[comma + 2 :]


def _who(sentence: str, start: int, end: int) -> str | None:
    intro, rest = _split_intro(sentence, start)
    offset = len(sentence) - len(rest)
    title = rest[: start - offset].strip()
    after = rest[end - offset :]
    appositive = re.match(
        r"^,\s+((?:the\s+)?(?:[A-Z][\w.-]*\s+)+(?:(?:of|for|at|to|the|and)\s+"
        r"(?:[A-Z][\w.,-]*\s+)+)*?)\s*,?\s*(?:also\s+)?(?=[a-z]+\b)",
        after,
    )
    if appositive and not title:
        title = appositive.group(1).strip().rstrip(",")
        after = after[appositive.end() :]
    words = after.split()
    if not words or not (is_past_verb(words[0]) or words[0] in ("also", "has", "had")):
        return None
    if words[0] in ("also", "has", "had") and (len(words) < 2 or not is_past_verb(words[1])):
        return None
    if title:
        phrase = _title_phrase(title)
        if phrase is None:
            return None
        subject = f"which {phrase}"
    else:
        subject = "who"
    if intro and not _safe_intro(intro):
        return None
    text = f"{intro}{subject} {' '.join(words)}"
    return _as_question(text)


def _title_phrase(title: str) -> str | None:
    title = re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.IGNORECASE)
    title = re.sub(r"^(?:Great|Late|Famous|Legendary|Beloved)\s+", "", title)  # honorifics
    # "national leader" is an official honorific, not a neutral title: "leader of X".
    title = re.sub(r"\b[Nn]ational [Ll]eader\b", "leader", title)
    owner = re.match(r"^([A-Z][\w-]*)'s\s+(.+)$", title)
    if owner:  # "Azerbaijan's national leader" → "national leader of Azerbaijan"
        title = f"{owner.group(2)} of {owner.group(1)}"
    words = title.split()
    if not words or len(words) > 10:
        return None
    for word in words:
        bare = word.strip(",.")
        if not (bare[:1].isupper() or bare.lower() in _TITLE_WORDS):
            return None
    if words[0] in ("Former", "Then", "Fellow"):
        words[0] = words[0].lower()
    return " ".join(words)


def _safe_intro(intro: str) -> bool:
    """An intro kept in front of "who …": a short phrase, not a clause of its own."""
    return len(intro) < 200 and '"' not in intro


def _when(sentence: str, start: int, end: int, wh: str) -> str | None:
    before, after = sentence[:start], sentence[end:]
    if _TIME_INTRO.match(before) and after.startswith(", "):
        clause = after[2:]
        intro = ""
        if re.match(r"(?:when|while|as|after|before|which|who|if|although|because|since|where)\b", clause):
            return None  # "In 1989, when it was called Lenin Square, …": a clause inside
    else:
        # "… relations with United States in 1992, following …": the date after the verb.
        if not re.search(r"(?:^|\s)(?:in|on)\s+$", before) or before.count(",") > 1:
            return None
        cut = re.sub(r",?\s+(?:in|on)\s+$", "", before)
        if after.split() and is_past_verb(after.split()[0]):
            return None  # "The oil that was pumped on 10 May 2005 reached …": the date is not the main verb's
        clause = cut + after
        intro, clause = _split_intro(clause, len(cut)) if ", " in cut else ("", clause)
        if intro and not _safe_intro(intro):
            return None
        verb_at = _verb_index(clause.split())
        if verb_at is None or len(" ".join(clause.split()[: verb_at + 1]).rstrip(".")) > len(cut) - len(
            intro
        ):
            return None
        last = cut.split()[-1] if cut.split() else ""
        if is_past_verb(last) and verb_at != len(cut[len(intro) :].split()) - 1:
            return None  # "adopted a resolution … during a vote held on 29 October": held, not adopted
    words = clause.rstrip(".").split()
    index = _verb_index(words)
    if index is None:
        return None
    verb = words[index]
    subject_words = words[:index]
    aux = None
    if subject_words and subject_words[-1] in ("has", "have", "had", "was", "were"):
        aux = subject_words.pop()
    # "In 1215 the barons … forced the king to seal the charter on 15 June 1215": the year
    # opening the clause without a comma is the date asked, not part of the subject.
    opening = _OPENING_TIME.match(" ".join(subject_words))
    if opening is not None and len(subject_words) > len(opening.group().split()):
        subject_words = subject_words[len(opening.group().split()) :]
    adverb = None
    if subject_words and subject_words[-1].endswith("ly") and subject_words[-1].islower():
        adverb = subject_words.pop()
    listed = _LISTED_SUBJECT.fullmatch(" ".join(subject_words))  # "the presidents of A, B, and C"
    if (
        not subject_words
        or (any(w.endswith(",") for w in subject_words) and not listed)
        or len(subject_words) > 9
    ):
        return None
    if (
        any(
            w.lower() in ("is", "was", "are", "were", "has", "have", "had", "be", "that", "which", "who")
            for w in subject_words
        )
        or subject_words[0].lower() in _SUBORDINATORS
    ):
        return None  # "The treaty was a peace treaty signed on …": no subject to ask about
    rest = words[index + 1 :]
    if verb in ("had", "has", "have") and rest and is_past_verb(rest[0]):
        # "The League had attacked Varnholm in 1211": asked "… did the League attack …", never
        # "did the League have attacked".
        verb, rest = rest[0], rest[1:]
    if re.search(rf"\band\b.*\b{MONTH}\b.*\b{YEAR}\b", " ".join(rest)):
        # "… signed by Varnholm on 3 March 1601, and by Ostrava on 5 September 1601": a second
        # date left in the question ("On what date was it signed by A, and by B on …?").
        return None
    if rest and rest[0] in ("when", "as", "while"):
        # "The war began on 3 March when troops crossed the border": the date asked is the
        # beginning's; the clause after it would make the question read as "begin when …".
        rest = []
    # "… ceased its existence and the United States formally recognized …": two clauses.
    if any(
        w.strip(",") in ("and", "but")
        and (
            any(is_past_verb(x) for x in rest[i + 1 :])
            or rest[i + 1 : i + 2] in (["is"], ["was"], ["are"], ["were"], ["will"], ["has"], ["had"])
        )
        for i, w in enumerate(rest)
    ):
        return None
    subject = _lower_article(common_opening(" ".join(subject_words)))
    middle = f"{adverb} " if adverb else ""
    if aux in ("was", "were"):
        text = f"{wh} {aux} {subject} {middle}{verb} {' '.join(rest)}"
    else:
        base = lemma(verb)
        if base is None:
            return None
        text = f"{wh} did {subject} {middle}{base} {' '.join(rest)}"
    return _as_question(intro + text if intro else text)


_LISTED_SUBJECT = re.compile(
    r"(?:[Tt]he\s+)?[a-z]+(?:\s+[a-z]+)?\s+of\s+[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)+,?\s+and\s+[A-Z][\w'’-]*"
)
# "… in the early 1870s, but the scheme was ditched in 1882" would ask "in which year was but
# the scheme ditched?": a clause that opens with a conjunction has no subject of its own.
_SUBORDINATORS = frozenset(
    "after before when while if although because since as once until but and or yet so".split()
)


def _verb_index(words: list[str]) -> int | None:
    for index, word in enumerate(words[:12]):
        if index and is_past_verb(word):
            before = words[index - 1]
            if before.lower() in ("the", "a", "an", "to") or before[:1].isdigit():
                return None  # "the so-called", "15 detained Armenians": not the verb
            return index
    return None


def _share(sentence: str, start: int, end: int) -> str | None:
    intro, rest = _split_intro(sentence, start)
    offset = len(sentence) - len(rest)
    approx = rest[: start - offset]
    after = rest[end - offset :]
    if not _APPROX.match(approx) or not after.startswith(" of "):
        return None
    after = re.sub(r",\s+with\b.*$", ".", after)  # "…, with 27% disapproving …"
    lead = "roughly what share" if approx.strip() else "what share"
    return _as_question(f"{intro}{lead}{after}")


# Sentence-initial words that are no name: "Negotiations began …", "Environmental groups
# opposed …" read "did negotiations begin", "did environmental groups oppose" in a question.
_COMMON_WORD = re.compile(r"^[A-Z][a-z]+(?:ions|ments|ers|al|ive|ous|ful|ary)$")


def common_opening(subject: str) -> str:
    """`subject` with its first word lower-cased when it is a common word that only the
    sentence start capitalised (a plural like "Negotiations", an adjective like
    "Environmental" before a lower-case noun); a name stays as it is."""
    from caucasusquiz.generator.entities import find_mentions  # entities → questions, not back

    words = subject.split()
    if not words or not _COMMON_WORD.match(words[0]) or (len(words) > 1 and not words[1][:1].islower()):
        return subject
    if any(m.start == 0 for m in find_mentions(subject)):
        return subject  # a name the entities know
    return words[0].lower() + subject[len(words[0]) :]


_COST = re.compile(
    r"^(?P<subject>(?:The\s+)?[A-Z][^,;]{2,80}?)\s+(?P<verb>cost|costs)\s+"
    r"(?P<approx>(?:about|around|approximately|roughly|some|nearly|almost|over|more than)\s+)?$"
)


def _cost(sentence: str, start: int, end: int) -> str | None:
    """ "How much did the X pipeline cost?" for "The X pipeline cost $3.2 billion." (the sum
    closing the clause)."""
    found = _COST.match(sentence[:start])
    if found is None or sentence[end:].strip(" .") != "":
        return None
    subject = _lower_article(common_opening(found.group("subject")))
    roughly = "roughly " if found.group("approx") else ""
    does = "does" if found.group("verb") == "costs" else "did"
    return _as_question(f"{roughly}how much {does} {subject} cost")


def _lower_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An", "Former", "Then"):
        return f"{first.lower()} {rest}".strip()
    return text


def _as_question(text: str) -> str:
    text = text.strip()
    if text.endswith(('."', ".'")):  # a quotation closing the sentence keeps its quote mark
        text = text[:-2] + text[-1]
    text = text.rstrip(".").rstrip(",").strip()
    return text[:1].upper() + text[1:] + "?"
