"""Smoke test for benchmarks/bench_interchange.py: it runs end to end on a small deck (its speed is
measured by `make bench`, never asserted here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_interchange.py"


def test_the_interchange_benchmark_runs_and_reports_its_ratios(capsys):
    spec = importlib.util.spec_from_file_location("bench_interchange_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(cards=40, repeat=1) == 0
    out = capsys.readouterr().out
    assert "interchange: 40 cards" in out
    assert out.count("× baseline") == 4
