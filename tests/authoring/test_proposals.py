"""`t` in the author screen: the other forms of a card are cards a teacher would accept."""

from __future__ import annotations

from caucasusquiz.authoring.proposals import alternatives
from caucasusquiz.decks.model import Card, CardType

EMBASSY = "The United States opened its embassy in Baku in 1992."


def forms(card: Card, cards: list[Card] | None = None) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {}
    for proposal in alternatives(card, cards if cards is not None else [card]):
        found.setdefault(proposal.type, []).append(dict(proposal.fields))
    return found


def test_a_cloze_becomes_a_real_question_and_choice_with_years_for_a_year():
    card = Card(
        "d",
        "embassy",
        CardType.CLOZE,
        "1992",
        "The United States opened its embassy in Baku in {{1992}}.",
        source="a.txt:5",
        context="After independence was restored, relations grew. " + EMBASSY,
    )
    found = forms(card)
    assert found["qa"] == [
        {"question": "In which year did the United States open its embassy in Baku?", "answer": "1992"}
    ]
    (choice,) = found["choice"]
    assert choice["question"] == "In which year did the United States open its embassy in Baku?"
    distractors = choice["distractors"]
    assert isinstance(distractors, list) and len(distractors) == 3
    assert all(len(year) == 4 and year.isdigit() and year != "1992" for year in distractors)
    true, false = found["truefalse"]
    assert true == {"statement": EMBASSY, "answer": True}  # the card's words, not the paragraph
    statement = str(false["statement"])
    assert false["answer"] is False and statement.startswith(
        "The United States opened its embassy in Baku in "
    )
    assert statement != EMBASSY and statement[-5:-1].isdigit()


def test_a_question_becomes_the_clause_of_its_own_sentence_without_connectives():
    card = Card(
        "d",
        "cabinet",
        CardType.QA,
        "Cabinet-level",
        "Azerbaijan is long overdue for a visit by what level of U.S. official?",
        context="The region matters to Washington. Also, Azerbaijan is long overdue for a Cabinet-level "
        "visitor (Azernews.az, February 21, 2019).",
    )
    found = forms(card)
    assert found["cloze"] == [{"text": "Azerbaijan is long overdue for a {{Cabinet-level}} visitor."}]
    assert found["truefalse"][0] == {
        "statement": "Azerbaijan is long overdue for a Cabinet-level visitor.",
        "answer": True,
    }


def test_a_reworded_false_statement_is_put_right_in_its_own_words():
    card = Card(
        "d",
        "tf",
        CardType.TRUEFALSE,
        "false",
        "Azerbaijan and the United States established diplomatic relations in 1994, after the Soviet collapse.",
        tags=("year",),
        context="Azerbaijan established diplomatic relations with United States in 1992, following its "
        "independence from the Soviet Union.",
    )
    found = forms(card)
    assert found["cloze"] == [
        {
            "text": "Azerbaijan and the United States established diplomatic relations in {{1992}}, "
            "after the Soviet collapse."
        }
    ]
    assert found["qa"][0]["answer"] == "1992"
    assert str(found["qa"][0]["question"]).startswith("In which year did Azerbaijan and the United States")
    assert found["choice"][0]["distractors"][0] == "1994"  # the statement's own wrong year first
    assert {
        "statement": str(found["cloze"][0]["text"]).replace("{{", "").replace("}}", ""),
        "answer": True,
    } in (found["truefalse"])


def test_a_name_gets_distractors_of_its_kind_from_the_collection():
    cards = [
        Card(
            "d",
            f"c{n}",
            CardType.CLOZE,
            name,
            f"{name} spoke about {{{{{topic}}}}} in Baku in {year}.",
            context=f"U.S. Secretary of State {name} spoke about {topic} in Baku in {year}.",
        )
        for n, (name, topic, year) in enumerate(
            [
                ("John Kerry", "energy", 2016),
                ("Rex Tillerson", "trade", 2017),
                ("Hillary Clinton", "security", 2012),
            ]
        )
    ]
    card = Card(
        "d",
        "pompeo",
        CardType.CLOZE,
        "Mike Pompeo",
        "U.S. Secretary of State {{Mike Pompeo}} met President Aliyev in Munich in 2019.",
        context="U.S. Secretary of State Mike Pompeo met President Aliyev in Munich in 2019.",
    )
    found = forms(card, [*cards, card])
    (choice,) = found["choice"]
    # Other secretaries of state of the time, never the other person the card names.
    assert {"John Kerry", "Rex Tillerson"} <= set(choice["distractors"])
    assert "Aliyev" not in " ".join(choice["distractors"])
    assert found["truefalse"][1]["statement"] in {
        f"U.S. Secretary of State {name} met President Aliyev in Munich in 2019."
        for name in choice["distractors"]
    }


# New-user walkthrough 4, item 6: the clause was closed with a full stop after the quote's own.

QUOTED = (
    "One component of the aid package provided by the U.S. government to Azerbaijan focuses on "
    'democratic development assistance "with an emphasis on support for civil society, independent '
    'media, and rule of law." The largest part of this assistance is provided by USAID.'
)


def test_forms_of_a_sentence_ending_in_a_quotation_end_with_one_full_stop():
    card = Card(
        "d",
        "aid-rule-of-law",
        CardType.CHOICE,
        "rule of law",
        "U.S. democratic development aid to Azerbaijan emphasized civil society, independent media and what else?",
        distractors=("free elections", "women's rights", "anti-corruption"),
        context=QUOTED,
    )
    forms = {p.label.split(" (")[0]: dict(p.fields) for p in alternatives(card, [card])}
    assert str(forms["fill the blank"]["text"]).endswith('independent media, and {{rule of law}}."')
    assert str(forms["true or false: true"]["statement"]).endswith('independent media, and rule of law."')
    assert str(forms["true or false: false"]["statement"]).endswith('independent media, and free elections."')
