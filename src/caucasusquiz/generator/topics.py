"""Decks a student can pick by subject, and which deck each fact belongs to.

A fact goes to the deck whose keywords it matches best (weights favour the words that
name a subject, e.g. "Section 907" or "pipeline", over general ones); a fact whose
only years are before 1992 is early history. Ties go to the deck listed first; a fact
matching nothing goes to the last deck, recent relations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caucasusquiz.generator.entities import fold


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    description: str
    tags: tuple[str, ...]
    keywords: tuple[tuple[str, int], ...]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "early-history",
        "Early history: 1919 to independence",
        "The first contacts at the Paris Peace Conference, the Soviet period, and "
        "Azerbaijan's independence and recognition in 1991–1992.",
        ("history",),
        (
            ("wilson", 3),
            ("paris peace conference", 4),
            ("1919", 3),
            ("soviet", 2),
            ("declaration of independence", 4),
            ("recognized", 2),
            ("embassy", 3),
            ("democratic republic", 3),
            ("ssr", 3),
            ("red army", 3),
            ("league of nations", 3),
            ("diplomatic relations", 3),
            ("independence", 2),
            ("first encounter", 3),
        ),
    ),
    Topic(
        "diplomacy",
        "Diplomacy and high-level contacts",
        "Visits, letters and meetings between the two governments, and what officials "
        "said about the relationship.",
        ("diplomacy",),
        (
            ("visited", 3),
            ("visit", 2),
            ("letter", 2),
            ("letters", 2),
            ("meeting", 2),
            ("secretary of state", 2),
            ("munich", 3),
            ("conference", 1),
            ("outlined", 2),
            ("strategic partnership", 2),
            ("ambassador", 1),
            ("georgetown", 3),
            ("congratulatory", 3),
            ("partnership", 1),
        ),
    ),
    Topic(
        "karabakh-907",
        "The Karabakh conflict and Section 907",
        "The Nagorno-Karabakh conflict, U.S. mediation in the OSCE Minsk Group, and "
        "Section 907 of the Freedom Support Act, its ban on aid and its waiver.",
        ("karabakh", "section-907"),
        (
            ("karabakh", 3),
            ("section 907", 5),
            ("freedom support act", 4),
            ("minsk", 4),
            ("madrid principles", 4),
            ("zurich", 3),
            ("armenia", 2),
            ("armenian", 2),
            ("occupied", 2),
            ("waive", 3),
            ("waived", 3),
            ("waiver", 3),
            ("ban", 2),
            ("conflict", 2),
            ("mediation", 2),
            ("turkish-armenian", 3),
            ("pashinyan", 2),
            ("bolton", 2),
            ("velvet revolution", 3),
            ("yerevan", 2),
        ),
    ),
    Topic(
        "energy-economy",
        "Energy, trade and the economy",
        "Caspian oil and gas, the pipelines and corridors to Europe, and the trade "
        "status the United States granted Azerbaijan.",
        ("energy", "economy"),
        (
            ("pipeline", 4),
            ("pipelines", 4),
            ("gas", 3),
            ("oil", 3),
            ("energy", 2),
            ("corridor", 3),
            ("trade", 3),
            ("most favored nation", 5),
            ("preferences", 4),
            ("world trade organization", 4),
            ("economic", 2),
            ("investment", 2),
            ("motorway", 3),
            ("railway", 3),
            ("ganja", 3),
            ("companies", 2),
            ("hydrocarbons", 3),
            ("caspian", 1),
            ("reforms", 2),
        ),
    ),
    Topic(
        "security",
        "Security and counter-terrorism",
        "Azerbaijan after September 11, the routes to Afghanistan, NATO's Partnership "
        "for Peace, peacekeeping and military ties.",
        ("security",),
        (
            ("terror", 4),
            ("terrorism", 4),
            ("terrorist", 4),
            ("september 11", 4),
            ("nato", 3),
            ("afghanistan", 3),
            ("military", 3),
            ("peacekeeping", 3),
            ("security", 2),
            ("partnership for peace", 4),
            ("navy", 3),
            ("cargo", 3),
            ("airspace", 3),
            ("troops", 2),
            ("kosovo", 2),
            ("iraq", 2),
            ("defense", 2),
        ),
    ),
    Topic(
        "democracy-rights",
        "Democracy and human rights",
        "How U.S. officials and independent reports judge democracy, freedoms and human "
        "rights in Azerbaijan, and the aid that supports civil society.",
        ("democracy", "human-rights"),
        (
            ("democracy", 4),
            ("democratic", 3),
            ("human rights", 4),
            ("freedom house", 5),
            ("journalists", 3),
            ("civil society", 3),
            ("not free", 4),
            ("testimony", 3),
            ("freedoms", 3),
            ("usaid", 3),
            ("agency for international development", 4),
            ("activists", 3),
            ("secular", 3),
            ("grand jury", 3),
            ("subpoena", 3),
        ),
    ),
    Topic(
        "recent-relations",
        "Relations today",
        "The relationship since 2017: Trump, Biden and Blinken, public opinion, and "
        "where the partnership stands.",
        ("recent",),
        (
            ("trump", 4),
            ("biden", 3),
            ("blinken", 3),
            ("2022", 2),
            ("2019", 2),
            ("2018", 1),
            ("approve", 3),
            ("leadership", 2),
            ("positive course", 3),
            ("obama", 1),
        ),
    ),
)
DEFAULT_TOPIC = TOPICS[-1]
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def topic_for(text: str) -> Topic:
    folded = f" {fold(text)} "
    years = [int(y) for y in _YEAR.findall(text)]
    best, best_score = DEFAULT_TOPIC, 0
    for topic in TOPICS:
        value = sum(weight * folded.count(f" {word} ") for word, weight in topic.keywords)
        if topic.id == "early-history" and years and max(years) < 1993:
            value += 4  # everything before the embassies of 1992 is early history
        if value > best_score:
            best, best_score = topic, value
    return best


def topic_by_id(topic_id: str) -> Topic:
    for topic in TOPICS:
        if topic.id == topic_id:
            return topic
    raise KeyError(topic_id)
