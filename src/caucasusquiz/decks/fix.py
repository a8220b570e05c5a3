"""`check --fix`: give hand-written cards an id by inserting one line, leaving every other line alone.

Comments, key order, quoting and blank lines are the teacher's; a YAML round trip would
destroy them, so the fix edits the text at the card's position instead.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.ids import content_id
from caucasusquiz.decks.loader import MAX_DECK_BYTES, PROMPT_KEYS
from caucasusquiz.decks.remembered_ids import IdMemory, RememberedCard, generated_cards
from caucasusquiz.decks.yamlio import YamlProblem, compose
from caucasusquiz.errors import UserError
from caucasusquiz.files import UnreadableFile, read_regular_file, write_atomically


@dataclass(frozen=True, slots=True)
class IdFix:
    path: Path
    line: int
    new_id: str
    restored: bool = False  # the id the card had before its `id:` line was lost


def add_missing_ids_keeping_history(path: Path, cache: DeckCache) -> list[IdFix]:
    """`add_missing_ids` with the ids the file is known to have held: the deck cache's
    readings of it and the generator's record of the cards it wrote there."""
    return add_missing_ids(path, [*cache.remembered_cards(path), *generated_cards(path, path.stem)])


def add_missing_ids(path: Path, known: Iterable[RememberedCard] = ()) -> list[IdFix]:
    """Insert `id:` into every card of `path` that has none; returns what was added.

    A card that matches one of the `known` ids the file held (by prompt, else source line)
    gets that id back, so its progress is kept; only a card matched by none gets a new id.

    Files that are not valid YAML, or whose layout cannot be edited safely, are left
    untouched (`check` reports their problems). A file that cannot be written is a UserError,
    and is left as it was.
    """
    try:
        data = read_regular_file(path, MAX_DECK_BYTES)
        text = data.decode("utf-8-sig")
        root = compose(text)
    except (UnreadableFile, UnicodeDecodeError, YamlProblem):
        return []
    cards = _card_nodes(root)
    taken = {card_id for card in cards if (card_id := _id_of(card)) is not None}
    missing = [card for card in cards if _id_of(card) is None and "id" not in _keys(card)]
    if not missing:
        return []
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = _lines(text)
    # (the card's row, the id's row, lines added), rows as in the file before the fix:
    # from the bottom up, so that each edit leaves the rows above it where they were.
    memory = IdMemory(known, taken)
    edits: list[tuple[int, int, int, str, bool]] = []
    # Recalled in file order (a contested id goes to the first card), inserted bottom up.
    recalled = {
        id(card): memory.recall(_scalar(card, *PROMPT_KEYS), _scalar(card, "source")) for card in missing
    }
    for card in sorted(missing, key=lambda n: n.start_mark.index, reverse=True):
        old_id = recalled[id(card)]
        new_id = old_id or content_id(_card_words(card), taken)
        placed = _insert_id(lines, card, new_id, newline)
        if placed is None:
            continue
        taken.add(new_id)
        edits.append((card.start_mark.line, *placed, new_id, old_id is not None))
    # Said by the line the id is on in the fixed file: lines added above a card push it down.
    fixes = [
        IdFix(path, id_row + 1 + sum(e[2] for e in edits if e[0] < card_row), new_id, restored)
        for card_row, id_row, _, new_id, restored in edits
    ]
    if fixes:
        bom = "\ufeff" if data.startswith(codecs.BOM_UTF8) else ""  # kept, as every other byte is
        try:
            write_atomically(path, bom + "".join(lines))
        except OSError as exc:  # replaced whole or not at all: the file is as it was
            raise UserError(
                f"{path}: cannot write the new ids: {exc.strerror or exc}",
                "nothing in this file was changed; make the file and its folder writable, then run "
                "`caucasusquiz check --fix` again",
            ) from None
    return sorted(fixes, key=lambda f: f.line)


