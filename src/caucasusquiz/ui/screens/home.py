"""Home: the profile, today's numbers, and every deck with what is new and due. Enter studies."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import ColumnKey

from caucasusquiz.study.overview_cache import DeckRow
from caucasusquiz.text import plural
from caucasusquiz.ui.notify_errors import notify_user_errors
from caucasusquiz.ui.screens.app_screen import AppScreen
from caucasusquiz.ui.screens.dialogs import MessageScreen
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.widgets.charts import mastery_bar
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

if TYPE_CHECKING:  # only a type here: settings are read off the first-paint path
    from caucasusquiz.decks.collection import Collection
    from caucasusquiz.settings import Settings

MAX_PROBLEMS_SHOWN = 3
PROBLEMS_KEY_LINE = Text.assemble(
    (" p ", "bold reverse"), " Deck problems: every one, with its file and line"
)
NUMBER_COLUMNS_WIDTH = 5 + 5 + 6 + 14 + 2 * 5 + 2  # New, Due, Cards, Mastery, cell padding, scrollbar


class DeckTable(DataTable[Text]):
    """The deck list; Enter studies the highlighted deck (and says so in the footer)."""

    BINDINGS = [Binding("enter", "select_cursor", "Study")]


# Keys a served browser tab does not offer, and their actions.
SERVED_OFF = {"w": "switch_profile", "d": "open_author", "n": "new_decks"}


class HomeScreen(AppScreen[None]):
    HELP_TITLE = "home"
    ONE_TOAST_AT_A_TIME = True  # at the top, room for one (app.tcss)
    SHOWS_DECK_PROBLEMS = "first"  # a reload's toast names how many, not what (CaucasusQuizApp)
    BINDINGS = [
        Binding("enter", "study_selected", "Study deck", show=False),
        # The footer's words are short, so that d and j fit at 80 columns (a new user found
        # them only through ?); the help dialog (?) shows each tooltip, the longer name.
        Binding("a", "study_all", "Due", tooltip="Study all due"),
        Binding("b", "open('browser')", "Browse"),
        Binding("s", "open('stats')", "Stats"),
        Binding("d", "open_author", "Drafts", tooltip="Review drafts (author)"),
        Binding("j", "app.join_class", "Join", tooltip="Join class"),
        Binding("n", "new_decks", "New deck from documents", show=False),
        Binding("p", "problems", "Deck problems", show=False),
        Binding("r", "app.reload_decks", "Reload decks", show=False),
        # Once only in the palette and under ?, where a new user never found it: in the
        # footer, as "Who" beside the header's "profile: …" (? gives the full name).
        Binding("w", "switch_profile", "Who", tooltip="Switch profile (who studies)"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._refit_started = False
        self._pending: Callable[[], object] | None = None  # a key pressed before the workspace opened

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="home-summary")
        yield DeckTable(id="decks", cursor_type="row", zebra_stripes=True)
        yield Static(id="no-decks")
        yield Static(id="problems")
        # Compact (one space between keys): all of Home's keys fit at 80 columns, `w` too.
        yield FittingFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#decks", DataTable)
        table.add_column("Deck", key="deck")
        table.add_column(Text("New", justify="right"), key="new", width=5)
        table.add_column(Text("Due", justify="right"), key="due", width=5)
        table.add_column(Text("Cards", justify="right"), key="cards", width=6)
        table.add_column("Mastery", key="mastery", width=14)
        self.watch(self.app, "decks_version", lambda _: self.refresh_decks(), init=False)
        if self.app.workspace is None:
            self._show_last_glance()
            self.call_after_refresh(self._warm_up)
        self.refresh_decks()
        table.focus()

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        """Import what Enter needs (the session and the review screen, ~22 ms) while the decks
        open, so a key pressed on the first frame starts studying that much sooner."""
        for module in ("caucasusquiz.study.session", "caucasusquiz.ui.screens.review"):
            importlib.import_module(module)

    def _show_last_glance(self) -> None:
        """The deck list as the last run left it, when nothing it depends on has changed, so
        it is on screen in the first frame; the opened workspace's numbers replace it."""
        from caucasusquiz.study.overview_cache import load

        opening = Text("Opening your decks…", style="dim")
        glance = load(self.app.locations.cache_dir, self._glance_key(self.app.profile_name))
        if glance is None:
            self.query_one("#home-summary", Static).update(opening)
            return
        self.sub_title = f"profile: {glance.profile}"
        self._show_rows(glance.rows, glance.reviewed_today, glance.streak, opening)

    def _glance_key(self, profile: str | None) -> dict[str, object] | None:
        from caucasusquiz.clock import study_day
        from caucasusquiz.errors import UserError
        from caucasusquiz.settings import load_settings
        from caucasusquiz.study.overview_cache import cache_key

        app = self.app
        workspace = app.workspace
        try:
            settings = workspace.settings if workspace else load_settings(app.locations.config_file)
        except UserError:
            return None  # the app explains a broken settings file itself
        day = study_day(app.clock(), settings.day_starts_at, app.tz)
        return cache_key(app.locations.decks, app.locations.database, profile, settings, day.isoformat())

    def on_screen_resume(self) -> None:
        self.refresh_decks()
        self._refit_parameters()  # back from a session: the log may have grown enough

    # -- the learner's own FSRS parameters ---------------------------------------------------

    def _refit_parameters(self) -> None:
        workspace = self.app.workspace
        if workspace is not None:
            self._refit(workspace.locations.database, workspace.profile.id, workspace.settings)

    # exit_on_error=False: a fit that fails (a busy or damaged file) must not end a study
    # session; the profile simply keeps the parameters it has, and the next launch tries again.
    @work(thread=True, exclusive=True, group="refit", exit_on_error=False)
    def _refit(self, database: Path, profile_id: int, settings: Settings) -> None:
        from caucasusquiz.study.refit import refit_profile

        # The learner's own limits and steps shape the optimal retention; a fixed
        # desired_retention in settings.toml means none is computed at all.
        outcome = refit_profile(database, profile_id, settings.day_starts_at, self.app.tz, settings)
        if outcome is not None and outcome.adopted is not None:
            self.app.call_from_thread(self._use_parameters, profile_id, outcome.adopted)

    def _use_parameters(self, profile_id: int, parameters: tuple[float, ...]) -> None:
        """Later sessions and the home counts schedule with the refitted parameters."""
        workspace = self.app.workspace
        if workspace is not None and workspace.profile.id == profile_id:
            workspace.profile = replace(workspace.profile, fsrs_parameters=parameters)

    # The screen's own actions, so that check_action can turn them off in a tab.
    def action_open_author(self) -> None:
        self.app.open_author()

    def action_new_decks(self) -> None:
        self.app.action_new_decks()

    def keys_not_offered(self) -> set[str]:
        """Keys the help (?) leaves out: in a served tab, `w`, `d` and `n` (check_action
        turns them off)."""
        from caucasusquiz.serving.mode import is_served

        return set(SERVED_OFF) if is_served() else set()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SERVED_OFF.values():
            from caucasusquiz.serving.mode import is_served

            # A browser tab is one student (CaucasusQuizApp.switch_profile), and never
            # writes a deck (ui.notify_errors.refused_deck_write).
            if is_served():
                return False
        # Nothing to browse or count until the workspace is open; a study key pressed while
        # the last run's deck list is shown starts the session as soon as it is open.
        if action in ("study_selected", "study_all", "open"):
            return self.app.workspace is not None or self.query_one("#decks", DataTable).row_count > 0
        return self.app.workspace is not None or action == "quit"

    @notify_user_errors
    def refresh_decks(self) -> None:
        workspace = self.app.workspace
        if workspace is None:  # still opening: the app bumps decks_version when it is ready
            return
        if self._pending is not None:
            # A key pressed while the last run's list was on screen: that first, the counts
            # once it is drawn (a session hides this screen meanwhile).
            pending, self._pending = self._pending, None
            pending()
            self.call_after_refresh(self.refresh_decks)
            return
        from caucasusquiz.study.overview import overview
        from caucasusquiz.study.overview_cache import Glance, save
        from caucasusquiz.study.stats import streak_days

        profile = workspace.profile
        key = self._glance_key(profile.name)  # read before the counts: a later write makes it stale
        now = self.app.clock()
        data = overview(
            workspace.store,
            profile.id,
            workspace.collection,
            workspace.settings,
            now,
            self.app.tz,
            profile.fsrs_parameters,
        )
        self.sub_title = f"profile: {profile.name}"
        streak = streak_days(workspace.store, profile.id, workspace.settings, now, self.app.tz)
        save(self.app.locations.cache_dir, key, Glance(profile.name, data.rows, data.reviewed_today, streak))
        self._show_rows(data.rows, data.reviewed_today, streak, _hidden_note(workspace.collection))
        self._show_how_to_add_decks(not workspace.collection.decks)
        self._show_problems()
        self.refresh_bindings()  # the study keys become available once decks are open
        if not self._refit_started:
            self._refit_started = True
            # At launch, once the decks are listed: the fit never competes with the first screen.
            self.call_after_refresh(self._refit_parameters)

    def _show_rows(
        self, rows: list[DeckRow], reviewed_today: int, streak: int, status: Text | None = None
    ) -> None:
        everything = rows[0]
        summary = Text.assemble(
            ("Today  ", "bold"),
            f"{reviewed_today} reviewed · ",
            f"{everything.due} due · {everything.new} new · ",
            f"streak {plural(streak, 'day')}",
        )
        if status is not None:
            summary.append("  ")
            summary.append_text(status)
        self.query_one("#home-summary", Static).update(summary)

        table = self.query_one("#decks", DataTable)
        selected = table.cursor_row
        table.clear()
        # Long titles are cut with an ellipsis rather than pushing the numbers off screen.
        room = max(12, (self.size.width or 80) - NUMBER_COLUMNS_WIDTH)
        titles = []
        for row in rows:
            # Shortened at a word boundary, as deck titles are on every screen (ui.shorten).
            if row.deck_id is None:
                titles.append(Text("All decks", style="bold"))
            else:
                titles.append(literal(shorten(row.title, room)))
        # The title column's width is set here, not left to the table's next idle moment, so a
        # frame drawn in between never shows titles cut to the width of the word "Deck".
        deck_column = table.columns[ColumnKey("deck")]
        deck_column.auto_width = False
        deck_column.width = max([len("Deck"), *(title.cell_len for title in titles)])
        for row, title in zip(rows, titles, strict=True):
            table.add_row(
                title,
                _num(row.new),
                _num(row.due),
                _num(row.total),
                mastery_bar(row.mastery),
                key=row.deck_id or "*all*",
            )
        if rows:
            table.move_cursor(row=min(selected, len(rows) - 1))

    def _show_how_to_add_decks(self, no_decks: bool) -> None:
        # An empty decks folder showed "All decks 0 0 0" and nothing else (new-user trial 5).
        widget = self.query_one("#no-decks", Static)
        widget.set_class(no_decks, "-visible")
        self.set_class(no_decks, "-no-decks")
        if no_decks:
            from caucasusquiz.serving.mode import is_served

            folder = self.app.require_workspace().locations.decks
            widget.update(no_decks_text(folder, served=is_served()))

    def _show_problems(self) -> None:
        from caucasusquiz.study.overview import deck_problem_notes
        from caucasusquiz.ui.widgets.card_text import line_starts

        collection = self.app.require_workspace().collection
        errors = collection.errors
        widget = self.query_one("#problems", Static)
        widget.set_class(bool(errors), "-visible")
        if not errors:
            return
        width = max(20, self.app.size.width - 2)  # less the list's padding
        # `p` has no room in the footer at 80 columns: the panel offers it, first, as a key
        # cap like the review screen's (a dim line under the notes went unseen).
        lines = [PROBLEMS_KEY_LINE.copy()]
        lines += [literal(f"⚠ {note}", "bold") for note in deck_problem_notes(collection)]
        # A file left out whole is named by its note: its problem is not listed again. The
        # rest, one line each, as many as the list's rows hold (cut in half, they were).
        rows = sum(len(line_starts(line.plain, width)) + 1 for line in lines)
        left_out = {load.path for load in collection.loads if load.left_out_whole}
        listed = [problem for problem in errors if problem.path not in left_out]
        room = MAX_PROBLEMS_SHOWN
        limit = widget.styles.max_height  # the list's height in app.tcss: one place says it
        if limit is not None and limit.is_cells:
            room = max(0, min(room, int(limit.value) - rows))
        for problem in listed[:room]:
            line = literal(f"{problem.path.name}:{problem.line}: {problem.message}")
            line.truncate(width, overflow="ellipsis")
            lines.append(line)
        widget.update(Text("\n").join(lines))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._study_row(event.row_key.value)

    def action_study_selected(self) -> None:
        table = self.query_one("#decks", DataTable)
        if table.row_count:
            row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self._study_row(row_key.value)

    def action_switch_profile(self) -> None:
        self.app.switch_profile()

    def action_study_all(self) -> None:
        self._study_row("*all*")

    def _study_row(self, key: str | None) -> None:
        self._when_open(lambda: self.app.start_session(None if key in (None, "*all*") else key))

    def action_open(self, name: str) -> None:
        self._when_open(lambda: self.app.action_open(name))

    def _when_open(self, action: Callable[[], object]) -> None:
        """Run `action` now, or as soon as the workspace is open: a key pressed while the last
        run's deck list is on screen is not lost."""
        if self.app.workspace is None:
            self._pending = action  # the last key pressed wins
        else:
            action()

    def action_problems(self) -> None:
        self.app.push_screen(ProblemsScreen(lambda: self.app.require_workspace().collection))


