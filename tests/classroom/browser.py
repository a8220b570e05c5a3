"""Driving `caucasusquiz serve` with the system's headless Chromium through Playwright.

Used by the browser tests (benchmarks/bench_serve.py keeps its own copy of the Chromium
flags and server start, so benchmarks never import tests). The terminal is drawn on a
canvas, so what the app shows is read from the websocket stream it sends to the page
(ANSI text); every wait is on a condition with a timeout, never a fixed sleep.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07")


def wait_until(condition: Callable[[], object], timeout: float, what: str, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(step)  # polling interval of a condition wait, not a synchronisation sleep


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(decks: Path, data: Path, port: int, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "CAUCASUSQUIZ_DATA_DIR": str(data)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "caucasusquiz",
            "serve",
            "--port",
            str(port),
            "--decks",
            str(decks),
            "--data-dir",
            str(data),
            *extra,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # Its own process group: the app processes it starts for each tab end with it, as
        # they do when a teacher presses Ctrl+C (which signals the whole group).
        start_new_session=True,
    )

    def listening() -> bool:
        if server.poll() is not None:
            raise RuntimeError(f"serve exited: {server.stdout.read() if server.stdout else ''}")
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", port)) == 0

    wait_until(listening, 30, "the server to listen")
    return server


def stop_server(server: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()


class Screen:
    """What one tab's app has drawn, as text, from the websocket frames it sent."""

    def __init__(self, page) -> None:
        self.page = page
        self.chunks: list[str] = []
        self.mark = 0
        page.on("websocket", self._watch)

    def _watch(self, websocket) -> None:
        websocket.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        if isinstance(payload, bytes):
            payload = payload.decode("utf-8", errors="ignore")
        self.chunks.append(_ANSI.sub("", payload))

    def pump(self) -> None:
        """Let Playwright deliver what the page received (the sync API does so only when called)."""
        self.page.wait_for_timeout(20)

    def focus(self) -> None:
        """Keys go to the terminal only once its input box has focus, as after a click."""
        self.page.click("#terminal")

    def text(self) -> str:
        return "".join(self.chunks[self.mark :])

    def wait_for(self, words: str, timeout: float = 30) -> None:
        """Wait until the app draws `words` (after the last `expect_new`)."""

        def seen() -> bool:
            self.pump()
            return words in self.text()

        try:
            wait_until(seen, timeout, f"{words!r} on the page")
        except TimeoutError as exc:
            raise TimeoutError(f"{exc}; the page drew since: {self.text()[-1500:]!r}") from None

    def expect_new(self) -> None:
        """Only what is drawn from now on counts for the next wait."""
        self.mark = len(self.chunks)
