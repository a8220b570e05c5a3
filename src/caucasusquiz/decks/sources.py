"""A card's source document (`source: "file.txt:21"`), found only inside the decks' and seeds'
folders.

A deck is a file anyone may hand a learner: `source: "/etc/shadow:1"` or
`"../../../etc/passwd:1"` must not make the app show that file. A source is a relative
path without `..`, and what it resolves to (symlinks followed) must still lie inside one of
the allowed folders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from caucasusquiz.files import UnreadableFile, read_regular_file

MAX_DOCUMENT_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceDocument:
    name: str
    path: Path
    text: str


def is_safe_source_name(name: str) -> bool:
    """A relative path that stays where it is put: no root, no drive, no `..`."""
    if not name or "\x00" in name:
        return False
    for flavour in (PurePosixPath(name), PureWindowsPath(name)):
        if flavour.is_absolute() or flavour.anchor or ".." in flavour.parts:
            return False
    return True


def find_source(name: str, folders: Iterable[Path | None]) -> Path | None:
    """The file `name` inside one of `folders` (seeds first, then decks), or None."""
    if not is_safe_source_name(name):
        return None
    for folder in folders:
        if folder is None:
            continue
        try:
            root = folder.resolve(strict=True)
            candidate = (root / name).resolve(strict=True)
        except (OSError, RuntimeError):  # missing, or a symlink loop
            continue
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


def read_source(name: str, folders: Iterable[Path | None]) -> SourceDocument | None:
    """The source document's text (undecodable bytes replaced), or None when it is not inside
    the allowed folders, not a regular file, too large or unreadable."""
    path = find_source(name, folders)
    if path is None:
        return None
    try:
        data = read_regular_file(path, MAX_DOCUMENT_BYTES)
    except UnreadableFile:
        return None
    return SourceDocument(name, path, data.decode("utf-8", errors="replace"))
