"""A real terminal for tests: one tmux session at 80×24 running a command."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path


class Terminal:
    """Read the screen, type keys. With `pid_file`, the command's process id is known (to kill
    it); without, the pane stays open after the command exits and shows its exit status.

    Each terminal runs on its own tmux server (`-L`), started without the user's tmux.conf:
    tests that share the default server fail at random when another run (a second checkout,
    a developer's own tmux) starts or kills sessions on it at the same moment."""

    def __init__(self, command: str, env: dict[str, str], pid_file: Path | None = None) -> None:
        self.name = f"cq-{uuid.uuid4().hex[:8]}"
        self.pid_file = pid_file
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        if pid_file is not None:
            script = f"echo $$ > {shlex.quote(str(pid_file))}; exec env {exports} {command}"
        else:
            script = f'env {exports} {command}; echo "[exit status $?]"; read _'
        self._tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            "80",
            "-y",
            "24",
            "sh",
            "-c",
            script,
        )

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.name, *args], capture_output=True, text=True, check=check)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name).stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Poll the screen until `text` is on it (a condition, not a fixed delay)."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen shows:\n{screen}")
            time.sleep(0.05)

    def wait_until(self, condition: Callable[[str], bool], timeout: float = 30.0) -> str:
        """Poll the screen until `condition(screen)` holds."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if condition(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never changed as expected; it shows:\n{screen}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def kill(self) -> None:
        """kill -9 the command (needs `pid_file`)."""
        assert self.pid_file is not None
        os.kill(int(self.pid_file.read_text().strip()), signal.SIGKILL)

    def close(self) -> None:
        socket = self._tmux("display-message", "-p", "#{socket_path}", check=False).stdout.strip()
        self._tmux("kill-server", check=False)
        if socket:  # tmux leaves the socket file of a server it was told to kill
            Path(socket).unlink(missing_ok=True)
