"""Run a program on a pseudo-terminal of 80×24 and time what appears on it.

A pty is a real terminal device: the program sees a tty, switches to the alternate
screen, and writes its escape sequences; we read exactly the bytes a terminal would
draw, so "drawn" means "the bytes of the new screen have been written".
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|\x1b\][^\x07]*\x07")


class PtyProgram:
    def __init__(self, argv: list[str], env: dict[str, str], columns: int = 80, rows: int = 24) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self.raw = b""

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            return False
        self.raw += chunk
        # Answer the terminal queries Textual sends at start-up, like a real terminal would.
        if b"\x1b[c" in chunk:
            os.write(self.master, b"\x1b[?62;22c")
        return bool(chunk)

    def text(self) -> str:
        return ANSI.sub(b"", self.raw).decode("utf-8", "replace")

    def wait_for(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:
        """Read output until `pattern` (a regex) appears in what was written since the last mark."""
        deadline = time.perf_counter() + timeout
        regex = re.compile(pattern)
        while True:
            match = regex.search(self.text())
            if match:
                return match
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{pattern!r} did not appear; last output: {self.text()[-500:]!r}")
            self._read(remaining)

    def mark(self) -> None:
        """Forget output so far: the next wait_for only sees what comes after this point."""
        while self._read(0):
            pass
        self.raw = b""

    def send(self, data: bytes) -> float:
        self.mark()
        sent = time.perf_counter()
        os.write(self.master, data)
        return sent

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        os.close(self.master)
