"""The generator from end to end: documents → paragraphs → sentences → facts → cards → decks.

`generate` is the one entry point (the `generate` command, the tests and the benchmark
call it). It is deterministic: documents are read in name order, every collection that
decides an output is ordered, and nothing depends on time or the environment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from caucasusquiz.generator.cards import Draft, cards_for
from caucasusquiz.generator.clean import clean_document
from caucasusquiz.generator.dedupe import unique_cards, unique_facts
from caucasusquiz.generator.distractors import Pool
from caucasusquiz.generator.documents import read_document, seed_files
from caucasusquiz.generator.facts import Fact, facts_of, our_country, sentences_of
from caucasusquiz.generator.merge import plan_decks, write_plan
from caucasusquiz.generator.report import Report
from caucasusquiz.generator.topics import TOPICS, Topic, topic_for

Progress = Callable[[int, int], None]  # (bytes done, bytes in total)


def build(
    paths: Iterable[Path], progress: Progress | None = None
) -> tuple[dict[str, tuple[Topic, list[Draft]]], Report]:
    """Every generated card, by deck, without writing anything."""
    report = Report()
    files = seed_files(paths)
    total = sum(f.stat().st_size for f in files)
    done = 0
    facts: list[Fact] = []
    for path in files:
        document = read_document(path)
        report.documents.append(document.name)
        report.bytes_read += document.size
        cleaned = clean_document(document)
        report.furniture.update(cleaned.dropped)
        paragraphs = sentences_of(cleaned.blocks, our_country(cleaned.blocks))
        facts.extend(facts_of(paragraphs))
        for sentence in (s for paragraph in paragraphs for s in paragraph):
            report.sentences += 1
            if sentence.reason is not None:
                report.rejected[sentence.reason] += 1
        done += path.stat().st_size
        if progress is not None:
            progress(done, total)
    facts, repeated = unique_facts(facts)
    if repeated:
        report.rejected["repeated (said before)"] += repeated
    pool = Pool()
    for fact in facts:
        pool.add(fact.mentions)
    drafts: list[Draft] = []
    topics: dict[str, Topic] = {}
    for fact in facts:
        made = cards_for(fact, pool)
        if not made:
            report.rejected["no informative span"] += 1
            continue
        report.taught += 1
        topic = topic_for(fact.context)
        for draft in made:
            topics[draft.id] = topic
        drafts.extend(made)
    drafts, report.repeated_cards = unique_cards(drafts)
    decks: dict[str, tuple[Topic, list[Draft]]] = {}
    seen: set[str] = set()
    for draft in sorted(drafts, key=lambda d: d.order):
        if draft.id in seen:
            continue  # same fact and answer reached twice: one card
        seen.add(draft.id)
        topic = topics[draft.id]
        decks.setdefault(topic.id, (topic, []))[1].append(draft)
    ordered = {t.id: decks[t.id] for t in TOPICS if t.id in decks}
    for deck_id, (topic, deck_drafts) in ordered.items():
        report.decks[deck_id] = topic.title
        report.cards[deck_id] = len(deck_drafts)
    return ordered, report


def generate(paths: Iterable[Path], out_dir: Path, progress: Progress | None = None) -> Report:
    """Generate decks from the seeds at `paths` into `out_dir`, keeping hand edits."""
    decks, report = build(paths, progress)
    plan = plan_decks(out_dir, decks)
    write_plan(out_dir, plan)
    report.merge = plan.report
    report.out_dir = str(out_dir)
    return report
