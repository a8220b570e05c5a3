"""The generator's record of the cards it wrote (`.generated.json` next to the decks), as the
rest of the app reads it: which card ids of a deck were generated, and from which source line.

Only `caucasusquiz generate` writes it (generator/merge.py, which also reads it strictly and
refuses a damaged one); readers here shrug off a missing or damaged record.
"""

from __future__ import annotations

import json
from pathlib import Path

from caucasusquiz.files import UnreadableFile, read_regular_file

MANIFEST = ".generated.json"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


def generated_entries(folder: Path) -> dict[str, dict[str, dict[str, object]]]:
    """Per deck id, the generated cards not deleted since (card id → its record); empty when
    there is no readable record."""
    try:
        decks = json.loads(read_regular_file(folder / MANIFEST, MAX_MANIFEST_BYTES))["decks"]
        return {
            str(deck_id): {
                str(card_id): card for card_id, card in deck["cards"].items() if not card.get("deleted")
            }
            for deck_id, deck in decks.items()
        }
    except (UnreadableFile, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return {}
