"""Distractors are of the answer's kind and format, from the corpus, never the answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caucasusquiz.decks import CardType, load_collection
from caucasusquiz.generator.distractors import Pool, distractors
from caucasusquiz.generator.entities import find_mentions, fold, known_entity


def _mention(text: str, answer: str):
    return next(m for m in find_mentions(text) if m.text == answer)


POOL_TEXT = (
    "Woodrow Wilson, Barack Obama, George W. Bush, George H.W. Bush, Joe Biden and "
    "Donald Trump met Antony Blinken, James Baker, Ilham Aliyev, Heydar Aliyev and "
    "Richard Lugar of NATO and the World Trade Organization in Paris."
)


@pytest.fixture
def pool() -> Pool:
    pool = Pool()
    pool.add(find_mentions(POOL_TEXT))
    return pool


def test_a_year_gets_nearby_years(pool: Pool):
    text = "In 1992, the U.S. Congress adopted Section 907."
    options = distractors(_mention(text, "1992"), "1992", text, pool)
    assert len(options) == 3
    assert all(o.isdigit() and 1 <= abs(int(o) - 1992) <= 3 for o in options)


def test_a_full_date_gets_dates_in_the_same_format(pool: Pool):
    text = "On March 16, 1992, the United States opened its embassy in Baku."
    options = distractors(_mention(text, "March 16, 1992"), "March 16, 1992", text, pool)
    assert len(options) == 3 and "March 16, 1992" not in options
    assert all(re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, 1992", o) for o in options)


def test_a_percentage_gets_percentages(pool: Pool):
    text = "Europe depends on Russian natural gas for 40 percent of its needs."
    options = distractors(_mention(text, "40 percent"), "40 percent", text, pool)
    assert len(options) == 3 and all(re.fullmatch(r"\d+ percent", o) for o in options)


def test_a_person_gets_other_people_of_the_same_role_first(pool: Pool):
    text = "In view of this, President George W. Bush waived the section in January 2002."
    options = distractors(_mention(text, "George W. Bush"), "George W. Bush", text, pool)
    assert len(options) == 3
    kinds = {known_entity(o).group for o in options}  # type: ignore[union-attr]
    assert kinds == {"us-president"}
    assert "George W. Bush" not in options


def test_never_a_variant_of_the_answer_nor_a_name_shown_in_the_question(pool: Pool):
    text = (
        "Over the last two years, Donald Trump has sent six letters to his Azerbaijani "
        "counterpart, President İlham Aliyev."
    )
    options = distractors(_mention(text, "İlham Aliyev"), "Ilham Aliyev", text, pool)
    folded = {fold(o) for o in options}
    assert "ilham aliyev" not in folded and "donald trump" not in folded
    assert all(known_entity(o).kind == "person" for o in options)  # type: ignore[union-attr]


def test_generated_choice_cards_have_three_distractors_of_the_answer_kind(generated_decks: Path):
    collection = load_collection([generated_decks])
    choices = [c for c in collection.cards if c.type is CardType.CHOICE]
    assert choices
    for card in choices:
        assert len(card.distractors) == 3, card.id
        assert fold(card.answer) not in {fold(d) for d in card.distractors}
        if card.answer.isdigit():
            assert all(d.isdigit() for d in card.distractors), card.id
        known = known_entity(card.answer)
        if known is not None and known.kind == "person":
            assert all(
                known_entity(d) and known_entity(d).kind == "person"  # type: ignore[union-attr]
                for d in card.distractors
            ), card.id
