"""Queue order, daily limits, siblings and interleaving."""

from __future__ import annotations

from datetime import UTC, datetime

from caucasusquiz.clock import to_ms
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.decks.siblings import sibling_keys
from caucasusquiz.progress import CardProgress, Memory, State
from caucasusquiz.settings import Settings
from caucasusquiz.study.queue import Limits, build_queue, interleave
from caucasusquiz.study.scheduler import Scheduler

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
NOW_MS = to_ms(NOW)
DAY = 86_400_000
DAY_END = NOW_MS + 16 * 3_600_000


def card(card_id: str, source: str | None = None) -> Card:
    return Card("d", card_id, CardType.QA, "A", f"Q {card_id}?", source=source)


def review(due_ms: int, last_ms: int, stability: float = 5.0, **flags) -> CardProgress:
    return CardProgress(Memory(State.REVIEW, None, stability, 5.0, due_ms, last_ms, 3, 0), **flags)


def learning(due_ms: int) -> CardProgress:
    return CardProgress(Memory(State.LEARNING, 1, 1.0, 5.0, due_ms, NOW_MS - 60_000, 1, 0))


DEFAULT_LIMITS = Limits(20, 200)


def build(cards, progress, limits=DEFAULT_LIMITS, siblings_seen=None):
    return build_queue(
        cards,
        progress,
        Scheduler(Settings()),
        now_ms=NOW_MS,
        day_end_ms=DAY_END,
        limits=limits,
        siblings_seen=siblings_seen,
    )


def test_learning_then_most_overdue_reviews_then_new_in_deck_order():
    cards = [
        card("new-1"),
        card("rev-recent"),
        card("learn"),
        card("rev-old"),
        card("new-2"),
        card("rev-future"),
    ]
    progress = {
        ("d", "rev-recent"): review(NOW_MS - DAY, NOW_MS - 6 * DAY),
        ("d", "rev-old"): review(NOW_MS - 20 * DAY, NOW_MS - 30 * DAY),
        ("d", "learn"): learning(NOW_MS + 5 * 60_000),
        ("d", "rev-future"): review(NOW_MS + 3 * DAY, NOW_MS - DAY),
    }
    queue = build(cards, progress)
    assert [key[1] for _, key in queue.learning] == ["learn"]
    main = [key[1] for key in queue.main]
    assert [k for k in main if k.startswith("rev")] == ["rev-old", "rev-recent"]
    assert [k for k in main if k.startswith("new")] == ["new-1", "new-2"]
    assert "rev-future" not in main


def test_review_due_later_today_counts_as_due_today():
    progress = {("d", "r"): review(DAY_END - 60_000, NOW_MS - 5 * DAY)}
    assert list(build([card("r")], progress).main) == [("d", "r")]


def test_daily_limits_cap_new_cards_and_reviews():
    cards = [card(f"n{i}") for i in range(30)] + [card(f"r{i}") for i in range(10)]
    progress = {("d", f"r{i}"): review(NOW_MS - DAY, NOW_MS - 3 * DAY) for i in range(10)}
    queue = build(cards, progress, Limits(new=5, reviews=4))
    main = [key[1] for key in queue.main]
    assert sum(k.startswith("n") for k in main) == 5
    assert sum(k.startswith("r") for k in main) == 4


def test_suspended_and_buried_cards_are_left_out():
    progress = {
        ("d", "s"): review(NOW_MS - DAY, NOW_MS - 3 * DAY, suspended=True),
        ("d", "b"): review(NOW_MS - DAY, NOW_MS - 3 * DAY, buried_until_ms=DAY_END),
        ("d", "b-old"): review(NOW_MS - DAY, NOW_MS - 3 * DAY, buried_until_ms=NOW_MS - 1),
        ("d", "new-susp"): CardProgress(Memory(), suspended=True),
    }
    queue = build([card("s"), card("b"), card("b-old"), card("new-susp")], progress)
    assert [key[1] for key in queue.main] == ["b-old"]


