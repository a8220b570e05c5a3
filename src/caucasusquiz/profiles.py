"""Learner profiles on a shared machine: which one a command uses, and when a new one may be made.

The rules, so that the next student never studies under the wrong name:
- read-only commands (`stats`, `export`, `report`, …) never create a profile; an unknown
  name is an error that lists the known ones, with a did-you-mean;
- studying under a new name creates it only when asked: `--new-profile NAME`, the app's
  picker, or a yes at a terminal;
- only a profile that exists and is studied becomes the default for the next run.

"The default profile" has one meaning everywhere (`default_name`): the profile last opened
for study on this machine, else the only one. Commands use it when no profile is named and
the app's picker highlights it. Importing progress files never changes it: a teacher who
gathers the students' files does not change whom the next command is about.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from datetime import datetime

from caucasusquiz.errors import UserError
from caucasusquiz.store.database import Profile, ProgressStore

ENV_PROFILE = "CAUCASUSQUIZ_PROFILE"
DEFAULT_PROFILE = "default"
MAX_NAME_LENGTH = 60
# Read-only commands on a data folder where nobody has studied yet see an empty profile;
# no row has id 0, so every query on it finds nothing.
NOBODY_YET = Profile(0, DEFAULT_PROFILE, None)


class UnknownProfile(UserError):
    def __init__(self, name: str, known: list[str], new_hint: bool) -> None:
        message = f"no profile called {name!r}"
        message += f"; known profiles: {', '.join(known)}" if known else "; there are no profiles yet"
        hints = []
        close = did_you_mean(name, known)
        if close:
            hints.append(f"did you mean {close!r}?")
        if new_hint:
            hints.append(f"to start a new profile, use --new-profile {name!r}")
        super().__init__(message, " ".join(hints) or None)
        self.name = name
        self.known = known


class NoDefaultProfile(UserError):
    """Several profiles, none opened for study here yet: which one is meant cannot be guessed."""

    def __init__(self, known: list[str], study: bool) -> None:
        hint = "name one with --profile NAME"
        if study:
            hint += ", or start a new one with --new-profile NAME"
        super().__init__(
            f"which profile? none has been opened for study on this machine yet; "
            f"known profiles: {', '.join(known)}",
            hint,
        )
        self.known = known


def requested_name(flag: str | None) -> str | None:
    """The profile asked for: `--profile`, else CAUCASUSQUIZ_PROFILE, else None (choose one)."""
    name = flag if flag else os.environ.get(ENV_PROFILE) or None
    return validate_name(name) if name is not None else None


def validate_name(name: str) -> str:
    """The name as stored (stripped), or a UserError saying what a name may be."""
    chosen = name.strip()
    if not chosen or len(chosen) > MAX_NAME_LENGTH or any(not ch.isprintable() for ch in chosen):
        raise UserError(f"invalid profile name {name!r}", f"use 1 to {MAX_NAME_LENGTH} printable characters")
    return chosen


def did_you_mean(name: str, known: list[str]) -> str | None:
    by_fold = {k.casefold(): k for k in known}
    if name.casefold() in by_fold:
        return by_fold[name.casefold()]
    close = difflib.get_close_matches(name.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[close[0]] if close else None


def existing_profile(store: ProgressStore, flag: str | None) -> Profile:
    """The profile a read-only command reports on; never creates or remembers anything."""
    name = requested_name(flag) or default_name(store)
    if name is None:
        known = store.profile_names()
        if known:
            raise NoDefaultProfile(known, study=False)
        return NOBODY_YET
    found = store.find_profile(name)
    if found is None:
        raise UnknownProfile(name, store.profile_names(), new_hint=False)
    return found


def default_name(store: ProgressStore) -> str | None:
    """The default profile: the one last opened for study on this machine (in the app, its
    picker or `study`), else the only one.

    None when there is no profile yet, or several and none was opened here (a teacher's
    machine that has only gathered progress files): the app's picker then asks, and
    commands ask for --profile. Which profile studied last, or was imported last, does not
    matter: importing a file must not change whom the next command is about.
    """
    last = store.last_profile()
    if last and store.find_profile(last) is not None:
        return last
    names = store.profile_names()
    return names[0] if len(names) == 1 else None


def study_profile(
    store: ProgressStore,
    flag: str | None,
    now: datetime,
    *,
    new_profile: str | None = None,
    confirm: Callable[[str], bool] | None = None,
) -> Profile:
    """The profile to study under, remembered for next time.

    `new_profile` creates (or reuses) that name without asking. An unknown `--profile`
    is created only if `confirm(name)` says yes; without a way to ask it is an error.
    Studying with no name at all uses the default profile (`default_name`), else, on a
    machine without profiles, "default" (made on first use).
    """
    if new_profile is not None:
        return use(store, validate_name(new_profile), now)
    name = requested_name(flag)
    if name is None:
        chosen = default_name(store)
        if chosen is None:
            known = store.profile_names()
            if known:
                raise NoDefaultProfile(known, study=True)
            chosen = DEFAULT_PROFILE
        return use(store, chosen, now)
    if store.find_profile(name) is None and (confirm is None or not confirm(name)):
        raise UnknownProfile(name, store.profile_names(), new_hint=True)
    return use(store, name, now)


def taken_name(store: ProgressStore, name: str, besides: str | None = None) -> str | None:
    """The existing profile whose name is `name` but for case ("Class 8B" for "class 8b"),
    other than `besides`: two such names read as one class, and a filter matches both."""
    folded = name.strip().casefold()
    return next((n for n in store.profile_names() if n.casefold() == folded and n != besides), None)


def use(store: ProgressStore, name: str, now: datetime, remember: bool = True) -> Profile:
    """Open (creating if needed) the profile `name` and, if `remember`, make it the default.
    A new name that differs from a profile's only in case is refused, not made a second one."""
    name = validate_name(name)
    if store.find_profile(name) is None:
        taken = taken_name(store, name)
        if taken is not None:
            raise UserError(
                f"there is already a profile called {taken!r}; names that differ only in case are one name",
                f"use {taken!r}, or choose another name",
            )
    profile = store.profile(name, now)
    if remember and store.last_profile() != profile.name:
        store.remember_profile(profile.name)
    return profile


def rename(store: ProgressStore, old: str, new: str) -> str:
    new = validate_name(new)
    if store.find_profile(old) is None:
        raise UnknownProfile(old, store.profile_names(), new_hint=False)
    taken = taken_name(store, new, besides=old)  # "Class 8A" → "class 8a" is fine; → "class 8b" is not
    if taken is not None:
        same = "" if taken == new else " (names that differ only in case are one name)"
        raise UserError(f"there is already a profile called {taken!r}{same}", "choose another name")
    store.rename_profile(old, new)
    return new


def delete(store: ProgressStore, name: str, also: Callable[[str], None] | None = None) -> None:
    """Delete a profile and all its progress; `also` removes what other stores keep of it."""
    if not store.delete_profile(name):
        raise UnknownProfile(name, store.profile_names(), new_hint=False)
    if also is not None:
        also(name)
