"""Errors that are the user's to fix: shown as one clear message, never as a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with input or environment that the user can act on."""

    def __init__(self, message: str, hint: str | None = None, exit_code: int = 1) -> None:
        super().__init__(message)
        self.hint = hint
        self.exit_code = exit_code
