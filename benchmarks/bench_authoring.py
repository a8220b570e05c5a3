"""Authoring: one decision (keep: a `reviewed` line written, checked, fsynced) on a 2,000-card deck.

Baseline: reading and checking that same deck once (`read_deck`), measured in the same run.
A decision costs about one such read: the file is composed once to find the card, the
new text's YAML syntax is checked with parser events only, and only the edited card is
checked as a card; the walk then follows the edit in memory instead of reading the deck
again. Generated decks have tens of cards, where a decision takes a few milliseconds.
Run with `make bench ARGS=authoring` or `python benchmarks/bench_authoring.py`.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median_seconds, report, write_big_deck
from caucasusquiz.authoring.review import DraftReview
from caucasusquiz.decks.loader import read_deck

CARDS = 2_000


def main() -> int:
    print(f"authoring: keep on a {CARDS:,}-card deck")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_big_deck(folder / "big.yaml", cards=CARDS)
        deck = read_deck(path).deck
        assert deck is not None
        manifest = {"format": 1, "decks": {"big": {"cards": {card.id: {} for card in deck.cards}}}}
        (folder / ".generated.json").write_text(json.dumps(manifest), encoding="utf-8")
        baseline = median_seconds(lambda: read_deck(path), repeat=5)
        report("read_deck of the deck (baseline)", baseline)
        review = DraftReview([deck], date(2026, 11, 29))
        keep = median_seconds(review.keep, repeat=15)
        report("keep: mark reviewed, check, write, fsync", keep, baseline, "baseline")
        assert review.left == CARDS - 16
    return 0


if __name__ == "__main__":
    sys.exit(main())
