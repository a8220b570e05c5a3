"""`caucasusquiz docs [NAME]`: the guides (docs/*.md), installed with the app.

Hints and `--help` texts point at them by name (`caucasusquiz docs settings`), so a pip
user, who has no checkout, reads the same pages as a contributor.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.errors import UserError
from caucasusquiz.files import UnreadableFile, read_regular_file
from caucasusquiz.text import strip_forbidden

MAX_GUIDE_BYTES = 1024 * 1024


def guides() -> dict[str, Path]:
    """The guides by name (`settings` for settings.md); empty when none are installed."""
    folder = paths.bundled_dir("docs")
    if folder is None:
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.md"))}


def guide_title(path: Path) -> str:
    """The guide's first heading, without the `#`."""
    try:
        text = read_regular_file(path, MAX_GUIDE_BYTES).decode("utf-8", errors="replace")
    except UnreadableFile:
        return ""
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return ""


def run(args: argparse.Namespace) -> int:
    found = guides()
    if not found:
        raise UserError("the guides are not installed with this copy of caucasusquiz", "reinstall it")
    name = args.name
    if name is None:
        folder = next(iter(found.values())).parent
        width = max(len(n) for n in found)
        lines = [f"The guides, installed with caucasusquiz in {folder}:"]
        lines += [f"  {n:<{width}}  {guide_title(p)}" for n, p in found.items()]
        lines.append("Read one with: caucasusquiz docs NAME   (e.g. caucasusquiz docs settings | less)")
        print(strip_forbidden("\n".join(lines)))
        return 0
    key = name.removesuffix(".md").removeprefix("docs/").lower()
    starting = [guide for guide in found if guide.startswith(key)]
    if key not in found and len(starting) == 1:  # `docs deck` for deck-format: one guide begins so
        key = starting[0]
    if key not in found:
        close = difflib.get_close_matches(key, list(found), n=1)
        raise UserError(
            f"no guide called {name!r}; the guides: {', '.join(found)}",
            f"did you mean {close[0]!r}?" if close else "`caucasusquiz docs` lists them with their titles",
            exit_code=2,
        )
    try:
        text = read_regular_file(found[key], MAX_GUIDE_BYTES).decode("utf-8", errors="replace")
    except UnreadableFile as exc:
        raise UserError(f"cannot read {found[key]}: {exc}") from None
    sys.stdout.write(strip_forbidden(text))
    return 0
