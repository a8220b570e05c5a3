"""The generator from end to end: documents → paragraphs → sentences → facts → cards → decks.

`generate` is the one entry point (the `generate` command, the tests and the benchmark
call it). It is deterministic: documents are read in name order, every collection that
decides an output is ordered, and nothing depends on time or the environment.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from caucasusquiz.errors import UserError
from caucasusquiz.generator.capitals import BROKEN_ARTICLE, Capitals
from caucasusquiz.generator.cards import Draft, cards_for
from caucasusquiz.generator.claims import source_label
from caucasusquiz.generator.clean import clean_document
from caucasusquiz.generator.coverage import Ledger, dropped
from caucasusquiz.generator.dates import ANY_YEAR
from caucasusquiz.generator.dedupe import (
    SAME_EVENT,
    Crowding,
    Disputes,
    SeenFacts,
    unique_cards,
    unique_facts,
    without_giveaways,
    without_partial_lists,
    without_same_event,
)
from caucasusquiz.generator.distractors import Pool
from caucasusquiz.generator.documents import read_document, seed_files
from caucasusquiz.generator.emit import documents_folders
from caucasusquiz.generator.facts import Fact, facts_of, our_country, sentences_of, with_mentions
from caucasusquiz.generator.fullnames import named_in_full
from caucasusquiz.generator.gate import IMPOSSIBLE_YEAR, SUBJECT, Known, gate_reason, possible_years
from caucasusquiz.generator.infobox import result_card
from caucasusquiz.generator.merge import plan_decks, write_plan
from caucasusquiz.generator.report import Report
from caucasusquiz.generator.salience import Salience, once_reason, retold_names
from caucasusquiz.generator.subject import (
    found_title,
    frequent_names,
    full_name,
    recurring_names,
    title_names,
    title_of,
)
from caucasusquiz.generator.timeline import DocDate, document_date
from caucasusquiz.generator.topics import Topic, document_topic, read_topics, topic_for, topics_file

Progress = Callable[[int, int], None]  # (bytes done, bytes in total)


def build(
    paths: Iterable[Path], progress: Progress | None = None
) -> tuple[dict[str, tuple[Topic, list[Draft]]], Report]:
    """Every generated card, by deck, without writing anything."""
    with _no_cycle_collection():
        return _build(paths, progress)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector paused while generating.

    A large document keeps millions of small objects alive (sentences, mentions), and each
    of the collector's full passes walks all of them: measured, 5 MiB took 9x the time of
    1 MiB with it and 3.7x without. Generation makes no reference cycles worth collecting
    early; reference counting still frees everything, and the collector resumes after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(
    paths: Iterable[Path], progress: Progress | None = None
) -> tuple[dict[str, tuple[Topic, list[Draft]]], Report]:
    report = Report()
    ledger = Ledger()  # every sentence counted once, at the end: taught or not, and why
    paths = list(paths)
    files = seed_files(paths)
    topics_path = topics_file(paths)
    subject_decks = read_topics(topics_path) if topics_path is not None else ()
    total = sum(f.stat().st_size for f in files)
    done = 0
    facts: list[Fact] = []
    subjects: dict[str, set[str]] = {}
    dates: dict[str, DocDate | None] = {}
    titles: dict[str, str] = {}
    full_names: dict[str, tuple[str, str]] = {}  # a title cut short, and the name the text gives
    recurring: dict[str, set[str]] = {}
    labels: dict[str, str | None] = {}
    results: list[Draft] = []  # a war's result, from its infobox
    capitals = Capitals()
    ends: list[tuple[str, str]] = []  # (sentence, its document's title)
    for path in files:
        document = read_document(path)
        report.documents.append(document.name)
        report.bytes_read += document.size
        cleaned = clean_document(document)
        report.furniture.update(cleaned.dropped)
        title = title_of(cleaned.blocks, path.stem)
        titles[document.name] = title
        full = full_name(cleaned.blocks, title, path.stem)
        if full is not None:
            full_names[document.name] = (re.sub(r"^(?:The|the)\s+", "", title.strip()), full)
        paragraphs = sentences_of(
            cleaned.blocks, our_country(cleaned.blocks), found_title(cleaned.blocks) or ""
        )
        for paragraph in paragraphs:
            for sentence in paragraph:
                capitals.learn(sentence.text)  # every sentence, taught or not: how names are written
                ends.append((sentence.text, full or title))  # when a war ended bounds year options
        found_facts = facts_of(paragraphs)
        facts.extend(found_facts)
        ledger.read((s for paragraph in paragraphs for s in paragraph), found_facts)
        dates[document.name] = document_date(document)
        result = result_card(document)
        if result is not None:
            results.append(result)
        last = next((line for line in reversed(document.lines) if line.strip()), "")
        labels[document.name] = source_label(list(document.lines[:8]), title, dates[document.name], last)
        done += path.stat().st_size
        if progress is not None:
            progress(done, total)
    facts, repeated = unique_facts(facts)
    for fact in repeated:
        ledger.not_taught(fact, "repeated (said before)", fact.context)
    with_mentions(facts)
    by_document: dict[str, list[Fact]] = {}
    for fact in facts:
        by_document.setdefault(fact.doc.name, []).append(fact)
    for name, title in titles.items():
        found = by_document.get(name, [])
        subjects[name] = title_names(title) | frequent_names(f.mentions for f in found)
        if name in full_names:
            subjects[name] |= title_names(full_names[name][1])
        recurring[name] = recurring_names(f.mentions for f in found)
    pool = Pool()
    known = Known(person_years=pool.years)
    for said, named in ends:
        known.learn_end(said, named)
    for fact in facts:
        pool.add(fact.mentions, fact.prompt, fact.doc.name)
        known.learn(fact.context)
    drafts: list[Draft] = []
    topics: dict[str, Topic] = {}
    asked: dict[str, set[str]] = {}
    seen = SeenFacts()
    disputes = Disputes(fact.context for fact in facts)
    salience = Salience(facts)
    # What a document is about: its subjects and the names it keeps coming back to.
    about = {
        name: subjects[name] | retold_names(f.mentions for f in by_document.get(name, [])) for name in titles
    }
    for fact in facts:
        # A sentence shown after the one it leans on is judged by its own words: the sentence
        # before was seen already, and would make it look like a repeat.
        own = fact.context if not fact.lead else fact.prompt[fact.lead :]
        if seen.repeats(own):
            ledger.not_taught(fact, "repeated (said before in other words)", fact.context)
            continue
        # A name the document keeps repeating is never asked: its other cards would give it away.
        done_here = asked.setdefault(fact.doc.name, set(recurring[fact.doc.name]))
        made, reason = cards_for(
            fact,
            pool,
            subjects[fact.doc.name],
            dates[fact.doc.name],
            done_here,
            labels[fact.doc.name],
            titles[fact.doc.name],
        )
        made = [capitals.restored(d) for d in made]
        if fact.doc.name in full_names:
            made = [named_in_full(d, *full_names[fact.doc.name]) for d in made]
        gated = [(d, gate_reason(d, subjects[fact.doc.name], known)) for d in made]
        gated = [
            (d, BROKEN_ARTICLE if why is None and capitals.article_before_name(_shown(d)) else why)
            for d, why in gated
        ]
        # Options the documents make impossible spoil the options, not the question: years drawn
        # again within the possible ones, else asked typed.
        gated = [
            (redrawn, gate_reason(redrawn, subjects[fact.doc.name], known))
            if why == IMPOSSIBLE_YEAR
            and (redrawn := _redrawn(d, known, pool.latest_year, subjects[fact.doc.name])) is not None
            else (d, why)
            for d, why in gated
        ]
        gated = [
            (typed, gate_reason(typed, subjects[fact.doc.name], known))
            if why == IMPOSSIBLE_YEAR and (typed := _typed(d)) is not None
            else (d, why)
            for d, why in gated
        ]
        gated = [
            (d, DISPUTED if why is None and _dated(d) and disputes.disputed(fact.context) else why)
            for d, why in gated
        ]
        # The same fact told with another year in other words: which is right is a teacher's call.
        disagreement = next(
            (told for d, why in gated if why is None and (told := salience.disagreement(d)) is not None),
            None,
        )
        if disagreement is not None:
            gated = [(d, DISPUTED if why is None and _dated(d) else why) for d, why in gated]
        gated = [(d, DISPUTED_RANK if why is None and salience.rank_disputed(d) else why) for d, why in gated]
        gated = [
            (d, SIGNED_IN_FORCE if why is None and salience.signed_or_in_force(d) else why)
            for d, why in gated
        ]
        # A fact no other sentence states again is made only when nothing else about it is weak.
        if salience.tells(fact.doc.name):
            gated = [
                (
                    d,
                    once_reason(d, salience.stated(d), about[fact.doc.name], fact.prompt)
                    if why is None
                    else why,
                )
                for d, why in gated
            ]
        made = [d for d, why in gated if why is None]
        reason = next((why for _, why in gated if why is not None), reason)
        done_here.update(d.answer_key for d in made)
        seen.add(own)
        if not made:
            said = fact.prompt[fact.lead :]
            if reason == DISPUTED and disagreement is not None:
                said += f"  (another sentence gives {disagreement[0]}: {disagreement[1]})"
            ledger.not_taught(fact, reason, said)
            continue
        ledger.made(fact, made)
        if subject_decks:
            topic = topic_for(fact.context, subject_decks)
        else:
            topic = document_topic(fact.doc.name, titles[fact.doc.name])
        for draft in made:
            topics[draft.id] = topic
        drafts.extend(made)
    for result in results:
        # The winner's name is no subject answer here: who won is the point of the card.
        why = gate_reason(result, subjects[result.order[0]], known)
        if why is not None and why != SUBJECT:
            report.results_untaught.append((result.source, why, result.context))
            continue
        name = result.order[0]
        topics[result.id] = (
            topic_for(result.context, subject_decks) if subject_decks else document_topic(name, titles[name])
        )
        drafts.append(result)
    before = drafts
    drafts, report.repeated_cards = unique_cards(drafts)
    ledger.dropped(dropped(before, drafts), REPEATED_CARD)
    before = drafts
    drafts, given_away = without_giveaways(sorted(drafts, key=lambda d: d.order))
    report.repeated_cards += given_away
    ledger.dropped(dropped(before, drafts), GIVEN_AWAY)
    # A list another sentence gives longer has more right answers than the card accepts.
    before = drafts
    drafts, partial = without_partial_lists(drafts, facts)
    report.repeated_cards += partial
    ledger.dropped(dropped(before, drafts), PARTIAL_LIST)
    # Within its paragraph and its document, a card may still be one too many.
    crowding = Crowding()
    uncrowded: list[Draft] = []
    # Where cards compete for a paragraph's or a document's slots, the fact more sources state
    # is taken first; ties keep the document's order.
    stated = {id(d): salience.stated(d) for d in drafts}
    for draft in sorted(drafts, key=lambda d: (d.order[0], -stated[id(d)], d.order)):
        why = crowding.reason(draft)
        if why is not None:
            ledger.dropped([draft], why)
            continue
        crowding.add(draft)
        uncrowded.append(draft)
    drafts = uncrowded
    # One event's date is asked once per deck, at day or year precision.
    drafts, same_event = without_same_event(
        sorted(drafts, key=lambda d: d.order), {draft.id: topics[draft.id].id for draft in drafts}
    )
    ledger.dropped(same_event, SAME_EVENT)
    decks: dict[str, tuple[Topic, list[Draft]]] = {}
    written: set[str] = set()
    for draft in sorted(drafts, key=lambda d: d.order):
        if draft.id in written:
            ledger.dropped([draft], REPEATED_CARD)
            continue  # same fact and answer reached twice: one card
        written.add(draft.id)
        topic = topics[draft.id]
        decks.setdefault(topic.id, (topic, []))[1].append(draft)
    order = [t.id for t in subject_decks] if subject_decks else list(decks)
    ordered = {deck_id: decks[deck_id] for deck_id in order if deck_id in decks}
    ledger.finish((d for _, deck_drafts in ordered.values() for d in deck_drafts), report)
    for deck_id, (topic, deck_drafts) in ordered.items():
        report.decks[deck_id] = topic.title
        report.cards[deck_id] = len(deck_drafts)
    return ordered, report


# A run may drop this many unedited generated cards without asking: a seed edit removes a
# few; an empty or wrong input would remove them all.
PRUNE_LIMIT = 5

Confirm = Callable[[int], bool]  # (cards that would be removed) -> go ahead?


def generate(
    paths: Iterable[Path],
    out_dir: Path,
    progress: Progress | None = None,
    prune: bool = False,
    confirm: Confirm | None = None,
) -> Report:
    """Generate decks from the seeds at `paths` into `out_dir`, keeping hand edits.

    A run that would remove more than PRUNE_LIMIT generated cards writes nothing unless
    `prune` is set or `confirm` agrees (the command asks at a terminal).
    """
    paths = list(paths)
    decks, report = build(paths, progress)
    # Only the documents read in this run may lose cards; the others' cards are kept untouched.
    read = {path.name: path for path in seed_files(paths)}
    plan = plan_decks(out_dir, decks, documents_folders(paths, out_dir), read)
    removing = len(plan.report.removed)
    if removing > PRUNE_LIMIT and not prune and not (confirm is not None and confirm(removing)):
        raise UserError(
            f"{out_dir}: this run would remove {removing} generated cards "
            f"(their documents, read in this run or gone, no longer yield them); nothing was changed",
            "check the seed paths; if the removal is intended, run again with --prune",
        )
    write_plan(out_dir, plan)
    report.merge = plan.report
    report.out_dir = str(out_dir)
    return report


# Why a sentence whose cards were all dropped by a check on all cards made no card.
REPEATED_CARD = "repeated (another sentence's card asks the same)"
GIVEN_AWAY = "another card's question gives its answer away"
PARTIAL_LIST = "another sentence lists more (its list would not be the one right answer)"

DISPUTED = "the sources disagree on this fact's year (two give different years): a teacher should check"
SIGNED_IN_FORCE = "the year asked as a signing is the agreement's entry into force in another sentence"
DISPUTED_RANK = (
    "the sources disagree on this rank ('second-longest' / 'third longest'): a teacher should check"
)


def _shown(draft: Draft) -> str:
    """Every text of the card a student reads: its prompt and its options."""
    options = dict(draft.body).get("distractors")
    return " ".join(
        [draft.prompt, *(str(o) for o in options)] if isinstance(options, list | tuple) else [draft.prompt]
    )


def _dated(draft: Draft) -> bool:
    """The card asks or states a year (a date's year too)."""
    return ANY_YEAR.search(draft.answer_key) is not None


def _redrawn(draft: Draft, known: Known, latest: int | None, subjects: Iterable[str]) -> Draft | None:
    """A year card's options drawn again within the years its prompt's names allow ("the
    worst fire in the Lune Tunnel's history" when the tunnel opened in 1994: no 1990)."""
    fields = dict(draft.body)
    answer = str(fields.get("answer", ""))
    if draft.type != "choice" or "distractors" not in fields or not re.fullmatch(r"\d{4}", answer):
        return None
    year = int(answer)
    low, high = possible_years(
        re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", draft.prompt), known, subjects, year
    )
    high = min(high, max(latest or year, year))
    near = [year + d for d in (-3, 4, -6, 3, 6, -4, 9, -9, 2, 5, -2, 7)]
    fitting = [str(y) for y in near if low <= y <= high][:3]
    if len(fitting) < 3:
        return None
    body = tuple((key, fitting if key == "distractors" else value) for key, value in draft.body)
    return dataclasses.replace(draft, body=body)


def _typed(draft: Draft) -> Draft | None:
    """A multiple-choice question asked without its options; None for a blank (no question)."""
    question = dict(draft.body).get("question")
    if draft.type != "choice" or not isinstance(question, str) or "___" in question:
        return None
    body = tuple((key, value) for key, value in draft.body if key != "distractors")
    return dataclasses.replace(draft, type="qa", body=body)
