"""The path prompt of "New deck from documents": what was typed → seed paths, and completion."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from caucasusquiz.errors import UserError


def parse_paths(text: str, base: Path | None = None) -> list[Path]:
    """Paths separated by spaces (quote a path with spaces in it); `~` works. Every one must exist."""
    try:
        words = shlex.split(text)
    except ValueError:
        raise UserError("a quote is not closed", "put a path with spaces in 'quotes'") from None
    if not words:
        raise UserError("no documents given", "type the path of a text file or a folder of them")
    paths: list[Path] = []
    for word in words:
        path = Path(os.path.expanduser(word))
        if base is not None and not path.is_absolute():
            path = base / path
        if not path.exists():
            raise UserError(f"{word}: no such file or folder", "check the path; Tab or → completes it")
        paths.append(path)
    return paths


def complete_path(text: str, base: Path | None = None) -> str | None:
    """`text` with its last path completed as far as it is unambiguous, or None."""
    if not text or text.endswith(" "):
        return None
    head, _, last = text.rpartition(" ")
    expanded = Path(os.path.expanduser(last))
    if base is not None and not expanded.is_absolute():
        expanded = base / expanded
    folder, prefix = (expanded, "") if last.endswith("/") else (expanded.parent, expanded.name)
    try:
        names = sorted(
            entry.name + ("/" if entry.is_dir() else "")
            for entry in os.scandir(folder)
            if entry.name.startswith(prefix) and not entry.name.startswith(".")
        )
    except OSError:
        return None
    if not names:
        return None
    common = _common_start(names)
    if len(common) <= len(prefix):
        return None
    completed = last + common[len(prefix) :]
    return f"{head} {completed}" if head else completed


def _common_start(names: list[str]) -> str:
    """The characters every name starts with (names, not path components, are completed)."""
    shortest = min(names, key=len)
    for index, char in enumerate(shortest):
        if any(name[index] != char for name in names):
            return shortest[:index]
    return shortest
