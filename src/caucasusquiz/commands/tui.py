"""The full-screen app: `caucasusquiz` (home screen) and `caucasusquiz study` (straight into a session)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from caucasusquiz import paths

if TYPE_CHECKING:
    import argparse  # ~3 ms of the first paint when imported for real; only the hints need it

# Textual batches screen updates on a timer of 1/TEXTUAL_FPS seconds (default 60), so a
# key press waits up to a whole 60 Hz frame before anything is drawn. At 120 Hz the next
# card is on screen within one 60 Hz frame (measured in benchmarks/bench_ui.py); the
# timer only runs while something needs drawing. A user's own TEXTUAL_FPS wins.
UPDATE_RATE = "120"


def run_app(args: argparse.Namespace, study: bool = False, author: bool = False) -> int:
    os.environ.setdefault("TEXTUAL_FPS", UPDATE_RATE)
    # Textual is imported here, not at module level: it is the largest import of the
    # program (about 0.14 s) and the other commands never need it.
    from caucasusquiz.ui.app import make_app

    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    deck = getattr(args, "deck", None)
    if deck:
        # A deck name that matches nothing is a message with a did-you-mean here, before the
        # screen is taken over; a unique start of a title is resolved to its deck's id.
        from caucasusquiz.workspace import load_decks

        deck = load_decks(locations).require_deck(deck).id
    app = make_app(
        locations,
        profile=args.profile,
        new_profile=getattr(args, "new_profile", None),
        study=study,
        deck=deck,
        limit=getattr(args, "limit", None),
        author=author,
        author_all=getattr(args, "all_cards", False),
    )
    app.run()
    return app.return_code or 0


def run_study(args: argparse.Namespace) -> int:
    return run_app(args, study=True)
