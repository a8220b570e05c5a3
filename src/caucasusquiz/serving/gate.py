"""The class code in front of a served app: nothing is shown, and no app is started, without it.

A wrong code gets nothing but "wrong code"; after a few wrong tries from one address that
address must wait (rate limit), so a six-digit code cannot be guessed in a lesson.
A right code earns a random pass, kept in a cookie, that the app's websocket must show.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_WRONG = 5  # wrong codes allowed per address within WINDOW_SECONDS
WINDOW_SECONDS = 60.0
LOCKOUT_SECONDS = 60.0


def new_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


@dataclass(frozen=True, slots=True)
class Attempt:
    ok: bool
    pass_token: str | None = None
    retry_after: float = 0.0  # > 0: locked out, try again in this many seconds


@dataclass
class CodeGate:
    code: str
    monotonic: Callable[[], float] = time.monotonic
    _wrong: dict[str, list[float]] = field(default_factory=dict)
    _locked_until: dict[str, float] = field(default_factory=dict)
    _passes: set[str] = field(default_factory=set)

    def try_code(self, client: str, typed: str) -> Attempt:
        now = self.monotonic()
        locked = self._locked_until.get(client, 0.0)
        if now < locked:
            return Attempt(False, retry_after=locked - now)  # not even checked while locked
        if hmac.compare_digest(typed.strip().encode(), self.code.encode()):
            self._wrong.pop(client, None)
            token = secrets.token_urlsafe(24)
            self._passes.add(token)
            return Attempt(True, pass_token=token)
        recent = [t for t in self._wrong.get(client, []) if now - t < WINDOW_SECONDS]
        recent.append(now)
        self._wrong[client] = recent
        if len(recent) >= MAX_WRONG:
            self._locked_until[client] = now + LOCKOUT_SECONDS
            self._wrong[client] = []
            return Attempt(False, retry_after=LOCKOUT_SECONDS)
        return Attempt(False)

    def admits(self, token: str | None) -> bool:
        if not token:
            return False
        return any(hmac.compare_digest(token, known) for known in self._passes)
