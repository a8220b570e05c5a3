"""Byte-identical output, and regenerating never destroys a hand edit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.manifest import MANIFEST
from caucasusquiz.errors import UserError
from caucasusquiz.generator.pipeline import generate


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_generating_twice_gives_byte_identical_files(seeds_dir: Path, tmp_path: Path):
    generate([seeds_dir], tmp_path / "a")
    generate([seeds_dir], tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    before = snapshot(tmp_path / "a")
    report = generate([seeds_dir], tmp_path / "a")  # again, in place
    assert snapshot(tmp_path / "a") == before
    assert report.merge.files_changed == [] and not report.merge.kept_edited


def test_every_generated_deck_reads_without_errors_or_warnings(generated_decks: Path):
    files = sorted(generated_decks.glob("*.yaml"))
    assert 6 <= len(files) <= 8
    for path in files:
        loaded = read_deck(path)
        assert loaded.deck is not None and loaded.deck.cards, path
        assert loaded.problems == [], [str(p) for p in loaded.problems]
    manifest = json.loads((generated_decks / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["decks"]) == {p.stem for p in files}


def test_every_card_cites_its_sentence_and_few_share_one(generated_decks: Path):
    from caucasusquiz.decks import load_collection

    contexts: dict[tuple[str | None, str | None], int] = {}
    for card in load_collection([generated_decks]).cards:
        assert card.source and card.context
        file, _, line = card.source.rpartition(":")
        assert file.endswith(".txt") and line.isdigit()
        contexts[(card.source, card.context)] = contexts.get((card.source, card.context), 0) + 1
    shared = sum(n for n in contexts.values() if n > 1)
    assert shared <= 0.05 * sum(contexts.values())  # one fact, one card


EDITED_FROM = 'question: "What right did the foreign appropriations legislation of 2002 '
EDITED_TO = 'question: "What right did the 2002 appropriations law '
HAND_CARD = """\
  # Added by the teacher, with a comment that must survive.
  - id: teacher-card
    question: "Which city hosts the U.S. embassy?"
    answer: "Baku"

"""


def _edit(deck: Path) -> str:
    text = deck.read_text(encoding="utf-8")
    assert EDITED_FROM in text
    text = text.replace(EDITED_FROM, EDITED_TO)
    first_card = text.index("  - id:")
    text = text[:first_card] + HAND_CARD + text[first_card:]
    deck.write_text(text, encoding="utf-8")
    return text


def test_hand_edits_added_cards_and_comments_survive(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "decks"
    generate([seeds_dir], out)
    deck = out / "karabakh-907.yaml"
    edited = _edit(deck)
    report = generate([seeds_dir], out)
    assert deck.read_text(encoding="utf-8") == edited  # byte for byte
    assert ("karabakh-907", "teacher-card") in report.merge.kept_added
    assert len(report.merge.kept_edited) == 1
    assert read_deck(deck).problems == []
    # And it stays so on every later run.
    generate([seeds_dir], out)
    assert deck.read_text(encoding="utf-8") == edited


def test_a_vanished_source_removes_unedited_cards_and_keeps_edited_ones(seeds_dir: Path, tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    out = tmp_path / "decks"
    generate([seeds], out)
    deck = out / "karabakh-907.yaml"
    _edit(deck)  # edits a card from seed 004
    (seeds / "004_0090684c75a18b22.txt").unlink()
    report = generate([seeds], out, prune=True)
    sources = [src for _, _, src in report.merge.removed]
    assert sum(src.startswith("004_") for src in sources) >= 5
    kept = report.merge.vanished_kept
    assert len(kept) == 1 and kept[0][0] == "karabakh-907" and kept[0][2].startswith("004_")
    text = deck.read_text(encoding="utf-8")
    assert EDITED_TO in text and "teacher-card" in text
    assert "# Added by the teacher" in text
    # The seed's only card left in any deck is the edited one (the teacher's edited header,
    # kept as written, may still name the seed).
    everything = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.yaml"))
    assert everything.count('source: "004_0090684c75a18b22.txt') == 1
    lines = "\n".join(report.lines())
    assert "Kept because edited, though no longer generated from their source line (1):" in lines
    assert "Removed" in lines


def test_a_card_deleted_by_hand_stays_deleted(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "decks"
    generate([seeds_dir], out)
    deck = out / "security.yaml"
    text = deck.read_text(encoding="utf-8")
    start = text.index("  - id:")
    end = text.index("  - id:", start + 1)
    card_id = text[start:end].split()[2]
    deck.write_text(text[:start] + text[end:], encoding="utf-8")
    report = generate([seeds_dir], out)
    assert card_id not in deck.read_text(encoding="utf-8")
    assert ("security", card_id) in report.merge.deleted_by_hand


def test_a_broken_deck_stops_the_run_before_anything_is_written(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "decks"
    generate([seeds_dir], out)
    (out / "security.yaml").write_text("title: x\ncards:\n  - id: [unclosed\n", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(UserError, match=r"security\.yaml:\d+: cannot merge"):
        generate([seeds_dir], out)
    assert snapshot(out) == before


def test_removed_cards_leave_no_runs_of_blank_lines(seeds_dir: Path, tmp_path: Path):
    """A teacher opening a deck after many regenerations sees one blank line between cards."""
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    out = tmp_path / "decks"
    generate([seeds], out)
    _edit(out / "karabakh-907.yaml")  # keeps a teacher's card, so the deck survives
    (seeds / "004_0090684c75a18b22.txt").unlink()
    generate([seeds], out, prune=True)
    deck = out / "karabakh-907.yaml"
    deck.write_text(
        deck.read_text(encoding="utf-8").replace("\n\n  - id:", "\n\n\n\n  - id:"), encoding="utf-8"
    )
    generate([seeds], out, prune=True)
    for path in out.glob("*.yaml"):
        assert "\n\n\n" not in path.read_text(encoding="utf-8"), path.name


def test_a_second_article_leaves_the_first_articles_cards_alone(seeds_dir: Path, tmp_path: Path):
    """A teacher adding articles one run at a time: the first article still exists, it was only
    not named this run, so its cards and deck files stay exactly as they were."""
    first, second = sorted(seeds_dir.glob("*.txt"))[:2]
    out = tmp_path / "decks"
    generate([first], out)
    before = snapshot(out)
    first_decks = {name for name in before if name.endswith(".yaml")}
    report = generate([second], out)
    assert report.merge.removed == [] and report.merge.files_removed == []
    after = snapshot(out)
    for name in first_decks:
        assert name in after, name
        for line in before[name].decode("utf-8").splitlines():
            if line.strip().startswith("- id:"):
                assert line in after[name].decode("utf-8"), (name, line)
    assert report.merge.kept_unread and all(
        src.startswith(first.name) for _, _, src in report.merge.kept_unread
    )
    lines = "\n".join(report.lines())
    assert "not part of this run" in lines and "Removed" not in lines
    # Moving the first article away (it no longer exists where it was found) does remove them.
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    copy = moved / first.name
    shutil.copy(first, copy)
    generate([copy], out)  # found at its new place: nothing of it is lost
    copy.unlink()
    report = generate([second], out, prune=True)
    assert report.merge.removed and all(src.startswith(first.name) for _, _, src in report.merge.removed)