def test_siblings_from_one_sentence_are_not_shown_the_same_day():
    cards = [card("a1", "doc.txt:5"), card("a2", "doc.txt:5"), card("b1", "doc.txt:9"), card("c1")]
    queue = build(cards, {})
    assert [key[1] for key in queue.main] == ["a1", "b1", "c1"]
    # A sibling already studied today keeps the whole group away.
    queue = build(cards, {}, siblings_seen=set(sibling_keys(cards[0])))
    assert [key[1] for key in queue.main] == ["b1", "c1"]


def test_a_sibling_of_a_card_learning_today_is_not_chosen_so_another_takes_its_place():
    # New-user trial 6: "left today" counted new siblings of learning cards; answering the
    # learning card hid them mid-session ("20 new" fell to 0 over 14 new cards) and the next
    # session at once offered 6 other new cards.
    cards = [card("learn", "doc.txt:5"), card("sibling", "doc.txt:5"), card("other", "doc.txt:9")]
    progress = {("d", "learn"): learning(NOW_MS + 5 * 60_000)}
    queue = build(cards, progress, Limits(new=1, reviews=200))
    assert [key[1] for key in queue.main] == ["other"]


def test_new_cards_are_spread_among_reviews():
    reviews = [("d", f"r{i}") for i in range(8)]
    new = [("d", f"n{i}") for i in range(2)]
    merged = [k[1] for k in interleave(reviews, new)]
    assert len(merged) == 10 and merged[0].startswith("r")
    positions = [i for i, k in enumerate(merged) if k.startswith("n")]
    assert positions[1] - positions[0] >= 4  # evenly spread, not bunched at the end
    assert interleave([], new) == new and interleave(reviews, []) == reviews


def test_new_cards_of_several_decks_take_turns():
    a = [Card("a", f"a{i}", CardType.QA, "A", "Q?") for i in range(3)]
    b = [Card("b", f"b{i}", CardType.QA, "A", "Q?") for i in range(2)]
    queue = build(a + b, {})
    assert [key[1] for key in queue.main] == ["a0", "b0", "a1", "b1", "a2"]


def test_siblings_in_two_decks_are_not_shown_the_same_day():
    # One sentence's cards split over two decks, studied together: only one of them today.
    a = Card("a", "a1", CardType.QA, "A", "Q?", source="doc.txt:5")
    b = Card("b", "b1", CardType.CHOICE, "A", "Q?", distractors=("B", "C"), source="doc.txt:5")
    other = Card("b", "b2", CardType.QA, "A", "Q?", source="doc.txt:9")
    queue = build([a, b, other], {})
    assert [key[1] for key in queue.main] == ["a1", "b2"]
    assert set(sibling_keys(a)) & set(sibling_keys(b))
    # Answering the sibling in one deck keeps the other deck's card away too.
    queue = build([a, b, other], {}, siblings_seen=set(sibling_keys(a)))
    assert [key[1] for key in queue.main] == ["b2"]


def test_cards_sharing_a_sentence_are_siblings_whatever_line_they_name():
    sentence = "Burns outlined three main areas of interest for the United States in Azerbaijan."
    a = Card("d", "a", CardType.QA, "A", "Q?", source="doc.txt:57", context=sentence)
    # The same sentence on another line, spaced and punctuated differently.
    b = Card(
        "d",
        "b",
        CardType.QA,
        "A",
        "Q?",
        source="doc.txt:59",
        context=" burns  outlined THREE main areas of interest for the United States in Azerbaijan",
    )
    # A context that joins the sentence with the one before it overlaps it.
    c = Card(
        "d",
        "c",
        CardType.QA,
        "A",
        "Q?",
        source="doc.txt:56",
        context="The talk was held in 2009 at Georgetown University. " + sentence,
    )
    other = Card(
        "d", "o", CardType.QA, "A", "Q?", source="doc.txt:70", context="Baku is the capital of Azerbaijan."
    )
    assert [key[1] for key in build([a, b, c, other], {}).main] == ["a", "o"]
    assert [key[1] for key in build([b, c, other], {}, siblings_seen=set(sibling_keys(a))).main] == ["o"]


