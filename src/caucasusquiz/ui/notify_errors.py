"""Turn a user-fixable error raised inside a key handler into a notification.

An exception escaping a Textual handler ends the app with a traceback. A read-only disk,
a deck folder that vanished or a damaged file are not bugs: the learner is told what
happened and what to do, and the app carries on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from textual.message_pump import MessagePump

from caucasusquiz.errors import UserError

P = ParamSpec("P")
R = TypeVar("R")
W = TypeVar("W", bound=MessagePump)  # a widget, screen or app: it has `.app`


def notify_user_errors(handler: Callable[Concatenate[W, P], R]) -> Callable[Concatenate[W, P], R | None]:
    """Decorate a widget's method: a UserError becomes an error notification."""

    @functools.wraps(handler)
    def wrapper(widget: W, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return handler(widget, *args, **kwargs)
        except UserError as error:
            message = str(error) + (f" — {error.hint}" if error.hint else "")
            widget.app.notify(message, title="Could not do that", severity="error", timeout=10)
            return None

    return wrapper
