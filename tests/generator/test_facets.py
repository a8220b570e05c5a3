"""'What' and 'why' cards from sentences with no date, number or name worth asking: an aim,
a right granted, a reason given, a purpose, a passive agent, a rank, a counted list, a first.
Every sentence here is written for the test; each shape is checked for the card it makes and
for the near misses that must make none."""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.generator.facets import (
    advice,
    agent,
    aim,
    among_first,
    by_people,
    counted_list,
    exchanged,
    facet,
    first_one,
    granted_right,
    participation,
    place_list,
    purpose,
    ranked,
    reason_given,
    rights_given,
)
from caucasusquiz.generator.pipeline import build


def _cards(tmp_path: Path, text: str) -> list[dict[str, object]]:
    (tmp_path / "article.txt").write_text(f"Ruritania and Borduria\n\n{text}\n", encoding="utf-8")
    decks, _ = build([tmp_path])
    return [
        {"type": d.type, "prompt": d.prompt, "answer": d.answer_text, **dict(d.body)}
        for _, drafts in decks.values()
        for d in drafts
    ]


# ---- aim -----------------------------------------------------------------------------------


def test_a_named_programme_is_asked_what_it_was_intended_to_do():
    found = aim(
        "Their partnership includes the Szohod Border Training Program, intended to modernise "
        "the customs service, and yearly visits by the coast guard."
    )
    assert found is not None
    assert found.question == "What was the Szohod Border Training Program intended to do?"
    assert found.answer == "to modernise the customs service"


def test_an_agreement_that_aims_is_asked_in_the_present():
    found = aim(
        "The two states signed a Memorandum of Understanding on river transport, which aims to open "
        "the Vltava to cargo ships."
    )
    assert found is not None
    assert found.question == "What does the Memorandum of Understanding on river transport aim to do?"
    assert found.answer == "to open the Vltava to cargo ships"


def test_two_aims_too_long_to_type_are_not_asked_one_alone_would_mark_the_other_wrong():
    # Either aim alone is a right answer: a card keeping one would mark a student wrong.
    found = aim(
        "Ruritania joined the Northern Grain Initiative, intended to lower the price of imported wheat "
        "for bakers and stabilise the rural economy of the southern provinces."
    )
    assert found is None


def test_an_aim_without_a_name_makes_no_card():
    assert aim("They agreed on a plan, intended to lower tariffs on grain.") is None


# ---- a right granted ---------------------------------------------------------------------------


def test_what_right_a_law_granted_is_asked():
    found = granted_right(
        "After the floods of 1997, the parliament passed the emergency budget law of 1998, "
        "granting President the right to suspend the Water Tax."
    )
    assert found is not None
    assert found.question == "What right did the emergency budget law of 1998 grant the President?"
    assert found.answer == "the right to suspend the Water Tax"


def test_the_grant_is_asked_before_the_event_in_the_sentences_background(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "After the Great Flood of 1997, the Ruritanian parliament passed the emergency budget law "
        "of 1998, granting President the right to suspend the Water Tax.",
    )
    assert [c["prompt"] for c in cards] == [
        "What right did the emergency budget law of 1998 grant the President?"
    ]


# ---- a reason given ------------------------------------------------------------------------------


def test_why_a_law_was_opposed_is_asked():
    found = reason_given(
        "Successive Ruritanian governments opposed the Salt Act, viewing it as an obstacle to trade with Borduria."
    )
    assert found is not None
    assert found.question == "Why did successive Ruritanian governments oppose the Salt Act?"
    assert found.answer == "an obstacle to trade with Borduria"


def test_two_reasons_too_long_to_type_are_not_asked():
    found = reason_given(
        "Successive Ruritanian governments opposed the Salt Act, viewing it as an obstacle to trade "
        "with Borduria and a danger to the fisheries of the northern coast."
    )
    assert found is None


def test_a_pronoun_subject_gives_no_reason_card():
    assert reason_given("They opposed the Salt Act, viewing it as an obstacle to trade.") is None


# ---- purpose of a passive act -----------------------------------------------------------------


def test_why_a_named_body_was_set_up_is_asked():
    found = purpose("The Vorst Commission was set up in 1995 to investigate the border killings.")
    assert found is not None
    assert found.question == "Why was the Vorst Commission set up in 1995?"
    assert found.answer == "to investigate the border killings"


def test_an_unnamed_act_of_unknown_time_gives_no_purpose_card():
    assert purpose("The troops were sent to the region to help the mission.") is None
    # "to the capital" is where, not why: an article after "to" is no purpose
    assert purpose("A delegation was sent to the capital of Borduria in 1920.") is None


# ---- who did it --------------------------------------------------------------------------------


