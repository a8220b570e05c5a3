"""A card's source document (`source: "file.txt:21"`), found only inside the decks' and seeds'
folders, or the documents folder its deck declares.

A deck is a file anyone may hand a learner: `source: "/etc/shadow:1"` or
`"../../../etc/passwd:1"` must not make the app show that file. A source is a relative
path without `..`, and what it resolves to (symlinks followed) must still lie inside one of
the allowed folders. A deck's own `documents:` folder (written by `generate` for a user's
own articles) is a relative path from the deck file; what is opened through it must also be
a text document of the kind `generate` reads (`.txt`, `.md`), so a deck that names
`documents: ".."` still cannot show a key, a database or a password store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from caucasusquiz.files import UnreadableFile, read_regular_file

MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
DOCUMENT_SUFFIXES = (".txt", ".md")


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


def is_safe_documents_folder(name: str) -> bool:
    """A deck's `documents:` folder: relative to the deck file (`..` allowed), never absolute,
    never on another drive or under `~`."""
    if not name or "\x00" in name or name.startswith("~"):
        return False
    return not any(
        flavour.is_absolute() or flavour.anchor for flavour in (PurePosixPath(name), PureWindowsPath(name))
    )


def find_source(name: str, folders: Iterable[Path | None], documents: Iterable[Path] = ()) -> Path | None:
    """The file `name` inside one of `folders` (seeds first, then decks), else a text document
    inside one of the deck's `documents` folders, or None."""
    if not is_safe_source_name(name):
        return None
    found = _inside(name, folders)
    if found is None and PurePosixPath(name).suffix.lower() in DOCUMENT_SUFFIXES:
        found = _inside(name, documents)
    return found


def _inside(name: str, folders: Iterable[Path | None]) -> Path | None:
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


def source_folders(seeds: Path | None, decks: Path | None, served: bool = False) -> tuple[Path | None, ...]:
    """Where sources are looked for: a served tab (a student's browser) sees only the seed
    documents, never deck files nor a deck's own documents folder."""
    return (seeds,) if served else (seeds, decks)


def read_source(
    name: str, folders: Iterable[Path | None], documents: Iterable[Path] = ()
) -> SourceDocument | None:
    """The source document's text (undecodable bytes replaced), or None when it is not inside
    the allowed folders, not a regular file, too large or unreadable."""
    path = find_source(name, folders, documents)
    if path is None:
        return None
    try:
        data = read_regular_file(path, MAX_DOCUMENT_BYTES)
    except UnreadableFile:
        return None
    return SourceDocument(name, path, data.decode("utf-8", errors="replace"))
