"""A pip or pipx user's decks live in site-packages: read, never written; a copy is made to edit.

Here the "installed bundle" is a temporary folder (files.INSTALLED_BUNDLE points at it), so
the rules of an installed copy are tested without building a wheel (tests/test_packaging.py
does that too, on a real wheel).
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from caucasusquiz import files, paths
from caucasusquiz.cli import main
from caucasusquiz.errors import InstalledFilesReadOnly

ROOT = Path(__file__).resolve().parents[2]

NO_ID_CARD = """\
  - type: qa
    question: In which city is the U.S. embassy in Azerbaijan?
    answer: Baku
"""


@pytest.fixture
def installed(tmp_path: Path, example_deck: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed bundle with one deck (a card without an id, so `check --fix` has work) and the guides."""
    bundle = tmp_path / "site-packages" / "caucasusquiz" / "bundled"
    decks = bundle / "decks"
    decks.mkdir(parents=True)
    (decks / "history.yaml").write_text(
        example_deck.read_text(encoding="utf-8") + NO_ID_CARD, encoding="utf-8"
    )
    shutil.copytree(ROOT / "seeds", bundle / "seeds")
    shutil.copytree(ROOT / "docs", bundle / "docs")
    monkeypatch.setattr(files, "INSTALLED_BUNDLE", bundle.resolve())
    monkeypatch.chdir(tmp_path)  # no ./seeds here: generate falls back to the shipped seeds
    return decks


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_installed_decks_are_the_default_decks(installed: Path):
    assert paths.resolve().decks == installed


