"""Card text that YAML reads otherwise than a teacher wrote it, though the file is valid YAML.

Two slips lose or change text without any error:
- a comma inside `[ ]` starts a new item, so `accept: [1500, 1,500]` accepts "1" and "500"
  (and a learner typing "1" is right);
- ` #` starts a comment, so `question: Which came first? #1 or #2` is studied as
  "Which came first?".
Both are warnings with the line written so that it means what it says. The loader keeps
YAML's reading rather than repairing it: the file means the same to every tool that reads
it (an editor's highlighting, git diffs, an export), and the fix is one edit away.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caucasusquiz.decks.model import Problem, ProblemKind, Severity
from caucasusquiz.decks.syntax_hints import double_quoted, shown

# `1` or `$1` before the comma, `500` or `500 people` after it: a number's thousands.
_BEFORE_COMMA = re.compile(r"(?:^|[^\d.,])\d{1,3}$")
_AFTER_COMMA = re.compile(r"^\d{3}(?!\d)")
# ` #1`, ` #seats`: a `#` glued to a word after a space. `  # a note` is a deliberate comment.
_GLUED_COMMENT = re.compile(r"^\s+#[^\s#]")


def text_slips(root: Node, lines: list[str], path: Path) -> list[Problem]:
    """Warnings for the cards' values under `cards:` in a deck's node tree."""
    problems: list[Problem] = []
    for key, value in _card_fields(root):
        if isinstance(value, SequenceNode) and value.flow_style:
            problems.extend(_split_numbers(key.value, value, lines, path))
        elif isinstance(value, ScalarNode):
            problem = _comment_cut(key.value, value, lines, path)
            if problem is not None:
                problems.append(problem)
    return problems


def _card_fields(root: Node) -> Iterator[tuple[ScalarNode, Node]]:
    if not isinstance(root, MappingNode):
        return
    for key, cards in root.value:
        if not (isinstance(key, ScalarNode) and key.value == "cards" and isinstance(cards, SequenceNode)):
            continue
        for card in cards.value:
            if isinstance(card, MappingNode):
                yield from ((k, v) for k, v in card.value if isinstance(k, ScalarNode))


def _split_numbers(name: str, items: SequenceNode, lines: list[str], path: Path) -> Iterator[Problem]:
    """`[1500, 1,500]`: runs of plain items that were one number with a thousands comma; one
    warning a line, its fix quoting every such number on it."""
    scalars = [item for item in items.value if isinstance(item, ScalarNode)]
    runs_by_line: dict[int, list[list[ScalarNode]]] = {}
    index = 0
    while index < len(scalars):
        run = [scalars[index]]
        while index + len(run) < len(scalars) and _glued_by_comma(run[-1], scalars[index + len(run)], lines):
            run.append(scalars[index + len(run)])
        if len(run) > 1:
            runs_by_line.setdefault(run[0].start_mark.line, []).append(run)
        index += len(run)
    for row, runs in runs_by_line.items():
        yield _split_problem(name, row, runs, lines, path)


def _glued_by_comma(left: ScalarNode, right: ScalarNode, lines: list[str]) -> bool:
    if left.style or right.style:  # quoted: written as meant (plain is None, or "" from libyaml)
        return False
    end, start = left.end_mark, right.start_mark
    if end.line != start.line or start.column != end.column + 1:
        return False
    line = lines[end.line] if end.line < len(lines) else ""
    return (
        line[end.column : end.column + 1] == ","
        and bool(_BEFORE_COMMA.search(left.value))
        and bool(_AFTER_COMMA.match(right.value))
    )


def _split_problem(
    name: str, row: int, runs: list[list[ScalarNode]], lines: list[str], path: Path
) -> Problem:
    fixed = lines[row]
    for run in reversed(runs):  # from the right, so that the columns to the left still hold
        start, end = run[0].start_mark.column, run[-1].end_mark.column
        fixed = fixed[:start] + double_quoted(",".join(item.value for item in run)) + fixed[end:]
    items = "; ".join(" and ".join(repr(item.value) for item in run) for run in runs)
    return Problem(
        path,
        row + 1,
        f"`{name}` items {items} look like one number split at its comma: inside [ ] a comma "
        "starts a new item",
        f"put the number in quotes: {shown(fixed.strip())}",
        Severity.WARNING,
        kind=ProblemKind.SPLIT_AT_COMMA,
    )


def _comment_cut(name: str, value: ScalarNode, lines: list[str], path: Path) -> Problem | None:
    """`question: Which came first? #1 or #2`: YAML keeps "Which came first?" only."""
    if value.style or value.start_mark.line != value.end_mark.line or not value.value:
        return None
    row = value.end_mark.line
    line = lines[row] if row < len(lines) else ""
    rest = line[value.end_mark.column :]
    if not _GLUED_COMMENT.match(rest):
        return None
    whole = value.value + rest.rstrip()
    fixed = line[: value.start_mark.column] + double_quoted(whole)
    return Problem(
        path,
        row + 1,
        f"`{name}` stops before {rest.strip()!r}: after a space, # starts a comment, and the rest "
        "of the line is not part of the card",
        f"put the whole value in quotes to keep it: {shown(fixed.strip())}",
        Severity.WARNING,
        kind=ProblemKind.COMMENT_CUTS_TEXT,
    )
