"""Settings files and the 4 a.m. study day."""

from __future__ import annotations

import io
import os
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.cli import main
from caucasusquiz.clock import day_start, next_day_start, study_day
from caucasusquiz.errors import UserError
from caucasusquiz.settings import EXAMPLE, Settings, load_settings

BAKU = timezone(timedelta(hours=4))


def test_missing_file_gives_defaults(tmp_path: Path):
    assert load_settings(tmp_path / "settings.toml") == Settings()


def test_documented_example_gives_the_defaults(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text(EXAMPLE)
    assert load_settings(path) == Settings()


def test_settings_are_read(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text(
        '[study]\nnew_per_day = 5\n[scheduler]\nlearning_steps = ["30s", "5m", "1h"]\n'
        "desired_retention = 0.85\nfuzz = false\n"
    )
    settings = load_settings(path)
    assert settings.new_per_day == 5 and settings.desired_retention == 0.85 and not settings.fuzz
    assert settings.learning_steps == (timedelta(seconds=30), timedelta(minutes=5), timedelta(hours=1))


@pytest.mark.parametrize(("written", "read"), [('"auto"', "auto"), ('"Auto "', "auto"), ("0.8", 0.8)])
def test_desired_retention_is_auto_by_default_and_a_number_wins(tmp_path: Path, written: str, read: object):
    assert Settings().desired_retention == "auto" and Settings().fixed_retention is None
    path = tmp_path / "settings.toml"
    path.write_text(f"[scheduler]\ndesired_retention = {written}\n")
    settings = load_settings(path)
    assert settings.desired_retention == read
    assert settings.fixed_retention == (None if read == "auto" else read)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[study]\nnew_per_dya = 5\n", 2, "unknown setting `new_per_dya`"),
        ("[studdy]\nnew_per_day = 5\n", 1, "unknown section [studdy]"),
        ('[study]\nnew_per_day = "lots"\n', 2, "must be a whole number"),
        ("[scheduler]\ndesired_retention = 1.5\n", 2, 'between 0.70 and 0.99, or "auto"'),
        ('[scheduler]\ndesired_retention = "optimal"\n', 2, 'a number such as 0.9, or "auto"'),
        ('[scheduler]\nlearning_steps = ["soon"]\n', 2, "is not a duration"),
        ("[study]\nday_starts_at = 25\n", 2, "an hour from 0 to 23"),
        ("[study\n", 1, "line 1"),
    ],
)
def test_mistakes_name_the_file_and_line(tmp_path: Path, text: str, line: int, message: str):
    path = tmp_path / "settings.toml"
    path.write_text(text)
    with pytest.raises(UserError) as info:
        load_settings(path)
    assert str(info.value).startswith(f"{path}:{line}:") or f"line {line}" in str(info.value)
    assert message in str(info.value)


def test_study_day_starts_at_four_in_the_morning():
    just_before = datetime(2026, 3, 2, 3, 59, tzinfo=BAKU)
    just_after = datetime(2026, 3, 2, 4, 0, tzinfo=BAKU)
    assert study_day(just_before.astimezone(UTC), 4, BAKU) == date(2026, 3, 1)
    assert study_day(just_after.astimezone(UTC), 4, BAKU) == date(2026, 3, 2)


def test_day_boundaries_in_utc():
    assert day_start(date(2026, 3, 2), 4, BAKU) == datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    late_night = datetime(2026, 3, 2, 1, 30, tzinfo=BAKU).astimezone(UTC)
    assert next_day_start(late_night, 4, BAKU) == datetime(2026, 3, 2, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("steps", ['["99999999999d"]', '["3000000d"]', '["400d"]', '["0m"]'])
def test_steps_out_of_range_are_refused_with_the_line(tmp_path: Path, steps: str):
    path = tmp_path / "settings.toml"
    path.write_text(f"[scheduler]\nlearning_steps = {steps}\n")
    with pytest.raises(UserError, match=r"settings.toml:2: `learning_steps` must be longer than 0"):
        load_settings(path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_bytes("\ufeff[study]\nnew_per_day = 7\n".encode())
    assert load_settings(path).new_per_day == 7


def test_a_settings_file_that_is_a_fifo_or_device_is_refused(tmp_path: Path):
    fifo = tmp_path / "settings.toml"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="not a regular file"):
        load_settings(fifo)
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    with pytest.raises(UserError, match="not a regular file"):
        load_settings(link)


def test_a_config_file_named_in_the_environment_must_exist(monkeypatch, tmp_path: Path, capsys):
    from caucasusquiz.cli import main

    monkeypatch.setenv("CAUCASUSQUIZ_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(UserError, match=r"missing.toml .*does not exist"):
        paths.resolve(data_dir=tmp_path)
    assert main(["stats", "--data-dir", str(tmp_path)]) == 1
    assert "CAUCASUSQUIZ_CONFIG" in capsys.readouterr().err


def _user_settings(isolated_user_dirs: Path, text: str) -> Path:
    """settings.toml in the user's config folder (conftest points XDG_CONFIG_HOME at a temporary home)."""
    path = paths.user_settings_file()
    assert isolated_user_dirs.parent in path.parents  # never the real user's file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_chosen_data_dir_without_settings_keeps_the_users_settings_file(
    isolated_user_dirs, decks_dir, monkeypatch, capsys
):
    """With CAUCASUSQUIZ_DATA_DIR set (conftest sets it), the README's settings file was ignored."""
    user_file = _user_settings(isolated_user_dirs, "[study]\nnew_per_day = 5\n")
    assert paths.resolve().config_file == user_file
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    main(["study", "--plain", "--decks", str(decks_dir), "--new-profile", "s"])
    assert "Profile s: 5 new" in capsys.readouterr().out


def test_a_data_dir_with_its_own_settings_uses_them(isolated_user_dirs):
    """A stick or class share that carries its settings.toml keeps them wherever it goes."""
    _user_settings(isolated_user_dirs, "[study]\nnew_per_day = 5\n")
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    carried = isolated_user_dirs / "settings.toml"
    carried.write_text("[study]\nnew_per_day = 7\n", encoding="utf-8")
    assert paths.resolve().config_file == carried
    assert load_settings(paths.resolve().config_file).new_per_day == 7
