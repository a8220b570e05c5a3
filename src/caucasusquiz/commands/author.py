"""`caucasusquiz author [--all] [DECK]`: the app, straight on the author screen (review
generated drafts, or with `--all` every card)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from caucasusquiz.commands.tui import run_app

    return run_app(args, author=True)
