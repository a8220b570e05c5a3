"""Source viewer (`o`): finding a card's sentence on its source line, a 152-word wiki line.

The viewer weighs every sentence of the card's line (`card_sentence_columns`). Baseline:
finding the one sentence under the cursor (`sentence_under_cursor`, what `c` does: the
paragraph cleaned once and split into sentences), measured in the same run. Reading the
line costs about one such lookup since the paragraph is cleaned once for the whole line
(`sentences_on_line`); the per-word reading it replaced, one lookup per word of the line,
is measured here too for comparison.
Run with `make bench ARGS=source_viewer` or `python benchmarks/bench_source_viewer.py`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median_seconds, report
from caucasusquiz.authoring.cursor_sentence import sentence_under_cursor
from caucasusquiz.authoring.new_card import sentence_at
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.ui.screens.source import card_sentence_columns

SEED = Path(__file__).resolve().parent.parent / "seeds" / "004_0090684c75a18b22.txt"
ROW = 167  # line 168: 152 words, a paragraph of several sentences with a citation among them
CARD = Card(
    deck_id="bench",
    id="melia-foreign-ngos",
    type=CardType.QA,
    answer="limiting foreign NGO involvement",
    prompt="Which democratic transgression did Deputy Assistant Secretary Melia's statement list first?",
    source=f"{SEED.name}:{ROW + 1}",
    context="Deputy Assistant Secretary Melia's statement lists a number of democratic transgressions, "
    "including limiting foreign NGO involvement, incarcerating journalists and peaceful protestors, "
    "and withholding travel rights to activists.",
)


def main() -> int:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    line = lines[ROW]
    words = [word.start() for word in re.finditer(r"\S+", line)]
    print(f"source viewer: the card's sentence on a {len(words)}-word line ({SEED.name}:{ROW + 1})")
    baseline = median_seconds(lambda: sentence_under_cursor(lines, ROW, words[0]), repeat=15)
    report("one sentence under the cursor (baseline)", baseline)
    columns = median_seconds(lambda: card_sentence_columns(lines, ROW, CARD), repeat=15)
    report("card_sentence_columns: the card's sentence", columns, baseline, "baseline")
    per_word = median_seconds(lambda: [sentence_at(line, w, lines, ROW) for w in words], repeat=3)
    report("one lookup per word (the reading it replaced)", per_word, baseline, "baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
