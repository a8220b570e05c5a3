"""`caucasusquiz report`: what the class struggles with, as a table, Markdown, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from caucasusquiz import paths, profiles
from caucasusquiz.classroom.report import ClassReport, build_report, report_tables
from caucasusquiz.clock import utc_now
from caucasusquiz.errors import UserError

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
    single = profiles.requested_name(args.profile) if getattr(args, "profile", None) else None
    names = args.profiles or ([single] if single else None)
    return build_report(locations, names, args.deck, args.class_code, utc_now())


def render_table(report: ClassReport) -> str:
    tables = report_tables(report)
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
    for title, header, rows in report_tables(report):
        out += [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out)


def render_csv(report: ClassReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for title, header, rows in report_tables(report):
        writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
        writer.writerow([])
    return buffer.getvalue()


def render_json(report: ClassReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
