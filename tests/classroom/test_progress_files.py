"""`progress export` / `progress import`: gather a class's progress from several machines."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.store.database import ProgressStore


def study(monkeypatch, decks: Path, data: Path, profile: str, answers: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    assert (
        main(["study", "--plain", "--decks", str(decks), "--data-dir", str(data), "--new-profile", profile])
        == 0
    )


def counts(data: Path, name: str) -> tuple[int, int]:
    store = ProgressStore.open(data / "progress.sqlite3")
    try:
        profile = store.find_profile(name)
        if profile is None:
            return (-1, -1)
        return store.review_count(profile.id), len(store.all_progress(profile.id))
    finally:
        store.close()


@pytest.fixture
def leyla_file(monkeypatch, capsys, decks_dir: Path, tmp_path: Path) -> Path:
    laptop = tmp_path / "leyla-laptop"
    study(monkeypatch, decks_dir, laptop, "Leyla", "Woodrow Wilson\n3\nnope\n1\n")
    out = tmp_path / "leyla.json"
    assert (
        main(
            [
                "progress",
                "export",
                "--data-dir",
                str(laptop),
                "--profile",
                "Leyla",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    capsys.readouterr()
    return out


def test_import_adds_a_students_progress_once(leyla_file, decks_dir, isolated_user_dirs, capsys):
    teacher = ["--decks", str(decks_dir), "--data-dir", str(isolated_user_dirs)]
    assert main(["progress", "import", str(leyla_file), *teacher[2:]]) == 0
    assert "Leyla: 2 reviews added, 2 cards updated" in capsys.readouterr().out
    assert counts(isolated_user_dirs, "Leyla") == (2, 2)
    assert main(["progress", "import", str(leyla_file), *teacher[2:]]) == 0  # the same file again
    assert "Leyla: 0 reviews added, 0 cards updated" in capsys.readouterr().out
    assert counts(isolated_user_dirs, "Leyla") == (2, 2)
    assert main(["report", "--json", *teacher]) == 0
    assert [s["name"] for s in json.loads(capsys.readouterr().out)["students"]] == ["Leyla"]


def test_import_never_overwrites_newer_progress(
    leyla_file, monkeypatch, decks_dir, isolated_user_dirs, capsys
):
    teacher = ["--decks", str(decks_dir), "--data-dir", str(isolated_user_dirs)]
    assert main(["progress", "import", str(leyla_file), *teacher[2:]]) == 0
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    profile = store.find_profile("Leyla")
    store.close()
    # Leyla studies on this machine too: her cards here are now newer than the file's.
    monkeypatch.setattr(sys, "stdin", io.StringIO("Woodrow Wilson\n4\n"))
    assert main(["study", "--plain", "--limit", "1", "--profile", "Leyla", *teacher]) == 0
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    here = store.all_progress(profile.id)
    store.close()
    capsys.readouterr()
    assert main(["progress", "import", str(leyla_file), *teacher[2:]]) == 0
    assert "0 reviews added, 0 cards updated" in capsys.readouterr().out
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    assert store.all_progress(profile.id) == here
    store.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"profile": "Leyla", "format": 1, "reviews": [', "not JSON (line 1"),
        ("title: a deck\ncards: []\n", "not JSON"),
        ('{"title": "a deck", "cards": []}', "not a caucasusquiz progress file"),
        ('{"profile": "Leyla", "format": 9, "reviews": [], "cards": []}', "progress format 9"),
        (
            '{"profile": "Leyla", "format": 1, "reviews": [{"deck_id": "h"}], "cards": []}',
            "review 1 is damaged",
        ),
        ('{"profile": "Leyla", "format": 1, "reviews": [], "cards": [{"deck": "h"}]}', "card 1 is damaged"),
    ],
)
def test_a_damaged_or_foreign_file_is_refused_and_nothing_is_written(
    content, message, leyla_file, tmp_path, decks_dir, isolated_user_dirs, capsys
):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code = main(
        [
            "progress",
            "import",
            str(leyla_file),
            str(bad),
            "--data-dir",
            str(isolated_user_dirs),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and str(bad) in err and message in err and "nothing was imported" in err
    assert "Traceback" not in err
    assert counts(isolated_user_dirs, "Leyla") == (-1, -1)  # not even the good file's profile


def break_settings(monkeypatch, decks: Path, tmp: Path) -> None:
    (tmp / "settings.toml").write_text("[study\nnew_per_day = 3\n", encoding="utf-8")
    monkeypatch.setenv("CAUCASUSQUIZ_CONFIG", str(tmp / "settings.toml"))


def break_a_deck(monkeypatch, decks: Path, tmp: Path) -> None:
    (decks / "broken.yaml").write_text("title: [unclosed\ncards:\n", encoding="utf-8")


def remove_the_decks(monkeypatch, decks: Path, tmp: Path) -> None:
    shutil.rmtree(decks)


BREAKAGES = {
    "settings.toml that is not TOML": break_settings,
    "a deck that is not YAML": break_a_deck,
    "no decks folder": remove_the_decks,
}


@pytest.mark.parametrize("command", [["progress", "export"], ["export", "progress", "--format", "json"]])
@pytest.mark.parametrize("break_it", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_a_backup_needs_neither_settings_nor_decks(
    command, break_it, monkeypatch, capsys, decks_dir: Path, tmp_path: Path
):
    # A broken settings.toml or deck used to stop the backup, often the very moment one is wanted.
    laptop = tmp_path / "laptop"
    study(monkeypatch, decks_dir, laptop, "Leyla", "Woodrow Wilson\n3\n")
    break_it(monkeypatch, decks_dir, tmp_path)
    capsys.readouterr()
    out = tmp_path / "backup.json"
    where = ["--data-dir", str(laptop), "--profile", "Leyla"]
    if command[0] == "export":  # `export` reads decks for `export cards`; it must not need them here
        where += ["--decks", str(decks_dir)]
    assert main([*command, *where, "-o", str(out)]) == 0, capsys.readouterr().err
    assert len(json.loads(out.read_text(encoding="utf-8"))["reviews"]) == 1
    # And it goes back in on a machine whose settings are broken and that has no decks.
    desk = tmp_path / "desk"
    assert main(["progress", "import", str(out), "--data-dir", str(desk)]) == 0
    assert counts(desk, "Leyla") == counts(laptop, "Leyla") == (1, 1)


def test_importing_progress_never_changes_whom_the_next_command_is_about(
    leyla_file, make_profiles, decks_dir, isolated_user_dirs, capsys
):
    """A third new user's report: after `progress import leyla.json`, `stats` without
    --profile switched to Leyla, the profile with the newest reviews."""
    make_profiles("Aydin")  # the only profile: the default, though never opened here
    teacher = ["--decks", str(decks_dir), "--data-dir", str(isolated_user_dirs)]
    assert main(["stats", "--json", *teacher]) == 0
    assert json.loads(capsys.readouterr().out)["profile"] == "Aydin"
    # `progress import` never reads the decks, so it refuses --decks: the data folder only.
    assert main(["progress", "import", str(leyla_file), "--data-dir", str(isolated_user_dirs)]) == 0
    capsys.readouterr()
    # Two profiles, neither opened for study here: no guess, a question.
    assert main(["stats", "--json", *teacher]) == 1
    out, err = capsys.readouterr()
    assert "Leyla" not in out
    assert "which profile?" in err and "Aydin" in err and "Leyla" in err
    assert "--profile NAME" in err

    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    store.remember_profile("Aydin")  # Aydin opens the app on this machine
    store.close()
    assert main(["progress", "import", str(leyla_file), "--data-dir", str(isolated_user_dirs)]) == 0
    capsys.readouterr()
    assert main(["stats", "--json", *teacher]) == 0
    assert json.loads(capsys.readouterr().out)["profile"] == "Aydin"
