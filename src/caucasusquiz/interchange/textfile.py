"""Reading a text file someone saved from a spreadsheet or a web page: encoding and size."""

from __future__ import annotations

import codecs
from pathlib import Path

from caucasusquiz.files import UnreadableFile, read_regular_file
from caucasusquiz.interchange.common import BadFile

MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_text(path: Path, what: str) -> str:
    """The file's text: UTF-8 with or without BOM, or UTF-16 with a BOM (Excel's "Unicode text")."""
    try:
        data = read_regular_file(path, MAX_TEXT_BYTES)
    except UnreadableFile as exc:
        if exc.size is not None:
            raise BadFile(
                f"{path.name} is larger than {MAX_TEXT_BYTES // 1024 // 1024} MiB; is it really {what}?"
            ) from None
        raise BadFile(f"cannot read {path}: {exc.reason}") from None
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadFile(
            f"{path.name}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); is it {what}?",
            "save it again as UTF-8 (in a spreadsheet: “CSV UTF-8”; in a text editor: encoding UTF-8)",
        ) from None
    if "\x00" in text:
        raise BadFile(f"{path.name} is a binary file, not {what}")
    return text.replace("\r\n", "\n").replace("\r", "\n")
