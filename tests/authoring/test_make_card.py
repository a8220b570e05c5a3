"""Making a card from a sentence of the source document, in the domain and through the source viewer."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caucasusquiz import paths
from caucasusquiz.authoring.deck_text import EditError
from caucasusquiz.authoring.new_card import proposals_for, sentence_at, write_card
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.ui.app import make_app
from caucasusquiz.ui.screens.author import AuthorScreen
from caucasusquiz.ui.screens.make_card import MakeCardScreen
from caucasusquiz.ui.screens.source import SourceScreen

SIZE = (80, 24)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
SECTION_907 = (
    "Section 907 of the Freedom Support Act banned direct aid to the government of Azerbaijan in 1992."
)


def test_sentence_at_picks_the_sentence_under_the_cursor():
    line = "The U.S. opened an embassy. Wilson met them in 1919! Then nothing."
    assert sentence_at(line, 0) == "The U.S. opened an embassy."
    assert sentence_at(line, 30) == "Wilson met them in 1919!"
    assert sentence_at(line, len(line) - 1) == "Then nothing."


def test_the_generator_proposes_cards_for_a_sentence_it_can_teach(seeds_dir):
    proposals = proposals_for(seeds_dir / "004_x.txt", 8, SECTION_907)
    generated = [p for p in proposals if p.label.endswith("(from the generator)")]
    assert generated, "the generator makes a card of the Section 907 sentence"
    assert all(dict(p.fields)["context"] == SECTION_907 for p in generated)
    # the forms anyone can fill in always follow
    assert [p.type for p in proposals[-3:]] == ["cloze", "truefalse", "qa"]


def test_write_card_adds_a_reviewed_card_with_its_source(draft_deck):
    deck = read_deck(draft_deck).deck
    assert deck is not None
    proposal = proposals_for(None, 8, SECTION_907)[0]  # fill the blank on the sentence
    with pytest.raises(EditError, match="put"):
        write_card(deck, proposal, "004_x.txt:8", SECTION_907, date(2026, 11, 29))
    text = SECTION_907.replace("Section 907", "{{Section 907}}")
    from caucasusquiz.authoring.proposals import Proposal

    card_id, _ = write_card(
        deck, Proposal("cloze", (("text", text),), "x"), "004_x.txt:8", SECTION_907, date(2026, 11, 29)
    )
    again = read_deck(draft_deck)
    assert again.ok
    card = next(c for c in again.deck.cards if c.id == card_id)  # type: ignore[union-attr]
    assert card.answer == "Section 907" and card.source == "004_x.txt:8" and card.context == SECTION_907
    assert card.reviewed == "2026-11-29"


async def test_make_a_card_from_the_source_viewer(draft_deck, seeds_dir, isolated_user_dirs):
    locations = paths.resolve(decks=draft_deck.parent, data_dir=isolated_user_dirs)
    app = make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False, author=True)
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        # the Wilson card's source is line 3; go to line 8, the Section 907 sentence
        area = app.screen.query_one("#document")
        assert area.cursor_location[0] == 2
        for _ in range(10):
            if area.cursor_location[0] == 7:
                break
            await pilot.press("down")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MakeCardScreen)
        assert app.screen.sentence == SECTION_907
        options = app.screen.query_one("#make-proposals")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[-1] == "your own question and answer"
        for _ in range(len(labels) - 1):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "make-question"
        app.focused.text = "Which section of the Freedom Support Act banned direct aid"  # a wrapped field
        app.focused.move_cursor(app.focused.document.end)
        await pilot.press("?", "tab")
        app.focused.value = "Section 907"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
    deck = read_deck(draft_deck)
    assert deck.ok
    made = [c for c in deck.deck.cards if c.source == "004_x.txt:8"]  # type: ignore[union-attr]
    assert len(made) == 1
    assert made[0].prompt == "Which section of the Freedom Support Act banned direct aid?"
    assert made[0].answer == "Section 907" and made[0].context == SECTION_907
    assert made[0].reviewed == "2026-11-29"


# A scraped wiki article: each link on a line of its own, followed by a preview of the linked
# page cut off with " ...", the sentence going on on the next line.
WIKI = [
    "Contemporary relations",
    "",
    "On October 18, 1991, the",
    "Azerbaijani parliament The National Assembly ( az, Milli Məclis), also transliterated as Milli "
    "Mejlis, is the legislative branch of government in Azerbaijan. The unicameral ...",
    "adopted a declaration of independence. The U.S. Senate later welcomed the",
    "Declaration of Independence (Azerbaijan) The Declaration of Independence was adopted by the "
    "Supreme Council of the Azerbaijan SSR on 18 October 1991 and proclaimed ...",
    "in a resolution.",
]
INDEPENDENCE = "On October 18, 1991, the Azerbaijani parliament adopted a declaration of independence."


@pytest.mark.parametrize(
    ("row", "column"),
    [(2, 5), (3, 3), (3, 120), (4, 10)],
    ids=["its first line", "a link", "the link's preview", "its last line"],
)
def test_the_sentence_under_the_cursor_is_the_whole_sentence_of_a_wiki_seed(row, column):
    assert sentence_at(WIKI[row], column, WIKI, row) == INDEPENDENCE


def test_the_next_sentence_after_a_wiki_link_is_found_too_and_u_s_does_not_end_it():
    # Line 5 holds the end of one sentence and the start of the next ("The U.S. Senate …").
    column = WIKI[4].index("Senate")
    assert sentence_at(WIKI[4], column, WIKI, 4) == (
        "The U.S. Senate later welcomed the Declaration of Independence (Azerbaijan) in a resolution."
    )
    assert sentence_at(WIKI[0], 3, WIKI, 0) == "Contemporary relations"  # a heading: the line itself


def test_the_generators_cards_for_a_wiki_sentence_are_offered_from_any_of_its_lines(tmp_path):
    document = tmp_path / "005_wiki.txt"
    document.write_text("\n".join(WIKI) + "\n", encoding="utf-8")
    for row in (2, 3, 4):  # the generator cites one of these lines
        sentence = sentence_at(WIKI[row], 3, WIKI, row)
        generated = [p for p in proposals_for(document, row + 1, sentence) if "from the generator" in p.label]
        assert generated, row
        assert all(INDEPENDENCE in str(dict(p.fields)["context"]) for p in generated)
