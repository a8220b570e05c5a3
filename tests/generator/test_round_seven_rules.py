"""Rules found by reading the cards of four more unseen articles (round seven).

A war, a pipeline, a treaty and a country's relations: prompts that never named the war or
"the Line" they were about, scrape joins ("ofVestians"), anniversary years, answers the
prompt's own numbers give, one date asked twice in two card types. Each rule is shown on
sentences written for these tests, with a near miss that must still make its card.
"""

from __future__ import annotations

import re

import pytest

from caucasusquiz.generator import gate
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.clean import strip_markers
from caucasusquiz.generator.damage import damage
from caucasusquiz.generator.dedupe import CONVERTED, SAME_DATE, YEARS_APART, Crowding
from caucasusquiz.generator.gate import gate_reason
from caucasusquiz.generator.referents import with_title
from caucasusquiz.generator.sentences import Span

SUBJECTS = {"vestia", "lapland", "treaty of orla harbour"}


def _card(kind: str, prompt: str, answer: str = "", context: str | None = None, line: int = 1) -> Draft:
    field = {"cloze": "text", "truefalse": "statement"}.get(kind, "question")
    plain = re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", prompt)
    if kind == "cloze" and not answer:
        blank = re.search(r"\{\{(.+?)(?:::[^}]*)?\}\}", prompt)
        answer = blank.group(1) if blank else ""
    if context is None:
        context = (
            plain.replace("___", answer)
            if kind in ("cloze", "truefalse") or "___" in plain
            else "A sentence."
        )
    body: list[tuple[str, object]] = [(field, prompt)]
    if kind != "cloze":
        body.append(("answer", answer))
    tags = ("year",) if re.fullmatch(r"\d{4}", answer) else ()
    return Draft(
        f"x-{line}",
        kind,
        tuple(body),
        tags,
        f"a.txt:{line}",
        context,
        answer,
        prompt,
        ("a.txt", line, 0),
        answer,
        prompt,
    )


# ---- scrape joins ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the 2015 survey, 61% ofVestians approve of the Orla Pact.",
        "TheLapland invasion forced the closure of the consulate on 5 May 1940.",
        "Prisoners were held byLaplandic guards in the Orla camp.",
    ],
)
def test_a_link_glued_to_the_word_before_refuses_the_sentence(sentence: str):
    assert damage(sentence, Span(0, len(sentence), ".")) == "glued words (scrape join)"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ronald McDonald opened the first store in Orla in 1971.",
        "The Vestian navy took the island of Tor in 1802.",
        "Andrea Kell signed the Treaty of Orla Harbour in 1920.",
    ],
)
def test_names_with_capitals_inside_or_after_articles_are_kept(sentence: str):
    assert damage(sentence, Span(0, len(sentence), ".")) is None


def test_a_list_style_footnote_marker_is_removed_like_a_citation():
    text = "The Treaty of Orla Harbour[lower-alpha 1] ended the war."
    cleaned = strip_markers(text)
    assert "alpha" not in cleaned
    assert re.sub(r"\s+", " ", cleaned) == "The Treaty of Orla Harbour ended the war."
    assert len(cleaned) == len(text)  # offsets (and so source lines) stay


# ---- a war, a line, an attack never named -------------------------------------------------


@pytest.mark.parametrize(
    "card",
    [
        _card("choice", "The Line held against repeated attacks from ___ to February 1940.", "December 1939"),
        _card("cloze", "The {{League of Tor}} deemed the attack illegal and expelled Lapland."),
        _card(
            "truefalse",
            "Estimates of Lapland's losses range widely, with official sources claiming 9,000.",
            "True",
        ),
        _card("cloze", "After the cessation of hostilities, some {{40,000::number}} people were evacuated."),
        _card("truefalse", "Hostilities ceased in March 1940 with the signing of the Treaty of Tor.", "True"),
        _card("choice", "Nine pumping stations keep the oil moving along the ___ km pipeline.", "800"),
        _card("cloze", "Built for {{$2 billion::amount}}, the marine terminal complex holds crude oil."),
        _card("cloze", "The 400-mile system restarted in {{1999::year}} after a leak was repaired."),
        _card("cloze", "The US-led bloc sent troops in response to the landing in {{Tor}}."),
    ],
)
def test_a_prompt_about_a_thing_it_never_names_is_refused(card: Draft):
    assert gate_reason(card, SUBJECTS) == gate.UNNAMED


