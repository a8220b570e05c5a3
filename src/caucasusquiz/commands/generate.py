"""`caucasusquiz generate [SEED ...] [--out DIR]`: seed documents in, decks out, hand edits kept.

Where things go, simply and predictably: SEED defaults to ./seeds when it exists, else
the seeds shipped with the app; the decks go to ./decks when the seeds are ./seeds,
else to the decks folder the app studies (--decks, $CAUCASUSQUIZ_DECKS, or the
shipped one, which is refused when it is the installed copy: edit a copy
from `caucasusquiz copy-decks`). A progress bar is drawn on stderr for large inputs, only on a terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from caucasusquiz import paths
from caucasusquiz.errors import UserError

PROGRESS_MIN_BYTES = 1024 * 1024
BAR_WIDTH = 30


def run(args: argparse.Namespace) -> int:
    from caucasusquiz.generator.pipeline import generate  # keeps `--help` fast

    seeds, out = _locations(args)
    progress = _ProgressBar(sys.stderr) if _wants_progress(seeds) else None
    try:
        report = generate(
            seeds, out, progress=progress, prune=bool(getattr(args, "prune", False)), confirm=_ask_at_terminal
        )
    finally:
        if progress is not None:
            progress.close()
    if getattr(args, "coverage", False):
        # The count matches the report's "not taught": each sentence read is taught or listed here.
        print(f"Sentences that gave no card, and why ({len(report.untaught)} of {report.sentences} read):")
        print("\n".join(f"  {line}" for line in report.coverage_lines()))
        if report.results_untaught:
            print("Infobox results that gave no card, and why:")
            print("\n".join(f"  {line}" for line in report.result_coverage_lines()))
    if getattr(args, "quiet", False):
        print(report.summary())
    else:
        print("\n".join(report.lines()))
        print(report.summary())
    return 0


def _ask_at_terminal(removing: int) -> bool:
    """At a terminal, ask before removing many cards; in a script, don't (use --prune)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    try:
        reply = input(f"This run would remove {removing} generated cards. Remove them? [y/N] ")
    except EOFError:
        return False
    return reply.strip().lower() in ("y", "yes")


def _locations(args: argparse.Namespace) -> tuple[list[Path], Path]:
    given = [Path(p) for p in getattr(args, "seeds", None) or []]
    local = Path("seeds")
    if given:
        seeds = given
    elif local.is_dir():
        seeds = [local]
    else:
        bundled = paths.bundled_dir("seeds")
        if bundled is None:
            raise UserError(
                "no seeds/ folder here and no seed documents shipped with the app",
                "name the seed files or folder: caucasusquiz generate SEED ...",
            )
        seeds = [bundled]
    if getattr(args, "out", None):
        out = Path(args.out)
    elif seeds == [local]:
        out = Path("decks")
    else:
        out = paths.resolve(
            decks=getattr(args, "decks", None), data_dir=getattr(args, "data_dir", None)
        ).decks
    if out.exists() and not out.is_dir():
        raise UserError(f"{out}: is a file, not a folder", "give --out a folder for the decks")
    return seeds, paths.writable_decks(out)


def _wants_progress(seeds: list[Path]) -> bool:
    if not sys.stderr.isatty():
        return False
    total = 0
    for seed in seeds:
        if seed.is_dir():
            total += sum(p.stat().st_size for p in seed.glob("*.txt") if p.is_file())
        elif seed.is_file():
            total += seed.stat().st_size
    return total > PROGRESS_MIN_BYTES


class _ProgressBar:
    """A one-line text bar, redrawn in place; no dependency, no colour."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent == self.shown:
            return
        self.shown = percent
        filled = BAR_WIDTH * percent // 100
        self.stream.write(f"\rreading seeds [{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {percent:3d}%")
        self.stream.flush()

    def close(self) -> None:
        if self.shown >= 0:
            self.stream.write("\n")
            self.stream.flush()
