"""Regeneration respects the author's review: reviewed cards, `dropped` ids, the teacher's card."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from caucasusquiz.generator.pipeline import generate

HEADER = 'title: "Teacher deck"\n'


def _cards(text: str) -> list[str]:
    """Each `- id:` item of a deck file, verbatim."""
    return re.findall(r"^  - id:.*?(?=^  - id:|\Z)", text, re.MULTILINE | re.DOTALL)


def _field(card: str, key: str) -> str:
    match = re.search(rf"^(?:    |  - ){key}: (.*)$", card, re.MULTILINE)
    assert match, card
    return match.group(1).strip().strip('"')


def _all_ids(out: Path) -> list[str]:
    return re.findall(r"^  - id: (\S+)", "".join(p.read_text("utf-8") for p in out.glob("*.yaml")), re.M)


def test_a_reviewed_card_is_kept_exactly_even_when_its_source_vanishes(seeds_dir: Path, tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    out = tmp_path / "decks"
    generate([seeds], out)
    deck = out / "karabakh-907.yaml"
    text = deck.read_text("utf-8")
    card = next(c for c in _cards(text) if "004_0090684c75a18b22.txt" in c)
    signed = card.replace("\n    source:", "\n    reviewed: 2026-11-29\n    source:", 1)
    deck.write_text(text.replace(card, signed), "utf-8")
    (seeds / "004_0090684c75a18b22.txt").unlink()
    report = generate([seeds], out, prune=True)
    after = deck.read_text("utf-8")
    assert signed.strip() in after  # byte for byte, mark and all
    card_id = _field(card, "id")
    assert any(kept_id == card_id for _, kept_id, _ in report.merge.vanished_kept)
    assert all(removed_id != card_id for _, removed_id, _ in report.merge.removed)


def test_an_id_in_a_decks_dropped_list_is_never_added_again(seeds_dir: Path, tmp_path: Path):
    first = tmp_path / "first"
    generate([seeds_dir], first)
    victim = _all_ids(first)[0]
    out = tmp_path / "decks"
    out.mkdir()
    (out / "teacher.yaml").write_text(
        HEADER + f"dropped: [{victim}]\ncards:\n  - id: own-card\n    type: qa\n"
        '    question: "Who wrote this deck?"\n    answer: "the teacher"\n',
        "utf-8",
    )
    report = generate([seeds_dir], out)
    assert victim not in _all_ids(out)
    assert victim in report.merge.dropped_by_author
    assert "listed in a deck's `dropped`" in "\n".join(report.lines())
    generate([seeds_dir], out)  # and on every later run
    assert victim not in _all_ids(out)


def test_a_deck_without_review_fields_merges_as_before(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "decks"
    generate([seeds_dir], out)
    report = generate([seeds_dir], out)
    assert report.merge.dropped_by_author == [] and report.merge.superseded == []


def _generated_card(seeds_dir: Path, tmp_path: Path) -> str:
    first = tmp_path / "first"
    generate([seeds_dir], first)
    return _cards((first / "karabakh-907.yaml").read_text("utf-8"))[2]


def test_the_teachers_card_supersedes_drafts_from_the_same_sentence(seeds_dir: Path, tmp_path: Path):
    draft = _generated_card(seeds_dir, tmp_path)
    context = _field(draft, "context")
    out = tmp_path / "decks"
    out.mkdir()
    # Same sentence, written with other spacing, case and punctuation, and another line.
    quoted = "  " + context.upper().replace(",", " ,").replace(".", "")
    (out / "teacher.yaml").write_text(
        HEADER + "cards:\n  - id: teachers-own\n    type: qa\n"
        '    question: "What did the protests become known as?"\n    answer: "the Velvet Revolution"\n'
        '    source: "elsewhere.txt:1"\n'
        f'    context: "{quoted}"\n',
        "utf-8",
    )
    report = generate([seeds_dir], out)
    everything = "".join(p.read_text("utf-8") for p in out.glob("*.yaml"))
    assert _field(draft, "id") not in _all_ids(out)
    assert everything.count(context) == 0  # no draft quotes the teacher's sentence
    assert _field(draft, "id") in report.merge.superseded
    assert "teachers-own" in everything


def test_a_card_quoting_no_sentence_supersedes_drafts_from_its_source_line(seeds_dir: Path, tmp_path: Path):
    draft = _generated_card(seeds_dir, tmp_path)
    source = _field(draft, "source")
    out = tmp_path / "decks"
    out.mkdir()
    (out / "teacher.yaml").write_text(
        HEADER + "cards:\n  - id: teachers-own\n    type: qa\n"
        '    question: "What were the protests called?"\n    answer: "the Velvet Revolution"\n'
        f'    source: "{source}"\n',
        "utf-8",
    )
    generate([seeds_dir], out)
    everything = "".join(p.read_text("utf-8") for p in out.glob("*.yaml"))
    assert f'source: "{source}"' not in everything.replace('source: "' + source + '"\n', "", 1)
    assert _field(draft, "id") not in _all_ids(out)


def test_an_edited_draft_supersedes_its_sentences_other_drafts_but_stays(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "decks"
    generate([seeds_dir], out)
    deck = out / "karabakh-907.yaml"
    text = deck.read_text("utf-8")
    card = _cards(text)[2]
    signed = card.replace("\n    source:", "\n    reviewed: true\n    source:", 1)
    deck.write_text(text.replace(card, signed), "utf-8")
    report = generate([seeds_dir], out)
    assert signed.strip() in deck.read_text("utf-8")
    assert _field(card, "id") not in report.merge.superseded


def test_a_deck_with_no_cards_left_still_keeps_its_dropped_ids_out(seeds_dir: Path, tmp_path: Path):
    first = tmp_path / "first"
    generate([seeds_dir], first)
    victim = _all_ids(first)[1]
    out = tmp_path / "decks"
    out.mkdir()
    (out / "teacher.yaml").write_text(HEADER + f"dropped: [{victim}]\ncards: []\n", "utf-8")
    generate([seeds_dir], out)
    assert victim not in _all_ids(out)


def test_a_teachers_context_quoting_the_sentences_around_it_still_supersedes(seeds_dir: Path, tmp_path: Path):
    draft = _generated_card(seeds_dir, tmp_path)
    context = _field(draft, "context")
    out = tmp_path / "decks"
    out.mkdir()
    # Teachers often quote the sentence with its neighbours, so the fact reads in context.
    paragraph = f"Before that, much else happened. {context} After that, more happened."
    (out / "teacher.yaml").write_text(
        HEADER + "cards:\n  - id: teachers-own\n    type: qa\n"
        '    question: "What did the protests become known as?"\n    answer: "the Velvet Revolution"\n'
        '    source: "elsewhere.txt:1"\n'
        f'    context: "{paragraph}"\n',
        "utf-8",
    )
    report = generate([seeds_dir], out)
    assert _field(draft, "id") not in _all_ids(out)
    assert _field(draft, "id") in report.merge.superseded


def test_a_fifo_among_the_teachers_decks_is_skipped_not_read_for_ever(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "decks"
    out.mkdir()
    os.mkfifo(out / "teacher.yaml")  # no writer: an open() for reading would wait for ever
    done = subprocess.run(
        [sys.executable, "-m", "caucasusquiz", "generate", str(seeds_dir), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert any(p.name != "teacher.yaml" for p in out.glob("*.yaml"))
