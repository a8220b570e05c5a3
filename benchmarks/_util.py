"""Small helpers shared by the benchmarks: timing and the 10,000-card test collection."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml


def median_seconds(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def report(name: str, seconds: float, baseline: float | None = None, baseline_name: str = "") -> None:
    line = f"  {name:<44} {seconds * 1000:10.2f} ms"
    if baseline:
        line += f"   {seconds / baseline:6.2f}× {baseline_name}"
    print(line, flush=True)


def write_big_deck(path: Path, cards: int = 10_000, deck_index: int = 0) -> Path:
    """A realistic deck: all four card types, with sources and contexts like generated decks."""
    items = []
    for i in range(cards):
        common = {
            "id": f"card-{deck_index}-{i}",
            "source": f"004_0090684c75a18b22.txt:{i % 200 + 1}",
            "context": f"On March {i % 28 + 1}, 1992, fact number {i} about Azerbaijan–United "
            "States relations was recorded in the Caspian region.",
        }
        kind = i % 4
        if kind == 0:
            card = {"type": "cloze", "text": f"Fact {i}: the embassy opened in {{{{{1900 + i % 120}}}}}."}
        elif kind == 1:
            card = {
                "type": "qa",
                "question": f"Who signed agreement number {i}?",
                "answer": "Ilham Aliyev",
                "accept": ["Aliyev"],
            }
        elif kind == 2:
            card = {
                "type": "choice",
                "question": f"Which pipeline is number {i}?",
                "answer": "Baku–Tbilisi–Ceyhan",
                "distractors": ["Nabucco", "South Stream", "TAP"],
            }
        else:
            card = {"type": "truefalse", "statement": f"Statement {i} is true.", "answer": i % 2 == 0}
        items.append(
            {
                "id": common["id"],
                **card,
                "source": common["source"],
                "context": common["context"],
                "tags": ["bench"],
            }
        )
    deck = {
        "title": f"Benchmark deck {deck_index}",
        "description": "generated for benchmarks",
        "cards": items,
    }
    path.write_text(yaml.safe_dump(deck, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    return path
