"""The class report as plain lines that fit a width: `caucasusquiz report` and the app's
report screen (Ctrl+P → Class report) lay it out alike, at the terminal's width.

Long texts wrap within their column, and a table still too wide goes on in another section
that repeats its first column. Headings are whole lines and words (card ids) are never broken.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from caucasusquiz.classroom.report import ClassReport, summary_tables

MAX_CELL = 50
MIN_CELL = 16
GAP = "  "
NOTHING_YET = "Nothing to report yet: no profile has studied and no class quiz was held."


@dataclass(frozen=True, slots=True)
class ReportLine:
    text: str
    heading: bool = False  # a table's title (the app shows it bold)


def report_lines(report: ClassReport, width: int) -> list[ReportLine]:
    """Every table of the report for a terminal (`summary_tables`) in `width` columns, each
    ended by a blank line; empty when there is nothing to report."""
    out: list[ReportLine] = []
    for title, header, rows in summary_tables(report):
        heading, _, about = title.partition("\n")
        out.append(ReportLine(heading, heading=True))  # short, and whole: wrapped, it once left a "—" hanging
        out += [ReportLine(line) for line in wrapped(about, width)] if about else []
        if not rows:  # e.g. a quiz ended before its first question
            out += [ReportLine("(none)"), ReportLine("")]
            continue
        for section in fitted_sections(header, rows, width):
            out += [ReportLine(line) for line in section]
            out.append(ReportLine(""))
    return out


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
            cells = [wrapped(row[i], widths[i]) for i in group]
            for depth in range(max(len(cell) for cell in cells)):
                parts = (cell[depth] if depth < len(cell) else "" for cell in cells)
                lines.append(
                    GAP.join(f"{part:<{widths[i]}}" for part, i in zip(parts, group, strict=True)).rstrip()
                )
        sections.append(lines)
    return sections


def _span(widths: list[int]) -> int:
    return sum(widths) + len(GAP) * (len(widths) - 1)


def wrapped(cell: str, width: int) -> list[str]:
    """The cell's lines, each wrapped at spaces only: an id like `tf-economic-reforms-7fc04a`
    or a date stays whole (a word longer than `width` overflows rather than breaks)."""
    lines: list[str] = []
    for paragraph in cell.split("\n"):
        lines += textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [""]
    return lines or [""]
