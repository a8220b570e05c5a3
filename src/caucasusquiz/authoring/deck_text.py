"""Editing a deck file as text: only the lines of the changed fields change.

A YAML round trip would lose the teacher's comments, key order, quoting and blank
lines, so every edit here finds the card by id in the node tree, replaces or inserts
whole lines at the positions the nodes give, checks that the result still reads
without new errors, and writes it atomically (temporary file, fsync, rename) before
returning: an author's decision is on disk when the call returns.

Every edit returns an `Edit` that can be undone while the file is unchanged since.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caucasusquiz.decks.loader import read_deck_text
from caucasusquiz.decks.model import Card
from caucasusquiz.decks.yamlio import SafeLoader, YamlProblem, compose

FieldValue = str | bool | Sequence[str]
BOM = "\ufeff"
# Fields that belong at the end of a card (a sign-off reads last); others go after `type:`.
TRAILING_FIELDS = ("reviewed",)


class EditError(Exception):
    """An edit that could not be made; the message says why, for the author."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to one deck file, with what it replaced.

    `card` is the edited or added card as the loader now reads it (None for a drop), so
    that a caller can follow the change without parsing the whole deck again; `line` is
    `shifts` says, for each place the text changed, from which line (1-based, before
    the edit) later lines moved and by how many, for the line numbers of other cards."""

    path: Path
    before: bytes
    after: bytes
    card_id: str = ""
    card: Card | None = None
    shifts: tuple[tuple[int, int], ...] = ()

    def moved(self, line: int) -> int:
        """Where a line of the old text is now (for lines outside the changed ones)."""
        return line + sum(delta for start, delta in self.shifts if start <= line)

    def undo(self) -> None:
        try:
            current = self.path.read_bytes()
        except OSError as exc:
            raise EditError(f"{self.path}: cannot read the deck to undo ({exc.strerror or exc})") from None
        if current != self.after:
            raise EditError(f"{self.path.name} was changed since; undo it in your editor instead")
        _save(self.path, self.before)


# -- rendering values ------------------------------------------------------------------


def render(value: FieldValue) -> str:
    """A value on one line: text double-quoted (JSON escapes are valid YAML), lists in flow style."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return "[" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"


# -- the text and its nodes --------------------------------------------------------------


@dataclass(slots=True)
class _Text:
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


def _read(path: Path) -> _Text:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EditError(f"{path}: cannot read the deck ({exc.strerror or exc})") from None
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
    return _Text(path, raw, bom, newline, text.split(newline), root)


def _top(root: MappingNode, name: str) -> tuple[ScalarNode, Node] | None:
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == name:
            return key, value
    return None


def _cards(root: MappingNode) -> list[Node]:
    found = _top(root, "cards")
    if found is None or not isinstance(found[1], SequenceNode):
        return []
    return list(found[1].value)


def _card(doc: _Text, card_id: str) -> MappingNode:
    for node in _cards(doc.root):  # type: ignore[arg-type]
        if isinstance(node, MappingNode):
            found = _top(node, "id")
            if found and isinstance(found[1], ScalarNode) and found[1].value.strip() == card_id:
                if node.flow_style:
                    raise EditError(
                        f"{doc.path.name}:{node.start_mark.line + 1}: card {card_id!r} is written on one "
                        "line in { }; edit it in your editor"
                    )
                return node
    raise EditError(f"card {card_id!r} is no longer in {doc.path.name}")


def _content_end(node: Node) -> int:
    if isinstance(node, MappingNode) and node.value:
        return max(max(_content_end(k), _content_end(v)) for k, v in node.value)
    if isinstance(node, SequenceNode) and node.value and not node.flow_style:
        return max(_content_end(v) for v in node.value)
    return node.end_mark.index


def _end_row(doc: _Text, node: Node, first_row: int) -> int:
    """The last line holding the node's content (block scalars end after trailing blank lines).

    Only blank lines are stepped back over: a line starting with `#` inside a `|` block
    is text, and comments after a value are never part of its node."""
    end = _content_end(node)
    row = _row_of(doc, max(end - 1, 0))
    while row > first_row and not doc.lines[row].strip():
        row -= 1
    return row


def _trailing_comment(doc: _Text, node: Node, row: int) -> str:
    """A `# comment` after the value on its last line, kept when the value is replaced."""
    end = _content_end(node)
    rest = doc.lines[row][max(end - doc.line_start(row), 0) :]
    return rest if re.match(r"\s+#", rest) else ""


def _row_of(doc: _Text, index: int) -> int:
    """The line holding character `index` of the text."""
    doc.line_start(0)
    assert doc._offsets is not None
    return bisect.bisect_right(doc._offsets, index) - 1


def _dash_row(doc: _Text, node: Node) -> int:
    text = doc.text
    index = node.start_mark.index - 1
    while index >= 0 and text[index] in " \t\r\n":
        index -= 1
    if index >= 0 and text[index] == "-":
        return _row_of(doc, index)
    return node.start_mark.line


# -- applying and writing ------------------------------------------------------------------


@dataclass(slots=True)
class _Splice:
    start: int  # first row replaced
    stop: int  # one past the last row replaced (== start: a pure insertion)
    lines: list[str]


def _apply(
    doc: _Text,
    splices: list[_Splice],
    card_id: str = "",
    card_rows: tuple[int, int] | None = None,
) -> Edit:
    """Splice, check the changed card, write. `card_rows`: the card's first and last row, after."""
    lines = list(doc.lines)
    for splice in sorted(splices, key=lambda s: (s.start, s.stop), reverse=True):
        lines[splice.start : splice.stop] = splice.lines
    new = _Text(doc.path, doc.raw, doc.bom, doc.newline, lines, doc.root)
    _check_syntax(new)
    card = _checked_card(new, card_rows) if card_rows is not None else None
    after = new.encoded()
    _save(doc.path, after)
    shifts = tuple(
        (splice.start + 1, len(splice.lines) - (splice.stop - splice.start))
        for splice in splices
        if len(splice.lines) != splice.stop - splice.start
    )
    return Edit(doc.path, doc.raw, after, card_id, card, shifts)


def _check_syntax(doc: _Text) -> None:
    """The whole new text must still be YAML (parser events only: a few ms for thousands of cards)."""
    try:
        for _event in yaml.parse(doc.text, Loader=SafeLoader):
            pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}: " if mark else ""
        raise EditError(f"not saved: {where}the deck would no longer be valid YAML ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise EditError(f"not saved: the deck would no longer be valid YAML ({exc})") from None


def _checked_card(doc: _Text, rows: tuple[int, int]) -> Card | None:
    """Read the edited card alone (a deck of one card), refusing an edit that breaks it.

    Only the card's own lines are parsed, so an edit costs the same in a deck of ten
    cards or ten thousand; the rest of the file is unchanged and was read before."""
    first, last = rows
    header = ["title: card", "cards:"]
    text = "\n".join(header + doc.lines[first : last + 1]) + "\n"
    load = read_deck_text(text, doc.path, doc.path.stem)
    offset = first - len(header)
    for problem in load.errors:
        raise EditError(f"not saved: line {problem.line + offset}: {problem.message}")
    if load.deck is None or len(load.deck.cards) != 1:
        raise EditError(f"not saved: lines {first + 1}-{last + 1} no longer read as one card")
    card = load.deck.cards[0]
    return replace(card, line=card.line + offset)


def _save(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise EditError(
            f"{path}: cannot save ({exc.strerror or exc}); nothing was changed. "
            "Copy the decks folder somewhere you can write and open it with --decks"
        ) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write, fsync, rename over the old file, fsync the folder: all or nothing, and durable."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return  # some systems cannot open a folder; the rename is still atomic
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


# -- the edits -------------------------------------------------------------------------------


def update_card(path: Path, card_id: str, changes: Mapping[str, FieldValue | None]) -> Edit:
    """Set (or, with None, remove) fields of one card; every other line stays as it was."""
    doc = _read(path)
    card = _card(doc, card_id)
    splices = _card_splices(doc, card, changes)
    first = _dash_row(doc, card)
    last = _end_row(doc, card, card.start_mark.line)
    shift = sum(len(splice.lines) - (splice.stop - splice.start) for splice in splices)
    return _apply(doc, splices, card_id, (first, last + shift))


def mark_reviewed(path: Path, card_id: str, mark: str) -> Edit:
    """Write `reviewed: <mark>` (a date or `true`) into the card."""
    return update_card(path, card_id, {"reviewed": mark})


_BARE_SAFE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n", "null"})


def _value_text(value: FieldValue, name: str = "") -> str:
    # A review mark reads better bare (`reviewed: 2026-11-29`), as the loader expects it.
    if name == "reviewed" and isinstance(value, str) and re.fullmatch(r"true|\d{4}-\d{2}-\d{2}", value):
        return value
    # Ids and types are written bare, as the generator and teachers write them.
    if (
        name in ("id", "type")
        and isinstance(value, str)
        and _BARE_SAFE.fullmatch(value)
        and value.lower() not in _YAML_WORDS
    ):
        return value
    return render(value)


def _card_splices(doc: _Text, card: MappingNode, changes: Mapping[str, FieldValue | None]) -> list[_Splice]:
    fields = {k.value: (k, v) for k, v in card.value if isinstance(k, ScalarNode)}
    first_key = card.value[0][0]
    indent = " " * first_key.start_mark.column
    splices: list[_Splice] = []
    inserts: list[str] = []
    trailing: list[str] = []
    removed_rows: list[int] = []
    for name, value in changes.items():
        if name in fields:
            key, node = fields[name]
            row = key.start_mark.line
            end = _end_row(doc, node, row)
            if value is None:
                splices.append(_Splice(row, end + 1, []))
                removed_rows.append(row)
            else:
                prefix = doc.lines[row][: key.start_mark.column]
                comment = _trailing_comment(doc, node, end)
                line = f"{prefix}{name}: {_value_text(value, name)}{comment}"
                splices.append(_Splice(row, end + 1, [line]))
        elif value is not None:
            line = f"{indent}{name}: {_value_text(value, name)}"
            (trailing if name in TRAILING_FIELDS else inserts).append(line)
    last_row = _end_row(doc, card, card.start_mark.line)
    if inserts:
        # New fields of the card's type go where removed ones were, else after `type:` (or `id:`).
        if removed_rows:
            at = min(removed_rows)
            for splice in splices:
                if splice.start == at:
                    splice.lines = inserts + splice.lines
                    break
        else:
            anchor = fields.get("type") or fields.get("id")
            row = _end_row(doc, anchor[1], anchor[0].start_mark.line) + 1 if anchor else last_row + 1
            splices.append(_Splice(row, row, inserts))
    if trailing:
        splices.append(_Splice(last_row + 1, last_row + 1, trailing))
    _merge_same_position(splices)
    return splices


def _merge_same_position(splices: list[_Splice]) -> None:
    """Two insertions at one row keep their order (the earlier one first)."""
    seen: dict[tuple[int, int], _Splice] = {}
    for splice in list(splices):
        if splice.start == splice.stop:
            other = seen.get((splice.start, splice.stop))
            if other is not None:
                other.lines.extend(splice.lines)
                splices.remove(splice)
                continue
            seen[(splice.start, splice.stop)] = splice


def drop_card(path: Path, card_id: str) -> Edit:
    """Remove the card and record its id in the deck's `dropped:` list (one edit, one write)."""
    doc = _read(path)
    card = _card(doc, card_id)
    first = _dash_row(doc, card)
    last = _end_row(doc, card, card.start_mark.line)
    stop = last + 1
    cards_key = _top(doc.root, "cards")  # type: ignore[arg-type]
    first_in_list = cards_key is not None and first - 1 == cards_key[0].start_mark.line
    # Cards are separated by one blank line: take the one after the card with it.
    blank_before = first == 0 or not doc.lines[first - 1].strip() or first_in_list
    if stop < len(doc.lines) and not doc.lines[stop].strip() and blank_before:
        stop += 1
    elif (
        first > 0
        and not doc.lines[first - 1].strip()
        and (stop >= len(doc.lines) or not doc.lines[stop].strip())
    ):
        first -= 1
    splices = [_Splice(first, stop, [])]
    splices.append(_dropped_splice(doc, card_id))
    return _apply(doc, splices, card_id)


def _dropped_splice(doc: _Text, card_id: str) -> _Splice:
    found = _top(doc.root, "dropped")  # type: ignore[arg-type]
    ids: list[str] = []
    if found is not None and isinstance(found[1], SequenceNode):
        ids = [item.value for item in found[1].value if isinstance(item, ScalarNode)]
    if card_id not in ids:
        ids.append(card_id)
    return _deck_field_splice(doc, "dropped", render(ids))


def _deck_field_splice(doc: _Text, name: str, value: str) -> _Splice:
    """Set a top-level field: its own line(s) replaced, or a new line just above `cards:`."""
    root = doc.root
    assert isinstance(root, MappingNode)
    found = _top(root, name)
    if found is None:
        cards = _top(root, "cards")
        row = cards[0].start_mark.line if cards else len(doc.lines)
        prefix = doc.lines[row][: cards[0].start_mark.column] if cards else ""
        return _Splice(row, row, [f"{prefix}{name}: {value}"])
    key, node = found
    row = key.start_mark.line
    end = _end_row(doc, node, row) if not (isinstance(node, ScalarNode) and not node.value) else row
    prefix = doc.lines[row][: key.start_mark.column]
    comment = _trailing_comment(doc, node, end)
    return _Splice(row, end + 1, [f"{prefix}{name}: {value}{comment}"])


def set_study(path: Path, reviewed_only: bool) -> Edit:
    """`study: reviewed` (students see reviewed cards only) or `study: all`."""
    doc = _read(path)
    return _apply(doc, [_deck_field_splice(doc, "study", "reviewed" if reviewed_only else "all")])


def add_card(path: Path, fields: Mapping[str, FieldValue], after_id: str | None = None) -> Edit:
    """Append a new card (after `after_id`, else at the end of the list) in the deck's layout."""
    doc = _read(path)
    listed = _top(doc.root, "cards")  # type: ignore[arg-type]
    if (
        listed is not None
        and isinstance(listed[1], SequenceNode)
        and listed[1].flow_style
        and listed[1].value
    ):
        raise EditError(f"{path.name}: the cards are written inside [ ]; add this card in your editor")
    cards = [c for c in _cards(doc.root) if isinstance(c, MappingNode)]  # type: ignore[arg-type]
    if cards and not cards[0].flow_style:
        first_key = cards[0].value[0][0]
        dash = _dash_row(doc, cards[0])
        dash_col = doc.lines[dash].index("-")
        item_indent, key_indent = " " * dash_col, " " * first_key.start_mark.column
    else:
        item_indent, key_indent = "  ", "    "
    rendered = [f"{name}: {_value_text(value, name)}" for name, value in fields.items()]
    block = [f"{item_indent}- {rendered[0]}", *(f"{key_indent}{line}" for line in rendered[1:])]
    if not cards:
        found = _top(doc.root, "cards")  # type: ignore[arg-type]
        if found is None:
            raise EditError(f"{path.name} has no `cards:` list; add one first")
        key, node = found
        row = key.start_mark.line
        if isinstance(node, ScalarNode) or (isinstance(node, SequenceNode) and node.flow_style):
            prefix = doc.lines[row][: key.start_mark.column]
            splice = _Splice(row, _end_row(doc, node, row) + 1, [f"{prefix}cards:", *block])
            return _apply(doc, [splice], str(fields.get("id", "")), (row + 1, row + len(block)))
        raise EditError(f"{path.name}: cannot find where to add the card")
    anchor = cards[-1]
    if after_id is not None:
        anchor = next((c for c in cards if (f := _top(c, "id")) and f[1].value == after_id), anchor)
    row = _end_row(doc, anchor, anchor.start_mark.line) + 1
    return _apply(
        doc, [_Splice(row, row, ["", *block])], str(fields.get("id", "")), (row + 1, row + len(block))
    )
