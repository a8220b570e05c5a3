"""`caucasusquiz check [PATH...] [--fix]`: every problem in every deck, as file:line: message."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.decks.collection import Collection, deck_files, load_collection
from caucasusquiz.decks.fix import add_missing_ids
from caucasusquiz.decks.loader import MAX_DECK_BYTES
from caucasusquiz.errors import UserError
from caucasusquiz.files import UnreadableFile, read_regular_file
from caucasusquiz.text import plural, strip_forbidden


def run(args: argparse.Namespace) -> int:
    defaulted = not args.paths
    targets = [Path(p) for p in args.paths] or [paths.resolve(decks=args.decks).decks]
    for target in targets:
        if not target.exists():
            raise UserError(f"{target}: no such file or folder")
    # A generator topics file (seeds/topics.yaml) is checked by its own rules, not as a deck.
    from caucasusquiz.generator.topics import TOPICS_FILE, check_topics

    topic_files = sorted(
        {t for t in targets if t.is_file() and t.name == TOPICS_FILE}
        | {t / TOPICS_FILE for t in targets if t.is_dir() and (t / TOPICS_FILE).is_file()}
    )
    topic_problems = [problem for path in topic_files for problem in check_topics(path)[1]]
    for topic_problem in topic_problems:
        print(strip_forbidden(str(topic_problem)))
    files = [f for f in deck_files(targets) if f.name != TOPICS_FILE]
    if not files and topic_files:
        print(f"{plural(len(topic_files), 'topics file')}: {plural(len(topic_problems), 'error')}")
        return 1 if topic_problems else 0
    if not files:
        raise UserError(f"no deck files (*.yaml, *.yml) in {', '.join(map(str, targets))}")

    if args.fix:
        for path in files:
            paths.writable_decks(path)  # before any file is changed: all or nothing
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
        f"{plural(len(files), 'deck file')}, {plural(cards, 'card')}{_left_out(files, collection)}: "
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
    print(summary)
    if any("--fix" in (p.hint or "") for p in errors) and not args.fix:
        print("Some cards have no id: `caucasusquiz check --fix` adds them without touching other lines.")
    return 1 if errors or topic_problems else 0


def _left_out(files: list[Path], collection: Collection) -> str:
    """` (2 left out: 1 duplicate id, 1 with errors)`: the card items in the files that are
    not among the cards loaded, so the count matches what the teacher sees in the file."""

    duplicates = sum(1 for p in collection.errors if p.message.startswith("duplicate id "))
    written = sum(_card_items(path) for path in files)
    missing = written - sum(len(deck.cards) for deck in collection.decks)
    if missing <= 0:
        return ""
    duplicates = min(duplicates, missing)
    reasons = [f"{duplicates} duplicate id"] if duplicates else []
    if missing - duplicates:
        reasons.append(f"{missing - duplicates} with errors")
    return f" ({missing} left out: {', '.join(reasons)})"


def _card_items(path: Path) -> int:
    """How many items the file's `cards:` list has (0 when it cannot be read as YAML)."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from caucasusquiz.decks.yamlio import YamlProblem, compose

    try:
        root = compose(read_regular_file(path, MAX_DECK_BYTES).decode("utf-8-sig"))
    except (UnreadableFile, UnicodeDecodeError, YamlProblem):
        return 0
    if not isinstance(root, MappingNode):
        return 0
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "cards" and isinstance(value, SequenceNode):
            return len(value.value)
    return 0
