"""An analysis piece's claims are asked as facts about the document, with its source."""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.generator.claims import claim, source_label
from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.timeline import DocDate

LABEL = "Eurasia Daily Monitor (2019)"


def test_the_publication_is_found_in_the_first_lines_with_the_documents_year():
    head = [
        "US AND AZERBAIJAN FOCUS ON COMMON  ",
        "INTERESTS RATHER THAN DISAGREEMENTS -  ",
        "EURASIA DAILY MONITOR - 11.06.2019",
    ]
    assert source_label(head, "US AND AZERBAIJAN FOCUS ON COMMON", DocDate(2019, 6, 11)) == LABEL
    line = "US – Azerbaijan Relations: Challenges and Perspectives – Caspian Policy Center"
    assert source_label([line], "A long title of many more words than six", None) == "Caspian Policy Center"


def test_a_short_title_names_the_document_and_a_long_one_gives_no_label():
    assert source_label(["Treaty of Kars"], "Treaty of Kars", None) == "“Treaty of Kars”"
    long_title = "Our country's relations with the United States are returning to a positive course"
    assert source_label([long_title], long_title, None) is None


def test_what_an_actor_values_someone_for_is_asked_with_its_source():
    found = claim(
        "Washington appreciates Azerbaijan's contribution to the energy security of US allies in Europe.",
        LABEL,
    )
    assert found is not None
    assert found.question == f"According to {LABEL}, what does Washington appreciate Azerbaijan for?"
    # "its contribution …" is 63 characters: over the checker's limit, so its core is the answer.
    assert found.answer == "contribution to the energy security of US allies in Europe"
    found = claim("Washington values Azerbaijan's contribution to regional security.", LABEL)
    assert found is not None and found.answer == "its contribution to regional security"
    assert found.accept == ("contribution to regional security",)


def test_conditions_displeasure_support_and_benefit_are_asked():
    cases = {
        "Bolton's statement clearly demonstrated that Washington now conditions the normalization of "
        "Turkish-Armenian relations on a simultaneous resolution of the Karabakh conflict.": (
            "on what does Washington condition the normalization of Turkish-Armenian relations?",
            "a simultaneous resolution of the Karabakh conflict",
        ),
        "The US was quite displeased with Yerevan's deployment of Armenian troops to Syria's Aleppo.": (
            "what was the US displeased with?",
            "Yerevan's deployment of Armenian troops to Syria's Aleppo",
        ),
        "The U.S. is a strong supporter of Azerbaijan's European and Euro-Atlantic aspirations.": (
            "what does the U.S. support?",
            "Azerbaijan's European and Euro-Atlantic aspirations",
        ),
        "The United States has strongly and consistently supported Azerbaijan's energy strategy at all stages.": (
            "what has the United States supported?",
            "Azerbaijan's energy strategy",
        ),
        "Washington benefits whenever Europe reduces its dependence on Russian oil and gas.": (
            "when does Washington benefit?",
            "when Europe reduces its dependence on Russian oil and gas",
        ),
    }
    for sentence, (question, answer) in cases.items():
        found = claim(sentence, LABEL)
        assert found is not None, sentence
        assert found.question == f"According to {LABEL}, {question}"
        assert found.answer == answer
        assert len(found.question.split()) <= 20


def test_pronoun_actors_referents_and_long_objects_make_no_claim():
    assert claim("It appreciates Azerbaijan's contribution to energy security.", LABEL) is None
    assert claim("Washington supports the policy.", LABEL) is None  # which policy?
    assert claim("Washington supports this.", LABEL) is None
    # Too long to type, and cutting the owner would lose whose application it is: stated only.
    wto = "Azerbaijan's application for accession to the World Trade Organization"
    found = claim(f"The U.S. supports {wto}.", LABEL)
    assert found is not None and found.question == ""
    assert found.statement == f"According to {LABEL}, the U.S. supports {wto}."
    assert found.reversed == f"According to {LABEL}, the U.S. opposes {wto}."
    long_object = "Washington supports " + " ".join(["very"] * 14) + " long aims."
    assert claim(long_object, LABEL) is None
    assert claim("Washington discussed energy security with Baku.", LABEL) is None  # no stance verb


def test_a_document_without_a_name_to_cite_gives_no_claim_cards(tmp_path: Path):
    seed = tmp_path / "seeds"
    seed.mkdir()
    body = "Washington appreciates Azerbaijan's contribution to the energy security of Europe.\n"
    long_title = "What the capitals of the region think about one another these days\n\n"
    (seed / "opinion.txt").write_text(long_title + body, "utf-8")
    decks, _ = build([seed])
    assert not any("claim" in d.tags for _, drafts in decks.values() for d in drafts)
    (seed / "opinion.txt").write_text("Regional Digest - Caspian Monitor - 01.02.2020\n\n" + body, "utf-8")
    decks, _ = build([seed])
    claims = [d for _, drafts in decks.values() for d in drafts if "claim" in d.tags]
    assert len(claims) == 1
    body = dict(claims[0].body)
    assert str(body.get("question") or body["statement"]).startswith("According to Caspian Monitor (2020), ")


