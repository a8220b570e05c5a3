"""`caucasusquiz optimize`: fit FSRS parameters to this profile's reviews and report the gain."""

from __future__ import annotations

import argparse

from caucasusquiz import paths
from caucasusquiz.study.optimize import optimize
from caucasusquiz.study.scheduler import DEFAULT_PARAMETERS
from caucasusquiz.workspace import open_workspace


def run(args: argparse.Namespace) -> int:
    workspace = open_workspace(paths.resolve(decks=args.decks, data_dir=args.data_dir), args.profile)
    try:
        profile = workspace.profile
        current = profile.fsrs_parameters or DEFAULT_PARAMETERS
        result = optimize(workspace.store.reviews(profile.id), current, workspace.settings.day_starts_at)
        print(
            f"Profile {profile.name}: {result.reviews} reviews; fitted on {result.train_items} "
            f"predictions, checked on {result.test_items} held-out predictions."
        )
        print(f"  log loss  {result.before.loss:.4f} → {result.after.loss:.4f}")
        print(f"  RMSE      {result.before.rmse:.4f} → {result.after.rmse:.4f}")
        if not result.improved:
            print("The fitted parameters predict your held-out reviews no better; keeping the current ones.")
        elif args.dry_run:
            print("Dry run: parameters not saved.")
        else:
            workspace.store.set_parameters(profile.id, result.parameters)
            print("Saved: future reviews of this profile are scheduled with the fitted parameters.")
    finally:
        workspace.close()
    return 0
