"""The splitter knows this text's abbreviations; entities know kinds, formats and variants."""

from __future__ import annotations

import pytest

from caucasusquiz.generator.entities import find_mentions
from caucasusquiz.generator.questions import lemma, question_for
from caucasusquiz.generator.sentences import split_sentences


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "In January 2008, commenting on a trip by Sen. Richard Lugar, R-Ind., UPI wrote it.",
        "President George W. Bush waived the section in January 2002.",
        "Deputy Assistant Secretary Thomas O. Melia noted it in 2014.",
        "U.S. President Donald Trump sent six letters.",
        "The Embassy of Azerbaijan is located in Washington, D.C. The end.",
    ],
)
def test_abbreviations_and_initials_do_not_end_sentences(text: str):
    parts = split(text)
    assert parts[0].startswith(text.split()[0]) and "Sen. Richard" not in parts[-1][:0]
    assert len(parts) == (2 if text.endswith("The end.") else 1)


def test_a_sentence_cut_at_u_is_split_there():
    parts = split(
        "It proved how important the Ganja Gap is for resupplying U. At the peak of "
        "the war, more than one-third of U."
    )
    assert parts == [
        "It proved how important the Ganja Gap is for resupplying U.",
        "At the peak of the war, more than one-third of U.",
    ]


def test_a_colon_before_a_new_sentence_is_a_boundary():
    parts = split("Albright wrote: After the attacks in 2001, Congress passed a law.")
    assert parts == ["Albright wrote:", "After the attacks in 2001, Congress passed a law."]
    assert len(split("Burns outlined three areas: security, energy, and reform.")) == 1


def test_glued_sentences_are_split():
    assert split("in the Caspian region.Azerbaijan American Priorities") == [
        "in the Caspian region.",
        "Azerbaijan American Priorities",
    ]


def test_mentions_have_kinds_and_formats():
    text = (
        "On March 16, 1992, the United States opened its embassy in Baku; in January 2002 "
        "President George W. Bush waived Section 907, and $10 million, 40 percent, 53% and "
        "12/100 are numbers."
    )
    found = {m.text: (m.kind, m.group) for m in find_mentions(text)}
    assert found["March 16, 1992"] == ("date", "full-date")
    assert found["January 2002"] == ("date", "month-year")
    assert found["George W. Bush"] == ("person", "us-president")
    assert found["Section 907"] == ("act", "law")
    assert found["$10 million"] == ("number", "money")
    assert found["40 percent"] == ("number", "percent")
    assert found["53%"] == ("number", "percent-sign")
    assert found["12/100"] == ("number", "score")
    country = [m for m in find_mentions(text) if m.text == "United States"]
    assert country and country[0].kind == "place" and not country[0].topic  # subject: subject.py


def test_titled_names_are_found_without_the_list():
    mentions = find_mentions("Deputy Minister Arif Mammadli met Ambassador to Georgia Jane Roe.")
    names = {m.text for m in mentions if m.kind == "person"}
    assert names == {"Arif Mammadli", "Jane Roe"}


@pytest.mark.parametrize(
    ("past", "base"),
    [
        ("adopted", "adopt"),
        ("waived", "waive"),
        ("met", "meet"),
        ("opened", "open"),
        ("announced", "announce"),
        ("banned", "ban"),
        ("recognized", "recognize"),
        ("visited", "visit"),
        ("proposed", "propose"),
        ("controlled", "control"),
    ],
)
def test_lemma(past: str, base: str):
    assert lemma(past) == base


def _ask(sentence: str, answer: str) -> str | None:
    mention = next(m for m in find_mentions(sentence) if m.text == answer)
    return question_for(sentence, 0, mention)


def test_questions_are_formed_only_when_the_parse_is_safe():
    assert (
        _ask(
            "On October 18, 1991, the Azerbaijani parliament adopted a declaration of independence.",
            "October 18, 1991",
        )
        == "On what date did the Azerbaijani parliament adopt a declaration of independence?"
    )
    assert (
        _ask("In 2005, as a freshman senator, Barack Obama visited Azerbaijan.", "Barack Obama")
        == "In 2005, as a freshman senator, who visited Azerbaijan?"
    )
    assert (
        _ask("About 40 percent of all cargo passed through Baku.", "40 percent")
        == "Roughly what share of all cargo passed through Baku?"
    )
    # Two clauses with two verbs: no safe "did" question, the card stays a cloze.
    assert (
        _ask(
            "On December 25, 1991, Soviet Union ceased its existence and the United States "
            "formally recognized 12 former Soviet republics.",
            "December 25, 1991",
        )
        is None
    )


def test_wars_and_names_after_their_head_word_are_found_without_the_list():
    text = (
        "Most of the land had been taken from Borduria during the Ruritanian-Bordurian War of "
        "1877–1878, and the Treaty of Szohod and the Battle of Vltava settled the rest."
    )
    found = {(m.text, m.kind) for m in find_mentions(text)}
    assert ("Ruritanian-Bordurian War of 1877–1878", "event") in found
    assert ("Treaty of Szohod", "act") in found
    assert ("Battle of Vltava", "event") in found
