"""Round eight: a card must stand alone, on any article (issue 8).

Blind reviewers of unseen articles found prompts that point outside the card ("It was renamed
…", "its international status", "the canal"), news figures with no subject or period, copied
sentences where a teacher asks a short question, blanks on the phrase that dates a fact or on
half a name, and fragments. Each rule is shown on made-up articles (and on single cards), with
a near miss that must still make its card.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caucasusquiz.generator import standalone
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.concise import concise_question
from caucasusquiz.generator.dedupe import SAME_MONTH, Crowding
from caucasusquiz.generator.gate import UNNAMED, gate_reason
from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.referents import resolved, with_title

SUBJECTS = {"vestia", "lapland", "orla canal"}


def _card(kind: str, prompt: str, answer: str = "", answer_text: str = "") -> Draft:
    field = {"cloze": "text", "truefalse": "statement"}.get(kind, "question")
    plain = re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", prompt)
    if kind == "cloze" and not answer:
        blank = re.search(r"\{\{(.+?)(?:::[^}]*)?\}\}", prompt)
        answer = blank.group(1) if blank else ""
    context = (
        plain.replace("___", answer) if kind in ("cloze", "truefalse") or "___" in plain else "A sentence."
    )
    body: list[tuple[str, object]] = [(field, prompt)]
    if kind != "cloze":
        body.append(("answer", answer))
    tags = ("year",) if re.fullmatch(r"\d{4}", answer) else ()
    span = answer_text or answer
    return Draft(
        "x-1", kind, tuple(body), tags, "a.txt:1", context, span, prompt, ("a.txt", 1, 0), span, prompt
    )


def _prompts(tmp_path: Path, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    decks, _ = build([tmp_path / name])
    return [d.prompt for _, drafts in decks.values() for d in drafts]


def _says_it(prompt: str) -> bool:
    return re.search(r"\b(?:it|its)\b", prompt, re.IGNORECASE) is not None


# ---- a subject the card names -------------------------------------------------------------


def test_it_after_a_time_phrase_is_named_from_the_sentence_before(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "lapland.txt",
        "Lapland\n\nLapland was reunified under royal rule in 1866. In 1868, it invaded Orla following "
        "border clashes.\n",
    )
    assert any("Lapland invade Orla" in p or "Lapland invaded Orla" in p for p in prompts), prompts
    assert not any(_says_it(p) for p in prompts), prompts


def test_it_and_its_are_named_from_the_subject_of_the_sentence_before():
    before = "Orla Canal (Vestian: Orlakanal), a waterway connecting the Penn Sea and the Tor Sea."
    assert (
        resolved("Before 1921 it was known as the King Marek Canal.", before)
        == "Before 1921 the Orla Canal was known as the King Marek Canal."
    )
    assert (
        resolved("Its surface width is about 100 metres.", "The Orla Canal links Penn and Tor.")
        == "The Orla Canal's surface width is about 100 metres."
    )
    # "It is estimated that …" points at nothing; a person is never "it".
    assert resolved("It is estimated that 50 ships pass daily.", "The Orla Canal links Penn and Tor.") is None
    assert resolved("In 1990, it closed.", "Ivo Brandt was born in Penn.") is None


def test_a_pronoun_with_nothing_it_points_to_gives_no_card(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "orla-canal.txt",
        "Orla Canal\n\nThe Orla Canal links the Penn Sea and the Tor Sea.\n\n"
        "Ivo Brandt repudiated its international status in 1936.\n",
    )
    assert not any("international status" in p for p in prompts), prompts


def test_a_possessive_with_its_thing_named_in_the_prompt_stands_alone():
    named = _card("qa", "In which year did the Orla Canal lose its international status?", "1936")
    assert gate_reason(named, SUBJECTS) is None
    # The document's own subject is a thing "its" may point to.
    subject = _card("qa", "In which year did Lapland proclaim its renewed independence?", "1990")
    assert gate_reason(subject, SUBJECTS) is None
    orphan = _card("qa", "In which year did Ivo Brandt repudiate its international status?", "1936")
    assert gate_reason(orphan, SUBJECTS) == standalone.ORPHAN_PRONOUN


def test_the_canal_is_named_from_the_article_title(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "orla-canal.txt",
        "Orla Canal\n\nThe canal was partially closed for a period in March 2013 after two lock gates failed "
        "near Dunmore.\n",
    )
    assert any(p.startswith("The Orla Canal was partially closed") for p in prompts), prompts


def test_a_bare_kind_as_the_subject_is_refused():
    bare = _card(
        "cloze", "The shipyard was partially closed in {{March 2013::month year}} after two gates failed."
    )
    assert gate_reason(bare, SUBJECTS) == standalone.BARE_SUBJECT
    ranked = _card("cloze", "The first oil reached Ceyhan on {{28 May 2006::date}}.")
    assert gate_reason(ranked, SUBJECTS) != standalone.BARE_SUBJECT


def test_an_invitation_that_does_not_say_to_what_is_unnamed():
    card = _card("qa", "On what date did King Ivo accept Marek's invitation?", "June 10, 1871")
    assert gate_reason(card, SUBJECTS) == UNNAMED
    kept = _card(
        "qa", "On what date did King Ivo accept Marek's invitation to the Penn conference?", "June 10, 1871"
    )
    assert gate_reason(kept, SUBJECTS) is None


# ---- a sentence, short ---------------------------------------------------------------------


def test_a_fragment_with_its_verbs_inside_relative_clauses_gives_no_card(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "treaty-of-penn.txt",
        "Treaty of Penn\n\nThe settlement that brought to an end the Vestian-Laplandic War that had begun in "
        "the spring of 1869.\n",
    )
    assert prompts == []


def test_a_relative_clause_inside_the_subject_leaves_the_main_verb():
    card = _card(
        "cloze", "The first oil that was pumped from Orla on {{10 May 2005::date}} reached Penn in June."
    )
    assert gate_reason(card, SUBJECTS) is None


def test_a_long_copied_question_is_cut_to_its_fact(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "treaty-of-penn.txt",
        "Treaty of Penn\n\nA peace treaty, known as the Treaty of Penn, was signed on August 3, 1871 after "
        "negotiations lasting from July 1 to July 30, at the Tor Naval Yard in Dunmore, in Lapland.\n",
    )
    assert prompts == ["On what date was the Treaty of Penn signed?"]


def test_a_question_over_25_words_is_refused_when_it_cannot_be_cut():
    words = (
        "In which year did the Vestian parliament adopt a new charter on the rights of all minorities living "
        "in the north and the south of Orla?"
    )
    card = _card("qa", words, "1990")
    assert len(words.split()) > standalone.MAX_WORDS
    assert gate_reason(card, SUBJECTS) == standalone.TOO_LONG


def test_long_questions_lose_asides_a_teacher_leaves_to_the_context():
    assert (
        concise_question(
            "On what date did King Ivo of Lapland accept the invitation to the Penn conference, with Queen Ada "
            "of Vestia following suit two days later?"
        )
        == "On what date did King Ivo of Lapland accept the invitation to the Penn conference?"
    )
    assert (
        concise_question(
            "On what date did President Ivo Brandt announce the normalization of relations between the United "
            "States of America and the Socialist Republic of Vestia?"
        )
        == "On what date did President Ivo Brandt announce the normalization of relations between the United "
        "States and Vestia?"
    )
    short = "On what date did the Lake War begin?"
    assert concise_question(short) == short


# ---- the blank on the fact -----------------------------------------------------------------


def test_a_bound_like_by_1960_is_not_blanked_the_figure_is(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "orla-canal.txt",
        "Orla Canal\n\nThe Orla Canal links the Penn Sea and the Tor Sea.\n\n"
        "By 1960 more than 200,000 Laplanders were working on the Orla Canal.\n",
    )
    assert any("By 1960" in p and "{{200,000" in p for p in prompts), prompts


@pytest.mark.parametrize(
    ("card", "reason"),
    [
        (
            _card("cloze", "By {{1960::year}} more than 200,000 Laplanders lived in Vestia."),
            standalone.TIME_ANCHOR,
        ),
        (
            _card("cloze", "In {{2013::year}}, traffic on the Orla Canal fell 8.1 percent."),
            standalone.TIME_ANCHOR,
        ),
        (_card("cloze", "During {{World War}} II the Orla Canal was badly damaged."), standalone.NAME_PART),
        (
            _card("cloze", "Around 1000 refugees reached Orla and around {{2000::year}} reached Penn."),
            standalone.COUNT_AS_YEAR,
        ),
    ],
)
def test_a_blank_on_the_time_phrase_a_name_part_or_a_count_as_year_is_refused(card: Draft, reason: str):
    assert gate_reason(card, SUBJECTS) == reason


def test_a_year_that_is_the_fact_is_still_blanked():
    assert gate_reason(_card("cloze", "In {{1868::year}}, Lapland invaded Orla."), SUBJECTS) is None
    assert (
        gate_reason(_card("cloze", "The Lake War was fought from {{1932::year}} to 1935."), SUBJECTS) is None
    )


# ---- news figures --------------------------------------------------------------------------


def test_a_news_figure_with_no_subject_or_year_gives_no_card(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "orla-canal.txt",
        "Orla Canal\n\nThe Orla Canal links the Penn Sea and the Tor Sea.\n\n"
        "Cargo handling declined 5.2 percent to 41.3 million metric tons.\n",
    )
    assert not any("Cargo handling" in p for p in prompts), prompts


@pytest.mark.parametrize(
    "card",
    [
        _card("cloze", "Traffic on the Orla Canal dropped {{8.1 percent::percentage}} in the first half."),
        _card("choice", "The Penn Fruit Company owned ___ of the farmland in Orla.", "10%"),
        _card(
            "truefalse", "Cargo handling declined 6.7 percent to 48.8 million tons.", "true", "6.7 percent"
        ),
    ],
)
def test_a_share_or_change_without_its_year_is_refused(card: Draft):
    assert gate_reason(card, SUBJECTS) == standalone.NEWS_FIGURE


def test_a_share_with_its_year_or_its_named_mission_stands():
    dated = _card("choice", "In 2011, ___ of Laplanders viewed the Orla Canal positively.", "73%")
    assert gate_reason(dated, SUBJECTS) is None
    mission = _card(
        "qa", "Roughly what share of all cargo for the NATO mission in Tor passed through Penn?", "40 percent"
    )
    assert gate_reason(mission, SUBJECTS) is None


# ---- short questions from longer sentences ------------------------------------------------


def test_a_named_things_event_date_is_asked_as_a_short_question(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "penn-accords.txt",
        "Penn Accords\n\nThe General Framework Agreement for Peace in Vestia and Lapland was signed on "
        "21 November 1925 at the Tor Air Base in Dunmore.\n",
    )
    assert prompts == [
        "On what date was the General Framework Agreement for Peace in Vestia and Lapland signed?"
    ]


def test_a_question_does_not_repeat_the_place_its_name_says():
    assert (
        concise_question("On what date was the Treaty of Penn signed in the city of Penn?")
        == "On what date was the Treaty of Penn signed?"
    )
    kept = "On what date was the Treaty of Penn signed in Dunmore?"
    assert concise_question(kept) == kept


def test_both_countries_inside_a_sentence_are_the_two_of_the_relations_title(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "vestia-lapland.txt",
        "Vestia–Lapland relations\n\nSubsequent to the normalization announcement, in August 1995, both countries "
        "upgraded their liaison offices to embassies.\n",
    )
    assert prompts == [
        "In which month and year did Vestia and Lapland upgrade their liaison offices to embassies?"
    ]


def test_a_bilateral_body_with_no_parties_is_named_from_the_relations_title():
    title = "Vestia–Lapland relations"
    assert (
        with_title("The annual Bilateral Human Rights Dialogue resumed in 2006 after a hiatus.", title)
        == "The annual Bilateral Human Rights Dialogue between Vestia and Lapland resumed in 2006 after a hiatus."
    )
    kept = "The Bilateral Trade Commission between Vestia and Orla met in 2006."
    assert with_title(kept, title) == kept


def test_that_as_a_determiner_opens_no_clause():
    card = _card("cloze", "In {{1995::year}} that agreement was signed in Penn by Vestia.")
    assert gate_reason(card, SUBJECTS) != standalone.NO_VERB


def test_their_after_a_plural_noun_has_its_antecedent():
    card = _card(
        "qa",
        "Which President of Vestia turned to diplomacy, unlike other states that continued their war with Orla?",
        "Ivo Brandt",
    )
    assert gate_reason(card, SUBJECTS) != standalone.ORPHAN_PRONOUN


def test_a_present_verb_before_its_object_is_a_finite_verb():
    card = _card(
        "cloze",
        "November 30 marks the outbreak of the Lake War in {{1939::year}}, when Vestia attacked Lapland.",
    )
    assert gate_reason(card, SUBJECTS) != standalone.NO_VERB


def test_up_to_a_year_is_a_bound_not_a_count():
    card = _card("cloze", "In the years leading up to {{1969::year}}, tensions grew in Orla.")
    assert gate_reason(card, SUBJECTS) == standalone.TIME_ANCHOR


# ---- cards of one document that give each other away ---------------------------------------


def test_a_month_another_cards_full_date_tells_is_asked_once():
    day = _card(
        "qa", "On what date did King Ivo accept the invitation to the Penn conference?", "June 10, 1905"
    )
    month = _card(
        "qa", "In which month and year did Marek offer to mediate between Vestia and Lapland?", "June 1905"
    )
    crowding = Crowding()
    crowding.add(day)
    assert crowding.reason(month) == SAME_MONTH
    crowding = Crowding()
    crowding.add(month)
    assert crowding.reason(day) == SAME_MONTH
    # Two days of one month are two events: both asked.
    other_day = _card("qa", "On what date did Queen Ada accept the invitation?", "June 12, 1905")
    crowding = Crowding()
    crowding.add(day)
    assert crowding.reason(other_day) is None


def test_a_capitalised_common_word_is_no_name_to_ask_about(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "orla-canal.txt",
        "Orla Canal\n\nConstruction began in April 1859, and at first digging was done by hand.\n",
    )
    assert not any("did Construction" in p for p in prompts), prompts


def test_a_year_after_by_is_a_bound_anywhere():
    card = _card(
        "cloze", "Years of fighting followed, but by {{1822::year}} Marek concluded that Orla was lost."
    )
    assert gate_reason(card, SUBJECTS) == standalone.TIME_ANCHOR


def test_construction_is_named_from_a_canal_title_or_refused():
    assert with_title("Construction began in April 1859.", "Orla Canal").startswith(
        "Construction of the Orla Canal began"
    )
    bare = _card("cloze", "Construction began in {{April 1859::month year}}, and digging was done by hand.")
    assert gate_reason(bare, SUBJECTS) == standalone.BARE_SUBJECT


def test_construction_of_a_named_thing_is_asked_as_a_short_question(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "orla-canal.txt",
        "Orla Canal\n\nConstruction began in April 1859, and at first digging was done by hand with picks and "
        "shovels wielded by forced laborers from the south.\n",
    )
    assert prompts == ["In which month and year did construction of the Orla Canal begin?"]
