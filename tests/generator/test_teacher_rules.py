"""The rules a teacher would apply to a draft card: a real question, one anchored fact worth
asking, no give-aways across the deck. Each test runs the generator on a small article."""

from __future__ import annotations

import re
from pathlib import Path

from caucasusquiz.generator.pipeline import build


def _cards(tmp_path: Path, *articles: str) -> list[dict[str, object]]:
    for number, text in enumerate(articles):
        (tmp_path / f"article{number}.txt").write_text(
            f"Ruritania and Borduria\n\n{text}\n", encoding="utf-8"
        )
    decks, _ = build([tmp_path])
    cards = []
    for _, drafts in decks.values():
        for draft in drafts:
            cards.append(
                {"type": draft.type, "prompt": draft.prompt, "answer": draft.answer_text, **dict(draft.body)}
            )
    return cards


def test_a_law_is_asked_for_what_it_did(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "In 1994, the Ruritanian parliament adopted Section 12 of the Open Borders Act, "
        "which banned any direct aid to the government of Borduria.",
    )
    assert any(
        c["prompt"] == "What did Section 12 of the Open Borders Act ban?"
        and c["answer"] == "any direct aid to the government of Borduria"
        for c in cards
    )


def test_a_price_is_asked_as_in_exchange_for_what(tmp_path: Path):
    cards = _cards(
        tmp_path, "Borduria released eleven detained farmers in exchange for maps of the old minefields."
    )
    assert [c["prompt"] for c in cards] == [
        "In exchange for what did Borduria release eleven detained farmers?"
    ]


def test_no_card_asks_what_another_cards_prompt_already_says(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "On March 3, 1996, Ruritania opened its embassy in Szohod.",
        "The embassy in Szohod was opened by Ambassador Karl Vorst in 1996, a year after the ceasefire.",
    )
    answers = [str(c["answer"]).casefold() for c in cards]
    for card in cards:
        prompt = str(card["prompt"]).casefold()
        assert not any(a and a in prompt for a in answers if a != str(card["answer"]).casefold())


def test_open_ended_totals_headlines_and_yearless_days_make_no_card(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "Ruritania has provided Borduria approximately $1.7 billion in assistance since 1991. "
        "The Ruritanian government announces $1 billion in aid but no military assistance. "
        "The assembly passed the resolution on 29 October by a vote of 405 to 11.",
    )
    assert cards == []


def test_incidental_counts_are_not_asked(tmp_path: Path):
    cards = _cards(
        tmp_path, "The Treaty of Szohod, signed by Ruritania and Borduria, consists of 20 articles."
    )
    assert not any(c["answer"] == "20" for c in cards)


def test_a_false_statement_moves_the_year_never_the_month(tmp_path: Path):
    from caucasusquiz.generator.cards import _false_value
    from caucasusquiz.generator.entities import find_mentions

    mention = next(m for m in find_mentions("The waiver was granted in January 2002.") if m.kind == "date")
    assert _false_value(mention, ["February 2002"], latest=2020) == "January 2005"


def test_an_act_is_asked_as_what_did_with_its_year():
    from caucasusquiz.generator.relations import what_did

    assert what_did(
        "In 1998, the Ruritanian senate approved the new mining code for the northern provinces."
    ) == (
        "In 1998, what did the Ruritanian senate approve?",
        "the new mining code",
    )
    assert what_did("The Ruritanian senate was approved by the new mining code in 1998.") is None  # passive


def test_an_act_without_its_year_is_not_asked(tmp_path: Path):
    assert (
        _cards(tmp_path, "The Ruritanian senate approved the new mining code for the northern provinces.")
        == []
    )


def test_what_a_named_treaty_or_act_did_is_asked_without_a_year():
    from caucasusquiz.generator.relations import what_did

    # A treaty acts once and for good: one answer, no year needed (unlike a person's act).
    assert what_did("The Treaty of Vells recognized the autonomous status of the Lorn valley.") == (
        "What did the Treaty of Vells recognize?",
        "the autonomous status of the Lorn valley",
    )
    # "also": the treaty recognized other things too, so the question has other right answers.
    assert what_did("The Treaty of Vells also recognized the autonomous status of the Lorn valley.") is None
    assert what_did("The Treaty of Vells, signed in the fall of 1921, established the northern border.") == (
        "What did the Treaty of Vells establish?",
        "the northern border",
    )
    assert what_did("The Treaty of Vells was a treaty that created a customs union.") == (
        "What did the Treaty of Vells create?",
        "a customs union",
    )
    assert (
        what_did("The Ruritanian senate also approved the new mining code.") is None
    )  # no year, no document


