"""Errors that are the user's to fix: shown as one clear message, never as a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with input or environment that the user can act on."""

    def __init__(self, message: str, hint: str | None = None, exit_code: int = 1) -> None:
        super().__init__(message)
        self.hint = hint
        self.exit_code = exit_code


COPY_DECKS_HINT = (
    "copy them to a folder of your own with `caucasusquiz copy-decks DIR`, then study and edit "
    "the copy: `caucasusquiz --decks DIR` (or set CAUCASUSQUIZ_DECKS=DIR)"
)


class InstalledFilesReadOnly(UserError):
    """A write into the decks (or seeds, or guides) installed with the program, in site-packages.

    They belong to the installation: an edit there is lost at the next upgrade or reinstall,
    and on a system-wide install it fails halfway. The fix is always the same: work on a copy.
    """

    def __init__(self, path: object) -> None:
        super().__init__(
            f"the decks installed with caucasusquiz ({path}) are never changed: "
            "an upgrade or reinstall would undo the edit",
            COPY_DECKS_HINT,
        )
        self.path = path
