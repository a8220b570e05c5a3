"""The study app as a learner uses it, driven by Pilot: keys in, screens and stored progress out."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from datetime import timedelta
from pathlib import Path

from caucasusquiz.ui.screens.browser import BrowserScreen
from caucasusquiz.ui.screens.dialogs import ConfirmScreen, MessageScreen
from caucasusquiz.ui.screens.help import HelpScreen
from caucasusquiz.ui.screens.home import HomeScreen
from caucasusquiz.ui.screens.review import ReviewScreen
from caucasusquiz.ui.screens.stats import StatsScreen
from caucasusquiz.ui.screens.summary import SummaryScreen

SIZE = (80, 24)


def content(app, selector: str) -> str:
    return str(app.screen.query_one(selector).content)


def shown(app, selector: str) -> str:
    """A widget's text as drawn on screen, line by line."""
    widget = app.screen.query_one(selector)
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(widget.region.reset_offset))


def reviews(data_dir: Path) -> list[tuple]:
    db = sqlite3.connect(data_dir / "progress.sqlite3")
    try:
        return db.execute("SELECT card_id, grade, verdict FROM reviews ORDER BY id").fetchall()
    finally:
        db.close()


async def opened(pilot) -> None:
    await pilot.app.opened.wait()
    await pilot.pause()


async def start_review(pilot) -> None:
    await opened(pilot)
    await pilot.press("enter")  # "All decks" is highlighted on the home screen
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReviewScreen)


