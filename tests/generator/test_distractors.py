"""Distractors are of the answer's fine kind and a plausible scale, from the corpus, never the answer."""

from __future__ import annotations

from caucasusquiz.generator.distractors import Pool, distractors
from caucasusquiz.generator.entities import find_mentions
from caucasusquiz.generator.kinds import fine_kind

POOL_TEXT = (
    "Senator Richard Lugar, Senator Sam Brownback and Senator John McCain met Congressman "
    "Frank Pallone, Congressman Adam Schiff and Congressman Brad Sherman, and President Joe "
    "Biden. The Freedom Support Act, the Jackson–Vanik Act and the Trade Act were cited, as were "
    "the Kars Treaty, the Moscow Treaty and the Baku–Tbilisi–Ceyhan Pipeline."
)


def _pool() -> Pool:
    pool = Pool()
    pool.add(find_mentions(POOL_TEXT), POOL_TEXT)
    return pool


def _options(text: str, answer: str) -> list[str]:
    mention = next(m for m in find_mentions(text) if m.text == answer)
    return distractors(mention, answer, text, _pool(), fine_kind(mention, text))


def test_a_congressman_gets_congressmen_not_senators_or_presidents():
    options = _options("Congressman Chris Smith opposed the waiver.", "Chris Smith")
    assert sorted(options) == ["Adam Schiff", "Brad Sherman", "Frank Pallone"]


def test_a_law_gets_laws_and_never_treaties():
    options = _options("In 1992 Congress passed the Foreign Aid Act.", "Foreign Aid Act")
    assert options and all(o.endswith("Act") for o in options)


def test_numbers_are_at_a_plausible_scale_not_plus_minus_two():
    options = _options("The pipeline is 1,768 kilometres long.", "1,768")
    values = sorted(int(o.replace(",", "")) for o in options)
    assert len(values) == 3
    assert all(abs(v - 1768) >= 300 for v in values)


def test_years_are_spread_and_never_in_the_future_of_the_corpus():
    options = _options("In 1992, Congress adopted Section 907.", "1992")
    assert len(options) == 3 and all(abs(int(o) - 1992) >= 3 for o in options)


def test_no_distractor_when_no_name_of_the_kind_exists():
    assert _options("The Zangezur Corridor was discussed.", "Zangezur Corridor") == []


def test_people_offered_are_of_the_cards_era():
    pool = Pool()
    for text in (
        "In 1919 President Woodrow Wilson met the delegation.",
        "In 1918 President Theodore Roosevelt spoke, and in 1920 Senator Henry Lodge and Senator William Borah voted.",
        "In 2009 President Barack Obama and in 2017 President Donald Trump spoke.",
    ):
        pool.add(find_mentions(text), text)
    text = "In 1919 President Woodrow Wilson met the delegation."
    mention = next(m for m in find_mentions(text) if m.text == "Woodrow Wilson")
    options = distractors(mention, "Woodrow Wilson", text, pool, "person")
    assert "Barack Obama" not in options and "Donald Trump" not in options


def test_years_offered_after_following_an_event_are_not_long_before_it():
    from caucasusquiz.generator.distractors import Pool, distractors
    from caucasusquiz.generator.entities import find_mentions

    prompt = "Lapland established relations with Vestia in 1992, following its independence from the union."
    (year,) = [m for m in find_mentions(prompt) if m.kind == "year"]
    pool = Pool(latest_year=2020)
    options = distractors(year, "1992", prompt, pool, "year:year")
    assert options and all(int(o) >= 1989 for o in options), options


def test_a_secretary_with_too_few_of_his_kind_gets_other_officials_never_senators():
    text = (
        "In 2011, Secretary of the Navy Karl Vorst met Azerbaijani officials. In 2012, Secretary "
        "of the Navy Anna Brill met them again. In 2010, Adviser Tom Vester and Adviser Ole Rask met "
        "them. In 2011, Senator Eva Lund and Senator Per Holm visited."
    )
    pool = Pool()
    pool.add(find_mentions(text), text)
    prompt = "In 2011, Secretary of the Navy Karl Vorst met Azerbaijani officials."
    mention = next(m for m in find_mentions(prompt) if m.text == "Karl Vorst")
    options = distractors(mention, "Karl Vorst", prompt, pool, fine_kind(mention, prompt))
    assert options[0] == "Anna Brill"  # of its own kind first
    assert set(options[1:]) <= {"Tom Vester", "Ole Rask"} and len(options) == 3
