"""`caucasusquiz stats [--json]`: progress of the current profile, for people or for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from caucasusquiz import paths
from caucasusquiz.clock import utc_now
from caucasusquiz.commands.decks_folder import decks_folder_line
from caucasusquiz.study import humanize
from caucasusquiz.study.session import StudySession
from caucasusquiz.study.stats import Stats, collect_stats
from caucasusquiz.text import plural, strip_forbidden
from caucasusquiz.workspace import Workspace, nobody_has_studied, open_workspace

BAR_WIDTH = 20


def run(args: argparse.Namespace) -> int:
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    workspace = open_workspace(locations, args.profile)
    for notice in workspace.notices:  # e.g. a damaged progress file moved aside
        print(strip_forbidden(notice), file=sys.stderr)
    try:
        stats = collect_stats(
            workspace.store, workspace.profile, workspace.collection, workspace.settings, utc_now()
        )
        # Building a session costs a queue over every card: only the text with nothing due needs it.
        nothing_due = not any(n for _, n in stats.forecast)
        new_today = new_cards_waiting(workspace) if nothing_due and not args.json else 0
    finally:
        workspace.close()
    nobody = nobody_has_studied(workspace.profile)
    if args.json:
        data = stats.to_json()
        if nobody:  # not a profile called "default": there is none yet
            data["profile"] = None
        print(strip_forbidden(json.dumps(data, ensure_ascii=False, indent=2)))
    else:
        text = render_text(stats, new_today, decks_line=decks_folder_line(locations.decks))
        if nobody:
            text = text.replace(f"Profile: {stats.profile}", NOBODY_LINE, 1)
        print(strip_forbidden(text))
    return 0


NOBODY_LINE = "Profile: none yet (nobody has studied with this data folder; run `caucasusquiz` to start)"


def new_cards_waiting(workspace: Workspace) -> int:
    """The new cards a session would offer today (the daily limit and today's new cards
    counted), as `study` would start with."""
    session = StudySession(workspace.store, workspace.profile, workspace.collection, workspace.settings)
    return session.counts.new


def render_text(stats: Stats, new_today: int = 0, decks_line: str | None = None) -> str:
    lines = [
        f"Profile: {stats.profile}",
        *([decks_line] if decks_line else []),
        f"Reviews: {stats.reviews_total} in all, {stats.reviews_today} today; "
        f"study streak {plural(stats.streak_days, 'day')}",
        f"Cards: {stats.cards_seen} of {stats.cards_total} seen; {stats.due_now} due now, "
        f"{stats.due_today} due today; {stats.leeches} leeches, {stats.suspended} suspended",
        "True retention: "
        + (
            f"{humanize.percent(stats.retention)} of {stats.retention_reviews} reviews "
            "of cards last seen a day or more before"
            if stats.retention is not None
            else "not yet measured (needs reviews of cards a day or more old)"
        ),
        "",
    ]
    width = max([len("Deck"), *(len(d.title) for d in stats.decks)])
    # "Due today", as the line above counts it (what a session finds before the study day
    # ends): a bare "Due" under "0 due now" read as the cards due this minute.
    lines.append(f"{'Deck':<{width}}  Cards  Seen  Due today  Mastery")
    for deck in stats.decks:
        filled = round(deck.mastery * 10)
        bar = "#" * filled + "." * (10 - filled)  # the empty part drawn too: a 0% bar is not missing
        lines.append(
            f"{deck.title:<{width}}  {deck.cards:5}  {deck.seen:4}  {deck.due:9}  "
            f"{bar} {humanize.percent(deck.mastery):>4}"
        )
    busy = [(day, n) for day, n in stats.forecast if n]
    if busy:
        lines += ["", "Due in the next 30 days:"]
    elif new_today:  # "nothing due" alone reads as "nothing to do" with new cards waiting
        waiting = plural(new_today, "new card")
        lines += ["", f"Nothing due in the next 30 days; {waiting} waiting today (caucasusquiz study)."]
    else:
        lines += ["", "Nothing due in the next 30 days."]
    peak = max((n for _, n in busy), default=1)
    for day, n in busy:
        lines.append(
            f"  {_day_label(day, stats.forecast[0][0]):<12} {'#' * max(1, round(n / peak * BAR_WIDTH))} {n}"
        )
    return "\n".join(lines)


def _day_label(day: date, today: date) -> str:
    offset = (day - today).days
    if offset == 0:
        return "today"
    if offset == 1:
        return "tomorrow"
    return day.strftime("%a %d %b")
