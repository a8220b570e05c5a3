"""What the learner is shown of a difference: only what matters for the verdict."""

from __future__ import annotations

from caucasusquiz.commands.plain_study import describe_diff
from caucasusquiz.study.answers import check_typed, meaningful_diff


def test_case_and_dash_differences_are_not_marked():
    check = check_typed("woodrow wilsen", "Woodrow Wilson")
    assert describe_diff(check.diff) == "Woodrow Wils(e → o)n"
    shown = meaningful_diff(check.diff)
    assert "".join(s.text for s in shown if s.kind != "extra") == "Woodrow Wilson"


def test_a_missing_first_name_is_shown_as_missing():
    check = check_typed("Wilsen", "Woodrow Wilson")
    assert describe_diff(check.diff) == "(nothing → Woodrow )Wils(e → o)n"


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
