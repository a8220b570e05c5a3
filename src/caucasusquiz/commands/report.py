"""`caucasusquiz report`: what the class struggles with, as a table, Markdown, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.classroom.report import ClassReport, build_report, report_tables
from caucasusquiz.classroom.report_layout import NOTHING_YET, report_lines, wrapped
from caucasusquiz.clock import utc_now
from caucasusquiz.commands.decks_folder import decks_folder_line
from caucasusquiz.errors import UserError

FORMATS = ("table", "md", "csv", "json")
DEFAULT_WIDTH = 80  # when the output is not a terminal


def run(args: argparse.Namespace) -> int:
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    report = build(locations, args)
    fmt = "json" if args.json else args.format
    text = {"table": render_table, "md": render_markdown, "csv": render_csv, "json": render_json}[fmt](report)
    if fmt == "table":  # for people: say which cards the numbers are about (csv/json stay data)
        # Last, where the terminal leaves it in sight after a long report.
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        text = (
            text.rstrip("\n") + "\n\n" + "\n".join(wrapped(decks_folder_line(locations.decks), width)) + "\n"
        )
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
    return build_report(locations, args.profiles or None, args.deck, args.class_code, utc_now())


def render_table(report: ClassReport, width: int | None = None) -> str:
    """Plain tables that fit the terminal (classroom/report_layout.py, as in the app)."""
    lines = report_lines(report, width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    if not lines:
        return NOTHING_YET + "\n"
    return "\n".join(line.text for line in lines)


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
