"""The last check every card passes before it is written: is it clearly a good card?

The steps before it build a card from one sentence; this gate reads the finished card as a
strict teacher would, and rejects it (with a reason `--coverage` counts) when it names no
one it is about, does not read as a sentence, leans on a day it never dates, uses an
acronym it never spells out, asks a total, or offers a year that could not be. It knows no
subject: every rule reads the card's own words (and, for years, what the documents said).
A card that is not clearly good is not made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from caucasusquiz.generator.cards import Draft, near_subject
from caucasusquiz.generator.damage import lost_rate
from caucasusquiz.generator.dates import ANY_YEAR, MONTH, YEAR
from caucasusquiz.generator.english import KIND_WORD
from caucasusquiz.generator.entities import find_mentions, fold
from caucasusquiz.generator.famous import is_famous
from caucasusquiz.generator.questions import is_past_verb
from caucasusquiz.generator.standalone import standalone_reason

UNNAMED = "gate: names nothing it is about ('the delegation', 'the treaty', 'he': which one?)"
BROKEN = "gate: not a sentence (a clause start or a dangling word)"
UNBALANCED = "gate: not a sentence (an unmatched quote or bracket)"
NO_MAIN_CLAUSE = "gate: not a sentence (its main clause is missing)"
CURRENCY_TWICE = "gate: not a sentence (the currency is said twice)"
SYMBOL = "gate: a bullet or symbol in the text"
UNDATED_DAY = "gate: a weekday or relative day without a date"
ACRONYM = "gate: an acronym never spelled out"
TOTAL = "gate: the answer sums several things (a total)"
IMPOSSIBLE_YEAR = "gate: an option outside the possible years"
SUBJECT = "gate: the document's subject is the answer"
OPEN = "gate: an open question (many right answers)"
COPIED = "gate: a long copied sentence with a blank"
TWO_FACTS = "gate: two facts joined in one statement"
HEDGED = "gate: a possibility or an effort, not a fact"
LOST_NUMBER = "gate: the source lost a number ('up to per day')"
QUESTION_SOURCE = "gate: the source sentence is a question, a caption or a title"
LABEL_DATE = "gate: the date labels a thing (a poll's year, a name's year, a range's end, 'since')"
FAMOUS_DATE = "gate: a world-famous date (known without the documents)"
STALE = "gate: 'now' or an undated present count (out of date)"
THIN_PERSON = (
    "gate: a person's name in a sentence that tells nothing worth knowing of them "
    "('Governor ___ was caught by surprise')"
)
UNDATED_RANK = (
    "gate: an undated rank ('the second longest bridge', 'the largest'): it changes as others are built"
)
PAST_PERFECT = "gate: a past perfect with no point of reference"
BAD_QUESTION = "gate: the question's grammar broke in the rewrite"
ARITHMETIC = "gate: the prompt's own numbers give the answer (100 - 20 - 32 = 48)"
ANNIVERSARY = "gate: an anniversary's year (a start year plus a count; incidental)"
PROCEDURAL = "gate: a treaty's procedural date (ratifications exchanged, proclaimed), not its signing"
ALIAS = "gate: another name of what the card names ('known as the …')"
GIVEN_AWAY = "gate: the rest of the prompt gives the blank away ('Argentine forces' → Argentina)"
SCENE = "gate: the blank is the scene ('In the ___, the Prime Minister …'), not the fact"
LIST_ITEM = "gate: one item of a list blanked (the others shown)"
SOURCE_TALK = "gate: talk about sources or names ('some articles call it …'), not a fact"
DANGLING = "gate: 'the island', 'such plans', 'construction' with no name for it (which one?)"
RELATIVE_TIME = "gate: a relative time ('a few decades later') with no date it counts from"

# A cloze or statement longer than this is a copied sentence, not the clause that holds the fact.
MAX_STATEMENT_WORDS = 24

_REFERENT_HEADS = (
    "pipeline|pipelines|work|works|treaty|treaties|deal|base|government|country|countries|"
    "agreement|agreements|accord|pact|project|projects|siege|plan|program|programme|company|"
    "talks|bill|law|ban|section|fund|summit|meeting|conflict|dispute|war|consortium|alliance|"
    "ministry|embassy|sanctions|initiative|resolution|measure|policy|proposal|"
    "operation|facility|plant|site|field|construction|decision|commission|committee|court|"
    "region|territory|territories|city|capital|watchdog|regulator|declaration|crisis|"
    "incident|attack|battle|offensive|army|troops|forces|side|sides|document|statement|report|"
    "breakthrough|negotiations|visit|trip|move|step|vote|ceremony|invasion|delegation|"
    "conference|total|amount|sum|figure|contingent|line|terminal|legation|system|month|bloc|"
    "canal|bridge|dam|tunnel|waterway|port|railway|settlement|dialogue|land"
)
_BARE_REFERENT = re.compile(
    rf"\b[Tt]he\s+((?:[a-z0-9_$][\w$,.-]*\s+|[A-Z]+-[a-z]+\s+){{0,3}})({_REFERENT_HEADS})\b"
    rf"(?!\s+(?:of|in|on|between|with|to|for|from|at)\s+(?:the\s+)?(?!{MONTH}\b)[A-Z])"
    r"(?!\s+(?:to|that|which|who|in|of)\b)"
)
# "The Line held …", "The Treaty was signed …": a name shortened to its kind, whose name the
# card never says.
_SHORT_NAME = re.compile(
    r"\b[Tt]he\s+(?:Line|Pipeline|Terminal|Treaty|War|Agreement|Accords?|Legation|Embassy|Attack|"
    r"Invasion|Project|Alliance|Pact|Bloc|System)\b(?!\s+(?:of|on|in|for|between|to)\b)(?=\s+[a-z])"
)
# A war's toll told without naming the war: "Estimates of Soviet losses range …", "After the
# cessation of hostilities …".
_WAR_TALK = re.compile(
    r"\b(?:casualties|losses|hostilities|killed|wounded|dead|deaths|evacuated|ceasefire|armistice)\b",
    re.IGNORECASE,
)
_NAMED_EVENT = re.compile(
    r"\b[A-Z][\w'’-]*\s+(?:[A-Z][\w'’-]*\s+)*(?:War|Battle|Conflict|Campaign|Invasion|Offensive|Siege|"
    r"Operation|Crisis|Revolution|Uprising|Disaster|Spill)\b|\b(?:War|Battle|Siege) of [A-Z]"
)
# "celebrated 85 years of relations", "the 50th anniversary": a date plus a count.
_ANNIVERSARY = re.compile(
    r"\b(?:anniversary|anniversaries|centenary|centennial|jubilee|commemorat\w*|celebrat\w*)\b"
    r"|\b\d+(?:st|nd|rd|th)?\s+years?\s+of\b",
    re.IGNORECASE,
)
# The steps after a treaty is signed: incidental next to its signing.
_PROCEDURAL = re.compile(
    r"\b(?:ratifications?\b[^.?]{0,60}?\bexchanged|exchange of (?:the )?(?:\w+\s+){0,3}ratifications?|"
    # a treaty proclaimed, not a state ("the Republic was proclaimed on 28 May 1918" is a fact)
    r"(?:treaty|agreement|convention|accords?|pact)\b[^.?]{0,40}?\bproclaimed)\b",
    re.IGNORECASE,
)
# "known as the '1st {{Soviet-Finnish War}}'": a second name of what the prompt names already.
_ALIAS_BEFORE = re.compile(
    r"(?:[A-Z][\w'’-]*|[\'’”\"])\s*,?\s+(?:also\s+)?(?:known|referred to|nicknamed|called)\s+(?:as\s+)?"
    r"(?:the\s+)?[\'‘“\"]?[\w'’-]*\s*$",
)
# "was and the Treaty …", "did and …": a clause cut out of the question.
_AUX_AND = re.compile(r"\b(?:was|were|is|are|did|does|do|has|have|had)\s+and\b")
# "Which … General has said?": a speech verb with nothing said.
_SAID_NOTHING = re.compile(r"\b(?:said|stated|noted|added|says|states|remarked|declared)\s*\?$")
# "Resulting in modifications …, on what date …?": a participle with nothing to hang on.
_DANGLING_PARTICIPLE = re.compile(
    r"^(?!According|Including|Regarding|Following|Concerning|Considering|During|Excluding|Beginning|Starting)"
    r"[A-Z][a-z]+ing\b[^?]{0,120},\s+(?:on\s+)?(?:what|which|who|when|how)\b"
)
# "{{$3.25 million}} US dollars": the currency said twice.
_CURRENCY_AFTER = re.compile(r"^\s*(?:US\s+|U\.S\.\s+)?(?:dollars|euros|pounds|USD)\b")
# "the first country to …", "the second-longest oil pipeline in …": a rank, not a referent.
_RANK = re.compile(r"\b(?:first|only|last|second|third|fourth|fifth|\w+est|\w+-\w+est)\b")
_DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "In", "On"}
# "troops to the island", "the state's debt": a place the card never names (a paragraph's one
# "San Juan Island" is named before the gate, by `referents.with_paragraph_names`).
_DANGLING_KIND = re.compile(
    r"\b[Tt]he\s+(?:island|islands|state|lake|river|colony|province|reservoir|valley|bay|peninsula)\b"
    r"(?!\s+(?:(?:of|between|at|in|on|from|called|named|known)\s+(?:the\s+)?)?[A-Z])(?!\s+(?:that|which|where)\b)"
)
# "The legislature authorized construction in 1817": the construction of what?
_DANGLING_WORK = re.compile(
    r"\b(?:authori[sz]ed|approved|began|started|completed|finished|halted|funded|financed|resumed)\s+"
    r"(?:the\s+)?(?:construction|work|building)\b(?!\s+(?:of|on)\b)"
)
# "to effect such plans": which plans? ("such as" lists, "such a" and "as such" are other words.)
_SUCH = re.compile(r"\bsuch\s+(?!as\b|a\b|an\b|that\b)[a-z]+s\b")
# "a few decades later", "two years later": later than what the sentence before dated.
_LATER = re.compile(
    r"\b(?:a\s+few|several|many|some|a\s+couple\s+of|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:days|weeks|months|years|decades|centuries)\s+later\b|\b(?:a|one)\s+(?:day|week|month|year|decade|"
    r"century)\s+later\b",
    re.IGNORECASE,
)
# What a "later" may count from inside the card: a year, a blank (a date asked), or an event
# ("after Karimov's death and, a few months later, …").
_YEARISH = re.compile(
    r"(?<!\d)1\d{3}(?!\d)|(?<!\d)20\d\d(?!\d)|\{\{|___|\b(?:after|following|when|once)\b", re.IGNORECASE
)
# "For their efforts, …": whose?
_LEAD_PRONOUN = re.compile(
    r"^(?:For|In|By|With|Despite|After|Before|Because of)\s+(?:their|his|her|its|this|these|those)\b"
)
_PRONOUN_START = re.compile(r"^(?:It|He|She|They|This|These|Those|That|Its|His|Her|Their|Such)\b(?!\s+[A-Z])")
_PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b")
_VAGUE = re.compile(
    r"\bwhat (?:would|was to|later) become\b|\bthe other side of the (?:world|globe|ocean|river|border)\b"
    r"|\bthe (?:latter|former)\b(?=\s*[,.;?]|\s+(?:is|was|were|are|had|has)\b)",
    re.IGNORECASE,
)

_CLAUSE_START = re.compile(
    r"\b(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\s+"
    r"(?:As|When|While|After|Before|Although|Though|If|Since|Because|Despite|Following|Once|"
    r"Until|Unless|Whereas|However|But|And|Or|So|Yet|Then|Also|Additionally|Meanwhile|Moreover|"
    r"Furthermore|According|During)\b"
)
_STATEMENT_START = re.compile(
    r"^(?:For example|For instance|And|But|Or|Nor|So|Yet|Because|Although|Though|While|Whereas|"
    r"Which|Who|Whom|Whose|That|As|If|When|Since|Unless|Until)\b|^[a-z](?![A-Z])"
)
_NO_MAIN_VERB = re.compile(
    r"^(?:True or false:\s*)?[A-Z][^,;]{0,60},\s+(?:which|who|whose)\b(?:[^,;]|,(?=\d{3}))*[.!]?$"
)
_DANGLING = re.compile(r"\b(?:and|or|but|nor|the|a|an|that|which|whose|than)\s*[.?!]?\s*$", re.IGNORECASE)
_DANGLING_STATEMENT = re.compile(r"\b(?:of|with|to|from|by|as|in|on|at|for)\s*[.!]?\s*$")
_EMPTY_PUNCTUATION = re.compile(r"\s[,.;:?!]|[,;:]\s*[.?!]\s*$|,\s*,")
_ALLOWED_PUNCTUATION = set(" .,;:!?'\"’‘“”()-–—/%$€£¥&+°…_")

_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_DATED_AFTER = re.compile(rf"^,?\s*(?:{MONTH}\s+\d|\d{{1,2}}\s+{MONTH})")
_RELATIVE_DAY = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|last (?:week|month|year|night)|"
    r"next (?:week|month|year)|this (?:week|month|year|morning|afternoon|evening)|recently)\b",
    re.IGNORECASE,
)

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*s?\b")
# Acronyms that are the name itself, known to any reader.
_KNOWN_ACRONYMS = frozenset(
    "US USA UK UN EU NATO USSR SSR UAE GDP CEO TV AM PM BC AD CIA FBI KGB IMF OPEC BP BBC CNN"
    " AIDS HIV WWII".split()
)
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_STATE_WORDS = frozenset("the a an of independent state republic country nation new s 's".split())
_SMALL_WORDS = frozenset("of and the for on to de del la in at".split())

_TOTAL = re.compile(
    r"\b(?:a total of|in total|totall?ed|combined|altogether|in all|together)\b", re.IGNORECASE
)

# "opened its embassy in 1992 then moved in ___", "recognized … on ___, and opened …".
_TWO_FACTS = re.compile(
    r"\bthen\s+[a-z]+ed\b|,\s+and\s+(?:then\s+|later\s+)?[a-z]+ed\b"
    # "Between which two places was the bridge inaugurated on 1 July 2000 and is a … link?": a
    # question that asks one act and states a second, present-tense fact beside it
    r"|^(?:[A-Z]\w*\s+)?(?:[Ww]hich|[Ww]hat|[Ww]ho|[Ww]hen|[Ww]here)\b[^?]*\s+[a-z]+ed\b[^?]*\s+and\s+(?:is|are)\s+(?:a|an|the)\b[^?]*\?$"
)
# "Germany would invest …", "made efforts to conclude …": what might be, not what was.
_HEDGED = re.compile(
    r"\b(?:would|could|might|may)\s+(?:be\s+)?[a-z]+\b"
    r"|\bmade\s+(?:\w+\s+)?(?:efforts?|attempts?) to\b"
    r"|\b(?:plans?|hopes?|seeks?|sought|intends?|tried|tries) to\b|\bamong others\b"
    r"|\b(?:evident|apparent|seemed|seems|appeared)\b"
    # "Relations improved slightly in 2007": a vague change, not a fact to learn
    r"|\b(?:improved|worsened|cooled|warmed|grew|declined|increased|decreased)\s+(?:slightly|somewhat|marginally)\b"
)
_OFFICE_QUESTION = re.compile(
    r"\b[Ww]hich (?:Vice President|President|Prime Minister|Foreign Minister|Minister|Ambassador|"
    r"Defen[cs]e Minister|Secretary)\b(?!\s+of\b)"
)
_OPEN_ACT = re.compile(r"^(?:[^,?]+, )?[Ww]hat did (?P<actor>[^?]+?) \w+\?$")

_NAME = r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
_BUILT = (
    r"((?:[A-Z][\w'’.-]*\s+){0,3}(?:Tunnel|Canal|Bridge|Dam|Railway|Pipeline|Airport|Port|Embassy|"
    r"Consulate|Museum|University|Academy|Highway|Station))\b"
)
_FOUNDED = (
    re.compile(rf"\bindependen(?:t|ce)\s+(?:state\s+|republic\s+)?of\s+(?:the\s+)?{_NAME}"),
    re.compile(rf"{_NAME}(?:['’]s)?\s+(?:declared\s+|gained\s+|proclaimed\s+|became\s+|won\s+)?independen"),
    re.compile(rf"{_NAME}\s+(?:was|were)\s+(?:founded|established|created|formed|proclaimed)\b"),
    # A built thing's opening: "the tunnel opened in 1994 … formally opened the long-awaited
    # Channel Tunnel", "the Lune Canal was opened in 1822", "the Lune Canal opened on …".
    re.compile(rf"{_BUILT}\s+(?:was\s+)?(?:(?:officially|formally)\s+)?(?:opened|inaugurated)\b"),
    re.compile(rf"\b(?:opened|inaugurated)\s+(?:the\s+)?(?:[a-z-]+\s+){{0,2}}{_BUILT}"),
)
# A war's end: "The Lune War finally ended in 1796", "The Lune War (4 May 1791 – 2 June 1796)",
# "The Lune War … from 1791 to 1796".
_WAR = r"((?:[A-Z][\w'’.-]*\s+){0,3}(?:War|Rebellion|Revolt|Uprising|Crisis)|\b[Tt]he\s+war)"
_WAR_TITLE = re.compile(r"\b(?:War|Rebellion|Revolt|Uprising|Crisis)$")
_ENDED = (
    re.compile(
        rf"{_WAR}\s+(?:\w+\s+)?ended\s+(?:in|on)\s+(?:\d{{1,2}}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{{1,2}},\s+)?(?P<end>\d{{4}})"
    ),
    re.compile(rf"{_WAR}\s*\([^()]*?\d{{4}}\s*[–-]\s*(?:\d{{1,2}}\s+[A-Z][a-z]+\s+)?(?P<end>\d{{4}})\)"),
)
# "President X greets Y on the South Lawn, Wednesday, July 31, 2019": a caption or dateline.
_CAPTION = re.compile(
    rf"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}})"
    r"(?:,\s+in\s+[A-Z][\w .'’-]*)?\.?\s*(?:\(|$)"
)
# "Official greeters await the arrival of X in Chisinau, March 2011.": a photo caption — a
# present-tense scene with its date glued on after a comma.
_CAPTION_DATE = re.compile(
    rf",\s+(?:(?:{MONTH}\s+)?(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}})\.?\s*$"
)
_PRESENT_SCENE = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){0,6}?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:await|awaits|greet|greets|meet|meets|shake|shakes|speak|speaks|walk|walks|arrive|arrives|"
    r"attend|attends|stand|stands|pose|poses|listen|listens|sign|signs|visit|visits|watch|watches|"
    r"talk|talks|wave|waves|address|addresses|are|is)\b"
)
_SOURCE_TALK = re.compile(
    r"\b(?:[Ss]ome|[Mm]any|[Oo]ther|[Mm]ost) (?:articles|sources|authors|writers|historians|accounts)"
    r"\s+(?:\w+ly\s+)?(?:refer|call|name|describe|say|claim)|\berroneously\b|\bis the name given\b"
)

# What follows a year that only labels a publication or an event's name: "a 2010 Gallup poll",
# "the September 11, 2001 attacks".
_LABELLED = re.compile(
    r"^\s*(?:[A-Z][\w'’.-]*\s+){0,5}"
    r"(?i:polls?|surveys?|reports?|study|index|census|rankings?|edition|attacks?|bombings?)\b"
)
_RANGE_END = re.compile(r"\d{4}\s*[–-]\s*$")
_STALE = re.compile(r"\b(?:now|currently|presently|at present|to date|so far|(?:has|have) since)\b")
_CONTEXT_NOW = re.compile(r"\b(?:now|currently|presently|at present)\b(?!-)")
_PAST = re.compile(rf"\b(?:was|were|had|did|cost|[a-z]\w*ed)\b|(?<!\d){YEAR}(?!\d)")
_LENGTH_UNIT = re.compile(
    r"(?:^|\s)\s*(?:kilometres|kilometers|km|miles|mi|metres|meters|feet|square|hectares|barrels|tonnes|tons|cubic|megawatts|gigawatts)\b"
)
_PRESENT_SHARE = re.compile(
    r"\s+(?:of\s+[^,.;]{0,80}?\s+)?(?:comes?|goes?|is|are|accounts?\s+for|makes?\s+up|remains?)\b"
)
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(?:now\s+|only\s+|still\s+)?[a-z]{3,}ing\b")
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been|[a-z]+(?:ed|en|wn|ne|lt|nt|ght))\b")
_TITLE_CITED = re.compile(r"\b[Aa]ccording to\s+[“\"‘]")
# "Relations cooled …", "Trade relations are regulated …": whose?
_BARE_RELATIONS = re.compile(
    r"^(?:True or false:\s*)?(?:[A-Z][a-z]+\s+)?[Rr]elations\b(?!\s+(?:between|with)\b)"
)
# Words that must say of what: "the delegation", "Phase III", "the first two phases", "the earliest
# example".
_NEEDS_OF = (
    re.compile(r"\bdelegations?\b(?!\s+(?:to|at|of|in|for|from|led|headed)\b)"),
    # "The task force was made up of 127 ships": whose? ("entered into force" is no force.)
    re.compile(
        r"\b[Tt]he\s+(?:[a-z]+\s+)?(?:task|armed|peacekeeping|expeditionary|naval|military)\s+force\b"
        r"(?!\s+(?:of|in|for)\b)"
    ),
    # "Who led the Clinton Administration's team?": a team for what?
    re.compile(r"\bteams?\b(?!\s+(?:to|at|of|in|for|from|that|which|who)\b)"),
    # "X status was granted in 1995": to whom? ("Vestia was granted observer status" names it.)
    re.compile(
        r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:granted|awarded|given|extended|offered|conferred)"
        r"(?=\s+(?:in|on|by|at|during|after|before|from|under|for)\b|\s*[,.;]|\s*$)"
    ),
    # "accept Roosevelt's invitation": to what?
    re.compile(
        r"\b[A-Z][\w.-]*['’]s\s+(?:invitation|offer|proposal|request|appeal|mediation|call|plan)\b"
        r"(?!\s+(?:to|for|of|on)\b)"
    ),
    re.compile(r"\b(?:[Pp]hases?|[Ss]tages?)\s+(?:[IVX]+|\d+)\b(?!\s+of\b)"),
    re.compile(r"\b[Tt]he\s+(?:\w+\s+){1,2}(?:phases|stages)\b(?!\s+of\b)"),
    re.compile(
        r"\b(?:earliest|first|latest|last|best|one|an?)\s+(?:known\s+)?(?:example|instance)\b(?!\s+of\b)"
    ),
)
_AUX_CAPITAL = re.compile(
    r"\b(?:did|do|does|was|were|is|are|has|have|had)\s+([A-Z][a-z]+)"
    r"(?=\s+(?:of|in|for|between|with|to|on|from)\b|\s+[a-z]+[^su\W]s\b)"
)
# After a date, a clause that runs on without a comma: "completed in January 2014 runs 784 km".
_RUN_ON = re.compile(r"^\)?\s+([a-z]+(?:s|ing))\b")
_NOT_VERBS = frozenset(
    "as is was has its this his thus plus across towards versus unless whereas besides always perhaps"
    " following including during according regarding concerning being beginning starting ending"
    " excluding notwithstanding pending days years months weeks times".split()
)

# A person named in the prompt acts within this many years of what the documents date them by.
OFFICE_SPAN = 4


@dataclass
class Known:
    """What the documents say that bounds a card's years."""

    founded: dict[str, int] = field(default_factory=dict)  # a name -> the year it began
    person_years: dict[str, list[int]] = field(default_factory=dict)  # canonical -> years said
    ended: dict[str, int] = field(default_factory=dict)  # a war's name (folded) -> the year it ended

    def learn(self, sentence: str) -> None:
        """Note a state's or body's first year when the sentence tells it."""
        years = [int(y) for y in ANY_YEAR.findall(sentence)]
        if not years:
            return
        for pattern in _FOUNDED:
            for match in pattern.finditer(sentence):
                name = match.group(1).strip()
                if name.split()[0] in _DETERMINERS:
                    name = " ".join(name.split()[1:])
                if name:
                    self.founded[name] = min(self.founded.get(name, years[0]), min(years))

    def learn_end(self, sentence: str, title: str) -> None:
        """Note a war's last year when the sentence tells it; "the war" in an article titled
        as a war is the title's."""
        for pattern in _ENDED:
            for match in pattern.finditer(sentence):
                name = re.sub(r"^(?:The|A|An)\s+", "", match.group(1).strip())
                if name.lower() in ("war", "the war") or not name[:1].isupper():
                    name = title if _WAR_TITLE.search(title) else ""
                if name:
                    self.ended[fold(name)] = max(self.ended.get(fold(name), 0), int(match.group("end")))


