"""`caucasusquiz export cards|progress`: decks for other tools, or a backup of progress.

Cards go out as an Anki package (apkg), Anki-ready TSV, CSV, Quizlet import text, a Kahoot
quiz spreadsheet (kahoot-xlsx) or JSON; the formats live in `caucasusquiz.interchange`.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import shlex
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.clock import utc_now
from caucasusquiz.decks.collection import Collection
from caucasusquiz.decks.model import Card, CardType, Deck
from caucasusquiz.errors import UserError
from caucasusquiz.progress import Profile
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.text import plural, strip_forbidden
from caucasusquiz.workspace import choose_profile, load_decks, nobody_has_studied, open_store, open_workspace

# Anki reads these header lines when importing a text file (File → Import).
ANKI_HEADER = "#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n#tags column:3\n"
CARD_FORMATS = ("apkg", "tsv", "csv", "quizlet", "kahoot-xlsx", "json")
BINARY_FORMATS = ("apkg", "kahoot-xlsx")


def run(args: argparse.Namespace) -> int:
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    if args.format == "quiz-md":  # a printable quiz sheet, for paper tests
        from caucasusquiz.commands.classroom import quiz_sheet

        decks = args.deck or []
        if len(decks) > 1:
            raise UserError("a quiz sheet is made from one deck or all of them", "give --deck once")
        text = quiz_sheet(locations, decks[0] if decks else None, getattr(args, "questions", None) or 10)
    elif args.what == "cards":
        fmt = args.format or "tsv"
        if fmt not in CARD_FORMATS:
            raise UserError(f"cards cannot be exported as {fmt}", f"choose one of {', '.join(CARD_FORMATS)}")
        if args.with_progress and fmt != "apkg":
            raise UserError(
                "--with-progress goes with --format apkg", "Anki is the only format with a schedule"
            )
        if fmt in BINARY_FORMATS:
            return _export_file(args, locations, fmt)
        text = export_cards(load_decks(locations), fmt, args.deck)
    else:
        if args.format not in (None, "json", "csv", "tsv"):
            raise UserError(f"progress cannot be exported as {args.format}", "choose json, csv or tsv")
        with progress_only(locations, args.profile) as (store, profile):
            text = export_progress(store, profile, args.format or "json")
    if args.output:
        from caucasusquiz.interchange.atomic import write_text_atomically

        write_text_atomically(Path(args.output), text)
        print(strip_forbidden(f"Wrote {args.output}"), file=sys.stderr)
    else:
        # To a terminal, not a file: a typed ESC ] 0;… must not reach the teacher's terminal.
        sys.stdout.write(strip_forbidden(text))
    return 0


def _export_file(args: argparse.Namespace, locations: paths.Locations, fmt: str) -> int:
    """Packages and spreadsheets: binary, so they need a file name."""
    if not args.output:
        suffix = ".apkg" if fmt == "apkg" else ".xlsx"
        raise UserError(f"--format {fmt} writes a file", f"name it with --out FILE{suffix}")
    out = Path(args.output)
    if fmt == "apkg":
        from caucasusquiz.interchange.apkg_export import write_apkg

        if args.with_progress:
            workspace = open_workspace(locations, args.profile)
            try:
                decks = select_decks(workspace.collection, args.deck)
                store, profile = workspace.store, workspace.profile
                notes = write_apkg(
                    decks, out, progress=store.all_progress(profile.id), reviews=store.reviews(profile.id)
                )
            finally:
                workspace.close()
            what = f"with the progress of profile {profile.name!r}"
        else:
            decks = select_decks(load_decks(locations), args.deck)
            notes = write_apkg(decks, out)
            what = "without progress"
        print(
            f"Wrote {out}: {plural(notes, 'Anki note')} in {plural(len(decks), 'deck')}, {what}",
            file=sys.stderr,
        )
        return 0
    from caucasusquiz.interchange.kahoot import TYPED, write_kahoot

    decks = select_decks(load_decks(locations), args.deck)
    title = decks[0].title if len(decks) == 1 else "caucasusquiz"
    export = write_kahoot(decks, out, title)
    print(f"Wrote {out}: {plural(len(export.rows), 'Kahoot question')}", file=sys.stderr)
    for reason, count in export.skipped.most_common():
        print(f"  skipped {reason.counted(count)}", file=sys.stderr)
    if export.skipped[TYPED] > len(export.rows):
        # Kahoot needs wrong answers; a deck of typed cards makes a near-empty quiz (newuser5 F-H).
        print(
            "  hint: Kahoot asks only multiple-choice and true/false questions; `t` (change type) on the "
            "author screen turns a typed card into multiple choice, with distractors of the answer's "
            f"kind: caucasusquiz --decks {shlex.quote(str(locations.decks))} author --all",
            file=sys.stderr,
        )
    return 0


def select_decks(collection: Collection, names: Sequence[str] | str | None) -> tuple[Deck, ...]:
    """The decks named (by id, file name or title), in the order given; all decks when none."""
    if not names:
        return collection.decks
    chosen: list[Deck] = []
    for name in [names] if isinstance(names, str) else names:
        deck = collection.require_deck(name)
        if deck not in chosen:
            chosen.append(deck)
    return tuple(chosen)


def _front_back(card: Card) -> tuple[str, str]:
    back = card.answer
    if card.type is CardType.CHOICE:
        options = "; ".join(sorted((card.answer, *card.distractors)))
        return f"{card.question} ({options})", back
    if card.type is CardType.TRUEFALSE:
        return f"True or false: {card.prompt}", "True" if card.answer == "true" else "False"
    if card.context:
        back += f"\n\n{card.context}"
    return card.question, back


def export_cards(collection: Collection, fmt: str, deck_names: Sequence[str] | str | None = None) -> str:
    decks = select_decks(collection, deck_names)
    if fmt == "json":
        from caucasusquiz.interchange.json_format import export_json

        return export_json(decks)
    if fmt == "csv":
        from caucasusquiz.interchange.csv_format import export_csv

        return export_csv(decks)
    if fmt == "quizlet":
        from caucasusquiz.interchange.quizlet import export_quizlet

        return export_quizlet(decks)
    buffer = io.StringIO()
    buffer.write(ANKI_HEADER)
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    for card in (card for deck in decks for card in deck.cards):
        front, back = _front_back(card)
        tags = " ".join([card.deck_id, *card.tags])
        writer.writerow([front, back.replace("\n", "<br>"), tags])
    return buffer.getvalue()


@contextmanager
def progress_only(locations: paths.Locations, profile: str | None) -> Iterator[tuple[ProgressStore, Profile]]:
    """The progress store and an existing profile, and nothing else: a backup must not wait
    for the decks or fail on a broken settings.toml or deck. A damaged file is reported, not
    moved aside: a backup changes nothing."""
    now = utc_now()
    store, _ = open_store(locations, now, move_damaged=False, create=False)
    try:
        chosen = choose_profile(store, profile, now, study=False)
        if nobody_has_studied(chosen):
            raise UserError(
                f"there is no progress to export in {locations.data_dir}: nobody has studied there yet",
                "is it the right data folder? choose it with --data-dir or CAUCASUSQUIZ_DATA_DIR",
            )
        yield store, chosen
    finally:
        store.close()


def export_progress(store: ProgressStore, profile: Profile, fmt: str) -> str:
    reviews = store.reviews(profile.id)
    if fmt == "json":
        cards = [
            {"deck": deck, "card": card, **json.loads(progress.to_json())}
            for (deck, card), progress in sorted(store.all_progress(profile.id).items())
        ]
        data = {
            "profile": profile.name,
            "format": 1,
            "reviews": [dataclasses.asdict(r) for r in reviews],
            "cards": cards,
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    columns = [
        "id",
        "deck_id",
        "card_id",
        "reviewed_ms",
        "grade",
        "typed",
        "verdict",
        "duration_ms",
        "state_before",
        "elapsed_days",
        "interval_days",
    ]
    writer.writerow(columns)
    for review in reviews:
        writer.writerow([getattr(review, c) for c in columns])
    return buffer.getvalue()
