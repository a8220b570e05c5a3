"""Profiles on a shared machine, from the command line: typos never create or switch a profile."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from caucasusquiz import profiles
from caucasusquiz.cli import main
from caucasusquiz.errors import UserError
from caucasusquiz.store.database import CardProgress, ProgressStore

from .conftest import FROZEN


def open_store(data: Path) -> ProgressStore:
    return ProgressStore.open(data / "progress.sqlite3")


def study_one_card(monkeypatch, decks_dir: Path, *flags: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Woodrow Wilson\n3\n"))
    return main(["study", "--plain", "--limit", "1", "--decks", str(decks_dir), *flags])


@pytest.mark.parametrize("command", [["stats"], ["stats", "--json"], ["export", "progress"], ["optimize"]])
def test_read_only_commands_never_create_a_profile(
    command, make_profiles, isolated_user_dirs, decks_dir, capsys
):
    make_profiles("leyla", "tural")
    store = open_store(isolated_user_dirs)
    store.remember_profile("tural")
    store.close()

    code = main([*command, "--decks", str(decks_dir), "--profile", "leila"])

    err = capsys.readouterr().err
    assert code == 1
    assert "no profile called 'leila'" in err and "leyla" in err and "tural" in err
    assert "did you mean 'leyla'?" in err
    assert "Traceback" not in err
    store = open_store(isolated_user_dirs)
    assert sorted(store.profile_names()) == ["leyla", "tural"]
    assert store.last_profile() == "tural"  # a typo never becomes the default
    store.close()


def test_stats_on_a_fresh_machine_shows_an_empty_profile_without_making_one(
    isolated_user_dirs, decks_dir, capsys
):
    assert main(["stats", "--decks", str(decks_dir)]) == 0
    assert "Profile: none yet" in capsys.readouterr().out
    assert not (isolated_user_dirs / "progress.sqlite3").exists()  # not even an empty file


def test_studying_under_an_unknown_name_without_a_terminal_asks_for_new_profile(
    monkeypatch, make_profiles, isolated_user_dirs, decks_dir, capsys
):
    make_profiles("leyla")
    assert study_one_card(monkeypatch, decks_dir, "--profile", "leylaa") == 1
    err = capsys.readouterr().err
    assert "did you mean 'leyla'?" in err and "--new-profile 'leylaa'" in err
    store = open_store(isolated_user_dirs)
    assert store.profile_names() == ["leyla"]
    store.close()


def test_new_profile_creates_it_studies_and_becomes_the_default(
    monkeypatch, make_profiles, isolated_user_dirs, decks_dir, capsys
):
    make_profiles("leyla")
    assert study_one_card(monkeypatch, decks_dir, "--new-profile", "Aysel") == 0
    store = open_store(isolated_user_dirs)
    aysel = store.find_profile("Aysel")
    assert aysel is not None and store.review_count(aysel.id) == 1
    assert store.last_profile() == "Aysel"
    store.close()
    capsys.readouterr()
    assert main(["stats", "--decks", str(decks_dir)]) == 0
    assert "Profile: Aysel" in capsys.readouterr().out


def test_studying_with_no_name_among_several_unopened_profiles_asks_which(
    monkeypatch, make_profiles, isolated_user_dirs, decks_dir, capsys
):
    """It used to make a new profile called "default" and study under it."""
    make_profiles("leyla", "tural")  # e.g. gathered from progress files, never opened here
    assert study_one_card(monkeypatch, decks_dir) == 1
    err = capsys.readouterr().err
    assert "which profile?" in err and "leyla" in err and "tural" in err
    assert "--profile NAME" in err and "--new-profile NAME" in err
    store = open_store(isolated_user_dirs)
    assert sorted(store.profile_names()) == ["leyla", "tural"]
    store.close()


def test_the_profile_can_come_from_the_environment(monkeypatch, make_profiles, decks_dir, capsys):
    make_profiles("leyla", "tural")
    monkeypatch.setenv(profiles.ENV_PROFILE, "tural")
    assert main(["stats", "--json", "--decks", str(decks_dir)]) == 0
    assert '"profile": "tural"' in capsys.readouterr().out
    monkeypatch.setenv(profiles.ENV_PROFILE, "nobody")
    assert main(["stats", "--decks", str(decks_dir)]) == 1
    assert "no profile called 'nobody'" in capsys.readouterr().err


def test_the_flag_wins_over_the_environment(monkeypatch, make_profiles, decks_dir, capsys):
    make_profiles("leyla", "tural")
    monkeypatch.setenv(profiles.ENV_PROFILE, "tural")
    assert main(["stats", "--json", "--decks", str(decks_dir), "--profile", "leyla"]) == 0
    assert '"profile": "leyla"' in capsys.readouterr().out


def test_a_yes_at_the_terminal_creates_the_profile_and_a_no_creates_nothing(isolated_user_dirs):
    store = open_store(isolated_user_dirs)
    store.profile("leyla", FROZEN)
    asked: list[str] = []
    with pytest.raises(profiles.UnknownProfile):
        profiles.study_profile(store, "Murad", FROZEN, confirm=lambda name: asked.append(name) or False)
    assert asked == ["Murad"] and store.find_profile("Murad") is None
    made = profiles.study_profile(store, "Murad", FROZEN, confirm=lambda name: True)
    assert made.name == "Murad" and store.last_profile() == "Murad"
    store.close()


def test_an_invalid_name_is_refused_with_what_a_name_may_be(isolated_user_dirs):
    store = open_store(isolated_user_dirs)
    with pytest.raises(UserError, match="invalid profile name") as caught:
        profiles.study_profile(store, None, FROZEN, new_profile="a\x1bb")
    assert "printable" in (caught.value.hint or "")
    store.close()


def test_deleting_a_profile_leaves_nothing_of_it_in_the_file(isolated_user_dirs):
    store = open_store(isolated_user_dirs)
    keep = store.profile("keeper", FROZEN)
    gone = store.profile("Zarifa-Unique-Name", FROZEN)
    store.remember_profile("Zarifa-Unique-Name")
    for profile in (keep, gone):
        store.record_review(
            profile.id,
            ("history", "wilson"),
            None,
            CardProgress(),
            reviewed_ms=1,
            grade=3,
            typed="Zarifa typed secret-answer-xyz" if profile is gone else "x",
            verdict="right",
            duration_ms=5,
        )
    forgotten: list[str] = []
    profiles.delete(store, "Zarifa-Unique-Name", also=forgotten.append)

    assert forgotten == ["Zarifa-Unique-Name"]
    assert store.profile_names() == ["keeper"]
    assert store.review_count(gone.id) == 0 and store.all_progress(gone.id) == {}
    assert store.review_count(keep.id) == 1
    assert store.last_profile() is None
    store.close()
    raw = b"".join(p.read_bytes() for p in isolated_user_dirs.glob("progress.sqlite3*"))
    assert b"Zarifa-Unique-Name" not in raw and b"secret-answer-xyz" not in raw


def test_rename_keeps_progress_and_refuses_a_taken_name(isolated_user_dirs):
    store = open_store(isolated_user_dirs)
    old = store.profile("leyla", FROZEN)
    store.profile("tural", FROZEN)
    store.remember_profile("leyla")
    with pytest.raises(UserError, match="already a profile called 'tural'"):
        profiles.rename(store, "leyla", "tural")
    profiles.rename(store, "leyla", "Leyla M.")
    assert store.find_profile("Leyla M.").id == old.id
    assert store.last_profile() == "Leyla M."
    store.close()