async def edit_in_editor(pilot) -> None:
    """Ctrl+E on the card shown: the editor runs in a worker; wait until the app has read its edit."""
    await pilot.press("ctrl+e")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_home_lists_decks_with_counts(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#decks")
        assert table.row_count == 2
        assert "0 reviewed" in content(app, "#home-summary") and "5 new" in content(app, "#home-summary")


async def test_typed_card_right_then_next(app_factory, clock, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        assert "[ … ] met the Azerbaijani delegation" in content(app, "#prompt")
        await pilot.press(*"woodrow wilson")
        clock.mono += 20  # a considered answer: Good, not Easy
        await pilot.press("enter")
        assert content(app, "#feedback").startswith("✓ Right")
        # The document by its title (its first line), not a file name a student cannot place.
        assert "Source: Azerbaijan–United States relations, line 21" in content(app, "#source-line")
        assert "▶3 Good" in content(app, "#ratings")
        await pilot.press("enter")  # accept the suggestion
        assert "Freedom Support Act" in content(app, "#prompt")
    assert reviews(isolated_user_dirs) == [("wilson-1919", 3, "right")]


async def test_typed_card_wrong_and_rating_overridden(app_factory, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"roosevelt", "enter")
        feedback = content(app, "#feedback")
        assert feedback.startswith("✗ Wrong") and "Correct: Woodrow Wilson" in feedback
        assert "▶1 Again" in content(app, "#ratings")
        await pilot.press("2")
    assert reviews(isolated_user_dirs) == [("wilson-1919", 2, "wrong")]


async def test_typed_card_almost_shows_the_difference(app_factory, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilsen", "enter")
        feedback = content(app, "#feedback")
        assert feedback.startswith("≈ Almost") and "Correct: Woodrow Wilson" in feedback
        await pilot.press("enter")
    assert reviews(isolated_user_dirs) == [("wilson-1919", 2, "almost")]


async def test_empty_enter_reveals_the_answer(app_factory, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter")
        assert content(app, "#feedback").startswith("Answer")
        await pilot.press("enter")
    assert reviews(isolated_user_dirs) == [("wilson-1919", 1, "revealed")]


async def test_choice_and_true_false_are_answered_with_one_key(app_factory, isolated_user_dirs, clock):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "4", *"907", "enter", "4")
        screen = app.screen
        options = screen.session.options()
        assert "Which pipeline" in content(app, "#prompt")
        await pilot.press(str(options.index("Baku–Tbilisi–Ceyhan") + 1))
        assert content(app, "#feedback").startswith("✓ Right")
        assert "✓ " in content(app, "#options")
        clock.mono += 1  # the feedback was read
        await pilot.press("4")
        assert "True or false?" in content(app, "#prompt")
        await pilot.press("f")
        assert content(app, "#feedback").startswith("✗ Wrong")
        await pilot.press("enter")
    grades = reviews(isolated_user_dirs)
    assert [g[2] for g in grades] == ["right", "right", "right", "wrong"]


async def test_undo_brings_the_card_back_and_forgets_the_answer(app_factory, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "3")
        assert "Freedom Support Act" in content(app, "#prompt")
        await pilot.press("ctrl+z")  # while typing, the ctrl key works
        assert "[ … ] met the Azerbaijani delegation" in content(app, "#prompt")
        assert reviews(isolated_user_dirs) == []
        await pilot.press("enter", "u")  # in the feedback state, the plain key works
        assert reviews(isolated_user_dirs) == []


async def test_bury_and_suspend_move_on(app_factory, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("ctrl+b")
        assert "Freedom Support Act" in content(app, "#prompt")
        await pilot.press("ctrl+s")
        assert "Which pipeline" in content(app, "#prompt")
    db = sqlite3.connect(isolated_user_dirs / "progress.sqlite3")
    flags = dict(db.execute("SELECT card_id, suspended FROM cards").fetchall())
    assert flags == {"wilson-1919": 0, "sec907": 1}
    assert db.execute(
        "SELECT buried_until_ms IS NOT NULL FROM cards WHERE card_id = 'wilson-1919'"
    ).fetchone()[0]


async def test_ending_a_session_shows_the_summary(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"roosevelt", "enter", "1", "escape")
        assert isinstance(app.screen, SummaryScreen)
        numbers = shown(app, "#summary-numbers")
        assert "1 card in" in numbers and "0 right, 0 almost, 1 wrong" in numbers
        assert "Which section" not in shown(app, "#revisit-list")
        assert "U.S. President […] met" in shown(app, "#revisit-list")
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        assert "1 reviewed" in content(app, "#home-summary")


async def test_finishing_every_card_ends_in_the_summary(app_factory):
    app = app_factory(study=True, deck="history", limit=2)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press(*"woodrow wilson", "enter", "4", *"907", "enter", "4")
        assert isinstance(app.screen, SummaryScreen)


async def test_statistics_screen(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "4", "escape", "enter", "s")
        assert isinstance(app.screen, StatsScreen)
        numbers = str(app.screen.query_one("#stats-numbers").content.columns[1]._cells)
        assert "1 in all" in numbers and "1 today" in numbers and "streak 1 day" in numbers
        # One review on the busiest day: the calendar's key once read "(1 reviews)".
        assert "most (1 review)" in shown(app, "#calendar")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_browser_search_and_suspend(app_factory, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("b")
        assert isinstance(app.screen, BrowserScreen)
        table = app.screen.query_one("#results")
        assert table.row_count == 5
        await pilot.press(*"pipeline")
        assert table.row_count == 1
        await pilot.press("enter", "space")  # to the results, then suspend
        assert "suspended" in str(table.get_row_at(0)[2])
        app.screen.query_one("#search").value = "is:suspended"
        await pilot.pause()
        assert table.row_count == 1
    db = sqlite3.connect(isolated_user_dirs / "progress.sqlite3")
    assert db.execute("SELECT card_id FROM cards WHERE suspended = 1").fetchall() == [("btc",)]


async def test_help_lists_the_keys(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("escape")  # leave review: summary
        await pilot.press("enter")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await start_review(pilot)
        await pilot.press("f1")  # typing an answer: ? would be a character, F1 is help
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.for_screen.query_one("#answer-input").value == ""
        body = str([description for _key, description in app.screen.rows])
        for words in ("undo", "bury", "suspend", "edit", "source", "end the session", "command palette"):
            assert words in body
        assert "a–d" not in body and "a-d" not in body
        await pilot.press("f1")
        assert isinstance(app.screen, ReviewScreen)


FAKE_EDITOR = """\
import pathlib, sys
path = pathlib.Path(sys.argv[-1])
assert sys.argv[-2].startswith("+"), sys.argv
text = path.read_text(encoding="utf-8")
path.write_text(text.replace({old!r}, {new!r}), encoding="utf-8")
"""


def fake_editor(tmp_path: Path, old: str, new: str) -> str:
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR.format(old=old, new=new))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return f"{sys.executable} {script}"


async def test_edit_card_in_editor_reloads_and_keeps_progress(app_factory, tmp_path, monkeypatch, decks_dir):
    monkeypatch.setenv(
        "EDITOR",
        fake_editor(tmp_path, "met the Azerbaijani delegation", "received the Azerbaijani delegation"),
    )
    monkeypatch.delenv("VISUAL", raising=False)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await edit_in_editor(pilot)
        assert "received the Azerbaijani delegation" in content(app, "#prompt")
        assert "received" in (decks_dir / "history.yaml").read_text()
        # One reload, one notification; the poll does not read the saved file a second time.
        assert [n.title for n in app._notifications] == ["Deck reloaded"]
        assert app._signature() == app._deck_signature


async def test_edit_that_breaks_the_deck_shows_file_and_line(app_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "type: qa", "type: qq"))
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter", "e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "history.yaml:18: error: unknown card type 'qq'" in app.screen.message
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("3")  # rating used to crash: the broken card was still queued (KeyError)
        assert "Which pipeline" in content(app, "#prompt")  # the broken card is left out


async def test_a_card_removed_from_its_file_mid_session_leaves_the_queue(app_factory, decks_dir):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        path = decks_dir / "history.yaml"
        text = path.read_text(encoding="utf-8")
        start = text.index("  - id: btc")
        path.write_text(text[:start] + text[text.index("  - id: embassy\n") :], encoding="utf-8")
        app.reload_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "new 3" in content(app, "#review-counts")
        await pilot.press(*"woodrow wilson", "enter", "3", *"907", "enter", "3")
        assert "True or false?" in content(app, "#prompt")  # the pipeline card is gone


async def test_source_document_opens_at_the_line(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter", "o")
        await pilot.pause()
        area = app.screen.query_one("#document")
        assert area.cursor_location == (20, 0)
        assert "Woodrow Wilson" in area.selected_text
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_deck_changes_on_disk_are_picked_up(app_factory, decks_dir):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        (decks_dir / "extra.yaml").write_text(
            "title: Extra deck\ncards:\n  - {id: x, question: Q?, answer: A}\n  - {id: y, type: quiz}\n",
            encoding="utf-8",
        )
        app._check_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#decks").row_count == 3
        assert "extra.yaml:4: unknown card type 'quiz'" in content(app, "#problems")


async def test_card_text_is_shown_literally(app_factory, tmp_path):
    folder = tmp_path / "markup"
    folder.mkdir()
    (folder / "m.yaml").write_text(
        "title: '[b]Markup[/b]'\ncards:\n  - {id: m, question: 'Is [bold red]this[/] markup?', answer: no}\n"
    )
    app = app_factory(decks=folder)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert "[b]Markup[/b]" in str(app.screen.query_one("#decks").get_row_at(1)[0])
        await start_review(pilot)
        assert content(app, "#prompt") == "Is [bold red]this[/] markup?"


async def test_damaged_progress_file_offers_a_fresh_start(app_factory, isolated_user_dirs):
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_user_dirs / "progress.sqlite3").write_bytes(b"not a database" * 200)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen) and "kept as" in app.screen.message
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
    kept = [p for p in os.listdir(isolated_user_dirs) if ".damaged-" in p]
    assert len(kept) == 1


async def test_missing_decks_folder_is_an_error_screen_not_a_traceback(app_factory, tmp_path):
    app = app_factory(decks=tmp_path / "nowhere")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, MessageScreen)
        assert "does not exist" in app.screen.message
        await pilot.press("enter")
    assert app.return_code == 1


async def test_a_user_error_in_a_screen_is_a_notification_not_a_crash(app_factory, monkeypatch):
    from caucasusquiz.store.database import ProgressStore, StoreReadOnly

    def read_only(*_args, **_kwargs):
        raise StoreReadOnly(
            "cannot write progress to /x (attempt to write a readonly database)",
            Path("/x"),
            "make the folder writable",
        )

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("b")
        monkeypatch.setattr(ProgressStore, "set_progress", read_only)
        await pilot.press("enter", "space")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)  # still running
        assert any("cannot write progress" in n.message for n in app._notifications)


async def test_a_reload_reports_only_new_problems(app_factory, decks_dir):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        broken = "title: Extra deck\ncards:\n  - {id: x, question: Q?, answer: A}\n  - {id: y, type: quiz}\n"
        (decks_dir / "extra.yaml").write_text(broken, encoding="utf-8")
        titles = []
        for _ in range(2):  # the same problem twice: reported once
            app.reload_decks()
            await app.workers.wait_for_complete()
            await pilot.pause()
            titles += [n.title for n in app._notifications]  # home shows the latest toast only
        assert titles == ["Decks reloaded with problems", "Decks reloaded"]


async def test_undo_at_the_feedback_takes_back_that_answer_not_the_previous_card(
    app_factory, isolated_user_dirs
):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "3", *"909", "enter")
        assert content(app, "#feedback").startswith("✗ Wrong")
        await pilot.press("u")  # the same rule as :u in line mode
        assert "Freedom Support Act" in content(app, "#prompt")
        assert app.screen.step.name == "TYPING" and app.focused is app.screen.query_one("#answer-input")
        await pilot.press(*"907", "enter")
        # Right this time, but the learner saw the answer: the first verdict stays the grade.
        assert content(app, "#feedback").startswith("✓ Right")
        assert "You saw the answer: rated Again unless you choose otherwise." in content(app, "#feedback")
        assert "▶1 Again" in content(app, "#ratings")
        await pilot.press("3")  # the learner may still choose otherwise
    assert reviews(isolated_user_dirs) == [("wilson-1919", 3, "right"), ("sec907", 3, "wrong")]


