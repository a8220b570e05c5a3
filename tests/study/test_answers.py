"""Answer checking: lenient where the fact is the same, strict where it is not."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
from collections import Counter

import pytest

from caucasusquiz.study.answers import (
    TRUE_FALSE_OPTIONS,
    AnswerCheck,
    DiffSegment,
    Rating,
    Verdict,
    check_option,
    check_typed,
    choice_options,
    fast_answer_seconds,
    normalize,
    parse_option,
    suggest_rating,
)

# ---------------------------------------------------------------------------------------
# normalize
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Woodrow Wilson", "woodrow wilson"),
        ("  WOODROW   wilson ", "woodrow wilson"),
        ("İlham Aliyev", "ilham aliyev"),
        ("ılham alıyev", "ilham aliyev"),
        ("Heydər Əliyev", "heyder eliyev"),
        ("Şuşa Ağdam Gəncə Çökə Üzür", "susa agdam gence coke uzur"),
        ("Zürich", "zurich"),
        ("Baku–Tbilisi–Ceyhan", "baku tbilisi ceyhan"),
        ("Baku—Tbilisi-Ceyhan", "baku tbilisi ceyhan"),
        ("U.S.", "us"),
        ("U. S.", "us"),
        ("Washington, D.C.", "washington dc"),
        ("Azerbaijan's", "azerbaijans"),
        ("the Madrid Principles", "madrid principles"),
        ("A third", "1/3"),
        ("An embassy", "embassy"),
        ("The", "the"),  # an article alone is kept, not emptied
        ("six", "6"),
        ("twelve", "12"),
        ("twenty-one", "21"),
        ("one hundred", "100"),
        ("a hundred", "100"),
        ("one hundred and five", "105"),
        ("nineteen ninety-two", "1992"),
        ("97,000", "97000"),
        ("10,000,000", "10000000"),
        ("40 percent", "40%"),
        ("40 per cent", "40%"),
        ("40%", "40%"),
        ("40 %", "40%"),
        ("forty percent", "40%"),
        ("$10 million", "10000000 dollars"),
        ("10 million dollars", "10000000 dollars"),
        ("$10,000,000", "10000000 dollars"),
        ("US$10m", "10000000 dollars"),
        ("1.5 billion", "1500000000"),
        ("one-third", "1/3"),
        ("1/3", "1/3"),
        ("1 / 3", "1/3"),
        ("⅓", "1/3"),
        ("two thirds", "2/3"),
        ("12/100", "12/100"),
        ("12 out of 100", "12/100"),
        ("28th", "28th"),
        ("twenty-eighth", "28th"),
        ("first", "1st"),
        ("22nd", "22nd"),
        ("March 6, 1992", "march 6 1992"),
        ("6 March 1992", "march 6 1992"),
        ("6 Mar 1992", "march 6 1992"),
        ("Mar. 6, 1992", "march 6 1992"),
        ("1992-03-06", "march 6 1992"),
        ("March 6th, 1992", "march 6 1992"),
        ("the sixth of March 1992", "march 6 1992"),
        ("Sept 11, 2001", "september 11 2001"),
        ("March 1992", "march 1992"),
        ("may", "may"),  # a bare abbreviation-like word is not a month
        ("Section 907", "section 907"),
        ("Partnership & Peace", "partnership and peace"),
        ("—", ""),
    ],
)
def test_normalize(text: str, canonical: str):
    assert normalize(text) == canonical


# ---------------------------------------------------------------------------------------
# check_typed: right, almost, wrong
# ---------------------------------------------------------------------------------------

RIGHT = [
    # (answer, typed)
    ("Woodrow Wilson", "Woodrow Wilson"),
    ("Woodrow Wilson", "woodrow wilson"),
    ("Woodrow Wilson", "  WOODROW  WILSON  "),
    ("Woodrow Wilson", "President Woodrow Wilson"),
    ("Woodrow Wilson", "Wilson, Woodrow"),
    ("1992", "1992"),
    ("1992", "in 1992"),
    ("1992", "nineteen ninety-two"),
    ("March 16, 1992", "March 16, 1992"),
    ("March 16, 1992", "16 March 1992"),
    ("March 16, 1992", "16 Mar 1992"),
    ("March 16, 1992", "Mar. 16, 1992"),
    ("March 16, 1992", "1992-03-16"),
    ("March 16, 1992", "March 16th, 1992"),
    ("March 16, 1992", "the 16th of March, 1992"),
    ("March 16, 1992", "on March 16 1992"),
    ("March 16, 1992", "march sixteenth 1992"),
    ("Section 907", "section 907"),
    ("Section 907", "Section-907"),
    ("Freedom Support Act", "the freedom support act"),
    ("OSCE Minsk Group", "osce minsk group"),
    ("OSCE Minsk Group", "O.S.C.E. Minsk Group"),
    ("Baku–Tbilisi–Ceyhan", "Baku-Tbilisi-Ceyhan"),
    ("Baku–Tbilisi–Ceyhan", "Baku Tbilisi Ceyhan"),
    ("Baku–Tbilisi–Ceyhan", "baku—tbilisi—ceyhan"),
    ("İlham Aliyev", "Ilham Aliyev"),
    ("İlham Aliyev", "ilham aliyev"),
    ("İlham Aliyev", "İlham Əliyev"),
    ("Heydar Aliyev", "Heydər Əliyev"),
    ("Heydər Əliyev", "Heydar Aliyev"),
    ("Heydər Əliyev", "Heyder Eliyev"),
    ("53%", "53%"),
    ("53%", "53 percent"),
    ("53%", "53 per cent"),
    ("53%", "fifty-three percent"),
    ("53%", "about 53%"),
    ("40 percent", "40%"),
    ("40 percent", "forty per cent"),
    ("12/100", "12 / 100"),
    ("12/100", "12 out of 100"),
    ("$10 million", "$10 million"),
    ("$10 million", "10 million dollars"),
    ("$10 million", "$10,000,000"),
    ("$10 million", "ten million dollars"),
    ("$10 million", "US$10m"),
    ("$10 million", "USD 10 million"),
    ("six", "6"),
    ("six", "Six."),
    ("6", "six"),
    ("one-third", "1/3"),
    ("one-third", "a third"),
    ("one-third", "one third"),
    ("one-third", "⅓"),
    ("28th", "twenty-eighth"),
    ("twenty-first", "21st"),
    ("97,000", "97000"),
    ("97,000", "ninety-seven thousand"),
    ("September 11, 2001", "11 September 2001"),
    ("September 11, 2001", "Sept. 11, 2001"),
    ("September 11, 2001", "2001-09-11"),
    ("Partnership for Peace", "partnership-for-peace"),
    ("Partnership for Peace", "Partnership for Peace."),
    ("U.S. Agency for International Development (USAID)", "USAID"),
    ("U.S. Agency for International Development (USAID)", "usaid"),
    ("U.S. Agency for International Development (USAID)", "US Agency for International Development"),
    ("U.S. Agency for International Development (USAID)", "U. S. Agency for International Development"),
    (
        "U.S. Agency for International Development (USAID)",
        "U.S. Agency for International Development (USAID)",
    ),
    ("the Madrid Principles", "Madrid Principles"),
    ("the Madrid Principles", "the madrid principles"),
    ("Nagorno-Karabakh", "Nagorno Karabakh"),
    ("Nagorno-Karabakh", "nagorno–karabakh"),
    ("Nagorno-Karabakh", "NagornoKarabakh"),
    ("Cavid Veliev", "cavid veliev"),
    ("Zurich accords", "Zürich Accords"),
    ("Zurich accords", "the Zurich Accords"),
    ("Baku", "baku"),
    ("Baku", "BAKU!"),
    ("Baku", "Bakü"),  # accents never matter
    ("Washington, D.C.", "Washington DC"),
    ("Washington, D.C.", "washington d.c."),
]


@pytest.mark.parametrize(("answer", "typed"), RIGHT)
def test_right(answer: str, typed: str):
    check = check_typed(typed, answer)
    assert check.verdict is Verdict.RIGHT, check
    assert check.matched is not None
    assert check.expected == answer


ALMOST = [
    # (answer, typed) — the fact is known, the form is off; shown with the difference
    ("Woodrow Wilson", "Woodrow Wilsen"),  # small typo
    ("Woodrow Wilson", "Woodrow Willson"),
    ("Woodrow Wilson", "Wodrow Wilson"),
    ("Woodrow Wilson", "Wilson"),  # surname alone
    ("Woodrow Wilson", "wilson"),
    ("Woodrow Wilson", "President Wilson"),
    ("Woodrow Wilson", "Wilsen"),  # surname with a typo
    ("Woodrow Wilson", "Wilson Woodrow"),  # reversed without the comma of an index
    ("İlham Aliyev", "Aliyev"),  # the surname could be his father's: almost, not right
    ("İlham Aliyev", "President Aliyev"),
    ("İlham Aliyev", "Ilham Aliev"),
    ("İlham Aliyev", "Aliev"),
    ("Heydar Aliyev", "Aliyev"),
    ("Heydar Aliyev", "Heydar Aliev"),
    ("Cavid Veliev", "Cauid Veliev"),
    ("Cavid Veliev", "Veliev"),
    ("Cavid Veliev", "Veliyev"),
    ("Section 907", "Sectoin 907"),  # the number is right, the word misspelt
    ("Section 907", "907"),  # the number without its word
    ("53%", "53"),  # without the unit
    ("$10 million", "10 million"),
    ("28th", "28"),
    ("Freedom Support Act", "Freedom Suport Act"),
    ("Freedom Support Act", "Support Act"),  # leading qualifier left out
    ("OSCE Minsk Group", "Minsk Group"),
    ("OSCE Minsk Group", "OCSE Minsk Group"),
    ("Partnership for Peace", "Partnership Peace"),  # small word left out
    ("Partnership for Peace", "Partnership of Peace"),
    ("U.S. Agency for International Development (USAID)", "Agency for International Development"),
    ("U.S. Agency for International Development (USAID)", "USIAD"),
    ("the Madrid Principles", "Madrid Principle"),
    ("Nagorno-Karabakh", "Nagorno-Karabagh"),
    ("Nagorno-Karabakh", "Nagorny Karabakh"),
    ("Baku–Tbilisi–Ceyhan", "Baku-Tbilisi-Cehyan"),
    ("Baku–Tbilisi–Ceyhan", "Baku-Tbilisi-Ceyhan pipeline"),  # the name and what it names
    ("Zurich accords", "Zurich acords"),
    ("Baku", "Bakı"),
    ("Baku", "Bkau"),
    ("Washington, D.C.", "Washington"),
    ("Washington, D.C.", "Washingon DC"),
    ("the Madrid Principles", "Madird Principles"),
    # Initials show which body is meant, not that the learner can name it.
    ("World Trade Organization", "WTO"),
    ("North Atlantic Treaty Organization", "nato"),
    ("Freedom Support Act", "FSA"),
    ("Baku–Tbilisi–Ceyhan", "BTC"),
    # One rule for every name: small words skipped or kept, in any case; initials such as
    # U.S. give their letters; a trailing common noun ("pipeline") may be left off or typed.
    ("Partnership for Peace", "PfP"),
    ("Partnership for Peace", "PFP"),
    ("Partnership for Peace", "P.f.P."),
    ("Partnership for Peace", "PP"),
    ("the Baku–Tbilisi–Ceyhan pipeline", "BTC"),
    ("the Baku–Tbilisi–Ceyhan pipeline", "BTC pipeline"),
    ("U.S. Agency for International Development", "USAID"),
    ("Organization for Security and Co-operation in Europe", "OSCE"),
    # The head noun of a two-word term: the kind of thing is known, the word that makes it
    # the fact is shown as missing.
    ("secular democracy", "democracy"),
    ("secular democracy", "a Democracy"),
    ("economic sanctions", "sanctions"),
]


@pytest.mark.parametrize(("answer", "typed"), ALMOST)
def test_almost(answer: str, typed: str):
    check = check_typed(typed, answer)
    assert check.verdict is Verdict.ALMOST, check
    assert check.matched is not None
    assert check.diff, "an almost answer always shows its difference"


WRONG = [
    # (answer, typed) — a different fact, however close the letters
    ("Partnership for Peace", "PfD"),  # initials of another name
    ("the Baku–Tbilisi–Ceyhan pipeline", "BTC railway"),
    ("Woodrow Wilson", "WW"),  # never a person's initials
    ("1992", "1993"),  # a wrong year is a wrong fact
    ("1992", "1982"),
    ("1992", "92"),
    ("1992", "nineteen ninety-three"),
    ("March 16, 1992", "March 17, 1992"),
    ("March 16, 1992", "March 16, 1993"),
    ("March 16, 1992", "May 16, 1992"),
    ("March 16, 1992", "June 16, 1992"),
    ("March 16, 1992", "March 1992"),
    ("March 16, 1992", "1992"),
    ("March 16, 1992", "16 1992"),
    ("March 16, 1992", "Marhc 16, 1992"),  # dates are never almost
    ("June 16, 1992", "July 16, 1992"),
    ("September 11, 2001", "September 11"),
    ("Section 907", "Section 908"),
    ("Section 907", "Section 9O7"),
    ("Section 907", "section"),
    ("53%", "54%"),
    ("53%", "5.3%"),
    ("53%", "35%"),
    ("40 percent", "fourteen percent"),
    ("12/100", "13/100"),
    ("$10 million", "$10 billion"),
    ("$10 million", "$1 million"),
    ("$10 million", "10"),
    ("six", "seven"),
    ("six", "sixe"),  # a misspelt number word is not a number
    ("six", "16"),
    ("one-third", "one-fourth"),
    ("one-third", "33%"),
    ("one-third", "third"),
    ("28th", "29th"),
    ("Woodrow Wilson", "Theodore Roosevelt"),
    ("Woodrow Wilson", "Woodrow"),  # a given name alone is not how a person is named
    ("Woodrow Wilson", "Wilson Woodrow Smith"),
    ("İlham Aliyev", "Heydar Aliyev"),  # father and son: never confused leniently
    ("Heydar Aliyev", "Ilham Aliyev"),
    ("İlham Aliyev", "Ilham"),
    ("Freedom Support Act", "Freedom Support"),  # the head noun left out
    ("Freedom Support Act", "Freedom Act"),  # a middle word left out: another law
    ("OSCE Minsk Group", "Minsk"),
    ("OSCE Minsk Group", "OSCE"),
    ("Baku–Tbilisi–Ceyhan", "Baku-Tbilisi-Erzurum"),
    ("Baku–Tbilisi–Ceyhan", "Baku Tbilisi"),
    ("Baku–Tbilisi–Ceyhan", "Nabucco"),
    ("Partnership for Peace", "Partnership"),
    ("the Madrid Principles", "Madrid"),
    ("the Madrid Principles", "Minsk Principles"),
    ("Nagorno-Karabakh", "Karabakh"),
    ("Zurich accords", "Zurich"),
    ("Zurich accords", "Geneva accords"),
    ("Baku", "Paku"),  # short words: a different first letter is another word
    ("Baku", "Bak Bak"),
    ("Baku", "Tbilisi"),
    ("Washington, D.C.", "New York"),
    ("Cavid Veliev", "Cavid"),
    ("US", "UK"),  # under four letters: no typos at all
    ("U.S. Agency for International Development (USAID)", "UNDP"),
    ("Woodrow Wilson", "..."),
    ("Woodrow Wilson", "WW"),  # a person's initials are not their name
    ("World Trade Organization", "WHO"),
    ("Section 907", "S"),
    ("secular democracy", "secular"),  # the modifier alone names nothing
    ("secular democracy", "theocracy"),
    ("secular democracy", "democracies"),  # the noun alone, and changed: too far
    ("the leading role", "role"),  # a short generic noun shows no knowledge
    ("strategic partnership", "partnership"),
    ("limited sovereignty", "sovereignty"),  # the missing word makes it the opposite fact
    ("unilateral sanctions", "sanctions"),
    ("anti-terrorist measures", "measures"),
    ("most favored nation", "nation"),  # two words left out
    ("Azerbaijan Democratic Republic", "Republic"),  # a proper name
]


@pytest.mark.parametrize(("answer", "typed"), WRONG)
def test_wrong(answer: str, typed: str):
    check = check_typed(typed, answer)
    assert check.verdict is Verdict.WRONG, check
    assert check.matched is None


@pytest.mark.parametrize("typed", ["", "   ", "\t\n"])
def test_empty_input_reveals(typed: str):
    check = check_typed(typed, "Woodrow Wilson", ["Wilson"])
    assert check == AnswerCheck(Verdict.REVEALED, "", "Woodrow Wilson", None, ())


@pytest.mark.parametrize(
    ("typed", "accept", "verdict", "matched"),
    [
        ("907", ["907"], Verdict.RIGHT, "907"),
        ("nine hundred seven", ["907"], Verdict.RIGHT, "907"),
        ("Wilson", ["Wilson", "President Wilson"], Verdict.RIGHT, "Wilson"),
        ("Wilsen", ["Wilson"], Verdict.ALMOST, "Woodrow Wilson"),  # the answer's rules first
        ("Thomas Woodrow Wilson", ["Thomas Woodrow Wilson"], Verdict.RIGHT, "Thomas Woodrow Wilson"),
        ("Cauid Veliev", ["Cauid Veliev"], Verdict.RIGHT, "Cauid Veliev"),
        ("Woodrow Wilson", ["Wilson"], Verdict.RIGHT, "Woodrow Wilson"),
        ("Roosevelt", ["Wilson"], Verdict.WRONG, None),
    ],
)
def test_accept_list_is_equally_right(typed: str, accept: list[str], verdict: Verdict, matched: str | None):
    answer = "Woodrow Wilson" if "Veliev" not in typed else "Cavid Veliev"
    check = check_typed(typed, answer, accept)
    assert (check.verdict, check.matched) == (verdict, matched)
    assert check.expected == answer  # the canonical answer is shown, not the accepted form


def test_parenthetical_parts_are_each_an_accepted_form():
    answer = "U.S. Agency for International Development (USAID)"
    assert check_typed("USAID", answer).matched == "USAID"
    assert check_typed("U.S. Agency for International Development", answer).matched == (
        "U.S. Agency for International Development"
    )
    assert check_typed("USAID", answer).expected == answer


def test_typed_is_stripped_but_otherwise_as_written():
    check = check_typed("  Woodrow  Wilsen ", "Woodrow Wilson")
    assert check.typed == "Woodrow  Wilsen"


def test_verdict_is_a_string():
    assert Verdict.ALMOST == "almost" and Verdict("revealed") is Verdict.REVEALED


# ---------------------------------------------------------------------------------------
# The difference shown to the learner
# ---------------------------------------------------------------------------------------


def _typed_side(diff: tuple[DiffSegment, ...]) -> str:
    return "".join(s.text for s in diff if s.kind in ("same", "extra"))


def _expected_side(diff: tuple[DiffSegment, ...]) -> str:
    return "".join(s.text for s in diff if s.kind in ("same", "missing"))


DIFF_CASES = [(answer, typed) for answer, typed in RIGHT + ALMOST + WRONG] + [
    ("Woodrow Wilson", "wOODROW wILSEN"),
    ("İlham Aliyev", "ilham aliyev"),
    ("Heydər Əliyev", "Heydar Aliyev"),
    ("Baku–Tbilisi–Ceyhan", "Baku - Tbilisi - Ceyhan"),
    ("March 16, 1992", "16/03/1992"),
    ("a", "b"),
    ("Woodrow Wilson", "x" * 200),
]


@pytest.mark.parametrize(("answer", "typed"), DIFF_CASES)
def test_diff_rebuilds_both_texts(answer: str, typed: str):
    check = check_typed(typed, answer)
    if check.verdict is Verdict.RIGHT and check.typed == check.matched:
        assert check.diff == ()
        return
    target = check.matched if check.matched is not None else _closest_shown(check, answer)
    assert _typed_side(check.diff) == check.typed
    assert _expected_side(check.diff) == target
    assert all(s.kind in ("same", "missing", "extra") and s.text for s in check.diff)
    _assert_well_formed(check.diff)


def _assert_well_formed(diff: tuple[DiffSegment, ...]) -> None:
    kinds = [s.kind for s in diff]
    assert all(a != b for a, b in itertools.pairwise(kinds)), "runs are merged"
    assert ("missing", "extra") not in set(itertools.pairwise(kinds)), "typed, then expected"


def _closest_shown(check: AnswerCheck, answer: str) -> str:
    # A wrong answer is compared with the closest accepted form: the answer or a part of it.
    shown = _expected_side(check.diff)
    assert shown in answer
    return shown


@pytest.mark.parametrize(
    ("answer", "typed", "diff"),
    [
        (
            "Woodrow Wilson",
            "Woodrow Wilsen",
            [("Woodrow Wils", "same"), ("e", "extra"), ("o", "missing"), ("n", "same")],
        ),
        ("Woodrow Wilson", "Wilson", [("Woodrow ", "missing"), ("Wilson", "same")]),
        (
            "Woodrow Wilson",
            "President Wilson",
            [("President", "extra"), ("Woodrow", "missing"), (" Wilson", "same")],
        ),
        ("1992", "1993", [("199", "same"), ("3", "extra"), ("2", "missing")]),
        (
            "Section 907",
            "Sectoin 907",
            [("Sect", "same"), ("oi", "extra"), ("io", "missing"), ("n 907", "same")],
        ),
        ("53%", "53", [("53", "same"), ("%", "missing")]),
        ("İlham Aliyev", "Heydar Aliyev", [("Heydar", "extra"), ("İlham", "missing"), (" Aliyev", "same")]),
        (
            "Woodrow Wilson",
            "Theodore Roosevelt",
            [("Theodore Roosevelt", "extra"), ("Woodrow Wilson", "missing")],
        ),
        (
            "U.S. Agency for International Development (USAID)",
            "USIAD",
            [("US", "same"), ("IA", "extra"), ("AI", "missing"), ("D", "same")],
        ),
    ],
)
def test_diff_segments(answer: str, typed: str, diff: list[tuple[str, str]]):
    assert check_typed(typed, answer).diff == tuple(DiffSegment(t, k) for t, k in diff)


FUZZ_ALPHABET = "aAbBeəƏıİşŞğüÜ19 0-–—.,'/%$()" + "\u0307\u00a0½⅓ﬁ\t"


@pytest.mark.parametrize("seed", range(40))
def test_any_input_gives_a_verdict_and_a_well_formed_diff(seed: int):
    rng = random.Random(seed)
    for _ in range(10):
        typed = "".join(rng.choices(FUZZ_ALPHABET, k=rng.randint(1, 24)))
        answer = rng.choice([a for a, _ in RIGHT] + ["".join(rng.choices(FUZZ_ALPHABET, k=8))])
        check = check_typed(typed, answer)
        assert check.typed == typed.strip()
        if check.diff:
            assert _typed_side(check.diff) == check.typed
            _assert_well_formed(check.diff)


def test_no_diff_when_typed_exactly_or_revealed():
    assert check_typed("Woodrow Wilson", "Woodrow Wilson").diff == ()
    assert check_typed("USAID", "U.S. Agency for International Development (USAID)").diff == ()
    assert check_typed("", "Woodrow Wilson").diff == ()


# ---------------------------------------------------------------------------------------
# Choice options
# ---------------------------------------------------------------------------------------

ANSWER = "Baku–Tbilisi–Ceyhan"
DISTRACTORS = ("Nabucco", "South Stream", "Trans-Adriatic")
MANY_DISTRACTORS = ("Nabucco", "South Stream", "Trans-Adriatic", "Blue Stream", "TurkStream", "Nord Stream")


def test_choice_options_are_reproducible_for_a_seed():
    first = choice_options(ANSWER, DISTRACTORS, "history/btc/3")
    assert first == choice_options(ANSWER, DISTRACTORS, "history/btc/3")
    assert first == choice_options(ANSWER, list(DISTRACTORS), "history/btc/3")


def test_choice_options_are_stable_across_processes():
    # hash() of a string is salted per process; the order must not be.
    code = (
        "from caucasusquiz.study.answers import choice_options; "
        f"print(choice_options({ANSWER!r}, {DISTRACTORS!r}, 'history/btc/3'))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    }
    assert runs == {f"{choice_options(ANSWER, DISTRACTORS, 'history/btc/3')}\n"}


def test_choice_options_differ_across_seeds_and_every_position_occurs():
    orders = [choice_options(ANSWER, DISTRACTORS, f"history/btc/{n}") for n in range(200)]
    assert len(set(orders)) > 12
    positions = Counter(order.index(ANSWER) for order in orders)
    assert set(positions) == {0, 1, 2, 3}
    assert min(positions.values()) > 20  # roughly uniform, not merely possible


@pytest.mark.parametrize("distractors", [DISTRACTORS, MANY_DISTRACTORS, ("Nabucco",), ()])
@pytest.mark.parametrize("seed", ["a", "history/btc/0", "history/btc/1", "ünïcode/ə/9"])
def test_choice_options_hold_the_answer_and_no_duplicates(distractors: tuple[str, ...], seed: str):
    options = choice_options(ANSWER, distractors, seed)
    assert options.count(ANSWER) == 1
    assert len(set(options)) == len(options)
    assert len(options) == 1 + min(3, len(distractors))
    assert set(options) - {ANSWER} <= set(distractors)


def test_choice_options_pick_at_most_shown_distractors_and_vary_the_pick():
    picks = {frozenset(choice_options(ANSWER, MANY_DISTRACTORS, f"s/{n}")) - {ANSWER} for n in range(100)}
    assert all(len(pick) == 3 for pick in picks)
    assert set().union(*picks) == set(MANY_DISTRACTORS)
    assert len(choice_options(ANSWER, MANY_DISTRACTORS, "s", shown=5)) == 6
    assert choice_options(ANSWER, MANY_DISTRACTORS, "s", shown=0) == (ANSWER,)


def test_choice_options_drop_distractors_that_repeat_the_answer_or_each_other():
    options = choice_options(
        "Baku–Tbilisi–Ceyhan", ["Baku-Tbilisi-Ceyhan", "Nabucco", "nabucco", " Nabucco "], "seed"
    )
    assert sorted(options) == ["Baku–Tbilisi–Ceyhan", "Nabucco"]


def test_true_false_options_are_fixed():
    assert TRUE_FALSE_OPTIONS == ("True", "False")


# ---------------------------------------------------------------------------------------
# check_option
# ---------------------------------------------------------------------------------------


def test_check_option_right_wrong_and_revealed():
    options = ("Nabucco", ANSWER, "South Stream", "Trans-Adriatic")
    right = check_option(1, options, ANSWER, typed="2")
    assert right == AnswerCheck(Verdict.RIGHT, "2", ANSWER, ANSWER, (), by_option=True)
    wrong = check_option(0, options, ANSWER, typed=" a ")
    assert wrong == AnswerCheck(Verdict.WRONG, "a", ANSWER, None, (), by_option=True)
    revealed = check_option(None, options, ANSWER)
    assert revealed == AnswerCheck(Verdict.REVEALED, "", ANSWER, None, (), by_option=True)


def test_check_option_without_typed_text_records_the_option():
    options = ("Nabucco", ANSWER)
    assert check_option(0, options, ANSWER).typed == "Nabucco"


@pytest.mark.parametrize(
    ("answer", "index", "verdict"),
    [
        ("True", 0, Verdict.RIGHT),
        ("True", 1, Verdict.WRONG),
        ("true", 0, Verdict.RIGHT),
        ("false", 1, Verdict.RIGHT),
        ("False", 0, Verdict.WRONG),
    ],
)
def test_check_option_true_false(answer: str, index: int, verdict: Verdict):
    check = check_option(index, TRUE_FALSE_OPTIONS, answer)
    assert check.verdict is verdict
    assert check.expected in TRUE_FALSE_OPTIONS


def test_check_option_matches_the_answer_leniently():
    options = ("Nabucco", "Baku-Tbilisi-Ceyhan")
    assert check_option(1, options, ANSWER).verdict is Verdict.RIGHT


@pytest.mark.parametrize("index", [-1, 4, 99])
def test_check_option_refuses_an_index_outside_the_options(index: int):
    with pytest.raises(IndexError):
        check_option(index, ("a", "b", "c", "d"), "a")


# ---------------------------------------------------------------------------------------
# parse_option
# ---------------------------------------------------------------------------------------

OPTIONS = ("Nabucco", "Baku–Tbilisi–Ceyhan", "South Stream", "Trans-Adriatic")
YEARS = ("1991", "1992", "1993", "2001")


@pytest.mark.parametrize(
    ("text", "options", "index"),
    [
        ("1", OPTIONS, 0),
        ("4", OPTIONS, 3),
        (" 2 ", OPTIONS, 1),
        ("2.", OPTIONS, 1),
        ("2)", OPTIONS, 1),
        ("(3)", OPTIONS, 2),
        ("[3]", OPTIONS, 2),
        ("a", OPTIONS, 0),
        ("b", OPTIONS, 1),
        ("B", OPTIONS, 1),
        ("b)", OPTIONS, 1),
        ("(b)", OPTIONS, 1),
        ("D.", OPTIONS, 3),
        ("Nabucco", OPTIONS, 0),
        ("nabucco", OPTIONS, 0),
        ("Baku-Tbilisi-Ceyhan", OPTIONS, 1),
        ("baku tbilisi ceyhan", OPTIONS, 1),
        ("South Stream", OPTIONS, 2),
        ("trans adriatic", OPTIONS, 3),
        ("Nab", OPTIONS, 0),  # unique prefix of 3+ letters
        ("sou", OPTIONS, 2),
        ("Baku", OPTIONS, 1),
        ("Nabuco", OPTIONS, 0),  # almost-match
        ("Soutth Stream", OPTIONS, 2),
        ("1992", YEARS, 1),  # the option's text, not a position
        ("2", YEARS, 1),
        ("b", YEARS, 1),
        ("t", TRUE_FALSE_OPTIONS, 0),
        ("T", TRUE_FALSE_OPTIONS, 0),
        ("true", TRUE_FALSE_OPTIONS, 0),
        ("True", TRUE_FALSE_OPTIONS, 0),
        ("yes", TRUE_FALSE_OPTIONS, 0),
        ("y", TRUE_FALSE_OPTIONS, 0),
        ("1", TRUE_FALSE_OPTIONS, 0),
        ("a", TRUE_FALSE_OPTIONS, 0),
        ("f", TRUE_FALSE_OPTIONS, 1),
        ("F", TRUE_FALSE_OPTIONS, 1),
        ("false", TRUE_FALSE_OPTIONS, 1),
        ("no", TRUE_FALSE_OPTIONS, 1),
        ("n", TRUE_FALSE_OPTIONS, 1),
        ("2", TRUE_FALSE_OPTIONS, 1),
        ("b", TRUE_FALSE_OPTIONS, 1),
        ("fals", TRUE_FALSE_OPTIONS, 1),
    ],
)
def test_parse_option(text: str, options: tuple[str, ...], index: int):
    assert parse_option(text, options) == index


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("", OPTIONS),
        ("   ", OPTIONS),
        ("0", OPTIONS),  # positions start at 1
        ("5", OPTIONS),
        ("e", OPTIONS),
        ("z", OPTIONS),
        ("-1", OPTIONS),
        ("12", OPTIONS),
        ("Blue Stream", OPTIONS),
        ("qwerty", OPTIONS),
        ("??", OPTIONS),
        ("St", OPTIONS),  # a prefix under three letters is too little to go on
        ("Stream", OPTIONS),  # not a prefix
        ("1994", YEARS),
        ("199", YEARS),  # a number is never completed by guessing
        ("5", YEARS),
        ("3", TRUE_FALSE_OPTIONS),
        ("c", TRUE_FALSE_OPTIONS),
        ("maybe", TRUE_FALSE_OPTIONS),
        ("yes", OPTIONS),  # true/false words only for true/false options
        ("1", ()),
    ],
)
def test_parse_option_does_not_guess(text: str, options: tuple[str, ...]):
    assert parse_option(text, options) is None


def test_parse_option_refuses_ambiguous_input():
    # "2" is the second option's position and the third option's text.
    assert parse_option("2", ("1", "3", "2")) is None
    assert parse_option("a", ("b", "a")) is None
    # A prefix or an almost-match shared by two options.
    assert parse_option("South", ("South Stream", "South Caucasus", "Nabucco")) is None
    assert parse_option("Aliyev", ("Heydar Aliyev", "İlham Aliyev", "Abulfaz Elchibey")) is None


def test_parse_option_by_surname_when_it_is_unique():
    assert parse_option("Elchibey", ("Heydar Aliyev", "Abulfaz Elchibey")) == 1


# ---------------------------------------------------------------------------------------
# Suggested rating
# ---------------------------------------------------------------------------------------


def _typed_check(verdict: Verdict, typed: str = "1992") -> AnswerCheck:
    return AnswerCheck(verdict, typed, "1992", "1992" if verdict is Verdict.RIGHT else None, ())


def _option_check(verdict: Verdict) -> AnswerCheck:
    return AnswerCheck(verdict, "2", "True", None, (), by_option=True)


@pytest.mark.parametrize(
    ("check", "seconds", "rating"),
    [
        (_typed_check(Verdict.WRONG), 1.0, Rating.AGAIN),
        (_typed_check(Verdict.REVEALED), 1.0, Rating.AGAIN),
        (_typed_check(Verdict.REVEALED), None, Rating.AGAIN),
        (_typed_check(Verdict.ALMOST), 1.0, Rating.HARD),
        (_typed_check(Verdict.ALMOST), 60.0, Rating.HARD),
        (_typed_check(Verdict.RIGHT), 2.0, Rating.EASY),
        (_typed_check(Verdict.RIGHT), 4.2, Rating.EASY),  # 3 s + 4 characters × 0.3 s
        (_typed_check(Verdict.RIGHT), 4.3, Rating.GOOD),
        (_typed_check(Verdict.RIGHT), 30.0, Rating.GOOD),
        (_typed_check(Verdict.RIGHT), None, Rating.GOOD),
        (_typed_check(Verdict.RIGHT), -1.0, Rating.GOOD),
        (_typed_check(Verdict.RIGHT), float("nan"), Rating.GOOD),
        (
            _typed_check(Verdict.RIGHT, "U.S. Agency for International Development"),
            12.0,
            Rating.EASY,
        ),  # a long answer takes long to type, not to recall
        (_typed_check(Verdict.RIGHT, "U.S. Agency for International Development"), 17.0, Rating.GOOD),
        (_option_check(Verdict.RIGHT), 4.0, Rating.EASY),
        (_option_check(Verdict.RIGHT), 5.0, Rating.EASY),
        (_option_check(Verdict.RIGHT), 6.0, Rating.GOOD),
        (_option_check(Verdict.WRONG), 1.0, Rating.AGAIN),
        (_option_check(Verdict.REVEALED), 1.0, Rating.AGAIN),
    ],
)
def test_suggest_rating(check: AnswerCheck, seconds: float | None, rating: Rating):
    assert suggest_rating(check, seconds) is rating


def test_fast_limit_grows_with_the_typed_answer():
    short = fast_answer_seconds(_typed_check(Verdict.RIGHT, "1992"))
    long = fast_answer_seconds(_typed_check(Verdict.RIGHT, "Partnership for Peace"))
    assert 3.0 < short < long
    assert fast_answer_seconds(_option_check(Verdict.RIGHT)) == 5.0


def test_rating_numbers_are_fsrs_numbers():
    assert [int(r) for r in Rating] == [1, 2, 3, 4]
    assert [r.name for r in Rating] == ["AGAIN", "HARD", "GOOD", "EASY"]


# ---------------------------------------------------------------------------------------
# Hygiene and speed
# ---------------------------------------------------------------------------------------


def test_importing_answers_does_not_import_textual():
    code = (
        "import sys, caucasusquiz.study.answers; "
        "sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules)"
        " else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(
    "typed", ["9" * 5000, "9" * 5000 + "th", "1" * 4400 + " million", "$" + "9" * 5000 + "k"]
)
def test_a_number_of_thousands_of_digits_is_just_wrong(typed: str):
    # Python refuses int → str beyond 4,300 digits: this used to be a traceback.
    assert check_typed(typed, "1992").verdict is Verdict.WRONG
    assert check_typed(typed, typed).verdict is Verdict.RIGHT
    assert parse_option(typed, ["1992", "1993"]) is None


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("21/01/2022", "January 21, 2022"),
        ("21.1.2022", "January 21, 2022"),
        ("21-01-2022", "Jan 21, 2022"),
        ("06/03/1992", "March 6, 1992"),  # day first when both could be the month
        ("01/21/2022", "January 21, 2022"),  # month first only when it cannot be day first
    ],
)
def test_numeric_dates_are_read_day_first(typed: str, answer: str):
    assert check_typed(typed, answer).verdict is Verdict.RIGHT


def test_a_numeric_date_is_not_a_fraction_and_a_wrong_one_stays_wrong():
    assert check_typed("2/3/2022", "February 3, 2022").verdict is Verdict.WRONG
    assert check_typed("22/01/2022", "January 21, 2022").verdict is Verdict.WRONG


@pytest.mark.parametrize(
    ("typed", "verdict"), [("12", Verdict.ALMOST), ("13", Verdict.WRONG), ("12/100", Verdict.RIGHT)]
)
def test_a_score_without_its_scale_is_almost(typed: str, verdict: Verdict):
    # "12" for a score of 12/100 is the right number without what it is out of, like "53" for "53%".
    assert check_typed(typed, "12/100").verdict is verdict


def test_a_number_is_not_a_fraction_without_its_denominator():
    assert check_typed("1", "1/2").verdict is Verdict.WRONG
    assert check_typed("3", "3/4").verdict is Verdict.WRONG


def test_a_typo_of_the_full_name_is_as_good_as_the_surname_alone():
    # With "Trump" accepted, "Donld Trump" was only almost: it shows more than the surname does.
    assert check_typed("Trump", "Donald Trump", ["Trump"]).verdict is Verdict.RIGHT
    assert check_typed("Donld Trump", "Donald Trump", ["Trump"]).verdict is Verdict.RIGHT
    # Without the surname accepted, both are almost.
    assert check_typed("Trump", "Donald Trump").verdict is Verdict.ALMOST
    assert check_typed("Donld Trump", "Donald Trump").verdict is Verdict.ALMOST


def test_a_slip_in_an_accepted_surname_stays_almost():
    # New-user trial 7: with `accept: [Thane]`, "Mirela Thayne" was right, the typo never shown.
    typed = check_typed("Mirela Thayne", "Mirela Thane", ["Thane", "President Thane"])
    assert typed.verdict is Verdict.ALMOST
    assert check_typed("Mirela Thanxe", "Mirela Thane", ["Thane"]).verdict is Verdict.ALMOST
    assert check_typed("Thayne", "Mirela Thane", ["Thane"]).verdict is Verdict.ALMOST
    # The accepted surname typed right, with a slip in the given name, is still right.
    assert check_typed("Mirla Thane", "Mirela Thane", ["Thane"]).verdict is Verdict.RIGHT