def gate_reason(draft: Draft, subjects: Iterable[str], known: Known | None = None) -> str | None:
    """Why the finished card is not clearly good, or None when it may be written."""
    subjects = list(subjects)
    fields = dict(draft.body)
    prompt = _plain(draft.prompt)
    statement = draft.type in ("cloze", "truefalse") or "___" in prompt
    answer = str(fields.get("answer", draft.answer_text)) if draft.type != "truefalse" else ""
    if draft.type == "cloze" and not answer:
        blank = re.search(r"\{\{(.+?)(?:::[^}]*)?\}\}", draft.prompt)
        answer = blank.group(1) if blank else ""
    listed = fields.get("distractors")
    options = [str(o) for o in listed] if draft.type == "choice" and isinstance(listed, list | tuple) else []
    texts = [prompt, answer, *options]
    if any(ch for text in texts for ch in text if not (ch.isalnum() or ch in _ALLOWED_PUNCTUATION)):
        return SYMBOL
    context = draft.context
    if context.rstrip().endswith("?") or "?." in prompt or _CAPTION.search(context) or _caption(context):
        return QUESTION_SOURCE
    if _SOURCE_TALK.search(context):
        return SOURCE_TALK
    if lost_rate(context) or lost_rate(prompt):
        return LOST_NUMBER
    broken = _broken(prompt, statement)
    if broken is not None:
        return broken
    if _AUX_AND.search(prompt):
        return BROKEN
    if statement and len(prompt.split()) > MAX_STATEMENT_WORDS:
        return COPIED
    if _TWO_FACTS.search(prompt):
        return TWO_FACTS
    if _unnamed(prompt) or _BARE_RELATIONS.search(prompt) or any(p.search(prompt) for p in _NEEDS_OF):
        return UNNAMED
    if _DANGLING_KIND.search(prompt) or _DANGLING_WORK.search(prompt) or _SUCH.search(prompt):
        return DANGLING
    later = _LATER.search(prompt)
    if later is not None and not _YEARISH.search(prompt[: later.start()]):
        return RELATIVE_TIME
    if _TITLE_CITED.search(prompt) or _bad_question(draft, prompt, answer):
        return BAD_QUESTION
    if draft.type in ("qa", "choice") and (
        _SAID_NOTHING.search(prompt) or _DANGLING_PARTICIPLE.search(prompt)
    ):
        return BAD_QUESTION
    blanked = _blanked(draft)
    if blanked is not None and answer:
        before, after = blanked
        # A law, treaty, organisation or event opening the sentence ("In the Treaty of Penn, …")
        # is the fact; a place (or a name taken for a person) only sets the scene.
        if (
            _scene(before, after)
            and not any(ch.isdigit() for ch in answer)
            and not set(draft.tags) & _NAMED_KINDS
        ):
            return SCENE
        if _list_item(before, after):
            return LIST_ITEM
        if _given_away(answer, before + " " + after):
            return GIVEN_AWAY
        if answer[:1] in "$€£¥" and _CURRENCY_AFTER.match(after):
            return CURRENCY_TWICE
        if not any(ch.isdigit() for ch in answer) and _ALIAS_BEFORE.search(before):
            return ALIAS
    if _PAST_PERFECT.search(prompt):
        return PAST_PERFECT
    if statement and _HEDGED.search(prompt):
        return HEDGED
    if _undated_day(prompt) or _yearless_day(answer, prompt):
        return UNDATED_DAY
    if answer and ANY_YEAR.fullmatch(answer.strip()) and _ANNIVERSARY.search(prompt):
        return ANNIVERSARY
    if answer and ANY_YEAR.search(answer) and _PROCEDURAL.search(prompt):
        return PROCEDURAL
    if answer and _from_prompt_numbers(answer, draft.prompt):
        return ARITHMETIC
    if _unexplained_acronym(prompt) or _unexplained_acronym(answer):
        return ACRONYM
    if _stale(prompt, context, answer):
        return STALE
    if _undated_rank(prompt.replace("___", answer, 1) if answer else prompt):
        return UNDATED_RANK
    if draft.tags[:1] == ("person",) and answer and _thin(prompt, answer):
        return THIN_PERSON
    subject_names = set(subjects)
    if answer and _is_subject(answer, subject_names):
        return SUBJECT
    filled = prompt.replace("___", answer, 1) if answer else prompt
    asked = _asked_time(draft, filled, answer)
    if asked is not None:
        if is_famous(asked[0]):
            return FAMOUS_DATE
        if _labels(filled, context, asked, subject_names):
            return LABEL_DATE
    if _open_question(prompt, subject_names):
        return OPEN
    if answer and any(c.isdigit() for c in answer) and _TOTAL.search(prompt):
        return TOTAL
    if options and known is not None and _impossible_year(prompt, [answer, *options], known, subjects):
        return IMPOSSIBLE_YEAR
    # Last, every card whatever made it: does its prompt stand alone (`standalone`)?
    # A true/false card states its figure: judged as the span it asks.
    asked_span = answer or (draft.answer_text if draft.type == "truefalse" else "")
    return standalone_reason(draft.type, prompt, asked_span, _blanked(draft), draft.tags, subject_names)


