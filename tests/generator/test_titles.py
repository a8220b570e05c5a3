"""A deck made from one scraped page is titled by the page's subject, not by the scraper's noise."""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.decks import load_collection
from caucasusquiz.generator.pipeline import generate

BODY = "The Fjord Trade Agreement was signed in Bergen on 3 May 2016.\n"


def _title_of_deck(tmp_path: Path, page: str) -> str:
    (tmp_path / "page.txt").write_text(page + "\n" + BODY, encoding="utf-8")
    out = tmp_path / "decks"
    generate([tmp_path / "page.txt"], out)
    return load_collection([out]).decks[0].title


def test_a_proxy_header_in_another_script_and_the_site_logo_are_not_the_title(tmp_path: Path):
    page = (
        "Proxyサイト変換\n\n[0]ホーム\n\nURL:\n\nJump to content\nWikipediaThe Free Encyclopedia\n"
        "Search\n\nNorway–Chile relations\n\nFrom Wikipedia, the free encyclopedia\n"
    )
    assert _title_of_deck(tmp_path, page) == "Norway–Chile relations"


def test_a_tracking_token_and_a_bare_site_name_are_not_the_title(tmp_path: Path):
    page = "fbpx\nWikipedia\n\nSalmon War\n\nSalmon War\n\nFrom Wikipedia, the free encyclopedia\n"
    assert _title_of_deck(tmp_path, page) == "Salmon War"


def test_a_title_repeated_under_a_site_header_wins_over_the_header(tmp_path: Path):
    page = "Daily Fjord Review\n\nSalmon War\n\nSalmon War\n"
    assert _title_of_deck(tmp_path, page) == "Salmon War"
