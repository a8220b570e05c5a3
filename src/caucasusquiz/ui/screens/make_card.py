"""`c` in the source viewer: make a card from the sentence under the cursor.

The proposals come from `authoring.new_card`; the author picks one, edits its fields
and Enter writes it into the deck (with its source line and a `reviewed` mark).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from caucasusquiz.authoring.deck_text import EditError, FieldValue
from caucasusquiz.authoring.new_card import proposals_for, sentence_at, write_card
from caucasusquiz.authoring.proposals import Proposal
from caucasusquiz.decks.model import Deck
from caucasusquiz.text import plural
from caucasusquiz.ui.notify_errors import refused_deck_write
from caucasusquiz.ui.screens.app_screen import AppScreen
from caucasusquiz.ui.widgets.card_form import (
    CONTEXT_LABEL,
    LIST_SEPARATOR,
    CardForm,
    form_keys,
    list_text,
    parse_form,
)
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

if TYPE_CHECKING:  # the source viewer imports this module when `c` is pressed
    from caucasusquiz.ui.screens.source import SourceScreen

FORM_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "cloze": (("text", "Text, with the answer in {{ }}"),),
    "qa": (
        ("question", "Question"),
        ("answer", "Answer"),
        ("accept", f"Also accepted ({LIST_SEPARATOR} between)"),
    ),
    "choice": (
        ("question", "Question"),
        ("answer", "Answer"),
        ("distractors", f"Distractors ({LIST_SEPARATOR} between)"),
    ),
    "truefalse": (("statement", "Statement"), ("answer", "Answer (true or false)")),
}


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return list_text(value)
    return "" if value is None else str(value)


class MakeCardScreen(AppScreen[str | None]):
    """Dismisses with the new card's id, or None when the author went back."""

    HELP_TITLE = "make a card from the source"
    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(
        self,
        deck: Deck,
        document: Path | None,
        line: int,
        sentence: str,
        source: str,
        existing: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        # Ids of the cards already made from this sentence: said above the proposals, which
        # may well repeat one of them (the generator's proposal is often the card you came from).
        self.existing = existing
        self.deck = deck
        self.document = document
        self.line = line
        self.sentence = sentence
        self.source = source
        self.proposals: list[Proposal] = []
        self.chosen: Proposal | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="make-sentence")
        yield OptionList(id="make-proposals")
        with Vertical(id="make-form"):
            yield Static(id="make-form-title", classes="title")
            yield Static(Text(form_keys("other proposals"), style="dim"))
            yield Vertical(id="make-inputs")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = f"new card for {self.deck.title}"
        header = Text(f"{self.source} → {self.deck.path.name}\n", style="dim")
        header.append_text(literal(self.sentence, "bold"))
        if self.existing:
            ids = ", ".join(self.existing)
            header.append(f"\nAlready {plural(len(self.existing), 'card')} on this sentence: ", style="bold")
            header.append_text(literal(ids, "bold"))
        self.query_one("#make-sentence", Static).update(header)
        self.proposals = proposals_for(self.document, self.line, self.sentence)
        options = self.query_one("#make-proposals", OptionList)
        for proposal in self.proposals:
            text = Text(f"{proposal.label}", style="bold")
            if proposal.prompt:
                text.append(": ")
                text.append_text(literal(proposal.prompt))
            answer = dict(proposal.fields).get("answer")
            if isinstance(answer, str) and answer:
                text.append(" → ", style="dim")
                text.append_text(literal(answer))
            options.add_option(Option(text))
        options.border_title = "Pick a card (Enter), then edit it"
        self._show_form(False)
        options.highlighted = 0
        options.focus()

    def _show_form(self, visible: bool) -> None:
        self.query_one("#make-form").display = visible
        self.query_one("#make-proposals").display = not visible

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = self.proposals[event.option_index]
        fields = dict(self.chosen.fields)
        # The sentence is the card's context unless the proposal quotes a longer one; the
        # author may widen it (a sentence cut at "U.") or trim it.
        context = _shown(fields.get("context")) or self.sentence
        form_fields = [
            (name, label, _shown(fields.get(name))) for name, label in FORM_FIELDS[self.chosen.type]
        ]
        form_fields.append(("context", CONTEXT_LABEL, context))
        box = self.query_one("#make-inputs", Vertical)
        await box.remove_children()
        form = CardForm(form_fields, prefix="make-", id="make-fields")
        await box.mount(form)
        self.query_one("#make-form-title", Static).update(Text(f"New card: {self.chosen.label}"))
        self._show_form(True)
        self.call_after_refresh(form.focus_first)

    def on_card_form_saved(self, event: CardForm.Saved) -> None:
        event.stop()
        if self.chosen is None:
            return
        changes = parse_form(self.chosen.type, event.form.values())
        own: dict[str, FieldValue] = dict(self.chosen.fields)
        for name, value in changes.items():
            if value is None:
                own.pop(name, None)
            else:
                own[name] = value
        proposal = Proposal(self.chosen.type, tuple(own.items()), self.chosen.label)
        today = self.app.clock().astimezone(self.app.tz).date()
        try:
            card_id, _edit = write_card(self.deck, proposal, self.source, self.sentence, today)
        except EditError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return
        self.notify(f"Card {card_id} written into {self.deck.path.name}.", title="Card added")
        # Quiet: "Decks reloaded" would replace "Card added" in the viewer, which shows one
        # toast at a time (new problems are still reported).
        self.app.reload_decks(quiet=True)
        self.dismiss(card_id)

    def action_back(self) -> None:
        if self.query_one("#make-form").display:
            self._show_form(False)
            self.query_one("#make-proposals", OptionList).focus()
            return
        self.dismiss(None)


def open_for_cursor(source_screen: SourceScreen, area: TextArea) -> None:
    """From the source viewer: the sentence under the cursor, into the deck of the card shown."""
    card = source_screen.card
    document: Path | None = source_screen.document
    deck = source_screen.app.require_workspace().collection.deck(card.deck_id)
    if deck is None:
        source_screen.notify("This card's deck is no longer loaded.", severity="error")
        return
    if refused_deck_write(source_screen.app, deck.path):
        return
    row, column = area.cursor_location
    lines = area.document.lines
    line_text = area.document.get_line(row)
    sentence = sentence_at(line_text, column, lines, row)
    if not sentence:
        source_screen.notify("Move to a sentence first (Tab: the next sentence).", severity="warning")
        return
    if document is None:  # no document: the card's own context stands in, at its own source
        source = card.source or ""
        line = card.source_line or 0
    else:
        line = row + 1
        source = f"{document.name}:{line}"
    existing = _cards_on_sentence(source_screen, lines, row, sentence) if document is not None else ()
    source_screen.app.push_screen(MakeCardScreen(deck, document, line, sentence, source, existing))


def _cards_on_sentence(
    source_screen: SourceScreen, lines: Sequence[str], row: int, sentence: str
) -> tuple[str, ...]:
    """Ids of the cards (any deck) whose own sentence, as `o` finds it, is this one."""
    from caucasusquiz.ui.screens.source import card_sentence_columns

    document = source_screen.document
    if document is None:
        return ()
    source = f"{document.name}:{row + 1}"
    found = []
    for card in source_screen.app.require_workspace().collection.cards:
        if card.source != source:
            continue
        start, _end = card_sentence_columns(lines, row, card)
        if sentence_at(lines[row], start, lines, row) == sentence:
            found.append(card.id)
    return tuple(found)
