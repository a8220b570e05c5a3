"""Read-only commands leave the progress file alone: never moved aside, never created.

A damaged file is the app's to repair (it asks first); `stats` used to move it aside without
a word and print an empty report, and a backup taken next was an empty "default" profile.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.workspace import DAMAGED_HINT

READ_ONLY = {
    "stats": ["stats"],
    "stats --json": ["stats", "--json"],
    "progress export": ["progress", "export"],
    "export progress": ["export", "progress"],
    "report": ["report"],
    "optimize --dry-run": ["optimize", "--dry-run"],
    "apkg with progress": ["export", "cards", "--format", "apkg", "--with-progress", "-o", "x.apkg"],
}


@pytest.fixture
def damaged(isolated_user_dirs: Path, decks_dir: Path, monkeypatch, capsys) -> Path:
    """A progress file with a study session in it, then its header overwritten."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("Woodrow Wilson\n3\n"))
    assert main(["study", "--plain", "--decks", str(decks_dir), "--new-profile", "Leyla"]) == 0
    capsys.readouterr()
    database = isolated_user_dirs / "progress.sqlite3"
    data = bytearray(database.read_bytes())
    data[:16] = b"not a database!!"
    database.write_bytes(bytes(data))
    return database


@pytest.mark.parametrize("argv", READ_ONLY.values(), ids=READ_ONLY.keys())
def test_a_damaged_progress_file_is_reported_and_left_as_it_is(
    argv, damaged: Path, decks_dir: Path, capsys, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    before = damaged.read_bytes()
    code = main([*argv, "--decks", str(decks_dir)] if argv[0] != "progress" else argv)
    captured = capsys.readouterr()
    assert code == 1
    assert "progress file is damaged" in captured.err and f"hint: {DAMAGED_HINT}" in captured.err
    assert "Profile:" not in captured.out and "Wrote" not in captured.err
    assert damaged.read_bytes() == before
    assert sorted(p.name for p in damaged.parent.glob("progress.sqlite3*")) == ["progress.sqlite3"]
    assert not (tmp_path / "x.apkg").exists()


def test_stats_where_nobody_has_studied_creates_nothing(isolated_user_dirs: Path, decks_dir: Path, capsys):
    assert main(["stats", "--decks", str(decks_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Profile: none yet (nobody has studied with this data folder")
    assert "Profile: default" not in out
    assert main(["stats", "--json", "--decks", str(decks_dir)]) == 0
    assert '"profile": null' in capsys.readouterr().out
    assert not (isolated_user_dirs / "progress.sqlite3").exists()


@pytest.mark.parametrize("argv", [["progress", "export"], ["export", "progress"]])
def test_a_backup_where_nobody_has_studied_is_refused(argv, isolated_user_dirs: Path, tmp_path, capsys):
    out = tmp_path / "backup.json"
    assert main([*argv, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "no progress to export" in err and str(isolated_user_dirs) in err
    assert not out.exists() and not (isolated_user_dirs / "progress.sqlite3").exists()


def test_a_backup_of_a_profile_without_progress_is_refused(isolated_user_dirs: Path, tmp_path, capsys):
    from caucasusquiz.clock import utc_now

    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    store.profile("Aydin", utc_now())
    store.close()
    out = tmp_path / "aydin.json"
    assert main(["progress", "export", "--profile", "Aydin", "-o", str(out)]) == 1
    assert "profile 'Aydin' has no progress yet: there is nothing to back up" in capsys.readouterr().err
    assert not out.exists()
