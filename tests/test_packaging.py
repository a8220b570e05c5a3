"""A plain `pip install .` carries the decks and seeds, and the app finds them from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # No build isolation: hatchling comes with the test extras, so this works offline.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--disable-pip-version-check",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("caucasusquiz-*.whl")
    return path


def test_wheel_contains_decks_and_seeds(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    decks = [n for n in names if n.startswith("caucasusquiz/bundled/decks/") and n.endswith(".yaml")]
    seeds = [n for n in names if n.startswith("caucasusquiz/bundled/seeds/") and n.endswith(".txt")]
    shipped_decks = sorted(p.name for p in (ROOT / "decks").glob("*.yaml"))
    assert sorted(Path(n).name for n in decks) == shipped_decks
    assert len(seeds) == 5
    assert "caucasusquiz/ui/app.tcss" in names or not (ROOT / "src/caucasusquiz/ui/app.tcss").exists()
    guides = sorted(Path(n).name for n in names if n.startswith("caucasusquiz/bundled/docs/"))
    assert guides == sorted(p.name for p in (ROOT / "docs").glob("*.md"))


def test_wheel_metadata_has_no_made_up_address(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode("utf-8")
    assert ".invalid" not in text and "example." not in text


def test_installed_app_finds_bundled_decks_from_anywhere(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "CAUCASUSQUIZ_DATA_DIR": str(tmp_path / "data")}
    env.pop("CAUCASUSQUIZ_DECKS", None)
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "from caucasusquiz import paths; l = paths.resolve(); print(l.decks); print(l.seeds)",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert Path(where[0]).is_relative_to(site) and Path(where[1]).is_relative_to(site)
    check = subprocess.run(
        [sys.executable, "-m", "caucasusquiz", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 errors" in check.stdout


@pytest.fixture
def installed(wheel: Path, tmp_path: Path) -> tuple[Path, dict[str, str], Path]:
    """The wheel unpacked as site-packages, the environment to run it, and a folder elsewhere."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "CAUCASUSQUIZ_DATA_DIR": str(tmp_path / "data")}
    env.pop("CAUCASUSQUIZ_DECKS", None)
    return site, env, elsewhere


def _run(installed: tuple[Path, dict[str, str], Path], *argv: str) -> subprocess.CompletedProcess[str]:
    _, env, cwd = installed
    return subprocess.run(
        [sys.executable, "-m", "caucasusquiz", *argv], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_installed_decks_are_never_written_and_a_copy_is_offered(installed):
    site, _, elsewhere = installed
    decks = site / "caucasusquiz" / "bundled" / "decks"
    before = {p.name: p.read_bytes() for p in decks.iterdir()}
    for argv in (["generate", "--quiet"], ["check", "--fix"]):
        result = _run(installed, *argv)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "caucasusquiz copy-decks DIR" in result.stderr
    assert {p.name: p.read_bytes() for p in decks.iterdir()} == before
    copied = _run(installed, "copy-decks", "my-decks")
    assert copied.returncode == 0, copied.stderr
    assert f"caucasusquiz --decks {elsewhere.resolve() / 'my-decks'}" in copied.stdout
    check = _run(installed, "check", "--fix", "my-decks")
    assert check.returncode == 0 and "0 errors" in check.stdout, check.stdout + check.stderr
    assert sorted(p.name for p in (elsewhere / "my-decks").iterdir()) == sorted(before)


def test_installed_guides_are_readable_where_hints_point(installed):
    listing = _run(installed, "docs")
    assert listing.returncode == 0 and "settings" in listing.stdout
    guide = _run(installed, "docs", "settings")
    assert guide.returncode == 0
    assert guide.stdout == (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
