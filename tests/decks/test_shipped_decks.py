"""The decks the project ships: signed off by a teacher, and what `generate` keeps as they are.

A teacher who installs the app studies these cards; a contributor who runs `caucasusquiz
generate` must not find the signed-off decks changed or refilled with drafts.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

from caucasusquiz.authoring.drafts import draft_counts
from caucasusquiz.decks.collection import deck_files, load_collection
from caucasusquiz.generator.pipeline import generate

ROOT = Path(__file__).resolve().parents[2]
DECKS = ROOT / "decks"
SEEDS = ROOT / "seeds"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_shipped_decks_read_cleanly_and_hold_no_drafts():
    collection = load_collection(deck_files([DECKS]), cache=None)
    assert [str(p) for p in collection.problems] == []
    assert draft_counts(collection.decks) == []
    cards = [card for deck in collection.decks for card in deck.cards]
    kinds = Counter(card.type for card in cards)
    # Issue 11 asks for 150. Four sweeps by editors (each new card judged by two blind reviewers)
    # and an audit for cards that ask one fact twice or give each other away left 102 distinct facts
    # in the five seeds, their link previews included, that pass the card rubric. Then 24 cards on
    # facts no card asked (23 from a teacher's list of what they would ask, written without seeing
    # the cards), and one older card they gave away went (125). Two more blind reviews then had
    # 14 of the new cards and one older one go as trivia, give-aways or ambiguous (110); two fresh
    # samples took five more of the new ones (105) and a whole-deck review two more (103). The rest
    # of that list would ask a fact twice or give another card's answer away; shipping fewer good
    # cards beats padding. This floor stops losses.
    assert len(cards) >= 103
    assert len(kinds) == 4, kinds  # question, cloze, multiple choice and true/false


def test_regenerating_the_seeds_over_the_shipped_decks_changes_nothing(tmp_path: Path):
    decks = tmp_path / "decks"
    shutil.copytree(DECKS, decks)
    before = _snapshot(decks)
    report = generate([SEEDS], decks)
    after = _snapshot(decks)
    manifest = ".generated.json"
    assert {k: v for k, v in after.items() if k != manifest} == {
        k: v for k, v in before.items() if k != manifest
    }, report.merge.files_changed
    # The manifest's cards stay; only `documents` (where each seed was found, relative to this
    # copy of the decks) may be new.
    assert json.loads(after[manifest])["decks"] == json.loads(before[manifest])["decks"]
