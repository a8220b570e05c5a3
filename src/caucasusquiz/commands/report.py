"""`caucasusquiz report`: what the class struggles with, as a table, Markdown, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
import textwrap
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.classroom.report import ClassReport, build_report, report_tables, summary_tables
from caucasusquiz.clock import utc_now
from caucasusquiz.commands.decks_folder import decks_folder_line
from caucasusquiz.errors import UserError

FORMATS = ("table", "md", "csv", "json")
DEFAULT_WIDTH = 80  # when the output is not a terminal
MAX_CELL = 50
MIN_CELL = 16
GAP = "  "


def run(args: argparse.Namespace) -> int:
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    report = build(locations, args)
    fmt = "json" if args.json else args.format
    text = {"table": render_table, "md": render_markdown, "csv": render_csv, "json": render_json}[fmt](report)
    if fmt == "table":  # for people: say which cards the numbers are about (csv/json stay data)
        # Last, where the terminal leaves it in sight after a long report.
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        text = (
            text.rstrip("\n") + "\n\n" + "\n".join(_wrapped(decks_folder_line(locations.decks), width)) + "\n"
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
    """Plain tables that fit the terminal: long texts wrap within their column, and a table
    still too wide goes on in another section that repeats its first column. Headings are
    whole lines and words (card ids) are never broken."""
    tables = summary_tables(report)
    if not tables:
        return "Nothing to report yet: no profile has studied and no class quiz was held.\n"
    width = width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    out = []
    for title, header, rows in tables:
        heading, _, about = title.partition("\n")
        out.append(heading)  # short, and whole: wrapped, it once left a "—" hanging at the end
        if about:
            out += _wrapped(about, width)
        if not rows:  # e.g. a quiz ended before its first question
            out += ["(none)", ""]
            continue
        for section in fitted_sections(header, rows, width):
            out += section
            out.append("")
    return "\n".join(out)


def fitted_sections(header: list[str], rows: list[list[str]], width: int) -> list[list[str]]:
    """The table's lines in `width` columns, as one section or more (columns split, the first repeated).

    A cell may hold several lines (a card's id, then its text); a word is never broken, so
    a column is never narrower than its longest word (a card id, a date)."""
    columns = list(zip(header, *rows, strict=True))
    longest_word = [
        max((len(word) for cell in column for word in cell.split()), default=0) for column in columns
    ]
    widths = [
        max(word, min(MAX_CELL, max(len(line) for cell in column for line in cell.split("\n"))))
        for column, word in zip(columns, longest_word, strict=True)
    ]
    floors = [max(MIN_CELL, word) for word in longest_word]
    # The widest columns (card and question texts) give way first, a column at a time, so two
    # long columns end up sharing the room rather than one losing all of it; down to a
    # readable width, below which the table goes on in another section.
    while _span(widths) > width:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=widths.__getitem__)
        widths[widest] -= 1
    groups: list[list[int]] = [[0]]
    for index in range(1, len(widths)):
        if len(groups[-1]) > 1 and _span([widths[i] for i in [*groups[-1], index]]) > width:
            groups.append([0])
        groups[-1].append(index)
    sections = []
    for group in groups:
        lines = []
        for row in [header, *rows]:
            # A text longer than its column wraps onto the lines below: a question cut to its
            # first words tells a teacher nothing.
            cells = [_wrapped(row[i], widths[i]) for i in group]
            for depth in range(max(len(cell) for cell in cells)):
                parts = (cell[depth] if depth < len(cell) else "" for cell in cells)
                lines.append(
                    GAP.join(f"{part:<{widths[i]}}" for part, i in zip(parts, group, strict=True)).rstrip()
                )
        sections.append(lines)
    return sections


def _span(widths: list[int]) -> int:
    return sum(widths) + len(GAP) * (len(widths) - 1)


def _wrapped(cell: str, width: int) -> list[str]:
    """The cell's lines, each wrapped at spaces only: an id like `tf-economic-reforms-7fc04a`
    or a date stays whole (a word longer than `width` overflows rather than breaks)."""
    lines: list[str] = []
    for paragraph in cell.split("\n"):
        lines += textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [""]
    return lines or [""]


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