def _plain(prompt: str) -> str:
    """The prompt as read with its blank filled: '{{1932::year}}' → '1932'."""
    return re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", prompt).strip()


def _broken(prompt: str, statement: bool) -> str | None:
    """Why the prompt does not read as a sentence, or None."""
    if _CLAUSE_START.search(prompt) or _DANGLING.search(prompt) or _EMPTY_PUNCTUATION.search(prompt):
        return BROKEN
    if statement and (_STATEMENT_START.search(prompt) or _DANGLING_STATEMENT.search(prompt)):
        return BROKEN
    if statement and _no_main_clause(prompt):
        return NO_MAIN_CLAUSE  # "The Bosnian War, which resulted in … deaths." : the main clause is gone
    pairs = (("(", ")"), ("[", "]"), ("“", "”"))
    # Only double quotes pair up: "'" is an apostrophe ("the Thirty Years' War", "Sweden's"), as
    # the text was normalised; a quote in single marks is no sentence fault either way.
    if any(prompt.count(a) != prompt.count(b) for a, b in pairs) or prompt.count('"') % 2 == 1:
        return UNBALANCED
    return None


def _no_main_clause(prompt: str) -> bool:
    """ "The Lake War, which resulted in … deaths.": a name, then only its relative clause.
    "The treaty ended the Thirty Years' War, which had begun in 1618" has its verb before the comma."""
    shape = _NO_MAIN_VERB.match(prompt)
    if shape is None:
        return False
    head = prompt[: prompt.index(",")]
    head = re.sub(r"^True or false:\s*", "", head)
    return not any(is_past_verb(word) or word in _HEAD_VERBS for word in head.split()[1:])


