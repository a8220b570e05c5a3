"""Cards with one right answer, in a teacher's English: what blind reviewers of the fifth
round found wrong, as rules that hold for any article. Each test runs the generator (or one
of its steps) on sentences written for it."""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.generator.cards import near_subject
from caucasusquiz.generator.dedupe import without_giveaways
from caucasusquiz.generator.english import card_english, with_articles
from caucasusquiz.generator.entities import find_mentions
from caucasusquiz.generator.pipeline import build


def _cards(tmp_path: Path, *articles: str, title: str = "Ruritania and Borduria") -> list[dict[str, object]]:
    for number, text in enumerate(articles):
        (tmp_path / f"article{number}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    decks, _ = build([tmp_path])
    return [
        {"type": d.type, "prompt": d.prompt, "answer": d.answer_text, **dict(d.body)}
        for _, drafts in decks.values()
        for d in drafts
    ]


# ---- English ---------------------------------------------------------------------------------


def test_a_state_named_by_a_common_noun_gets_its_article():
    assert (
        with_articles("Lapland established relations with United States in 1996.")
        == "Lapland established relations with the United States in 1996."
    )
    assert (
        with_articles("After the invasion in 1920, Lapland SSR was proclaimed.")
        == "After the invasion in 1920, the Lapland SSR was proclaimed."
    )
    assert with_articles("Lapland SSR was proclaimed.") == "The Lapland SSR was proclaimed."
    # Already there, or a name that takes none: unchanged.
    assert with_articles("relations with the United States and Lapland") == (
        "relations with the United States and Lapland"
    )


def test_a_reported_clause_gets_its_that():
    assert (
        card_english(
            "In 2011, which minister met the President announcing the military ties between them would expand?"
        )
        == "In 2011, which minister met the President announcing that the military ties between them would expand?"
    )
    assert card_english("announcing the new budget in 2011") == "announcing the new budget in 2011"


def test_a_card_says_the_united_states_where_the_source_dropped_the_article(tmp_path: Path):
    cards = _cards(tmp_path, "Ruritania established diplomatic relations with United States in 1993.")
    assert cards
    assert all("with United States" not in str(c["prompt"]) for c in cards)
    assert any("with the United States" in str(c["prompt"]) for c in cards)


def test_earlier_that_year_becomes_the_year_alone(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "In November 2011, Borduria opened a consulate in Vells. Earlier that year, Borduria offered "
        "Ruritania $40 million to rebuild the Vells harbour.",
    )
    prompts = [str(c["prompt"]) for c in cards]
    assert not any("earlier in 2011" in p for p in prompts), prompts


# ---- one right answer -----------------------------------------------------------------------


def test_two_aims_too_long_to_type_give_no_card_keeping_one(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "In 2004 Borduria launched the Vells River Programme, intended to enhance the navigability of "
        "the lower river and stimulate the reform of the river ports authority.",
    )
    assert not any(str(c["answer"]).startswith("to enhance") for c in cards)


def test_what_a_treaty_also_did_is_not_asked_as_what_it_did(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "The Treaty of Vells set the border in 1921. The Treaty of Vells also recognized the "
        "autonomous status of the Lorn valley.",
    )
    assert not any(str(c["prompt"]) == "What did the Treaty of Vells recognize?" for c in cards)


def test_the_subject_with_a_common_noun_is_no_answer():
    subjects = {"ruritania", "borduria"}
    assert near_subject("Ruritanian companies, along with those of Europe", subjects)
    assert near_subject("Borduria officials", subjects)
    assert not near_subject("Lapland companies", subjects)
    assert not near_subject("the Vells River Programme", subjects)


def test_among_the_first_does_not_ask_the_documents_own_country(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "Ruritanian companies, along with those of Europe, were among the first to enter the "
        "energy sector of Borduria after the collapse of the empire.",
        "Ruritania and Borduria signed a trade agreement in 1995.",
        "Ruritania opened an embassy in Borduria in 1996.",
    )
    assert not any("companies" in str(c["answer"]) for c in cards)


# ---- worth asking ----------------------------------------------------------------------------


def test_the_date_of_a_visit_or_a_submission_is_not_asked(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "In March 2009, Minister Karl Vorst visited Borduria on a working trip.",
        "The commission submitted its findings to the Supreme Council on 22 November 1920.",
        "In September 2003, Ruritania completed an assistance review and announced cuts.",
    )
    assert not any(str(c["answer"]) in ("March 2009", "22 November 1920", "September 2003") for c in cards)


# ---- true/false ------------------------------------------------------------------------------


def test_a_repeated_act_is_never_falsified_by_moving_its_year(tmp_path: Path):
    # A waiver renewed every year: "waived it in 2006" may be true as well.
    sentences = [
        f"President Karl Vorst waived Section {n} of the Salt Act in January {1990 + n}."
        for n in range(1, 16)
    ]
    cards = _cards(tmp_path, *sentences)
    statements = [c for c in cards if c["type"] == "truefalse"]
    assert statements, "some of these should be true/false cards"
    assert all(c["answer"] is True for c in statements)


def test_a_true_statement_that_tells_another_cards_answer_in_another_form_is_dropped(tmp_path: Path):
    from caucasusquiz.generator.cards import Draft

    def draft(card_id: str, kind: str, prompt: str, answer: str, order: int) -> Draft:
        body = (("statement", prompt), ("answer", True)) if kind == "truefalse" else (("question", prompt),)
        return Draft(
            card_id, kind, body, ("x",), "a:1", prompt, answer, card_id, ("a", order, 0), answer, prompt
        )

    right = draft(
        "right",
        "qa",
        "What right did the budget law of 2002 grant the President?",
        "the right to waive Section 9",
        1,
    )
    told = draft("told", "truefalse", "President Vorst waived Section 9 in January 2002.", "January 2002", 2)
    kept, dropped = without_giveaways([right, told])
    assert [d.id for d in kept] == ["right"] and dropped == 1


# ---- names found without a title -------------------------------------------------------------


def test_a_person_is_found_without_a_title():
    def people(text: str) -> list[str]:
        return [m.text for m in find_mentions(text) if m.kind == "person"]

    assert people("In 2019, Tom Vester introduced a resolution.") == ["Tom Vester"]
    assert people("Anna Brill, a professor of law, wrote the report.") == ["Anna Brill"]
    assert people("Senators Karl Vorst (D-NJ) and Tom Vester (R-TX) sponsored it.") == [
        "Karl Vorst",
        "Tom Vester",
    ]
    # A body, a place or a publication before the same verbs is no person.
    assert people("The White House said the talks would go on.") == []
    assert people("Red Army invaded the valley.") == []
    assert people("Eurasia Daily Monitor wrote that the talks failed.") == []


def test_a_counted_list_is_asked_before_who_named_it(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "In May 2008, Deputy Minister Karl Vorst outlined three priorities for Ruritania in Borduria: "
        "grain, rail, and harbours.",
        "In 2007, Deputy Minister Tom Vester signed the Grain Accord.",
        "In 2006, Deputy Minister Anna Brill signed the Rail Accord.",
        "In 2009, Deputy Minister Ole Rask signed the Salt Accord.",
    )
    about_list = [c for c in cards if "priorities" in str(c["prompt"])]
    assert about_list and all(c["answer"] != "Karl Vorst" for c in about_list)


def test_a_contribution_is_asked_by_whose_field_when_the_source_names_it(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Regional Digest - Caspian Monitor - 01.02.2020\n\n"
        "Washington appreciates Lapland's contribution to the energy security of US allies in Europe.\n",
        encoding="utf-8",
    )
    decks, _ = build([tmp_path])
    cards = [(d.prompt, d.answer_text) for _, drafts in decks.values() for d in drafts]
    # "contribution to what?" has many right answers in an article on relations.
    assert cards == [
        (
            "According to Caspian Monitor (2020), Washington appreciates Lapland's contribution to "
            "whose energy security?",
            "US allies in Europe",
        )
    ]


def test_two_dated_clauses_joined_by_and_are_cut_into_clauses_of_their_own():
    from caucasusquiz.generator.clauses import clause_around

    sentence = (
        "On March 6, 1994, the Republic of Lapland opened its first embassy in the old city of Vells, "
        "and on March 16, 1994, Vestia opened its embassy in Szohod, the capital of Lapland."
    )
    second = sentence.index("March 16, 1994")
    clause = clause_around(sentence, second, second + len("March 16, 1994"))
    assert clause is not None
    assert (
        clause.text.rstrip(".")
        == "On March 16, 1994, Vestia opened its embassy in Szohod, the capital of Lapland"
    )
    first = clause_around(sentence, 3, 3 + len("March 6, 1994"))
    assert first is not None
    assert (
        first.text.rstrip(".")
        == "On March 6, 1994, the Republic of Lapland opened its first embassy in the old city of Vells"
    )


def test_a_length_is_asked_without_a_year_it_does_not_change(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "The Vells–Ossel pipeline is a 1,240 kilometres long crude oil pipeline from the Lorn field to the sea.",
        title="The Vells–Ossel pipeline",
    )
    assert [c["answer"] for c in cards] == ["1,240"]


def test_one_sides_word_is_not_stated_as_a_fact(tmp_path: Path):
    cards = _cards(tmp_path, "The town of Orvel was liberated on September 18, 1920.")
    assert not any("liberated" in str(c["prompt"]) for c in cards)


def test_two_places_another_sentence_lists_with_a_third_are_not_asked_as_the_two(tmp_path: Path):
    # Lapland's missions were in Ossel and Vells; another document says "Ossel, Kravia and
    # Vells": "Kravia" would be a right answer the card marks wrong.
    asked = "Lapland participated in peacekeeping missions in Ossel and Vells for many years."
    (tmp_path / "alone").mkdir()
    alone = _cards(tmp_path / "alone", asked)
    assert any(c["answer"] == "Ossel and Vells" for c in alone), alone
    both = tmp_path / "both"
    both.mkdir()
    cards = _cards(both, asked, "Lapland joined the Vestian-led missions in Ossel, Kravia and Vells in 2001.")
    assert not any(c["answer"] == "Ossel and Vells" for c in cards), cards