def test_a_bare_office_in_the_source_gets_its_article_on_the_card():
    from caucasusquiz.generator.rewrite import standalone

    assert standalone("Congress passed the act of 2002, granting President the right to waive the ban.") == (
        "Congress passed the act of 2002, granting the President the right to waive the ban."
    )
    kept = "He met the President of France and former President Bush, and US President Trump agreed."
    assert standalone(kept) == kept


def test_a_reason_is_asked_as_why():
    from caucasusquiz.generator.relations import cause

    assert cause("The Vells parliament cancelled the vote because the opposition boycotted the session.") == (
        "Why did the Vells parliament cancel the vote?",
        "because the opposition boycotted the session",
    )
    assert cause("The pipeline was delayed due to strong local opposition.") == (
        "Why was the pipeline delayed?",
        "strong local opposition",
    )
    # Not one simple clause: no safe question.
    assert cause("The vote was delayed, along with two others, due to strong opposition.") is None


def test_a_participle_dating_a_name_is_asked_as_when():
    from caucasusquiz.generator.relations import founded_when

    assert founded_when("The Vells-Lorn Task Force, established in 2000, is a bilateral commission.") == (
        "In which year was the Vells-Lorn Task Force established?",
        "2000",
    )
    assert founded_when("Launched in January 2005, the Lorn Stability Program advanced its goals.") == (
        "In which month and year was the Lorn Stability Program launched?",
        "January 2005",
    )
    assert founded_when("The Vells Charter, signed on 3 May 1999, created a council.") == (
        "On what date was the Vells Charter signed?",
        "3 May 1999",
    )
    assert founded_when("Founded in 1903, it is the oldest forum.") is None  # a pronoun, not a name
    assert founded_when("The Fish Agreement, signed in Oslo in 2016, covers salmon.") is None  # place first


def test_a_founding_date_gives_one_card(tmp_path: Path):
    cards = _cards(tmp_path, "Launched in January 2005, the Lorn Stability Program has advanced its goals.")
    assert len(cards) == 1


def test_a_passive_with_its_agent_is_not_asked_in_response_to_what():
    from caucasusquiz.generator.relations import cause

    # The response is the passage's, not the lobby's: the question would muddle the two.
    assert (
        cause("Passage of the ban was influenced by the Lorn lobby, in response to the blockade of Vells.")
        is None
    )
    assert cause("The waiver was granted in response to the attacks.") == (
        "In response to what was the waiver granted?",
        "the attacks",
    )


def test_was_involved_since_a_year_is_asked_in_the_present_perfect(tmp_path: Path):
    cards = _cards(
        tmp_path, "Ruritania was actively involved in the mediation of the Ossel dispute since 1994."
    )
    assert [c.get("text") for c in cards] == [
        "Ruritania has been actively involved in the mediation of the Ossel dispute since {{1994::year}}."
    ]


def test_a_decade_is_no_year_to_move_in_a_false_statement(tmp_path: Path):
    cards = _cards(tmp_path, "Szohod sent peacekeepers to Lapland during the 1980s.")
    assert not any("1980s" not in str(c["prompt"]) and "s." in str(c["prompt"]) for c in cards)
    assert not any(c["answer"] == "1980" for c in cards)


def test_both_countries_of_a_relations_article_are_named_from_its_title(tmp_path: Path):
    (tmp_path / "article.txt").write_text(
        "Vestia–Lapland relations\n\nBoth countries established diplomatic relations on 4 June 1955.\n",
        encoding="utf-8",
    )
    decks, _ = build([tmp_path])
    prompts = [d.prompt for _, drafts in decks.values() for d in drafts]
    assert prompts == ["On what date did Vestia and Lapland establish diplomatic relations?"]


