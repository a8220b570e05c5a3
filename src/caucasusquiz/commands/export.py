"""`caucasusquiz export cards|progress`: decks for other tools (Anki imports the TSV), or a backup."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import sys
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.decks.collection import Collection
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.errors import UserError
from caucasusquiz.text import strip_forbidden
from caucasusquiz.workspace import Workspace, load_decks, open_workspace

# Anki reads these header lines when importing a text file (File → Import).
ANKI_HEADER = "#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n#tags column:3\n"


def run(args: argparse.Namespace) -> int:
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    if args.what == "cards":
        text = export_cards(load_decks(locations), args.format or "tsv", args.deck)
    else:
        workspace = open_workspace(locations, args.profile)
        try:
            text = export_progress(workspace, args.format or "json")
        finally:
            workspace.close()
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {args.output}: {exc.strerror}") from None
        print(strip_forbidden(f"Wrote {args.output}"), file=sys.stderr)
    else:
        # To a terminal, not a file: a typed ESC ] 0;… must not reach the teacher's terminal.
        sys.stdout.write(strip_forbidden(text))
    return 0


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


def export_cards(collection: Collection, fmt: str, deck_name: str | None = None) -> str:
    decks = collection.decks
    if deck_name:
        deck = collection.find_deck(deck_name)
        if deck is None:
            raise UserError(f"no deck called {deck_name!r}")
        decks = (deck,)
    cards = [card for deck in decks for card in deck.cards]
    if fmt == "json":
        return json.dumps([_card_json(card) for card in cards], ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    if fmt == "tsv":
        buffer.write(ANKI_HEADER)
    writer = csv.writer(buffer, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    if fmt == "csv":
        writer.writerow(["deck", "id", "front", "back", "tags", "source"])
    for card in cards:
        front, back = _front_back(card)
        tags = " ".join([card.deck_id, *card.tags])
        if fmt == "tsv":
            writer.writerow([front, back.replace("\n", "<br>"), tags])
        else:
            writer.writerow([card.deck_id, card.id, front, back, tags, card.source or ""])
    return buffer.getvalue()


def _card_json(card: Card) -> dict:
    data = {
        "deck": card.deck_id,
        "id": card.id,
        "type": card.type.value,
        "prompt": card.prompt,
        "answer": card.answer,
        "accept": list(card.accept),
        "distractors": list(card.distractors),
        "tags": list(card.tags),
        "source": card.source,
        "context": card.context,
    }
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def export_progress(workspace: Workspace, fmt: str) -> str:
    store, profile = workspace.store, workspace.profile
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
