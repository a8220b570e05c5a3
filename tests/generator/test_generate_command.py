"""`caucasusquiz generate` from the command line: report, quiet mode, defaults, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from caucasusquiz.cli import main


def test_report_lists_documents_rejections_and_decks(seeds_dir: Path, tmp_path: Path, capsys):
    out = tmp_path / "decks"
    code = main(["generate", str(seeds_dir), "--out", str(out), "--data-dir", str(tmp_path)])
    assert code == 0
    text = capsys.readouterr().out
    assert "Read 5 documents" in text
    assert "lost number" in text and "cut at initial" in text and "heading" in text
    assert "Dropped" in text and "page furniture" in text
    assert "karabakh-907.yaml" in text
    assert text.strip().splitlines()[-1].startswith("5 documents → ")
    assert len(list(out.glob("*.yaml"))) >= 6


def test_quiet_prints_one_line(seeds_dir: Path, tmp_path: Path, capsys):
    code = main(["generate", str(seeds_dir), "--out", str(tmp_path / "d"), "-q", "--data-dir", str(tmp_path)])
    assert code == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "cards in" in lines[0]


def test_defaults_are_seeds_and_decks_of_the_current_folder(
    seeds_dir: Path, tmp_path: Path, monkeypatch, capsys
):
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "-q", "--data-dir", str(tmp_path / "data")]) == 0
    assert (tmp_path / "decks" / "karabakh-907.yaml").is_file()
    assert "(decks)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing", "no such file or folder"),
        (lambda d: (d / "empty").mkdir() or d / "empty", "no seed documents"),
        (lambda d: (d / "b.txt").write_bytes(b"\x00\x01binary") and d / "b.txt", "binary file"),
        (lambda d: (d / "l.txt").write_bytes(b"caf\xe9\n") and d / "l.txt", "not UTF-8"),
    ],
)
def test_bad_input_is_one_clear_message(tmp_path: Path, capsys, make, message):
    seed = make(tmp_path)
    code = main(["generate", str(seed), "--out", str(tmp_path / "out"), "--data-dir", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 1
    assert message in captured.err and str(seed.name) in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "out").exists()


def test_a_new_article_is_generated_too(tmp_path: Path, capsys):
    """The pipeline is general: an unseen article gives sensible, clean cards."""
    article = tmp_path / "new.txt"
    article.write_text(
        "Georgia and the United States\n\n"
        "On May 22, 1992, the United States opened its embassy in Tbilisi. In 2003, "
        "Ambassador Richard Miles observed the Rose Revolution. About 60 percent of Georgians "
        "supported NATO membership in 2008.\n\nSee also\n\nReferences\n",
        encoding="utf-8",
    )
    out = tmp_path / "decks"
    assert main(["generate", str(article), "--out", str(out), "--data-dir", str(tmp_path)]) == 0
    text = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.yaml"))
    assert "May 22, 1992" in text and "60 percent" in text
    assert "See also" not in text


def test_a_run_that_would_remove_many_cards_stops_unless_pruned(seeds_dir: Path, tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    out = tmp_path / "decks"
    assert main(["generate", str(seeds), "--out", str(out), "-q", "--data-dir", str(tmp_path)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # A document not named in this run keeps its cards: a wrong path loses nothing.
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("", encoding="utf-8")
    assert main(["generate", str(wrong), "--out", str(out), "-q", "--data-dir", str(tmp_path)]) == 0
    assert {p.name: p.read_bytes() for p in out.glob("*.yaml")} == {
        name: data for name, data in before.items() if name.endswith(".yaml")
    }
    # Documents gone from where they were found do lose their cards, many only when asked to.
    for seed in sorted(seeds.glob("*.txt"))[1:]:
        seed.unlink()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    code = main(["generate", str(seeds), "--out", str(out), "-q", "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "would remove" in err and "--prune" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing touched
    code = main(["generate", str(seeds), "--out", str(out), "-q", "--prune", "--data-dir", str(tmp_path)])
    assert code == 0
    left = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.yaml"))
    assert left.count("source:") == left.count(f'source: "{sorted(seeds.glob("*.txt"))[0].name}')


def test_coverage_lists_every_sentence_that_gave_no_card_with_its_reason(
    seeds_dir: Path, tmp_path: Path, capsys
):
    from caucasusquiz.generator.pipeline import generate

    report = generate([seeds_dir], tmp_path / "d")
    assert len(report.untaught) == sum(report.rejected.values())
    assert report.taught + len(report.untaught) == report.sentences
    code = main(["generate", str(seeds_dir), "--out", str(tmp_path / "d"), "--coverage", "-q"])
    text = capsys.readouterr().out
    assert code == 0
    assert "001_1159552fd4ce1a0f.txt:7  [lost number]" in text
    assert "[not worth a card" in text


def test_a_rerun_that_changes_nothing_says_so_and_its_counts_add_up(seeds_dir: Path, tmp_path: Path, capsys):
    """newuser3 #10: "Cards written (29)" though no deck file changed, "Kept 11 edited and 79
    added by hand" against "96 hand-made or edited cards kept", and "Source vanished" for a
    source line that is still there."""
    import re

    out = tmp_path / "decks"
    shutil.copytree(Path(__file__).resolve().parents[2] / "decks", out)  # reviewed, edited, hand-made
    assert main(["generate", str(seeds_dir), "--out", str(out), "--data-dir", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["generate", str(seeds_dir), "--out", str(out), "--data-dir", str(tmp_path)]) == 0
    text = capsys.readouterr().out
    assert "no deck file changed" in text.splitlines()[-1]
    assert re.search(r"^Cards generated \(\d+\), \d+ written as drafts; no deck file changed$", text, re.M)
    assert "Cards written" not in text and "Source vanished" not in text
    kept = re.search(
        r"^Kept (\d+) cards? made or edited by hand: (\d+) edited, (\d+) added by hand", text, re.M
    )
    summary = re.search(r"; (\d+) hand-made or edited cards? kept", text)
    assert kept and summary, text
    vanished = re.search(r"(\d+) edited and no longer generated", text)
    parts = int(kept[2]) + int(kept[3]) + (int(vanished[1]) if vanished else 0)
    assert int(kept[1]) == int(summary[1]) == parts
