"""Generation speed: the five seeds, 100 renamed copies of them, and one large document.

    .venv/bin/python benchmarks/bench_generate.py [--copies N] [--runs N] [--mib N]

Prints each figure and its ratio to a baseline measured in the same run. Bars: five seeds
under 1 s; 100× the input in roughly 100× the time; one 10 MiB document built from the
seeds at most 10× the time of a 1 MiB one and under 60 s (linear, not quadratic), also
when the whole document is on one line. Each run writes into a fresh temporary folder,
so merge and write are included.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from caucasusquiz.generator.furniture import is_end_matter
from caucasusquiz.generator.pipeline import generate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _time(seeds: Path, work: Path, name: str) -> tuple[float, int]:
    out = work / name
    start = time.perf_counter()
    report = generate([seeds], out)
    elapsed = time.perf_counter() - start
    shutil.rmtree(out)
    return elapsed, report.total_cards


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="copies of the seeds (100)")
    parser.add_argument("--runs", type=int, default=5, help="runs of the 5-seed case (5)")
    parser.add_argument("--mib", type=float, default=10, help="size of the large document (10)")
    args = parser.parse_args(list(argv) if argv is not None else [])
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as tmp:
        work = Path(tmp)
        _time(SEEDS, work, "warm-up")  # imports and regex compilation are not generation
        times = []
        cards = 0
        for run in range(args.runs):
            elapsed, cards = _time(SEEDS, work, f"run{run}")
            times.append(elapsed)
        base = statistics.median(times)
        size = sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
        print(
            f"5 seeds ({size / 1024:.0f} KiB, {cards} cards): {base:.3f} s (median of {args.runs}; bar < 1 s)"
        )
        many = work / "many"
        many.mkdir()
        for copy in range(args.copies):
            for seed in sorted(SEEDS.glob("*.txt")):
                shutil.copyfile(seed, many / f"{copy:03d}-{seed.name}")
        big, big_cards = _time(many, work, "many-out")
        ratio = big / base if base else float("inf")
        print(
            f"{args.copies}x the seeds ({size * args.copies / 1024 / 1024:.1f} MiB, "
            f"{big_cards} cards after dedupe): {big:.2f} s = {ratio:.0f}x the 5-seed time "
            f"(linear would be {args.copies}x)"
        )
        _large_documents(work, args.mib)
    return 0


def _body(path: Path) -> str:
    """A seed without its end matter ("See also", "References"), which ends a document."""
    lines = path.read_text(encoding="utf-8").splitlines()
    end = next((i for i, line in enumerate(lines) if is_end_matter(line.strip())), len(lines))
    return "\n".join(lines[:end])


def _one_document(work: Path, mib: float, one_line: bool) -> Path:
    """One seed file of about `mib` MiB, the seeds' paragraphs over and over."""
    text = "\n\n".join(_body(p) for p in sorted(SEEDS.glob("*.txt")))
    if one_line:
        text = " ".join(text.split())
    target = int(mib * 1024 * 1024)
    folder = work / f"doc-{mib}-{int(one_line)}"
    folder.mkdir()
    path = folder / "large.txt"
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < target:
            out.write(text)
            out.write(" " if one_line else "\n\n")
            written += len(text) + 2
    return folder


# Each large document is generated in a fresh process, as `caucasusquiz generate` runs:
# timing it after other runs in one process measures the allocator's leftovers too.
_FRESH = """
import sys, time
from pathlib import Path
from caucasusquiz.generator.pipeline import generate
generate([Path(sys.argv[3])], Path(sys.argv[2]) / "warm")  # imports and regex compilation
start = time.perf_counter()
report = generate([Path(sys.argv[1])], Path(sys.argv[2]) / "out")
print(time.perf_counter() - start, report.total_cards)
"""


def _time_fresh(folder: Path, work: Path, name: str) -> tuple[float, int]:
    out = work / name
    out.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", _FRESH, str(folder), str(out), str(SEEDS)],
        check=True,
        capture_output=True,
        text=True,
    )
    elapsed, cards = result.stdout.split()
    shutil.rmtree(out)
    return float(elapsed), int(cards)


def _large_documents(work: Path, mib: float) -> None:
    for one_line in (False, True):
        small_doc = _one_document(work, 1, one_line)
        # The 1 MiB baseline is short, so noise matters: the median of three runs.
        runs = [_time_fresh(small_doc, work, f"small-{int(one_line)}-{run}") for run in range(3)]
        small, small_cards = statistics.median(r[0] for r in runs), runs[0][1]
        big, big_cards = _time_fresh(_one_document(work, mib, one_line), work, f"big-{int(one_line)}")
        shape = "on one line" if one_line else "in paragraphs"
        print(
            f"one document {shape}: 1 MiB {small:.2f} s (median of 3; {small_cards} cards), "
            f"{mib:g} MiB {big:.2f} s ({big_cards} cards) = {big / small:.1f}x "
            f"(bar: <= {mib:g}x and < 60 s; each in a fresh process)"
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