# Verbs a short main clause before ", which …" holds besides a past tense.
_HEAD_VERBS = frozenset("is are was were has have had remains lies runs links connects ends".split())


def _unnamed(prompt: str) -> bool:
    if _PRONOUN_START.search(prompt) or _LEAD_PRONOUN.search(prompt) or _VAGUE.search(prompt):
        return True
    if _SHORT_NAME.search(prompt):
        return True
    if _WAR_TALK.search(prompt) and not _NAMED_EVENT.search(prompt):
        return True
    if _PRONOUN.search(prompt) and not any(m.kind == "person" for m in find_mentions(prompt)):
        return True  # "he" with no one named for it
    for match in _BARE_REFERENT.finditer(prompt):
        head = match.group(2)
        if _RANK.search(match.group(1)):
            continue
        # A name before the head ("the Nord Stream 2 gas pipeline"), not a word of the
        # clause before it ("The League of Nations deemed the attack …") nor an adjective
        # ("the US-led bloc").
        named = re.search(
            rf"\b([A-Z][\w'’.]*(?:\s+\d+)?)\s+(?:(?!the\b|a\b|an\b)[a-z][\w-]*\s+){{0,2}}{head}\b", prompt
        )
        if named and named.group(1) not in _DETERMINERS:
            continue  # "the Nord Stream 2 gas pipeline … the pipeline"
        if re.search(rf"\b{head}\s+of\s+(?:the\s+)?[A-Z]", prompt, re.IGNORECASE):
            continue  # "the Treaty of Kars … the treaty"
        return True
    return False


