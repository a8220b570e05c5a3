"""`serve` off loopback: the class code before anything, wrong codes rate-limited; served-mode limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from caucasusquiz.commands.serve import app_command, is_loopback
from caucasusquiz.serving.gate import LOCKOUT_SECONDS, MAX_WRONG, CodeGate
from caucasusquiz.serving.web import COOKIE, ClassServer


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_only_loopback_addresses_count_as_this_machine():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20") and not is_loopback("example.org")


def test_wrong_codes_lock_an_address_out_for_a_while():
    ticks = Ticks()
    gate = CodeGate("482913", monotonic=ticks)
    for _ in range(MAX_WRONG - 1):
        assert gate.try_code("10.0.0.5", "000000").ok is False
    locked = gate.try_code("10.0.0.5", "111111")
    assert locked.retry_after == LOCKOUT_SECONDS
    assert gate.try_code("10.0.0.5", "482913").ok is False  # even the right code waits
    assert gate.try_code("10.0.0.6", "482913").ok is True  # another address is not punished
    ticks.now += LOCKOUT_SECONDS + 1
    passed = gate.try_code("10.0.0.5", " 482913 ")
    assert passed.ok and gate.admits(passed.pass_token)
    assert not gate.admits("forged") and not gate.admits(None)


@pytest.fixture
async def client():
    server = ClassServer("true", host="0.0.0.0", port=0, gate=CodeGate("482913"))
    test_client = TestClient(TestServer(await server._make_app()))
    await test_client.start_server()
    yield test_client
    await test_client.close()


async def test_without_the_code_the_page_is_only_a_form_and_the_app_is_refused(client):
    page = await client.get("/")
    text = await page.text()
    assert page.status == 200 and 'name="code"' in text and "websocket" not in text.lower()
    socket = await client.get("/ws")
    assert socket.status == 403  # no app process is started


async def test_a_wrong_code_gets_nothing_and_too_many_are_rate_limited(client):
    for _ in range(MAX_WRONG - 1):
        wrong = await client.post("/", data={"code": "123456"}, allow_redirects=False)
        assert wrong.status == 403 and "not the class code" in await wrong.text()
        assert COOKIE not in wrong.cookies
    limited = await client.post("/", data={"code": "123456"}, allow_redirects=False)
    assert limited.status == 429 and "Retry-After" in limited.headers


async def test_the_right_code_opens_the_app_page(client):
    right = await client.post("/", data={"code": "482913"}, allow_redirects=False)
    assert right.status == 303 and COOKIE in right.cookies
    page = await client.get("/")
    text = await page.text()
    assert page.status == 200 and "/ws" in text and 'name="code"' not in text
    assert "googleapis" not in text and "fonts/RobotoMono" in text  # no third party sees the class


def test_each_tab_runs_this_python_on_the_same_folders(tmp_path: Path):
    import argparse
    import sys

    decks = tmp_path / "decks"
    decks.mkdir()
    command = app_command(argparse.Namespace(decks=str(decks), data_dir=str(tmp_path / "data")))
    assert command.startswith(sys.executable) and "-m caucasusquiz" in command
    assert str(decks) in command and str(tmp_path / "data") in command
