"""Rules from a new user's own article (round nine): a teacher's 439-word history article.

"The Thirty Years' War" is no unmatched quote, a reason given for a sentence is true of it, and
a month and year and a full date of that month are asked once. Each rule is shown on an
article written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from caucasusquiz.generator import gate
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.gate import gate_reason
from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.report import Report

SUBJECTS = {"peace of orla"}


def _build(tmp_path: Path, name: str, text: str) -> tuple[list[Draft], Report]:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    decks, report = build([folder])
    return [draft for _, drafts in decks.values() for draft in drafts], report


def _reasons(report: Report) -> dict[str, str]:
    """The reason each untaught sentence was given, by the sentence's first words."""
    return {" ".join(sentence.split()[:4]): reason for _, reason, sentence in report.untaught}


def _cloze(prompt: str) -> Draft:
    plain = re.sub(r"\{\{(.+?)(?:::[^}]*)?\}\}", r"\1", prompt)
    answer = re.search(r"\{\{(.+?)(?:::[^}]*)?\}\}", prompt)
    assert answer is not None
    return Draft(
        "x-1",
        "cloze",
        (("text", prompt),),
        (),
        "a.txt:1",
        plain,
        answer.group(1),
        prompt,
        ("a.txt", 1, 0),
        answer.group(1),
        prompt,
    )


# ---- F-B: an apostrophe after a plural -s is no quote ----------------------------------------

WAR_ARTICLE = """Peace of Orla

The Peace of Orla ended the Forty Years' War, which had begun in 1702 with the siege of Brinn.

The allies' fleet was sunk off Tarsk on 3 May 1731, and the Vestian envoys' report reached Penn a week later.
"""


def test_a_plural_possessive_is_no_unmatched_quote(tmp_path: Path):
    drafts, report = _build(tmp_path, "peace-of-orla.txt", WAR_ARTICLE)
    reasons = _reasons(report)
    assert not any("quote" in reason or "not a sentence" in reason for reason in reasons.values()), reasons
    war = [d for d in drafts if "Forty Years' War" in d.context]
    assert war, (reasons, [d.prompt for d in drafts])
    # The sentence is split where it ends, not at the apostrophe, and the card keeps "Years'".
    assert all(d.context.endswith("Brinn.") for d in war)


def test_a_clause_before_which_is_a_main_clause_when_it_has_a_verb():
    ended = "The Peace of Orla ended the Forty Years' War, which had begun in {{1702::year}} with a siege."
    assert gate_reason(_cloze(ended), SUBJECTS) is None
    name_only = "The Lake War, which resulted in more than {{9,000::number}} deaths of soldiers."
    assert gate_reason(_cloze(name_only), SUBJECTS) == gate.NO_MAIN_CLAUSE


def test_a_blank_holding_a_plural_possessive_is_a_sentence():
    assert gate_reason(_cloze("The Peace of Orla ended the {{Forty Years' War}} in 1742."), SUBJECTS) is None
    # A real unmatched quote is still refused, and says so.
    assert (
        gate_reason(_cloze('The "{{Orla Accord}} was signed in Penn in 1742.'), SUBJECTS) == gate.UNBALANCED
    )


# ---- F-M: a month and year and a full date of that month, in two sentences --------------------

TWO_DATES = """Peace of Orla

The Peace of Orla is the collective name for two peace treaties signed in October 1702 in the Vestian cities of Brinn and Tarsk.

The Treaty of Brinn and the Treaty of Tarsk between the Empire and Lapland were both signed on 24 October 1702.
"""


def test_a_full_date_and_its_month_in_another_sentence_are_asked_once(tmp_path: Path):
    drafts, _ = _build(tmp_path, "peace-of-orla.txt", TWO_DATES)
    dated = [d for d in drafts if "1702" in d.answer_key]
    assert len(dated) == 1, [(d.prompt, d.answer_key) for d in dated]
    # and no other prompt states what that card asks
    assert not any("1702" in d.prompt and d is not dated[0] for d in drafts)


# ---- F-C: each reason is true of the sentence it is given for --------------------------------

TERMS_ARTICLE = """Peace of Orla

The Peace of Orla was signed on 14 March 1702 in the city of Brinn.

Lapland gained the bishoprics of Kell, Tarsk and Mol, and most of Oster.

Vestia received Upper Penn and the port of Dunn, together with an indemnity of 5 million ducats.

Peace talks were long and difficult for everyone who took part in them.

The Oster Confederation was formally recognised as independent of the Holy Brinn Empire.
"""


def test_a_sentence_with_names_is_never_said_to_have_no_name(tmp_path: Path):
    from caucasusquiz.generator.cards import NO_PATTERN, NOTHING_TO_ASK

    _, report = _build(tmp_path, "peace-of-orla.txt", TERMS_ARTICLE)
    reasons = _reasons(report)
    # names the rules cannot ask: said so, never "no date, number or name"
    assert reasons["The Oster Confederation was"] == NO_PATTERN
    # a sentence with nothing to ask is told apart
    assert reasons["Peace talks were long"] == NOTHING_TO_ASK


def test_reasons_give_examples_that_fit_any_article():
    # The examples name no pipeline or other thing of this project's own documents.
    assert "pipeline" not in gate.UNNAMED
    assert "quote" not in gate.NO_MAIN_CLAUSE and "quote" not in gate.BROKEN