def test_it_is_named_from_the_named_subject_of_the_sentence_before(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "The Ossel Canal is owned by a consortium of shipping firms. "
        "It was the second longest canal in Vestia when it opened in 1822.",
    )
    rank = [c for c in cards if c["type"] == "choice"]
    # (a rank is dated: an undated one is no card, round thirteen)
    assert [(c["question"], c["answer"], c["distractors"]) for c in rank] == [
        (
            "The Ossel Canal was the ___ longest canal in Vestia when it opened in 1822.",
            "second",
            ["third", "fourth", "fifth"],
        )
    ]


def test_a_year_before_two_subjects_of_one_verb_is_asked_of_both(tmp_path: Path):
    cards = _cards(tmp_path, "In 1974, Vestia and Lapland signed the Fisheries Agreement.")
    assert [c["prompt"] for c in cards] == [
        "In which year did Vestia and Lapland sign the Fisheries Agreement?"
    ]


def test_a_trailing_clause_with_current_goes_and_the_dated_fact_stays(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "In 2013, Vestia and Lapland held their first-ever joint naval exercise, during which "
        "Laplandic sailors trained for their current patrol duties.",
    )
    assert [c["prompt"] for c in cards] == [
        "In which year did Vestia and Lapland hold their first-ever joint naval exercise?"
    ]


def test_one_of_the_biggest_of_the_decade_is_relative_time(tmp_path: Path):
    assert (
        _cards(
            tmp_path,
            "The building of the Ossel Canal was one of the biggest engineering projects of the decade.",
        )
        == []
    )


def test_a_first_clause_that_stands_alone_is_asked_when_only_the_second_leans(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "On 27 March 2006, Lapland signed a Harbour Compact with Vestia; the agreement entered into "
        "force on 29 September 2006.",
    )
    assert [c["prompt"] for c in cards] == ["On what date did Lapland sign a Harbour Compact with Vestia?"]


def test_a_first_clause_holding_a_referent_still_needs_the_sentence_before(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "President Karl Vorst waived the section in January 2002; and his successor extended the waiver.",
    )
    assert cards == []


def test_the_treaty_is_named_with_its_article_from_the_last_sentence_that_named_it(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "The Treaty of Lindau, signed on 2 July 1886, ended the Ossel War.\n\n"
        "Historians have described the war as the last cabinet war in Europe. Successive Marrish "
        "governments opposed the treaty, viewing it as a humiliation imposed by force.",
    )
    assert "Why did successive Marrish governments oppose the Treaty of Lindau?" in [
        c["prompt"] for c in cards
    ]


def test_places_inside_a_long_opening_phrase_are_dropped_from_a_question(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "Immediately after the terrorist attacks in Szohod and Vltava on September 11, 2001, Lapland's "
        "national leader Karl Vorst offered unconditional support to Ruritania in the fight against terrorism.",
    )
    assert [c["prompt"] for c in cards] == [
        "Immediately after the terrorist attacks on September 11, 2001, which leader of Lapland "
        "offered unconditional support to Ruritania in the fight against terrorism?"
    ]


def test_the_clause_after_as_is_taught_when_only_the_clause_before_leans(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "Laplanders consider this legislation to be unfair as, during the same period of time, "
        "Vestian forces took control of a fifth of Laplandic territory.",
    )
    assert len(cards) == 1
    assert "Vestian forces took control of" in str(cards[0]["prompt"])
    assert "legislation" not in str(cards[0]["prompt"])
    # the share is asked (a fifth), or stated with another share in its place
    assert re.search(
        r"\b(?:a fifth|one-third|one-quarter|one-half|_+|\{\{a fifth)", str(cards[0]["prompt"])
    ) or ("share" in str(cards[0]["prompt"]))


def test_who_proposed_rules_named_after_him_is_not_asked(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "In 1992, Secretary of State Karl Vorst proposed a set of rules named after him for the river talks.",
    )
    assert not any(c["answer"] == "Karl Vorst" for c in cards)


def test_already_is_dropped_like_also(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "In 2011, the Vestian ministry already offered Lapland $10 million to modernise its coast guard.",
    )
    assert cards and all(" already " not in str(c["prompt"]) for c in cards)