def test_who_owns_a_named_thing_is_asked_in_the_active():
    found = agent("The Vltava Canal is owned by a consortium of shipping firms led by Nordline.")
    assert found is not None
    assert found.question == "Who owns the Vltava Canal?"
    assert found.answer == "a consortium of shipping firms led by Nordline"
    past = agent("The Szohod Bridge was built by Karl Vorst, the city engineer.")
    assert past is not None and past.question == "Who built the Szohod Bridge?"


def test_an_unnamed_subject_gives_no_agent_card():
    assert agent("The construction was overseen by Karl Vorst.") is None


# ---- rank ------------------------------------------------------------------------------------


def test_a_rank_is_asked_as_a_cloze_of_the_ordinal():
    found = ranked("The Vltava Canal is the second longest canal in Europe.")
    assert found is not None
    assert found.cloze == "The Vltava Canal is the {{second::rank}} longest canal in Europe."


# ---- a counted list ----------------------------------------------------------------------------


def test_a_short_counted_list_is_asked_whole():
    found = counted_list(
        "In May 2001, Foreign Minister Anna Vorst named three goals for the talks: open borders, "
        "fair tariffs, and river rights."
    )
    assert found is not None
    assert found.question == "What three goals did Anna Vorst name in May 2001?"
    assert found.answer == "open borders, fair tariffs, and river rights"


def test_a_long_counted_list_is_asked_by_its_last_item():
    found = counted_list(
        "In May 2001, Foreign Minister Anna Vorst outlined three main goals for the talks with "
        "Borduria: security cooperation on the river, energy trade across the mountains, and "
        "democratic reform."
    )
    assert found is not None
    assert found.question == (
        "Anna Vorst outlined three main goals in May 2001: security cooperation on the river, "
        "energy trade across the mountains, and what?"
    )
    assert found.answer == "democratic reform"


def test_a_list_of_another_length_than_its_count_gives_no_card():
    assert counted_list("Anna Vorst named three goals: open borders and fair tariffs.") is None


def test_a_body_made_up_of_groups_is_asked_by_its_last_group():
    found = counted_list(
        "The Ruritanian-Bordurian Commission is comprised of four working groups on priority areas: "
        "defence; trade and customs; energy, mining, and forestry; and culture and education."
    )
    assert found is not None
    assert found.answer == "culture and education"
    assert found.question.endswith("energy, mining, and forestry; and what?")


# ---- among the first ---------------------------------------------------------------------------


def test_who_were_among_the_first_is_asked():
    found = among_first(
        "Nordic banks, along with those of Borduria, were among the first to open branches in Szohod."
    )
    assert found is not None
    assert found.question == "Who were among the first to open branches in Szohod?"
    assert found.answer == "Nordic banks, along with those of Borduria"


# ---- in the generator ---------------------------------------------------------------------------


def test_a_facet_card_is_a_shown_answer_question_and_never_the_subject(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "Nordic banks, along with those of Lapland, were among the first to open branches in Szohod. "
        "Ruritania and Borduria were among the first to sign the Salt Charter.",
    )
    assert [(c["type"], c["prompt"]) for c in cards] == [
        ("qa", "Who were among the first to open branches in Szohod?")
    ]


def test_a_sentence_with_no_shape_gives_no_facet():
    assert facet("Relations between the two countries are returning to a positive course.") is None


# ---- which places ------------------------------------------------------------------------------


def test_a_list_of_places_is_asked_whole_in_any_order(tmp_path: Path):
    found = place_list("Regionally, Ruritania has sought to keep a balance between Lapland and Borduria.")
    assert found is not None
    assert found.question == "Between which two places has Ruritania sought to keep a balance?"
    assert found.answer == "Lapland and Borduria"
    cards = _cards(tmp_path, "Szohod sent peacekeepers to Lapland, Norland and Vestia.")
    assert [(c["prompt"], c["answer"]) for c in cards] == [
        ("To which three places did Szohod send peacekeepers?", "Lapland, Norland and Vestia")
    ]
    assert "Vestia, Lapland and Norland" in cards[0]["accept"]  # type: ignore[operator]


def test_a_place_list_of_an_unnamed_subject_or_of_names_that_are_no_places_gives_no_card():
    assert place_list("The talks were held in Geneva and Vienna.") is None
    assert place_list("Ruritania signed the Salt Act and the Grain Agreement.") is None
    assert place_list("It passes through Szohod, Vltava and Lapland.") is None


# ---- advice --------------------------------------------------------------------------------------


