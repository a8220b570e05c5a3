"""`caucasusquiz author [DECK]`: the app, straight on the author screen (review generated drafts)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from caucasusquiz.commands.tui import run_app

    return run_app(args, author=True)