def _yearless_day(answer: str, prompt: str) -> bool:
    """ "March 16" asked with no year anywhere on the card: which March?"""
    day = re.fullmatch(rf"(?:{MONTH}|[A-Z][a-z]{{2}}\.?)\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}", answer.strip())
    return day is not None and not ANY_YEAR.search(prompt)


_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\d])")


def _numbers(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in _NUMBER.findall(text)]


def _from_prompt_numbers(answer: str, raw_prompt: str) -> bool:
    """The answer is what two of the prompt's own numbers add up to or differ by, or the
    share left of 100%: a student computes it instead of knowing it."""
    found = _numbers(answer)
    if len(found) != 1 or found[0] == 0:
        return False
    value = found[0]
    rest = re.sub(r"\{\{[^}]*\}\}|___", " ", raw_prompt)
    others = [n for n in _numbers(rest) if n != value]
    if answer.strip().endswith("%") or "percent" in answer:
        shares = [float(m.replace(",", "")) for m in re.findall(r"(\d[\d,.]*)\s*(?:%|percent)", rest)]
        if len(shares) >= 2 and abs(100 - sum(shares) - value) < 0.01:
            return True
    for i, a in enumerate(others):
        for b in others[i + 1 :]:
            if a + b == value or abs(a - b) == value:
                return True
    return False