def test_generate_without_out_refuses_to_write_into_the_installed_decks(installed: Path, capsys):
    before = snapshot(installed)
    assert main(["generate", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "installed with caucasusquiz" in err and "are never changed" in err
    assert "caucasusquiz copy-decks DIR" in err and "--decks DIR" in err
    assert snapshot(installed) == before


def test_check_fix_refuses_the_installed_decks_and_changes_nothing(installed: Path, capsys):
    before = snapshot(installed)
    assert main(["check", "--fix"]) == 1
    assert "caucasusquiz copy-decks DIR" in capsys.readouterr().err
    assert snapshot(installed) == before
    assert main(["check"]) == 1  # only checking is fine: it reports the missing id
    assert "check --fix" in capsys.readouterr().out


def test_author_command_refuses_the_installed_decks(installed: Path, capsys):
    assert main(["author"]) == 1
    assert "caucasusquiz copy-decks DIR" in capsys.readouterr().err


def test_no_writer_can_replace_an_installed_deck_file(installed: Path):
    """The author screen, the palette's deck settings and `c` all write through files."""
    deck = installed / "history.yaml"
    before = deck.read_bytes()
    with pytest.raises(InstalledFilesReadOnly) as raised:
        files.write_atomically(deck, "title: changed\ncards: []\n")
    assert "copy-decks" in (raised.value.hint or "")
    assert deck.read_bytes() == before
    assert list(installed.iterdir()) == [deck]  # no temporary file left behind
    with pytest.raises(InstalledFilesReadOnly):
        paths.writable_decks(installed)
    # The author screen, the palette's deck settings and `c` save through this one function.
    from caucasusquiz.authoring import yaml_text

    with pytest.raises(InstalledFilesReadOnly):
        yaml_text.write_atomically(deck, b"title: changed\ncards: []\n")
    assert deck.read_bytes() == before


def test_copy_decks_makes_an_editable_copy_and_says_how_to_study_it(installed: Path, tmp_path: Path, capsys):
    copy = tmp_path / "my decks"
    assert main(["copy-decks", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Copied 1 deck file" in out
    quoted = shlex.quote(str(copy.resolve()))  # "my decks": pasted into a shell, it must stay one word
    assert f"caucasusquiz --decks {quoted}" in out and f"CAUCASUSQUIZ_DECKS={quoted}" in out
    assert snapshot(copy) == snapshot(installed)
    assert paths.writable_decks(copy) == copy
    assert main(["check", "--fix", str(copy)]) == 0  # the copy can be fixed
    assert "fixed: added id" in capsys.readouterr().out


def test_copy_decks_says_what_it_copied(installed: Path, tmp_path: Path, capsys):
    """It counted *.yaml only: a .yml deck went uncounted, and the generator's files copied
    beside the decks (its record of what it wrote, a topics file) were not mentioned."""
    (installed / "extra.yml").write_text("title: Extra\ncards: []\n", encoding="utf-8")
    (installed / ".generated.json").write_text("{}", encoding="utf-8")
    (installed / "topics.yaml").write_text("decks: []\n", encoding="utf-8")
    copy = tmp_path / "copy"
    assert main(["copy-decks", str(copy)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (
        "Copied 2 deck files, .generated.json (the generator's record of the cards it wrote) and "
        f"topics.yaml (the generator's list of decks and their keywords) to {copy}."
    )
    assert snapshot(copy) == snapshot(installed)


def test_copy_decks_never_overwrites_a_folder_with_files(installed: Path, tmp_path: Path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "history.yaml").write_text("title: my edited deck\ncards: []\n", encoding="utf-8")
    assert main(["copy-decks", str(mine)]) == 1
    assert "already exists and is not an empty folder" in capsys.readouterr().err
    assert (mine / "history.yaml").read_text(encoding="utf-8") == "title: my edited deck\ncards: []\n"


def test_a_checkout_keeps_editing_its_tracked_decks():
    """`make run` in a checkout: decks/ is the contributors' to edit (git shows the change)."""
    decks = paths.bundled_dir("decks")
    assert decks == ROOT / "decks"
    assert paths.writable_decks(decks) == decks


def test_docs_lists_the_guides_and_prints_one(installed: Path, capsys):
    assert main(["docs"]) == 0
    out = capsys.readouterr().out
    assert str(installed.parent / "docs") in out
    assert "settings" in out and "deck-format" in out
    assert main(["docs", "settings"]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert main(["docs", "setings"]) == 2
    assert "did you mean 'settings'?" in capsys.readouterr().err
    # New-user trial 7: `docs deck` found nothing; one guide begins so, and it is the one.
    assert main(["docs", "deck"]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / "deck-format.md").read_text(encoding="utf-8")


def test_every_guide_a_hint_names_exists():
    """Hints and --help say `caucasusquiz docs NAME`: every NAME must be a guide."""
    import re

    named = set()
    for source in (ROOT / "src" / "caucasusquiz").rglob("*.py"):
        named |= set(re.findall(r"caucasusquiz docs ([a-z-]+)", source.read_text(encoding="utf-8")))
    guides = {p.stem for p in (ROOT / "docs").glob("*.md")}
    assert named and named <= guides, named - guides


@pytest.mark.parametrize("command", [["stats"], ["report"]])
def test_stats_and_report_say_which_decks_folder_they_read(installed, capsys, command):
    """newuser4 #3: a teacher who forgot --decks for their own copy got the installed decks'
    numbers without a word; the text output now names the folder, and its data formats stay data."""
    assert main(command) == 0
    out = " ".join(capsys.readouterr().out.split())  # the report wraps it at 80 columns
    assert f"Using the decks in {installed} (installed with the app; your own folder: --decks DIR)" in out
    copy = installed.parent.parent.parent.parent / "my-decks"
    shutil.copytree(installed, copy)
    assert main([*command, "--decks", str(copy)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert f"Using the decks in {copy}" in out
    assert "installed with the app" not in out


def test_the_data_formats_of_stats_and_report_stay_data(installed, capsys):
    import csv
    import io
    import json

    assert main(["stats", "--json"]) == 0
    json.loads(capsys.readouterr().out)
    assert main(["report", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert not any("Using the decks" in cell for row in rows for cell in row)
