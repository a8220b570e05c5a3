"""Editing a deck file as text: only the lines of the changed fields change.

A YAML round trip would lose the teacher's comments, key order, quoting and blank
lines, so every edit here finds the card by id in the node tree, replaces or inserts
whole lines at the positions the nodes give, checks that the result still reads
without new errors, and writes it atomically (temporary file, fsync, rename) before
returning: an author's decision is on disk when the call returns.

Every edit returns an `Edit` that can be undone while the file is unchanged since.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from caucasusquiz.authoring import yaml_text
from caucasusquiz.authoring.yaml_text import (
    DeckText,
    EditError,
    card_nodes,
    dash_row,
    end_row,
    find_card,
    read_text,
    top_field,
    trailing_comment,
)
from caucasusquiz.decks.loader import MAX_DECK_BYTES, read_deck_text
from caucasusquiz.decks.model import Card
from caucasusquiz.decks.yamlio import SafeLoader
from caucasusquiz.files import UnreadableFile, read_regular_file

__all__ = [
    "Edit",
    "EditError",
    "FieldValue",
    "add_card",
    "drop_card",
    "mark_reviewed",
    "set_study",
    "update_card",
]

FieldValue = str | bool | Sequence[str]
# Fields that belong at the end of a card (a sign-off reads last); others go after `type:`.
TRAILING_FIELDS = ("reviewed",)


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to one deck file, with what it replaced.

    `card` is the edited or added card as the loader now reads it (None for a drop), so
    that a caller can follow the change without parsing the whole deck again;
    `shifts` says, for each place the text changed, from which line (1-based, before
    the edit) later lines moved and by how many, for the line numbers of other cards;
    `listed_dropped` says that a drop also wrote the card's id under `dropped:`."""

    path: Path
    before: bytes
    after: bytes
    card_id: str = ""
    card: Card | None = None
    shifts: tuple[tuple[int, int], ...] = ()
    listed_dropped: bool = False

    def moved(self, line: int) -> int:
        """Where a line of the old text is now (for lines outside the changed ones)."""
        return line + sum(delta for start, delta in self.shifts if start <= line)

    def undo(self) -> None:
        try:
            current = read_regular_file(self.path, MAX_DECK_BYTES)
        except UnreadableFile as exc:
            raise EditError(f"{self.path}: cannot read the deck to undo ({exc.reason})") from None
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


# -- applying and writing ------------------------------------------------------------------


@dataclass(slots=True)
class _Splice:
    start: int  # first row replaced
    stop: int  # one past the last row replaced (== start: a pure insertion)
    lines: list[str]


def _apply(
    doc: DeckText,
    splices: list[_Splice],
    card_id: str = "",
    card_rows: tuple[int, int] | None = None,
    listed_dropped: bool = False,
) -> Edit:
    """Splice, check the changed card, write. `card_rows`: the card's first and last row, after."""
    lines = list(doc.lines)
    for splice in sorted(splices, key=lambda s: (s.start, s.stop), reverse=True):
        lines[splice.start : splice.stop] = splice.lines
    new = DeckText(doc.path, doc.raw, doc.bom, doc.newline, lines, doc.root)
    _check_syntax(new)
    card = _checked_card(new, card_rows) if card_rows is not None else None
    after = new.encoded()
    _save(doc.path, after)
    shifts = tuple(
        (splice.start + 1, len(splice.lines) - (splice.stop - splice.start))
        for splice in splices
        if len(splice.lines) != splice.stop - splice.start
    )
    return Edit(doc.path, doc.raw, after, card_id, card, shifts, listed_dropped)


def _check_syntax(doc: DeckText) -> None:
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


def _checked_card(doc: DeckText, rows: tuple[int, int]) -> Card | None:
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
        yaml_text.write_atomically(path, data)
    except OSError as exc:
        raise EditError(
            f"{path}: cannot save ({exc.strerror or exc}); nothing was changed. "
            "Copy the decks folder somewhere you can write and open it with --decks"
        ) from None


# -- the edits -------------------------------------------------------------------------------


def update_card(path: Path, card_id: str, changes: Mapping[str, FieldValue | None]) -> Edit:
    """Set (or, with None, remove) fields of one card; every other line stays as it was."""
    doc = read_text(path)
    card = find_card(doc, card_id)
    splices = _card_splices(doc, card, changes)
    first = dash_row(doc, card)
    last = end_row(doc, card, card.start_mark.line)
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


def _card_splices(
    doc: DeckText, card: MappingNode, changes: Mapping[str, FieldValue | None]
) -> list[_Splice]:
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
            end = end_row(doc, node, row)
            if value is None:
                splices.append(_Splice(row, end + 1, []))
                removed_rows.append(row)
            else:
                prefix = doc.lines[row][: key.start_mark.column]
                comment = trailing_comment(doc, node, end)
                line = f"{prefix}{name}: {_value_text(value, name)}{comment}"
                splices.append(_Splice(row, end + 1, [line]))
        elif value is not None:
            line = f"{indent}{name}: {_value_text(value, name)}"
            (trailing if name in TRAILING_FIELDS else inserts).append(line)
    last_row = end_row(doc, card, card.start_mark.line)
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
            row = end_row(doc, anchor[1], anchor[0].start_mark.line) + 1 if anchor else last_row + 1
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


