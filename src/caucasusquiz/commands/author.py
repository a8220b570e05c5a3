"""`caucasusquiz author [--all] [DECK]`: the app, straight on the author screen (review
generated drafts, or with `--all` every card)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from caucasusquiz import paths
    from caucasusquiz.commands.tui import run_app

    # Every decision is written into the deck file: refuse the installed decks before the screen opens.
    paths.writable_decks(paths.resolve(decks=args.decks, data_dir=args.data_dir).decks)

    return run_app(args, author=True)
