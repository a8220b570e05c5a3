"""Any article, any scrape: markers, encodings, relative time, subjects and decks from the document."""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.cli import main
from caucasusquiz.decks import load_collection
from caucasusquiz.generator.clean import strip_markers
from caucasusquiz.generator.documents import read_document
from caucasusquiz.generator.pipeline import generate
from caucasusquiz.generator.subject import title_names
from caucasusquiz.generator.timeline import DocDate, resolve
from caucasusquiz.generator.topics import check_topics

DATA = Path(__file__).parent / "data"


def test_citation_markers_become_spaces_or_the_lost_sentence_end():
    assert strip_markers("on 28 May 2006.[1][2] The") == "on 28 May 2006.       The"
    assert strip_markers("independence[20] In February") == "independence.    In February"
    assert strip_markers("x[citation needed] y") == "x" + " " * 17 + " y"


def test_a_utf16_seed_is_decoded_not_called_binary(tmp_path: Path):
    seed = tmp_path / "a.txt"
    seed.write_bytes("Oslo hosted the talks in 2016.\n".encode("utf-16"))
    assert read_document(seed).lines[0] == "Oslo hosted the talks in 2016."


def test_relative_time_is_resolved_from_the_document_date_or_refused():
    date = DocDate(2019, 4)
    assert (
        resolve("Last October, the bank approved a loan.", date)
        == "In October 2018, the bank approved a loan."
    )
    assert resolve("Construction began this year.", date) == "Construction began in 2019."
    assert resolve("Construction began this year.", None) is None
    assert resolve("Trade grew recently.", date) is None


def test_the_subject_comes_from_the_title():
    assert {"norway", "chile"} <= title_names("Norway–Chile relations")


def test_without_a_topics_file_each_document_is_a_deck_titled_by_it(tmp_path: Path):
    out = tmp_path / "decks"
    generate([DATA / "norway_chile_relations.txt"], out)
    decks = load_collection([out]).decks
    assert [d.title for d in decks] == ["Norway–Chile relations"]
    text = (out / f"{decks[0].id}.yaml").read_text(encoding="utf-8")
    assert "[1]" not in text and "[citation needed]" not in text
    for card in decks[0].cards:
        assert card.prompt and (card.answer if hasattr(card, "answer") else None) != "Norway"


def test_a_dateline_resolves_last_october(tmp_path: Path):
    out = tmp_path / "decks"
    generate([DATA / "vardar_pipeline_news.txt"], out)
    text = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.yaml"))
    assert "Last October" not in text.split("context:")[0]
    assert "October 2018" in text


def test_a_one_line_megabyte_document_still_gives_cards(tmp_path: Path):
    sentence = "In 2016, the Fish Health Agreement set common rules for vaccines and inspections. "
    seed = tmp_path / "big.txt"
    seed.write_text(sentence * (1_000_000 // len(sentence)), encoding="utf-8")
    report = generate([seed], tmp_path / "decks")
    assert report.total_cards >= 1


def test_the_topics_file_is_checked_like_a_deck(tmp_path: Path, capsys):
    topics = tmp_path / "topics.yaml"
    topics.write_text(
        "decks:\n  - id: Bad Id\n    title: x\n  - id: ok\n    title: Ok\n    keywords:\n      oil: 12\n"
    )
    problems = check_topics(topics)[1]
    assert [p.line for p in problems] == [2, 7]
    assert main(["check", str(topics)]) == 1
    assert "topics.yaml:7: error: keyword 'oil'" in capsys.readouterr().out
    assert main(["check", str(Path(__file__).parents[2] / "seeds" / "topics.yaml")]) == 0


def test_a_topics_file_is_data_never_objects_or_aliases(tmp_path: Path):
    # The decks' own safe composer reads it: an alias or an object tag is a problem with its line.
    topics = tmp_path / "topics.yaml"
    topics.write_text("decks:\n  - &d {id: a, title: A}\n  - *d\n", encoding="utf-8")
    [problem] = check_topics(topics)[1]
    assert "alias" in problem.message.lower()
    topics.write_text("decks:\n  - id: a\n    title: !!python/object:os.system A\n", encoding="utf-8")
    [problem] = check_topics(topics)[1]
    assert problem.line == 3


def test_a_news_dateline_is_cut_and_its_weekday_resolved(tmp_path: Path):
    out = tmp_path / "decks"
    generate([DATA / "vardar_pipeline_news.txt"], out)
    text = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.yaml"))
    prompts = [line for line in text.splitlines() if line.strip().startswith(("text:", "question:"))]
    assert any("on 9 April 2019" in p for p in prompts)
    assert not any("SKOPJE" in p or "Tuesday" in p for p in prompts)


def test_a_line_in_another_script_is_reported_not_taught(tmp_path: Path):
    report = generate([DATA / "vardar_pipeline_news.txt"], tmp_path / "decks")
    assert report.rejected["another script or language"] == 1


def test_a_title_wrapped_after_its_separator_loses_the_dangling_dash(tmp_path: Path):
    (tmp_path / "piece.txt").write_text(
        "SALMON TIES DEEPEN -\nNORDIC POLICY REVIEW - 04.03.2021\n\n"
        "The Fish Health Agreement was signed in Oslo on 3 May 2016.\n",
        encoding="utf-8",
    )
    out = tmp_path / "decks"
    generate([tmp_path], out)
    assert [d.title for d in load_collection([out]).decks] == ["SALMON TIES DEEPEN"]
