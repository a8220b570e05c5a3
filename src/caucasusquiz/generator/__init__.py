"""The card generator: seed documents in, hand-editable YAML decks out.

One small module per concept, in pipeline order: `documents` (reading, line numbers),
`furniture` and `previews` (what a scraped page carries besides prose), `clean`
(paragraphs with their original lines), `sentences`, `damage` (corrupted text is
never taught), `rewrite` (normalising and standalone sentences), `entities`
(+ `gazetteer`), `facts`, `questions`, `distractors`, `cards`, `dedupe`, `topics`,
`emit`, `merge` (hand edits survive), `report` and `pipeline`, which runs them.

Nothing here imports Textual, and nothing is downloaded: the study app needs none of it.
"""

from __future__ import annotations
