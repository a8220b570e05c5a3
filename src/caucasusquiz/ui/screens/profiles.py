"""Who is studying? The profile picker for a shared machine, and the start-up rules that open it.

Typing filters the list, ↑/↓ move, Enter opens the highlighted profile; the last entry
makes a new one (after a name prompt). F2 renames and F8 deletes, each after a question.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from caucasusquiz import profiles
from caucasusquiz.errors import UserError
from caucasusquiz.store.database import Profile, ProgressStore
from caucasusquiz.text import plural
from caucasusquiz.ui.screens.dialogs import Choice, ChoiceScreen, ConfirmScreen
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

if TYPE_CHECKING:  # the app opens this module at start-up
    from caucasusquiz.ui.app import CaucasusQuizApp

NEW = "\x00new"  # the option id of "New profile…"; no profile name can hold NUL


class NamePrompt(ModalScreen[str | None]):
    """Ask for a profile name; `check` returns an error to show, or None when the name will do."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", check: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.title_text, self.value, self.check = title, value, check

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text), classes="title")
            yield Input(self.value, placeholder="a name, e.g. Leyla M.", id="profile-name")
            yield Static(id="name-error", classes="muted")
            with Horizontal(id="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("OK", id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        text = self.query_one(Input).value
        try:
            name = profiles.validate_name(text)
        except UserError as exc:
            self.query_one("#name-error", Static).update(Text(f"{exc} ({exc.hint})"))
            return
        problem = self.check(name) if self.check else None
        if problem:
            self.query_one("#name-error", Static).update(Text(problem))
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ProfilePickerScreen(Screen[str | None]):
    """Dismisses with the chosen profile's name (a new one is created first), or None on Escape."""

    HELP_TITLE = "profiles"
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        # Not a priority binding: the filter box's own Enter submits after its last key.
        Binding("enter", "choose", "Open"),
        Binding("f2", "rename", "Rename"),
        Binding("f8", "delete", "Delete"),
        # Escape quits when the picker opens the app, and goes back when it was opened to
        # switch profile: check_action shows the label that says which.
        Binding("escape", "cancel('back')", "Back"),
        Binding("escape", "cancel('quit')", "Quit"),
    ]

    def __init__(
        self,
        store: ProgressStore,
        clock: Callable[[], datetime],
        *,
        current: str | None = None,
        forget: Callable[[str], None] | None = None,
        served: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.current = current  # the profile in use (when switching): it cannot be deleted
        self.forget = forget  # removes what other stores keep of a deleted profile
        # In a served browser tab nobody sees the others' names: a student types their own.
        self.served = served
        self.filtered_for = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static("Who is studying?", id="picker-title")
            hint = "type your name" if self.served else "type to filter, or a new name"
            yield Input(placeholder=hint, id="profile-filter")
            yield OptionList(id="profile-list")
        yield FittingFooter()

    def on_mount(self) -> None:
        # The default profile (the one last opened) is highlighted, as the CLI would use it;
        # a served tab lists nobody until a name is typed.
        self.refill(highlight=None if self.served else self.current or profiles.default_name(self.store))
        self.query_one(Input).focus()

    def refill(self, highlight: str | None = None) -> None:
        typed = self.query_one(Input).value.strip()
        self.filtered_for = typed
        names = self.store.profile_names()
        if self.served:
            shown = [n for n in names if typed and n.casefold() == typed.casefold()]
        else:
            shown = [n for n in names if typed.casefold() in n.casefold()]
        options = [Option(literal(name), id=name) for name in shown]
        taken = any(n.casefold() == typed.casefold() for n in names)
        label = "+ New profile…" if not typed or taken else f"+ New profile “{typed}”…"
        options.append(Option(Text(label, style="italic"), id=NEW))
        picker = self.query_one(OptionList)
        picker.clear_options()
        picker.add_options(options)
        target = highlight if highlight in shown else _exact(typed, shown)
        picker.highlighted = shown.index(target) if target else 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return parameters == (("back",) if self.current is not None else ("quit",))
        # A student in a browser tab cannot rename or delete anybody's profile.
        return not (self.served and action in ("rename", "delete"))

    def on_input_changed(self) -> None:
        self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_choose()

    def action_move(self, step: int) -> None:
        picker = self.query_one(OptionList)
        if picker.option_count:
            now = picker.highlighted or 0
            picker.highlighted = max(0, min(picker.option_count - 1, now + step))

    def _highlighted(self) -> str | None:
        # F2/F8 right after typing: the list must follow the box first (as Enter does).
        if self.query_one(Input).value.strip() != self.filtered_for:
            self.refill()
        picker = self.query_one(OptionList)
        if picker.highlighted is None:
            return None
        return picker.get_option_at_index(picker.highlighted).id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        # Enter can overtake the last key's Changed message (a fast typist, a script):
        # the list must match what is in the box before its highlight means anything.
        if self.query_one(Input).value.strip() != self.filtered_for:
            self.refill()
        chosen = self._highlighted()
        if chosen is None:
            return
        if chosen != NEW:
            self.dismiss(chosen)
            return
        typed = self.query_one(Input).value.strip()

        def named(name: str | None) -> None:
            if name is not None:
                profiles.use(self.store, name, self.clock(), remember=not self.served)
                self.dismiss(name)

        self.app.push_screen(NamePrompt("New profile: your name", typed, self._name_is_free), named)

    def _name_is_free(self, name: str, besides: str | None = None) -> str | None:
        taken = profiles.taken_name(self.store, name, besides)
        if taken is not None:
            case = "" if taken == name.strip() else " (names that differ only in case are one name)"
            return f"There is already a profile called {taken!r}{case}; pick it from the list."
        return None

    def action_rename(self) -> None:
        old = self._highlighted()
        if old == NEW:  # a silent key reads as a broken one
            self.notify("Highlight a profile to rename it; Enter here makes a new one.")
            return
        if old is None:
            return

        def renamed(new: str | None) -> None:
            if new is None:
                return
            try:
                profiles.rename(self.store, old, new)
            except UserError as exc:
                self.notify(str(exc), severity="error")
                return
            if self.current == old:
                self.current = new
            self.query_one(Input).value = ""
            self.refill(highlight=new)
            self.notify(f"{old} is now called {new}.")

        def free_or_same(name: str) -> str | None:
            return None if name == old else self._name_is_free(name, besides=old)

        self.app.push_screen(NamePrompt(f"Rename profile {old}", old, free_or_same), renamed)

    def action_delete(self) -> None:
        name = self._highlighted()
        if name == NEW:
            self.notify("Highlight a profile to delete it.")
            return
        if name is None:
            return
        if name == self.current:
            self.notify(f"{name} is the profile in use; open another one first.", severity="warning")
            return
        profile = self.store.find_profile(name)
        reviews = self.store.review_count(profile.id) if profile else 0

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                profiles.delete(self.store, name, also=self.forget)
            except UserError as exc:
                self.notify(str(exc), severity="error")
                return
            self.refill()
            self.notify(f"Profile {name} and all its progress were deleted.")

        self.app.push_screen(
            ConfirmScreen(
                f"Delete profile {name}?",
                f"All of {name}'s progress ({plural(reviews, 'review')}) and class results "
                "are deleted for good. This cannot be undone.",
                yes="Delete",
                no="Keep",
                default="no",  # Enter keeps: deleting takes a deliberate y or Tab
            ),
            answered,
        )

    def action_cancel(self, _label: str = "quit") -> None:
        self.dismiss(None)


def settle_profile(
    app: CaucasusQuizApp,
    store: ProgressStore,
    requested: str | None,
    new_profile: str | None,
    then: Callable[[Profile], None],
    forget: Callable[[str], None] | None = None,
) -> None:
    """Decide the profile at start-up, asking when the rules say so, then call `then(profile)`.

    A named profile that exists opens at once; an unknown name is created only after a yes
    (else the picker opens); with no name the picker opens when several profiles exist.
    Escape in the picker quits: nobody chose a name, so none is remembered.
    """
    from caucasusquiz.serving.mode import is_served

    now = app.clock()
    served = is_served()

    def open_named(name: str | None) -> None:
        if name is None:
            store.close()
            app.exit(return_code=0)
            return
        # A served tab never changes the serving machine's default profile.
        then(profiles.use(store, name, app.clock(), remember=not served))

    def picker() -> None:
        app.push_screen(ProfilePickerScreen(store, app.clock, forget=forget, served=served), open_named)

    if served:  # every tab is a student who says who they are
        picker()
        return

    if new_profile is not None:
        chosen = profiles.validate_name(new_profile)
        if profiles.taken_name(store, chosen) in (None, chosen):
            then(profiles.use(store, chosen, now))
            return
        requested = chosen  # "ms hart" beside "Ms Hart" is that name: asked as a near miss below
    name = profiles.requested_name(requested)
    if name is not None:
        if store.find_profile(name) is not None:
            then(profiles.use(store, name, now))
            return
        close = profiles.did_you_mean(name, store.profile_names())
        if close is None:
            app.push_screen(
                ConfirmScreen(
                    "New profile?",
                    f"There is no profile called {name!r}. Create a new profile with this name?",
                    yes="Create",
                    no="Choose another",
                    key_line="⏎ create  esc choose another",
                ),
                lambda yes: open_named(name) if yes else picker(),
            )
            return
        # A near miss is most likely the student's own profile mistyped: Enter opens that one,
        # and a second learner under a look-alike name takes a deliberate key.

        def answered(chosen: str | None) -> None:
            if chosen == "existing":
                open_named(close)
            elif chosen == "create":
                open_named(name)
            else:
                picker()

        # Names are one name whatever their case: "leyla" beside "Leyla" is not a second learner.
        same_name = close.casefold() == name.casefold()
        create = [] if same_name else [Choice("create", f"Create {name}", "c")]
        app.push_screen(
            ChoiceScreen(
                "No such profile",
                f"There is no profile called {name!r}. Did you mean {close!r}?"
                + (" Profile names are the same whatever their case." if same_name else ""),
                [
                    Choice("existing", f"Open {close}", "o"),
                    *create,
                    Choice("another", "Choose another", "n"),
                ],
                default="existing",
                cancel="another",
            ),
            answered,
        )
        return
    if len(store.profile_names()) > 1:
        picker()
        return
    then(profiles.use(store, profiles.default_name(store) or profiles.DEFAULT_PROFILE, now))


def _exact(typed: str, shown: list[str]) -> str | None:
    """The profile named exactly what is typed (case aside): the filter "class 8b" matched
    "Class 8B" and "Class 8Bx", and F2 renamed whichever came first."""
    folded = typed.casefold()
    return next((name for name in shown if name == typed), None) or next(
        (name for name in shown if name.casefold() == folded), None
    )
