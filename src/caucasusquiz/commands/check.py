"""`caucasusquiz check [PATH...] [--fix]`: every problem in every deck, as file:line: message."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.decks.collection import deck_files, load_collection
from caucasusquiz.decks.fix import add_missing_ids
from caucasusquiz.errors import UserError
from caucasusquiz.text import strip_forbidden


def run(args: argparse.Namespace) -> int:
    targets = [Path(p) for p in args.paths] or [paths.resolve(decks=args.decks).decks]
    for target in targets:
        if not target.exists():
            raise UserError(f"{target}: no such file or folder")
    files = deck_files(targets)
    if not files:
        raise UserError(f"no deck files (*.yaml, *.yml) in {', '.join(map(str, targets))}")

    if args.fix:
        for path in files:
            for fix in add_missing_ids(path):
                print(strip_forbidden(f"{fix.path}:{fix.line}: fixed: added id {fix.new_id!r}"))

    # The checker always reads the files themselves: it is the authority the cache relies on.
    collection = load_collection(files, cache=None)
    problems = collection.problems
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if problem.is_error or not args.quiet:
            print(strip_forbidden(str(problem)), file=sys.stdout)

    from caucasusquiz.authoring.drafts import draft_counts

    drafts = draft_counts(collection.decks)
    if not args.quiet:
        for count in drafts:
            print(count.line)
    cards = sum(len(deck.cards) for deck in collection.decks)
    warnings = len(problems) - len(errors)
    bad_files = len({p.path for p in errors})
    summary = (
        f"{len(files)} deck file{'s' * (len(files) != 1)}, {cards} card{'s' * (cards != 1)}: "
        f"{_count(len(errors), 'error')}, {_count(warnings, 'warning')}"
    )
    if errors:
        summary += f" in {bad_files} file{'s' * (bad_files != 1)}"
    if drafts:
        summary += f"; {sum(d.drafts for d in drafts)} drafts to review (caucasusquiz author)"
    print(summary)
    if any("--fix" in (p.hint or "") for p in errors) and not args.fix:
        print("Some cards have no id: `caucasusquiz check --fix` adds them without touching other lines.")
    return 1 if errors else 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"