def drop_card(path: Path, card_id: str, remember: bool = True) -> Edit:
    """Remove the card and, with `remember`, record its id in the deck's `dropped:` list (one
    edit, one write) so that `generate` never brings it back. A card the generator did not
    write has nothing to remember: it is only removed."""
    doc = read_text(path)
    card = find_card(doc, card_id)
    first = dash_row(doc, card)
    last = end_row(doc, card, card.start_mark.line)
    stop = last + 1
    cards_key = top_field(doc.root, "cards")  # type: ignore[arg-type]
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
    if remember:
        splices.append(_dropped_splice(doc, card_id))
    return _apply(doc, splices, card_id, listed_dropped=remember)


def _dropped_splice(doc: DeckText, card_id: str) -> _Splice:
    found = top_field(doc.root, "dropped")  # type: ignore[arg-type]
    ids: list[str] = []
    if found is not None and isinstance(found[1], SequenceNode):
        ids = [item.value for item in found[1].value if isinstance(item, ScalarNode)]
    if card_id not in ids:
        ids.append(card_id)
    return _deck_field_splice(doc, "dropped", render(ids))


def _deck_field_splice(doc: DeckText, name: str, value: str) -> _Splice:
    """Set a top-level field: its own line(s) replaced, or a new line just above `cards:`."""
    root = doc.root
    assert isinstance(root, MappingNode)
    found = top_field(root, name)
    if found is None:
        cards = top_field(root, "cards")
        row = cards[0].start_mark.line if cards else len(doc.lines)
        prefix = doc.lines[row][: cards[0].start_mark.column] if cards else ""
        return _Splice(row, row, [f"{prefix}{name}: {value}"])
    key, node = found
    row = key.start_mark.line
    end = end_row(doc, node, row) if not (isinstance(node, ScalarNode) and not node.value) else row
    prefix = doc.lines[row][: key.start_mark.column]
    comment = trailing_comment(doc, node, end)
    return _Splice(row, end + 1, [f"{prefix}{name}: {value}{comment}"])


def set_study(path: Path, reviewed_only: bool) -> Edit:
    """`study: reviewed` (students see reviewed cards only) or `study: all`."""
    doc = read_text(path)
    return _apply(doc, [_deck_field_splice(doc, "study", "reviewed" if reviewed_only else "all")])


def add_card(path: Path, fields: Mapping[str, FieldValue], after_id: str | None = None) -> Edit:
    """Append a new card (after `after_id`, else at the end of the list) in the deck's layout."""
    doc = read_text(path)
    listed = top_field(doc.root, "cards")  # type: ignore[arg-type]
    if (
        listed is not None
        and isinstance(listed[1], SequenceNode)
        and listed[1].flow_style
        and listed[1].value
    ):
        raise EditError(f"{path.name}: the cards are written inside [ ]; add this card in your editor")
    cards = [c for c in card_nodes(doc.root) if isinstance(c, MappingNode)]  # type: ignore[arg-type]
    if cards and not cards[0].flow_style:
        first_key = cards[0].value[0][0]
        dash = dash_row(doc, cards[0])
        dash_col = doc.lines[dash].index("-")
        item_indent, key_indent = " " * dash_col, " " * first_key.start_mark.column
    else:
        item_indent, key_indent = "  ", "    "
    rendered = [f"{name}: {_value_text(value, name)}" for name, value in fields.items()]
    block = [f"{item_indent}- {rendered[0]}", *(f"{key_indent}{line}" for line in rendered[1:])]
    if not cards:
        found = top_field(doc.root, "cards")  # type: ignore[arg-type]
        if found is None:
            raise EditError(f"{path.name} has no `cards:` list; add one first")
        key, node = found
        row = key.start_mark.line
        if isinstance(node, ScalarNode) or (isinstance(node, SequenceNode) and node.flow_style):
            prefix = doc.lines[row][: key.start_mark.column]
            splice = _Splice(row, end_row(doc, node, row) + 1, [f"{prefix}cards:", *block])
            return _apply(doc, [splice], str(fields.get("id", "")), (row + 1, row + len(block)))
        raise EditError(f"{path.name}: cannot find where to add the card")
    anchor = cards[-1]
    if after_id is not None:
        anchor = next((c for c in cards if (f := top_field(c, "id")) and f[1].value == after_id), anchor)
    row = end_row(doc, anchor, anchor.start_mark.line) + 1
    return _apply(
        doc, [_Splice(row, row, ["", *block])], str(fields.get("id", "")), (row + 1, row + len(block))
    )