def _undated_day(prompt: str) -> bool:
    if _RELATIVE_DAY.search(prompt):
        return True
    return any(not _DATED_AFTER.match(prompt[m.end() :]) for m in _WEEKDAY.finditer(prompt))


def _unexplained_acronym(text: str) -> bool:
    for match in _ACRONYM.finditer(text):
        word = match.group(0).rstrip("s") if match.group(0).endswith("s") else match.group(0)
        if word in _KNOWN_ACRONYMS or _ROMAN.match(word) or len(word) > 7:
            continue
        if _spelled_out(text[: match.start()], word):
            continue
        return True
    return False


def _spelled_out(before: str, acronym: str) -> bool:
    """'Semipalatinsk Test Site (STS)': the words before it begin with its letters."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", before) if w.lower() not in _SMALL_WORDS]
    initials = "".join(w[0].upper() for w in words)
    letters = re.sub(r"[^A-Z]", "", acronym)
    return len(letters) >= 2 and initials.endswith(letters)


def _is_subject(answer: str, subjects: set[str]) -> bool:
    """'the independent state of Kazakhstan' in an article on Kazakhstan: the subject itself."""
    return (
        near_subject(answer, subjects)
        or _only_subject(answer, subjects)
        or _misspelt_subject(answer, subjects)
    )


def _kind_word(name: str) -> str:
    return " ".join(KIND_WORD.get(word, word) for word in name.split())


def _misspelt_subject(answer: str, subjects: set[str]) -> bool:
    """The subject as another source spells it: "Treaty of Guadeloup-Hidalgo" for "Treaty of
    Guadalupe Hidalgo" (a long name, nearly the same letters), "Dayton Accords" for "Dayton
    Agreement"."""
    folded = _kind_word(re.sub(r"[\s–-]+", " ", fold(re.sub(r"^(?:the|The)\s+", "", answer))).strip())
    if len(folded) < 10:
        return False
    for subject in subjects:
        other = _kind_word(re.sub(r"[\s–-]+", " ", subject).strip())
        if len(other) >= 10 and SequenceMatcher(None, folded, other).ratio() >= 0.85:
            return True
    return False


def _only_subject(text: str, subjects: set[str]) -> bool:
    """The text names the document's subject and nothing else ('Vestia', 'the Republic of Vestia')."""
    rest = text
    for mention in find_mentions(text):
        if mention.canonical in subjects or fold(mention.text) in subjects:
            rest = rest.replace(mention.text, " ")
    rest = fold(rest)
    for subject in sorted(subjects, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(subject)}(?!\w)", " ", rest)
    if rest == fold(text):
        return False
    return all(word in _STATE_WORDS for word in re.findall(r"[\w'’-]+", rest))


def _open_question(prompt: str, subjects: set[str]) -> bool:
    if len(subjects) >= 2 and _OFFICE_QUESTION.search(prompt):
        return True  # "Which Vice President …?" in an article on two countries: whose?
    match = _OPEN_ACT.match(prompt)
    if match is None:
        return False
    return _only_subject(match.group("actor"), subjects)


def _impossible_year(prompt: str, options: list[str], known: Known, subjects: Iterable[str] = ()) -> bool:
    years = [int(y) for option in options for y in ANY_YEAR.findall(option)]
    if not years:
        return False
    low, high = possible_years(prompt, known, subjects, years[0])
    return any(year < low or year > high for year in years)


