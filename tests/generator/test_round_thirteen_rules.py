"""Deck-level rules from a blind review of cards made from unseen articles (round thirteen).

Each rule is shown on a made-up document about invented places, treaties and wars, and holds
for every deck the generator writes, whatever the article.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from caucasusquiz.decks.loader import read_deck
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.dedupe import without_giveaways, without_same_event
from caucasusquiz.generator.distractors import Pool, distractors
from caucasusquiz.generator.entities import find_mentions
from caucasusquiz.generator.gate import (
    IMPOSSIBLE_YEAR,
    THIN_PERSON,
    TWO_FACTS,
    UNDATED_RANK,
    Known,
    gate_reason,
)
from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.referents import with_title
from caucasusquiz.generator.report import Report


def _drafts(tmp_path: Path, name: str, text: str) -> tuple[list[Draft], Report]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    decks, report = build([tmp_path / name])
    return [d for _, drafts in decks.values() for d in drafts], report


def _cards(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    drafts, _ = _drafts(tmp_path, name, text)
    return [(d.prompt, d.answer_text) for d in drafts]


# ---- a title cut short: the subject's full name on its cards, and never their answer -------

_LUNE_WAR = (
    "Lune War\n\n"
    "The Second Lune War was a conflict fought between the Varnholm Empire and the Ostrian League. "
    "The First Lune War had ended with an Ostrian victory at Kessel.\n\n"
    "The Lune War broke out in 1791 after the failure of the Kessel Conference.\n\n"
    "The Second Lune War was a long struggle between Varnholm troops and the Ostrian militia.\n\n"
    "The Lune War finally ended in 1796 with the Treaty of Dornach.\n"
)


def test_a_short_name_of_the_subject_is_written_as_the_document_names_it(tmp_path: Path):
    cards = _cards(tmp_path, "second-lune-war.txt", _LUNE_WAR)
    prompts = [prompt for prompt, _ in cards]
    assert any(answer == "1791" for _, answer in cards), cards
    assert not any("the Lune War" in p or "The Lune War" in p for p in prompts), prompts
    assert any("Second Lune War" in p for p in prompts), prompts
    # the subject in its full form is never the answer
    assert not any("Lune War" in answer for _, answer in cards), cards


# ---- give-aways through options and partial names --------------------------------------------


def _card(kind: str, prompt: str, answer: str, number: int, distractors: tuple[str, ...] = ()) -> Draft:
    field = {"cloze": "text", "truefalse": "statement"}.get(kind, "question")
    body: list[tuple[str, object]] = [(field, prompt)]
    if kind != "cloze":
        body.append(("answer", answer))
    if distractors:
        body.append(("distractors", list(distractors)))
    return Draft(
        f"c{number}",
        kind,
        tuple(body),
        (),
        "a.txt:1",
        "A sentence.",
        answer,
        prompt,
        ("a.txt", number, 0),
        answer,
        prompt,
    )


def test_an_option_that_is_another_cards_answer_gives_it_away():
    war = _card("cloze", "The {{Lune War}} was fought over the Penn Islands.", "Lune War", 1)
    era = _card(
        "choice",
        "During which period did Varnholm guard Ostria?",
        "Long Peace",
        2,
        ("Lune War", "Kessel Crisis", "Dornach Revolt"),
    )
    kept, dropped = without_giveaways([war, era])
    assert dropped == 1 and len(kept) == 1


def test_a_year_every_option_shows_gives_away_the_card_asking_it():
    signed = _card(
        "choice",
        "On what date was the Treaty of Dornach signed?",
        "6 February 1796",
        1,
        ("19 January 1796", "13 March 1796", "28 June 1796"),
    )
    census = _card("cloze", "In Ostria in {{1796}} there were about 100,000 farmers.", "1796", 2)
    kept, dropped = without_giveaways([signed, census])
    assert dropped == 1 and len(kept) == 1
    # near miss: options of several years show none of them
    spread = _card(
        "choice",
        "On what date was the Treaty of Dornach signed?",
        "6 February 1796",
        1,
        ("19 January 1793", "13 March 1799", "28 June 1801"),
    )
    assert without_giveaways([spread, census])[1] == 0


def test_a_name_without_its_ordinal_gives_the_name_away():
    asked = _card("cloze", "The {{Second Lune War}} was fought over the Penn Islands.", "Second Lune War", 1)
    teller = _card("qa", "In which year did the Lune War break out?", "1791", 2)
    assert without_giveaways([asked, teller])[1] == 1
    # near miss: a one-word answer in lower case is told only by its own document's prompts
    rank = _card(
        "choice", "The Kessel Bridge is the ___ longest bridge.", "second", 3, ("third", "fourth", "fifth")
    )
    other = dataclasses.replace(teller, prompt="When did the Second Lune War begin?", order=("b.txt", 1, 0))
    assert without_giveaways([rank, other])[1] == 0


# ---- one beginning's date, once per deck, at any precision -----------------------------------


def test_a_beginning_asked_as_a_year_and_as_a_month_is_one_card():
    year = _card("qa", "In which year did the Lune War break out?", "1791", 1)
    month = _card(
        "cloze", "Starting in {{October 1791::month year}}, the Ostrians besieged Kessel.", "October 1791", 2
    )
    decks = {"c1": "lune", "c2": "lune"}
    kept, dropped = without_same_event([year, month], decks)
    assert [d.id for d in kept] == ["c1"] and [d.id for d in dropped] == ["c2"]
    # near miss: a month of that year that begins nothing is another event
    other = _card("cloze", "The Treaty of Kessel was signed in {{June 1791::month year}}.", "June 1791", 2)
    assert len(without_same_event([year, other], decks)[0]) == 2


# ---- an undated rank is time-dependent ---------------------------------------------------------


def test_an_undated_rank_among_things_still_built_is_no_card(tmp_path: Path):
    text = (
        "Kessel Bridge\n\n"
        "The Kessel Bridge is the second longest bridge in Ostria and carries both road and rail.\n\n"
        "The Kessel Bridge was opened on 1 July 1931 by King Aldric of Varnholm.\n"
    )
    assert not any(answer == "second" for _, answer in _cards(tmp_path, "kessel-bridge.txt", text))
    undated = _card("cloze", "The {{Kessel Bridge}} is the largest bridge in Ostria.", "Kessel Bridge", 1)
    assert gate_reason(undated, ["ostria"]) == UNDATED_RANK
    spans = _card(
        "cloze", "The Kessel Bridge has one of the longest {{cable-stayed spans}} in the world.", "x", 1
    )
    assert gate_reason(spans, ["ostria"]) == UNDATED_RANK
    # near misses: a dated rank, and a rank within a closed set, are asked
    dated = _card(
        "cloze",
        "The {{Kessel Bridge}} was the longest bridge in Ostria when it opened in 1931.",
        "Kessel Bridge",
        1,
    )
    assert gate_reason(dated, ["ostria"]) != UNDATED_RANK
    closed = _card(
        "cloze", "{{Lapland}} was the third largest troop contributor in the Lune War.", "Lapland", 1
    )
    assert gate_reason(closed, ["ostria"]) != UNDATED_RANK
    # a comparison that names what ranks above is asked (issue 8: "second-longest … after Druzhba")
    compared = _card(
        "cloze",
        "The Varn pipeline is the {{second-longest}} oil pipeline in the world after the Lune pipeline.",
        "second-longest",
        1,
    )
    assert gate_reason(compared, ["ostria"]) != UNDATED_RANK


# ---- year options after the end of the war the document is about ------------------------------


def test_no_year_option_falls_after_the_end_of_the_war_the_article_is_about():
    known = Known()
    known.learn_end("The war finally ended in 1796 with the Treaty of Dornach.", "Second Lune War")
    raid = _card(
        "choice",
        "An Ostrian officer made a raid on Varn territory in ___.",
        "1788",
        1,
        ("1785", "1799", "1791"),
    )
    subjects = ["second lune war", "lune war"]
    assert gate_reason(raid, subjects, known) == IMPOSSIBLE_YEAR
    fitting = _card(
        "choice",
        "An Ostrian officer made a raid on Varn territory in ___.",
        "1788",
        1,
        ("1785", "1792", "1791"),
    )
    assert gate_reason(fitting, subjects, known) != IMPOSSIBLE_YEAR
    # near miss: a year after the war (its aftermath) may have later options
    later = _card("choice", "The Varn Union was formed in ___.", "1805", 1, ("1802", "1809", "1811"))
    assert gate_reason(later, subjects, known) != IMPOSSIBLE_YEAR
    known.learn_end("The Kessel War (4 May 1701 – 2 June 1704) was fought in Ostria.", "Second Lune War")
    assert known.ended["kessel war"] == 1704


# ---- an era is offered among eras, never among wars -------------------------------------------


def test_an_era_is_never_offered_among_wars():
    pool = Pool()
    texts = [
        "Vestia fought the Lune War.",
        "Ostria fought the Kessel War.",
        "Lapland fought the Dornach War.",
        "Varn fought the Orla War.",
        "During the Cold War Vestia guarded Ostria.",
    ]
    for text in texts:
        pool.add(find_mentions(text), text, "a.txt")
    era = next(m for m in find_mentions(texts[4]) if m.text == "Cold War")
    assert distractors(era, "Cold War", "During the ___ Vestia guarded Ostria.", pool, "name:war") == []
    # near miss: a war among the other wars, never the era
    war = next(m for m in find_mentions(texts[0]) if m.text == "Lune War")
    offered = distractors(war, "Lune War", "Vestia fought the ___ over the Penn Islands.", pool, "name:war")
    assert sorted(offered) == ["Dornach War", "Kessel War", "Orla War"]


# ---- a person's name in a sentence that tells nothing of them ---------------------------------


def test_a_persons_name_in_a_sentence_that_tells_nothing_of_them_is_no_card(tmp_path: Path):
    def person(prompt: str, answer: str) -> Draft:
        return dataclasses.replace(_card("cloze", prompt, answer, 1), tags=("person",))

    thin = person("Governor {{Aldric Venn}} was caught by surprise.", "Aldric Venn")
    assert gate_reason(thin, ["ostria"]) == THIN_PERSON
    # near misses: what the person did, with a name or a date, is worth a card
    signed = person("Governor {{Aldric Venn}} signed the Treaty of Kessel for Ostria.", "Aldric Venn")
    assert gate_reason(signed, ["ostria"]) != THIN_PERSON
    dated = person("Governor {{Aldric Venn}} was recalled in 1841.", "Aldric Venn")
    assert gate_reason(dated, ["ostria"]) != THIN_PERSON
    _, report = _drafts(
        tmp_path,
        "ostria.txt",
        "Ostria\n\nThe Kessel Revolt began in the north of Ostria.\n\nGovernor Aldric Venn was caught by surprise.\n",
    )
    assert any(reason == THIN_PERSON for _, reason, _ in report.untaught), report.untaught


# ---- a cloze's hint is shown with its blank, never as a placeholder ---------------------------


def test_a_generated_cloze_shows_a_blank_with_its_hint_never_a_bare_placeholder(tmp_path: Path):
    deck = tmp_path / "orla.yaml"
    # a cloze as the generator writes one: the blank carries the form its answer takes
    deck.write_text(
        'title: "Orla Canal"\ncards:\n  - id: october-1822\n    type: cloze\n'
        '    text: "Starting in {{October 1822::month year}}, the Varn engineers dug the Orla Canal."\n',
        encoding="utf-8",
    )
    loaded = read_deck(deck).deck
    assert loaded is not None
    (card,) = loaded.cards
    assert card.question == "Starting in […: month year], the Varn engineers dug the Orla Canal."


# ---- "the text" in a treaty's article is that treaty's text ------------------------------------


def test_the_text_in_a_treatys_article_is_the_treatys_text():
    said = "Aldric Venn, a monk, translated the text into Varnish."
    assert with_title(said, "The Treaty of Kessel") == (
        "Aldric Venn, a monk, translated the text of the Treaty of Kessel into Varnish."
    )
    # near misses: a text named already, and an article on no document, stay as written
    named = "Aldric Venn translated the text of the Orla Charter into Varnish."
    assert with_title(named, "Treaty of Kessel") == named
    assert with_title(said, "Kessel Bridge") == said


# ---- a question that asks one act and states another fact beside it --------------------------


def test_a_question_that_states_a_second_fact_beside_the_one_it_asks_is_no_card():
    joined = _card(
        "qa",
        "Between which two places was the Kessel Bridge inaugurated on 1 July 1931 and is a fixed road link?",
        "Ostria and Lapland",
        1,
    )
    assert gate_reason(joined, ["kessel bridge"]) == TWO_FACTS
    # near miss: one act asked, with what it joined
    one = _card(
        "qa",
        "Which two places did the Kessel Bridge join when it opened on 1 July 1931?",
        "Ostria and Lapland",
        1,
    )
    assert gate_reason(one, ["kessel bridge"]) != TWO_FACTS
