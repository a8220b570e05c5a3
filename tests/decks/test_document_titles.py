"""A document's title for the "Source:" line: a headline the scrape broke across capitals
lines is joined, and a title too long is shortened with an ellipsis (new-user trial 6)."""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.decks.document_titles import MAX_TITLE_CHARS, title_of

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SCRAPED = (
    "\n\n\n\nUS AND AZERBAIJAN FOCUS ON COMMON  \nINTERESTS RATHER THAN DISAGREEMENTS -  \n"
    "EURASIA DAILY MONITOR - 11.06.2019\n\nThe text begins here.\n"
)


def test_a_capitals_headline_broken_across_lines_is_joined_up_to_its_end():
    # It read "Source: US AND AZERBAIJAN FOCUS ON COMMON, line 22": a cut title.
    assert title_of(SCRAPED) == "US AND AZERBAIJAN FOCUS ON COMMON INTERESTS RATHER THAN DISAGREEMENTS"


def test_the_seed_of_the_trial_reads_its_whole_title():
    assert title_of((SEEDS / "000_2aed18d9469a98ee.txt").read_text(encoding="utf-8")) == (
        "US AND AZERBAIJAN FOCUS ON COMMON INTERESTS RATHER THAN DISAGREEMENTS"
    )


def test_lines_in_other_cases_are_not_joined():
    assert title_of("Azerbaijan American Priorities\nAZERBAIJAN ESTABLISHED TIES") == (
        "Azerbaijan American Priorities"
    )
    assert title_of("A HEADLINE\nThe article begins.") == "A HEADLINE"
    assert title_of("A HEADLINE:\nA SUBTITLE") == "A HEADLINE"


def test_a_joined_title_too_long_ends_in_an_ellipsis_at_a_word():
    text = "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE\n" + "THIRTEEN FOURTEEN " * 3
    title = title_of(text)
    assert title is not None and title.endswith("…") and len(title) <= MAX_TITLE_CHARS + 1
    assert title.startswith("ONE TWO") and not title.removesuffix("…").endswith(" ")
    assert title.removesuffix("…").split()[-1] in {"THIRTEEN", "FOURTEEN"}  # a whole word
