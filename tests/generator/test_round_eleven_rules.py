"""Rules from a blind review of cards made from unseen articles (round eleven).

Each rule is shown on a made-up document about invented places: what it repairs or
refuses, and, where it could cost a good card, a near miss that must still pass.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from caucasusquiz.generator import gate
from caucasusquiz.generator.capitals import BROKEN_ARTICLE, learnt
from caucasusquiz.generator.cards import Draft, blank_hint
from caucasusquiz.generator.concise import event_question
from caucasusquiz.generator.dedupe import without_same_event
from caucasusquiz.generator.distractors import Pool, distractors
from caucasusquiz.generator.entities import find_mentions
from caucasusquiz.generator.facets import aim
from caucasusquiz.generator.gate import gate_reason
from caucasusquiz.generator.kinds import fine_kind
from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.questions import lemma
from caucasusquiz.generator.referents import with_paragraph_names, with_time_counted
from caucasusquiz.generator.standalone import TIME_ANCHOR
from caucasusquiz.generator.subject import title_of, undecorated


def _prompts(tmp_path: Path, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    decks, _ = build([tmp_path / name])
    return [d.prompt for _, drafts in decks.values() for d in drafts]


def _card(kind: str, prompt: str, answer: str = "") -> Draft:
    field = {"cloze": "text", "truefalse": "statement"}.get(kind, "question")
    plain = re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", prompt)
    context = plain.replace("___", answer) if kind in ("cloze", "truefalse") else "A sentence."
    body: list[tuple[str, object]] = [(field, prompt)]
    if kind != "cloze":
        body.append(("answer", answer))
    return Draft(
        "x-000000", kind, tuple(body), (), "a.txt:1", context, answer, prompt, ("a.txt", 1, 0), answer, prompt
    )


# ---- a page title's decoration is no name --------------------------------------------------


def test_a_title_loses_what_the_site_adds():
    assert undecorated("Ostrava–Lune Canal Explained") == "Ostrava–Lune Canal"
    assert undecorated("Treaty of Varnholm | Britannica") == "Treaty of Varnholm"
    assert undecorated("Varnholm War - History") == "Varnholm War"
    assert undecorated("Varnholm, Treaty of") == "Treaty of Varnholm"
    # near misses: a navigation bar and a headline with a dash stay as they are
    assert undecorated("Home | World") == "Home | World"
    assert undecorated("Lune needs gas – or coal") == "Lune needs gas – or coal"


def test_a_decorated_title_never_becomes_the_subject_of_a_prompt(tmp_path: Path):
    text = (
        "Ostrava Canal Explained\n\n"
        "The Ostrava Canal links the river Lune with the Varn Sea.\n\n"
        "Nonetheless, the canal saw quick success upon opening on October 26, 1825.\n"
    )
    prompts = _prompts(tmp_path, "ostrava.txt", text)
    assert prompts and not any("Explained" in p for p in prompts)


def test_a_title_from_the_file_name_takes_the_document_s_capitals(tmp_path: Path):
    from caucasusquiz.generator.clean import clean_document
    from caucasusquiz.generator.documents import read_document

    path = tmp_path / "treaty-of-varnholm.txt"
    path.write_text("Source: http://example.org/x\n\nThe Treaty of Varnholm was signed in 1601.\n", "utf-8")
    blocks = clean_document(read_document(path)).blocks
    assert title_of(blocks, path.stem) == "Treaty of Varnholm"


# ---- "the island", "the deal", "construction", "such plans", "a few decades later" ------------


def test_the_island_is_named_when_the_paragraph_names_one_island():
    before = "The Salt War broke out in 1859 on Varn Island, a sheep farm of the Lune Company."
    sentence = "Vestia dispatched about sixty troops to the island, under command of Ada Korr."
    assert with_paragraph_names(sentence, before) == (
        "Vestia dispatched about sixty troops to Varn Island, under command of Ada Korr."
    )
    assert with_paragraph_names(
        "Nonetheless, the canal opened in 1825.", "The Ostrava Canal was dug by hand."
    ) == ("Nonetheless, the Ostrava Canal opened in 1825.")


def test_the_island_is_refused_when_the_paragraph_names_two(tmp_path: Path):
    text = (
        "Salt War\n\n"
        "The Salt War broke out in 1859 on the Penn Islands, north of Varn Island and east of Lune Island.\n\n"
        "Vestia dispatched about sixty troops to the island, under command of Ada Korr.\n"
    )
    prompts = _prompts(tmp_path, "salt-war.txt", text)
    assert not any("the island" in p or "Ada Korr" in p for p in prompts)
    draft = _card(
        "cloze", "Vestia dispatched about sixty troops to the island, under command of {{Ada Korr}}."
    )
    assert gate_reason(draft, set()) == gate.DANGLING


def test_a_deal_dated_but_never_named_is_refused():
    draft = _card("truefalse", "Cabinet approved the deal on March 23, 2015.", "false")
    assert gate_reason(draft, set()) == gate.UNNAMED
    # near miss: a named deal
    named = _card("truefalse", "Cabinet approved the Varnholm deal on March 23, 2015.", "false")
    assert gate_reason(named, set()) is None


def test_construction_of_nothing_and_such_plans_are_refused():
    built = _card("truefalse", "The Lune State Legislature authorized construction in 1820.", "false")
    assert gate_reason(built, set()) == gate.DANGLING
    of_what = _card(
        "truefalse",
        "The Lune State Legislature authorized construction of the Ostrava Canal in 1820.",
        "false",
    )
    assert gate_reason(of_what, set()) is None
    such = _card("qa", "In which year was Ada Korr sent to Varn as governor to effect such plans?", "1874")
    assert gate_reason(such, set()) == gate.DANGLING


def test_a_relative_time_is_counted_from_the_year_before_or_refused():
    previous = "The Treaty of Varnholm was signed by Vestia in 1494."
    sentence = "The Lune Sea was divided a few decades later by the Treaty of Penn."
    assert with_time_counted(sentence, previous) == (
        "The Lune Sea was divided a few decades after 1494 by the Treaty of Penn."
    )
    assert with_time_counted(sentence, "Vestia and Lapland met in 1490 and 1494.") == sentence
    draft = _card("cloze", "The Lune Sea was divided a few decades later by the {{Treaty of Penn}}.")
    assert gate_reason(draft, set()) == gate.RELATIVE_TIME
    # near miss: counted from an event the card names
    anchored = _card(
        "qa", "Which governor resigned after the flood and, a few months later, left Varn?", "Ada Korr"
    )
    assert gate_reason(anchored, set()) != gate.RELATIVE_TIME


def test_one_aim_of_a_listed_series_is_not_asked():
    assert aim("The Varn Dam was designed to control floods, store water and make power.") is None
    assert (
        aim("The Varn Dam, which was designed to control floods, store water and make power, opened.") is None
    )
    assert aim("The Varn Dam was designed to control floods.") is not None


# ---- one event's date, one card; a placeholder in the answer's own order -------------------------


def _dated(prompt: str, answer: str, line: int) -> Draft:
    card = _card("cloze", prompt.replace("___", "{{" + answer + "}}"), answer)
    return dataclasses.replace(card, id=f"c{line}", order=("a.txt", line, 0), prompt=prompt)


def test_one_event_s_date_is_asked_once_per_deck():
    day = _dated(
        "The Treaty of Varnholm was a peace treaty which ended the Salt War between Vestia and Lapland on ___.",
        "29 August 1642",
        5,
    )
    year = _dated(
        "The Treaty of Varnholm, signed between Vestia and the Kingdom of Lapland in ___, marked the end of the Salt War.",
        "1642",
        52,
    )
    other = _dated("The Lune Canal was opened to shipping in ___ after nine years of digging.", "1642", 60)
    kept, dropped = without_same_event([day, year, other], {"c5": "d", "c52": "d", "c60": "d"})
    assert kept == [day, other] and dropped == [year]
    # in two decks, each asks it
    kept, _ = without_same_event([day, year], {"c5": "d", "c52": "e"})
    assert kept == [day, year]


def test_a_date_placeholder_follows_the_answer_s_order():
    (european,) = [m for m in find_mentions("It opened on 29 August 1642.") if m.kind == "date"]
    (american,) = [m for m in find_mentions("It opened on August 29, 1642.") if m.kind == "date"]
    assert blank_hint(european) == "day month year"
    assert blank_hint(american) == "month day, year"


# ---- figures that change with time ---------------------------------------------------------


def test_a_present_level_without_a_year_is_refused():
    level = _card(
        "cloze", "The water elevation in Lake Varn is around {{1,040::number}} feet above sea level.", "1,040"
    )
    assert gate_reason(level, set()) == gate.STALE
    # near miss: a length does not change
    length = _card("cloze", "The Lune Canal is {{98::number}} kilometres long.", "98")
    assert gate_reason(length, set()) is None


def test_an_incidental_since_year_beside_the_figure_that_matters_is_not_blanked():
    since = _card(
        "cloze",
        "The Varn Dam's turbines have produced an average of 4.2 TWh per year since {{1940::year}}.",
        "1940",
    )
    assert gate_reason(since, set()) == TIME_ANCHOR


# ---- open lists ---------------------------------------------------------------------------------


def test_a_blank_in_an_open_list_is_refused():
    two = _card(
        "cloze",
        "Vestia is a partner country for the Lune Rapid Response Partnership and the {{Varn Initiative}}.",
    )
    assert gate_reason(two, set()) == gate.LIST_ITEM
    such = _card("cloze", "Vestia joined programmes such as the {{Varn Initiative}} in 2004.")
    assert gate_reason(such, set()) == gate.LIST_ITEM
    first = _card(
        "cloze", "Vestia builds its defence through the {{Varn Initiative}} and Lune Military Financing."
    )
    assert gate_reason(first, set()) == gate.LIST_ITEM
    # near miss: the other party of a pair is one answer
    pair = _card("cloze", "The Treaty of Penn was signed between Vestia and {{Lapland}} in 1642.")
    assert gate_reason(pair, set()) != gate.LIST_ITEM


# ---- options --------------------------------------------------------------------------------


def _name_options(sentences: list[str], prompt: str, answer: str) -> list[str]:
    pool = Pool()
    for sentence in sentences:
        pool.add(find_mentions(sentence), sentence, "wars.txt")
    mention = next(m for m in find_mentions(prompt) if m.text == answer)
    return distractors(mention, answer, prompt, pool, fine_kind(mention, prompt), (), "wars.txt")


def test_two_names_of_one_war_are_never_offered_together():
    wars = [
        "The Anglo-Varn War was fought in 1879.",
        "The Varn War ended in 1880.",
        "The Salt War began in 1878.",
        "The Brine War was fought in 1879 over salt.",
    ]
    options = _name_options(wars, wars[-1], "Brine War")
    assert "Salt War" in options
    assert not {"Anglo-Varn War", "Varn War"} <= set(options)


def test_a_name_that_qualifies_the_noun_after_it_is_not_multiple_choice(tmp_path: Path):
    text = (
        "Vestia–Lapland relations\n\n"
        "The Salt War began in 1850. The Lune War began in 1861. The Penn War began in 1840.\n\n"
        "Vestia stayed neutral under the pressure of the Cold War ideology, said its envoy to Penn.\n"
    )
    (tmp_path / "vestia.txt").write_text(text, encoding="utf-8")
    decks, _ = build([tmp_path / "vestia.txt"])
    cold = [d for _, ds in decks.values() for d in ds if d.answer_text == "Cold War"]
    assert all(d.type != "choice" for d in cold)


# ---- scrape-broken English and lost capitals -------------------------------------------------


def test_a_past_tense_in_or_is_undone_without_an_e():
    assert lemma("authored") == "author"
    assert lemma("sponsored") == "sponsor"
    assert lemma("restored") == "restore"  # near miss: "-ore" verbs keep their "e"


def test_an_article_before_a_name_the_documents_write_without_one_is_refused(tmp_path: Path):
    text = (
        "Salt War\n\n"
        "When Governor Ada Korr of Lune Province heard of it, she sent three warships to Varn.\n\n"
        "The Varn Salt Company threatened to take farmer Tobbe to Penn for trial in a Lune Province, "
        "but the settlers would not hear of it.\n"
    )
    (tmp_path / "salt.txt").write_text(text, encoding="utf-8")
    decks, report = build([tmp_path / "salt.txt"])
    assert not any("a Lune Province" in d.prompt for _, ds in decks.values() for d in ds)
    assert any(reason == BROKEN_ARTICLE for _, reason, _ in report.untaught)
    capitals = learnt(["Ada Korr of Lune Province came."])
    assert capitals.article_before_name("They sent a Lune Province ship.") is False  # a modifier


def test_a_word_the_documents_always_capitalise_keeps_its_capital():
    capitals = learnt(["Vestian settlers reached Natal in 1836.", "Natal was annexed by Vestia in 1843."])
    draft = _card("qa", "On what date was natal in southern Lune proclaimed a Vestian colony?", "4 May 1843")
    draft = dataclasses.replace(
        draft, context="Natal in southern Lune was proclaimed a Vestian colony on 4 May 1843."
    )
    fixed = capitals.restored(draft)
    assert (
        dict(fixed.body)["question"] == "On what date was Natal in southern Lune proclaimed a Vestian colony?"
    )
    # near miss: a word the documents also write in lower case stays as the card has it
    common = learnt(["The Colony grew.", "Vestia founded the colony in 1843."])
    kept = dataclasses.replace(
        _card("qa", "When was the colony founded?", "1843"), context="Colony founded in 1843."
    )
    assert common.restored(kept) == kept


def test_a_date_of_an_opening_is_asked_as_the_opening():
    text = "The Ostrava Canal saw quick success upon opening on October 26, 1825."
    (mention,) = [m for m in find_mentions(text) if m.kind == "date"]
    assert event_question(text, mention) == "On what date did the Ostrava Canal open?"
