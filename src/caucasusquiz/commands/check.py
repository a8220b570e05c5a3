"""`caucasusquiz check [PATH...] [--fix]`: every problem in every deck, as file:line: message."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import Collection, load_collection, load_deck
from caucasusquiz.decks.fix import add_missing_ids_keeping_history
from caucasusquiz.decks.folder import TOPICS_FILE, deck_files
from caucasusquiz.decks.left_out import (
    cards_left_out,
    hidden_by_study,
    hidden_by_study_text,
    whole_file_left_out,
)
from caucasusquiz.decks.model import Problem, ProblemKind
from caucasusquiz.errors import UserError
from caucasusquiz.text import plural, strip_forbidden


def run(args: argparse.Namespace) -> int:
    defaulted = not args.paths
    targets = [Path(p) for p in args.paths] or [paths.resolve(decks=args.decks).decks]
    for target in targets:
        if not target.exists():
            raise UserError(f"{target}: no such file or folder")
    # A generator topics file (seeds/topics.yaml) is checked by its own rules, not as a deck.
    from caucasusquiz.generator.topics import check_topics

    topic_files = sorted(
        {t for t in targets if t.is_file() and t.name == TOPICS_FILE}
        | {t / TOPICS_FILE for t in targets if t.is_dir() and (t / TOPICS_FILE).is_file()}
    )
    topic_problems = [problem for path in topic_files for problem in check_topics(path)[1]]
    for topic_problem in topic_problems:
        print(strip_forbidden(str(topic_problem)))
    files = deck_files(targets)  # the topics file is not among them
    if not files and topic_files:
        print(f"{plural(len(topic_files), 'topics file')}: {plural(len(topic_problems), 'error')}")
        return 1 if topic_problems else 0
    if not files:
        raise UserError(f"no deck files (*.yaml, *.yml) in {', '.join(map(str, targets))}")

    if args.fix:
        for path in files:
            paths.writable_decks(path)  # before any file is changed: all or nothing
    # The checker always reads the files themselves: it is the authority the cache relies on.
    collection = load_collection(files, cache=None)
    if args.fix:
        collection = _fix_missing_ids(
            collection, DeckCache(paths.resolve(decks=args.decks).cache_dir / "decks")
        )
    problems = collection.problems + _source_problems(collection, targets, args)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if problem.is_error or not args.quiet:
            print(strip_forbidden(str(problem)), file=sys.stdout)
    for load in collection.loads:  # the cost of an error that stops a whole file, spelled out
        whole = whole_file_left_out(load)
        if whole:
            print(strip_forbidden(whole))
            if any(p.kind in _STOPS_READING for p in load.errors):
                # "every problem in every deck" cannot hold here: the parser stopped.
                print(f"{load.path.name}: problems further on in this file show once it reads")

    from caucasusquiz.authoring.drafts import draft_counts

    drafts = draft_counts(collection.decks)
    if not args.quiet:
        for count in drafts:
            print(count.line)
        _print_hidden_by_study(collection)
    cards = sum(len(deck.cards) for deck in collection.decks)
    warnings = len(problems) - len(errors)
    bad_files = len({p.path for p in errors})
    left_out = cards_left_out(collection.loads)  # said in the files' own terms: items under `cards:`
    # Beside the count: the cards written but not studied, and the cards loaded but hidden.
    notes = [note for note in (str(left_out), hidden_by_study_text(collection.decks)) if note]
    notes_text = f" ({'; '.join(notes)})" if notes else ""
    summary = (
        f"{plural(len(files), 'deck file')}, {plural(cards, 'card')}{notes_text}: "
        f"{plural(len(errors), 'error')}, {plural(warnings, 'warning')}"
    )
    if defaulted:  # no path typed: say which folder was checked (a copy may be elsewhere)
        summary = f"{targets[0]}: {summary}"
    if errors:
        summary += f" in {plural(bad_files, 'file')}"
    if drafts:
        summary += f"; {plural(sum(d.drafts for d in drafts), 'draft')} to review (caucasusquiz author)"
    elif collection.decks:
        summary += "; no drafts left to review"
    print(strip_forbidden(summary))  # it can name the decks folder, typed by the user
    if any(p.kind is ProblemKind.MISSING_ID for p in errors) and not args.fix:
        print("Some cards have no id: `caucasusquiz check --fix` adds them without touching other lines.")
    return 1 if errors or topic_problems else 0


# Problems after which YAML reads no further: the rest of the file is not checked yet.
_STOPS_READING = frozenset({ProblemKind.YAML_SYNTAX, ProblemKind.TAB_INDENT, ProblemKind.MERGE_CONFLICT})


def _print_hidden_by_study(collection: Collection) -> None:
    """A card added by hand to a deck with `study: reviewed` is never shown to students
    until it is marked: said per deck, with what to do."""
    for deck in collection.decks:
        hidden = hidden_by_study([deck])
        if hidden:
            print(
                strip_forbidden(
                    f"{deck.path}: {plural(hidden, 'card')} without a reviewed mark "
                    f"{'is' if hidden == 1 else 'are'} hidden from students by `study: reviewed`; "
                    f"mark {'it' if hidden == 1 else 'them'} in `caucasusquiz author` (k), or add "
                    "`reviewed: true`"
                )
            )


def _source_problems(collection: Collection, targets: list[Path], args: argparse.Namespace) -> list[Problem]:
    """Each card's `source:` looked up where the app looks for it: the seeds, the decks folder
    (and the folders checked), then the deck's own `documents:`."""
    from caucasusquiz.decks.source_check import check_sources

    locations = paths.resolve(decks=args.decks)
    checked = [t if t.is_dir() else t.parent for t in targets]
    folders = (locations.seeds, *dict.fromkeys([locations.decks, *checked]))
    found = check_sources(collection.decks, folders)
    # Listed with the loader's problems, by file and line, so that a file's problems stay together.
    return sorted(found, key=lambda p: (str(p.path), p.line))


def _fix_missing_ids(collection: Collection, cache: DeckCache) -> Collection:
    """`--fix` on the files the check found cards without an id in, and the collection with
    those files read again as they are now (the others are read once, as without --fix).
    A card whose `id:` line was lost gets back the id it had (see decks/remembered_ids.py)."""
    fixed: set[Path] = set()
    for path in dict.fromkeys(p.path for p in collection.errors if p.kind is ProblemKind.MISSING_ID):
        for fix in add_missing_ids_keeping_history(path, cache):
            if fix.restored:
                said = f"gave back id {fix.new_id!r} (the id this card had: its progress is kept)"
            else:
                said = f"added id {fix.new_id!r}"
            print(strip_forbidden(f"{fix.path}:{fix.line}: fixed: {said}"))
            fixed.add(path)
    if not fixed:
        return collection
    return Collection([load_deck(x.path) if x.path in fixed else x for x in collection.loads])
