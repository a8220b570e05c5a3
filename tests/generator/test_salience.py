"""Salience from repetition: a fact stated by one sentence only, with a weak sign, makes no card.

Articles state their core facts more than once (the lead and the body, several sources pasted
together); a statistic, the year of a survey, or a fact about something else, stated once in
passing, is more often incidental. Each rule is shown on an article written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.dedupe import CROWDED as CROWDED_REASON
from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.report import Report
from caucasusquiz.generator.salience import MIN_FACTS, ONCE_OFF_SUBJECT, ONCE_STATISTIC_DATE

THINGS = (
    "bridges",
    "orchards",
    "bells",
    "weavers",
    "ferries",
    "markets",
    "choirs",
    "mills",
    "gardens",
    "potters",
    "fountains",
    "lanterns",
    "kilns",
    "fairs",
    "quarries",
    "looms",
    "harbours",
    "vineyards",
    "glassworks",
    "tanneries",
    "ropewalks",
    "granaries",
    "barges",
    "chapels",
)
# Plain sentences that make an article long enough for a fact stated once to be a sign.
BODY = "\n".join(f"Ostria is known for the {thing} of its river towns." for thing in THINGS)

TREATY = f"""Treaty of Vellin

The Treaty of Vellin was signed on 4 March 1822 between Ostria and Dravia.

A survey in 2014 found that 61% of Ostrians approved of the Treaty of Vellin.

In 1851 the poet Karel Imrich published a volume of ballads about the river Selm.

{BODY}

On 4 March 1822, Ostrian and Dravian envoys signed the Treaty of Vellin in the town hall of Vellin.
"""
SECOND_SOURCE = "\nThe ballads about the Selm that Karel Imrich published in 1851 made the poet famous.\n"
COPY = "\nIn 1851 the poet Karel Imrich published his volume of ballads about the river Selm.\n"


def _build(tmp_path: Path, text: str) -> tuple[list[Draft], Report]:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "treaty-of-vellin.txt").write_text(text, encoding="utf-8")
    decks, report = build([folder])
    return [draft for _, drafts in decks.values() for draft in drafts], report


def _reason(report: Report, start: str) -> str:
    return next(reason for _, reason, sentence in report.untaught if sentence.startswith(start))


def _asked(drafts: list[Draft]) -> set[str]:
    return {draft.answer_text for draft in drafts}


def test_the_year_of_a_survey_stated_once_is_not_asked(tmp_path: Path) -> None:
    drafts, report = _build(tmp_path, TREATY)
    assert "2014" not in _asked(drafts)
    assert _reason(report, "A survey in 2014") == ONCE_STATISTIC_DATE


def test_a_fact_about_something_else_stated_once_is_not_asked(tmp_path: Path) -> None:
    drafts, report = _build(tmp_path, TREATY)
    assert "1851" not in _asked(drafts)
    assert _reason(report, "In 1851 the poet") == ONCE_OFF_SUBJECT


def test_the_same_fact_in_another_source_is_asked(tmp_path: Path) -> None:
    drafts, _ = _build(tmp_path, TREATY + SECOND_SOURCE)
    assert "1851" in _asked(drafts)


def test_a_copied_sentence_is_one_source_not_two(tmp_path: Path) -> None:
    """A mirror of the same page repeats the sentence nearly word for word: no corroboration."""
    drafts, _ = _build(tmp_path, TREATY + COPY)
    assert "1851" not in _asked(drafts)


def test_a_short_article_keeps_its_facts_stated_once(tmp_path: Path) -> None:
    """A few paragraphs have no room to say a fact twice: stated once is no sign there."""
    short = TREATY.replace(BODY, "")
    assert short.count("\n") < MIN_FACTS
    drafts, _ = _build(tmp_path, short)
    assert "1851" in _asked(drafts)


def test_the_core_fact_stated_twice_is_still_asked(tmp_path: Path) -> None:
    drafts, _ = _build(tmp_path, TREATY)
    assert "4 March 1822" in _asked(drafts)


# ---- two sources that disagree on a year --------------------------------------------------

FORT = """Fort Orla

Fort Orla is a fortress on the river Selm in Ostria.

Dravian troops seized Fort Orla from the Ostrian garrison in 1839.

The fortress was rebuilt in stone by the Ostrian engineer Paul Varga.

In 1841, Fort Orla was seized by Dravian troops after a short siege.
"""


def _fort(tmp_path: Path, text: str) -> tuple[list[Draft], Report]:
    folder = tmp_path / "fort"
    folder.mkdir(exist_ok=True)
    (folder / "fort-orla.txt").write_text(text, encoding="utf-8")
    decks, report = build([folder])
    return [draft for _, drafts in decks.values() for draft in drafts], report


def test_a_year_two_sources_disagree_on_in_other_words_makes_no_card(tmp_path: Path) -> None:
    drafts, report = _fort(tmp_path, FORT)
    assert not {"1839", "1841"} & _asked(drafts)
    lines = [line for line in report.coverage_lines() if "sources disagree" in line]
    assert len(lines) == 2
    assert "another sentence gives 1841: fort-orla.txt:9" in lines[0]
    assert "another sentence gives 1839: fort-orla.txt:5" in lines[1]


def test_two_treaties_with_two_countries_are_two_facts(tmp_path: Path) -> None:
    text = FORT.replace(
        "Dravian troops seized Fort Orla from the Ostrian garrison in 1839.",
        "Ostria signed a trade treaty with Dravia at Fort Orla in 1839.",
    ).replace(
        "In 1841, Fort Orla was seized by Dravian troops after a short siege.",
        "In 1841, Ostria signed a trade treaty with Vestia at Fort Orla.",
    )
    _, report = _fort(tmp_path, text)
    assert not any("sources disagree" in line for line in report.coverage_lines())


# ---- cards competing for a paragraph's slots ------------------------------------------------

CROWDED = """Treaty of Vellin

Ostria built the Selm Bridge at Vellin in 1810. Ostria founded the Vellin Academy in 1815. The Treaty of Vellin was signed between Ostria and Dravia in 1822.

Many years later, historians of Ostria and Dravia wrote that the Treaty of Vellin, signed in 1822, had ended an old quarrel.
"""


def test_the_fact_another_source_states_again_wins_a_crowded_paragraphs_slot(tmp_path: Path) -> None:
    """Three years in one paragraph get two cards: the treaty's, told again later, is one."""
    drafts, report = _build(tmp_path, CROWDED)
    assert "1822" in _asked(drafts)
    assert _reason(report, "Ostria founded the Vellin Academy") == CROWDED_REASON
