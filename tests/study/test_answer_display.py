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
