"""Rules from a blind review of cards made from unseen articles (round eleven).

Each rule is shown on a made-up document about invented places: what it repairs or
refuses, and, where it could cost a good card, a near miss that must still pass.
"""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.generator.pipeline import build
from caucasusquiz.generator.subject import title_of, undecorated


def _prompts(tmp_path: Path, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    decks, _ = build([tmp_path / name])
    return [d.prompt for _, drafts in decks.values() for d in drafts]


# ---- a page title's decoration is no name --------------------------------------------------


def test_a_title_loses_what_the_site_adds():
    assert undecorated("Ostrava–Lune Canal Explained") == "Ostrava–Lune Canal"
    assert undecorated("Treaty of Varnholm | Britannica") == "Treaty of Varnholm"
    assert undecorated("Varnholm War - History") == "Varnholm War"
    assert undecorated("Varnholm, Treaty of") == "Treaty of Varnholm"
    # near misses: a navigation bar and a headline with a dash stay as they are
    assert undecorated("Home | World") == "Home | World"
    assert undecorated("Lune needs gas – or coal") == "Lune needs gas – or coal"


def test_a_decorated_title_never_becomes_the_subject_of_a_prompt(tmp_path: Path):
    text = (
        "Ostrava Canal Explained\n\n"
        "The Ostrava Canal links the river Lune with the Varn Sea.\n\n"
        "Nonetheless, the canal saw quick success upon opening on October 26, 1825.\n"
    )
    prompts = _prompts(tmp_path, "ostrava.txt", text)
    assert prompts and not any("Explained" in p for p in prompts)


def test_a_title_from_the_file_name_takes_the_document_s_capitals(tmp_path: Path):
    from caucasusquiz.generator.clean import clean_document
    from caucasusquiz.generator.documents import read_document

    path = tmp_path / "treaty-of-varnholm.txt"
    path.write_text("Source: http://example.org/x\n\nThe Treaty of Varnholm was signed in 1601.\n", "utf-8")
    blocks = clean_document(read_document(path)).blocks
    assert title_of(blocks, path.stem) == "Treaty of Varnholm"
