"""The home screen's numbers are the cards a session would really show today."""

from __future__ import annotations

from caucasusquiz.settings import Settings
from caucasusquiz.study.overview import overview
from caucasusquiz.study.rating import Rating


def test_overview_counts_match_the_session(make_session, write_deck, store, clock):
    path = write_deck(
        "title: Siblings\ncards:\n"
        "  - {id: a, question: Q1?, answer: A, source: 'doc.txt:3'}\n"
        "  - {id: b, question: Q2?, answer: B, source: 'doc.txt:3'}\n"
        "  - {id: c, question: Q3?, answer: C, source: 'doc.txt:8'}\n"
        "  - {id: d, question: Q4?, answer: D}\n"
    )
    settings = Settings(fuzz=False, new_per_day=2)
    session = make_session(deck_paths=[path], settings=settings)
    rows = overview(store, session.profile.id, session.collection, settings, clock.now).rows
    assert [(r.title, r.new, r.due, r.total) for r in rows] == [("All decks", 2, 0, 4), ("Siblings", 2, 0, 4)]
    assert session.counts.new == 2
    session.next_card()
    session.rate(Rating.AGAIN)  # one new card learnt: one left today, and one learning card
    rows = overview(store, session.profile.id, session.collection, settings, clock.now).rows
    assert (rows[0].new, rows[0].due) == (1, 1)


def test_a_deck_left_out_whole_is_named_with_the_reason(write_deck):
    from caucasusquiz.decks.collection import load_collection
    from caucasusquiz.study.overview import deck_problem_notes

    good = write_deck("title: Good\ncards:\n  - {id: a, question: Q?, answer: A}\n", "good.yaml")
    broken_card = write_deck(
        "title: Partly\ncards:\n  - {id: a, question: Q?, answer: A}\n  - {id: b, type: quiz}\n",
        "partly.yaml",
    )
    no_title = write_deck("cards:\n  - {id: a, question: Q?, answer: A}\n", "untitled.yaml")
    notes = deck_problem_notes(load_collection([good, broken_card, no_title]))
    # Not "broken cards are left out" when a whole deck is missing from the list.
    assert notes[0].startswith("untitled.yaml (1 card) is left out: ")  # what it costs, as check says
    assert "title" in notes[0]
    assert notes[1] == "1 problem in the other decks; their broken cards are left out"
    assert deck_problem_notes(load_collection([good, broken_card])) == [
        "1 problem in the decks; their broken cards are left out"
    ]
    assert deck_problem_notes(load_collection([good])) == []


def test_the_saved_deck_list_is_used_only_while_nothing_it_depends_on_changed(
    make_session, store, clock, example_deck, tmp_path
):
    import shutil
    from dataclasses import replace

    from caucasusquiz.study import overview_cache as cache

    settings = Settings(fuzz=False)
    session = make_session(settings=settings)
    store.remember_profile("tester")
    decks, database, folder = example_deck.parent, store.path, tmp_path / "cache"

    def key(profile=None, day="2026-03-02", chosen=settings):
        return cache.cache_key(decks, database, profile, chosen, day)

    data = overview(store, session.profile.id, session.collection, settings, clock.now)
    glance = cache.Glance("tester", data.rows, data.reviewed_today, 0)
    cache.save(folder, key(), glance)
    assert cache.load(folder, key()) == glance
    assert cache.load(folder, key(profile="tester")) == glance  # the last profile is the default
    assert cache.load(folder, key(profile="someone-else")) is None
    assert cache.load(folder, key(day="2026-03-03")) is None  # a new study day has new counts
    assert cache.load(folder, key(chosen=replace(settings, new_per_day=5))) is None
    copy = shutil.copytree(decks, tmp_path / "copy")  # the same names, sizes and mtimes
    other_folder = cache.cache_key(copy, database, None, settings, "2026-03-02")
    assert other_folder["decks"] == key()["decks"] and cache.load(folder, other_folder) is None

    session.next_card()
    session.rate(Rating.GOOD)  # an answer
    assert cache.load(folder, key()) is None
    cache.save(folder, key(), glance)
    session.undo()  # and taking it back
    assert cache.load(folder, key()) is None
    cache.save(folder, key(), glance)
    session.next_card()
    session.bury()  # a bury writes no review but changes the counts
    assert cache.load(folder, key()) is None


def test_a_damaged_saved_deck_list_is_ignored(tmp_path, store):
    from caucasusquiz.study import overview_cache as cache

    key = cache.cache_key(tmp_path, store.path, None, Settings(), "2026-03-02")
    (tmp_path / "cache").mkdir()
    for junk in (b"", b"\xff\xfe", b"[]", b'{"key": 1}', b"{" * 5000, b"[" * 100_000):
        (tmp_path / "cache" / cache.FILE_NAME).write_bytes(junk)
        assert cache.load(tmp_path / "cache", key) is None
