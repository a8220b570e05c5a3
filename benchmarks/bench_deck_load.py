"""Deck loading: a 10,000-card YAML deck, parsed and checked vs. read back from the cache.

Baseline: PyYAML's own safe C loader building plain Python objects from the same file,
measured in the same run. Run with `make bench` or `python benchmarks/bench_deck_load.py`.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median_seconds, report, write_big_deck
from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import load_deck
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.yamlio import SafeLoader


def main() -> int:
    print("deck load: 10,000 cards")
    with tempfile.TemporaryDirectory() as tmp:
        path = write_big_deck(Path(tmp) / "big.yaml")
        text = path.read_text(encoding="utf-8")
        print(f"  file: {len(text) / 1024 / 1024:.1f} MiB")

        def pyyaml_safe_c_load() -> object:
            loader = SafeLoader(text)
            try:
                return loader.get_single_data()
            finally:
                loader.dispose()

        data = pyyaml_safe_c_load()
        as_json = json.dumps(data)
        baseline = median_seconds(pyyaml_safe_c_load, repeat=3)
        report("PyYAML safe C loader (baseline)", baseline)
        report(
            "json.loads of the same data (reference)",
            median_seconds(lambda: json.loads(as_json)),
            baseline,
            "baseline",
        )
        checked = median_seconds(lambda: read_deck(path), repeat=3)
        report("read_deck: parse + check every field", checked, baseline, "baseline")
        cache = DeckCache(Path(tmp) / "cache")
        load_deck(path, cache)
        cached = median_seconds(lambda: load_deck(path, cache), repeat=7)
        report("load_deck from the cache (file unchanged)", cached, baseline, "baseline")
        assert len(load_deck(path, cache).deck.cards) == 10_000
    return 0


if __name__ == "__main__":
    sys.exit(main())
