"""Rules found by reading the cards of articles the generator had never seen (round six).

Each rule is shown on a made-up article: what it refuses or repairs, and, where it could cost
a good card, a near miss that must still pass. Sentences are written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caucasusquiz.generator import gate
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.clauses import clause_around
from caucasusquiz.generator.dedupe import CROWDED, SAME_DATE, Crowding
from caucasusquiz.generator.distractors import Pool, distractors
from caucasusquiz.generator.entities import find_mentions
from caucasusquiz.generator.facets import aim, fought_over, purpose, treaty_term
from caucasusquiz.generator.gate import gate_reason
from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.previews import is_gloss_line
from caucasusquiz.generator.referents import with_title
from caucasusquiz.generator.rewrite import plain_dates

SUBJECTS = {"vestia", "lapland"}


def _card(kind: str, prompt: str, answer: str = "", context: str | None = None) -> Draft:
    field = {"cloze": "text", "truefalse": "statement"}.get(kind, "question")
    plain = re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", prompt)
    if context is None:
        context = (
            plain.replace("___", answer)
            if kind in ("cloze", "truefalse") or "___" in plain
            else "A sentence."
        )
    body: list[tuple[str, object]] = [(field, prompt)]
    if kind != "cloze":
        body.append(("answer", answer))
    return Draft(
        "x-000000", kind, tuple(body), (), "a.txt:1", context, answer, prompt, ("a.txt", 1, 0), answer, prompt
    )


def _prompts(tmp_path: Path, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    decks, _ = build([tmp_path / name])
    return [d.prompt for _, drafts in decks.values() for d in drafts]


# ---- the document's subject taken for granted --------------------------------------------


def test_an_agreement_with_no_parties_is_named_from_a_relations_title():
    title = "Vestia–United States relations"
    assert (
        with_title("A bilateral investment treaty was signed in April 1993.", title)
        == "A bilateral investment treaty between Vestia and the United States was signed in April 1993."
    )
    assert (
        with_title("In 1995, a consular convention was signed.", title)
        == "In 1995, a consular convention between Vestia and the United States was signed."
    )
    ceasefire = "A ceasefire agreement was signed in July 1992."
    assert with_title(ceasefire, title) == ceasefire  # often with a third party
    # One party named: the sentence names its own parties, nothing is added.
    kept = "Vestia signed a trade agreement with Lapland in 1994."
    assert with_title(kept, title) == kept


def test_it_doing_what_only_the_titled_thing_does_is_that_thing():
    assert (
        with_title("It runs from Orla to Penn.", "Orla Pipeline")
        == "The Orla Pipeline runs from Orla to Penn."
    )
    assert (
        with_title("It was signed in Penn in 1931.", "Orla Accord")
        == "The Orla Accord was signed in Penn in 1931."
    )
    # A war article's "It was signed …" is not the war.
    assert with_title("It was signed in Penn in 1931.", "Lake War") == "It was signed in Penn in 1931."


def test_bare_relations_are_named_from_a_relations_title():
    title = "Vestia–Lapland relations"
    assert (
        with_title("Relations cooled after the elections of 2005.", title)
        == "Relations between Vestia and Lapland cooled after the elections of 2005."
    )
    assert (
        with_title("Trade relations improved in 2007, but Vestia kept its tariffs.", title)
        == "Trade relations between Vestia and Lapland improved in 2007, but Vestia kept its tariffs."
    )
    kept = "Relations between Vestia and Orla cooled in 2005."
    assert with_title(kept, title) == kept


def test_the_conflict_and_these_accords_are_named_from_the_title():
    assert (
        with_title("The conflict resulted in 900 deaths.", "Orla War")
        == "The Orla War resulted in 900 deaths."
    )
    other = "The conflict in Lapland grew in 1934."
    assert with_title(other, "Orla War") == other
    assert (
        with_title("These accords ended the siege of Penn.", "Orla Agreement")
        == "The Orla Agreement ended the siege of Penn."
    )


@pytest.mark.parametrize(
    "card",
    [
        _card("choice", "The conference took place from May 1 to ___.", "May 21, 1931"),
        _card("choice", "For fiscal year ___, the estimated total was $21.7 million.", "2005"),
        _card("qa", "Who led the Vestian government's team?", "Ivo Marek"),
        _card("cloze", "Most-favoured-nation status was granted in {{August 1995::month year}}."),
    ],
)
def test_a_card_leaning_on_an_unnamed_conference_total_team_or_recipient_is_refused(card: Draft):
    assert gate_reason(card, SUBJECTS) == gate.UNNAMED


def test_an_unnamed_task_force_is_refused_but_entering_into_force_is_no_force():
    assert (
        gate_reason(_card("cloze", "The task force was made up of {{127::number}} ships."), SUBJECTS)
        == gate.UNNAMED
    )
    named = _card("cloze", "The Vestia–Lapland trade agreement entered into force in {{1994::year}}.")
    assert gate_reason(named, SUBJECTS) is None


def test_a_named_conference_and_a_grant_to_someone_still_pass():
    named = _card("qa", "When did the Orla Peace Conference end?", "May 21, 1931")
    granted = _card("cloze", "Vestia was granted observer status in {{1995::year}}.")
    assert gate_reason(named, SUBJECTS) is None
    assert gate_reason(granted, SUBJECTS) is None


# ---- captions, talk about sources, scene-setting and given-away blanks --------------------


def test_a_photo_caption_with_its_date_is_no_source_for_a_card():
    caption = _card("choice", "Official greeters await the arrival of Ivo Marek in Penn, ___.", "March 2011")
    assert gate_reason(caption, SUBJECTS) == gate.QUESTION_SOURCE
    told = _card("cloze", "Ivo Marek arrived in Penn in {{March 2011::month year}}.")
    assert gate_reason(told, SUBJECTS) is None


def test_a_remark_about_what_other_articles_call_it_is_no_fact():
    card = _card(
        "truefalse", "Some articles erroneously refer to the Orla Accord as the Penn Treaty.", "false"
    )
    assert gate_reason(card, SUBJECTS) == gate.SOURCE_TALK


def test_a_place_that_only_sets_the_scene_is_not_blanked():
    import dataclasses

    scene = dataclasses.replace(
        _card("cloze", "In the {{Kingdom of Orla}}, Prime Minister Marek's popularity soared."),
        tags=("place",),
    )
    assert gate_reason(scene, SUBJECTS) == gate.SCENE
    dated = _card("cloze", "In {{1994::year}}, Prime Minister Marek's popularity soared.")
    assert gate_reason(dated, SUBJECTS) is None
    treaty = dataclasses.replace(
        _card("cloze", "In the {{Treaty of Penn}}, Lapland ceded Brinn to Vestia."),
        tags=("law-or-programme",),
    )
    assert gate_reason(treaty, SUBJECTS) is None  # the treaty is the fact, not the scene


def test_one_name_of_a_list_is_not_blanked():
    card = _card(
        "cloze",
        "The participants were President Ivo Marek, President {{Jan Tamm}}, and the mediator Eva Lind.",
    )
    assert gate_reason(card, SUBJECTS) == gate.LIST_ITEM
    first = _card(
        "cloze",
        "The Orla Accord was initialed before the minister {{Jan Tamm}}, the envoys Eva Lind and Ivo Marek.",
    )
    assert gate_reason(first, SUBJECTS) == gate.LIST_ITEM
    alone = _card("cloze", "The Orla talks were chaired by the mediator {{Eva Lind}} in Penn.")
    assert gate_reason(alone, SUBJECTS) is None


def test_a_blank_whose_stem_the_prompt_shows_is_refused():
    card = _card("cloze", "Orlanian troops crossed into {{Orlania}} in 1932.")
    assert gate_reason(card, SUBJECTS) == gate.GIVEN_AWAY


def test_an_undated_present_share_is_out_of_date_even_when_reported_in_the_past():
    card = _card(
        "cloze",
        "The Vestian Embassy reported that {{50 percent::percentage}} of the aid flowing into Orla comes from Vestia.",
    )
    assert gate_reason(card, SUBJECTS) == gate.STALE


# ---- why-questions, clauses and ordinal dates ---------------------------------------------


def test_a_purpose_is_asked_of_the_act_not_of_its_place():
    facet = purpose("The Orla Accord was signed in Penn to end the Lake War.")
    assert facet is not None and facet.question == "Why was the Orla Accord signed?"
    assert purpose("The Orla Canal was opened to shipping on 12 May 1931.") is None


def test_asides_and_tails_that_do_not_hold_the_answer_are_cut_from_the_clause():
    sentence = (
        "On April 2, 1932, Orlanian forces, under the junta led by General Ivo Marek, invaded and "
        "occupied the Penn Islands, aiming to assert their claim."
    )
    date = find_mentions(sentence)[0]
    clause = clause_around(sentence, date.start, date.end)
    assert (
        clause is not None
        and clause.text == "On April 2, 1932, Orlanian forces invaded and occupied the Penn Islands."
    )
    listed = (
        "In 2010, Vestia received a $262 million, five-year development compact for investment projects "
        "in irrigation infrastructure, high-value farming, and rural road repair."
    )
    year = find_mentions(listed)[0]
    trimmed = clause_around(listed, year.start, year.end)
    assert (
        trimmed is not None
        and trimmed.text == "In 2010, Vestia received a $262 million, five-year development compact."
    )


def test_a_meeting_of_listed_leaders_is_asked_without_why_they_met():
    from caucasusquiz.generator.questions import question_for

    sentence = (
        "On May 1, 1931, the presidents of Vestia, Lapland, and Orla met at Penn Castle in Tarn, Orla "
        "to begin negotiations about the ongoing Lake War."
    )
    date = find_mentions(sentence)[0]
    clause = clause_around(sentence, date.start, date.end)
    assert clause is not None and clause.text.endswith("in Tarn, Orla.")
    assert (
        question_for(clause.text, 0, find_mentions(clause.text)[0])
        == "On what date did the presidents of Vestia, Lapland, and Orla meet at Penn Castle in Tarn, Orla?"
    )


def test_two_acts_of_one_subject_are_asked_one_at_a_time(tmp_path: Path):
    sentence = "Vestia recognized the independence of Lapland on 3 May 1931, and opened an embassy in Penn in June 1932."
    month = next(m for m in find_mentions(sentence) if m.text == "June 1932")
    clause = clause_around(sentence, month.start, month.end)
    assert clause is not None and clause.text == "Vestia opened an embassy in Penn in June 1932."
    # A world-famous day in the first act leaves the second act to be asked.
    prompts = _prompts(
        tmp_path,
        "vestia.txt",
        "Vestia–Lapland relations\n\n"
        "Orla recognized the independence of Vestia on December 25, 1991, and opened an embassy in Penn in March 1992.\n",
    )
    assert any("March 1992" in p or "embassy" in p for p in prompts)
    assert not any("December 25" in p for p in prompts)


def test_ordinal_dates_are_read_as_dates():
    assert plain_dates("On 2nd May 1932, the fleet sailed.") == "On 2 May 1932, the fleet sailed."
    assert plain_dates("signed on the 14th of December in 1995 at") == "signed on 14 December 1995 at"


# ---- date options the prompt or the document rule out --------------------------------------


def _date_options(prompt: str, answer: str, days: list[str]) -> list[str]:
    pool = Pool()
    for day in days:
        pool.add(find_mentions(day), day, "war.txt")
    mention = next(m for m in find_mentions(prompt) if m.text == answer)
    return distractors(mention, answer, prompt, pool, "date", (), "war.txt")


def test_date_options_stay_on_the_prompts_side_of_its_other_date():
    options = _date_options("The talks ran from May 1 to May 21, 1931.", "May 21, 1931", [])
    assert options and all(not o.startswith(("January", "February", "March", "April")) for o in options)


def test_date_options_stay_inside_the_event_the_document_dates():
    days = ["on 2 April 1932 the war began", "on 14 May 1932 the fleet sailed", "on 14 June 1932 it ended"]
    options = _date_options("On 2 May 1932, the cruiser was sunk.", "2 May 1932", days)
    assert options
    for option in options:
        month = option.split()[1]
        assert month in ("April", "May", "June"), option


def test_the_day_an_event_began_may_have_earlier_options():
    days = ["on 3 March 1951 the war began", "on 9 April 1951 Brinn fell", "on 20 June 1951 it ended"]
    options = _date_options("The Kell War began on 3 March 1951.", "3 March 1951", days)
    assert any(o.split()[1] in ("January", "February") for o in options), options


def test_a_war_began_on_a_date_is_asked_without_the_clause_after_it():
    from caucasusquiz.generator.questions import question_for

    text = "The Kell War began on 3 March 1951 when Osterian forces crossed the border."
    date = next(m for m in find_mentions(text) if m.kind == "date")
    assert question_for(text, 0, date) == "On what date did the Kell War begin?"


def test_a_present_count_in_a_sentence_naming_the_united_states_is_still_undated():
    card = _card("cloze", "In the United States, the Orlan diaspora numbers about {{60,000::number}} people.")
    assert gate_reason(card, SUBJECTS) == gate.STALE


def test_what_a_named_thing_is_intended_to_do_is_asked():
    facet = aim("The Orla Gas Pipeline is intended to carry gas from Vestia to Lapland, mainly to Penn.")
    assert facet is not None
    assert (facet.question, facet.answer) == (
        "What is the Orla Gas Pipeline intended to do?",
        "to carry gas from Vestia to Lapland",
    )
    assert aim("The plan is intended to carry gas from Vestia to Lapland.") is None


def test_one_place_of_a_list_a_war_was_fought_over_is_not_its_cause():
    assert fought_over("The Kell War was fought over control of the Kell field.") is not None
    assert fought_over("The Kell War was fought over the Kell field, Brinn, and the Vask coast.") is None


# ---- one event, one card; a paragraph of look-alike cards ---------------------------------


def test_one_date_is_asked_once_per_document_and_a_paragraph_gives_at_most_two_of_a_kind(tmp_path: Path):
    text = (
        "Vestia–Lapland relations\n\n"
        "The Orla Accord was formally signed on 14 December 1931 in Penn.\n\n"
        "The Orla Accord, signed on December 14, 1931, ended the Lake War.\n\n"
        "A trade agreement was signed in June 1932. A fisheries agreement was signed in March 1933. "
        "A shipping agreement was signed in August 1934. A customs agreement was signed in May 1935.\n"
    )
    (tmp_path / "vestia.txt").write_text(text, encoding="utf-8")
    decks, report = build([tmp_path / "vestia.txt"])
    drafts = [d for _, ds in decks.values() for d in ds]
    assert sum("1931" in d.answer_text for d in drafts) == 1
    paragraph = [d for d in drafts if d.source == "vestia.txt:7"]
    assert len(paragraph) <= 2
    assert all("between Vestia and Lapland" in d.prompt for d in paragraph)
    assert report.rejected[CROWDED] >= 1


def test_only_look_alike_dates_and_figures_are_capped_per_paragraph():
    def card(tag: str, number: int) -> Draft:
        return Draft(
            f"x-{number}",
            "qa",
            (("question", "Q?"), ("answer", f"a{number}")),
            (tag,),
            "a.txt:5",
            "A sentence.",
            f"a{number}",
            "A sentence.",
            ("a.txt", 5, number),
            f"a{number}",
            "Q?",
        )

    crowding = Crowding()
    for number in range(3):
        why = crowding.reason(card("cause-or-definition", number))
        assert why is None  # what a law granted, why it was opposed, what it aimed at: three questions
        crowding.add(card("cause-or-definition", number))
    crowding = Crowding()
    for number in range(2):
        crowding.add(card("date", number))
    assert crowding.reason(card("date", 2)) == CROWDED


def test_a_full_date_another_card_of_the_document_asks_is_refused():
    def dated(answer: str, line: int, document: str = "a.txt") -> Draft:
        return Draft(
            f"x-{line}",
            "qa",
            (("question", "When?"), ("answer", answer)),
            ("date",),
            f"{document}:{line}",
            "A sentence.",
            answer,
            "A sentence.",
            (document, line, 0),
            answer,
            "When?",
        )

    crowding = Crowding()
    crowding.add(dated("December 14, 1931", 3))
    assert crowding.reason(dated("14 December 1931", 9)) == SAME_DATE
    assert crowding.reason(dated("14 December 1931", 9, "b.txt")) is None
    assert crowding.reason(dated("15 December 1931", 9)) is None


# ---- a linked word's definition, and a day the event's year dates --------------------------


def test_a_linked_words_definition_on_a_line_of_its_own_is_dropped(tmp_path: Path):
    assert is_gloss_line(
        "The Orla Ocean is the second-largest of the world's oceans. It covers a fifth of its area..."
    )
    assert not is_gloss_line("The Orla Ocean is the second-largest of the world's oceans.")
    prompts = _prompts(
        tmp_path,
        "war.txt",
        "Lake War\n\n over the disputed Penn Islands\n"
        "The Orla Ocean is the second-largest of the world's oceans. It covers a fifth of its area...\n\n"
        "The Lake War began on 2 April 1932 when Orlanian troops landed on the Penn Islands.\n",
    )
    assert prompts and not any("second" in p for p in prompts)


def test_a_yearless_day_inside_the_documents_event_gets_its_year(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "war.txt",
        "Lake War\n\n"
        "The Lake War began on 2 April 1932 with the Orlanian landing on the Penn Islands.\n\n"
        "The cruiser Vesta was sunk by a submarine on 2 May 1932.\n\n"
        "The Orlanian garrison surrendered at Port Penn on 14 June 1932.\n\n"
        "On May 21, Vestian marines landed at Penn Sound.\n",
    )
    assert any("Penn Sound" in p for p in prompts)


def test_a_wars_death_toll_is_asked(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "war.txt",
        "Lake War\n\nThe Lake War resulted in the deaths of 649 Orlanian soldiers and 255 Vestian sailors.\n",
    )
    assert any("{{649" in p and "deaths" in p for p in prompts)


# ---- what a war was about ------------------------------------------------------------------


def test_what_a_war_was_fought_over_is_asked(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "war.txt",
        "Lake War\n\n"
        "The Lake War was fought from 1932 to 1935. "
        "It was between Vestia and Lapland over control of the Penn Islands (known as the Isles), "
        "which were thought to be rich in oil.\n",
    )
    assert "Over what was the Lake War fought between Vestia and Lapland?" in prompts


def test_the_conflict_after_the_war_it_names_needs_no_context():
    from caucasusquiz.generator.rewrite import leans_on_context

    assert not leans_on_context(
        "The Lake War was the bloodiest war of its time — 3% of Vestians died in the conflict."
    )
    assert leans_on_context("About 3% of Vestians died in the conflict.")


def test_a_consulates_opening_is_no_card(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "vestia.txt",
        "Vestia–Lapland relations\n\nVestia opened a Consulate General in Penn in 2009.\n\n"
        "Vestia opened an embassy in Tarn in 1993.\n",
    )
    assert prompts and not any("Consulate" in p for p in prompts)


def test_an_agreement_keeps_the_that_before_its_own_verb():
    from caucasusquiz.generator.english import card_english

    assert (
        card_english(
            "Trade is regulated by a bilateral trade agreement entered into force on 14 January 1994."
        )
        == "Trade is regulated by a bilateral trade agreement that entered into force on 14 January 1994."
    )


def test_a_slight_change_is_no_fact():
    card = _card("cloze", "Relations between Vestia and Lapland improved slightly in {{2007::year}}.")
    assert gate_reason(card, SUBJECTS) == gate.HEDGED


def test_a_yearless_day_is_not_dated_in_a_document_of_many_years(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "vestia.txt",
        "Vestia–Lapland relations\n\n"
        "The border was opened on 2 April 1932. The Penn treaty was signed on 3 May 1932. "
        "The Tarn bridge was opened on 14 June 1932.\n\n"
        "The Orla dam was opened on 1 March 1961. The Lake railway was opened on 5 May 1975. "
        "The Vask port was opened on 9 July 1988. The Kell road was opened on 4 October 2001.\n\n"
        "On May 21, Vestian marines landed at Penn Sound.\n",
    )
    assert not any("Penn Sound" in p for p in prompts)


def test_construction_and_negotiations_are_named_from_the_title():
    assert (
        with_title("Construction began on 12 April 2006 near Osk.", "Tarn–Osk pipeline")
        == "Construction of the Tarn–Osk pipeline began on 12 April 2006 near Osk."
    )
    assert (
        with_title("Negotiations began in Penn on 1 July 1878.", "Treaty of Penn")
        == "Negotiations on the Treaty of Penn began in Penn on 1 July 1878."
    )


def test_a_present_second_fact_after_the_date_is_cut_but_a_list_of_people_is_not():
    sentence = (
        "The Tarn pipeline was completed in November 2009 and carries up to 30 billion cubic metres of gas."
    )
    month = next(m for m in find_mentions(sentence) if m.kind == "date")
    clause = clause_around(sentence, month.start, month.end)
    assert clause is not None and clause.text == "The Tarn pipeline was completed in November 2009."
    deaths = "The Lake War, which killed 9,000 soldiers and civilians in the region, ended in Penn."
    number = next(m for m in find_mentions(deaths) if m.kind == "number")
    kept = clause_around(deaths, number.start, number.end)
    assert kept is None or "civilians" in kept.text


def test_a_common_word_opening_the_sentence_is_lower_cased_in_a_question():
    from caucasusquiz.generator.questions import common_opening

    assert common_opening("Negotiations") == "negotiations"
    assert common_opening("Environmental groups") == "environmental groups"
    assert common_opening("Vestian troops") == "Vestian troops"
    assert common_opening("Central Asian states") == "Central Asian states"


def test_a_statement_without_its_main_clause_is_broken():
    card = _card("cloze", "The Lake War, which resulted in more than {{9,000::number}} deaths of soldiers.")
    assert gate_reason(card, SUBJECTS) == gate.NO_MAIN_CLAUSE
    whole = _card("cloze", "The Lake War, which began in 1931, resulted in {{9,000::number}} deaths.")
    assert gate_reason(whole, SUBJECTS) is None


def test_what_a_treaty_made_a_party_give_is_asked():
    facet = treaty_term(
        "Under the Treaty of Penn, Lapland ceded the province of Brinn to Vestia and paid 20 million crowns."
    )
    assert facet is not None
    assert (facet.question, facet.answer) == (
        "Under the Treaty of Penn, what did Lapland cede to Vestia?",
        "the province of Brinn",
    )
    assert treaty_term("Under the Treaty of Penn, Lapland ceded Brinn and Tarn to Vestia.") is None


def test_a_pipeline_articles_cost_capacity_and_project_are_asked(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "lind.txt",
        "Lind–Tarn pipeline\n\n"
        "The Lind–Tarn pipeline was inaugurated on 13 July 2006 by the presidents of Vestia and Orla.\n\n"
        "It has a capacity of 600,000 barrels per day.\n\n"
        "The project cost $3.2 billion and was financed by a group of 15 banks.\n",
    )
    assert "How much did the Lind–Tarn pipeline cost?" in prompts
    assert any("capacity" in p and "Lind–Tarn pipeline" in p for p in prompts)
    assert not any(p.startswith("Who financed") for p in prompts)


def test_a_war_between_a_state_and_a_kingdom_of_somewhere_is_asked_what_it_was_over():
    facet = fought_over(
        "The Brinn War (1912–1914) was fought between Vestia and the Kingdom of Osk over the Brinn valley."
    )
    assert (
        facet is not None
        and facet.question == "Over what was the Brinn War fought between Vestia and the Kingdom of Osk?"
    )


def test_the_treaty_of_a_paragraph_before_names_under_the_treaty(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "war.txt",
        "Brinn War\n\n"
        "The war ended with the signing of the Treaty of Lind on 2 March 1914.\n\n"
        "Under the treaty, Osk recognized Vestian control of the Brinn valley.\n",
    )
    assert "Under the Treaty of Lind, what did Osk recognize?" in prompts


def test_a_wars_result_is_asked_from_its_infobox(tmp_path: Path):
    prompts = _prompts(
        tmp_path,
        "war.txt",
        "Lake War\n\nInfobox\n- Conflict: Lake War\n- Date: 9 May 1931 – 2 June 1933\n- Result: Vestian victory\n"
        "- Commander1: Ivo Marek, Jan Tamm\n\nThe Lake War was fought between Vestia and Lapland from 1931 to 1933.\n",
    )
    assert "What was the result of the Lake War?" in prompts


def test_an_infobox_of_no_conflict_or_a_result_in_figures_gives_no_card():
    from caucasusquiz.generator.documents import Document
    from caucasusquiz.generator.infobox import result_card

    embassy = ("Infobox", "- Mission1: Embassy of Vestia, Penn", "- Envoy1: Jan Tamm")
    assert result_card(Document("a.txt", Path("a.txt"), embassy)) is None
    counted = ("Infobox", "- Conflict: Lake War", "- Result: 3,000 killed")
    assert result_card(Document("b.txt", Path("b.txt"), counted)) is None


def test_an_answer_inside_a_which_aside_is_asked_of_the_aside_as_a_clause():
    sentence = "The Lake War, which killed more than 9,000 soldiers, ended at the Penn conference."
    number = next(m for m in find_mentions(sentence) if m.kind == "number")
    clause = clause_around(sentence, number.start, number.end)
    assert clause is not None and clause.text == "The Lake War killed more than 9,000 soldiers."
