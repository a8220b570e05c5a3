"""`export --format quiz-md`: a printable quiz with numbered options and the answer key at the end."""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.cli import main


def sheet(capsys, decks_dir: Path, *flags: str) -> str:
    assert main(["export", "--format", "quiz-md", "--decks", str(decks_dir), *flags]) == 0
    return capsys.readouterr().out


def test_questions_then_the_answer_key(capsys, decks_dir):
    text = sheet(capsys, decks_dir, "--deck", "history", "--questions", "5")
    body, key = text.split("## Answer key")
    assert body.startswith("# Quiz: Azerbaijan–United States relations: history")
    assert "Name: ___" in body
    assert "1. " in body and "5. " in body and "6. " not in body
    assert "Which pipeline did the U.S. back as the main route for Caspian oil?" in body
    btc = body.split("Which pipeline")[1].split("\n\n")[1]
    assert [line.strip()[:2] for line in btc.splitlines()] == ["1)", "2)", "3)", "4)"]
    right = next(line for line in btc.splitlines() if "Baku–Tbilisi–Ceyhan" in line).strip()[:2]
    assert f"{right} Baku–Tbilisi–Ceyhan" in key
    assert "Answer: ___" in body  # a typed question leaves a line to write on
    assert "Section 907" in key and "Section 907" not in body


def test_the_same_sheet_twice_and_no_markdown_accidents(capsys, decks_dir):
    first = sheet(capsys, decks_dir, "--questions", "3")
    assert first == sheet(capsys, decks_dir, "--questions", "3")
    assert "{{" not in first  # a cloze shows its blank, never the answer


def test_an_unknown_deck_is_an_error(capsys, decks_dir):
    assert main(["export", "--format", "quiz-md", "--deck", "nope", "--decks", str(decks_dir)]) == 1
    assert "no deck called 'nope'" in capsys.readouterr().err


def test_a_deck_for_reviewed_cards_only_keeps_its_drafts_off_the_sheet(capsys, decks_dir):
    deck = decks_dir / "history.yaml"
    text = deck.read_text(encoding="utf-8")
    # Only the pipeline card is signed off; the deck shows students reviewed cards only.
    text = text.replace("cards:", "study: reviewed\ncards:", 1)
    text = text.replace(
        "    distractors: [Nabucco, South Stream, Trans-Adriatic]\n",
        "    distractors: [Nabucco, South Stream, Trans-Adriatic]\n    reviewed: true\n",
        1,
    )
    deck.write_text(text, encoding="utf-8")
    body = sheet(capsys, decks_dir, "--deck", "history", "--questions", "5").split("## Answer key")[0]
    assert "Which pipeline did the U.S. back" in body
    assert "2. " not in body  # nothing else: the rest are drafts