class ProblemsScreen(MessageScreen):
    """`p`: every deck problem, kept up to date while it is open: the author fixes them in
    an editor beside it, and the app reloads each saved deck."""

    SHOWS_DECK_PROBLEMS = "all"  # no "reloaded with problems" toast: this list shows them
    BINDINGS = [Binding("e", "edit_first", "Edit the first problem")]
    FIX_HINT = (
        "Press e to open the first one in your editor, or fix them in any editor: this list "
        "follows each saved deck. caucasusquiz check lists the same."
    )

    def __init__(self, collection: Callable[[], Collection]) -> None:
        super().__init__("Deck problems", self._text(collection()), self._hint(collection()))
        self._collection = collection

    def on_mount(self) -> None:
        super().on_mount()
        self.app.clear_notifications()  # the toasts announcing these problems: all listed here
        self.watch(self.app, "decks_version", lambda _: self._decks_changed(), init=False)

    def _decks_changed(self) -> None:
        collection = self._collection()
        self.query_one("#dialog-message", Static).update(Text(self._text(collection)))
        hint = self.query(".muted").first(Static)
        hint.update(Text(self._hint(collection)))
        self.call_after_refresh(self.fit_message)

    @classmethod
    def _hint(cls, collection: Collection) -> str:
        return cls.FIX_HINT if collection.problems else "Press Enter to close."

    def action_edit_first(self) -> None:
        """The list's first problem, in the editor at its line (errors first: they cost cards)."""
        from caucasusquiz.ui.app import CaucasusQuizApp
        from caucasusquiz.ui.editor import edit_deck_file

        collection = self._collection()
        problems = collection.errors or collection.problems
        if problems:
            first = problems[0]
            self.app.call_later(edit_deck_file, cast(CaucasusQuizApp, self.app), first.path, first.line)

    @staticmethod
    def _text(collection: Collection) -> str:
        from caucasusquiz.decks.problem_list import problems_text

        return problems_text(collection.problems) or "No problems: every deck is fine."


