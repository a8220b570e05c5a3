"""New deck from documents: a path prompt, the generator in a worker, its report, then the drafts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.authoring.documents import complete_path, parse_paths
from caucasusquiz.errors import UserError
from caucasusquiz.ui.app import make_app
from caucasusquiz.ui.screens.author import AuthorScreen
from caucasusquiz.ui.screens.generate import GenerateScreen

SIZE = (80, 24)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_paths_are_checked_and_completed(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "baku-embassy.txt").write_text("x", encoding="utf-8")
    (tmp_path / "with space.txt").write_text("x", encoding="utf-8")
    assert complete_path("art", tmp_path) == "articles/"
    assert complete_path("articles/b", tmp_path) == "articles/baku-embassy.txt"
    assert complete_path("one.txt articles/b", tmp_path) == "one.txt articles/baku-embassy.txt"
    assert complete_path("zzz", tmp_path) is None
    assert parse_paths("articles 'with space.txt'", tmp_path) == [
        tmp_path / "articles",
        tmp_path / "with space.txt",
    ]
    with pytest.raises(UserError, match=r"nope\.txt: no such file"):
        parse_paths("nope.txt", tmp_path)


async def test_generate_from_the_app_then_review(tmp_path: Path, isolated_user_dirs):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "placeholder.yaml").write_text(
        'title: "Mine"\ncards:\n  - id: a\n    question: Q?\n    answer: A\n'
    )
    locations = paths.resolve(decks=decks, seeds=SEEDS, data_dir=isolated_user_dirs)
    app = make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, GenerateScreen)
        app.screen.query_one("#generate-paths").value = str(SEEDS / "002_6391441a5b8edb05.txt")
        await pilot.press("enter")
        screen = app.screen
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.state == "done"
        report = str(screen.query_one("#generate-report").content)
        assert "Press r to review the drafts" in report
        assert len(list(decks.glob("*.yaml"))) > 1
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        assert app.screen.review.left > 0


async def test_a_missing_path_is_said_and_nothing_runs(tmp_path: Path, isolated_user_dirs):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "mine.yaml").write_text('title: "Mine"\ncards:\n  - id: a\n    question: Q?\n    answer: A\n')
    locations = paths.resolve(decks=decks, seeds=SEEDS, data_dir=isolated_user_dirs)
    app = make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        app.action_new_decks()
        await pilot.pause()
        app.screen.query_one("#generate-paths").value = str(tmp_path / "nope.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.state == "asking"
        assert any("no such file or folder" in str(n.message) for n in app._notifications)
        assert sorted(p.name for p in decks.iterdir()) == ["mine.yaml"]
