"""`serve --host 0.0.0.0` prints the addresses students type, not 0.0.0.0 (new-user trial 6)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from caucasusquiz import profiles
from caucasusquiz.commands import serve
from caucasusquiz.serving import addresses
from caucasusquiz.serving.addresses import lan_addresses, student_urls
from caucasusquiz.serving.mode import ENV_SERVED
from caucasusquiz.serving.web import ClassServer


def found(*names: str):
    return lambda: iter(names)


def test_a_wildcard_host_gives_the_machines_lan_addresses_without_loopback_or_duplicates():
    finders = (found("192.0.2.2"), found("127.0.1.1", "192.0.2.2", "10.1.2.3", "169.254.0.9", "bogus"))
    assert lan_addresses(finders) == ["192.0.2.2", "10.1.2.3"]
    assert student_urls("0.0.0.0", 8765, finders) == ["http://192.0.2.2:8765", "http://10.1.2.3:8765"]


def test_a_named_host_is_the_address_students_type():
    assert student_urls("192.0.2.7", 8000, (found("10.0.0.1"),)) == ["http://192.0.2.7:8000"]


def test_the_real_finders_return_addresses_or_nothing_and_never_raise():
    assert all("." in address for address in lan_addresses())


def run_serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, lan: tuple[str, ...]) -> str:
    monkeypatch.setattr(ClassServer, "serve", lambda self: None)  # print, do not listen
    # serve sets these for the tabs it starts: recorded here, so that they are put back
    # after the test (a later test's app would otherwise run as a served tab).
    monkeypatch.setenv(ENV_SERVED, "0")
    monkeypatch.setenv(profiles.ENV_PROFILE, "teacher")
    monkeypatch.setattr(addresses, "FINDERS", (found(*lan),))
    decks = tmp_path / "decks"
    decks.mkdir()
    args = argparse.Namespace(
        decks=str(decks), data_dir=str(tmp_path / "data"), host="0.0.0.0", port=8765, code="4711"
    )
    assert serve.run(args) == 0
    return capsys.readouterr().out


def test_serve_on_every_interface_prints_what_students_type(
    tmp_path, monkeypatch, capsys, isolated_user_dirs
):
    out = run_serve(tmp_path, monkeypatch, capsys, ("192.0.2.2",))
    assert "Class code: 4711" in out
    assert "Students open: http://192.0.2.2:8765" in out


def test_without_a_lan_address_serve_says_how_to_find_it(tmp_path, monkeypatch, capsys, isolated_user_dirs):
    out = run_serve(tmp_path, monkeypatch, capsys, ())
    assert "Students open http://<this machine's address>:8765 (`ip addr` or `ipconfig`" in out


def test_serve_run_in_a_test_leaves_this_process_unserved():
    import os

    assert os.environ.get(ENV_SERVED) != "1"  # the tests above put the environment back
