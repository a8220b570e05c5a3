"""A deck saved as `.yml` beside the generator's `.yaml` ones keeps its review state: its
`reviewed` marks, its drafts and its `dropped` ids count the same in `check`, in the author
screen's walk and in `generate`, whatever the extension."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from caucasusquiz.authoring.review import DraftReview
from caucasusquiz.cli import main
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.generator.pipeline import generate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DECK = "karabakh-907"


def _ids(text: str) -> list[str]:
    return re.findall(r"^  - id: (\S+)", text, re.MULTILINE)


def _reviewed_and_dropped(folder: Path) -> tuple[str, str, Path]:
    """Generated decks where the author signed off the deck's first card and dropped its
    second; the deck then saved as .yml. Returns the two ids and the renamed file."""
    generate([SEEDS], folder)
    deck = folder / f"{DECK}.yaml"
    text = deck.read_text("utf-8")
    signed, dropped = _ids(text)[:2]
    text = text.replace(f"  - id: {signed}\n", f"  - id: {signed}\n    reviewed: 2026-11-29\n", 1)
    start = text.index(f"  - id: {dropped}\n")
    end = text.find("\n  - id: ", start + 1)
    text = text[:start] + text[end + 1 :]
    text = text.replace("\ncards:\n", f"\ndropped: [{dropped}]\ncards:\n", 1)
    renamed = folder / f"{DECK}.yml"
    renamed.write_text(text, "utf-8")
    deck.unlink()
    return signed, dropped, renamed


@pytest.fixture(scope="module")
def drafts_as_yaml(tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many drafts the deck has left when it keeps its .yaml name."""
    folder = tmp_path_factory.mktemp("yaml")
    _, _, renamed = _reviewed_and_dropped(folder)
    as_yaml = renamed.rename(renamed.with_suffix(".yaml"))
    loaded = read_deck(as_yaml).deck
    assert loaded is not None
    return DraftReview([loaded], date(2026, 11, 30)).left


def test_check_and_the_author_walk_count_the_yml_decks_drafts_as_for_yaml(tmp_path, capsys, drafts_as_yaml):
    _, _, deck = _reviewed_and_dropped(tmp_path)
    assert main(["check", str(tmp_path), "--data-dir", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert f"{deck}: {drafts_as_yaml} of " in out  # the .yml file's drafts are drafts
    loaded = read_deck(deck).deck
    assert loaded is not None
    assert DraftReview([loaded], date(2026, 11, 30)).left == drafts_as_yaml


def test_generate_keeps_a_yml_decks_dropped_ids_and_writes_no_yaml_beside_it(tmp_path):
    signed, dropped, deck = _reviewed_and_dropped(tmp_path)
    before = deck.read_text("utf-8")
    report = generate([SEEDS], tmp_path)
    assert not (tmp_path / f"{DECK}.yaml").exists()  # no second deck of the same id
    after = deck.read_text("utf-8")
    assert dropped not in _ids(after)  # the author's drop holds
    assert dropped in report.merge.dropped_by_author
    assert f"  - id: {signed}\n    reviewed: 2026-11-29\n" in after  # the sign-off is kept
    assert after == before  # nothing new in the seeds: the file is left as it was
    listed = [line for line in report.lines() if f"  {DECK}." in line]
    assert listed and all(f"{DECK}.yml" in line for line in listed)  # the report names the file there