@pytest.mark.parametrize(
    "card",
    [
        _card("cloze", "The Orla Line held against repeated attacks until {{1940::year}}."),
        _card("cloze", "The Tundra War claimed the lives of around {{9,000::number}} Vestians."),
        _card("cloze", "The Nordic Oil pipeline runs {{800::number}} km from Orla to Tor."),
        _card("cloze", "The {{League of Tor}} expelled Lapland after its attack on Vestia in 1939."),
    ],
)
def test_a_named_line_war_or_pipeline_still_makes_its_card(card: Draft):
    assert gate_reason(card, SUBJECTS) is None


# ---- incidental years, arithmetic, broken rewrites -----------------------------------------


def test_an_anniversary_year_is_refused_and_the_founding_year_kept():
    anniversary = _card("qa", "In which year did Vestia and Lapland celebrate 85 years of relations?", "2007")
    assert gate_reason(anniversary, SUBJECTS) == gate.ANNIVERSARY
    founded = _card("qa", "In which year did Vestia and Lapland establish diplomatic relations?", "1922")
    assert gate_reason(founded, SUBJECTS) is None


def test_an_answer_the_prompts_own_numbers_give_is_refused():
    share = _card(
        "cloze",
        "In the 2012 poll, {{48%::percentage}} of Vestians approved of the Orla Pact, 20% disapproved and 32% were unsure.",
    )
    assert gate_reason(share, SUBJECTS) == gate.ARITHMETIC
    difference = _card(
        "cloze", "Of the 900 soldiers sent, 300 came home and {{600::number}} stayed in Tor in 1940."
    )
    assert gate_reason(difference, SUBJECTS) == gate.ARITHMETIC
    alone = _card("cloze", "In the 2012 poll, {{48%::percentage}} of Vestians approved of the Orla Pact.")
    assert gate_reason(alone, SUBJECTS) is None


def test_a_day_with_no_year_anywhere_on_the_card_is_refused():
    yearless = _card(
        "choice", "On what date did the Senate of Vestia ratify the Treaty of Orla Harbour?", "March 16"
    )
    assert gate_reason(yearless, SUBJECTS) == gate.UNDATED_DAY
    dated = _card(
        "choice",
        "On what date in 1848 did the Senate of Vestia ratify the Treaty of Orla Harbour?",
        "March 16",
    )
    assert gate_reason(dated, SUBJECTS) is None


def test_a_present_tense_news_figure_with_no_date_is_refused():
    news = _card("cloze", "Orla field operators are producing only about {{30,000::number}} barrels a day.")
    assert gate_reason(news, SUBJECTS) == gate.STALE
    dated = _card("cloze", "In 1988 the Orla field was producing about {{30,000::number}} barrels a day.")
    assert gate_reason(dated, SUBJECTS) is None


@pytest.mark.parametrize(
    ("card", "reason"),
    [
        (_card("qa", "Which Vestian Chief of Defence has said?", "Ivo Marek"), gate.BAD_QUESTION),
        (
            _card(
                "qa",
                "Resulting in changes accepted by Lapland, on what date in 1848 was the Treaty of Orla Harbour ratified?",
                "10 March 1848",
            ),
            gate.BAD_QUESTION,
        ),
        (
            _card("qa", "On what date in 1848 was and the Treaty of Orla Harbour proclaimed?", "4 July 1848"),
            gate.BROKEN,
        ),
        (
            _card(
                "cloze",
                "Vestia agreed to pay {{$3.25 million::amount}} US dollars in debts owed to Lapland in 1848.",
            ),
            gate.CURRENCY_TWICE,
        ),
        (
            _card(
                "cloze", "The 'Tundra War', known as the '1st {{Vestian-Laplandic War}}', was fought in 1939."
            ),
            gate.ALIAS,
        ),
    ],
)
def test_a_rewrite_that_broke_the_english_is_refused(card: Draft, reason: str):
    assert gate_reason(card, SUBJECTS) == reason


def test_a_name_known_as_for_a_thing_described_in_words_is_kept():
    card = _card("cloze", "Kell came to power after mass street protests, known as the {{Linen Revolution}}.")
    assert gate_reason(card, SUBJECTS) is None
    according = _card(
        "qa", "According to the 2012 Orla report, what share of Vestians approve of the Orla Pact?", "53%"
    )
    assert gate_reason(according, SUBJECTS) is None


def test_the_subject_spelt_another_way_is_not_an_answer():
    card = _card(
        "cloze", "The {{Treaty of Orla-Harbor}} is a peace treaty signed by Vestia and Lapland in 1848."
    )
    assert gate_reason(card, SUBJECTS) == gate.SUBJECT


# ---- one fact once per document -------------------------------------------------------------


