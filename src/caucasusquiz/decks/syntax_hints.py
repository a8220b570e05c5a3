"""What to do about a YAML syntax error, said from the line it points at.

PyYAML names the parser's state ("did not find expected key"), not the teacher's mistake.
The mistakes behind it are few: a value that starts with a character YAML reads as syntax
([, {, a quote, @), a quoted value with the same quote inside it, or a line indented by a
space too many or too few. A hint shows the line as it should be written, when it can.
"""

from __future__ import annotations

import re

INDENTATION_HINT = (
    "check the indentation of this line and the one before: each card starts with `- ` in the "
    "same column, and its fields line up under its first field"
)
# `    question: value`, `  - id: value`: the field and its value as typed.
_FIELD_LINE = re.compile(r"^\s*(?:-\s+)?(\w[\w-]*):\s+(\S.*?)\s*$")
# `answer:A`, a field without the space after its colon (`http://` is not one).
_GLUED_FIELD = re.compile(r"^\s*(?:-\s+)?(\w[\w-]*):(?!//)(\S.*?)\s*$")
_INDENTATION_PROBLEMS = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
    "could not find expected ':'",
)


def syntax_hint(problem: str, lines: list[str], index: int) -> str | None:
    """The hint for PyYAML's `problem` found on `lines[index]` (0-based; the file's last line
    and beyond when YAML ran on to the end)."""
    if "tab" in problem:
        return "YAML indentation must use spaces, not tabs"
    if "found undefined alias" in problem:
        return "aliases (*name) are not supported in decks"
    line = lines[index] if 0 <= index < len(lines) else ""
    value = _value_hint(line)
    if value is not None:
        return value
    # `answer:A` is not a field: YAML reads on, and fails on the line after it.
    for suspect in (line, lines[index - 1] if 0 < index <= len(lines) else ""):
        glued = _GLUED_FIELD.match(suspect)
        if glued is not None:
            return f"put a space after the colon: {shown(f'{glued.group(1)}: {glued.group(2)}')}"
    if "mapping values are not allowed" in problem or any(p in problem for p in _INDENTATION_PROBLEMS):
        return INDENTATION_HINT
    return None


def _value_hint(line: str) -> str | None:
    """A value YAML cannot read as text, and the line written so that it can."""
    found = _FIELD_LINE.match(line)
    if found is None:
        return None
    field, value = found.groups()
    first = value[0]
    quoted = shown(f"{field}: {double_quoted(value)}")
    if first in "[{":
        kind = "list" if first == "[" else "mapping"
        read_as = f"a value starting with {first} is read as a {kind}"
        return f"{read_as}; to write it as text, put it in quotes: {quoted}"
    if first in "\"'" and _quote_ends_early(value):
        inner = _quoted_text(value)
        ends = f"the value ends at its second {first}, and the rest of the line cannot follow it"
        if first == "'":
            text = inner.replace("''", "'")  # the one escape single quotes have
            return f'{ends}; put it in " quotes instead: {shown(f"{field}: {double_quoted(text)}")}'
        if "\\" in inner:  # escapes mean something else in single quotes: no rewrite offered
            return f'{ends}; write each " inside the value as \\"'
        return f"{ends}; put it in ' quotes instead: {shown(f'{field}: {_single_quoted(inner)}')}"
    if first in "@`%":
        return f"a value cannot start with {first}; put it in quotes: {quoted}"
    if ": " in value:
        return f'a value containing ": " must be quoted: {quoted}'
    return None


def _quoted_text(value: str) -> str:
    """The text a value that opens with a quote closed too early means: `"He said "no""` is
    `He said "no"`, but `"Salt Wars" ended in which year?` keeps both its quotes: its first
    quote opens a quoted word, not the value."""
    quote = value[0]
    if len(value) < 2 or not value.endswith(quote):
        return value
    inner = value[1:-1]
    if quote == '"':
        first = inner.find('"')
        if first > 0 and not inner[first - 1].isspace():  # `Salt Wars" ended … "1702"`: a closing quote
            return value
    return inner


MERGE_MARKERS = ("<<<<<<<", "=======", ">>>>>>>")
MERGE_CONFLICT_HINT = (
    "keep the lines you want between the markers (<<<<<<< yours, ======= then theirs, "
    ">>>>>>> end) and delete the three marker lines, then run `caucasusquiz check`"
)
_MERGE_MARKER = re.compile(r"^(?:<{7}|={7}|>{7})(?:[ \t].*)?$")


def merge_conflict_line(text: str) -> int | None:
    """The 1-based line of the first git conflict marker, when the text has a conflict
    (a `<<<<<<<` line and a `>>>>>>>` line) left in it; None otherwise."""
    if "<<<<<<<" not in text or ">>>>>>>" not in text:  # the common case, without splitting lines
        return None
    lines = text.splitlines()
    markers = [number for number, line in enumerate(lines, start=1) if _MERGE_MARKER.match(line)]
    starts = [n for n in markers if lines[n - 1].startswith("<<<<<<<")]
    ends = [n for n in markers if lines[n - 1].startswith(">>>>>>>")]
    return starts[0] if starts and ends else None


LONGEST_SHOWN = 100


def shown(line: str) -> str:
    """A line quoted in a hint: whole when short, else its start and end (where the quotes
    go), so that a 5,000-character line does not become a 5,000-character hint."""
    if len(line) <= LONGEST_SHOWN:
        return line
    return f"{line[:50]} … {line[-40:]}"


def _quote_ends_early(value: str) -> bool:
    """`"He said "no""`: the quote that opens the value closes before the end of the line."""
    quote, index = value[0], 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":  # '' is a quote inside '…'
                index += 2
                continue
            rest = value[index + 1 :].strip()
            return bool(rest) and not rest.startswith("#")
        index += 1
    return False


def double_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
