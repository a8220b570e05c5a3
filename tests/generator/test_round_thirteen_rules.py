"""Deck-level rules from a blind review of cards made from unseen articles (round thirteen).

Each rule is shown on a made-up document about invented places, treaties and wars, and holds
for every deck the generator writes, whatever the article.
"""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.generator.pipeline import build


def _drafts(tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8")
    decks, report = build([tmp_path / name])
    return [d for _, drafts in decks.values() for d in drafts], report


def _cards(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    drafts, _ = _drafts(tmp_path, name, text)
    return [(d.prompt, d.answer_text) for d in drafts]


# ---- a title cut short: the subject's full name on its cards, and never their answer -------

_LUNE_WAR = (
    "Lune War\n\n"
    "The Second Lune War was a conflict fought between the Varnholm Empire and the Ostrian League. "
    "The First Lune War had ended with an Ostrian victory at Kessel.\n\n"
    "The Lune War broke out in 1791 after the failure of the Kessel Conference.\n\n"
    "The Second Lune War was a long struggle between Varnholm troops and the Ostrian militia.\n\n"
    "The Lune War finally ended in 1796 with the Treaty of Dornach.\n"
)


def test_a_short_name_of_the_subject_is_written_as_the_document_names_it(tmp_path: Path):
    cards = _cards(tmp_path, "second-lune-war.txt", _LUNE_WAR)
    prompts = [prompt for prompt, _ in cards]
    assert any(answer == "1791" for _, answer in cards), cards
    assert not any("the Lune War" in p or "The Lune War" in p for p in prompts), prompts
    assert any("Second Lune War" in p for p in prompts), prompts
    # the subject in its full form is never the answer
    assert not any("Lune War" in answer for _, answer in cards), cards
