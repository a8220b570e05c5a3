"""`caucasusquiz check` on a large collection: 10 deck files of 1,000 cards, one of them left out
whole by a syntax error and one with duplicate ids, so the summary's "left out" count is at work.

Baseline: `load_collection` reading and checking the same files once, measured in the same run;
`check` cannot do less than that, so its ratio to it is what check adds on top (the report it
prints, the drafts it counts). Run with `make bench ARGS=check` or `python benchmarks/bench_check.py`.
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import report, write_big_deck
from caucasusquiz.cli import main as cli_main
from caucasusquiz.decks.collection import deck_files, load_collection

DECKS = 10
CARDS_PER_DECK = 1_000


def write_collection(folder: Path) -> list[Path]:
    folder.mkdir()
    for index in range(DECKS):
        write_big_deck(folder / f"deck-{index:02}.yaml", CARDS_PER_DECK, index)
    broken = folder / "deck-00.yaml"  # an unclosed quote: the whole file is left out
    broken.write_text(broken.read_text(encoding="utf-8").replace("answer: Ilham Aliyev", 'answer: "Ilham', 1))
    duplicated = folder / "deck-01.yaml"  # two cards reuse another card's id
    text = duplicated.read_text(encoding="utf-8")
    duplicated.write_text(
        text.replace("id: card-1-1\n", "id: card-1-0\n").replace("id: card-1-2\n", "id: card-1-0\n")
    )
    return deck_files([folder])


def run_check(folder: Path) -> int:
    with contextlib.redirect_stdout(io.StringIO()) as out:
        status = cli_main(["check", str(folder)])
    summary = out.getvalue().splitlines()[-1]
    assert "left out" in summary, summary
    return status


def interleaved_medians(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Each timed in turn, so that a busy machine slows both alike (the ratio is the figure)."""
    first(), second()  # warm-up
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, times in ((first, samples[0]), (second, samples[1])):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
    return statistics.median(samples[0]), statistics.median(samples[1])


def main() -> int:
    print(f"check: {DECKS} deck files of {CARDS_PER_DECK:,} cards, one left out whole, two duplicate ids")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CAUCASUSQUIZ_DATA_DIR"] = str(Path(tmp) / "data")  # never the real data dir
        folder = Path(tmp) / "decks"
        files = write_collection(folder)
        megabytes = sum(path.stat().st_size for path in files) / 1024 / 1024
        print(f"  files: {megabytes:.1f} MiB")
        baseline, checked = interleaved_medians(
            lambda: load_collection(files, cache=None), lambda: run_check(folder), repeat=5
        )
        report("load_collection, one read per file (baseline)", baseline)
        report("caucasusquiz check FOLDER", checked, baseline, "baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