def test_advice_is_asked_with_them_named_from_the_sentences_subject_and_its_year():
    found = advice(
        "Laplandic delegates were disappointed by the talks in 1919, as instead of a treaty, President Vorst "
        "advised them to form a customs union with their neighbours on the basis of a mandate."
    )
    assert found is not None
    assert found.question == "What did President Vorst advise the Laplandic delegates to do in 1919?"
    assert found.answer == "to form a customs union with their neighbours"
    # Advice is given on many occasions: without its year a student can't tell which.
    assert (
        advice(
            "Laplandic delegates were disappointed, as President Vorst advised them to form a customs union."
        )
        is None
    )
    dated = advice("In 1995, Secretary Karl Vorst urged the Laplandic government to open the border.")
    assert dated is not None
    assert dated.question == "What did Secretary Karl Vorst urge the Laplandic government to do in 1995?"


def test_advice_to_an_unnamed_them_gives_no_card():
    assert advice("President Vorst advised them to wait.") is None


def test_among_the_first_to_do_something_unnamed_gives_no_card():
    assert (
        among_first(
            "Vestrian merchants, along with those of Norland, were among the first to protest the closure."
        )
        is None
    )


def test_a_rank_of_an_unnamed_thing_gives_no_card():
    assert ranked("The interconnector is the second largest gas project in the region.") is None


# ---- a fronted price ---------------------------------------------------------------------------


def test_a_fronted_price_is_asked_in_exchange_for_what(tmp_path: Path):
    found = exchanged(
        "In exchange for providing Lapland with maps of 12,000 river mines in the Ossel valley, "
        "eight detained Vestians were handed over to Vestia on the border."
    )
    assert found is not None
    assert found.question == "In exchange for what were eight detained Vestians handed over to Vestia?"
    assert found.answer == "maps of 12,000 river mines"
    # run together with the sentence before it by the scrape, it is still found and asked
    cards = _cards(
        tmp_path,
        "After Lapland restored its border, the Laplandic Foreign Ministry thanked the Vestian Secretary "
        "of State Karl Vorst, the Norland envoy Anna Weiss, the President of the Nordic Council Henrik "
        "Aalto and the Ossel Commission chair Clara Brekka for their contribution to the process in "
        "exchange for providing Lapland with maps of 12,000 river mines in the Ossel valley, eight "
        "detained Vestians were handed over to Vestia on the border with the participation of Norland "
        "observers and a delegation of the Nordic Council from Holm and Brekka.",
    )
    assert [c["prompt"] for c in cards] == [
        "In exchange for what were eight detained Vestians handed over to Vestia?"
    ]


def test_a_rank_after_an_opening_phrase_stops_before_a_second_rank():
    found = ranked(
        "One of Vestia's closest allies, Lapland was the third largest troop contributor in the "
        "Ossel War and the largest per-capita contributor to the river patrol."
    )
    assert found is not None
    assert found.cloze == "Lapland was the {{third::rank}} largest troop contributor in the Ossel War."


# ---- who, by a plural title ---------------------------------------------------------------------


def test_two_people_by_their_plural_title_are_asked_in_either_order(tmp_path: Path):
    found = by_people(
        "The Ossel Fisheries Bill (H.R.12), introduced in May, 2019, by Representatives Anna Vorst "
        "and Karl Brekka, is a bipartisan measure which bans trawling in the delta."
    )
    assert found is not None
    # A bill is brought again in later sessions: the year says which one.
    assert found.question == "Which two Representatives introduced the Ossel Fisheries Bill in 2019?"
    assert found.answer == "Anna Vorst and Karl Brekka"
    assert found.items == ("Anna Vorst", "Karl Brekka")


# ---- a programme -------------------------------------------------------------------------------


def test_a_programme_a_country_takes_part_in_is_asked():
    found = participation(
        "Their security ties developed along several paths, including Lapland's active participation "
        "in the NORDA's Shield for Rivers program and joint patrols."
    )
    assert found is not None
    assert found.question == "In which NORDA programme does Lapland take part?"
    assert found.answer == "Shield for Rivers"


def test_rights_given_are_asked_as_a_list():
    found = rights_given(
        "In support of the river patrol, Lapland provided docking, refueling, and repair rights for "
        "U.S. and Vestian boats bound for the delta; it also shared charts."
    )
    assert found is not None
    assert found.question == "What rights did Lapland provide for U.S. and Vestian boats?"
    assert found.answer == "docking, refueling, and repair rights"


# ---- the first or only one -----------------------------------------------------------------------


def test_who_was_the_first_to_is_asked_by_its_kind():
    found = first_one("In 1991, Lapland was the first country to recognise Vestia's independence.")
    assert found is not None
    assert found.question == "Which country was the first to recognise Vestia's independence in 1991?"
    assert found.answer == "Lapland"
    assert first_one("It was the first time the two leaders met.") is None
