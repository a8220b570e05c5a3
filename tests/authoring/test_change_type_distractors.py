"""`t` on a multiple-choice card (new-user walkthrough 4, finding 1): the teacher's distractors
are named before a type change removes them, and `t` offers them back afterwards."""

from __future__ import annotations

from datetime import UTC, date, datetime

from caucasusquiz import paths
from caucasusquiz.authoring.proposals import alternatives
from caucasusquiz.authoring.review import DraftReview
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.ui.app import make_app
from caucasusquiz.ui.screens.author import AuthorScreen

TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
SIZE = (80, 24)
OWN = ["Nabucco", "South Stream", "1998"]  # btc-choice's distractors in the test deck
BTC_QUESTION = "Which pipeline did the U.S. back last October as the main route for Caspian oil?"
OWN_LABEL = "multiple choice (its own distractors)"


def walk_to_btc(path) -> DraftReview:
    deck = read_deck(path).deck
    assert deck is not None
    review = DraftReview([deck], TODAY)
    while review.current is not None and review.current.id != "btc-choice":
        review.skip()
    return review


def btc(path) -> Card:
    deck = read_deck(path).deck
    assert deck is not None
    return next(c for c in deck.cards if c.id == "btc-choice")


def test_every_other_form_of_a_choice_card_names_the_distractors_it_removes(draft_deck):
    card = btc(draft_deck)
    proposals = alternatives(card, [card])
    assert {p.type for p in proposals} >= {"qa", "cloze", "truefalse"}
    for proposal in proposals:
        assert proposal.loss(card) == "its 3 distractors are removed (u undoes)"


def test_a_form_that_removes_nothing_says_nothing(draft_deck):
    deck = read_deck(draft_deck).deck
    assert deck is not None
    cloze = next(c for c in deck.cards if c.id == "embassy-1992")
    assert all(p.loss(cloze) is None for p in alternatives(cloze, deck.cards))


def test_a_question_names_its_accepted_answers_when_they_go(draft_deck):
    deck = read_deck(draft_deck).deck
    assert deck is not None
    wilson = next(c for c in deck.cards if c.id == "wilson-1919")
    cloze = next(p for p in alternatives(wilson, deck.cards) if p.type == "cloze")
    assert cloze.loss(wilson) == "its accepted answer Wilson is removed (u undoes)"


def test_the_own_distractors_come_back_after_a_type_change(draft_deck):
    review = walk_to_btc(draft_deck)
    card = review.current
    assert card is not None
    question = next(p for p in review.alternatives(card) if p.type == "qa")
    changed = review.change_type(question)
    assert changed.type is CardType.QA and not changed.distractors

    first = review.alternatives(changed)[0]
    assert first.label == OWN_LABEL
    assert dict(first.fields) == {
        "question": BTC_QUESTION,
        "answer": "Baku–Tbilisi–Ceyhan",
        "distractors": OWN,
    }
    back = review.change_type(first)
    assert back.type is CardType.CHOICE and list(back.distractors) == OWN
    assert btc(draft_deck).distractors == tuple(OWN) and read_deck(draft_deck).ok


def test_the_own_distractors_and_question_survive_two_type_changes(draft_deck):
    review = walk_to_btc(draft_deck)
    card = review.current
    assert card is not None
    review.change_type(next(p for p in review.alternatives(card) if p.type == "cloze"))
    cloze = review.current
    assert cloze is not None and cloze.type is CardType.CLOZE
    review.change_type(next(p for p in review.alternatives(cloze) if p.label == "true or false: true"))
    statement = review.current
    assert statement is not None and statement.type is CardType.TRUEFALSE
    first = review.alternatives(statement)[0]
    assert first.label == OWN_LABEL
    # The teacher's own question, not one made up from the sentence.
    assert dict(first.fields)["question"] == BTC_QUESTION and dict(first.fields)["distractors"] == OWN


def test_a_new_walk_offers_no_distractors_it_never_saw(draft_deck):
    review = walk_to_btc(draft_deck)
    card = review.current
    assert card is not None
    review.change_type(next(p for p in review.alternatives(card) if p.type == "qa"))
    again = walk_to_btc(draft_deck)
    moved = again.current
    assert moved is not None and moved.id == "btc-choice"
    assert all(p.label != OWN_LABEL for p in again.alternatives(moved))


# -- the author screen --------------------------------------------------------------------


async def test_author_screen_warns_then_brings_the_distractors_back(
    draft_deck, seeds_dir, isolated_user_dirs
):
    locations = paths.resolve(decks=draft_deck.parent, data_dir=isolated_user_dirs)
    app = make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False, author=True, deck="early")
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        await pilot.press("s", "s", "s")  # Wilson, the embassy cloze, the embassy true/false
        await pilot.pause()
        assert "btc-choice" in str(app.screen.query_one("#author-where").content)

        await pilot.press("t")
        await pilot.pause()
        labels = option_labels(app)
        question = next(i for i, label in enumerate(labels) if label.startswith("question"))
        assert labels[question].startswith("question — its 3 distractors are removed (u undoes): ")
        assert all("its 3 distractors are removed" in label for label in labels)
        for _ in range(question):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert btc(draft_deck).type is CardType.QA and not btc(draft_deck).distractors
        assert any("3 distractors" in str(n.message) for n in app._notifications)

        await pilot.press("t")
        await pilot.pause()
        labels = option_labels(app)
        assert labels[0].startswith(f"{OWN_LABEL}: {BTC_QUESTION} → Baku–Tbilisi–Ceyhan")
        await pilot.press("enter")
        await pilot.pause()
        back = btc(draft_deck)
        assert back.type is CardType.CHOICE and list(back.distractors) == OWN
        assert read_deck(draft_deck).ok


def option_labels(app) -> list[str]:
    options = app.screen.query_one("#author-types")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