def test_a_new_learner_meets_every_card_type_on_day_one():
    # As the generator writes them: each sentence's typed card first, then its choice or
    # true/false siblings. Always taking the first sibling showed only typed cards.
    cards = []
    for sentence in range(8):
        source = f"doc.txt:{sentence}"
        typed = CardType.CLOZE if sentence % 2 else CardType.QA
        cards.append(Card("d", f"s{sentence}-typed", typed, "A", "Q {{A}}", source=source))
        cards.append(
            Card(
                "d", f"s{sentence}-choice", CardType.CHOICE, "A", "Q?", distractors=("B", "C"), source=source
            )
        )
        cards.append(Card("d", f"s{sentence}-tf", CardType.TRUEFALSE, "true", "S.", source=source))
    queue = build(cards, {}, Limits(new=8, reviews=200))
    by_key = {c.key: c for c in cards}
    chosen = [by_key[key] for key in queue.main]
    assert len(chosen) == 8  # still one card per sentence
    assert len({c.source for c in chosen}) == 8
    first_four_types = {c.type for c in chosen[:4]}
    assert {CardType.CHOICE, CardType.TRUEFALSE} <= first_four_types
    assert any(c.is_typed for c in chosen[:4])


def test_the_queue_read_from_the_store_is_the_queue_built_from_every_cards_state(tmp_path):
    # A session reads only what the day needs through SQL; the home counts build from every
    # card's state. Both must give the same queue, whatever mix of states the cards are in.
    import random

    from caucasusquiz.store.database import ProgressStore
    from caucasusquiz.study.queue import QueueInputs

    rng = random.Random(3)
    kinds = [CardType.QA, CardType.CLOZE, CardType.CHOICE, CardType.TRUEFALSE]
    cards = [
        Card(f"deck{d}", f"c{i}", kinds[i % 4], "A", "Q?", source=f"doc.txt:{rng.randrange(60)}")
        for d in range(3)
        for i in range(400)
    ]
    store = ProgressStore.open(tmp_path / "progress.sqlite3")
    profile = store.profile("p", NOW)
    progress = {}
    for card in rng.sample(cards, 700):
        roll = rng.random()
        if roll < 0.5:
            p = review(
                NOW_MS + rng.randrange(-20, 20) * DAY, NOW_MS - rng.randrange(1, 40) * DAY, rng.uniform(1, 30)
            )
        elif roll < 0.7:
            p = learning(NOW_MS + rng.randrange(-60, 600) * 60_000)
        elif roll < 0.8:
            p = review(NOW_MS - DAY, NOW_MS - 3 * DAY, suspended=True)
        elif roll < 0.9:
            p = CardProgress(Memory(), buried_until_ms=DAY_END if rng.random() < 0.5 else NOW_MS - 1)
        else:
            p = review(NOW_MS - DAY, NOW_MS - 9 * DAY, buried_until_ms=DAY_END)
        progress[card.key] = p
        store.set_progress(profile.id, card.key, p)
    scheduler = Scheduler(Settings())
    for limits in (Limits(20, 200), Limits(5, 10), Limits(0, 1000), Limits(1000, 0)):
        expected = build(cards, progress, limits)
        from_store = build_queue(
            {card.key: card for card in cards},
            QueueInputs.from_store(store, profile.id, NOW_MS, DAY_END),
            scheduler,
            now_ms=NOW_MS,
            day_end_ms=DAY_END,
            limits=limits,
        )
        assert from_store.learning == expected.learning, limits
        assert list(from_store.main) == list(expected.main), limits
    store.close()
