"""`o`: the seed document a card came from, opened at the card's line with its sentence
selected. Tab / Shift+Tab move by sentence, `c` makes a card of the one under the cursor, and
the line under the title says which line the cursor is on."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static, TextArea
from textual.widgets.text_area import Selection

from caucasusquiz.authoring.cursor_sentence import next_sentence, previous_sentence, sentences_on_line
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.decks.sources import read_source, source_folders
from caucasusquiz.generator.dedupe import content_words
from caucasusquiz.text import strip_forbidden
from caucasusquiz.ui.screens.app_screen import AppScreen
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter

# Rows of the document shown above the card's sentence: where it comes from, at a glance.
CONTEXT_ROWS_ABOVE = 3
# A sentence counts as quoted in a card's context when this share of its words is there (the
# context may be cleaned of a stray bracket or spacing the document keeps).
QUOTED_SHARE = 0.8
# Rows a toast takes under the title line (its title and two lines of text: app.tcss).
TOAST_ROWS = 3


def card_sentence_columns(lines: Sequence[str], row: int, card: Card) -> tuple[int, int]:
    """Where, on line `row` of a document, the card's sentence is: its first column and the
    one after it. A line holds several sentences, and a card's context often quotes the one
    before its fact too; so of the line's sentences (as `c` finds them, at each word) those the
    context quotes come first, and of them the one that shares most words with the card's own
    text is the card's. The whole line when no word of it is in the card."""
    fact = _words(_fact_text(card))
    context = _words(card.context or "")
    best: tuple[tuple[bool, float, float], int, int] = ((False, 0.0, 0.0), 0, len(lines[row]))
    for found in sentences_on_line(lines, row):
        words = _words(found.sentence)
        quoted = bool(words) and len(words & context) >= QUOTED_SHARE * len(words)
        score = (quoted, _likeness(words, fact), _likeness(words, context))
        if score > best[0]:  # a tie keeps the earlier sentence
            best = (score, found.start, found.end)
    return best[1], best[2]


def _fact_text(card: Card) -> str:
    # A question's answer (in any accepted form: IPAP) is part of its fact; "true" is not.
    if card.type is CardType.TRUEFALSE:
        return card.full_text
    return " ".join((card.full_text, card.answer, *card.accept))


def _words(text: str) -> frozenset[str]:
    # Words that say something: not "the", nor the "u" and "s" of "U.S." (in every sentence).
    return frozenset(w for w in content_words(text) if len(w) > 2 or w.isdigit())


def _likeness(words: frozenset[str], other: frozenset[str]) -> float:
    # Shared words over both sizes: a long sentence is not picked for its many words, nor a
    # short one for its few.
    if not words or not other:
        return 0.0
    return len(words & other) / math.sqrt(len(words) * len(other))


