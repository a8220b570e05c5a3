"""`--deck NAME`: an id, a file name, a title, or the unique start of one; a typo gets a did-you-mean."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.decks.collection import UnknownDeck, load_collection

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped():
    return load_collection([ROOT / "decks"])


@pytest.mark.parametrize(
    "name",
    ["early-history", "early-history.yaml", "Early history: 1919 to independence", "Early history", "early"],
)
def test_a_deck_is_found_by_id_file_title_or_the_unique_start_of_one(shipped, name):
    assert shipped.require_deck(name).id == "early-history"


def test_a_typo_gets_a_did_you_mean_and_the_list(shipped):
    with pytest.raises(UnknownDeck) as raised:
        shipped.require_deck("erly-history")
    assert str(raised.value) == "no deck called 'erly-history'"
    assert raised.value.hint and raised.value.hint.startswith("did you mean 'early-history'? decks: ")


def test_the_start_of_several_decks_names_them(write_deck):
    write_deck("title: Energy and oil\ncards: []\n", name="oil.yaml")
    write_deck("title: Energy security\ncards: []\n", name="gas.yaml")
    collection = load_collection([write_deck("title: Other\ncards: []\n", name="other.yaml").parent])
    with pytest.raises(UnknownDeck, match="'Energy' is the start of several decks: gas, oil"):
        collection.require_deck("Energy")


def test_plain_study_takes_the_start_of_a_title(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(
        ["study", "--plain", "--deck", "Early history", "--decks", str(ROOT / "decks"), "--new-profile", "s"]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "no deck called" not in out.err


def test_the_app_refuses_an_unknown_deck_before_taking_the_screen(capsys):
    """`study --deck` opens the full-screen app: a typo is a message on the terminal, not a toast."""
    assert main(["study", "--deck", "Erly history", "--decks", str(ROOT / "decks")]) == 1
    err = capsys.readouterr().err
    assert "no deck called 'Erly history'" in err and "did you mean 'early-history'?" in err


@pytest.mark.parametrize(
    ("typed", "meant"), [("Erly", "early-history"), ("Relations todya", "recent-relations")]
)
def test_a_misspelt_start_of_a_title_gets_a_did_you_mean(shipped, typed, meant):
    with pytest.raises(UnknownDeck) as raised:
        shipped.require_deck(typed)
    assert (raised.value.hint or "").startswith(f"did you mean {meant!r}?")
