"""Author: the generator's drafts (or every card), one card per screen, signed off with single keys.

The screen draws and asks; `authoring.review.DraftReview` decides and writes. Every
decision is in the deck file when its key has been handled. `a` switches between the
drafts and every card of the decks (to rework cards signed off before).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from caucasusquiz.authoring.deck_text import EditError
from caucasusquiz.authoring.proposals import Proposal
from caucasusquiz.authoring.review import SCOPE_NAMES, DraftReview, Scope
from caucasusquiz.authoring.source import excerpt
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.ui.screens.app_screen import AppScreen
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.widgets.card_form import (
    CONTEXT_LABEL,
    LIST_SEPARATOR,
    CardForm,
    form_keys,
    list_text,
    parse_form,
)
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.labelled_lines import LabelledLines
from caucasusquiz.ui.widgets.literal import literal

# Actions that only make sense on the card view (not while a form or a list is open).
CARD_ACTIONS = (
    "keep",
    "edit",
    "edit_external",
    "drop",
    "change_type",
    "swap",
    "skip",
    "undo",
    "source",
    "scope",
)
SUBTITLES: dict[Scope, str] = {"drafts": "review drafts", "all": "rework all cards"}


def card_fields(card: Card) -> list[tuple[str, str, str]]:
    """(field, label, current text) for the inline form, in file order, the context last."""
    if card.type is CardType.CLOZE:
        fields = [("text", "Text, with the answer in {{ }}", card.prompt)]
    elif card.type is CardType.TRUEFALSE:
        fields = [("statement", "Statement", card.prompt), ("answer", "Answer (true or false)", card.answer)]
    else:
        fields = [("question", "Question", card.prompt), ("answer", "Answer", card.answer)]
        if card.type is CardType.QA:
            fields.append(("accept", f"Also accepted ({LIST_SEPARATOR} between)", list_text(card.accept)))
        else:
            fields.append(
                ("distractors", f"Distractors ({LIST_SEPARATOR} between)", list_text(card.distractors))
            )
    fields.append(("context", CONTEXT_LABEL, card.context or ""))
    return fields


# What the keys act on: the card, its field form, the card-type list, or a distractor to swap.
AuthorMode = Literal["card", "edit", "type", "swap"]


class AuthorScreen(AppScreen[None]):
    HELP_TITLE = "author: review drafts, rework cards"
    BINDINGS = [
        Binding("k", "keep", "Keep"),
        Binding("e", "edit", "Edit"),
        Binding("E", "edit_external", "Edit in $EDITOR", show=False),
        Binding("d", "drop", "Drop"),
        Binding("t", "change_type", "Type"),
        # Short footer words, so that `a` fits at 80 columns; ? shows each tooltip, the longer name.
        Binding("w", "swap", "Swap", tooltip="Swap distractor"),
        Binding("s", "skip", "Skip"),
        Binding("u", "undo", "Undo"),
        # One key, two bindings: the footer names the walk `a` switches to.
        Binding(
            "a",
            "scope('all')",
            "All cards",
            tooltip="All cards / drafts: switch between every card of the deck(s) and the drafts",
        ),
        Binding("a", "scope('drafts')", "Drafts"),
        Binding("o", "source", "Source", show=False),
        Binding("1", "pick_distractor(1)", "after w: which distractor to swap (1–9)", show=False),
        *(Binding(str(n), f"pick_distractor({n})", "", show=False) for n in range(2, 10)),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, review: DraftReview) -> None:
        super().__init__()
        self.review = review
        self.mode: AuthorMode = "card"
        self.proposals: list[Proposal] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="author-top"):
            yield Static(id="author-where")
            yield Static(id="author-left")
        with VerticalScroll(id="author-body"):
            yield Static(id="author-warnings")
            with Horizontal(id="author-cards"):
                yield Static(id="author-card")
                yield Static(id="author-siblings")
            yield Static(id="author-source")
        with Vertical(id="author-form"):
            yield Static(id="author-form-title", classes="title")
            yield Static(Text(form_keys(), style="dim"), id="author-form-hint")
            yield Vertical(id="author-inputs")
        yield OptionList(id="author-types")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = SUBTITLES[self.review.scope]
        # A deck saved in an editor meanwhile: show what the file says now.
        self.watch(self.app, "decks_version", lambda _: self._decks_changed(), init=False)
        self.show_card()

    def _decks_changed(self) -> None:
        self.review.follow(self.app.require_workspace().collection.decks)
        if self.mode == "card":
            self.show_card()

    # -- drawing ------------------------------------------------------------------------

    def on_resize(self) -> None:
        # Only the top line depends on the width (its deck title is shortened to fit). Redrawing
        # the whole card would re-read its source and scroll an author reading further down back
        # to the top on every resize.
        card = self.review.current
        if self.mode == "card" and card is not None:
            self._show_where(card)

    def _show_where(self, card: Card) -> None:
        counts = f"{SCOPE_NAMES[self.review.scope]}: {self.review.left} left · {self.review.done} done"
        deck = self.review.deck_of(card)
        self.query_one("#author-where", Static).update(literal(self._where_line(deck.title, card.id, counts)))

    def _where_line(self, deck_title: str, card_id: str, counts: str) -> str:
        """Deck and card id on the top line: a long title is shortened (ui.shorten) so that the
        id, which `e` and the deck file name the card by, always shows (a line that wrapped
        lost it)."""
        room = self.size.width or self.app.size.width
        room -= len(counts) + 3 + len(card_id) + 3  # padding, the counts and " · " + a gap
        return f"{shorten(deck_title, max(room, 1))} · {card_id}"

    def show_card(self) -> None:
        card = self.review.current
        scope = self.review.scope
        self.sub_title = SUBTITLES[scope]
        where = self.query_one("#author-where", Static)
        counts = f"{SCOPE_NAMES[scope]}: {self.review.left} left · {self.review.done} done"
        self.query_one("#author-left", Static).update(Text(counts, style="bold"))
        self._set_mode("card")
        if card is None:
            panel = self.query_one("#author-card", Static)
            panel.border_title = None
            if scope == "drafts":
                where.update(Text("No drafts left to review.", style="bold"))
                panel.update(
                    "Every generated card has been kept or dropped. Press a to walk every "
                    "card, Esc to go back; u undoes the last decision."
                )
            else:
                where.update(Text("Every card has been seen.", style="bold"))
                panel.update("Press a for the drafts, Esc to go back; u undoes the last decision.")
            for selector in ("#author-siblings", "#author-warnings", "#author-source"):
                self.query_one(selector, Static).update("")
            self.query_one("#author-siblings").display = False
            return
        self._show_where(card)
        panel = self.query_one("#author-card", Static)
        # Walking every card, each says what it is: a draft, reviewed (when), or hand-made.
        status = f" · {self.review.status(card)}" if scope == "all" else ""
        panel.border_title = f"{card.type.label}{status}"
        panel.update(self._card_text(card))
        siblings = self.review.siblings(card)
        sibling_panel = self.query_one("#author-siblings", Static)
        sibling_panel.display = bool(siblings)
        sibling_panel.border_title = "same sentence"
        sibling_panel.update(self._siblings_text(siblings))
        warnings = self.review.warnings(card)
        self.query_one("#author-warnings", Static).update(
            Text("\n").join(Text(f"⚠ {w.message}", style="bold") for w in warnings) if warnings else ""
        )
        self.query_one("#author-source", Static).update(self._source_text(card))
        self.query_one("#author-body", VerticalScroll).scroll_home(animate=False)

    def _card_text(self, card: Card) -> LabelledLines:
        prompt = card.prompt if card.type is not CardType.CLOZE else card.full_text
        rows: list[tuple[Text | None, Text]] = [(Text("Prompt", "dim"), literal(prompt))]
        if card.type is CardType.CLOZE:
            rows.append((Text("Cloze", "dim"), literal(card.question)))
        rows.append((Text("Answer", "dim"), literal(card.answer, "bold")))
        if card.accept:
            rows.append((Text("Also", "dim"), literal(" · ".join(card.accept))))
        for number, distractor in enumerate(card.distractors, start=1):
            # "Wrong 1", then the numbers alone under the 1: the distractors line up.
            label = "Wrong 1" if number == 1 else f"{number:>7}"
            rows.append((Text(label, "dim"), literal(distractor)))
        return LabelledLines(rows, label_width=len("Wrong 1"))  # one column, card after card

    def _siblings_text(self, siblings: list[Card]) -> Text:
        text = Text()
        for other in siblings:
            text.append(f"{other.type.label}: ", style="dim")
            text.append_text(literal(other.question))
            text.append(" → ", style="dim")
            text.append_text(literal(other.answer))
            text.append("\n")
        text.rstrip()
        return text

    def _source_text(self, card: Card) -> Text | LabelledLines:
        from caucasusquiz.serving.mode import is_served

        locations = self.app.require_workspace().locations
        documents = () if is_served() else self.review.deck_of(card).documents
        lines = excerpt(locations.seeds, card, documents=documents)
        if not lines:
            source = card.source or "no source"
            return Text.assemble(("Source ", "dim"), literal(source), "\n", literal(card.context or ""))
        rows: list[tuple[Text | None, Text]] = [(None, self._document_name(card))]
        for line in lines:
            style = "bold" if line.is_source else "dim"
            rows.append((Text(f"{line.number:>4}", "dim"), literal(line.text, style)))
        return LabelledLines(rows)

    def _document_name(self, card: Card) -> Text:
        """The source document by its title, as students see it after answering, with its
        file name, which the card's `source:` names."""
        name = Text.assemble(("Source ", "dim"))
        title = self.app.document_title(card)
        if title:
            name.append_text(literal(title))
            name.append(" · ", style="dim")
        name.append_text(literal(card.source_file or "", "dim"))
        return name

    def _set_mode(self, mode: AuthorMode) -> None:
        self.mode = mode
        self.query_one("#author-form").display = mode == "edit"
        self.query_one("#author-types").display = mode == "type"
        self.query_one("#author-body").display = mode in ("card", "swap")
        if mode in ("card", "swap"):
            # The body has focus so that arrows and Page Up/Down scroll to the source lines.
            self.query_one("#author-body", VerticalScroll).focus()
        self.refresh_bindings()

    # -- commands -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick_distractor":
            return self.mode == "swap"
        if action in CARD_ACTIONS:
            if self.mode != "card":
                return False
            if action == "swap":
                card = self.review.current
                return card is not None and card.type is CardType.CHOICE
            if action == "undo":
                return self.review.can_undo
            if action == "scope":
                return parameters[0] != self.review.scope
        return True

    def _attempt(self, do: Callable[[], object], done: str | None = None) -> bool:
        self.review.last_written = None
        try:
            do()
        except EditError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return False
        if self.review.last_written is not None:
            self.app.note_deck_write(self.review.last_written)  # no "Decks reloaded" for our own save
        if done:
            self.notify(done, timeout=2)
        return True

    def action_keep(self) -> None:
        if self.review.current is not None and self._attempt(self.review.keep):
            self.show_card()

    def action_drop(self) -> None:
        card = self.review.current
        if card is not None and self._attempt(self.review.drop, f"Dropped {card.id} (u undoes)."):
            self.show_card()

    def action_scope(self, scope: Scope) -> None:
        self.review.switch(scope)
        self.show_card()

    def action_skip(self) -> None:
        self.review.skip()
        self.show_card()

    def action_undo(self) -> None:
        what: list[str | None] = []
        if self._attempt(lambda: what.append(self.review.undo())):
            self.notify(f"Undone: {what[0]}." if what and what[0] else "Nothing to undo.", timeout=2)
            self.show_card()

    def action_source(self) -> None:
        from caucasusquiz.ui.screens.source import SourceScreen

        card = self.review.current
        if card is not None:
            self.app.push_screen(SourceScreen(card), lambda _: self._reread())

    def _reread(self, *_: object) -> None:
        # Back from the source viewer or the editor: the app has read the decks again (or
        # will, and decks_version tells us); show what the walk knows now.
        self.show_card()

    def action_back(self) -> None:
        if self.mode != "card":
            self.show_card()
            return
        self.app.reload_decks()
        self.dismiss(None)

    # -- edit inline -----------------------------------------------------------------------

    async def action_edit(self) -> None:
        card = self.review.current
        if card is None:
            return
        box = self.query_one("#author-inputs", Vertical)
        # The last form must be gone before one with the same field ids is mounted.
        await box.remove_children()
        form = CardForm(card_fields(card), prefix="field-", id="author-fields")
        await box.mount(form)
        title = literal(f"Edit {card.id} ({card.type.label})")
        title.append("  or Esc, then E: your $EDITOR", style="dim not bold")
        self.query_one("#author-form-title", Static).update(title)
        self._set_mode("edit")
        self.call_after_refresh(form.focus_first)

    def on_card_form_saved(self, event: CardForm.Saved) -> None:
        event.stop()
        card = self.review.current
        if self.mode != "edit" or card is None:
            return
        changes = parse_form(card.type.value, event.form.changed())
        if not changes:  # nothing to write: the file stays as it was
            self.notify("Nothing changed.", timeout=2)
            self.show_card()
            return
        if self._attempt(lambda: self.review.update(changes), "Saved."):
            self.show_card()

    def action_edit_external(self) -> None:
        from caucasusquiz.ui.editor import edit_card

        card = self.review.current
        if card is not None:
            edit_card(self.app, card)

    # -- change type ------------------------------------------------------------------------

    def action_change_type(self) -> None:
        card = self.review.current
        if card is None:
            return
        self.proposals = self.review.alternatives(card)
        if not self.proposals:
            self.notify("No other form can be made from this card's sentence.", severity="warning")
            return
        options = self.query_one("#author-types", OptionList)
        options.clear_options()
        for proposal in self.proposals:
            loss = proposal.loss(card)
            # What the change removes is said before it happens, as Anki does when a note type
            # change drops fields.
            text = Text(f"{proposal.label} — {loss}: " if loss else f"{proposal.label}: ", style="bold")
            text.append_text(literal(proposal.prompt))
            answer = dict(proposal.fields).get("answer")
            if answer is not None and not isinstance(answer, bool):
                text.append(" → ", style="dim")
                text.append_text(literal(str(answer)))
            options.add_option(Option(text))
        options.border_title = f"{card.id} as another type: Enter picks, Esc cancels"
        self._set_mode("type")
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.mode != "type":
            return
        event.stop()
        proposal = self.proposals[event.option_index]
        card = self.review.current
        loss = proposal.loss(card) if card is not None else None
        done = f"Now {proposal.label}; {loss}." if loss else f"Now {proposal.label}."
        if loss and card is not None and card.distractors:
            done += " t offers them back."  # for as long as this walk lasts (review.DraftReview)
        if self._attempt(lambda: self.review.change_type(proposal), done):
            self.show_card()

    # -- swap a distractor --------------------------------------------------------------------

    def action_swap(self) -> None:
        card = self.review.current
        if card is None or not card.distractors:
            return
        if len(card.distractors) == 1:
            self._swap(0)
            return
        self._set_mode("swap")
        self.notify(f"Which distractor? 1–{len(card.distractors)} (Esc cancels)", timeout=4)

    def action_pick_distractor(self, number: int) -> None:
        self._swap(number - 1)

    def _swap(self, index: int) -> None:
        card = self.review.current
        if card is None or not 0 <= index < len(card.distractors):
            self.show_card()
            return
        self._attempt(lambda: self.review.swap(index), f"Replaced {card.distractors[index]}.")
        self.show_card()