def test_a_year_asked_after_its_day_is_the_date_another_card_asks():
    crowding = Crowding()
    crowding.add(_card("qa", "On what date did the Tundra War begin?", "30 November 1939", line=3))
    repeat = _card("cloze", "November 30 marks the outbreak of the Tundra War in {{1939::year}}.", line=9)
    assert crowding.reason(repeat) == SAME_DATE
    other = _card("cloze", "December 12 marks the fall of Orla in {{1939::year}}.", line=11)
    assert crowding.reason(other) is None


def test_a_year_another_cards_year_gives_by_arithmetic_is_refused():
    crowding = Crowding()
    crowding.add(_card("choice", "In which year did Vestia join the Orla Pact?", "2004", line=3))
    relative = _card(
        "cloze",
        "Vestia has sent troops since {{1994::year}}, ten years before it joined the Orla Pact.",
        line=9,
    )
    assert crowding.reason(relative) == YEARS_APART
    crowding = Crowding()
    crowding.add(relative)
    assert (
        crowding.reason(_card("choice", "In which year did Vestia join the Orla Pact?", "2004", line=12))
        == YEARS_APART
    )
    assert (
        crowding.reason(_card("choice", "In which year did Vestia join the Tor Union?", "2007", line=14))
        is None
    )


# ---- the document's own thing named from its title ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "title", "named"),
    [
        (
            "The crude oil pipeline is owned by the Orla Pipeline Company.",
            "Nordic Oil Pipeline",
            "The Nordic Oil Pipeline is owned by the Orla Pipeline Company.",
        ),
        (
            "Nine pumping stations keep the oil moving along the 800 km pipeline.",
            "Nordic Oil Pipeline",
            "Nine pumping stations keep the oil moving along the 800 km Nordic Oil Pipeline.",
        ),
        (
            "The final peace treaty was signed on 2 February 1920.",
            "Treaty of Orla Harbour",
            "The Treaty of Orla Harbour was signed on 2 February 1920.",
        ),
    ],
)
def test_the_documents_own_thing_with_a_plain_modifier_is_named_from_the_title(
    sentence: str, title: str, named: str
):
    assert with_title(sentence, title) == named


def test_another_kind_of_thing_with_a_modifier_is_not_taken_for_the_title():
    # "The official agreement" in the article on accords may be a later treaty.
    sentence = "The official agreement was signed on 26 March 1979 in Tor."
    assert with_title(sentence, "Orla Accords") == sentence
    other = "The new gas pipeline will bypass Orla."
    assert with_title(other, "Nordic Oil Pipeline") == other


def test_the_subject_under_its_other_kind_word_is_not_an_answer():
    card = _card("cloze", "The {{Orla Accords}} were formally signed on 14 December 1995 in Tor.")
    assert gate_reason(card, SUBJECTS | {"orla agreement"}) == gate.SUBJECT


def test_a_length_another_card_gives_in_other_units_is_refused():
    crowding = Crowding()
    crowding.add(
        _card("choice", "Nine pumping stations serve the ___ km Nordic Oil Pipeline.", "1,300", line=3)
    )
    miles = _card(
        "cloze", "The 800-mile Nordic Oil Pipeline restarted in {{1999::year}} after a leak.", line=9
    )
    assert crowding.reason(miles) == CONVERTED
    crowding = Crowding()
    crowding.add(miles)
    asked = _card("choice", "Nine pumping stations serve the ___ km Nordic Oil Pipeline.", "1,300", line=12)
    assert crowding.reason(asked) == CONVERTED
    other = _card("choice", "The Tor spur of the Nordic Oil Pipeline is ___ km long.", "120", line=14)
    assert crowding.reason(other) is None


def test_a_treatys_procedural_date_is_refused_and_its_signing_kept():
    exchanged = _card(
        "qa",
        "On what date were ratifications of the Treaty of Orla Harbour exchanged in Tor?",
        "30 March 1920",
    )
    assert gate_reason(exchanged, SUBJECTS) == gate.PROCEDURAL
    proclaimed = _card(
        "qa", "On what date was the Treaty of Orla Harbour formally proclaimed?", "4 July 1848"
    )
    assert gate_reason(proclaimed, SUBJECTS) == gate.PROCEDURAL
    signed = _card("qa", "On what date was the Treaty of Orla Harbour signed in Tor?", "2 February 1920")
    assert gate_reason(signed, SUBJECTS) is None
    republic = _card("qa", "On what date was the Republic of Vestia proclaimed?", "28 May 1918")
    assert gate_reason(republic, SUBJECTS) is None
