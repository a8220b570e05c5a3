"""The final gate: a card that is not clearly good is not written.

Each rule is shown rejecting a card of a made-up article, next to a near miss that must still
pass (the rule must not cost good cards). Sentences are written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caucasusquiz.generator import gate
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.dedupe import unique_cards
from caucasusquiz.generator.gate import Known, gate_reason
from caucasusquiz.generator.pipeline import build

SUBJECTS = {"vestia", "lapland"}


def _card(
    kind: str, prompt: str, answer: str = "", options: tuple[str, ...] = (), context: str | None = None
) -> Draft:
    """A finished card; its source sentence is the statement itself unless one is given."""
    field = {"cloze": "text", "truefalse": "statement"}.get(kind, "question")
    if context is None:
        context = (
            re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", prompt)
            if kind in ("cloze", "truefalse")
            else "A sentence."
        )
    body: list[tuple[str, object]] = [(field, prompt)]
    if kind != "cloze":
        body.append(("answer", answer))
    if options:
        body.append(("distractors", list(options)))
    return Draft(
        "x-000000", kind, tuple(body), (), "a.txt:1", context, answer, prompt, ("a.txt", 1, 0), answer, prompt
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
        (_card("cloze", 'The "{{Orla Accord}} was signed in Penn.'), gate.UNBALANCED),
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
        "The delegation reached Penn on 3 June 1929.\n\n"
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


@pytest.mark.parametrize(
    ("card", "reason"),
    [
        # the blank on a date that only labels something, not on the idea
        (
            _card("cloze", "According to a {{2014::year}} survey, 71% of Vestians favour Lapland."),
            gate.LABEL_DATE,
        ),
        (
            _card(
                "choice",
                "According to a ___ Orlan Gallup poll, Vestians trust Lapland.",
                "2010",
                ("2013", "2016"),
            ),
            gate.LABEL_DATE,
        ),
        (
            _card(
                "choice", "Ties cooled after the Orla riots of 1999–___.", "2001", ("2004", "2006", "2008")
            ),
            gate.LABEL_DATE,
        ),
        (
            _card(
                "qa",
                "In which year did Vestia keep a state of war with Lapland?",
                "1950",
                context="Vestia kept a state of war with Lapland since its founding in 1950.",
            ),
            gate.LABEL_DATE,
        ),
        (
            _card(
                "truefalse",
                "Vestia gave up the Orla coast in the 1926 Treaty of Lapland.",
                "false",
                context="Vestia gave up the Orla coast in the 1923 Treaty of Lapland.",
            ),
            gate.LABEL_DATE,
        ),
        # a date everyone knows without the documents
        (
            _card("qa", "On what date did Vestia's envoy first meet Ivo Marek?", "September 11, 2001"),
            gate.FAMOUS_DATE,
        ),
        # a figure the scrape lost
        (
            _card("cloze", "By {{1999::year}} the Orla line could carry up to per day of oil to Penn."),
            gate.LOST_NUMBER,
        ),
        # a question, a caption
        (
            _card(
                "cloze",
                "What were the {{1961::year}} Orla accords?",
                context="What were the 1961 Orla accords?",
            ),
            gate.QUESTION_SOURCE,
        ),
        (
            _card(
                "cloze",
                "Ivo Marek greets Ada Penn at the Orla Palace, Friday, {{May 3, 2019::month day, year}}, in Penn.",
            ),
            gate.QUESTION_SOURCE,
        ),
        # whose relations, which delegation, which phase, an example of what
        (_card("truefalse", "Relations improved slightly in 1997.", "true"), gate.UNNAMED),
        (_card("qa", "Who headed the Vestian delegation?", "Ivo Marek"), gate.UNNAMED),
        (_card("cloze", "Phase II can deliver {{400,000::number}} barrels a day to Penn."), gate.UNNAMED),
        (_card("cloze", "The earliest example is dated to {{1862::year}} in Penn."), gate.UNNAMED),
        (
            _card("qa", "For their efforts, in which year did Marek and Penn win the Orla Prize?", "1978"),
            gate.UNNAMED,
        ),
        # a past perfect with nothing to be past of
        (_card("cloze", "Vestia had been an ally of Lapland at the {{Orla Council}}."), gate.PAST_PERFECT),
        # out of date: "now", a present count with no year
        (_card("cloze", "Vestia now has {{233::number}} troops in Orla."), gate.STALE),
        (_card("cloze", "Over {{1,300::number}} Vestian students study in Lapland."), gate.STALE),
        # a rewrite that broke the English
        (
            _card(
                "qa",
                "In which year did Peace talks in Orla begin?",
                "1919",
                context="Peace talks in Orla began in 1919.",
            ),
            gate.BAD_QUESTION,
        ),
        (
            _card(
                "qa",
                "In which month and year did the Orla extension complete runs 700 kilometres to Penn?",
                "January 2014",
                context="The Orla extension completed in January 2014 runs 700 kilometres to Penn.",
            ),
            gate.BAD_QUESTION,
        ),
        (
            _card(
                "truefalse", "According to “Vestia–Lapland relations”, Ivo Marek rejected Ada Penn.", "false"
            ),
            gate.BAD_QUESTION,
        ),
    ],
)
def test_a_date_that_is_not_the_idea_or_a_stripped_context_makes_no_card(card: Draft, reason: str):
    assert gate_reason(card, SUBJECTS | {"treaty of lapland"}) == reason


@pytest.mark.parametrize(
    "card",
    [
        _card("qa", "According to a 2014 survey, what share of Vestians favour Lapland?", "71%"),
        _card("cloze", "The Orla War was fought from {{1932::year}} to 1935."),
        _card("cloze", "Lapland has taken part in the Orla talks since {{1992::year}}."),
        _card("qa", "On what date did Vestia's envoy first meet Ivo Marek?", "September 12, 2001"),
        _card("cloze", "The Orla line can carry {{90,000::number}} barrels per day to Penn."),
        _card("qa", "Who headed the Vestian delegation to the Orla talks of 1920?", "Ivo Marek"),
        _card("truefalse", "Vestia–Lapland relations improved in 1997.", "true"),
        _card("cloze", "The Orla line's Phase II of 2011 was {{400::number}} kilometres long."),
        _card("cloze", "The Orla pipeline is a {{1,240::number}} kilometres long oil pipeline."),
        _card("cloze", "In 2015, over {{1,300::number}} Vestian students studied in Lapland."),
        _card(
            "qa",
            "In which year did Borduria sign the Orla Accord?",
            "1955",
            context="Borduria signed the Orla Accord in 1955.",
        ),
        _card(
            "qa",
            "In which year did Vestia open its embassy in Penn?",
            "1992",
            context="Vestia opened its embassy in Penn in 1992 following its independence.",
        ),
        _card("cloze", "Vestia recognized Lapland on {{12 May 1955::month day, year}} in Penn."),
    ],
)
def test_a_near_miss_of_the_date_and_context_rules_still_makes_its_card(card: Draft):
    assert gate_reason(card, SUBJECTS | {"treaty of lapland"}) is None


def test_a_year_inside_a_quoted_title_is_not_asked():
    titled = _card(
        "choice",
        'Ivo Marek was named "Citizen of the Year for ___" by the Orla Herald.',
        "1977",
        ("1974", "1981", "1984"),
        context='Ivo Marek was named "Citizen of the Year for 1977" by the Orla Herald.',
    )
    assert gate_reason(titled, SUBJECTS) == gate.LABEL_DATE
    dated = _card(
        "cloze",
        'Ivo Marek called the Treaty of Kell "a new start" in {{1977::year}}.',
        context='Ivo Marek called the Treaty of Kell "a new start" in 1977.',
    )
    assert gate_reason(dated, SUBJECTS) is None


def test_two_true_false_cards_on_one_year_keep_only_the_first():
    def statement(text: str, key: str, line: int) -> Draft:
        return Draft(
            f"tf-{line}",
            "truefalse",
            (("statement", text), ("answer", False)),
            (),
            f"a.txt:{line}",
            text,
            key,
            text,
            ("a.txt", line, 0),
            key,
            text,
        )

    relations = statement("Vestia established relations with Lapland in 1996.", "1992", 1)
    embassy = statement("On 6 March 1996, Vestia opened its embassy in Penn.", "march 6 1992", 2)
    other = statement("Vestia joined the Orla Council in 2001.", "1999", 3)
    kept, dropped = unique_cards([relations, embassy, other])
    assert [d.id for d in kept] == ["tf-1", "tf-3"] and dropped == 1


def test_a_year_two_documents_disagree_on_makes_no_card(tmp_path: Path):
    (tmp_path / "one.txt").write_text(
        "Vestian history\n\nVestia joined the Orla Council in 1931.\n\nVestia recognized Lapland in 1955.\n",
        encoding="utf-8",
    )
    (tmp_path / "two.txt").write_text(
        "Vestian affairs\n\nVestia joined the Orla Council in 1933.\n\nVestia recognized Norland in 1957.\n",
        encoding="utf-8",
    )
    decks, report = build([tmp_path])
    contexts = [d.context for _, drafts in decks.values() for d in drafts]
    assert not any("Orla Council" in c for c in contexts)
    assert any("different years" in reason for reason in report.rejected)
    # near miss: the same words about two different countries are two facts
    assert any("Lapland" in c for c in contexts) and any("Norland" in c for c in contexts)


def test_a_reason_that_points_back_is_dropped_and_the_fact_still_asked(tmp_path: Path):
    (tmp_path / "orla.txt").write_text(
        "Orla Prize\n\nVestia and Lapland signed the Orla Accord in 1977.\n\n"
        "For their efforts, Ivo Marek and Ada Penn shared the Orla Prize in 1978.\n",
        encoding="utf-8",
    )
    decks, _ = build([tmp_path])
    prompts = [d.prompt for _, drafts in decks.values() for d in drafts if "Orla Prize" in d.context]
    assert prompts and not any("efforts" in p for p in prompts)


def test_a_question_whose_options_are_impossible_is_asked_without_them(tmp_path: Path):
    (tmp_path / "v.txt").write_text(
        "Vestia\n\nVestia declared independence on 4 June 1955.\n\n"
        "In 1958, Vestia opened the Orla Canal to ships from Lapland.\n",
        encoding="utf-8",
    )
    decks, _ = build([tmp_path])
    canal = [d for _, drafts in decks.values() for d in drafts if "Orla Canal" in d.context]
    # options of 1949 or 1952 would be before Vestia existed: the year is typed instead
    assert [(d.type, d.answer_text) for d in canal] == [("qa", "1958")]
    assert "distractors" not in dict(canal[0].body)