class SourceScreen(AppScreen[None]):
    HELP_TITLE = "source document"
    ONE_TOAST_AT_A_TIME = True  # at the top, room for one (app.tcss)
    BINDINGS = [
        Binding("escape,q,o", "app.pop_screen", "Back"),
        Binding("c", "make_card", "Card from this sentence"),
        # Tab moves through the document as through a form's fields: by sentence, the unit
        # `c` makes a card of (by arrow it took 85 presses to reach a line's second sentence).
        Binding("tab", "sentence(1)", "Next sentence"),
        Binding("shift+tab", "sentence(-1)", "Previous sentence", show=False),
    ]

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card
        self.document: Path | None = None  # the seed file shown, once it could be read
        self.name_shown = ""  # the document's name in the title line, once it could be read

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="source-title", classes="title")
        yield TextArea(id="document", read_only=True, soft_wrap=True, show_line_numbers=True)
        yield FittingFooter()

    def on_mount(self) -> None:
        card = self.card
        locations = self.app.require_workspace().locations
        seeds = locations.seeds
        title = self.query_one("#source-title", Static)
        area = self.query_one("#document", TextArea)
        name = card.source_file
        if not name:
            title.update("This card has no source.")
            area.text = strip_forbidden(card.context or "")
            return
        from caucasusquiz.serving.mode import is_served

        # A served tab (a student's browser) sees only the seed documents, never deck files.
        served = is_served()
        deck = self.app.require_workspace().collection.deck(card.deck_id)
        documents = deck.documents if deck is not None and not served else ()
        document = read_source(name, source_folders(seeds, locations.decks, served), documents)
        if document is None:
            where = f"the seeds folder ({seeds})"
            if documents:
                where += " nor in the deck's documents folder (" + ", ".join(map(str, documents)) + ")"
            title.update(Text(strip_forbidden(f"{name} is not in {where}."), style="bold"))
            area.text = strip_forbidden(card.context or "")
            return
        text = document.text
        self.sub_title = strip_forbidden(name)
        self.document = document.path
        self.name_shown = strip_forbidden(name)
        line = (card.source_line or 1) - 1
        self._show_line(line)
        area.text = strip_forbidden(text)
        if 0 <= line < area.document.line_count:
            start, end = card_sentence_columns(area.document.lines, line, card)
            # Highlighted, with the cursor at its start (a selection ends where the cursor is):
            # `c` there makes a card of this very sentence, not of the next one on the line.
            area.selection = Selection((line, end), (line, start))
            self.call_after_refresh(self._scroll_near_the_top, area)
        area.focus()

    @staticmethod
    def _scroll_near_the_top(area: TextArea) -> None:
        # After the first layout, when the area knows its size and how its lines wrap: the
        # card's sentence a few rows from the top, with what follows it in view.
        if not area.size.height:
            return
        y = area.wrapped_document.location_to_offset(area.cursor_location).y
        area.scroll_to(y=max(0, y - CONTEXT_ROWS_ABOVE), animate=False, immediate=True)

    def _show_line(self, row: int) -> None:
        title = f"{self.name_shown}, line {row + 1}"
        self.query_one("#source-title", Static).update(Text(title, style="bold"))

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        # The title line says where the cursor is, not only where the card's line was.
        if self.name_shown:
            self._show_line(event.selection.end[0])
        self.call_after_refresh(self._keep_toasts_off_the_cursor)

    def _keep_toasts_off_the_cursor(self) -> None:
        # Toasts sit under the title line, over the document's first rows (app.tcss); when the
        # cursor is on those rows they go to the bottom, above the key line, instead.
        if not self.is_attached:  # left before the refresh
            return
        area = self.query_one("#document", TextArea)
        rows_from_top = area.cursor_screen_offset.y - area.content_region.y
        self.set_class(rows_from_top < TOAST_ROWS, "-toasts-below")

    def action_sentence(self, step: int) -> None:
        """Tab / Shift+Tab: the next or previous sentence, highlighted with the cursor at its start."""
        area = self.query_one("#document", TextArea)
        row, column = area.cursor_location
        move = next_sentence if step > 0 else previous_sentence
        found = move(area.document.lines, row, column)
        if found is None:
            self.notify("No more sentences this way.")
            return
        area.selection = Selection((found.row, found.end), (found.row, found.start))
        self.call_after_refresh(self._show_whole_sentence, area)

    def _show_whole_sentence(self, area: TextArea) -> None:
        # Moving down, the view followed only the cursor, at the sentence's first words on
        # the bottom row: a sentence that does not end in view is brought near the top.
        if not area.is_attached:
            return
        wrapped = area.wrapped_document
        start = wrapped.location_to_offset(area.selection.end).y
        end = wrapped.location_to_offset(area.selection.start).y
        if end >= area.scroll_y + area.scrollable_content_region.height:
            area.scroll_to(y=max(0, start - CONTEXT_ROWS_ABOVE), animate=False, immediate=True)
            self._keep_toasts_off_the_cursor()

    def action_make_card(self) -> None:
        """Make a card from the sentence under the cursor (see ui/screens/make_card.py)."""
        from caucasusquiz.ui.screens.make_card import open_for_cursor

        open_for_cursor(self, self.query_one("#document", TextArea))