def _card_nodes(root: Node | None) -> list[MappingNode]:
    if not isinstance(root, MappingNode):
        return []
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "cards" and isinstance(value, SequenceNode):
            return [item for item in value.value if isinstance(item, MappingNode)]
    return []


def _keys(card: MappingNode) -> dict[str, object]:
    return {k.value: v for k, v in card.value if isinstance(k, ScalarNode)}


def _id_of(card: MappingNode) -> str | None:
    value = _keys(card).get("id")
    if isinstance(value, ScalarNode) and value.value.strip():
        return str(value.value).strip()
    return None


def _scalar(card: MappingNode, *names: str) -> str | None:
    keys = _keys(card)
    for name in names:
        value = keys.get(name)
        if isinstance(value, ScalarNode) and value.value.strip():
            return str(value.value)
    return None


def _card_words(card: MappingNode) -> str:
    keys = _keys(card)
    for name in ("question", "text", "statement", "answer"):
        value = keys.get(name)
        if isinstance(value, ScalarNode) and value.value.strip():
            return str(value.value).replace("{{", "").replace("}}", "")
    return "card"


# The line breaks YAML counts lines by (its marks' line numbers index this split).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _lines(text: str) -> list[str]:
    """The file's lines, each with its own line ending: a file with mixed endings (or old
    Mac \\r ones) is edited at the line YAML means, and written back with the endings it had."""
    lines, start = [], 0
    for found in _LINE_BREAK.finditer(text):
        lines.append(text[start : found.end()])
        start = found.end()
    lines.append(text[start:])
    return lines


def _insert_id(lines: list[str], card: MappingNode, new_id: str, newline: str) -> tuple[int, int] | None:
    """Write `id: new_id` into the card; the row the id went to and the number of lines
    added, or None when the card's layout is not one that can be edited safely."""
    row, col = card.start_mark.line, card.start_mark.column
    if row >= len(lines):
        return None
    line = lines[row]
    body = line.rstrip("\r\n\x85\u2028\u2029")
    ending = line[len(body) :]
    if card.flow_style:  # `- {question: ..., answer: ...}`: add the key just inside the brace
        if body[col : col + 1] != "{":
            return None
        lines[row] = f"{body[: col + 1]}id: {new_id}, {body[col + 1 :].lstrip()}{ending}"
        return row, 0
    prefix = body[:col]
    if prefix.strip() in ("", "-") or prefix.rstrip().endswith("-"):
        new_line = f"{prefix}id: {new_id}{ending or newline}"
        if prefix.strip():  # `  - question: ...` → `  - id: x` / `    question: ...`
            lines[row : row + 1] = [new_line, " " * col + body[col:] + ending]
            return row, 1
        dash_row = _onto_bare_dash(lines, row, col, new_id)
        if dash_row is not None:
            return dash_row, 0
        lines.insert(row, new_line)  # the first key sits below a bare `-`
        return row, 1
    return None


def _onto_bare_dash(lines: list[str], row: int, col: int, new_id: str) -> int | None:
    """`  - ` alone on its line (what is left after deleting a copied card's `id: x` as
    check's hint says), its first key on the next line: the id goes after the dash, in the
    column of the keys below, as `  - id: x`, like every other card. The dash line's ending,
    and every other line, stay as they were. Returns the dash's row, None if it cannot take it."""
    above = row - 1
    while above >= 0 and not lines[above].strip():  # blank lines between the dash and the key
        above -= 1
    if above < 0:
        return None
    body = lines[above].rstrip("\r\n\x85\u2028\u2029")
    dash = len(body) - len(body.lstrip(" "))
    # Only a bare dash left of the card's keys (a comment after it is the teacher's) with
    # room for `- ` before the id: `-` then keys one column further cannot take one.
    if body.rstrip() != f"{' ' * dash}-" or col < dash + 2:
        return None
    ending = lines[above][len(body) :]
    lines[above] = f"{body[: dash + 1]}{' ' * (col - dash - 1)}id: {new_id}{ending}"
    return above