async def test_undoing_the_rating_of_a_card_removed_since_says_so(app_factory, decks_dir, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "3", *"90")  # rated; typing the next answer
        assert "Freedom Support Act" in content(app, "#prompt")
        path = decks_dir / "history.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("  - id: wilson-1919")] + text[text.index("  - id: sec907") :])
        app.reload_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+z")
        messages = [n.message for n in app._notifications]
        assert "that card again" not in messages[-1]
        assert "removed from its deck" in messages[-1] and "not asked again" in messages[-1]
        # The card on screen stays, with what was typed so far; the rating is gone from disk.
        assert "Freedom Support Act" in content(app, "#prompt")
        assert app.screen.query_one("#answer-input").value == "90"
    assert reviews(isolated_user_dirs) == []


async def test_the_summary_is_built_once_when_shown_not_for_every_card(app_factory, monkeypatch):
    from caucasusquiz.study import session as study_session
    from caucasusquiz.ui.widgets.session_bar import SessionBar

    built: list[object] = []
    summary = study_session.Summary

    def counted(**numbers):
        built.append(summary(**numbers))
        return built[-1]

    monkeypatch.setattr(study_session, "Summary", counted)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        bar = app.screen.query_one(SessionBar)
        await pilot.press(*"woodrow wilson", "enter", "3", *"907", "enter", "3")
        assert bar.progress == 2  # the progress bar counts the rated answers
        await pilot.press("u")  # on the choice card that came next: the second rating is taken back
        assert bar.progress == 1 and "Freedom Support Act" in content(app, "#prompt")
        await pilot.press(*"907", "enter", "3")
        assert bar.progress == 2 and built == []
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
        assert len(built) == 1
        assert "2 cards in" in shown(app, "#summary-numbers")
        # A second new user's report read "19 cards in 59 s" as wall time: it is answering time.
        assert "s of answering" in shown(app, "#summary-numbers")


