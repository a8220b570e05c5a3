"""Everything a front end needs to study: locations, settings, decks, the progress store, a profile.

The plain line mode, `stats`, `export` and the Textual app all open their world here,
so a damaged database or a read-only folder is handled the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from caucasusquiz import profiles
from caucasusquiz.clock import utc_now
from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import Collection, load_collection
from caucasusquiz.errors import UserError
from caucasusquiz.paths import Locations
from caucasusquiz.progress import Profile
from caucasusquiz.settings import Settings, load_settings
from caucasusquiz.store.database import ProgressStore, StoreCorrupt, move_aside
from caucasusquiz.text import strip_forbidden

DEFAULT_PROFILE = profiles.DEFAULT_PROFILE


@dataclass
class Workspace:
    locations: Locations
    settings: Settings
    collection: Collection
    store: ProgressStore
    profile: Profile
    notices: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.store.close()


def load_decks(locations: Locations) -> Collection:
    if not locations.decks.is_dir():
        raise UserError(
            f"decks folder {locations.decks} does not exist",
            "give one with --decks DIR or CAUCASUSQUIZ_DECKS",
        )
    return load_collection([locations.decks], DeckCache(locations.cache_dir / "decks"))


DAMAGED_HINT = (
    "open the app (`caucasusquiz`): it offers to move the damaged file aside, keeping it, and "
    "start fresh; nothing is changed until you choose"
)


def open_store(
    locations: Locations, now: datetime, move_damaged: bool = True, *, create: bool = True
) -> tuple[ProgressStore, str | None]:
    """Open the progress database. A damaged one is moved aside (never deleted) and a fresh one
    started, when `move_damaged`; the returned notice says what happened. Else a damaged file
    is an error whose hint says how to repair it, and the file is left as it is.

    Without `create`, a folder where nobody has studied gets an empty store in memory: a
    read-only command reports "nothing yet" and leaves no file behind."""
    path = locations.database
    if not create and not path.exists():
        return ProgressStore.empty(), None
    try:
        return ProgressStore.open(path), None
    except StoreCorrupt as exc:
        if not move_damaged:
            raise StoreCorrupt(
                f"your progress file is damaged and could not be read: {exc}",
                exc.path,
                exc.hint or DAMAGED_HINT,
            ) from None
        try:
            kept = move_aside(path, now)
        except OSError as move_error:
            raise UserError(
                f"{exc}; it could not be moved aside ({move_error.strerror})",
                f"move {path} away by hand to start fresh",
            ) from None
        return ProgressStore.open(path), strip_forbidden(
            f"Your progress file was damaged and could not be read. It was kept as {kept} "
            "and a fresh one was started."
        )


def nobody_has_studied(profile: Profile) -> bool:
    """True for the stand-in profile a read-only command gets where no profile exists yet."""
    return profile.id == profiles.NOBODY_YET.id


def choose_profile(
    store: ProgressStore,
    name: str | None,
    now: datetime,
    *,
    study: bool = True,
    new_profile: str | None = None,
    confirm: Callable[[str], bool] | None = None,
) -> Profile:
    """The profile to use; see caucasusquiz.profiles for when one is created or remembered."""
    if not study:
        return profiles.existing_profile(store, name)
    return profiles.study_profile(store, name, now, new_profile=new_profile, confirm=confirm)


def open_workspace(
    locations: Locations,
    profile: str | None = None,
    now: datetime | None = None,
    *,
    study: bool = False,
    new_profile: str | None = None,
    confirm: Callable[[str], bool] | None = None,
) -> Workspace:
    """Open everything. Without `study` the command only reads: the profile must exist (or
    none does yet), no progress file is created, and a damaged one is reported, not moved."""
    now = now or utc_now()
    settings = load_settings(locations.config_file)
    collection = load_decks(locations)
    store, notice = open_store(locations, now, move_damaged=study, create=study)
    try:
        chosen = choose_profile(store, profile, now, study=study, new_profile=new_profile, confirm=confirm)
    except BaseException:
        store.close()
        raise
    return Workspace(locations, settings, collection, store, chosen, [notice] if notice else [])
