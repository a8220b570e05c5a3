"""The full-screen app: `caucasusquiz` (home screen) and `caucasusquiz study` (straight into a session)."""

from __future__ import annotations

import argparse

from caucasusquiz import paths


def run_app(args: argparse.Namespace, study: bool = False) -> int:
    # Textual is imported here, not at module level: it is the largest import of the
    # program (about 0.1 s) and the other commands never need it.
    from caucasusquiz.ui.app import make_app

    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    app = make_app(locations, profile=args.profile, study=study, deck=getattr(args, "deck", None),
                   limit=getattr(args, "limit", None))
    app.run()
    return app.return_code or 0


def run_study(args: argparse.Namespace) -> int:
    return run_app(args, study=True)
