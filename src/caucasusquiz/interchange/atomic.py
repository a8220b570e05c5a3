"""Writing an output file under a temporary name first, so a failure never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from caucasusquiz.errors import UserError


def save_atomically(out: Path, write: Callable[[str], object]) -> None:
    """Call `write(temporary_path)`, then move the result over `out`."""
    folder = out.parent if str(out.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror}") from None
    os.close(handle)
    try:
        write(name)
        os.replace(name, out)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror}") from None
    finally:
        Path(name).unlink(missing_ok=True)


def write_text_atomically(out: Path, text: str) -> None:
    save_atomically(out, lambda name: Path(name).write_text(text, encoding="utf-8"))
