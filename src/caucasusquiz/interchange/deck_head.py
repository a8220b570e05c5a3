"""An imported deck's top-level fields, written as the deck file had them.

A package from our own export carries the deck's fields Anki has no place for
(`DeckFields`: tags, `documents:`, `study:`, the keys' order), so the import writes them
back in the file's order and in the style `generate` and the author screen write them.
A file from elsewhere gets title, description and dropped ids, in the generator's order.

`documents:` is relative to the deck file. Imported into a folder where the text as
written no longer reaches the article, but the article is on this machine where the
export found it, the path is rewritten from the new folder, so the source viewer still
finds it (newuser5 F-J); otherwise it stays as written (a colleague who puts the article
beside the decks the same way gets the link back).
"""

from __future__ import annotations

import os
from pathlib import Path

from caucasusquiz.decks.loader import FORMAT_VERSION
from caucasusquiz.decks.sources import is_safe_documents_folder
from caucasusquiz.generator.emit import flow_list, quote
from caucasusquiz.interchange.common import DeckFields, ImportedDeck

# The generator's order, which the author screen keeps (it adds `dropped:` and `study:`
# just above `cards:`); used when the file's own order did not travel.
DEFAULT_ORDER = ("title", "description", "tags", "documents", "dropped", "study", "version")


def head_lines(deck: ImportedDeck, title: str, tags: tuple[str, ...], folder: Path) -> list[str]:
    """The lines above `cards:`; `tags` are the deck's, cleaned; `folder` is where the deck
    file goes."""
    fields = deck.fields or DeckFields()
    lines = {"title": f"title: {quote(title)}"}
    if deck.description:
        lines["description"] = f"description: {quote(deck.description)}"
    if tags or "tags" in fields.order:
        lines["tags"] = "tags: [" + ", ".join(tags) + "]"
    documents = [rebased(written, at, folder) for written, at in _paired(fields)]
    documents = [name for name in documents if is_safe_documents_folder(name)]
    if documents:
        lines["documents"] = (
            f"documents: {quote(documents[0]) if len(documents) == 1 else flow_list(documents)}"
        )
    if deck.dropped:
        lines["dropped"] = f"dropped: {flow_list(deck.dropped)}"
    if fields.study and ("study" in fields.order or fields.study == "reviewed"):
        lines["study"] = f"study: {fields.study}"
    if "version" in fields.order:
        lines["version"] = f"version: {FORMAT_VERSION}"
    order = [key for key in fields.order if key in lines]
    missing = [key for key in DEFAULT_ORDER if key in lines and key not in order]
    if "title" in missing:  # not from our export (or an odd one): the title leads
        missing.remove("title")
        order.insert(0, "title")
    return [lines[key] for key in order + missing]


def _paired(fields: DeckFields) -> list[tuple[str, str | None]]:
    at = fields.documents_at
    return [(written, at[i] if i < len(at) else None) for i, written in enumerate(fields.documents)]


def rebased(written: str, at: str | None, folder: Path) -> str:
    """`documents:` for a deck file in `folder`: as written when that still reaches the
    folder the export found (or when that folder is not on this machine), else the way
    from `folder` to it."""
    if at is None or not is_safe_documents_folder(written):
        return written
    target = Path(at)
    if not target.is_absolute() or not target.is_dir():
        return written
    if (folder / written).resolve() == target:
        return written
    try:
        return Path(os.path.relpath(target, folder.resolve())).as_posix()
    except ValueError:  # another drive
        return written