def _hidden_note(collection: Collection) -> Text | None:
    """The cards the table does not count because `study: reviewed` hides them, said where
    the counts are (a card added by hand to such a deck was never shown, and nothing said so)."""
    from caucasusquiz.decks.left_out import hidden_by_study

    hidden = hidden_by_study(collection.decks)
    if not hidden:
        return None
    return Text(f"· {plural(hidden, 'card')} hidden: not reviewed", style="dim")


def no_decks_text(folder: Path, *, served: bool = False) -> Text:
    """What to do about an empty decks folder: each way to add a deck, in 76 columns."""
    if served:
        return Text("There are no decks to study here yet: ask your teacher.")
    shell = (
        ("caucasusquiz generate FILE --out FOLDER", "the same, from the command line"),
        ("caucasusquiz import FILE --out FOLDER", "from Anki, Quizlet, CSV or Kahoot"),
        ("caucasusquiz copy-decks FOLDER", "a copy of the shipped decks"),
    )
    width = max(len(command) for command, _ in shell)
    text = Text.assemble(
        ("No decks in this folder yet: ", "bold"),
        literal(str(folder)),
        "\nPress ",
        ("n", "bold"),
        " (New deck from documents, also in Ctrl+P) to make cards from your own article,"
        " or in a shell, with FOLDER this folder (the list above follows it):\n",
    )
    for command, what in shell:
        text.append(f"  {command:<{width}}", style="bold")
        text.append(f"  {what}\n")
    text.rstrip()
    return text


def _num(n: int) -> Text:
    return Text(str(n), justify="right", style="" if n else "dim")