async def test_a_session_ended_before_any_answer_says_nothing_was_answered_and_nothing_else(app_factory):
    # A second new user's report: "Cards to revisit / Nothing: every card was answered right."
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        assert shown(app, "#summary-numbers").strip() == "No cards answered in this session."
        assert not app.screen.query_one("#revisit").display
        assert not app.screen.query_one("#revisit-title").display


async def test_the_browser_reads_progress_again_only_when_it_may_have_changed(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("b")
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        table = screen.query_one("#results")
        read = screen.progress  # each reading of the store is a new mapping
        for size in ((100, 30), (70, 24), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press(*"pipeline")
        assert table.row_count == 1
        assert screen.progress is read  # resized three times, searched: not read again
        await pilot.press("enter", "space")  # suspend: written, then read again
        assert "suspended" in str(table.get_row_at(0)[2])
        assert screen.progress is not read
        read = screen.progress
        await pilot.press("f1")  # a screen on top, then back: progress may have changed meanwhile
        await pilot.press("escape")
        await pilot.pause()
        assert screen.progress is not read
        read = screen.progress
        app.reload_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.progress is not read and "suspended" in str(table.get_row_at(0)[2])


async def test_the_deck_poll_reloads_for_deck_files_only(app_factory, decks_dir):
    # The same signature as the home screen's cache: deck files by name, size and time.
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await opened(pilot)
        (decks_dir / "notes.txt").write_text("not a deck", encoding="utf-8")
        (decks_dir / ".draft.yaml").write_text("title: hidden\ncards: []\n", encoding="utf-8")
        app._check_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [n.title for n in app._notifications] == []
        (decks_dir / "Extra.YAML").write_text(
            "title: Extra deck\ncards:\n  - {id: x, question: Q?, answer: A}\n", encoding="utf-8"
        )
        app._check_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Decks reloaded"]
        assert app.screen.query_one("#decks").row_count == 3


async def test_a_leech_warning_says_where_to_reword_the_card_not_a_key_for_the_next_one(
    app_factory, clock, tmp_path, monkeypatch
):
    # The warning comes after the rating, with the next card already on screen: its old
    # "key e" edited that next card, not the leech.
    config = tmp_path / "settings.toml"
    config.write_text("[scheduler]\nleech_threshold = 1\n", encoding="utf-8")
    monkeypatch.setenv("CAUCASUSQUIZ_CONFIG", str(config))
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "4", "escape", "enter")  # learnt: Easy
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        clock.now += timedelta(days=60)  # due again
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "met the Azerbaijani delegation" in content(app, "#prompt")
        await pilot.press(*"nobody", "enter", "1")  # forgotten: a lapse, and a leech at once
        await pilot.pause()
        assert "met the Azerbaijani delegation" not in content(app, "#prompt")
        warning = [n.message for n in app._notifications if n.title == "Leech"]
        assert warning and "history.yaml:" in warning[0] and "key e" not in warning[0], warning
        assert "is:leech" in warning[0]  # how the browser finds it, and e there edits it
        assert warning[0].startswith("Forgotten 1 time:")


WILSON_SPEECH = """\
  - id: wilson-san-francisco-speech
    type: truefalse
    statement: "In a September 1919 speech in San Francisco, President Woodrow Wilson spoke dismissively of the Azerbaijani delegation."
    answer: false
    source: "004_0090684c75a18b22.txt:30"
    context: "But recalling this meeting in his speech at the Commonwealth Club of California in San Francisco on September 18, 1919, Wilson outlined his positive impression of Azerbaijani delegation."
"""


async def test_the_source_opens_on_the_cards_sentence_and_c_makes_a_card_of_it(app_factory, tmp_path):
    # A new user's report: line 30 sat at the very bottom of the viewer, the cursor at its
    # end, in the next sentence ("Following the Red Army invasion…"), and `c` offered that one.
    from caucasusquiz.ui.screens.make_card import MakeCardScreen

    folder = tmp_path / "speech"
    folder.mkdir()
    (folder / "early.yaml").write_text(f"title: Early\ncards:\n{WILSON_SPEECH}", encoding="utf-8")
    app = app_factory(decks=folder)
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("f", "o")
        await pilot.pause()
        await pilot.pause()
        area = app.screen.query_one("#document")
        assert area.cursor_location == (29, 0)  # the start of the card's sentence on line 30
        assert area.selected_text.startswith("on September 18, 1919, Wilson outlined")
        assert "Red Army" not in area.selected_text
        # The line is in the upper half of the view, with the lines after it in view too.
        cursor_y = area.cursor_screen_offset.y
        assert area.region.y < cursor_y < area.region.y + area.region.height // 2, (cursor_y, area.region)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MakeCardScreen)
        assert "Wilson outlined his positive impression of Azerbaijani delegation" in app.screen.sentence
        assert "Red Army" not in app.screen.sentence


async def test_the_problems_dialog_follows_the_decks_while_open(app_factory, decks_dir):
    # A new user's report: with `p` open they fixed and broke cards in an editor beside it;
    # the dialog kept the old list, and "Decks reloaded with problems" toasts stacked over it.
    extra = decks_dir / "extra.yaml"
    extra.write_text("title: Extra\ncards:\n  - {id: y, type: quiz}\n", encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "unknown card type 'quiz'" in content(app, "#dialog-message")
        extra.write_text("title: Extra\ncards:\n  - {id: y, question: Q?}\n", encoding="utf-8")
        app._check_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = content(app, "#dialog-message")
        assert "quiz" not in message and "answer" in message, message
        assert not app._notifications, [n.message for n in app._notifications]
        extra.write_text("title: Extra\ncards:\n  - {id: y, question: Q?, answer: A}\n", encoding="utf-8")
        app._check_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert content(app, "#dialog-message") == "No problems: every deck is fine."


async def test_home_names_each_problem_once_and_cuts_none_in_half(app_factory, decks_dir):
    # A new user's report: a file that failed to load was named twice (its "left out" note,
    # then the same text under "p: list every problem"), and the last line was cut off.
    long_error = "  - {id: y, type: quiz}\n"
    (decks_dir / "broken.yaml").write_text("title: Broken\ncards: [\n  - {id: a\n", encoding="utf-8")
    (decks_dir / "extra.yaml").write_text(f"title: Extra\ncards:\n{long_error * 4}", encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        lines = [line for line in shown(app, "#problems").splitlines() if line.strip()]
        assert sum("broken.yaml" in line for line in lines) == 1, lines
        assert any("extra.yaml:" in line and "quiz" in line for line in lines), lines
        problems = app.screen.query_one("#problems")
        assert problems.virtual_size.height <= problems.size.height, lines  # nothing below the fold
        assert all(len(line) <= SIZE[0] for line in lines)


async def test_the_problems_panel_offers_p_first_and_p_opens_the_list(app_factory, decks_dir):
    # A new user never saw `p`: it has no room in the footer at 80 columns, and the panel
    # said "p: list every problem" dimly, under the notes. Now its first line is the key.
    from caucasusquiz.ui.screens.home import ProblemsScreen

    (decks_dir / "extra.yaml").write_text("title: Extra\ncards:\n  - {id: y, type: quiz}\n", encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        problems = app.screen.query_one("#problems")
        first = problems.content.split()[0]  # type: ignore[union-attr]
        assert first.plain.startswith(" p  Deck problems")
        assert any("reverse" in str(span.style) for span in first.spans if span.end <= 3)
        assert problems.region.bottom <= SIZE[1] - 1  # above the footer, in sight
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)


VELVET_REVOLUTION = """\
  - id: velvet-revolution-a0846a
    type: cloze
    text: "Nikol Pashinyan became Armenia's prime minister through mass street protests known as the {{Velvet Revolution}}."
    source: "000_2aed18d9469a98ee.txt:24"
    context: "For the past year, Armenian Prime Minister Nikol Pashinyan's administration was hopeful that it could successfully mobilize US support for Armenia due to the democratic change currently taking place in the country. Pashinyan came to power thanks to mass street protests, known as the Velvet Revolution, against the former regime."
"""


async def test_the_source_opens_on_the_cards_sentence_when_the_context_quotes_the_one_before(
    app_factory, tmp_path
):
    # A second new user's report (the shipped Velvet Revolution card): its context quotes the
    # sentence before its fact too, every word of which is in the context, so the viewer opened
    # on that first sentence of line 24 and `c` offered the wrong one. And `c` on the card's
    # own sentence proposed the same fact again without saying a card exists.
    from caucasusquiz.ui.screens.make_card import MakeCardScreen

    folder = tmp_path / "velvet"
    folder.mkdir()
    (folder / "karabakh.yaml").write_text(f"title: Karabakh\ncards:\n{VELVET_REVOLUTION}", encoding="utf-8")
    app = app_factory(decks=folder)
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter", "o")
        await pilot.pause()
        area = app.screen.query_one("#document")
        assert area.cursor_location[0] == 23
        assert area.selected_text.startswith("Pashinyan came to power"), area.selected_text
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MakeCardScreen)
        assert app.screen.sentence.startswith("Pashinyan came to power")
        header = str(app.screen.query_one("#make-sentence").render())
        assert "Already 1 card on this sentence: velvet-revolution-a0846a" in header
        # The sentence before it has no card of its own: nothing is said there.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("home")
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.sentence.startswith("For the past year")
        assert "Already" not in str(app.screen.query_one("#make-sentence").render())


async def test_the_home_help_names_the_short_footer_words_in_full(app_factory):
    # The home footer says "d Drafts  j Join" to fit at 80 columns (a second new user's
    # report: d and j were only findable through ?); ? still gives the full names.
    from caucasusquiz.ui.screens.help import HelpScreen

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        shown_keys = {
            binding.key
            for (_node, binding, _enabled, _tip) in app.screen.active_bindings.values()
            if binding.show
        }
        assert {"d", "j"} <= shown_keys
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert ("d", "Review drafts (author)") in app.screen.rows and ("j", "Join class") in app.screen.rows


async def test_a_failed_card_shown_again_early_says_so(app_factory, tmp_path):
    """A third new user's report: a card failed seconds ago came straight back, silently,
    though its step is a minute (the learn-ahead rule: nothing else was left)."""
    folder = tmp_path / "one-card"
    folder.mkdir()
    (folder / "one.yaml").write_text(
        "title: One\ncards:\n  - {id: a, type: qa, question: Which year?, answer: '1992'}\n", encoding="utf-8"
    )
    app = app_factory(decks=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start_review(pilot)
        await pilot.press(*"1994", "enter", "enter")  # wrong, rated Again: due in a minute
        assert "Which year?" in content(app, "#prompt") and app.screen.phase == "question"
        messages = [n.message for n in app._notifications]
        assert messages and messages[-1].startswith("Early: due in")
        assert "nothing else is due" in messages[-1]
