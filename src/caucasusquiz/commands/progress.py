"""`caucasusquiz progress export|import`: move a profile's progress between machines.

A teacher gathers the students' files into one data folder for `caucasusquiz report`;
a student restores a backup. Import is idempotent and never overwrites newer data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.classroom.progress_files import read_progress_file
from caucasusquiz.clock import utc_now
from caucasusquiz.errors import UserError
from caucasusquiz.text import plural
from caucasusquiz.workspace import open_store


def run(args: argparse.Namespace) -> int:
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    if args.progress_command == "export":
        from caucasusquiz.commands.export import export_progress, progress_only

        with progress_only(locations, args.profile) as (store, profile):
            if store.review_count(profile.id) == 0 and not store.all_progress(profile.id):
                # An empty backup would look like a good one until the day it is needed.
                raise UserError(
                    f"profile {profile.name!r} has no progress yet: there is nothing to back up",
                    "is it the right profile or data folder? `caucasusquiz stats --profile NAME` "
                    "shows a profile's progress",
                )
            text = export_progress(store, profile, "json")
        if args.out:
            from caucasusquiz.interchange.atomic import write_text_atomically

            write_text_atomically(Path(args.out), text)  # a backup is whole, or the old one stays
            print(f"Wrote {args.out} ({profile.name})", file=sys.stderr)
        else:
            sys.stdout.write(text)
        return 0
    # Every file is read and checked before anything is written: one bad file, no import.
    files = [read_progress_file(Path(name)) for name in args.files]
    now = utc_now()
    store, _ = open_store(locations, now, move_damaged=False)
    try:
        for file in files:
            # Importing names the profile explicitly, so here (only here) it may be created.
            profile = store.profile(file.profile, now)
            added, updated = store.merge_progress(profile.id, file.reviews, file.cards)
            print(
                f"{file.path}: {file.profile}: "
                f"{plural(added, 'review')} added, {plural(updated, 'card')} updated"
            )
    finally:
        store.close()
    return 0
