"""Problems a new user met in deck authoring (issue 11 follow-up), each pinned by a test."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from caucasusquiz import paths
from caucasusquiz.authoring.proposals import alternatives
from caucasusquiz.authoring.warnings import same_sentence
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.ui.app import make_app
from caucasusquiz.ui.screens.author import AuthorScreen

SIZE = (80, 24)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def test_cards_on_one_line_but_from_different_sentences_are_not_siblings():
    line = "tea.txt:4"
    first = Card(
        "d", "a", CardType.CLOZE, "1937", "Tea grows in {{1937}}.", source=line, context="Tea grows in 1937."
    )
    same = Card("d", "b", CardType.QA, "1937", "When?", source=line, context="Tea  grows in 1937.")
    other = Card("d", "c", CardType.QA, "Baku", "Capital?", source=line, context="The capital is Baku.")
    assert same_sentence(first, [first, same, other]) == [same]


def test_a_true_statement_can_change_type():
    card = Card(
        "d",
        "tf",
        CardType.TRUEFALSE,
        "true",
        "The pipeline opened in 2006 and carries oil.",
        tags=("year",),
        source="tea.txt:6",
        context="The pipeline opened in 2006 and carries oil.",
    )
    labels = {proposal.label: proposal for proposal in alternatives(card, [card])}
    assert labels["fill the blank"].prompt == "The pipeline opened in {{2006}} and carries oil."
    assert dict(labels["question"].fields)["answer"] == "2006"


async def test_author_opens_without_asking_who_is_studying(draft_deck, seeds_dir, isolated_user_dirs):
    locations = paths.resolve(decks=draft_deck.parent, data_dir=isolated_user_dirs)
    store = ProgressStore.open(locations.database)
    for name in ("ana", "ben"):
        store.profile(name, NOW)
    store.close()
    app = make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False, author=True)
    async with app.run_test(size=SIZE) as pilot:
        # Before the fix a profile picker opened and the app waited for a choice.
        await asyncio.wait_for(app.opened.wait(), timeout=10)
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
    store = ProgressStore.open(locations.database)
    assert sorted(store.profile_names()) == ["ana", "ben"]  # nobody was made up or remembered
    assert store.last_profile() is None
    store.close()
