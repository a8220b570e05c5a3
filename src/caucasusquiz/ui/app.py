"""The Textual application: opens the learner's workspace, routes between screens, watches decks.

`make_app()` is the one way the CLI and the tests build the app.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.cells import cell_len
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from caucasusquiz import paths
from caucasusquiz.clock import utc_now
from caucasusquiz.errors import UserError
from caucasusquiz.paths import Locations
from caucasusquiz.settings import Settings, load_settings
from caucasusquiz.study.overview_cache import deck_files_signature
from caucasusquiz.text import plural
from caucasusquiz.ui.notify_errors import notify_user_errors, refused_deck_write
from caucasusquiz.ui.screens.dialogs import ConfirmScreen, MessageScreen
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.stray_typing import HOLD_SECONDS

if TYPE_CHECKING:  # imported where used: not needed for the first paint
    from caucasusquiz.decks.collection import Collection
    from caucasusquiz.decks.document_titles import DocumentTitles
    from caucasusquiz.decks.model import Card, Deck
    from caucasusquiz.progress import Profile
    from caucasusquiz.store.database import ProgressStore, StoreCorrupt
    from caucasusquiz.workspace import Workspace

# What the deck poll compares: (file name, size, mtime in ns) of each deck file, by name.
DeckSignature = tuple[tuple[str, int, int], ...]

DECK_POLL_SECONDS = 2.0
# The cells of Textual's Header beside its title: the icon (8) and the clock's space (10).
HEADER_SIDES = 8 + 10
TITLE_SEPARATOR = " — "  # between title and sub-title (App.format_title)
KEPT_SYSTEM_COMMANDS = ("Theme", "Quit")


class CaucasusQuizApp(App[None]):
    TITLE = "caucasusquiz"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        # F1 reaches help even while an answer is being typed (`?` is then a character).
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    # Bumped whenever the decks were reloaded from disk; screens watch it.
    decks_version: reactive[int] = reactive(0)

    def __init__(
        self,
        locations: Locations,
        profile: str | None = None,
        *,
        study: bool = False,
        deck: str | None = None,
        limit: int | None = None,
        clock: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        tz: tzinfo | None = None,
        watch_decks: bool = True,
        new_profile: str | None = None,
        author: bool = False,
        author_all: bool = False,
        letter_hold: float = HOLD_SECONDS,
    ) -> None:
        super().__init__()
        # How long a command letter in a session waits for a second one (ui/stray_typing.py).
        self.letter_hold = letter_hold
        self.locations = locations
        self.profile_name = profile
        self.new_profile = new_profile
        self.start_study = study
        self.start_deck = deck
        self.start_limit = limit
        self.clock = clock
        self.monotonic = monotonic
        self.tz = tz
        self.watch_decks = watch_decks
        self.start_author = author
        self.start_author_all = author_all
        self.workspace: Workspace | None = None  # set once opened
        self._document_titles: DocumentTitles | None = None  # made on the first answer
        # Set once start-up has settled: workspace open, or a dialog explains why not.
        self.opened = asyncio.Event()
        self._deck_signature: DeckSignature = ()
        # Deck files this app wrote itself (name → size, mtime): their reload is not announced.
        self._own_writes: dict[str, tuple[int, int]] = {}

    # -- start-up --------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        # Home is the base screen itself, not pushed over Textual's blank default one: the
        # blank screen cost a frame of its own, and the deck list came ~25 ms later.
        from caucasusquiz.ui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        # The home screen is drawn at once; decks and progress are opened off the UI
        # thread and fill it in (with 10,000 cards that takes longer than a first paint).
        try:
            settings = load_settings(self.locations.config_file)
        except UserError as exc:
            self._fatal("caucasusquiz cannot start", str(exc), exc.hint)
            return
        self._apply_theme(settings)
        # After the first frame: the loading thread would otherwise compete with it for the GIL.
        self.call_after_refresh(self._open_workspace, settings)

    @work(thread=True, exclusive=True, group="open")
    def _open_workspace(self, settings: Settings) -> None:
        # Deferred imports: PyYAML, sqlite3 and fsrs are not needed for the first paint.
        from caucasusquiz.store.database import ProgressStore, StoreCorrupt
        from caucasusquiz.workspace import load_decks

        signature = self._signature()
        try:
            collection = load_decks(self.locations)
        except UserError as exc:
            self.call_from_thread(self._fatal, "caucasusquiz cannot start", str(exc), exc.hint)
            return
        self._deck_signature = signature
        try:
            store = ProgressStore.open(self.locations.database)
        except StoreCorrupt as exc:
            self.call_from_thread(self._offer_fresh_start, settings, collection, exc)
            return
        except UserError as exc:
            self.call_from_thread(self._fatal, "Progress cannot be saved", str(exc), exc.hint)
            return
        self.call_from_thread(self._start, settings, collection, store)

    def _start(
        self, settings: Settings, collection: Collection, store: ProgressStore, notice: str | None = None
    ) -> None:
        from caucasusquiz.ui.screens.profiles import settle_profile

        if self.start_author and self.profile_name is None and self.new_profile is None:
            # Reviewing drafts needs no student: open the author screen without asking who
            # is studying (the home screen, reached by Esc, shows this profile's numbers).
            self._started(settings, collection, store, author_profile(store, self.clock()), notice)
            return
        try:
            settle_profile(
                self,
                store,
                self.profile_name,
                self.new_profile,
                lambda profile: self._started(settings, collection, store, profile, notice),
                forget=self.forget_profile,
            )
        except UserError as exc:
            store.close()
            self._fatal("Progress cannot be saved", str(exc), exc.hint)

    def _started(
        self,
        settings: Settings,
        collection: Collection,
        store: ProgressStore,
        profile: Profile,
        notice: str | None,
    ) -> None:
        from caucasusquiz.workspace import Workspace

        self.workspace = Workspace(self.locations, settings, collection, store, profile)
        self.decks_version += 1  # the home screen fills itself in
        if notice:
            self.push_screen(MessageScreen("A fresh start", notice))
        if self.start_study:
            self.start_session(self.start_deck, limit=self.start_limit)
        elif self.start_author:
            self.open_author(self.start_deck, all_cards=self.start_author_all)
        if self.watch_decks:
            self.set_interval(DECK_POLL_SECONDS, self._check_decks)
        self.opened.set()

    def _offer_fresh_start(self, settings: Settings, collection: Collection, exc: StoreCorrupt) -> None:
        from caucasusquiz.store.database import ProgressStore, move_aside

        message = (
            f"{exc}\n\nYour progress file cannot be read. caucasusquiz can move it aside "
            "(it is kept, never deleted) and start a fresh one."
        )

        def answered(fresh: bool | None) -> None:
            if not fresh:
                self.exit(return_code=1, message="Progress file left as it was. Nothing was changed.")
                return
            try:
                kept = move_aside(self.locations.database, self.clock())
                store = ProgressStore.open(self.locations.database)
            except (OSError, UserError) as error:
                self._fatal("Could not start fresh", str(error), None)
                return
            self._start(settings, collection, store, f"The damaged file was kept as {kept}.")

        self.push_screen(
            ConfirmScreen("Progress file damaged", message, yes="Move aside, start fresh", no="Quit"),
            answered,
        )
        self.opened.set()

    def _fatal(self, title: str, message: str, hint: str | None) -> None:
        self.push_screen(
            MessageScreen(title, message, hint),
            lambda _: self.exit(return_code=1, message=f"caucasusquiz: error: {message}"),
        )
        self.opened.set()

    def _apply_theme(self, settings: Settings) -> None:
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        else:
            self.notify(
                f"Unknown theme {settings.theme!r} in settings; using the default.", severity="warning"
            )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # The review screen has room for one toast (app.tcss): there a new one dismisses the
        # ones before it, as a snackbar does. Kept, they stayed hidden behind it and, once it
        # had gone, popped up on the next screen about a card long answered.
        if getattr(self.screen_stack[-1] if self.screen_stack else None, "ONE_TOAST_AT_A_TIME", False):
            self.clear_notifications()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- navigation --------------------------------------------------------------------

    @notify_user_errors
    def start_session(
        self, deck: str | None = None, *, limit: int | None = None, tag: str | None = None
    ) -> None:
        """Open a review session, or say why there is nothing to study right now."""
        from caucasusquiz.study.session import StudySession
        from caucasusquiz.ui.screens.review import ReviewScreen

        workspace = self.require_workspace()
        deck_ids, title = None, "all decks"
        if deck:
            found = workspace.collection.require_deck(deck)  # UnknownDeck: a did-you-mean
            deck_ids, title = [found.id], found.title
        session = StudySession(
            workspace.store,
            workspace.profile,
            workspace.collection,
            workspace.settings,
            deck_ids=deck_ids,
            tag=tag,
            limit=limit,
            clock=self.clock,
            monotonic=self.monotonic,
            tz=self.tz,
        )
        if session.next_card() is None:
            due = session.next_learning_due()
            later = f" Cards you are learning come back at {due.astimezone(self.tz):%H:%M}." if due else ""
            self.notify(f"Nothing to study in {title} right now.{later}", title="All caught up")
            return
        self.push_screen(ReviewScreen(session, title))

    @notify_user_errors
    def open_author(self, deck: str | None = None, all_cards: bool = False) -> None:
        """The author screen on the drafts (or, `all_cards`, every card) of one deck, or of every
        deck. With no drafts left it walks every card, so that signed-off cards can be reworked."""
        from caucasusquiz.authoring.resume import resume_point
        from caucasusquiz.authoring.review import DraftReview
        from caucasusquiz.ui.screens.author import AuthorScreen

        workspace = self.require_workspace()
        decks = workspace.collection.decks
        if deck:
            found = workspace.collection.require_deck(deck)  # UnknownDeck: a did-you-mean
            decks = (found,)
        if refused_deck_write(self, workspace.locations.decks):
            return
        today = self.clock().astimezone(self.tz).date()
        review = DraftReview(decks, today, "all" if all_cards else "drafts")
        if review.left == 0 and not all_cards:
            review.switch("all")
            if review.left:
                self.notify(
                    "Every generated card was kept or dropped: here are all the cards, "
                    "to rework any of them (a: drafts only).",
                    title="No drafts to review",
                )
        if review.left == 0:
            self.notify("There are no cards to review.", title="No cards")
            return
        if all_cards:  # where the author left off, like a reader resuming (authoring/resume.py)
            resume = resume_point(review.all_cards())  # the walk's own order, every card
            review.start_at(resume.index)
            if resume.reason:
                self.notify(resume.reason, title="All cards")
        self.push_screen(AuthorScreen(review))

    def set_deck_study(self, deck: Deck, reviewed_only: bool) -> None:
        """Write the deck's `study:` setting, then read the decks again."""
        from caucasusquiz.authoring.deck_text import EditError, set_study

        if refused_deck_write(self, deck.path):
            return
        try:
            set_study(deck.path, reviewed_only)
        except EditError as error:
            self.notify(str(error), title="Not saved", severity="error")
            return
        scope = "only its reviewed cards" if reviewed_only else "every card"
        self.notify(f"Students now study {scope} of {deck.title}.", title=deck.path.name)
        self.reload_decks()

    def action_open_author(self) -> None:
        self.open_author()

    def action_new_decks(self) -> None:
        from caucasusquiz.ui.screens.generate import GenerateScreen

        if self.workspace is not None and not refused_deck_write(self, self.workspace.locations.decks):
            self.push_screen(GenerateScreen())

    def action_help(self) -> None:
        from caucasusquiz.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)  # F1 again closes it
        else:
            self.push_screen(HelpScreen(self.screen))

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's line; a long sub-title (a deck's title) is shortened by the rule the
        rest of the app uses (ui.shorten), not cut mid-word by the header."""
        if sub_title:
            room = (self.size.width or 80) - HEADER_SIDES - cell_len(title) - cell_len(TITLE_SEPARATOR)
            sub_title = shorten(sub_title, max(room, 1))
        return super().format_title(title, sub_title)

    def on_resize(self, _event: events.Resize) -> None:
        # The header shortened its sub-title for the old width: draw it for the new one, once
        # App's own handler (called after this one) has taken the new size.
        self.call_after_refresh(self._refit_headers)

    def _refit_headers(self) -> None:
        from textual.widgets import Header, Static

        for screen in self.screen_stack:
            for header in screen.query(Header):
                # The header's title line, found by its CSS type name: its class is private to
                # Textual (textual.widgets._header), its type name is what Textual's CSS styles.
                for title in header.query("HeaderTitle").results(Static):
                    title.update(header.format_title())

    def action_open(self, name: str) -> None:
        from caucasusquiz.ui.screens.browser import BrowserScreen
        from caucasusquiz.ui.screens.stats import StatsScreen

        if self.workspace is None:
            return
        screen = {"stats": StatsScreen, "browser": BrowserScreen}[name]()
        self.push_screen(screen)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from caucasusquiz.serving.mode import is_served

        # Of Textual's own commands only these mean something here; its "Keys" panel would
        # show the answer box's cursor keys, so "Keys" is our help screen.
        for command in super().get_system_commands(screen):
            if command.title in KEPT_SYSTEM_COMMANDS:
                yield command
        yield SystemCommand("Keys", "Every key of this screen and of the app (? or F1)", self.action_help)
        if self.workspace is None:
            return
        yield SystemCommand("Study all due cards", "Start a session on every deck", self.start_session)
        yield SystemCommand(
            "Statistics", "Forecast, retention, calendar, mastery", lambda: self.action_open("stats")
        )
        yield SystemCommand(
            "Browse cards",
            "Search cards, see their state, suspend, edit",
            lambda: self.action_open("browser"),
        )
        yield SystemCommand("Reload decks", "Read the deck files again now", self.reload_decks)
        yield SystemCommand("Join class", "Join a live class quiz with its code", self.action_join_class)
        if not is_served():  # a tab refuses both (class_report, switch_profile): not offered there
            yield SystemCommand(
                "Class report", "Students, the cards the class gets wrong, live quizzes", self.class_report
            )
            yield SystemCommand(
                "Switch profile", "Study as someone else; new, rename, delete", self.switch_profile
            )
        if is_served() or paths.is_installed_bundle(self.workspace.locations.decks):
            # A tab and the installed decks never write a deck: no entry that could only refuse.
            yield from self._study_commands()
            return
        yield SystemCommand(
            "Review drafts (author)",
            "Keep, edit or drop the generated cards nobody has reviewed yet",
            self.open_author,
        )
        yield SystemCommand(
            "Rework all cards (author)",
            "Walk every card, reviewed and hand-made too: keep, edit, drop, change type",
            lambda: self.open_author(all_cards=True),
        )
        for deck in self.workspace.collection.decks:
            wanted = not deck.reviewed_only
            yield SystemCommand(
                f"Students study {'reviewed cards only' if wanted else 'every card'}: {deck.title}",
                f"Write `study: {'reviewed' if wanted else 'all'}` into {deck.path.name}",
                lambda deck=deck, wanted=wanted: self.set_deck_study(deck, wanted),
            )
        yield SystemCommand(
            "New deck from documents",
            "Generate cards from text files, then review the drafts",
            self.action_new_decks,
        )
        yield from self._study_commands()

    def _study_commands(self) -> Iterable[SystemCommand]:
        for deck in self.require_workspace().collection.decks:
            yield SystemCommand(
                f"Study: {deck.title}",
                f"Start a session on {deck.id}",
                lambda deck_id=deck.id: self.start_session(deck_id),
            )

    def action_join_class(self) -> None:
        from caucasusquiz.serving.mode import is_served
        from caucasusquiz.ui.screens.class_join import JoinClassScreen

        name = self.workspace.profile.name if self.workspace is not None else ""
        self.push_screen(
            JoinClassScreen(self.locations.data_dir, self.clock, name=name, fixed_name=is_served())
        )

    @notify_user_errors
    def class_report(self) -> None:
        from caucasusquiz.classroom.report import build_report
        from caucasusquiz.serving.mode import is_served
        from caucasusquiz.ui.screens.class_report import ClassReportScreen

        if is_served():  # a report names every student: the teacher's, not a tab's
            self.notify("The class report is for the teacher's own screen.")
            return
        self.push_screen(ClassReportScreen(build_report(self.locations, None, None, None, self.clock())))

    def fact_card(self, card: Card) -> Card:
        """The card as its fact is shown after answering: one without `context:` shows its
        source line there (when the document has it), so that every card shows its sentence."""
        from dataclasses import replace

        from caucasusquiz.decks.document_titles import DocumentTitles
        from caucasusquiz.decks.model import CardType
        from caucasusquiz.serving.mode import is_served

        if card.context or card.type is CardType.CLOZE or not card.source_line:
            return card  # a cloze shows its own sentence, filled in
        workspace = self.require_workspace()
        deck = workspace.collection.deck(card.deck_id)
        documents = deck.documents if deck is not None else ()
        if self._document_titles is None:
            self._document_titles = DocumentTitles()
        line = self._document_titles.source_line(card, workspace.locations, documents, is_served())
        return replace(card, context=line) if line else card

    def document_title(self, card: Card) -> str | None:
        """The title of the card's source document (decks/document_titles.py), read once per
        document: the review screen's and the browser's "Source:" line, the author screen."""
        from caucasusquiz.decks.document_titles import DocumentTitles
        from caucasusquiz.serving.mode import is_served

        workspace = self.require_workspace()
        deck = workspace.collection.deck(card.deck_id)
        documents = deck.documents if deck is not None else ()
        if self._document_titles is None:
            self._document_titles = DocumentTitles()
        return self._document_titles.for_card(card, workspace.locations, documents, is_served())

    def action_switch_profile(self) -> None:
        self.switch_profile()

    def switch_profile(self) -> None:
        from caucasusquiz import profiles
        from caucasusquiz.serving.mode import is_served
        from caucasusquiz.ui.screens.profiles import ProfilePickerScreen

        workspace = self.require_workspace()
        if is_served():  # a browser tab is one student: open a new tab to be someone else
            self.notify("In a browser tab, open a new tab to study as someone else.")
            return

        def chosen(name: str | None) -> None:
            # Escape keeps the current profile, under its new name if it was renamed meanwhile.
            name = name or picker.current
            if name is not None:
                workspace.profile = profiles.use(workspace.store, name, self.clock())
                self.decks_version += 1  # the home screen shows the new profile's numbers

        picker = ProfilePickerScreen(
            workspace.store, self.clock, current=workspace.profile.name, forget=self.forget_profile
        )
        self.push_screen(picker, chosen)

    def forget_profile(self, name: str) -> None:
        """Remove what the class quiz keeps of a deleted profile (its progress is already gone)."""
        from caucasusquiz.classroom.storage import forget_student

        forget_student(self.locations.data_dir, name)

    def require_workspace(self) -> Workspace:
        if self.workspace is None:
            raise RuntimeError("the workspace is not open yet")
        return self.workspace

    # -- decks on disk -------------------------------------------------------------------

    def _signature(self) -> DeckSignature:
        # The home screen's cache tells deck changes by the same signature (one definition,
        # in the domain); here as tuples, to compare and take differences as sets.
        entries = deck_files_signature(self.locations.decks)
        return cast(DeckSignature, tuple(tuple(entry) for entry in entries))

    def note_deck_write(self, path: Path) -> None:
        """A deck file the app has just written (an author's decision): read again quietly."""
        try:
            st = path.stat()
        except OSError:
            return
        self._own_writes[path.name] = (st.st_size, st.st_mtime_ns)

    def _check_decks(self) -> None:
        signature = self._signature()
        if signature != self._deck_signature:
            old = {name for name, _, _ in self._deck_signature}
            changed = set(signature) - set(self._deck_signature)
            own = {name for name, *stat in changed if self._own_writes.get(name) == tuple(stat)}
            gone = old - {name for name, _, _ in signature}
            self._deck_signature = signature
            # Only changes made outside the app (an editor, a new file) are announced.
            self.reload_decks(quiet=not gone and own == {name for name, _, _ in changed})

    @work(thread=True, exclusive=True, group="decks")
    def reload_decks(self, edited: Path | None = None, quiet: bool = False) -> None:
        """Read the decks again off the UI thread, then hand them to the screens. The one
        reload path: the poll, the palette and the card editor (`edited`: the file saved)."""
        from caucasusquiz.workspace import load_decks

        signature = self._signature()  # taken first: a save during the load is seen next poll
        try:
            collection = load_decks(self.locations)
        except UserError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.call_from_thread(self._decks_reloaded, collection, signature, edited, quiet)

    def action_reload_decks(self) -> None:
        self.reload_decks()

    def _decks_reloaded(
        self, collection: Collection, signature: DeckSignature, edited: Path | None, quiet: bool = False
    ) -> None:
        workspace = self.require_workspace()
        known = {(p.path, p.line, p.message) for p in workspace.collection.errors}
        workspace.collection = collection
        self._deck_signature = signature
        self.decks_version += 1
        if edited is not None:
            self._report_edit(collection, edited)
            return
        new = [p for p in collection.errors if (p.path, p.line, p.message) not in known]
        shows_problems = getattr(self.screen, "SHOWS_DECK_PROBLEMS", "")
        if shows_problems == "all":
            return  # the problem list on screen follows the reload (ProblemsScreen)
        if new:  # problems already reported are not repeated on every reload
            first = new[0]
            self.notify(
                # A screen listing the first problems (home) is not covered with them again.
                f"{plural(len(new), 'new problem')}, listed below."
                if shows_problems == "first"
                else f"{first.path.name}:{first.line}: {first.message}"
                + (f" (and {len(new) - 1} more)" if len(new) > 1 else ""),
                title="Decks reloaded with problems",
                severity="warning",
                timeout=8,
            )
        elif not quiet:
            self.notify(_reloaded_text(collection), title="Decks reloaded")

    def _report_edit(self, collection: Collection, path: Path) -> None:
        from caucasusquiz.decks.left_out import whole_file_left_out

        problems = [p for p in collection.problems if p.path == path and p.is_error]
        if problems:
            # A syntax error loses the whole file, not just "the cards with problems": say so.
            whole = [line for x in collection.loads if x.path == path and (line := whole_file_left_out(x))]
            some = "The cards with problems are left out until they are fixed."
            left_out = f"{whole[0]}." if whole else some
            from caucasusquiz.decks.model import ProblemKind
            from caucasusquiz.decks.problem_list import problems_text
            from caucasusquiz.ui.editor import EditAgainScreen

            fixable = any(p.kind is ProblemKind.MISSING_ID for p in problems)
            fix = (
                " Press f to give the cards without an id their id (as check --fix does)." if fixable else ""
            )
            self.push_screen(
                EditAgainScreen(
                    "The deck has problems",
                    problems_text(problems),
                    f"{left_out} Press e to edit again.{fix}",
                    path,
                    problems[0].line,
                    fixable_ids=fixable,
                )
            )
        else:
            self.notify(f"{path.name} saved and checked: no problems.", title="Deck reloaded")

    def on_unmount(self) -> None:
        if self.workspace is not None:
            self.workspace.close()


def _reloaded_text(collection: Collection) -> str:
    """`21 cards in 1 deck.`, counted as the home table counts them (the cards studied), with
    the cards `study: reviewed` hides named: the toast said 22 where the table said 21."""
    from caucasusquiz.decks.left_out import hidden_by_study_text

    studied = sum(len(deck.study_cards) for deck in collection.decks)
    hidden = hidden_by_study_text(collection.decks)
    return f"{plural(studied, 'card')} in {plural(len(collection.decks), 'deck')}." + (
        f" {hidden[0].upper()}{hidden[1:]}." if hidden else ""
    )


def author_profile(store: ProgressStore, now: datetime) -> Profile:
    """The profile `caucasusquiz author` opens under: the last one used, else an existing one;
    never remembered, never asked for."""
    from caucasusquiz import profiles

    names = store.profile_names()
    last = store.last_profile()
    name = last if last in names else (names[0] if names else profiles.DEFAULT_PROFILE)
    return profiles.use(store, name, now, remember=False)


def make_app(locations: Locations, profile: str | None = None, **options: Any) -> CaucasusQuizApp:
    """Build the app; the CLI and the tests both come through here."""
    return CaucasusQuizApp(locations, profile, **options)
