"""Findings of the third new-user trial (scratch newuser3.md), on the app's side: a whole deck
file lost to a YAML error is named as such, `--deck` takes the start of a title, and closing
the editor without saving says so."""

from __future__ import annotations

from caucasusquiz.ui.screens.dialogs import MessageScreen
from caucasusquiz.ui.screens.home import HomeScreen
from caucasusquiz.ui.screens.review import ReviewScreen

from .test_flows import SIZE, fake_editor, start_review


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_yaml_syntax_error_from_the_editor_says_the_whole_file_is_left_out(
    app_factory, tmp_path, monkeypatch
):
    # An unclosed quote: the whole file goes, not "the cards with problems".
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "type: qa", 'type: "qa'))
    monkeypatch.delenv("VISUAL", raising=False)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter", "e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "YAML syntax error" in app.screen.message
        assert app.screen.hint is not None
        assert (
            "history.yaml: whole file left out (5 cards) until the syntax error is fixed" in app.screen.hint
        )
        assert "cards with problems" not in app.screen.hint


async def test_a_broken_card_from_the_editor_still_says_only_that_card_is_left_out(
    app_factory, tmp_path, monkeypatch
):
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "type: qa", "type: qq"))
    monkeypatch.delenv("VISUAL", raising=False)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter", "e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert app.screen.hint is not None and "cards with problems are left out" in app.screen.hint


async def test_closing_the_editor_without_a_change_says_no_changes(app_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "no such text", "anything"))
    monkeypatch.delenv("VISUAL", raising=False)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter", "e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert messages(app) == ["history.yaml: no changes."]
        assert not any("saved and checked" in m for m in messages(app))


async def test_deck_option_takes_the_start_of_a_title(app_factory):
    app = app_factory(study=True, deck="Azerbaijan–United States")
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_an_unknown_deck_option_gets_a_did_you_mean(app_factory):
    app = app_factory(study=True, deck="histroy")
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any(
            "no deck called 'histroy'" in m and "did you mean 'history'?" in m for m in messages(app)
        ), messages(app)


def test_a_documents_title_is_its_first_line_when_it_reads_as_one():
    from caucasusquiz.decks.document_titles import title_of

    assert title_of("\n\n  Azerbaijan American   Priorities \nThe text.") == "Azerbaijan American Priorities"
    assert title_of("A first line that is a whole paragraph, " * 5) is None  # the file name stays
    assert title_of("\n \n") is None


async def test_a_card_whose_document_is_missing_names_the_file(app_factory, tmp_path):
    folder = tmp_path / "own"
    folder.mkdir()
    (folder / "own.yaml").write_text(
        'title: Own\ncards:\n  - {id: a, question: "Q?", answer: "A", source: "notes-7.txt:3"}\n',
        encoding="utf-8",
    )
    app = app_factory(decks=folder)
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter")
        await pilot.pause()
        source = str(app.screen.query_one("#source-line").content)
        assert "Source: notes-7.txt, line 3" in source


async def test_the_source_viewer_keeps_the_file_name_and_line_for_teachers(app_factory):
    from caucasusquiz.ui.screens.source import SourceScreen

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert "Azerbaijan–United States relations, line 21" in str(
            app.screen.query_one("#source-line").content
        )
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert "004_0090684c75a18b22.txt, line 21" in str(app.screen.query_one("#source-title").content)
