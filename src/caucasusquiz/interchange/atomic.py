"""Output files of import and export: written whole or not at all, a failure as a user message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from caucasusquiz.errors import UserError
from caucasusquiz.files import replace_atomically, write_atomically


def save_atomically(out: Path, write: Callable[[str], object]) -> None:
    """Call `write(temporary_path)`, then move the result over `out`."""
    try:
        replace_atomically(out, write, into_special=True)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None


def write_text_atomically(out: Path, text: str) -> None:
    try:
        write_atomically(out, text, into_special=True)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
