"""New-user trial 7 (a teacher writing decks by hand): the flows it found broken, driven by Pilot."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from caucasusquiz.ui.editor import EditAgainScreen

from .test_flows import SIZE, edit_in_editor, start_review

# Each call appends its argv to a log; the first call breaks the file with a tab, the second mends it.
SLIPPING_EDITOR = """\
import pathlib, sys
path = pathlib.Path(sys.argv[-1])
log = pathlib.Path({log!r})
calls = log.read_text().splitlines() if log.exists() else []
log.write_text("\\n".join([*calls, " ".join(sys.argv[1:])]) + "\\n")
text = path.read_text(encoding="utf-8")
if not calls:
    text = text.replace("    type: qa", "\\ttype: qa", 1)
else:
    text = text.replace("\\ttype: qa", "    type: qa")
path.write_text(text, encoding="utf-8")
"""


def slipping_editor(tmp_path: Path) -> tuple[str, Path]:
    log = tmp_path / "editor.log"
    script = tmp_path / "slipping_editor.py"
    script.write_text(SLIPPING_EDITOR.format(log=str(log)))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return f"{sys.executable} {script}", log


async def test_e_in_the_problems_dialog_opens_the_editor_again_at_the_problem(
    app_factory, tmp_path, monkeypatch, decks_dir
):
    command, log = slipping_editor(tmp_path)
    monkeypatch.setenv("EDITOR", command)
    monkeypatch.delenv("VISUAL", raising=False)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await edit_in_editor(pilot)
        assert isinstance(app.screen, EditAgainScreen)
        assert "tab used for indentation" in app.screen.message
        assert "Press e to edit again" in (app.screen.hint or "")
        tab_line = next(
            number
            for number, line in enumerate((decks_dir / "history.yaml").read_text().splitlines(), start=1)
            if line.startswith("\t")
        )
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        calls = log.read_text().splitlines()
        assert len(calls) == 2, calls  # the dialog's `e` started the editor
        assert calls[1].startswith(f"+{tab_line} "), calls  # at the line of the problem
        assert "\t" not in (decks_dir / "history.yaml").read_text()
        assert not isinstance(app.screen, EditAgainScreen)


async def test_e_in_the_problems_list_opens_the_first_problem_in_the_editor(
    app_factory, tmp_path, monkeypatch, decks_dir
):
    from caucasusquiz.ui.screens.home import ProblemsScreen

    command, log = slipping_editor(tmp_path)
    monkeypatch.setenv("EDITOR", command)
    monkeypatch.delenv("VISUAL", raising=False)
    extra = decks_dir / "extra.yaml"
    extra.write_text("title: Extra\ncards:\n  - id: y\n    type: qa\n    question: Q?\n", encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.opened.wait()
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert "Press e" in (app.screen.hint or "")
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert log.read_text().split()[0] == "+3", log.read_text()  # the card missing its answer
        assert str(extra) in log.read_text()


REVIEWED_ONLY = (
    "title: Reviewed only\nstudy: reviewed\ncards:\n"
    "  - {id: a, question: Who?, answer: A, reviewed: true}\n"
    "  - {id: b, question: Where?, answer: B}\n"  # added by hand later: no reviewed mark
)


async def test_cards_hidden_by_study_reviewed_are_said_where_the_counts_are(app_factory, tmp_path):
    folder = tmp_path / "reviewed-decks"
    folder.mkdir()
    (folder / "r.yaml").write_text(REVIEWED_ONLY, encoding="utf-8")
    app = app_factory(decks=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.app.opened.wait()
        await pilot.pause()
        summary = str(app.screen.query_one("#home-summary").content)
        assert "1 card hidden: not reviewed" in summary
        app.reload_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        (toast,) = [n.message for n in app._notifications]
        # As many cards as the table counts (it said 2 where the table said 1), and why.
        assert toast.startswith("1 card in 1 deck. 1 card without a reviewed mark hidden"), toast


async def test_a_card_without_context_shows_its_source_line_after_answering(app_factory, tmp_path):
    folder = tmp_path / "hand-decks"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "history.txt").write_text(
        "A Short History of Veldoria\n\nVeldoria became a republic in 1791 after the Lantern Revolution.\n",
        encoding="utf-8",
    )
    (folder / "v.yaml").write_text(
        "title: Veldoria\ndocuments: sources\ncards:\n"
        "  - id: republic\n    statement: Veldoria became a republic in 1789.\n    answer: false\n"
        '    source: "history.txt:3"\n',
        encoding="utf-8",
    )
    app = app_factory(decks=folder)
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press("t")
        await pilot.pause()
        context = app.screen.query_one("#context")
        assert context.display
        assert "became a republic in 1791 after the Lantern Revolution" in str(context.content)
        assert "A Short History of Veldoria, line 3" in str(app.screen.query_one("#source-line").content)