def test_a_claim_as_true_false_states_it_or_reverses_its_stance():
    found = claim("Baku has welcomed Trump's South Caucasus policy, which has been limited.", LABEL)
    assert found is not None
    assert found.statement == f"According to {LABEL}, Baku has welcomed Trump's South Caucasus policy."
    assert found.reversed == f"According to {LABEL}, Baku has rejected Trump's South Caucasus policy."
    found = claim("The US was quite displeased with Yerevan's deployment of troops to Aleppo.", LABEL)
    assert found is not None and found.reversed is not None and " was pleased with " in found.reversed
    # "conditions X on Y" has no clear opposite: asked as a question only.
    found = claim(
        "Washington conditions the normalization of relations on a resolution of the conflict.", LABEL
    )
    assert found is not None and found.statement is None and found.reversed is None


def test_each_claim_gives_one_card_and_some_are_true_false(seeds_dir: Path):
    decks, _ = build([seeds_dir])
    claims = [d for _, drafts in decks.values() for d in drafts if "claim" in d.tags]
    # four since "what does X support/appreciate" and "criticises" reversals are no longer asked
    # and a claim that says what holds "now" is dated by nothing a student sees
    assert len(claims) >= 4
    assert {d.type for d in claims} == {"qa", "truefalse"}
    assert len({d.fact_key for d in claims}) == len(claims)  # one fact, one card
    for draft in claims:
        text = dict(draft.body).get("question") or dict(draft.body)["statement"]
        assert str(text).startswith("According to ") and len(str(text).split()) <= 22


def test_a_commitment_is_asked_and_a_list_cut_at_its_first_comma_is_not():
    found = claim("The United States is firmly committed to a peaceful settlement of the conflict.", LABEL)
    assert (
        found is not None
        and found.question == f"According to {LABEL}, what is the United States committed to?"
    )
    assert found.answer == "a peaceful settlement of the conflict"
    # "democratic" alone would be a third of the object.
    assert claim("Washington supports democratic, economic, and social reforms.", LABEL) is None


def test_an_authors_byline_names_a_document_without_a_publication_line():
    long_title = "Our country's relations with the United States are returning to a positive course"
    assert source_label([long_title], long_title, None, "Sabuhi Mammadov") == "Sabuhi Mammadov"
    head = [long_title, "", "Cauid VELIEV", "", "Blog No: 35"]
    assert source_label(head, long_title, DocDate(2019, 6, 12)) == "Cauid Veliev (2019)"
    # A heading or a sentence is no byline.
    assert source_label([long_title, "Energy Security"], long_title, None, "The end came fast.") is None


def test_an_endorsement_is_a_claim_and_its_reverse_a_rejection():
    found = claim("Trump endorsed the economic reforms conducted in Azerbaijan.", LABEL)
    assert found is not None
    assert found.question == f"According to {LABEL}, what did Trump endorse?"
    assert found.answer == "the economic reforms conducted in Azerbaijan"
    assert (
        found.reversed
        == f"According to {LABEL}, Trump rejected the economic reforms conducted in Azerbaijan."
    )


def test_a_claim_too_long_to_type_is_a_true_false_card(tmp_path: Path):
    seed = tmp_path / "seeds"
    seed.mkdir()
    (seed / "opinion.txt").write_text(
        "Regional Digest - Caspian Monitor - 01.02.2020\n\n"
        "Official Baku strongly supports close cooperation with Washington in ensuring energy security.\n",
        "utf-8",
    )
    decks, _ = build([seed])
    (draft,) = [d for _, drafts in decks.values() for d in drafts]
    assert draft.type == "truefalse" and "claim" in draft.tags
    statement = str(dict(draft.body)["statement"])
    assert statement.startswith("According to Caspian Monitor (2020), official Baku ")
    assert " close cooperation with Washington in ensuring energy security." in statement
    assert len(statement.split()) <= 20


def _claim_cards(tmp_path: Path, body: str) -> list[tuple[str, object]]:
    seed = tmp_path / "seeds"
    seed.mkdir(exist_ok=True)
    (seed / "opinion.txt").write_text(
        "Regional Digest - Caspian Monitor - 01.02.2020\n\n" + body + "\n", "utf-8"
    )
    decks, _ = build([seed])
    return [(d.prompt, d.answer_text) for _, drafts in decks.values() for d in drafts]


def test_an_appreciated_contribution_is_asked_by_what_it_contributed_to(tmp_path: Path):
    cards = _claim_cards(
        tmp_path, "Vestia appreciates Lapland's contribution to the security of the Ossel valley."
    )
    assert cards == [
        (
            "According to Caspian Monitor (2020), Vestia appreciates Lapland's contribution to what?",
            "the security of the Ossel valley",
        )
    ]


def test_appreciation_gives_no_reversed_statement_nor_an_open_question(tmp_path: Path):
    cards = _claim_cards(
        tmp_path, "Official Szohod particularly appreciates close cooperation with Vestia in energy."
    )
    assert not any("criticises" in str(p) or str(p).endswith("appreciate?") for p, _ in cards)


def test_what_an_actor_supports_is_not_asked_it_has_many_answers(tmp_path: Path):
    cards = _claim_cards(tmp_path, "The Vestian government supports Lapland's plans for a new river port.")
    assert not any("what does" in str(p).lower() and "support" in str(p) for p, _ in cards)
