"""Where a walk through every card (`author --all`) starts: where the author left off.

Reworking a hundred cards takes more than one sitting, and a walk that always opened at the
first card sent the author back over what they had just signed off. Like a reader picking a
book up again, the walk opens at the first card nobody has signed off yet (a draft, or a
card written by hand without `reviewed:`); when every card is signed off, just after the
one signed off last (the latest `reviewed:` date, the last such card in the walk). When
even that is no help (the latest card is the walk's last, or no card has a date), it opens
at the first card and says why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from caucasusquiz.decks.model import Card
from caucasusquiz.text import plural

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Resume:
    index: int  # the card the walk starts at, in walk order
    reason: str | None  # what the author is told about it; None at the first card, not signed off


def resume_point(cards: Sequence[Card]) -> Resume:
    """Where to start a walk over `cards` (in walk order), and why."""
    unsigned = next((i for i, card in enumerate(cards) if card.reviewed is None), None)
    if unsigned is not None:
        if unsigned == 0:
            return Resume(0, None)
        return Resume(
            unsigned,
            f"Resumed at the first card not yet signed off; the {plural(unsigned, 'card')} "
            "before it, all signed off, come at the end.",
        )
    dated = [
        (card.reviewed, i) for i, card in enumerate(cards) if card.reviewed and _DATE.fullmatch(card.reviewed)
    ]
    if not dated:
        return Resume(0, "Every card is signed off (none says when): starting at the first.")
    latest, last = max(dated)
    if last + 1 == len(cards):
        return Resume(
            0, f"Every card is signed off, the last one most recently ({latest}): starting at the first."
        )
    return Resume(
        last + 1,
        f"Every card is signed off: resumed after the last one signed off ({latest}); "
        f"the {plural(last + 1, 'card')} before it come at the end.",
    )
