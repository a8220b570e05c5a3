"""Review state lives in the deck file: `reviewed` on cards, `dropped` and `study` on the deck."""

from __future__ import annotations

from caucasusquiz.authoring.drafts import draft_counts, drafts_of
from caucasusquiz.cli import main
from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import load_deck
from caucasusquiz.decks.loader import read_deck

HEAD = 'title: "T"\n'


def card(extra: str = "") -> str:
    return f"cards:\n  - id: a\n    question: Where?\n    answer: Baku\n{extra}"


def test_reviewed_mark_true_or_date_is_read(write_deck):
    deck = read_deck(write_deck(HEAD + card("    reviewed: 2026-11-29\n"))).deck
    assert deck is not None and deck.cards[0].reviewed == "2026-11-29"
    deck = read_deck(write_deck(HEAD + card("    reviewed: true\n"))).deck
    assert deck is not None and deck.cards[0].reviewed == "true"
    deck = read_deck(write_deck(HEAD + card("    reviewed: false\n"))).deck
    assert deck is not None and deck.cards[0].reviewed is None


def test_bad_reviewed_value_is_an_error_with_its_line(write_deck):
    load = read_deck(write_deck(HEAD + card("    reviewed: soon\n")))
    assert [(p.line, p.message) for p in load.errors] == [
        (6, "`reviewed` must be true, false or a date like 2026-11-29, not 'soon'")
    ]
    load = read_deck(write_deck(HEAD + card("    reviewed: 2026-02-31\n")))
    assert load.errors and load.errors[0].line == 6


def test_misspelt_review_fields_get_a_did_you_mean(write_deck):
    load = read_deck(write_deck(HEAD + card("    reviewd: true\n")))
    assert load.errors[0].line == 6 and load.errors[0].hint == "did you mean 'reviewed'?"
    load = read_deck(write_deck(HEAD + "dropp: [x]\n" + card()))
    assert load.errors[0].line == 2 and load.errors[0].hint == "did you mean 'dropped'?"


def test_dropped_and_study_are_read_and_checked(write_deck):
    deck = read_deck(write_deck(HEAD + "dropped: [x-1, y]\nstudy: reviewed\n" + card())).deck
    assert deck is not None and deck.dropped == ("x-1", "y") and deck.reviewed_only
    load = read_deck(write_deck(HEAD + "dropped: x\nstudy: revewed\n" + card()))
    assert [(p.line, p.message) for p in load.errors] == [
        (2, "`dropped` must be a list, not a single value"),
        (3, "unknown `study` setting 'revewed'"),
    ]
    assert load.errors[1].hint == "did you mean 'reviewed'?"
    load = read_deck(write_deck(HEAD + 'dropped: ["bad id!", a]\n' + card()))
    assert [p.line for p in load.errors] == [2]
    assert load.errors[0].message.startswith("invalid id 'bad id!' in `dropped`")
    assert any(p.message == "card 'a' is listed in `dropped` but is still in the deck" for p in load.problems)


def test_study_reviewed_leaves_drafts_out_of_study(write_deck):
    text = HEAD + "study: reviewed\ncards:\n"
    text += "  - id: a\n    question: Q1?\n    answer: A1\n    reviewed: 2026-11-29\n"
    text += "  - id: b\n    question: Q2?\n    answer: A2\n"
    deck = read_deck(write_deck(text)).deck
    assert deck is not None
    assert [c.id for c in deck.cards] == ["a", "b"]
    assert [c.id for c in deck.study_cards] == ["a"]


def test_review_state_survives_the_deck_cache(write_deck, tmp_path):
    path = write_deck(HEAD + "dropped: [z]\nstudy: reviewed\n" + card("    reviewed: 2026-11-29\n"))
    cache = DeckCache(tmp_path / "cache")
    first = load_deck(path, cache)
    again = load_deck(path, cache)
    assert again.deck == first.deck
    assert again.deck is not None and again.deck.cards[0].reviewed == "2026-11-29"
    assert again.deck.dropped == ("z",) and again.deck.reviewed_only


def test_drafts_are_generated_cards_nobody_reviewed(draft_deck):
    deck = read_deck(draft_deck).deck
    assert deck is not None
    assert [c.id for c in drafts_of(deck)] == ["wilson-1919", "embassy-1992", "embassy-tf", "btc-choice"]
    counts = draft_counts([deck])
    assert [(c.deck.id, c.drafts) for c in counts] == [("early", 4)]


def test_check_reports_drafts_per_deck(draft_deck, capsys):
    assert main(["check", str(draft_deck.parent)]) == 0
    out = capsys.readouterr().out
    assert f"{draft_deck}: 4 of 6 cards still drafts (generated, not reviewed)" in out
    assert "4 drafts to review (caucasusquiz author)" in out


def test_check_says_so_when_no_draft_is_left(example_deck, capsys):
    # "check says how many drafts each deck has left": with none left it said nothing, so
    # a teacher could not tell "all signed off" from "not counted".
    assert main(["check", str(example_deck)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("0 warnings; no drafts left to review")


def test_one_draft_left_is_counted_in_the_singular(draft_deck, capsys):
    text = draft_deck.read_text(encoding="utf-8")
    deck = read_deck(draft_deck).deck
    assert deck is not None
    for card in drafts_of(deck)[1:]:  # review all but one, as the author screen's `k` does
        text = text.replace(f"  - id: {card.id}\n", f"  - id: {card.id}\n    reviewed: true\n")
    draft_deck.write_text(text, encoding="utf-8")
    assert main(["check", str(draft_deck.parent)]) == 0
    out = capsys.readouterr().out
    assert f"{draft_deck}: 1 of 6 cards still a draft" in out
    assert "; 1 draft to review (caucasusquiz author)" in out
