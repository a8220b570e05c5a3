"""What the learner is shown of a difference: only what matters for the verdict."""

from __future__ import annotations

from caucasusquiz.commands.plain_study import describe_diff
from caucasusquiz.study.answers import check_typed, meaningful_diff


def test_case_and_dash_differences_are_not_marked():
    check = check_typed("woodrow wilsen", "Woodrow Wilson")
    # Line mode reads whole words: "Wils(e → o)n" cannot be spoken by a screen reader.
    assert describe_diff(check.diff) == "Woodrow (wilsen → Wilson)"
    shown = meaningful_diff(check.diff)
    assert "".join(s.text for s in shown if s.kind != "extra") == "Woodrow Wilson"


def test_a_missing_first_name_is_shown_as_missing():
    check = check_typed("Minsk Group", "OSCE Minsk Group")
    assert describe_diff(check.diff) == "(nothing → OSCE) Minsk Group"


# New-user trial 6: "the military operation" for "... in Karabakh" was read aloud as
# "the(nothing →  Karabakh) military operation": a misplaced gap, "in" lost, two spaces.
def test_missing_words_at_the_end_are_shown_at_the_end_whole():
    check = check_typed("the military operation", "the military operation in Karabakh")
    assert describe_diff(check.diff) == "the military operation (nothing → in Karabakh)"


def test_a_missing_word_in_the_middle_is_shown_in_place():
    check = check_typed("Partnership Peace", "Partnership for Peace")
    assert describe_diff(check.diff) == "Partnership (nothing → for) Peace"
    check = check_typed("OSCE Group", "OSCE Minsk Group")
    assert describe_diff(check.diff) == "OSCE (nothing → Minsk) Group"


def test_a_typo_is_read_as_the_whole_word_between_dashes():
    check = check_typed("Baku-Tblisi-Ceyhan", "Baku–Tbilisi–Ceyhan")
    assert describe_diff(check.diff) == "Baku–(Tblisi → Tbilisi)–Ceyhan"
    check = check_typed("Trans Caspian Pipeline", "Trans-Caspian Gas Pipeline")
    assert describe_diff(check.diff) == "Trans-Caspian (nothing → Gas) Pipeline"


def test_an_extra_word_is_shown_whole():
    check = check_typed("Baku–Tbilisi–Ceyhan pipeline", "Baku–Tbilisi–Ceyhan")
    assert describe_diff(check.diff) == "Baku–Tbilisi–Ceyhan (pipeline → nothing)"


def test_yours_shows_exactly_what_was_typed():
    # "yours:" showed "Woodrow Wilsen" (re-capitalised from the answer) for "woodrow wilsen".
    check = check_typed("woodrow wilsen", "Woodrow Wilson")
    typed_side = meaningful_diff(check.diff, "typed")
    assert "".join(s.text for s in typed_side if s.kind != "missing") == "woodrow wilsen"
    assert [s.text for s in typed_side if s.kind == "extra"] == ["e"]


def test_the_app_draws_yours_as_typed():
    from caucasusquiz.ui.widgets.card_text import typed_with_mistakes

    check = check_typed("baku–TBILISI-ceyhen", "Baku–Tbilisi–Ceyhan")
    assert typed_with_mistakes(check.diff).plain == "baku–TBILISI-ceyhen"


def test_a_leading_article_is_never_read_as_a_difference():
    check = check_typed("military operation in Karabak", "the military operation in Karabakh")
    assert describe_diff(check.diff) == "the military operation in (Karabak → Karabakh)"
