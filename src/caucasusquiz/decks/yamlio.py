"""Reading YAML as data only.

Decks are composed into PyYAML nodes with the safe loader (the C one when libyaml is
present) and never constructed into arbitrary objects: the node tree keeps line
numbers for every key and value, which is what `caucasusquiz check` reports.
Aliases and non-standard tags are refused before anything is built, so an alias bomb
or `!!python/object` costs a few microseconds and executes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caucasusquiz.decks.model import ProblemKind
from caucasusquiz.decks.syntax_hints import MERGE_CONFLICT_HINT, merge_conflict_line, shown, syntax_hint

try:  # libyaml makes composing roughly ten times faster
    SafeLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader = yaml.SafeLoader

YAML_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (YAML_TAG + t for t in ("str", "int", "float", "bool", "null"))
SEQ, MAP = YAML_TAG + "seq", YAML_TAG + "map"
DATA_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, SEQ, MAP, YAML_TAG + "timestamp"})

TRUE_WORDS = frozenset({"true", "yes", "on", "y"})
FALSE_WORDS = frozenset({"false", "no", "off", "n"})


@dataclass(frozen=True, slots=True)
class YamlProblem(Exception):
    """A YAML file that cannot be read as plain data. `line` is 1-based."""

    line: int
    message: str
    hint: str | None = None
    kind: ProblemKind = field(default=ProblemKind.YAML_SYNTAX, kw_only=True)


def line_of(node: Node) -> int:
    """1-based line where a node starts."""
    return node.start_mark.line + 1


def compose(text: str) -> Node | None:
    """Parse YAML text into a node tree, or raise YamlProblem with the line to look at."""
    conflict = merge_conflict_line(text)
    if conflict is not None:  # a `git pull` that stopped half way: named, not a syntax puzzle
        raise YamlProblem(
            conflict,
            "unresolved git merge conflict (<<<<<<< / ======= / >>>>>>> lines)",
            MERGE_CONFLICT_HINT,
            kind=ProblemKind.MERGE_CONFLICT,
        )
    loader = SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _unclosed_quote(text, exc) or _describe_marked_error(exc, text) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlProblem(
            line,
            f"character U+{exc.character:04X} is not allowed in a deck file",
            "remove it; terminal escape sequences and control characters are never card text",
            kind=ProblemKind.FORBIDDEN_CHARACTER,
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    if root is not None:
        _refuse_unsafe_structure(root)
    return cast("Node | None", root)  # PyYAML's stubs say Any


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> YamlProblem | None:
    """`answer: "the Red Army` with no closing quote: YAML reads on into the next lines until
    the next quote and fails there, a line or more below the mistake ("did not find expected
    key"). A quoted value spanning lines that ends on the failing line is that runaway quote;
    point at the line it opened on and show the line closed."""
    mark = exc.problem_mark or exc.context_mark
    failing = mark.line if mark is not None else -1
    runaway = None
    try:
        # The pure-Python scanner: only on this error path, and it keeps each token's marks.
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > failing:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.end_mark.line > token.start_mark.line
            ):
                runaway = token
    except yaml.YAMLError:
        pass
    if runaway is None:
        return _unended_quote(text, exc)
    if runaway.end_mark.line != failing:
        return None
    return _quote_problem(text, runaway.start_mark.line, runaway.style or '"')


def _unended_quote(text: str, exc: yaml.MarkedYAMLError) -> YamlProblem | None:
    """A quote still open at the end of the file: YAML names where it opened (context_mark)."""
    if "quoted scalar" not in (exc.context or "") or exc.context_mark is None:
        return None
    opened = exc.context_mark
    lines = text.splitlines()
    line = lines[opened.line] if opened.line < len(lines) else ""
    return _quote_problem(text, opened.line, line[opened.column : opened.column + 1] or '"')


def _quote_problem(text: str, line_index: int, quote: str) -> YamlProblem:
    lines = text.splitlines()
    opened = lines[line_index].rstrip() if line_index < len(lines) else ""
    return YamlProblem(
        line_index + 1,
        f"YAML syntax error: the quote ({quote}) opened on this line is never closed, so the "
        "lines below are read as part of this value",
        f"close it at the end of the value: {shown(opened.strip() + quote)}",
    )


def _describe_marked_error(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    problem = exc.problem or "syntax error"
    mark = exc.problem_mark or exc.context_mark
    context_text = exc.context or ""
    if exc.context_mark is not None and any(w in context_text for w in ("flow", "quoted", "simple key")):
        # An unclosed quote or bracket, or `answer:A` read on as a key: point at where it began.
        mark = exc.context_mark
    line = mark.line + 1 if mark else 1
    hint = syntax_hint(problem, text.splitlines(), line - 1)
    context = f" ({exc.context})" if exc.context else ""
    return YamlProblem(line, f"YAML syntax error: {problem}{context}", hint)


def _refuse_unsafe_structure(root: Node) -> None:
    """Reject aliases, cycles and object-building tags, walking each node at most once."""
    seen: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise YamlProblem(
                line_of(node),
                "YAML anchors and aliases (&name / *name) are not allowed in decks",
                "write the value out in full where it is needed",
                kind=ProblemKind.UNSAFE_YAML,
            )
        seen.add(id(node))
        if node.tag not in DATA_TAGS:
            raise YamlProblem(
                line_of(node),
                f"YAML tag {node.tag.replace(YAML_TAG, '!!')!r} is not allowed: decks are data, "
                "never objects",
                "remove the tag",
                kind=ProblemKind.UNSAFE_YAML,
            )
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if key.tag == YAML_TAG + "merge":
                    raise YamlProblem(
                        line_of(key),
                        "YAML merge keys (<<) are not allowed in decks",
                        kind=ProblemKind.UNSAFE_YAML,
                    )
                stack.append(value)
                stack.append(key)
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))


def scalar_bool(node: ScalarNode) -> bool | None:
    word = node.value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None
