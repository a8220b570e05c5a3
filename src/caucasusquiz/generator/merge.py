"""Writing decks without destroying hand edits.

Next to the decks, `.generated.json` (the manifest; not a *.yaml file, so the deck
loader never reads it) records for every card the generator wrote a fingerprint of
its content. On the next run each card found in a deck file is one of:

- the generator's, unchanged since it was written: updated in place, or removed when
  its source document was read in this run and no longer yields it, or the document no
  longer exists where it was found (reported as "source vanished");
- from a document not named in this run that still exists where it was found: kept
  untouched, edited or not (reported as kept because its document was not part of this run);
- edited by hand (content differs, or a comment was put inside it): kept verbatim;
  when its source vanished it is still kept, and reported;
- added by hand (not in the manifest): kept verbatim, next to the card it followed;
- marked `reviewed: true|DATE` by an author: kept exactly as it is, like an edited card.

A generated card deleted by hand stays deleted, and so does every id in a deck's
`dropped: [ids]` (the author screen writes it). A sentence that already has the teacher's
card (hand-written, edited or reviewed; the same `context` sentence, or, for a card that
quotes none, the same `source` file:line) gets no generated draft beside it: one fact,
one card. Comments and blank lines between cards
are kept by splicing text; the file is never round-tripped through a YAML dumper.
Everything is planned first and written only when every deck could be merged, so a
deck with a YAML error stops the run before any file changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caucasusquiz.decks.folder import deck_file, deck_files
from caucasusquiz.decks.loader import MAX_DECK_BYTES
from caucasusquiz.decks.manifest import MANIFEST
from caucasusquiz.decks.yamlio import YamlProblem, compose
from caucasusquiz.errors import UserError
from caucasusquiz.files import UnreadableFile, read_regular_file, write_atomically
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.emit import card_text, header
from caucasusquiz.generator.topics import Topic

MANIFEST_FORMAT = 1


@dataclass(slots=True)
class MergeReport:
    written: dict[str, int] = field(default_factory=dict)  # deck -> generated cards
    kept_edited: list[tuple[str, str]] = field(default_factory=list)
    kept_added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str, str]] = field(default_factory=list)  # deck, id, source
    vanished_kept: list[tuple[str, str, str]] = field(default_factory=list)
    kept_unread: list[tuple[str, str, str]] = field(default_factory=list)  # document not in this run
    moved: list[tuple[str, str]] = field(default_factory=list)
    deleted_by_hand: list[tuple[str, str]] = field(default_factory=list)
    files_changed: list[str] = field(default_factory=list)
    files_removed: list[str] = field(default_factory=list)
    dropped_by_author: list[str] = field(default_factory=list)  # ids in a deck's `dropped`
    superseded: list[str] = field(default_factory=list)  # drafts beside the teacher's card


@dataclass(slots=True)
class _Item:
    id: str | None
    first: int  # first line (the "-"), 0-based
    last: int  # last line of the card's content, inclusive
    text: str  # its lines, verbatim
    fingerprint: str | None
    commented: bool
    reviewed: bool = False
    source: str | None = None
    context: str | None = None


@dataclass(slots=True)
class _Parsed:
    prefix: str
    items: list[_Item]
    gaps: list[str]  # text after each item, up to the next item (or the end)
    tail: str  # text after the card list that must stay last (other top-level keys)
    indent: str
    dropped: frozenset[str] = frozenset()  # the deck's `dropped: [ids]`


def fingerprint(fields: dict[str, object]) -> str:
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()


def draft_fields(draft: Draft) -> dict[str, object]:
    """A draft's content as YAML reads it back: every scalar a string."""
    fields: dict[str, object] = {"id": draft.id, "type": draft.type}
    for key, value in draft.body:
        if isinstance(value, bool):
            fields[key] = "true" if value else "false"
        elif isinstance(value, (list, tuple)):
            fields[key] = [str(v) for v in value]
        else:
            fields[key] = str(value)
    if draft.tags:
        fields["tags"] = list(draft.tags)
    fields["source"] = draft.source
    fields["context"] = draft.context
    return fields