# ---- the deck folder rule: one rule for which files are decks ----------------------------------

DATED_ARTICLE = """Treaty of Orla

The Treaty of Orla was signed in Brinn on 14 March 1702 by Vestia and Lapland.

The Orla Canal was opened to shipping on 9 June 1731.
"""


def _generated_ids(out: Path) -> list[str]:
    names = [p for p in out.iterdir() if p.name.endswith(".yaml") and p.name != "teacher.yml"]
    return re.findall(r"^  - id: (\S+)", "".join(p.read_text("utf-8") for p in names), re.MULTILINE)


def test_a_teachers_yml_deck_is_read_for_dropped_ids_like_a_yaml_one(tmp_path: Path):
    from caucasusquiz.generator.pipeline import generate

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "treaty-of-orla.txt").write_text(DATED_ARTICLE, "utf-8")
    out = tmp_path / "decks"
    generate([seeds], out)
    victim = _generated_ids(out)[0]
    # The app studies *.yml decks too: their `dropped` list is the teacher's word as well.
    (out / "teacher.yml").write_text(f'title: "Mine"\ndropped: [{victim}]\ncards: []\n', "utf-8")
    # Neither a hidden file nor a topics file in the decks folder is a deck.
    (out / ".draft.yaml").write_text('title: "x"\ndropped: [nothing-here]\ncards: []\n', "utf-8")
    (out / "topics.yaml").write_text('decks:\n  - id: x\n    title: "X"\n', "utf-8")
    (out / "treaty-orla.yaml").unlink()
    (out / ".generated.json").unlink()
    report = generate([seeds], out)
    assert victim not in _generated_ids(out)
    assert victim in report.merge.dropped_by_author


def test_the_generator_uses_the_decks_folder_rule_for_the_topics_file():
    from caucasusquiz.decks import folder
    from caucasusquiz.generator import topics

    assert topics.TOPICS_FILE is folder.TOPICS_FILE


def test_a_topics_problem_quotes_the_file_without_control_characters(tmp_path: Path):
    from caucasusquiz.generator.topics import TopicProblem, check_topics

    # Made safe where it is made, whoever prints it (check, generate, the app).
    made = TopicProblem(tmp_path / "a\u202etopics.yaml", 3, "unknown field 'ke\x1b[2Jywords'")
    assert "\x1b" not in made.message
    assert "\u202e" not in str(made) and "\x1b" not in str(made)
    path = tmp_path / "topics.yaml"
    path.write_text('decks:\n  - id: "bad\u202eid"\n    title: "X"\n    keywords: {"a": 1}\n', "utf-8")
    _, problems = check_topics(path)
    assert problems
    assert all("\u202e" not in problem.message and "\u202e" not in str(problem) for problem in problems)


def test_an_amount_in_any_currency_is_a_figure_to_ask(tmp_path: Path):
    drafts, report = _build(tmp_path, "peace-of-orla.txt", TERMS_ARTICLE)
    indemnity = [d for d in drafts if d.context.startswith("Vestia received")]
    assert [d.answer_text for d in indemnity] == ["5 million"], (indemnity, _reasons(report))


def test_a_scaled_figure_without_its_unit_is_not_taken_for_an_amount():
    from caucasusquiz.generator.entities import find_mentions

    found = find_mentions("Orla is a vast democracy of 3.4 million that held elections.")
    assert all(m.kind != "number" or "million" not in m.text for m in found)
    assert [m.text for m in find_mentions("Lapland paid 20 million gold marks.")] == ["20 million"]


def test_the_treaties_of_a_peace_are_named_from_its_title():
    from caucasusquiz.generator.referents import with_title

    named = with_title("The treaties ended the Forty Years' War in 1742.", "Peace of Orla")
    assert named == "The Peace of Orla ended the Forty Years' War in 1742."
    # not in an article on something else, nor a peace congress
    assert with_title("The treaties ended the war in 1742.", "Lapland–Vestia relations").startswith(
        "The treaties"
    )
    assert (
        with_title("The peace congress opened in 1738.", "Peace of Orla")
        == "The peace congress opened in 1738."
    )


def test_what_a_party_got_under_the_articles_treaty_is_asked_as_a_named_list(tmp_path: Path):
    drafts, _ = _build(tmp_path, "peace-of-orla.txt", TERMS_ARTICLE)
    listed = [d for d in drafts if d.context.startswith("Lapland gained")]
    assert [dict(d.body)["question"] for d in listed] == [
        "Under the Peace of Orla, which three bishoprics did Lapland gain?"
    ]
    body = dict(listed[0].body)
    assert body["answer"] == "Kell, Tarsk and Mol"
    assert "Mol, Kell and Tarsk" in body["accept"]  # any order


def test_a_named_list_is_not_asked_when_the_gain_may_be_another_settlements():
    from caucasusquiz.generator.facets import terms_list

    sentence = "Lapland gained the bishoprics of Kell, Tarsk and Mol, and most of Oster."
    assert terms_list(sentence, "Peace of Orla") is not None
    assert terms_list(sentence, "Lapland–Vestia relations") is None  # which settlement?
    dated = "Lapland gained the bishoprics of Kell, Tarsk and Mol in 1744."
    assert terms_list(dated, "Peace of Orla") is None  # a later gain, perhaps
    assert terms_list("They gained the bishoprics of Kell and Mol.", "Peace of Orla") is None
