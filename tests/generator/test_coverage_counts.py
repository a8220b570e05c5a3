"""The generate report's sentence counts add up: every sentence read is taught or not taught, once.

A sentence whose cards a later check drops (crowding, the same card from another sentence, a
give-away) was counted as taught and again as not taught: "7 read, 5 made into cards, 4 not
taught". A teacher reads these numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.generator.dedupe import CROWDED
from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.report import Report

ROOT = Path(__file__).resolve().parents[2]
MADE_UP = sorted((ROOT / "tests" / "generator" / "data").glob("*.txt"))

# A paragraph of four look-alike dates: two of its sentences make cards that crowding drops.
CROWDED_ARTICLE = (
    "Vestia–Lapland relations\n\n"
    "The Orla Accord was formally signed on 14 December 1931 in Penn.\n\n"
    "The Orla Accord, signed on December 14, 1931, ended the Lake War.\n\n"
    "A trade agreement was signed in June 1932. A fisheries agreement was signed in March 1933. "
    "A shipping agreement was signed in August 1934. A customs agreement was signed in May 1935.\n"
)


def adds_up(report: Report) -> None:
    assert report.taught + len(report.untaught) == report.sentences
    assert sum(report.rejected.values()) == len(report.untaught)


def test_a_sentence_whose_cards_are_crowded_out_is_counted_once_as_not_taught(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "vestia.txt").write_text(CROWDED_ARTICLE, encoding="utf-8")
    decks, report = build([tmp_path / "vestia.txt"])
    adds_up(report)
    cards = [d for _, drafts in decks.values() for d in drafts]
    # Taught: the sentences with a card in the deck, and no more.
    assert report.taught == len({d.context for d in cards}) == 3
    crowded = [text for _, reason, text in report.untaught if reason == CROWDED]
    assert crowded == [
        "A shipping agreement was signed in August 1934.",
        "A customs agreement was signed in May 1935.",
    ]
    code = main(["generate", str(tmp_path), "--out", str(tmp_path / "decks"), "--coverage"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Sentences: 7 read, 3 made into cards, 4 not taught" in out
    assert "Sentences that gave no card, and why (4 of 7 read):" in out
    listed = [line for line in out.splitlines() if line.startswith("  vestia.txt:")]
    assert len(listed) == 4


@pytest.mark.parametrize("path", [ROOT / "seeds", *MADE_UP], ids=lambda p: p.name)
def test_read_is_taught_plus_not_taught_on_the_seeds_and_every_made_up_article(path: Path) -> None:
    decks, report = build([path])
    adds_up(report)
    cards = [d for _, drafts in decks.values() for d in drafts]
    # Each taught sentence has a card in the decks: no more taught than cards' sentences.
    assert report.taught <= len({(d.source, d.context) for d in cards})


def test_a_sentence_whose_only_card_gives_another_away_is_not_taught(seeds_dir: Path) -> None:
    """Seed 000: the card of "And he reiterated …" is dropped as a give-away after the
    sentence made it; it was counted as taught and listed nowhere."""
    _, report = build([seeds_dir])
    reasons = {text[:30]: reason for _, reason, text in report.untaught}
    assert reasons["And he reiterated that the ret"] == "another card's question gives its answer away"
