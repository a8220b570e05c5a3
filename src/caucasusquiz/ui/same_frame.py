"""Draw a screen's changes in its next frame, all of them: the UI's one call into Textual's internals.

Why: a widget that changed (new text, shown or hidden) only tells its screen so when the
widget's own message queue next goes idle. The screen draws on a timer, and after a key
that timer is often due at once, so the screen draws before every widget has told it:
the answer appeared in two frames, the rest of it a frame later (a grade's next card
complete after 24 ms instead of 10 at 120 frames a second; measured in
docs/benchmarks.md). Calling what each widget would call on idle, now, puts every change
into the next frame.

Textual has no public way to do this: `Screen.refresh(layout=True)` lays out with the
containers' stale arrangements and the widgets still ask again a frame later (measured:
two frames on every key), and `App.batch_update` only holds frames back while its block
runs. So this calls the private `Widget._check_refresh` (Textual 8). If a release
renames it, `flush_pending_refreshes` does nothing and says so: the screen draws as
Textual would on its own, one frame later, and `tests/ui/test_same_frame.py` fails so
the upgrade notices.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widget import Widget

# What a widget runs when its queue goes idle (textual/widget.py, Widget._on_idle).
PRIVATE_METHOD = "_check_refresh"
# False: draw as Textual would on its own (benchmarks/bench_frames.py compares the two).
ENABLED = True


def available() -> bool:
    """Whether this Textual still has the private method this module relies on."""
    return callable(getattr(Widget, PRIVATE_METHOD, None))


def flush_pending_refreshes(screen: Screen[Any]) -> bool:
    """Pass every widget's pending refresh request to `screen` now. False when it could not."""
    if not ENABLED or not available():
        return False
    for widget in screen.walk_children(Widget, with_self=False):
        getattr(widget, PRIVATE_METHOD)()
    return True