def possible_years(
    prompt: str, known: Known, subjects: Iterable[str] = (), answer: int | None = None
) -> tuple[int, int]:
    """The first and last year a card's event may fall in, by what the documents say of the
    names in its prompt: not before a named thing began (a tunnel the documents say opened in
    1994), within a named person's years; and, for a year up to the end of the war a document
    is about (or the prompt names), not after that end (1904 for a war that ended in 1902)."""
    low, high = 0, 10_000
    subjects = set(subjects)
    for name, end in known.ended.items():
        if answer is not None and answer <= end and (name in subjects or name in fold(prompt)):
            high = min(high, end)
    for name, year in known.founded.items():
        # The document's own subject is also "the tunnel" ("in the tunnel's history").
        head = rf"|\b[Tt]he {re.escape(name.split()[-1].lower())}\b" if fold(name) in subjects else ""
        if re.search(rf"\b{re.escape(name)}\b{head}", prompt):
            low = max(low, year)
    for mention in find_mentions(prompt):
        said = known.person_years.get(mention.canonical) if mention.kind == "person" else None
        if said:
            low, high = max(low, min(said) - OFFICE_SPAN), min(high, max(said) + OFFICE_SPAN)
    return low, high


def _asked_time(draft: Draft, prompt: str, answer: str) -> tuple[str, int] | None:
    """The date or year the card asks (for a true/false card, the one it states), and where."""
    value = answer if draft.type != "truefalse" else ""
    if draft.type == "truefalse":
        changed = [y for y in ANY_YEAR.findall(prompt) if y not in draft.context]
        value = changed[0] if changed else draft.answer_text
    if not value or not ANY_YEAR.search(value):
        return None
    return value, prompt.find(value)


def _labels(prompt: str, context: str, asked: tuple[str, int], subjects: set[str]) -> bool:
    """The asked date names a poll, an event or the subject, ends a range, or starts a state."""
    value, where = asked
    text = prompt
    if where < 0:  # a question: the date is read where the source sentence has it
        text, where = context, context.find(value)
        if where < 0:
            return False
    before, after = text[:where], text[where + len(value) :]
    if _LABELLED.match(after) or _RANGE_END.search(before):
        return True
    quoted = context.find(value)
    if quoted >= 0 and _inside_quotes(context[:quoted]):
        return True  # 'named "Man of the Year for 1977"': the year is part of a title
    following = fold(" ".join(after.split()[:6])).split() if re.match(r"\s+[A-Z]", after) else []
    for subject in subjects:
        words = subject.split()
        if words and following[:1] == words[:1] and all(w in following for w in words):
            return True  # "the 1923 Treaty of Tartu" in the article on that treaty
    # "kept a state of war since its founding in 1948" asked as "in which year did it keep …":
    # the year starts a state, it is not when the thing happened.
    since = re.search(rf"\bsince\b[^.;]{{0,40}}{re.escape(value)}", context)
    kept = text is prompt and re.search(r"\bsince\b[^.;]{0,40}$", before)
    return since is not None and not kept


# A measure that changes with the seasons or the years, told in the present tense.
_CHANGING_MEASURE = re.compile(
    r"\b(?:water\s+)?(?:level|elevation|depth|storage|population|reserves|price|flow|output)\b[^.;?]{0,60}?"
    r"\b(?:is|are|stands|sits|remains|currently)\b",
    re.IGNORECASE,
)


# "is the second longest bridge in Europe", "was the largest port": a rank among things of a
# kind holds only until a bigger one is built, so the card needs the year it was true.
_CHANGING_RANK = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|became|becomes|ranks?|ranked|has|have|had)\s+"
    r"(?:(?:now|still|currently)\s+)?"
    r"(?:one\s+of\s+)?the\s+(?:(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))[- ])?"
    r"(?:(?!(?:inter|for|w|hon|mod|requ|prot|cont|conqu|arr|harv|ch|gu|qu|t|n|r|cr|inqu|manif|unr|dig|"
    r"midw|southw|northw|e|b)est\b)[a-z]+est|most\s+[a-z]+)\b"
    # …among things still being built or traded: a closed set ("of the former Soviet republics",
    # "troop contributor in the Iraq War") keeps its rank
    r"(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:bridges?|tunnels?|pipelines?|ports?|canals?|dams?|railways?|roads?|"
    r"buildings?|towers?|airports?|cities|city|economy|economies|producers?|exporters?|importers?|"
    r"markets?|compan(?:y|ies)|partners?|investors?|donors?|suppliers?|sources?|fields?|reserves?|"
    r"structures?|stations?|plants?|terminals?|ships?|vessels?|stadiums?|universit(?:y|ies)|museums?|"
    r"spans?|fleets?|networks?)\b",
    re.IGNORECASE,
)


_THIN_WORDS = 3
_FUNCTION_WORDS = frozenset(
    "a an the was were is are be been by of in on at to for with and or but as his her their its "
    "he she they it this that who which had has have did do not".split()
)


def _thin(prompt: str, answer: str) -> bool:
    """Nothing but the person and a few words: no other name, date or figure, and at most three
    words that say something ("Governor ___ was caught by surprise"): which surprise, where?"""
    rest = prompt.replace("___", " ").replace(answer, " ")
    if re.search(r"\d", rest):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", rest)
    if any(w[:1].isupper() for w in words[1:]) and not all(
        w in _TITLE_WORDS for w in words[1:] if w[:1].isupper()
    ):
        return False
    said = [w for w in words if w.lower() not in _FUNCTION_WORDS and w not in _TITLE_WORDS]
    return len(said) <= _THIN_WORDS


# Titles before a name, no name themselves.
_TITLE_WORDS = frozenset(
    "Governor Lieutenant-Governor President King Queen Prince Princess General Colonel Captain Admiral "
    "Major Lord Lady Sir Minister Secretary Senator Ambassador Chief Commander Emperor Sultan Tsar Pope "
    "Bishop Mr Mrs Dr Who What".split()
)


# "… the second-longest oil pipeline after the Druzhba pipeline": a comparison that names what
# ranks above is a fact worth asking (issue 8 asks for comparisons), not a bare league table.
_NAMED_COMPARISON = re.compile(r"\b(?:after|behind|(?:second )?only to|surpassed only by)\s+(?:the\s+)?[A-Z]")


