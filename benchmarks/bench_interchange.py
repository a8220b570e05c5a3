"""Interchange: export and import of a 10,000-card deck as an Anki package (and as CSV).

Baseline: genanki writing the same 10,000 notes bare (one Basic note type, the same field
text, no GUID derivation, no temporary file or checks), measured in the same run. Import
is measured to the checked deck text (read the package, convert, render YAML, run the
deck loader over it), without writing files. Run with `make bench ARGS=interchange` or
`python benchmarks/bench_interchange.py`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median_seconds, report, write_big_deck
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.interchange.apkg_export import note_type_and_fields, write_apkg
from caucasusquiz.interchange.apkg_import import import_apkg
from caucasusquiz.interchange.csv_format import export_csv, import_csv
from caucasusquiz.interchange.yaml_out import plan


def main(cards: int = 10_000, repeat: int = 3) -> int:
    import genanki

    print(f"interchange: {cards:,} cards")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        deck = read_deck(write_big_deck(folder / "big.yaml", cards)).deck
        assert deck is not None and len(deck.cards) == cards
        fields = [note_type_and_fields(card)[1] for card in deck.cards]
        bare_model = genanki.Model(
            1607392319,
            "Bare",
            fields=[{"name": f"F{i}"} for i in range(7)],
            templates=[{"name": "Card 1", "qfmt": "{{F0}}", "afmt": "{{F1}}"}],
        )

        def genanki_bare() -> None:
            bare = genanki.Deck(2059400110, "Bare")
            for values in fields:
                bare.add_note(genanki.Note(model=bare_model, fields=(values + [""] * 7)[:7]))
            genanki.Package(bare).write_to_file(str(folder / "bare.apkg"))

        baseline = median_seconds(genanki_bare, repeat=repeat)
        report("genanki, same notes bare (baseline)", baseline)
        package = folder / "ours.apkg"
        exported = median_seconds(lambda: write_apkg([deck], package), repeat=repeat)
        report("export --format apkg", exported, baseline, "baseline")

        def import_package() -> None:
            planned = plan(import_apkg(package), folder / "out", None, overwrite=True)
            assert sum(p.cards for p in planned) == cards

        imported = median_seconds(import_package, repeat=repeat)
        report("import .apkg (read, convert, render, check)", imported, baseline, "baseline")

        csv_file = folder / "cards.csv"
        csv_export = median_seconds(
            lambda: csv_file.write_text(export_csv([deck]), encoding="utf-8"), repeat=repeat
        )
        report("export --format csv", csv_export, baseline, "baseline")

        def import_csv_file() -> None:
            planned = plan(import_csv(csv_file), folder / "out", None, overwrite=True)
            assert sum(p.cards for p in planned) == cards

        report(
            "import .csv (read, convert, render, check)",
            median_seconds(import_csv_file, repeat=repeat),
            baseline,
            "baseline",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
