"""`caucasusquiz study --plain`: a whole session through stdin/stdout, and crash safety under kill -9."""

from __future__ import annotations

import io
import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caucasusquiz.cli import main


@pytest.fixture
def decks(tmp_path: Path, example_deck: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    shutil.copy(example_deck, folder / "history.yaml")
    return folder


def run_plain(monkeypatch, capsys, decks: Path, lines: list[str], *extra: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    code = main(["study", "--plain", "--decks", str(decks), *extra])
    return code, capsys.readouterr().out


def test_a_session_answers_rates_and_ends_with_a_summary(monkeypatch, capsys, decks):
    code, out = run_plain(
        monkeypatch,
        capsys,
        decks,
        [
            "woodrow wilsen",
            "",  # cloze, a typo: almost → suggested hard
            "907",
            "3",  # qa, accepted alternative
        ],
    )
    assert code == 0
    # A gap read aloud as a word, not as "left bracket, horizontal ellipsis, right bracket".
    assert "U.S. President [blank] met the Azerbaijani delegation in Paris in 1919." in out
    assert "Almost. The answer is: Woodrow Wilson." in out
    assert "Difference (yours → correct): " in out
    assert "Source: Azerbaijan–United States relations, line 21" in out  # its title, not its file name
    assert "Saved as hard" in out and "Saved as good" in out
    assert out.rstrip().splitlines()[-1].startswith("Studied 2 cards in ")
    # "(100% correct)" next to "1 almost" sounded wrong (new-user trial 6): it says what it counts.
    assert "1 right, 1 almost, 0 wrong (100% of answers right or almost)." in out


def test_choice_cards_list_numbered_options_and_reask_on_nonsense(monkeypatch, capsys, decks):
    code, out = run_plain(
        monkeypatch,
        capsys,
        decks,
        [
            "Woodrow Wilson",
            "4",
            "Section 907",
            "4",
            "banana",
            "Baku-Tbilisi-Ceyhan",
            "",  # nonsense is asked again; text answers work
        ],
    )
    assert code == 0
    assert "  1) " in out and "  4) " in out
    assert "Please answer with a number from 1 to 4" in out
    assert "Right. Baku–Tbilisi–Ceyhan" in out


def test_commands_undo_bury_and_quit(monkeypatch, capsys, decks, tmp_path):
    code, out = run_plain(
        monkeypatch,
        capsys,
        decks,
        [
            "Woodrow Wilson",
            "3",
            ":u",  # take back the first card
            "Woodrow Wilson",
            "4",
            ":s",  # bury the second
            ":q",
        ],
    )
    assert code == 0
    assert "Undone. That card again:" in out
    assert "Buried until tomorrow:" in out
    assert "Studied 1 card in" in out
    assert "not saved" not in out  # quit with nothing answered: nothing to warn about
    db = sqlite3.connect(Path(os.environ["CAUCASUSQUIZ_DATA_DIR"]) / "progress.sqlite3")
    assert db.execute("SELECT grade FROM reviews").fetchall() == [(4,)]


def test_end_of_input_at_the_rating_prompt_saves_nothing_unrated(monkeypatch, capsys, decks):
    code, out = run_plain(monkeypatch, capsys, decks, ["Roosevelt"])
    assert code == 0 and "Wrong." in out
    assert "Your last answer was not rated, so it was not saved." in out  # new-user trial 6
    assert out.rstrip().splitlines()[-1] == "No cards studied."
    assert "caught up" not in out and "No more cards" not in out
    assert stored_grades() == []


def test_quit_at_the_rating_prompt_keeps_the_rated_cards_only(monkeypatch, capsys, decks):
    code, out = run_plain(monkeypatch, capsys, decks, ["Woodrow Wilson", "3", "Section 907", ":q", "more"])
    assert code == 0
    assert "Studied 1 card in" in out
    # New-user trial 6: a student who answered and quit may think the answer counted.
    assert out.rstrip().splitlines()[-2] == "Your last answer was not rated, so it was not saved."
    assert "caught up" not in out and "No more cards" not in out  # new cards are waiting
    assert stored_grades() == [("wilson-1919", 3)]


def test_commands_are_never_answers(monkeypatch, capsys, decks):
    code, out = run_plain(monkeypatch, capsys, decks, [":h", ":x", "Woodrow Wilson", ":h", "3"])
    assert code == 0
    assert out.count("Commands: an empty line shows the answer") == 4  # start, :h, :x, :h
    assert "Unknown command ':x'" in out
    assert "Right. Woodrow Wilson" in out and "Wrong." not in out
    assert stored_grades() == [("wilson-1919", 3)]


def test_undo_at_the_rating_prompt_takes_back_the_answer_only(monkeypatch, capsys, decks):
    code, out = run_plain(
        monkeypatch,
        capsys,
        decks,
        ["Woodrow Wilson", "4", "Section 909", ":u", "Section 907", "3", ":q"],
    )
    assert code == 0
    assert "Answer taken back; nothing was saved. Try that card again:" in out
    # The card asked again is still card 2, and says so; the next one is card 3.
    assert out.count("Card 2 (") == 1 and out.count("Card 2 again (") == 1 and out.count("Card 3 (") == 1
    # The first card keeps its rating: undo took back only the answer on screen.
    assert stored_grades() == [("wilson-1919", 4), ("sec907", 3)]


def stored_grades() -> list[tuple[str, int]]:
    path = Path(os.environ["CAUCASUSQUIZ_DATA_DIR"]) / "progress.sqlite3"
    if not path.exists():
        return []
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT card_id, grade FROM reviews ORDER BY id").fetchall()
    finally:
        db.close()


def test_limit_and_deck_options(monkeypatch, capsys, decks):
    code, out = run_plain(monkeypatch, capsys, decks, ["x", "", "y", ""], "--limit", "1", "--deck", "history")
    assert code == 0 and "Studied 1 card" in out
    code = main(["study", "--plain", "--decks", str(decks), "--deck", "nope"])
    assert code == 1 and "no deck called 'nope'" in capsys.readouterr().err


class Conversation:
    """Talk to a real `caucasusquiz study --plain` process, waiting on its output (never sleeping)."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.proc = proc
        self.buffer = ""

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while text not in self.buffer:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"timed out waiting for {text!r}; got:\n{self.buffer}"
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 65536).decode()
                assert chunk, f"process ended while waiting for {text!r}:\n{self.buffer}"
                self.buffer += chunk
        self.buffer = self.buffer[self.buffer.index(text) + len(text) :]

    def send(self, line: str) -> None:
        self.proc.stdin.write(f"{line}\n".encode())
        self.proc.stdin.flush()


def test_kill_9_mid_session_loses_no_answered_card(decks, tmp_path):
    env = {**os.environ, "CAUCASUSQUIZ_DECKS": str(decks), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "caucasusquiz", "study", "--plain"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    talk = Conversation(proc)
    try:
        for answer in ("Woodrow Wilson", "Section 907", "2"):
            talk.wait_for("Answer")
            talk.send(answer)
            talk.wait_for("Rate:")
            talk.send("3")
            talk.wait_for("Saved as")
        talk.wait_for("Answer")  # the fourth card is on screen, waiting: mid-session
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    db = sqlite3.connect(Path(os.environ["CAUCASUSQUIZ_DATA_DIR"]) / "progress.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reviews = db.execute("SELECT card_id, grade FROM reviews ORDER BY id").fetchall()
    assert len(reviews) == 3 and all(grade == 3 for _, grade in reviews)
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 3


def test_undo_after_the_card_was_answered_in_another_session_is_refused_and_says_so(
    monkeypatch, capsys, decks
):
    from caucasusquiz.study.session import StudySession

    rate = StudySession.rate

    def rate_then_answered_elsewhere(self, rating=None):
        outcome = rate(self, rating)
        # Meanwhile another terminal on this profile answers the same card again.
        db = sqlite3.connect(Path(os.environ["CAUCASUSQUIZ_DATA_DIR"]) / "progress.sqlite3")
        with db:
            db.execute("UPDATE cards SET reps = reps + 1 WHERE card_id = ?", (outcome.card.id,))
        db.close()
        return outcome

    monkeypatch.setattr(StudySession, "rate", rate_then_answered_elsewhere)
    code, out = run_plain(monkeypatch, capsys, decks, ["Woodrow Wilson", "3", ":u", ":q"])
    assert code == 0
    assert "Not undone: that card was answered or changed in another session since your answer" in out
    assert "Undone." not in out
    assert stored_grades() == [("wilson-1919", 3)]


def test_a_deck_file_left_out_whole_is_named_with_its_card_count(monkeypatch, capsys, decks):
    (decks / "broken.yaml").write_text(
        'title: Broken\ncards:\n  - id: a\n    question: "Q?\n    answer: "A"\n  - {id: b, question: R?, answer: B}\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    main(["study", "--plain", "--decks", str(decks), "--new-profile", "s"])
    err = capsys.readouterr().err
    assert "Note: broken.yaml: whole file left out (2 cards) until the syntax error is fixed." in err


def test_an_answer_taken_back_after_seeing_it_is_rated_again_and_says_so(monkeypatch, capsys, decks):
    # newuser3 #3: reveal, undo, retype the shown answer: plain mode says what the app says.
    code, out = run_plain(monkeypatch, capsys, decks, ["", ":u", "Woodrow Wilson", "", ":q"])
    assert code == 0
    lines = out.splitlines()
    undone = lines.index(next(line for line in lines if line.endswith("Try that card again:")))
    assert "You saw the answer: rated Again unless you choose otherwise." in lines[undone + 1]
    assert (
        out.count("You saw the answer: rated Again unless you choose otherwise.") == 2
    )  # and at the feedback
    assert stored_grades() == [("wilson-1919", 1)]  # Enter accepted the suggestion: Again


def test_a_card_failed_and_shown_early_says_so_and_the_summary_counts_later_today(monkeypatch, capsys, decks):
    # Every card answered; the first one, failed, comes back before its minute is up.
    answers = ["nobody", "1", "907", "3", "2", "3", "t", "3", "1", "3", "", "1"]
    code, out = run_plain(monkeypatch, capsys, decks, answers)
    assert code == 0
    assert "Early: due in " in out and "shown now as nothing else is due." in out
    last = out.rstrip().splitlines()[-1]
    # Good on a new card is a learning step too: every card studied comes back today.
    # The first comes back a minute after it was failed; on a slow machine part of that minute
    # has passed by the summary, so the wait reads "1 min" or "<1 min".
    assert "0 due tomorrow. Later today 5 learning cards, the first due in " in last, last
    assert last.endswith(("due in 1 min.", "due in <1 min.")), last


def test_almost_against_an_accepted_form_names_that_form(monkeypatch, capsys, tmp_path):
    # New-user trial 6: "the military operation" was almost because it is one word short of
    # the accepted "the Karabakh military operation", but the difference was read right after
    # "The answer is: ..." as if it were to the answer: "the(nothing →  Karabakh) military operation".
    folder = tmp_path / "karabakh"
    folder.mkdir()
    (folder / "recent.yaml").write_text(
        "title: Recent\ncards:\n  - id: mammadov\n    question: Which action strained ties?\n"
        '    answer: "the anti-terrorist measures in Karabakh"\n'
        '    accept: ["the military operation in Karabakh", "the Karabakh military operation"]\n',
        encoding="utf-8",
    )
    code, out = run_plain(monkeypatch, capsys, folder, ["the military operation", ""])
    assert code == 0
    assert "Almost. The answer is: the anti-terrorist measures in Karabakh." in out
    assert "Closest accepted answer: the Karabakh military operation." in out
    assert "Difference (yours → accepted answer): the (nothing → Karabakh) military operation" in out


def test_answers_shown_are_counted_as_shown_not_wrong(monkeypatch, capsys, decks):
    # New-user trial 6: a piped run showing every answer, then rating Good, ended
    # "0 right, 0 almost, 30 wrong (0% correct). New cards: 14, 0 remembered."
    code, out = run_plain(monkeypatch, capsys, decks, ["", "3", "", "3"], "--limit", "2")
    assert code == 0
    last = out.rstrip().splitlines()[-1]
    assert last.startswith("Studied 2 cards in "), last
    assert (
        ": 0 right, 0 almost, 0 wrong, 2 answers shown. New cards: 2, 0 remembered, 2 answers shown." in last
    )


def test_a_failed_card_asked_again_says_again(monkeypatch, capsys, decks):
    # New-user trial 6: "Card 2" after "Card 4" sounded like going backwards.
    answers = ["nobody", "1", "907", "3", "2", "3", "t", "3", "1", "3", "", "1"]
    code, out = run_plain(monkeypatch, capsys, decks, answers)
    assert code == 0
    headers = [line.split(" (")[0] for line in out.splitlines() if line.startswith("Card ")]
    assert headers[:6] == ["Card 1", "Card 2", "Card 3", "Card 4", "Card 5", "Card 1 again"], headers


def test_true_false_prompt_names_t_and_f_and_a_hinted_gap_says_blank(monkeypatch, capsys, decks):
    code, out = run_plain(monkeypatch, capsys, decks, ["nobody", "1", "907", "3", "2", "3", "t", "3"])
    assert code == 0
    assert "Answer (1-2, t or f): " in out
    assert "Answer (1-4): " in out  # a choice card: no t or f
    assert "in Baku on [blank: month day, year]." in out