def _undated_rank(filled: str) -> bool:
    """A rank among things still being built or traded, with no year on the card ("the second
    longest bridge in Europe"); "the largest … when it opened in 2000", "as of 2010" date it,
    and a comparison naming what ranks above ("… after the Druzhba pipeline") is kept."""
    return (
        _CHANGING_RANK.search(filled) is not None
        and ANY_YEAR.search(filled) is None
        and _NAMED_COMPARISON.search(filled) is None
    )


def _stale(prompt: str, context: str, answer: str) -> bool:
    """A present-tense fact with no date: true when written, perhaps not when studied."""
    if _STALE.search(prompt) or (_CONTEXT_NOW.search(context) and not _CONTEXT_NOW.search(prompt)):
        return True
    if not answer or ANY_YEAR.search(answer) or not re.search(r"\d", answer):
        return False
    if _PROGRESSIVE.search(prompt) and not ANY_YEAR.search(prompt):
        return True  # "operators are producing only about 30,000 barrels a day": a news day's figure
    if _CHANGING_MEASURE.search(prompt) and not ANY_YEAR.search(prompt.replace(answer, " ")):
        return True  # "The water level in Lake Varn is around 1,040 feet": which year's level?
    where = context.find(answer)
    if _LENGTH_UNIT.search(answer) or (where >= 0 and _LENGTH_UNIT.match(context[where + len(answer) :])):
        return False  # a length does not go out of date
    if where >= 0 and _PRESENT_SHARE.match(context[where + len(answer) :]) and not ANY_YEAR.search(prompt):
        return True  # "reported that 50 percent of the aid … comes from X": a share of no stated time
    return _PAST.search(prompt) is None


def _bad_question(draft: Draft, prompt: str, answer: str) -> bool:
    """'did Bilateral relations …', 'did the extension complete runs …': a rewrite gone wrong."""
    if draft.type not in ("qa", "choice") or "___" in prompt:
        return False
    context = draft.context
    capital = _AUX_CAPITAL.search(prompt)
    if capital and context.startswith(capital.group(1)):
        return True
    where = context.find(answer) if answer else -1
    if where >= 0 and ANY_YEAR.search(answer):
        run_on = _RUN_ON.match(context[where + len(answer) :])
        if run_on and run_on.group(1) not in _NOT_VERBS:
            return True
    return False


def _inside_quotes(before: str) -> bool:
    """The text that follows this prefix sits inside a quotation."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _caption(context: str) -> bool:
    """A present-tense scene with a date glued on after a comma: a photo's caption."""
    dated = _CAPTION_DATE.search(context)
    if dated is None:
        return False
    scene = context[: dated.start()]
    return _PRESENT_SCENE.match(scene) is not None and _PAST.search(re.sub(r"\d{4}", "", scene)) is None


def _blanked(draft: Draft) -> tuple[str, str] | None:
    """The words before and after a cloze's or a statement question's blank."""
    if draft.type == "cloze":
        blank = re.search(r"\{\{(.+?)(?:::[^}]*)?\}\}", draft.prompt)
        if blank is None:
            return None
        return _plain(draft.prompt[: blank.start()]), _plain(draft.prompt[blank.end() :])
    question = dict(draft.body).get("question")
    if isinstance(question, str) and "___" in question:
        before, _, after = question.partition("___")
        return before, after
    return None


_NAMED_KINDS = frozenset({"law-or-programme", "organisation", "event", "project"})


def _scene(before: str, after: str) -> bool:
    """ "In the ___, Prime Minister Thatcher's popularity soared": the opening phrase only sets
    the scene; the place blanked there is told by everything after it, and the fact is not asked."""
    return re.fullmatch(
        r"\s*(?:In|At|Across|Throughout)(?:\s+the)?\s*", before
    ) is not None and after.startswith(",")


# One name of a list of people: a few words of office, then the name ("U.S. agents Richard Holbrooke").
_LISTED_NAME = r"(?:[\w.'’-]+\s+){0,3}?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"


_OPEN_LIST = re.compile(
    r"\b(?:such as|including|like|e\.g\.,?|for example,?|for instance,?|notably|among them)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
_LAST_OF_TWO = re.compile(r"[A-Z][\w'’.-]*\s+and(?:\s+the)?\s*$")
_FIRST_OF_TWO = re.compile(r"^\s*and\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*[.,;]?\s*$")


def _list_item(before: str, after: str) -> bool:
    """ "The participants were A, B, President ___, and D": one of several, the others shown.
    "programmes such as ___", "partner of the X Partnership and the ___": an open list, or the
    last of two named, has more right answers than the card accepts."""
    if _OPEN_LIST.search(before):
        return True
    pair = re.search(r"\b(?:between|both)\b[^,;]*$", before) is not None
    if (_LAST_OF_TWO.search(before) or _FIRST_OF_TWO.match(after)) and not pair:
        return True  # "… between Vestia and ___" is a closed pair: its other party
    if "," not in before:
        # "… in the presence of ___, U.S. agents A and B": the first of a list of names.
        return (
            re.match(
                rf"\s*,\s+{_LISTED_NAME}(?:,\s+{_LISTED_NAME})*,?\s+and\s+{_LISTED_NAME}\.?\s*$",
                after,
            )
            is not None
        )
    segment = re.sub(r"^\s*(?:and|or)\b", "", before.rsplit(",", 1)[1])
    words = segment.split()
    if len(words) > 5 or any(w[:1].islower() and w not in ("of", "the") for w in words):
        return False  # "…, ___ signed": the blank opens a clause of its own
    return (
        re.match(r"\s*(?:,|and\b|or\b)", after) is not None
        or re.search(r",\s*(?:and|or)\s+\S*\s*$", before) is not None
    )


def _given_away(answer: str, rest: str) -> bool:
    """A name in the prompt shares the answer's stem: "Argentine forces" tells "Argentina",
    "Moldovan officials" tells "Moldova"."""
    if len(answer.split()) > 2:
        return False  # "the Georgia Train and Equip Program" is not told by "Georgian troops"
    own = {w.lower() for w in re.findall(r"\b[A-Z][a-z]{5,}", answer)}
    for word in re.findall(r"\b[A-Z][a-z]{4,}", rest):
        folded = word.lower()
        if any(folded != name and folded[:6] == name[:6] for name in own):
            return True
    return False
