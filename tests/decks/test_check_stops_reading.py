"""`check` promises every problem; where YAML stops reading at a slip it says the rest come later."""

from __future__ import annotations

from caucasusquiz.cli import main


def test_a_tab_says_that_later_problems_show_once_the_file_reads(write_deck, capsys):
    path = write_deck("title: T\ncards:\n  - id: a\n\tquestion: Q?\n    answer: A\n")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "tab used for indentation" in out
    assert f"{path.name}: problems further on in this file show once it reads" in out


def test_a_file_that_reads_does_not_say_it(write_deck, capsys):
    path = write_deck("title: T\ncards:\n  - id: a\n    question: Q?\n")
    assert main(["check", str(path)]) == 1
    assert "further on" not in capsys.readouterr().out
