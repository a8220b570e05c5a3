"""The final gate: a card that is not clearly good is not written.

Each rule is shown rejecting a card of a made-up article, next to a near miss that must still
pass (the rule must not cost good cards). Sentences are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caucasusquiz.generator import gate
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.gate import Known, gate_reason
from caucasusquiz.generator.pipeline import build

SUBJECTS = {"vestia", "lapland"}


def _card(kind: str, prompt: str, answer: str = "", options: tuple[str, ...] = ()) -> Draft:
    field = {"cloze": "text", "truefalse": "statement"}.get(kind, "question")
    body: list[tuple[str, object]] = [(field, prompt)]
    if kind != "cloze":
        body.append(("answer", answer))
    if options:
        body.append(("distractors", list(options)))
    return Draft(
        "x-000000", kind, tuple(body), (), "a.txt:1", prompt, answer, prompt, ("a.txt", 1, 0), answer, prompt
    )


@pytest.mark.parametrize(
    ("card", "reason"),
    [
        # a referent the card never names
        (
            _card("cloze", "The pipeline runs from Orla to Penn and is {{900::number}} kilometres long."),
            gate.UNNAMED,
        ),
        (_card("cloze", "The work could be halted over the arrest of {{Ivo Marek}}."), gate.UNNAMED),
        (
            _card("truefalse", "The final peace treaties gave half the disputed land to Vestia.", "true"),
            gate.UNNAMED,
        ),
        (_card("qa", "What did he sign in 1955?", "the Orla Accord"), gate.UNNAMED),
        (
            _card("cloze", "Two officers learned of what would become a scandal in {{1961::year}}."),
            gate.UNNAMED,
        ),
        # not a sentence
        (
            _card("qa", "Why did As the siege went on the garrison run out of water?", "the wells failed"),
            gate.BROKEN,
        ),
        (_card("truefalse", "In 1958, Vestia removed its last warheads and.", "false"), gate.BROKEN),
        (_card("cloze", 'The "{{Orla Accord}} was signed in Penn.'), gate.BROKEN),
        (_card("cloze", "and then {{Ivo Marek}} resigned from the Orla Council."), gate.BROKEN),
        # a bullet or symbol
        (_card("cloze", "⁍ Vestia fined Orlagaz {{$2 billion}} over the Orla Canal."), gate.SYMBOL),
        # a day never dated
        (
            _card("cloze", "The Vestian regulator said Wednesday that Orlagaz owed {{$5 million}}."),
            gate.UNDATED_DAY,
        ),
        (_card("cloze", "Vestia recently paid Lapland {{$5 million}} for the Orla Canal."), gate.UNDATED_DAY),
        # an acronym never spelled out
        (_card("qa", "In which year did VLSC aid to Vestia reach $40 million?", "1998"), gate.ACRONYM),
        # a total of several things
        (_card("cloze", "The two Orla lines cover a total of {{2,400::number}} kilometres."), gate.TOTAL),
        # two facts in one statement
        (
            _card(
                "choice",
                "Vestia opened its mission in Orla in 1960 then moved in ___ to Penn.",
                "1971",
                ("1968", "1974", "1977"),
            ),
            gate.TWO_FACTS,
        ),
        # the subject as the answer, or an open act of the subject
        (
            _card("qa", "What did Lapland recognize on 4 June 1955?", "the independent state of Vestia"),
            gate.SUBJECT,
        ),
        (_card("qa", "In May 1956, what did Vestia sign?", "the Orla Protocol"), gate.OPEN),
        (_card("qa", "In 1960, which Vice President visited Penn?", "Ivo Marek"), gate.OPEN),
        # a copied sentence with a blank
        (
            _card(
                "cloze",
                "Vestia considers Lapland one of its closest economic and cultural partners and both countries "
                "have long shared the priorities that were affirmed in the {{Orla Dialogue Council}}.",
            ),
            gate.COPIED,
        ),
    ],
)
def test_a_card_that_is_not_clearly_good_is_not_made(card: Draft, reason: str):
    assert gate_reason(card, SUBJECTS) == reason


@pytest.mark.parametrize(
    "card",
    [
        _card(
            "cloze",
            "The Orla–Penn pipeline runs under the Vest Sea; the pipeline is {{900::number}} kilometres long.",
        ),
        _card("qa", "What did the Treaty of Orla recognize? The treaty was signed in 1921.", "the border"),
        _card("qa", "Which country was the first country to recognize Vestia in 1955?", "Norland"),
        _card("cloze", "Ivo Marek said he signed the Orla Accord in {{1955::year}}."),
        _card(
            "cloze",
            "The Vestian regulator said on Wednesday, March 4, 2020 that Orlagaz owed {{$5 million}}.",
        ),
        _card("qa", "In which year did Vestia join NATO?", "1962"),
        _card("cloze", "The Vestia Land Security Commission (VLSC) was founded in {{1998::year}}."),
        _card("qa", "Which Secretary of State visited Penn in 1960?", "Ivo Marek"),
        _card("qa", "What did Section 4 of the Orla Act ban?", "any direct aid to the government of Vestia"),
        _card("qa", "In which year did the Orla Canal open?", "1961", ("1958", "1964", "1967")),
        _card("cloze", "Queen Ada II opened the Orla Canal in {{1961::year}}."),
    ],
)
def test_a_near_miss_still_makes_its_card(card: Draft):
    assert gate_reason(card, SUBJECTS) is None


def test_no_year_option_before_the_state_existed_or_outside_a_leaders_years():
    known = Known(person_years={"ivo marek": [1980, 1984]})
    known.learn("Vestia declared independence on 4 June 1955.")
    before_the_state = _card(
        "choice", "In which year did Vestia open the Orla Canal?", "1961", ("1950", "1958", "1964")
    )
    assert gate_reason(before_the_state, SUBJECTS, known) == gate.IMPOSSIBLE_YEAR
    possible = _card(
        "choice", "In which year did Vestia open the Orla Canal?", "1961", ("1956", "1958", "1964")
    )
    assert gate_reason(possible, SUBJECTS, known) is None
    leader = _card(
        "choice",
        "In which year did President Ivo Marek open the Orla Canal?",
        "1982",
        ("1979", "1986", "1995"),
    )
    assert gate_reason(leader, SUBJECTS, known) == gate.IMPOSSIBLE_YEAR


def test_the_gate_reason_is_counted_in_the_report_and_a_bullet_is_dropped_from_the_line(tmp_path: Path):
    (tmp_path / "orla.txt").write_text(
        "Orla Canal\n\n"
        "The canal was dug between Orla and Penn by a company of Vestian engineers and opened in 1931.\n\n"
        "⁍ The Orla Canal was opened to shipping on 12 May 1931.\n",
        encoding="utf-8",
    )
    decks, report = build([tmp_path])
    prompts = [d.prompt for _, drafts in decks.values() for d in drafts]
    assert prompts and all("⁍" not in p for p in prompts)
    assert any(reason.startswith("gate:") for reason in report.rejected)


@pytest.mark.parametrize(
    ("card", "reason"),
    [
        (
            _card("cloze", "Vestia and Lapland would invest {{$1 billion::amount}} in the Orla Fund."),
            gate.HEDGED,
        ),
        (
            _card("cloze", "Vestia made great efforts to finish the Orla Canal by {{1960::year}}."),
            gate.HEDGED,
        ),
        (
            _card("cloze", "The fort of Penn, among others, was held by Vestian troops from {{1932::year}}."),
            gate.HEDGED,
        ),
    ],
)
def test_a_possibility_or_an_effort_is_not_stated_as_fact(card: Draft, reason: str):
    assert gate_reason(card, SUBJECTS) == reason


def test_an_effort_that_was_made_is_still_a_fact():
    card = _card(
        "cloze", "Lapland has been involved in the attempts to settle the Orla dispute since {{1992::year}}."
    )
    assert gate_reason(card, SUBJECTS) is None
