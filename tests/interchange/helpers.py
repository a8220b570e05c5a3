"""Shared by the interchange tests: a decks folder to export, and cards compared by what a learner sees."""

from __future__ import annotations

import shutil
from pathlib import Path

from caucasusquiz.decks.collection import load_collection

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def make_decks(folder: Path) -> Path:
    """The shipped decks plus the documented example deck (hints, accepted answers, a description)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "decks").glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    shutil.copy(DATA / "example-deck.yaml", folder / "history.yaml")
    return folder


def card_facts(folder: Path, with_ids: bool = True, with_tags: bool = True) -> dict | list:
    """Every card of the decks in `folder` as (type, prompt, answer, accept, distractors, tags, source, context)."""
    collection = load_collection([folder])
    assert not collection.errors, collection.errors
    facts = {}
    for card in collection.cards:
        value = (
            card.type.value,
            card.prompt,
            card.answer,
            card.distractors,
            tuple(sorted(set(card.tags))) if with_tags else (),
        )
        facts[card.key] = value
    return facts if with_ids else sorted(facts.values())


def full_facts(folder: Path) -> dict:
    collection = load_collection([folder])
    assert not collection.errors, collection.errors
    return {
        card.key: (
            card.type.value,
            card.prompt,
            card.answer,
            card.accept,
            card.distractors,
            tuple(sorted(set(card.tags))),
            card.source,
            " ".join((card.context or "").split()) or None,
        )
        for card in collection.cards
    }
