"""A deck file as text and as YAML nodes, side by side: where each card and field sits.

Edits (`deck_text`) replace whole lines at the positions the nodes give; this module
finds those positions and writes files atomically. Line numbers are rows of the text
split at its own line ending, which is why files whose line breaks YAML would count
differently (mixed endings, NEL, U+2028) are refused.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caucasusquiz import files
from caucasusquiz.decks.loader import MAX_DECK_BYTES
from caucasusquiz.decks.yamlio import YamlProblem, compose
from caucasusquiz.files import UnreadableFile, read_regular_file

BOM = "\ufeff"


class EditError(Exception):
    """An edit that could not be made; the message says why, for the author."""


@dataclass(slots=True)
class DeckText:
    path: Path
    raw: bytes
    bom: bool
    newline: str
    lines: list[str]
    root: Node

    _joined: str | None = None
    _offsets: list[int] | None = None

    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = self.newline.join(self.lines)
        return self._joined

    def line_start(self, row: int) -> int:
        """Index in `text` where line `row` starts."""
        if self._offsets is None:
            offsets, position = [], 0
            for line in self.lines:
                offsets.append(position)
                position += len(line) + len(self.newline)
            self._offsets = offsets
        return self._offsets[row]

    def encoded(self) -> bytes:
        return ((BOM if self.bom else "") + self.text).encode("utf-8")


def read_text(path: Path) -> DeckText:
    try:
        raw = read_regular_file(path, MAX_DECK_BYTES)
    except UnreadableFile as exc:
        raise EditError(f"{path}: cannot read the deck ({exc.reason})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(f"{path}: not UTF-8 text; fix it with `caucasusquiz check` first") from None
    bom = text.startswith(BOM)
    text = text.removeprefix(BOM)
    try:
        root = compose(text)
    except YamlProblem as problem:
        raise EditError(f"{path}:{problem.line}: {problem.message}; fix it before editing here") from None
    if not isinstance(root, MappingNode):
        raise EditError(f"{path}: not a deck (the top level is not a mapping)")
    newline = "\r\n" if "\r\n" in text else "\n"
    # YAML also breaks lines at a lone CR, NEL, U+2028 and U+2029: with any of those (or
    # mixed endings) the parser's line numbers would not match ours, so edit nothing.
    breaks = text.count("\r") + text.count("\n") - (2 if newline == "\r\n" else 1) * text.count(newline)
    if breaks or any(ch in text for ch in "\x85\u2028\u2029"):
        raise EditError(
            f"{path.name} mixes line endings or uses unusual line separators; "
            "save it with plain line endings in your editor first"
        )
    return DeckText(path, raw, bom, newline, text.split(newline), root)


def top_field(root: MappingNode, name: str) -> tuple[ScalarNode, Node] | None:
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == name:
            return key, value
    return None


def card_nodes(root: MappingNode) -> list[Node]:
    found = top_field(root, "cards")
    if found is None or not isinstance(found[1], SequenceNode):
        return []
    return list(found[1].value)


def find_card(doc: DeckText, card_id: str) -> MappingNode:
    for node in card_nodes(doc.root):  # type: ignore[arg-type]
        if isinstance(node, MappingNode):
            found = top_field(node, "id")
            if found and isinstance(found[1], ScalarNode) and found[1].value.strip() == card_id:
                if node.flow_style:
                    raise EditError(
                        f"{doc.path.name}:{node.start_mark.line + 1}: card {card_id!r} is written on one "
                        "line in { }; edit it in your editor"
                    )
                return node
    raise EditError(f"card {card_id!r} is no longer in {doc.path.name}")


def content_end(node: Node) -> int:
    if isinstance(node, MappingNode) and node.value:
        return max(max(content_end(k), content_end(v)) for k, v in node.value)
    if isinstance(node, SequenceNode) and node.value and not node.flow_style:
        return max(content_end(v) for v in node.value)
    return node.end_mark.index


def end_row(doc: DeckText, node: Node, first_row: int) -> int:
    """The last line holding the node's content (block scalars end after trailing blank lines).

    Only blank lines are stepped back over: a line starting with `#` inside a `|` block
    is text, and comments after a value are never part of its node."""
    end = content_end(node)
    row = row_of(doc, max(end - 1, 0))
    while row > first_row and not doc.lines[row].strip():
        row -= 1
    return row


def trailing_comment(doc: DeckText, node: Node, row: int) -> str:
    """A `# comment` after the value on its last line, kept when the value is replaced."""
    end = content_end(node)
    rest = doc.lines[row][max(end - doc.line_start(row), 0) :]
    return rest if re.match(r"\s+#", rest) else ""


def row_of(doc: DeckText, index: int) -> int:
    """The line holding character `index` of the text."""
    doc.line_start(0)
    assert doc._offsets is not None
    return bisect.bisect_right(doc._offsets, index) - 1


def dash_row(doc: DeckText, node: Node) -> int:
    text = doc.text
    index = node.start_mark.index - 1
    while index >= 0 and text[index] in " \t\r\n":
        index -= 1
    if index >= 0 and text[index] == "-":
        return row_of(doc, index)
    return node.start_mark.line


def write_atomically(path: Path, data: bytes) -> None:
    """Write, fsync, rename over the old file, fsync the folder: all or nothing, and durable."""
    files.replace_atomically(path, lambda temporary: Path(temporary).write_bytes(data), durable=True)
