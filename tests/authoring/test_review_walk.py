"""The draft walk as domain logic: decisions go to the file at once, undo puts them back."""

from __future__ import annotations

from datetime import date

from caucasusquiz.authoring.proposals import alternatives, distractor_pool
from caucasusquiz.authoring.review import DraftReview
from caucasusquiz.authoring.source import excerpt
from caucasusquiz.authoring.warnings import warnings_for
from caucasusquiz.decks.loader import read_deck

TODAY = date(2026, 11, 29)


def walk(path) -> DraftReview:
    deck = read_deck(path).deck
    assert deck is not None
    return DraftReview([deck], TODAY)


def test_walk_visits_drafts_only_and_resumes_from_disk(draft_deck):
    review = walk(draft_deck)
    assert review.left == 4 and review.current.id == "wilson-1919"  # type: ignore[union-attr]
    review.keep()
    review.drop()
    # a new walk (after a crash) starts where the file says
    again = walk(draft_deck)
    assert again.left == 2 and again.current.id == "embassy-tf"  # type: ignore[union-attr]
    deck = read_deck(draft_deck).deck
    assert deck is not None and deck.dropped == ("embassy-1992",)
    assert next(c for c in deck.cards if c.id == "wilson-1919").reviewed == "2026-11-29"


def test_undo_takes_back_drop_and_keep(draft_deck):
    before = draft_deck.read_bytes()
    review = walk(draft_deck)
    review.keep()
    review.drop()
    assert review.undo() == "dropped"
    assert review.current.id == "embassy-1992"  # type: ignore[union-attr]
    assert review.undo() == "kept"
    assert draft_deck.read_bytes() == before and review.left == 4


def test_skip_moves_the_card_to_the_end(draft_deck):
    review = walk(draft_deck)
    review.skip()
    assert review.current.id == "embassy-1992" and review.left == 4  # type: ignore[union-attr]
    review.undo()
    assert review.current.id == "wilson-1919"  # type: ignore[union-attr]


def test_change_type_offers_every_other_form(draft_deck):
    review = walk(draft_deck)
    review.skip()
    card = review.current
    assert card is not None and card.type.value == "cloze"
    forms = {p.label: p for p in review.alternatives(card)}
    assert set(forms) >= {"question", "true or false: true"}
    question = forms["question"]
    assert (
        dict(question.fields)["question"] == "In which year did the United States open its embassy in Baku?"
    )
    changed = review.change_type(question)
    assert changed.type.value == "qa" and changed.answer == "1992"
    assert read_deck(draft_deck).ok


def test_choice_from_a_question_gets_distractors_of_the_same_kind(draft_deck):
    deck = read_deck(draft_deck).deck
    assert deck is not None
    wilson = deck.cards[0]
    assert distractor_pool(deck.cards[1], deck.cards) == ["1998"]  # a year for a year
    forms = {p.type for p in alternatives(wilson, deck.cards)}
    assert "cloze" in forms and "truefalse" in forms


def test_warnings_spot_time_words_other_kinds_and_siblings(draft_deck):
    deck = read_deck(draft_deck).deck
    assert deck is not None
    btc = next(c for c in deck.cards if c.id == "btc-choice")
    codes = {w.code for w in warnings_for(btc)}
    assert codes == {"time", "kind"}
    embassy = next(c for c in deck.cards if c.id == "embassy-1992")
    tf = next(c for c in deck.cards if c.id == "embassy-tf")
    assert {w.code for w in warnings_for(embassy, [tf])} == {"sibling"}


def test_excerpt_shows_the_source_line_between_its_neighbours(draft_deck, seeds_dir):
    deck = read_deck(draft_deck).deck
    assert deck is not None
    lines = excerpt(seeds_dir, deck.cards[1])
    assert [(x.number, x.is_source) for x in lines] == [(4, False), (5, True), (6, False)]
    assert lines[1].text == "The United States opened its embassy in Baku in 1992."


def test_the_walk_follows_its_edits_without_rereading_and_agrees_with_the_file(draft_deck):
    review = walk(draft_deck)
    review.keep()
    review.drop()
    review.update({"statement": "The U.S. opened its embassy in Baku in 1998."})
    review.skip()
    review.change_type(next(p for p in review.alternatives(review.current) if p.type == "qa"))  # type: ignore[arg-type]
    in_memory = review.decks["early"]
    on_disk = read_deck(draft_deck).deck
    assert on_disk is not None
    assert in_memory.cards == on_disk.cards  # ids, text, tags and line numbers alike
    assert in_memory.dropped == on_disk.dropped == ("embassy-1992",)


def test_follow_takes_decks_changed_by_hand_but_not_stale_copies_of_its_own(draft_deck):
    stale = read_deck(draft_deck).deck
    assert stale is not None
    review = DraftReview([stale], TODAY)
    review.keep()
    review.follow([stale])  # the app read the file before the keep: ignored
    assert review.left == 3 and review.decks["early"].cards[0].reviewed == "2026-11-29"
    text = draft_deck.read_text(encoding="utf-8").replace('"Woodrow Wilson"', '"T. W. Wilson"')
    draft_deck.write_text(text, encoding="utf-8")
    review.follow([read_deck(draft_deck).deck])  # type: ignore[list-item]
    assert review.decks["early"].cards[0].answer == "T. W. Wilson"


def test_kinds_tell_dates_from_events_named_after_them():
    from caucasusquiz.authoring.warnings import kind_of

    assert [kind_of(v) for v in ("March 16, 1992", "16 March 1992", "Jan 21, 2022", "Jan 2022")] == [
        "date"
    ] * 4
    assert kind_of("September 11 attacks") == kind_of("Nabucco") == "text"
    assert [kind_of(v) for v in ("1992", "40%", "$5 million", "12/100")] == [
        "year",
        "percentage",
        "amount",
        "number",
    ]


def test_a_false_statement_offers_the_fact_it_falsified(draft_deck):
    deck = read_deck(draft_deck).deck
    assert deck is not None
    false_card = next(c for c in deck.cards if c.id == "embassy-tf")
    forms = {p.type: dict(p.fields) for p in alternatives(false_card, deck.cards)}
    assert forms["qa"] == {
        "question": "In which year did the United States open its embassy in Baku?",
        "answer": "1992",
    }
    assert forms["cloze"]["text"] == "The United States opened its embassy in Baku in {{1992}}."


def test_a_false_statement_of_several_words_gives_answer_and_distractor():
    from caucasusquiz.decks.model import Card, CardType

    card = Card(
        "d",
        "tf",
        CardType.TRUEFALSE,
        "false",
        "US Secretary of State Ray Mabus met President Aliyev in Munich.",
        context="US Secretary of State Antony J. Blinken met President Aliyev in Munich.",
    )
    forms = {p.type: dict(p.fields) for p in alternatives(card, [card])}
    assert forms["truefalse"] == {
        "statement": "US Secretary of State Antony J. Blinken met President Aliyev in Munich.",
        "answer": True,
    }
    assert forms["cloze"]["text"] == (
        "US Secretary of State {{Antony J. Blinken}} met President Aliyev in Munich."
    )
    assert "choice" not in forms  # one wrong value (Ray Mabus) is not enough for multiple choice
