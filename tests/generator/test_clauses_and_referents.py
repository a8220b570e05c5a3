"""A card asks the clause that holds its fact, with every referent named."""

from __future__ import annotations

from caucasusquiz.generator.clauses import clause_around
from caucasusquiz.generator.distractors import _in_order
from caucasusquiz.generator.entities import find_mentions
from caucasusquiz.generator.kinds import fine_kind
from caucasusquiz.generator.referents import resolved, with_title
from caucasusquiz.generator.subject import title_names


def _clause(sentence: str, answer: str) -> str | None:
    start = sentence.index(answer)
    clause = clause_around(sentence, start, start + len(answer))
    return None if clause is None else clause.text


def test_a_long_sentence_is_asked_in_the_clause_holding_the_answer():
    sentence = (
        "Ordubad was liberated on September 18, 1920 after weeks of fighting in the mountains; "
        "and another attack of Armenian troops was prevented in November of the same year."
    )
    assert _clause(sentence, "September 18, 1920") == (
        "Ordubad was liberated on September 18, 1920 after weeks of fighting in the mountains."
    )


def test_a_list_joined_by_and_is_not_cut_as_a_clause():
    sentence = (
        "In 2014, Deputy Assistant Secretary Thomas O. Melia of the Bureau of Democracy, Human Rights, "
        "and Labor noted in a written testimony that the country had taken some positive steps in building "
        "democratic institutions."
    )
    clause = _clause(sentence, "2014")
    assert clause is None or "Labor" in clause


def test_a_dangling_pronoun_or_a_caption_makes_no_clause():
    assert _clause("In December 2018, he also stopped in Yerevan.", "December 2018") is None
    assert _clause("Vice President Dick Cheney (l.) listened to the president.", "Dick Cheney") is None


def test_he_and_the_ban_are_named_from_the_sentence_before():
    before = "In 1992, the U.S. Congress adopted Section 907 of the Freedom Support Act."
    assert resolved("The ban made Azerbaijan the only exception.", before) == (
        "Section 907 made Azerbaijan the only exception."
    )
    assert resolved("He resigned.", "Senator Jane Roe and Senator John Doe met.") is None


def test_the_treaty_and_it_are_named_by_the_documents_title():
    assert with_title("Under the treaty, the valley was ceded.", "Treaty of Lindholm") == (
        "Under the Treaty of Lindholm, the valley was ceded."
    )
    assert with_title("It is the second-longest oil pipeline.", "Druzhba pipeline").startswith(
        "The Druzhba pipeline is"
    )
    assert with_title("The treaty was confirmed by the Treaty of Kars.", "Treaty of Kars").startswith(
        "The treaty"
    )
    assert title_names("Treaty of Kars") >= {"treaty of kars"}


def test_a_person_s_kind_comes_from_the_title_before_the_name():
    text = "Vice President Jane Roe met Senator John Doe."
    kinds = {m.text: fine_kind(m, text) for m in find_mentions(text)}
    assert kinds == {"Jane Roe": "person:vice president", "John Doe": "person:senator"}


def test_year_distractors_keep_their_order_against_the_sentence_s_other_years():
    text = "After the attacks in 2001, Congress passed the legislation of 2002."
    mention = next(m for m in find_mentions(text) if m.text == "2002")
    assert _in_order(["1993", "1998", "2006", "2011"], mention, text) == ["2006", "2011"]
