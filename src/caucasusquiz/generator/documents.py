"""Reading seed documents: which files, as UTF-8 text, with their original line numbers.

Every card points back at `file:line` of the ORIGINAL seed, so the text is kept line by
line exactly as it was read (only line endings and a BOM are normalised).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz.errors import UserError

SEED_SUFFIXES = (".txt",)


@dataclass(frozen=True, slots=True)
class Document:
    """One seed file. `name` is what cards cite in `source`, so it must be unique."""

    name: str
    path: Path
    lines: tuple[str, ...]

    @property
    def size(self) -> int:
        return sum(len(line) + 1 for line in self.lines)


def seed_files(paths: Iterable[Path]) -> list[Path]:
    """The seed files named by `paths`: files as given, folders expanded to their *.txt, sorted."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UserError(
                f"{path}: no such file or folder",
                "give a seed text file or a folder of them (default: seeds/)",
            )
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and not p.name.startswith(".")
            )
            if not files:
                raise UserError(
                    f"{path}: no seed documents (*.txt) in this folder",
                    "put plain-text articles (UTF-8, .txt) in it, or name the files",
                )
            found.extend(files)
        else:
            found.append(path)
    # Sources cite the file name only, so two files of one name would be ambiguous.
    seen: dict[str, Path] = {}
    for path in found:
        if path.name in seen and seen[path.name].resolve() != path.resolve():
            raise UserError(
                f"{path}: another seed file is also named {path.name!r} ({seen[path.name]})",
                "cards cite seeds by file name; rename one",
            )
        seen[path.name] = path
    unique = {p.name: p for p in found}
    return [unique[name] for name in sorted(unique)]


def read_document(path: Path) -> Document:
    """Read one seed as text; a binary or non-UTF-8 file is the user's to fix, not a crash."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    data = _as_utf8(data)
    if b"\x00" in data:
        raise UserError(
            f"{path}: this is a binary file, not a text document",
            "seeds must be plain UTF-8 text; remove it or convert it to .txt",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            "save the document as UTF-8 and run generate again",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(path.name, path, tuple(text.split("\n")))


def _as_utf8(data: bytes) -> bytes:
    """UTF-16 text (Windows editors save it so) re-encoded as UTF-8; other bytes as they are.

    Recognised by its byte-order mark, or without one by NUL bytes in every other position
    of an otherwise ASCII-looking start: binary files don't look like that.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        head = data[:4096]
        pairs = len(head) // 2
        if pairs < 2:
            return data
        zeros_odd = head[1::2].count(0)
        zeros_even = head[0::2].count(0)
        if zeros_odd > 0.9 * pairs and zeros_even == 0:
            encoding = "utf-16-le"
        elif zeros_even > 0.9 * pairs and zeros_odd == 0:
            encoding = "utf-16-be"
        else:
            return data
    try:
        return data.decode(encoding).encode("utf-8")
    except UnicodeDecodeError:
        return data