def _node_fields(node: Node) -> object:
    if isinstance(node, MappingNode):
        return {str(_node_fields(k)): _node_fields(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [_node_fields(v) for v in node.value]
    return node.value


def _header_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# -- reading what is there ------------------------------------------------------------


def read_manifest(out_dir: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """The manifest's decks (what was generated, card by card) and where each document was
    found when last read (relative to the decks, or absolute); read once."""
    path = out_dir / MANIFEST
    if not path.exists():
        return {}, {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(
            f"{path}: cannot read the generator's manifest ({exc})",
            "restore it from version control, or delete it: every card in the "
            "decks is then treated as hand-written and kept",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("decks"), dict):
        raise UserError(
            f"{path}: not a caucasusquiz generator manifest",
            "delete it to treat every card in the decks as hand-written",
        )
    found = data.get("documents")
    places = (
        {str(k): str(v) for k, v in found.items() if isinstance(v, str)} if isinstance(found, dict) else {}
    )
    return data["decks"], places


def _place(path: Path, out_dir: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), out_dir.resolve())).as_posix()
    except ValueError:  # another drive
        return path.resolve().as_posix()


def _document_of(source: str) -> str:
    """`name.txt:12` → `name.txt`."""
    return source.rsplit(":", 1)[0] if ":" in source else source


def _parse(path: Path, text: str) -> _Parsed:
    try:
        root = compose(text)
    except YamlProblem as problem:
        raise UserError(
            f"{path}:{problem.line}: cannot merge generated cards into this deck: {problem.message}",
            "fix it (caucasusquiz check shows the problem) and run generate again; no file was changed",
        ) from None
    lines = text.splitlines(keepends=True)
    cards = _cards_node(root)
    if cards is None or not isinstance(cards, SequenceNode) or cards.flow_style or not cards.value:
        raise UserError(
            f"{path}: cannot merge generated cards: `cards:` is not a list of cards written one per item",
            "write cards as `- id: …` items, or move the "
            "file away to let generate write it afresh; no file was changed",
        )
    items: list[_Item] = []
    for node in cards.value:
        first = _dash_line(text, node)
        last = _last_line(text, node, lines, first)
        item_text = "".join(lines[first : last + 1])
        card_id = None
        fp = None
        reviewed = False
        source = context = None
        if isinstance(node, MappingNode):
            fields = _node_fields(node)
            assert isinstance(fields, dict)
            raw_id = fields.get("id")
            card_id = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else None
            fp = fingerprint(fields)
            reviewed = _is_reviewed(fields.get("reviewed"))
            source = _text_field(fields, "source")
            context = _text_field(fields, "context")
        commented = _has_comment(text, lines, first, last, node)
        items.append(_Item(card_id, first, last, item_text, fp, commented, reviewed, source, context))
    gaps: list[str] = []
    for index, item in enumerate(items):
        end = items[index + 1].first if index + 1 < len(items) else len(lines)
        gap = "".join(lines[item.last + 1 : end])
        # Blank lines alone between cards are layout, and runs of them left by removed
        # cards would grow with every run: one blank line separates cards.
        gaps.append(gap if gap.strip() else gap[:1])
    indent = re.match(r"^(\s*)", lines[items[0].first]).group(1)  # type: ignore[union-attr]
    tail = ""
    last_gap = gaps[-1]
    # Top-level keys after the card list stay after it, whatever is appended to the list.
    match = (
        re.search(rf"^(?!{re.escape(indent)}\s|\s*#|\s*$)", last_gap, re.MULTILINE)
        if indent
        else re.search(r"^(?![\s#-]|$)\S", last_gap, re.MULTILINE)
    )
    if match:
        tail, gaps[-1] = last_gap[match.start() :], last_gap[: match.start()]
    return _Parsed("".join(lines[: items[0].first]), items, gaps, tail, indent, _dropped_ids(root))


def _parse_quietly(path: Path) -> _Parsed | None:
    """A deck the generator does not write, read only for its review state; one it cannot
    read is left to `caucasusquiz check` to report."""
    try:
        text = read_regular_file(path, MAX_DECK_BYTES).decode("utf-8-sig").replace("\r\n", "\n")
    except (UnreadableFile, UnicodeDecodeError):
        return None  # a FIFO or /dev/zero named x.yaml is never read (it would never end)
    try:
        return _parse(path, text)
    except UserError:
        pass
    try:  # no card list to merge into ("cards: []"), but its `dropped` still counts
        return _Parsed("", [], [], "", "  ", _dropped_ids(compose(text)))
    except YamlProblem:
        return None


def _is_reviewed(value: object) -> bool:
    """`reviewed: true` or a date marks a card signed off; `false`, empty or absent does not."""
    if not isinstance(value, str):
        return False
    return value.strip().lower() not in ("", "false", "no", "off", "null", "~")


def _text_field(fields: dict, key: str) -> str | None:
    value = fields.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _dropped_ids(root: Node | None) -> frozenset[str]:
    """The deck's `dropped: [id, …]` (absent, empty or not a list: none)."""
    if not isinstance(root, MappingNode):
        return frozenset()
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "dropped" and isinstance(value, SequenceNode):
            return frozenset(
                v.value.strip() for v in value.value if isinstance(v, ScalarNode) and v.value.strip()
            )
    return frozenset()


def normalised_context(text: str) -> str:
    """A sentence as compared for 'the same fact': case, spacing and punctuation aside."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _cards_node(root: Node | None) -> Node | None:
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "cards":
            return value
    return None


def _dash_line(text: str, node: Node) -> int:
    index = node.start_mark.index - 1
    while index >= 0 and text[index] in " \t\r\n":
        index -= 1
    if index >= 0 and text[index] == "-":
        return text.count("\n", 0, index)
    return node.start_mark.line


def _last_line(text: str, node: Node, lines: list[str], first: int) -> int:
    end = _content_end(node)
    last = text.count("\n", 0, max(end - 1, 0))
    while last > first and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
        last -= 1
    return last


def _content_end(node: Node) -> int:
    if isinstance(node, MappingNode) and node.value:
        return max(max(_content_end(k), _content_end(v)) for k, v in node.value)
    if isinstance(node, SequenceNode) and node.value and not node.flow_style:
        return max(_content_end(v) for v in node.value)
    return node.end_mark.index


def _scalar_spans(node: Node, spans: list[tuple[int, int]]) -> None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            _scalar_spans(key, spans)
            _scalar_spans(value, spans)
    elif isinstance(node, SequenceNode):
        for value in node.value:
            _scalar_spans(value, spans)
    else:
        spans.append((node.start_mark.index, node.end_mark.index))


def _has_comment(text: str, lines: list[str], first: int, last: int, node: Node) -> bool:
    """Is there a `# comment` inside the card (outside every value)?"""
    spans: list[tuple[int, int]] = []
    _scalar_spans(node, spans)
    start = sum(len(line) for line in lines[:first])
    end = start + sum(len(line) for line in lines[first : last + 1])
    for match in re.finditer(r"(?:^|(?<=\s))#", text[start:end], re.MULTILINE):
        position = start + match.start()
        if not any(a <= position < b for a, b in spans):
            return True
    return False


# -- planning and writing -------------------------------------------------------------


@dataclass(slots=True)
class Plan:
    files: dict[Path, str | None] = field(default_factory=dict)  # None: remove the file
    manifest: dict[str, dict] = field(default_factory=dict)
    report: MergeReport = field(default_factory=MergeReport)
    documents: tuple[str, ...] = ()  # the documents' folders, for each deck's `documents:`
    read: frozenset[str] = frozenset()  # names of the documents read in this run
    places: dict[str, str] = field(default_factory=dict)  # document name -> where it was found
    found_before: dict[str, str] = field(default_factory=dict)  # the same, as the manifest had it
    out_dir: Path = Path()

    def unread(self, source: str) -> bool:
        """The card's document was not part of this run but still exists where it was found:
        its cards are left alone (a document of unknown place counts as existing)."""
        name = _document_of(source)
        if name in self.read:
            return False
        place = self.found_before.get(name)
        return place is None or (self.out_dir / place).is_file()


def plan_decks(
    out_dir: Path,
    decks: dict[str, tuple[Topic, list[Draft]]],
    documents: tuple[str, ...] = (),
    read: dict[str, Path] | None = None,
) -> Plan:
    """Work out every deck file's new text; nothing is written here.

    `read` names the documents read in this run (name -> path). Without it every document
    cited counts as read (a card it no longer yields is removed).
    """
    old_manifest, places = read_manifest(out_dir)
    if read is None:
        entries = (e for deck in old_manifest.values() for e in deck.get("cards", {}).values())
        names = {_document_of(e.get("source", "")) for e in entries}
        names |= {_document_of(d.source) for _, drafts in decks.values() for d in drafts}
        read_names = frozenset(names)
    else:
        read_names = frozenset(read)
    # Documents found gone are forgotten; this run's documents are where it found them.
    kept_places = {n: p for n, p in places.items() if n not in read_names and (out_dir / p).is_file()}
    kept_places.update({n: _place(p, out_dir) for n, p in (read or {}).items()})
    plan = Plan(
        documents=documents,
        read=read_names,
        places=dict(sorted(kept_places.items())),
        found_before=places,
        out_dir=out_dir,
    )
    parsed: dict[str, _Parsed | None] = {}
    for deck_id in sorted(set(decks) | set(old_manifest)):
        path = deck_file(out_dir, deck_id)
        if path.exists():
            try:
                text = read_regular_file(path, MAX_DECK_BYTES).decode("utf-8-sig").replace("\r\n", "\n")
            except UnreadableFile as exc:
                raise UserError(f"{path}: {exc.reason}", "no file was changed") from None
            except UnicodeDecodeError as exc:
                raise UserError(
                    f"{path}: cannot read this deck ({exc})", "save it as UTF-8 text; no file was changed"
                ) from None
            parsed[deck_id] = _parse(path, text)
        else:
            parsed[deck_id] = None
    # Cards kept because edited anywhere are not generated again elsewhere.
    generated_ids = {d.id for _, drafts in decks.values() for d in drafts}
    edited_anywhere: set[str] = set()
    dropped: set[str] = set()
    teacher_sources: set[str] = set()
    teacher_contexts: set[str] = set()
    teacher_ids: set[str] = set()
    # The teacher's own deck files (no generated deck of that name) count as well.
    readable = dict(parsed)
    if out_dir.is_dir():
        # The app's own rule for deck files (*.yaml and *.yml, not hidden, not topics.yaml).
        for path in deck_files([out_dir]):
            if path.stem not in readable:
                readable[path.stem] = _parse_quietly(path)
    for deck_id, deck in readable.items():
        entries = old_manifest.get(deck_id, {}).get("cards", {})
        dropped |= deck.dropped if deck else frozenset()
        for item in deck.items if deck else []:
            entry = entries.get(item.id) if item.id else None
            owned = entry is not None and not entry.get("deleted")
            if owned and _edited(item, entry):  # type: ignore[arg-type]
                edited_anywhere.add(item.id)  # type: ignore[arg-type]
            if not owned or _edited(item, entry):  # type: ignore[arg-type]
                # The teacher's card (written, edited or signed off): its sentence is taken.
                teacher_ids.add(item.id or "")
                # A seed line may hold a whole paragraph: the sentence (`context`) decides,
                # and the line only for a card that does not quote its sentence.
                if item.context:
                    teacher_contexts.add(normalised_context(item.context))
                elif item.source:
                    teacher_sources.add(item.source)
    # A teacher's `context` may quote the sentences around the fact as well: a draft's sentence
    # found anywhere inside one is taken (whole words: padded with spaces, one context a line).
    taken_text = " " + " \n ".join(sorted(teacher_contexts)) + " "
    superseded = {
        d.id
        for _, drafts in decks.values()
        for d in drafts
        if d.id not in teacher_ids
        and (d.source in teacher_sources or f" {normalised_context(d.context)} " in taken_text)
    }
    if dropped or superseded:
        decks = {
            deck_id: (topic, [d for d in drafts if d.id not in dropped and d.id not in superseded])
            for deck_id, (topic, drafts) in decks.items()
        }
        plan.report.dropped_by_author = sorted(dropped & generated_ids)
        plan.report.superseded = sorted(superseded - dropped)
    for deck_id in sorted(parsed):
        topic, drafts = decks.get(deck_id, (None, []))
        _plan_deck(
            plan,
            out_dir,
            deck_id,
            topic,
            drafts,
            parsed[deck_id],
            old_manifest.get(deck_id, {}),
            generated_ids,
            edited_anywhere,
        )
    return plan


def _edited(item: _Item, entry: dict) -> bool:
    return item.reviewed or item.commented or item.fingerprint != entry.get("fingerprint")


def _plan_deck(
    plan: Plan,
    out_dir: Path,
    deck_id: str,
    topic: Topic | None,
    drafts: list[Draft],
    parsed: _Parsed | None,
    old: dict,
    generated_ids: set[str],
    edited_anywhere: set[str],
) -> None:
    report = plan.report
    path = deck_file(out_dir, deck_id)
    entries: dict[str, dict] = dict(old.get("cards", {})) if parsed is not None else {}
    present = {item.id for item in parsed.items} if parsed else set()
    deleted = {
        card_id for card_id, entry in entries.items() if entry.get("deleted") or card_id not in present
    }
    wanted = [
        d for d in drafts if d.id not in deleted and not (d.id in edited_anywhere and d.id not in present)
    ]
    for card_id in sorted(deleted):
        if any(d.id == card_id for d in drafts):
            report.deleted_by_hand.append((deck_id, card_id))
    new_entries: dict[str, dict] = {
        card_id: {**entries[card_id], "deleted": True}
        for card_id in sorted(deleted)
        if any(d.id == card_id for d in drafts) or entries[card_id].get("deleted")
    }
    by_id = {d.id: d for d in wanted}
    indent = parsed.indent if parsed else "  "
    chains: dict[str | None, list[str]] = {None: []}
    verbatim: dict[str, str] = {}
    if parsed is not None:
        current: str | None = None
        for item, gap in zip(parsed.items, parsed.gaps, strict=True):
            entry = entries.get(item.id) if item.id else None
            owned = entry is not None and not entry.get("deleted")
            if owned and item.id in by_id:
                if _edited(item, entry):  # type: ignore[arg-type]
                    verbatim[item.id] = item.text  # type: ignore[index]
                    report.kept_edited.append((deck_id, item.id))  # type: ignore[arg-type]
                    new_entries[item.id] = entry  # type: ignore[index,assignment]
                current = item.id
                chains[current] = [gap]
                continue
            if owned and item.id not in generated_ids and plan.unread(entry.get("source", "")):  # type: ignore[union-attr]
                # Its document was not part of this run: nothing says it no longer yields it.
                report.kept_unread.append((deck_id, item.id, entry.get("source", "")))  # type: ignore[arg-type,union-attr]
                new_entries[item.id] = entry  # type: ignore[index,assignment]
                chains[current].append(item.text + gap)
                continue
            if owned and not _edited(item, entry):  # type: ignore[arg-type]
                # The generator's card, no longer generated here: removed.
                if item.id in report.dropped_by_author or item.id in report.superseded:
                    pass  # reported as such
                elif item.id in generated_ids:
                    report.moved.append((deck_id, item.id))  # type: ignore[arg-type]
                else:
                    report.removed.append((deck_id, item.id, entry.get("source", "")))  # type: ignore[arg-type,union-attr]
                if gap.strip():  # a comment after the removed card stays; its blank lines go with it
                    chains[current].append(gap)
                continue
            if owned:
                report.vanished_kept.append((deck_id, item.id, entry.get("source", "")))  # type: ignore[arg-type,union-attr]
                new_entries[item.id] = entry  # type: ignore[index,assignment]
            else:
                report.kept_added.append((deck_id, item.id or "(no id)"))
            chains[current].append(item.text + gap)
    # Assemble: the start chain, then the generated cards in their own order, each
    # followed by what followed it before (hand-added cards, comments, blank lines).
    kept_items = sum(
        1 for chain in chains.values() for chunk in chain if re.search(r"^\s*-\s", chunk, re.MULTILINE)
    )
    header_edited = parsed is not None and old.get("header") != _header_hash(parsed.prefix)
    if parsed is not None and (header_edited or topic is None):
        head, header_entry = parsed.prefix, old.get("header")  # the teacher's title stays
    else:
        head = header(topic, wanted, plan.documents) if topic else ""
        header_entry = _header_hash(head)
    if not wanted and not kept_items and not header_edited:
        if path.exists():  # nothing left of this deck: neither generated nor hand-made
            plan.files[path] = None
            report.files_removed.append(path.name)
        return
    pieces: list[str] = [head, *chains[None]]
    written = 0
    for draft in wanted:
        text = verbatim.get(draft.id) or card_text(draft, indent)
        _append_card(pieces, text)
        pieces.extend(chains.get(draft.id, []))
        if draft.id not in verbatim:
            written += 1
            new_entries[draft.id] = {"fingerprint": fingerprint(draft_fields(draft)), "source": draft.source}
    text = "".join(pieces).rstrip("\n") + "\n"
    if not wanted and not kept_items and text.rstrip().endswith("cards:"):
        text = text.rstrip() + " []\n"
    if parsed is not None and parsed.tail:
        text += parsed.tail
    plan.files[path] = text
    report.written[deck_id] = written
    plan.manifest[deck_id] = {"header": header_entry, "cards": dict(sorted(new_entries.items()))}


def _append_card(pieces: list[str], card: str) -> None:
    """Cards are separated by one blank line, whatever came before."""
    so_far = "".join(pieces[-3:])
    if so_far and not so_far.endswith("cards:\n") and not so_far.endswith("\n\n"):
        pieces.append("\n" if so_far.endswith("\n") else "\n\n")
    pieces.append(card)


def write_plan(out_dir: Path, plan: Plan) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for path, text in sorted(plan.files.items()):
        if text is None:
            path.unlink(missing_ok=True)
            continue
        if path.exists() and path.read_bytes() == text.encode("utf-8"):
            continue  # unchanged: leave the file (and its mtime) alone
        write_atomically(path, text)
        plan.report.files_changed.append(path.name)
    manifest = {
        "format": MANIFEST_FORMAT,
        "about": "Written by `caucasusquiz generate`: fingerprints of the cards it wrote, so "
        "that cards edited or added by hand are kept. See docs/generator.md.",
        "decks": dict(sorted(plan.manifest.items())),
        "documents": plan.places,
    }
    text = json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    target = out_dir / MANIFEST
    if not (target.exists() and target.read_bytes() == text.encode("utf-8")):
        write_atomically(target, text)
