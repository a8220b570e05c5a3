"""`caucasusquiz report`: what the class struggles with, as a table, Markdown, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from caucasusquiz import paths, profiles
from caucasusquiz.classroom.report import ClassReport, card_rows, quiz_reports, student_rows
from caucasusquiz.classroom.storage import FILE_NAME, ClassDatabase
from caucasusquiz.errors import UserError
from caucasusquiz.study import humanize
from caucasusquiz.study.clock import utc_now
from caucasusquiz.study.settings import load_settings
from caucasusquiz.workspace import load_decks, open_store

FORMATS = ("table", "md", "csv", "json")


def run(args: argparse.Namespace) -> int:
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    report = build(locations, args)
    fmt = "json" if args.json else args.format
    text = {"table": render_table, "md": render_markdown, "csv": render_csv, "json": render_json}[fmt](report)
    if args.out:
        try:
            Path(args.out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {args.out}: {exc.strerror}") from None
        print(f"Wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def build(locations: paths.Locations, args: argparse.Namespace) -> ClassReport:
    now = utc_now()
    collection = load_decks(locations)
    deck_id = None
    if args.deck:
        found = collection.find_deck(args.deck)
        if found is None:
            raise UserError(
                f"no deck called {args.deck!r}", f"decks: {', '.join(d.id for d in collection.decks)}"
            )
        deck_id = found.id
    students, cards = [], []
    if locations.database.exists():
        store, _ = open_store(locations, now, move_damaged=False)
        try:
            single = profiles.requested_name(getattr(args, "profile", None)) if args.profile else None
            names = args.profiles or ([single] if single else store.profile_names())
            chosen = []
            for name in names:
                found_profile = store.find_profile(name)
                if found_profile is None:
                    raise profiles.UnknownProfile(name, store.profile_names(), new_hint=False)
                chosen.append(found_profile)
            settings = load_settings(locations.config_file)
            students = student_rows(store, chosen, collection, settings, now)
            cards = card_rows(store, chosen, collection, deck_id)
        finally:
            store.close()
    elif args.profiles:
        raise profiles.UnknownProfile(args.profiles[0], [], new_hint=False)
    quizzes = []
    if (locations.data_dir / FILE_NAME).exists():
        database = ClassDatabase.open(locations.data_dir)
        try:
            quizzes = quiz_reports(database, args.class_code, utc_now)
        finally:
            database.close()
    if args.class_code and not quizzes:
        raise UserError(f"no class quiz with the code {args.class_code!r}", "codes are on the host's screen")
    if args.class_code:  # a report on one quiz is about that quiz only
        return ClassReport([], [], quizzes)
    return ClassReport(students, cards, quizzes)


def _pct(value: float | None) -> str:
    return humanize.percent(value) if value is not None else "–"


def _tables(report: ClassReport) -> list[tuple[str, list[str], list[list[str]]]]:
    """The report as titled tables of strings, shared by every text format."""
    tables = []
    if report.students:
        decks = sorted({deck for s in report.students for deck in s.mastery})
        tables.append(
            (
                "Students",
                ["student", "reviews", "minutes", "accuracy", "retention", "last active"]
                + [f"mastery {d}" for d in decks],
                [
                    [
                        s.name,
                        str(s.reviews),
                        f"{s.minutes:g}",
                        _pct(s.accuracy),
                        _pct(s.retention),
                        s.last_active or "never",
                        *(_pct(s.mastery.get(d)) for d in decks),
                    ]
                    for s in report.students
                ],
            )
        )
    if report.cards:
        tables.append(
            (
                "Cards the class gets wrong (worst first)",
                ["error rate", "wrong", "reviews", "card", "text"],
                [
                    [_pct(c.error_rate), str(c.wrong), str(c.reviews), f"{c.deck}/{c.card}", c.text]
                    for c in report.cards
                ],
            )
        )
    for quiz in report.quizzes:
        state = "" if quiz.ended else " (not ended)"
        tables.append(
            (
                f"Live quiz {quiz.code}: {quiz.title}, {quiz.date}{state} — questions",
                ["#", "right", "almost", "wrong", "no answer", "question", "answer"],
                [
                    [
                        str(q.position),
                        str(q.right),
                        str(q.almost),
                        str(q.wrong),
                        str(q.unanswered),
                        q.text,
                        q.answer,
                    ]
                    for q in quiz.questions
                ],
            )
        )
        tables.append(
            (
                f"Live quiz {quiz.code} — students",
                ["rank", "student", "score", "right", "answered"],
                [[str(s.rank), s.name, str(s.score), str(s.right), str(s.answered)] for s in quiz.students],
            )
        )
    return tables


def render_table(report: ClassReport) -> str:
    tables = _tables(report)
    if not tables:
        return "Nothing to report yet: no profile has studied and no class quiz was held.\n"
    out = []
    for title, header, rows in tables:
        widths = [min(50, max(len(cell) for cell in column)) for column in zip(header, *rows, strict=True)]
        out.append(title)
        for row in [header, *rows]:
            cells = [
                cell if len(cell) <= w else cell[: w - 1] + "…" for cell, w in zip(row, widths, strict=True)
            ]
            out.append("  ".join(f"{c:<{w}}" for c, w in zip(cells, widths, strict=True)).rstrip())
        out.append("")
    return "\n".join(out)


def render_markdown(report: ClassReport) -> str:
    out = ["# Class report", ""]
    for title, header, rows in _tables(report):
        out += [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out)


def render_csv(report: ClassReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for title, header, rows in _tables(report):
        writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
        writer.writerow([])
    return buffer.getvalue()


def render_json(report: ClassReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
