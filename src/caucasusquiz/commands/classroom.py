"""`caucasusquiz class host|join`: a live class quiz on one machine (terminals or served browser tabs)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from caucasusquiz import paths, profiles
from caucasusquiz.classroom.questions import CardKey, build_questions
from caucasusquiz.classroom.session import ClassSession
from caucasusquiz.classroom.storage import ClassDatabase
from caucasusquiz.clock import utc_now
from caucasusquiz.decks.model import Card
from caucasusquiz.errors import UserError
from caucasusquiz.text import plural
from caucasusquiz.workspace import load_decks, open_store

DEFAULT_QUESTIONS = 10
DEFAULT_SECONDS = 20


def create_session(
    locations: paths.Locations,
    deck: str | None,
    questions: int,
    seconds: int,
    *,
    count_as_review: bool = False,
    clock: Callable[[], datetime] = utc_now,
) -> tuple[ClassDatabase, ClassSession]:
    """Pick the questions (what the class gets wrong first) and open a session in the class file."""
    now = clock()
    cards, title, results = class_cards(locations, deck, now)
    chosen = build_questions(cards, questions, results, seed=now.isoformat())
    database = ClassDatabase.open(locations.data_dir)
    try:
        session = ClassSession.create(
            database, chosen, title=title, seconds=seconds, clock=clock, count_as_review=count_as_review
        )
    except BaseException:
        database.close()
        raise
    return database, session


def class_cards(
    locations: paths.Locations, deck: str | None, now: datetime
) -> tuple[list[Card], str, dict[CardKey, tuple[int, int]]]:
    """What a class is asked from: the deck's (or every deck's) study cards, so a deck set to
    `study: reviewed` keeps its drafts out of the room; its title; and how the class has
    answered each card so far (reviews, wrong), for choosing what it gets wrong first."""
    from caucasusquiz.commands.export import select_decks

    decks = select_decks(load_decks(locations), deck)
    cards = [card for chosen in decks for card in chosen.study_cards]
    title = decks[0].title if deck else "all decks"
    results: dict[CardKey, tuple[int, int]] = {}
    if locations.database.exists():
        store, _ = open_store(locations, now, move_damaged=False)
        try:
            results = store.card_results()
        finally:
            store.close()
    return cards, title, results


def resume_session(
    data_dir: Path, code: str, clock: Callable[[], datetime] = utc_now
) -> tuple[ClassDatabase, ClassSession]:
    """The open class with this code, to host again: every state change was one transaction,
    so it is exactly where the last host left it (students and scores included)."""
    database = ClassDatabase.open(data_dir)
    try:
        return database, ClassSession.find(database, code, clock)
    except BaseException:
        database.close()
        raise


def quiz_sheet(locations: paths.Locations, deck: str | None, questions: int) -> str:
    """A printable quiz in Markdown, chosen like a live quiz (what the class gets wrong first)."""
    from caucasusquiz.classroom.quiz_sheet import quiz_markdown

    cards, title, results = class_cards(locations, deck, utc_now())
    return quiz_markdown(cards, questions, results, title, seed=f"quiz/{deck or 'all'}")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("TEXTUAL_FPS", "60")
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    if args.class_command == "host":
        return host(locations, args)
    return join(locations.data_dir, args.code, args.name or _profile_name(locations, args.profile))


def host(locations: paths.Locations, args: argparse.Namespace) -> int:
    if getattr(args, "resume", None):
        database, session = resume_session(locations.data_dir, args.resume)
    else:
        database, session = create_session(
            locations, args.deck, args.questions, args.seconds, count_as_review=args.count_as_review
        )
    from caucasusquiz.ui.class_app import ClassApp
    from caucasusquiz.ui.screens.class_host import ClassHostScreen

    code = session.code  # read now: the class file is closed when the closing line is printed
    try:
        app = ClassApp(lambda _: ClassHostScreen(session))
        app.run()
        if session.count_as_review:
            counted = count_reviews(locations, session)
            were = "was recorded as a review" if counted == 1 else "were recorded as reviews"
            print(f"{plural(counted, 'answer')} {were} in the students' profiles.")
    finally:
        database.close()
    print(f"Class {code} ended. Report: caucasusquiz report --class {code}")
    return app.return_code or 0


def count_reviews(locations: paths.Locations, session: ClassSession) -> int:
    from caucasusquiz.classroom.reviews import record_class_reviews
    from caucasusquiz.settings import load_settings

    now = utc_now()
    store, _ = open_store(locations, now, move_damaged=False)
    try:
        return record_class_reviews(session, store, load_settings(locations.config_file), now)
    finally:
        store.close()


def join(data_dir: Path, code: str | None, name: str | None) -> int:
    from caucasusquiz.ui.class_app import ClassApp
    from caucasusquiz.ui.screens.class_join import JoinClassScreen

    app = ClassApp(lambda app: JoinClassScreen(data_dir, app.clock, code or "", name or ""))
    app.run()
    return app.return_code or 0


def _profile_name(locations: paths.Locations, flag: str | None) -> str | None:
    """The name to join under when --name is not given: the profile's, as `--help` says
    (`--profile`, else the one last opened for study here). Not "default", the profile
    made for whoever opened the app first: the class would see "default", so the form
    asks. None too when the progress file cannot be read: the form asks then as well."""
    try:
        name = profiles.requested_name(flag)
        if name is None:
            store, _ = open_store(locations, utc_now(), move_damaged=False, create=False)
            try:
                name = profiles.default_name(store)
            finally:
                store.close()
    except UserError:
        return None
    return None if name == profiles.DEFAULT_PROFILE else name
