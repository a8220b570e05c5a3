"""Rules from a blind review of cards made from unseen articles (round twelve).

Each rule is shown on a made-up document about invented places, treaties and wars: what it
repairs or refuses, and, where it could cost a good card, a near miss that must still pass.
"""

from __future__ import annotations

import re
from pathlib import Path

from caucasusquiz.generator.dates import ANY_YEAR, calendar_day
from caucasusquiz.generator.entities import find_mentions
from caucasusquiz.generator.pipeline import build


def _cards(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    """(prompt, answer) of every card the document gives."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    decks, _ = build([tmp_path / name])
    return [(d.prompt, d.answer_text) for _, drafts in decks.values() for d in drafts]


# ---- years before 1600 are years where their context says so ------------------------------


def test_a_year_before_1600_is_read_where_its_context_makes_it_one():
    assert ANY_YEAR.findall("The Varnholm fleet sailed in 1066 and again by 1215.") == ["1066", "1215"]
    assert ANY_YEAR.findall("The charter was sealed on 15 June 1215.") == ["1215"]
    assert ANY_YEAR.findall("The Lune wars (1494–1529) ended at Ostrava.") == ["1494", "1529"]
    assert ANY_YEAR.findall("the Varn chronicle of AD 1000") == ["1000"]
    assert calendar_day("on May 3, 1588") == (1588, 5, 3)
    # near misses: counts stay counts
    assert ANY_YEAR.findall("Varnholm sent 1500 men and 1,500 troops.") == []
    assert ANY_YEAR.findall("The town was taken by 1500 soldiers.") == []
    assert ANY_YEAR.findall("a garrison of 1200 at Ostrava") == []
    assert ANY_YEAR.findall("between 1200 and 1500 men") == []
    assert ANY_YEAR.findall("The road rises from 1200 to 1500 metres.") == []
    assert ANY_YEAR.findall("Between 1494 and 1529 the Lune was closed.") == ["1494", "1529"]


def test_a_date_before_1600_is_a_mention_a_card_can_ask():
    kinds = {(m.kind, m.text) for m in find_mentions("The Treaty of Ostrava was signed on 15 June 1215.")}
    assert ("date", "15 June 1215") in kinds
    kinds = {(m.kind, m.text) for m in find_mentions("The Varn Abbey was founded in 1066 by monks.")}
    assert ("year", "1066") in kinds


def test_an_article_on_a_medieval_treaty_asks_its_dates(tmp_path: Path):
    text = (
        "Treaty of Ostrava\n\n"
        "The Treaty of Ostrava was a peace treaty between the Kingdom of Varnholm and the Lune League. "
        "The Treaty of Ostrava was signed on 15 June 1215 at the abbey of Kessel. "
        "The Lune League had attacked Varnholm in 1211 with 1500 men. "
        "The treaty was renewed at Kessel in 1244 by King Aldric of Varnholm.\n"
    )
    answers = [answer for _, answer in _cards(tmp_path, "ostrava.txt", text)]
    assert any("1215" in a for a in answers), answers
    assert not any(a == "1500" for a in answers), answers


# ---- a rewrite that breaks the question's grammar is not made -----------------------------


def test_a_past_perfect_is_asked_in_the_simple_past(tmp_path: Path):
    text = "Lune League\n\nThe Lune League had attacked Varnholm in 1711 with 1500 men.\n"
    prompts = [p for p, _ in _cards(tmp_path, "lune.txt", text)]
    assert not any("have attacked" in p for p in prompts), prompts


def test_a_clause_opening_with_but_is_not_turned_into_a_question(tmp_path: Path):
    text = (
        "Lune Tunnel\n\nThe Lune Tunnel is a railway tunnel under the Varn Strait. "
        "Tunnels were started on both sides of the Varn Strait in the early 1870s, but the scheme was "
        "ditched in 1882. The Lune Tunnel opened in 1994 after six years of work.\n"
    )
    prompts = [p for p, _ in _cards(tmp_path, "lune.txt", text)]
    assert not any("was but" in p for p in prompts), prompts
    assert "In which year did the Lune Tunnel open?" in prompts


# ---- a dateline is no part of a sentence ---------------------------------------------------


def test_a_dateline_glued_before_a_sentence_never_reaches_a_prompt(tmp_path: Path):
    text = (
        "Varnholm and Lune sign trade deal\n\n"
        " date 2021-12-16 Varnholm has signed a free trade agreement with Lune which lets young "
        "Varnholmers work in Lune for three years.\n\n"
        "Published: 3 March 2022 The Lune Trade Agreement entered into force on 1 May 2022.\n"
    )
    prompts = [p for p, _ in _cards(tmp_path, "lune-fta.txt", text)]
    assert prompts and not any(re.search(r"(?i)\b(?:date|published)\b|2021-12-16", p) for p in prompts), (
        prompts
    )


def test_a_word_date_that_opens_a_sentence_stays():
    from caucasusquiz.generator.clean import clean_document
    from caucasusquiz.generator.documents import Document

    lines = ("Published in 1801, the Lune Review named the Varnholm treaty.", "Date palms grow in Lune.")
    blocks = clean_document(Document("x.txt", Path("x.txt"), (lines[0], "", lines[1]))).blocks
    assert [b.text for b in blocks] == list(lines)


# ---- the blank is the fact, never part of a fixed name nor a filler word --------------------


def test_the_year_in_a_war_s_name_is_never_blanked(tmp_path: Path):
    text = (
        "Treaty of Lune\n\n"
        "The Treaty of Lune was a peace treaty that ended the War of 1712 between Kessel and Varnholm. "
        "After Ostrava fell in April of 1714, Kessel public opinion demanded major gains in the War of 1712 "
        "against Varnholm. The Treaty of Lune was signed on 24 December 1714.\n"
    )
    cards = _cards(tmp_path, "lune.txt", text)
    assert not any(answer == "1712" for _, answer in cards), cards
    assert ("On what date was the Treaty of Lune signed?", "24 December 1714") in cards


def test_a_filler_word_after_not_the_first_is_never_blanked(tmp_path: Path):
    text = (
        "Lune Canal\n\nThe Lune Canal was not the first project of its kind. "
        "The Lune Canal was the first canal to join the Varn Sea and the river Kessel. "
        "The Lune Canal opened on 4 May 1822.\n"
    )
    answers = [answer for _, answer in _cards(tmp_path, "lune-canal.txt", text)]
    assert "project" not in answers, answers


def test_a_second_date_never_stays_in_a_date_question(tmp_path: Path):
    text = (
        "Treaty of Lune\n\nThe Treaty of Lune was a peace treaty between Varnholm and Ostrava. "
        "The Treaty of Lune was signed by Varnholm on 3 March 1601, and by Ostrava on 5 September 1601.\n"
    )
    prompts = [p for p, _ in _cards(tmp_path, "lune.txt", text)]
    assert not any(p.startswith("On what date") and "September" in p for p in prompts), prompts


# ---- sources that disagree on a rank -------------------------------------------------------


def test_a_rank_two_sentences_give_differently_is_not_asked(tmp_path: Path):
    text = (
        "Lune Tunnel\n\n"
        "The Lune Tunnel is the second-longest rail tunnel in the world, with the Kessel Tunnel in Varnholm "
        "being longer. The Lune Tunnel opened on 6 May 1994. "
        "At 37.9 kilometres, the Lune Tunnel has the longest underwater section of any tunnel in the world, "
        "and is the third longest railway tunnel in the world.\n"
    )
    cards = _cards(tmp_path, "lune-tunnel.txt", text)
    assert not any(answer in ("second", "third") for _, answer in cards), cards
    assert not any(p.startswith("True or false") and "longest" in p for p, _ in cards), cards


def test_a_rank_told_once_is_still_asked(tmp_path: Path):
    text = (
        "Lune Tunnel\n\n"
        "The Lune Tunnel was the second-longest rail tunnel in the world when it opened in 1994, with the "
        "Kessel Tunnel in Varnholm being longer. The Lune Tunnel opened on 6 May 1994.\n"
    )
    cards = _cards(tmp_path, "lune-tunnel.txt", text)
    assert any("second" in p or answer == "second" for p, answer in cards), cards


# ---- a site banner or an aggregator's name is no title -------------------------------------


def test_a_banner_or_an_aggregator_name_is_no_title():
    from caucasusquiz.generator.clean import clean_document
    from caucasusquiz.generator.documents import Document
    from caucasusquiz.generator.subject import found_title

    def title(*lines: str) -> str | None:
        spaced = tuple(x for line in lines for x in (line, ""))
        return found_title(clean_document(Document("x.txt", Path("x.txt"), spaced)).blocks)

    assert title("The Largest Career Network for Lune Jobs - JOIN NOW", "Varnholm - Lune Relations") == (
        "Varnholm - Lune Relations"
    )
    assert title("TheInfoList", "Treaty of Ostrava") == "Treaty of Ostrava"
    # an image's caption before the heading the article's first sentence opens with
    assert title(
        "TheInfoList",
        "The Treaty of Ostrava () was the peace treaty that ended the Lune War between Varnholm and Kessel.",
        "Karel Imrich",
        "The Treaty of Ostrava",
    ) == ("The Treaty of Ostrava")
    # near miss: a name with two capitals stays a title
    assert title("McAllister Canal", "The McAllister Canal opened in 1822.") == "McAllister Canal"


# ---- year options inside the subject's life ------------------------------------------------


def test_year_options_for_a_later_event_fall_after_the_subject_opened(tmp_path: Path):
    text = (
        "Lune Tunnel\n\n"
        "The Lune Tunnel is a railway tunnel under the Varn Strait between Kessel and Ostrava. "
        "The Lune Tunnel was opened in 1994.\n\n"
        "The worst fire in the Lune Tunnel took place in 1996. Kessel Rail took over the Lune Tunnel in 1997. "
        "A flood closed the Lune Tunnel in 1998. The Lune Tunnel carried its hundred millionth passenger in 1999. "
        "Ostrava Freight bought a share of the Lune Tunnel in 2000.\n"
    )
    (tmp_path / "lune-tunnel.txt").write_text(text, encoding="utf-8")
    decks, _ = build([tmp_path / "lune-tunnel.txt"])
    fire = [
        dict(d.body)
        for _, drafts in decks.values()
        for d in drafts
        if "worst fire" in d.prompt and d.type == "choice"
    ]
    assert fire, "the fire's year is asked with options"
    assert all(int(y) >= 1994 for y in fire[0]["distractors"]), fire


# ---- a signing dated with the year of its entry into force ---------------------------------


def test_a_signing_year_another_sentence_gives_as_the_entry_into_force_is_not_asked(tmp_path: Path):
    text = (
        "Lune Trade Agreement\n\n"
        "The Lune Trade Agreement is a free trade agreement between Varnholm and Ostrava. "
        "The Lune Trade Agreement was signed in 2009.\n\n"
        "Trade between Varnholm and Ostrava grew with the 2009 entry into force of the Lune Trade Agreement.\n"
    )
    prompts = [p for p, _ in _cards(tmp_path, "lta.txt", text)]
    assert "In which year was the Lune Trade Agreement signed?" not in prompts, prompts


def test_signed_and_in_force_in_one_sentence_keep_their_own_dates(tmp_path: Path):
    text = (
        "Lune Trade Agreement\n\n"
        "The Lune Trade Agreement is a free trade agreement between Varnholm and Ostrava. "
        "The Lune Trade Agreement was signed on 12 April 2006 and entered into force on 1 February 2009.\n"
    )
    cards = _cards(tmp_path, "lta.txt", text)
    signed = [(p, a) for p, a in cards if "signed" in p and "___" not in p and "{{" not in p]
    assert all(a == "12 April 2006" for _, a in signed), cards
    assert any(a == "12 April 2006" for _, a in cards), cards


# ---- a scrape's typo in a name the documents write otherwise -------------------------------


def test_a_name_written_once_with_a_letter_lost_takes_the_documents_spelling(tmp_path: Path):
    text = (
        "Varn Channel Tunnel\n\n"
        "The Varn Channel Tunnel is a railway tunnel between Kessel and Ostrava. "
        "The Varn Channel Tunnel opened on 6 May 1994.\n\n"
        "The Varn Chanel Tunnel cost twice its budget of 4 billion crowns set in 1986. "
        "Freight trains use the Varn Channel Tunnel at night.\n"
    )
    prompts = [p for p, _ in _cards(tmp_path, "varn.txt", text)]
    assert any("budget" in p for p in prompts), prompts
    assert not any("Chanel" in p for p in prompts), prompts


def test_two_names_that_differ_by_a_letter_and_are_both_common_stay_apart():
    from caucasusquiz.generator.capitals import learnt

    capitals = learnt(
        ["Ana Varn met Anna Varn in Kessel.", "Ana Varn left Kessel.", "Anna Varn stayed with Ana Varn."]
    )
    assert capitals.spelt("Ana Varn and Anna Varn") == "Ana Varn and Anna Varn"


# ---- a reply without what it answers, a sending without where ------------------------------


def test_a_reply_or_a_sending_without_its_context_is_not_asked():
    from caucasusquiz.generator.standalone import REACTION, standalone_reason

    reply = "True or false: Duke Aldric responded with a declaration of war on Ostrava on March 18, 1865."
    assert standalone_reason("truefalse", reply, "", None) == REACTION
    sent = "Which Varnholm duke sent Karel Imrich, Jan Ostrov and Pavel Lune?"
    assert standalone_reason("qa", sent, "Aldric", None) == REACTION
    # near misses: the reply names what it answers, the sending where it went
    answered = "True or false: Duke Aldric responded to Ostrava's refusal with a declaration of war."
    assert standalone_reason("truefalse", answered, "", None) is None
    assert (
        standalone_reason("qa", "In which year did Duke Aldric send Karel Imrich to Kessel?", "1866", None)
        is None
    )
    assert standalone_reason("qa", "Which duke sent Karel Imrich to Kessel in 1866?", "Aldric", None) is None


def test_both_countries_dated_otherwise_than_the_documents_pair_is_not_asked(tmp_path: Path):
    text = (
        "Varnholm - Ostrava relations\n\n"
        "Varnholm and Ostrava are neighbours on the Lune. Diplomatic relations were established on "
        "September 30, 1966, when the Varnholm Embassy at Kessel was opened.\n\n"
        "Foreign relations of Varnholm\n\n"
        "Both countries established diplomatic relations on 31 May 1983. Varnholm joined the Lune League in 1970.\n"
    )
    answers = [answer for _, answer in _cards(tmp_path, "varnholm.txt", text)]
    assert "31 May 1983" not in answers, answers
    assert "September 30, 1966" in answers, answers


# ---- a group named with its members; a date that qualifies a noun -------------------------


def test_a_group_is_named_with_the_members_the_document_gives(tmp_path: Path):
    text = (
        "Lune War\n\n"
        "The Lune War was fought between Varnholm and the Triple League of Ostrava, Kessel, and Tarn. "
        "On May 1, 1865, the Triple League was formally aligned. "
        "The Treaty of Kessel ended the Lune War on 1 March 1870.\n"
    )
    prompts = [p for p, _ in _cards(tmp_path, "lune-war.txt", text)]
    aligned = [p for p in prompts if "aligned" in p]
    assert aligned and all("Triple League of Ostrava, Kessel, and Tarn" in p for p in aligned), prompts


def test_a_date_blanked_between_a_possessive_and_its_noun_is_not_asked():
    from caucasusquiz.generator.standalone import ATTRIBUTIVE_DATE, standalone_reason

    prompt = "The pretext of the Lune War started with Aldric's ___, ultimatum to Ostrava."
    before, after = prompt.split("___")
    assert standalone_reason("choice", prompt, "August 30, 1864", (before, after)) == ATTRIBUTIVE_DATE
    # near miss: a date after "on" with a comma before its clause is asked
    prompt = "On ___, the Triple League of Ostrava, Kessel, and Tarn was formally aligned."
    before, after = prompt.split("___")
    assert standalone_reason("choice", prompt, "May 1, 1865", (before, after)) is None


def test_a_year_that_dates_a_figure_after_an_opening_phrase_is_not_the_blank():
    from caucasusquiz.generator.standalone import TIME_ANCHOR, standalone_reason

    prompt = "Regarding grain, in ___ there were approximately 140,000 hectares of wheat in Varnholm."
    before, after = prompt.split("___")
    assert standalone_reason("choice", prompt, "1990", (before, after)) == TIME_ANCHOR
    # near miss: the year of an event after an opening phrase is asked
    prompt = "After the Lune War, in ___ Varnholm joined the Kessel League."
    before, after = prompt.split("___")
    assert standalone_reason("choice", prompt, "1871", (before, after)) is None


def test_a_year_opening_the_clause_is_not_kept_in_a_date_question(tmp_path: Path):
    text = (
        "Charter of Kessel\n\n"
        "The Charter of Kessel limited the power of the kings of Varnholm. "
        "In 1715 the barons of Varnholm forced King Osric to seal the Charter of Kessel on 15 June 1715.\n"
    )
    prompts = [p for p, _ in _cards(tmp_path, "kessel.txt", text)]
    assert not any("did In" in p for p in prompts), prompts
