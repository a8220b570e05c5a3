"""Generation speed: the five seeds, and 100 renamed copies of them, measured in one run.

    .venv/bin/python benchmarks/bench_generate.py [--copies N] [--runs N]

Prints each figure and the 100× time as a multiple of the 5-seed time measured in the same
run (the bar: five seeds under 1 s; 100× the input in roughly 100× the time, not worse).
Each run writes into a fresh temporary folder, so merge and write are included.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
