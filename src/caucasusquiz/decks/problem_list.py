"""Problems as a list to read: one line each, and a hint said once per file however many
problems share it (one merged card gives several errors with the same four-line hint)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from caucasusquiz.decks.model import Problem


def problems_text(problems: Iterable[Problem]) -> str:
    lines: list[str] = []
    said: dict[tuple[Path, str], int] = {}  # a hint, by file, and the line it was given for
    for problem in problems:
        lines.append(f"{problem.path}:{problem.line}: {problem.severity.value}: {problem.message}")
        if not problem.hint:
            continue
        key = (problem.path, problem.hint)
        if key in said:
            lines.append(f"    hint: as for line {said[key]} above")
        else:
            said[key] = problem.line
            lines.append(f"    hint: {problem.hint}")
    return "\n".join(lines)
