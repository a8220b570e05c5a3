"""Reading one deck file: bytes → text → YAML nodes → checked Deck, collecting every problem.

This is the only place deck files are parsed. It never raises for a bad file: a
teacher gets the full list of problems, each with a line, and the valid cards of a
partly broken deck stay usable.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypedDict

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caucasusquiz.decks.ids import ID_RULE, is_valid_id
from caucasusquiz.decks.left_out import items_by_lines
from caucasusquiz.decks.model import (
    CARD_TYPES,
    CLOZE_BLANK,
    Card,
    CardType,
    Deck,
    DeckLoad,
    Problem,
    ProblemKind,
    Severity,
)
from caucasusquiz.decks.sources import is_safe_documents_folder, is_safe_source_name
from caucasusquiz.decks.text_slips import text_slips
from caucasusquiz.decks.yamlio import NULL, YamlProblem, compose, line_of, scalar_bool
from caucasusquiz.files import UnreadableFile, read_regular_file
from caucasusquiz.text import first_forbidden_char, fold

MAX_DECK_BYTES = 16 * 1024 * 1024
FORMAT_VERSION = 1
SHOWN_DISTRACTORS = 3
LONG_PROMPT = 400
LONG_TYPED_ANSWER = 60

TOP_KEYS = ("title", "description", "tags", "cards", "version", "dropped", "study", "documents")
COMMON_CARD_KEYS = ("id", "type", "tags", "source", "context", "reviewed")
STUDY_SCOPES = ("all", "reviewed")
REVIEWED_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TYPE_KEYS: dict[CardType, tuple[str, ...]] = {
    CardType.CLOZE: ("text",),
    CardType.QA: ("question", "answer", "accept"),
    CardType.CHOICE: ("question", "answer", "distractors"),
    CardType.TRUEFALSE: ("statement", "answer"),
}


class _TypeFields(TypedDict, total=False):
    """The fields only some card types have."""

    accept: tuple[str, ...]
    distractors: tuple[str, ...]
    hint: str | None


_Body = tuple[str, str, _TypeFields]  # prompt, answer, type fields
_Fields = dict[str, tuple[Node, Node]]  # a mapping's keys: (key node, value node)

ALL_CARD_KEYS = tuple(dict.fromkeys(COMMON_CARD_KEYS + sum(TYPE_KEYS.values(), ())))


def read_deck(path: Path, deck_id: str | None = None) -> DeckLoad:
    """Read and check one deck file. Never raises for anything wrong inside the file."""
    reader = _DeckReader(path, deck_id or path.stem)
    return reader.read()


def read_deck_text(text: str, path: Path, deck_id: str | None = None) -> DeckLoad:
    """Check deck text that is not on disk yet (an import about to be written)."""
    return _DeckReader(path, deck_id or path.stem).read_text(text)


class _DeckReader:
    def __init__(self, path: Path, deck_id: str) -> None:
        self.path = path
        self.deck_id = deck_id
        self.problems: list[Problem] = []
        self.lines: list[str] = []  # the file's text, for hints that quote what to edit
        self.written = 0  # the items of `cards:`, as a teacher counts them in the file

    # -- reporting -------------------------------------------------------------

    def error(self, where: Node | int, message: str, hint: str | None = None, *, kind: ProblemKind) -> None:
        line = where if isinstance(where, int) else line_of(where)
        self.problems.append(Problem(self.path, line, message, hint, kind=kind))

    def warn(self, where: Node | int, message: str, hint: str | None = None, *, kind: ProblemKind) -> None:
        line = where if isinstance(where, int) else line_of(where)
        self.problems.append(Problem(self.path, line, message, hint, Severity.WARNING, kind=kind))

    def result(self, deck: Deck | None) -> DeckLoad:
        self.problems.sort(key=lambda p: p.line)
        return DeckLoad(self.path, deck, self.problems, self.written)

    # -- file level ------------------------------------------------------------

    def read(self) -> DeckLoad:
        if first_forbidden_char(self.path.name) is not None or first_forbidden_char(self.deck_id):
            # A deck id is stored with progress and shown: it must be printable UTF-8 text.
            self.error(
                1,
                "the file name is not printable UTF-8 text",
                "rename the file, e.g. to history.yaml",
                kind=ProblemKind.FILE_NAME,
            )
            return self.result(None)
        try:
            data = read_regular_file(self.path, MAX_DECK_BYTES)
        except UnreadableFile as exc:
            if exc.size is None:
                self.error(1, exc.reason, self._unreadable_hint(exc), kind=ProblemKind.UNREADABLE)
            else:
                self.error(
                    1,
                    _too_large(exc.size),
                    "split it into several deck files",
                    kind=ProblemKind.TOO_LARGE,
                )
            return self.result(None)
        if b"\x00" in data:
            line = data.count(b"\n", 0, data.index(b"\x00")) + 1
            with contextlib.suppress(UnicodeDecodeError):  # a deck with a stray NUL has cards to count
                self.written = items_by_lines(data.decode("utf-8-sig"))
            self.error(
                line,
                "this is a binary file, not a YAML deck",
                "decks are plain UTF-8 text",
                kind=ProblemKind.BINARY,
            )
            return self.result(None)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.error(
                line,
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                "save the file as UTF-8 in your editor",
                kind=ProblemKind.NOT_UTF8,
            )
            return self.result(None)
        return self.read_text(text)

    def _unreadable_hint(self, exc: UnreadableFile) -> str | None:
        """What to do about a deck file that is there by name only."""
        if exc.missing and self.path.is_symlink():
            return "it is a link to a file that is not there: remove the link, or point it at the deck"
        if not exc.missing and self.path.exists() and not self.path.is_file():
            return "a deck is a plain text file: move this out of the decks folder"
        return None

    def read_text(self, text: str) -> DeckLoad:
        self.lines = text.splitlines()
        tab_lines = self._tab_indented_lines(text)
        try:
            root = compose(text)
        except YamlProblem as problem:
            self.written = items_by_lines(text)
            if problem.line not in tab_lines:  # tab lines are already reported, with a better hint
                self.error(problem.line, problem.message, problem.hint, kind=problem.kind)
            return self.result(None)
        if root is None or (isinstance(root, ScalarNode) and root.tag == NULL):
            self.error(
                1,
                "the file is empty",
                "a deck needs at least `title:` and `cards:`; see `caucasusquiz docs deck-format`",
                kind=ProblemKind.EMPTY_FILE,
            )
            return self.result(None)
        self.problems.extend(text_slips(root, self.lines, self.path))
        return self.result(self._deck(root))

    def _tab_indented_lines(self, text: str) -> list[int]:
        lines = []
        for number, line in enumerate(text.splitlines(), start=1):
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                lines.append(number)
                self.error(
                    number,
                    "tab used for indentation",
                    "indent with spaces; YAML forbids tabs",
                    kind=ProblemKind.TAB_INDENT,
                )
        return lines

    # -- deck level ------------------------------------------------------------

    def _deck(self, root: Node) -> Deck | None:
        if not isinstance(root, MappingNode):
            self.error(
                root,
                f"the top level must be a mapping with `title:` and `cards:`, not {_a_kind(root)}",
                "see `caucasusquiz docs deck-format` for a complete example",
                kind=ProblemKind.WRONG_SHAPE,
            )
            return None
        fields = self._mapping(root, TOP_KEYS, what="deck")
        title = self._text(fields, "title", root, required=True)
        description = self._text(fields, "description", root)
        deck_tags = self._tags(fields)
        if "version" in fields:
            value = fields["version"][1]
            if not (isinstance(value, ScalarNode) and value.value.strip() == str(FORMAT_VERSION)):
                self.error(
                    value,
                    f"unsupported deck format version {value_text(value)!r}",
                    f"this caucasusquiz reads version {FORMAT_VERSION}",
                    kind=ProblemKind.UNSUPPORTED_VERSION,
                )
        cards: list[Card] = []
        if "cards" not in fields:
            self.error(
                root,
                "the deck has no `cards:` list",
                "add `cards:` followed by `- id: ...` items",
                kind=ProblemKind.MISSING_FIELD,
            )
        else:
            key, value = fields["cards"]
            if isinstance(value, ScalarNode) and value.tag == NULL:
                self.warn(key, "the deck has no cards yet", kind=ProblemKind.NO_CARDS)
            elif not isinstance(value, SequenceNode):
                self.error(
                    value,
                    f"`cards` must be a list of cards, not {_a_kind(value)}",
                    "write each card as an item starting with `- `",
                    kind=ProblemKind.WRONG_SHAPE,
                )
            else:
                self.written = len(value.value)
                cards = self._cards(value, deck_tags)
                if not value.value:
                    self.warn(key, "the deck has no cards yet", kind=ProblemKind.NO_CARDS)
        dropped = self._dropped(fields, cards)
        reviewed_only = self._study(fields)
        documents = self._documents(fields)
        if title is None:
            return None
        return Deck(
            self.deck_id,
            title,
            self.path,
            tuple(cards),
            description,
            deck_tags,
            dropped,
            reviewed_only,
            documents,
        )

    def _documents(self, fields: _Fields) -> tuple[Path, ...]:
        """`documents: "../articles"` (or a list): where the cards' source documents are, from
        the deck file's folder. Only relative paths: a deck handed around must not point the
        source viewer at an arbitrary place (`sources.find_source` checks what they resolve to)."""
        if "documents" not in fields:
            return ()
        value = fields["documents"][1]
        if isinstance(value, ScalarNode):
            text = self._text(fields, "documents", value)
            names: tuple[str, ...] = (text,) if text is not None else ()
        else:
            names = self._text_list(fields, "documents") or ()
        folders: list[Path] = []
        for name in names:
            if not is_safe_documents_folder(name):
                self.warn(
                    value,
                    f"documents folder {name!r} is not a path relative to the deck file; it will not be used",
                    'write the folder relative to this deck\'s folder, e.g. documents: "../articles"',
                    kind=ProblemKind.UNSAFE_PATH,
                )
                continue
            folders.append(self.path.parent / name)
        return tuple(folders)

    def _dropped(self, fields: _Fields, cards: list[Card]) -> tuple[str, ...]:
        """`dropped: [id, …]`: generated cards the author removed; regeneration leaves them out."""
        ids = self._text_list(fields, "dropped") or ()
        kept: list[str] = []
        present = {card.id: card.line for card in cards}
        for card_id in ids:
            if not is_valid_id(card_id):
                self.error(
                    fields["dropped"][1],
                    f"invalid id {card_id!r} in `dropped`: use {ID_RULE}",
                    kind=ProblemKind.INVALID_ID,
                )
                continue
            if card_id in present:
                self.warn(
                    present[card_id],
                    f"card {card_id!r} is listed in `dropped` but is still in the deck",
                    "remove it from `dropped` to keep it, or delete the card",
                    kind=ProblemKind.DROPPED_BUT_PRESENT,
                )
            kept.append(card_id)
        return tuple(dict.fromkeys(kept))

    def _study(self, fields: _Fields) -> bool:
        """`study: all` (the default) or `study: reviewed` (students see reviewed cards only)."""
        if "study" not in fields:
            return False
        value = fields["study"][1]
        word = value.value.strip().lower() if isinstance(value, ScalarNode) else None
        if word not in STUDY_SCOPES:
            shown = value_text(value)
            self.error(
                value,
                f"unknown `study` setting {shown!r}",
                _did_you_mean(shown, STUDY_SCOPES, "use `study: all` or `study: reviewed`"),
                kind=ProblemKind.INVALID_VALUE,
            )
            return False
        return bool(word == "reviewed")

    def _reviewed(self, fields: _Fields) -> str | None:
        """`reviewed: true` or `reviewed: 2026-11-29` marks a card an author signed off."""
        if "reviewed" not in fields:
            return None
        value = fields["reviewed"][1]
        text = value.value.strip() if isinstance(value, ScalarNode) else ""
        truth = scalar_bool(value) if isinstance(value, ScalarNode) else None
        if truth is not None:
            return "true" if truth else None
        if REVIEWED_DATE.fullmatch(text):
            try:
                date.fromisoformat(text)
            except ValueError:
                pass
            else:
                return text
        self.error(
            value,
            f"`reviewed` must be true, false or a date like 2026-11-29, not {value_text(value)!r}",
            "the author screen writes it for you (caucasusquiz author)",
            kind=ProblemKind.INVALID_VALUE,
        )
        return None

    def _cards(self, seq: SequenceNode, deck_tags: tuple[str, ...]) -> list[Card]:
        cards: list[Card] = []
        first_use: dict[str, Node] = {}
        for item in seq.value:
            # Duplicates are found on the raw ids, so a broken first card still claims its id.
            raw_id = _raw_id(item)
            duplicate = False
            if raw_id is not None and raw_id in first_use:
                duplicate = True
                keeper = first_use[raw_id]
                # Usually a card copied with its id to make a new one: say which card now owns
                # the id (and the progress stored under it) and which one is not studied.
                self.error(
                    item,
                    f"duplicate id {raw_id!r} (first used on line {line_of(keeper)}): the card on "
                    f"line {line_of(keeper)}{_prompt_words(keeper)} keeps this id and its progress; "
                    f"this card{_prompt_words(item)} is left out",
                    self._duplicate_id_hint(keeper, item),
                    kind=ProblemKind.DUPLICATE_ID,
                )
            elif raw_id is not None:
                first_use[raw_id] = item
            # A duplicate is still read, for its other problems: a teacher fixing the id
            # should not then meet a second round of errors. The card itself is left out.
            card = self._card(item, deck_tags)
            if card is not None and not duplicate:
                cards.append(card)
        return cards

    def _duplicate_id_hint(self, keeper: Node, copy: Node) -> str:
        """Say exactly what to edit: the `id:` often shares its line with the `- ` that starts
        the card, and deleting that whole line merges the card into the one above."""
        spots = [spot for card in (keeper, copy) if (spot := self._id_spot(card)) is not None]
        rows = " or ".join(str(spot[0]) for spot in spots)
        literal, deleted = (spots[-1][1], spots[-1][2]) if spots else ("id:", "id:")
        keep_dash = " (keep the `- ` before it)" if any(spot[3] for spot in spots) else ""
        return (
            f"if one of them is a copy, change its `{literal}` (line {rows}) to a new id, or "
            f"delete just `{deleted}` from that line{keep_dash} and run `caucasusquiz check --fix`"
            " to give it an id of its own"
        )

    def _id_spot(self, card: Node) -> tuple[int, str, str, bool] | None:
        """Line of a card's id; `id: x` as typed; what to delete; whether a `- ` precedes it."""
        if not isinstance(card, MappingNode):
            return None
        for key, value in card.value:
            if not (isinstance(key, ScalarNode) and key.value == "id"):
                continue
            row, start = key.start_mark.line, key.start_mark.column
            line = self.lines[row] if row < len(self.lines) else ""
            end = value.end_mark.column if value.end_mark.line == row else len(line)
            literal = line[start:end].rstrip() or f"id: {value_text(value)}"
            deleted = literal
            if card.flow_style and line[end:].lstrip().startswith(","):
                deleted += ","  # `{id: x, question: ...}`: the comma goes too, or the braces break
            return row + 1, literal, deleted, line[:start].strip().endswith("-")
        return None

    # -- card level ------------------------------------------------------------

    def _card(self, node: Node, deck_tags: tuple[str, ...]) -> Card | None:
        if not isinstance(node, MappingNode):
            self.error(
                node,
                f"a card must be a mapping of fields, not {_a_kind(node)}",
                "start each card with `- id: ...` and put its fields below it",
                kind=ProblemKind.WRONG_SHAPE,
            )
            return None
        card_type = self._card_type(node)
        allowed = COMMON_CARD_KEYS + (
            TYPE_KEYS[card_type] if card_type else ALL_CARD_KEYS[len(COMMON_CARD_KEYS) :]
        )
        fields = self._mapping(node, allowed, what="card", card_type=card_type)

        card_id = self._text(fields, "id", node)
        if card_id is None:
            if "id" not in fields:
                self.error(
                    node,
                    "card has no id",
                    "run `caucasusquiz check --fix` to give it one (nothing else changes)",
                    kind=ProblemKind.MISSING_ID,
                )
        elif not is_valid_id(card_id):
            self.error(fields["id"][1], f"invalid id {card_id!r}: use {ID_RULE}", kind=ProblemKind.INVALID_ID)
            card_id = None
        tags = tuple(dict.fromkeys(deck_tags + self._tags(fields)))
        source = self._text(fields, "source", node)
        if source is not None:
            self._check_source(source, fields["source"][1])
        context = self._text(fields, "context", node)
        reviewed = self._reviewed(fields)
        if card_type is None:
            return None
        body = self._body(card_type, fields, node)
        if body is None or card_id is None:
            return None
        prompt, answer, extra = body
        return Card(
            self.deck_id,
            card_id,
            card_type,
            answer,
            prompt,
            line=line_of(node),
            tags=tags,
            source=source,
            context=context,
            reviewed=reviewed,
            draft=reviewed is None and _says_false(fields.get("reviewed")),
            **extra,
        )

    def _card_type(self, node: MappingNode) -> CardType | None:
        keys = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
        if "type" in keys:
            value = keys["type"]
            name = value.value.strip().lower() if isinstance(value, ScalarNode) else None
            if name in CARD_TYPES:
                return CardType(name)
            shown = value_text(value)
            self.error(
                value,
                f"unknown card type {shown!r}",
                _card_type_hint(shown),
                kind=ProblemKind.UNKNOWN_TYPE,
            )
            return None
        # A hand-written card without `type:` is read by the field that makes it what it is.
        if "text" in keys:
            return CardType.CLOZE
        if "statement" in keys:
            return CardType.TRUEFALSE
        if "distractors" in keys:
            return CardType.CHOICE
        if "question" in keys:
            return CardType.QA
        self.error(
            node,
            "card has no `type:` and no question, text or statement",
            f"add `type:` ({', '.join(CARD_TYPES)}) and the fields it needs",
            kind=ProblemKind.NO_TYPE,
        )
        return None

    def _body(self, card_type: CardType, fields: _Fields, node: MappingNode) -> _Body | None:
        if card_type is CardType.CLOZE:
            return self._cloze(fields, node)
        if card_type is CardType.TRUEFALSE:
            statement = self._text(fields, "statement", node, required=True)
            truth = self._truth(fields, node)
            if statement is None or truth is None:
                return None
            self._check_length(fields["statement"][1], statement)
            return statement, "true" if truth else "false", {}
        question = self._text(fields, "question", node, required=True)
        answer = self._text(fields, "answer", node, required=True)
        if question is None or answer is None:
            return None
        self._check_length(fields["question"][1], question)
        if _folded(answer) in _folded(question) and len(answer) > 3:
            self.warn(
                fields["answer"][1],
                "the answer appears in the question itself",
                "reword the question so it does not give the answer away",
                kind=ProblemKind.GIVES_ANSWER_AWAY,
            )
        if card_type is CardType.QA:
            accept = self._text_list(fields, "accept") or ()
            if len(answer) > LONG_TYPED_ANSWER:
                self.warn(
                    fields["answer"][1],
                    f"answer is {len(answer)} characters long; long answers are hard to type",
                    "shorten it or make it a choice card",
                    kind=ProblemKind.LONG_TEXT,
                )
            return question, answer, {"accept": accept}
        distractors = self._text_list(fields, "distractors")
        if distractors is None:
            if "distractors" not in fields:
                self.error(
                    node,
                    "choice card has no `distractors:`",
                    "add a list of at least 2 wrong answers",
                    kind=ProblemKind.MISSING_FIELD,
                )
            return None
        where = fields["distractors"][1]
        if len(distractors) < 2:
            self.error(
                where,
                f"a choice card needs at least 2 distractors, this one has {len(distractors)}",
                "add wrong answers of the same kind as the answer",
                kind=ProblemKind.TOO_FEW_DISTRACTORS,
            )
            return None
        if _folded(answer) in {_folded(d) for d in distractors}:
            self.error(
                where,
                f"the answer {answer!r} is also listed as a distractor",
                "remove it from `distractors`",
                kind=ProblemKind.ANSWER_IS_DISTRACTOR,
            )
            return None
        if len({_folded(d) for d in distractors}) < len(distractors):
            self.warn(where, "the same distractor is listed twice", kind=ProblemKind.REPEATED_DISTRACTOR)
        if len(distractors) > SHOWN_DISTRACTORS:
            self.warn(
                where,
                f"{len(distractors)} distractors: each review shows "
                f"{SHOWN_DISTRACTORS} of them, picked at random",
                kind=ProblemKind.MANY_DISTRACTORS,
            )
        return question, answer, {"distractors": tuple(dict.fromkeys(distractors))}

    def _cloze(self, fields: _Fields, node: MappingNode) -> _Body | None:
        text = self._text(fields, "text", node, required=True)
        if text is None:
            return None
        where = fields["text"][1]
        blanks = CLOZE_BLANK.findall(text)
        if not blanks:
            self.error(
                where,
                "cloze text has no {{blank}}",
                "wrap the answer in double braces: The embassy opened in {{1992}}.",
                kind=ProblemKind.CLOZE_BLANK,
            )
            return None
        if len(blanks) > 1:
            self.error(
                where,
                f"cloze text has {len(blanks)} blanks; a cloze card has exactly one",
                "split it into one card per blank",
                kind=ProblemKind.CLOZE_BLANK,
            )
            return None
        rest = CLOZE_BLANK.sub("", text)
        if "{{" in rest or "}}" in rest:
            self.error(
                where,
                "unbalanced braces in cloze text",
                "a blank is written {{answer}}",
                kind=ProblemKind.CLOZE_BLANK,
            )
            return None
        answer, _, hint = blanks[0].partition("::")
        answer, hint = answer.strip(), hint.strip() or None
        if not answer:
            self.error(
                where,
                "the cloze blank is empty",
                "write the answer inside {{ }}",
                kind=ProblemKind.CLOZE_BLANK,
            )
            return None
        self._check_length(where, text)
        if len(answer) > 3 and _folded(answer) in _folded(rest):
            self.warn(
                where,
                f"the answer {answer!r} also appears outside the blank",
                "the card gives its own answer away",
                kind=ProblemKind.GIVES_ANSWER_AWAY,
            )
        return text, answer, {"hint": hint}

    def _truth(self, fields: _Fields, node: MappingNode) -> bool | None:
        if "answer" not in fields:
            self.error(
                node,
                "true/false card has no `answer:`",
                "add `answer: true` or `answer: false`",
                kind=ProblemKind.MISSING_FIELD,
            )
            return None
        value = fields["answer"][1]
        truth = scalar_bool(value) if isinstance(value, ScalarNode) else None
        if truth is None:
            self.error(
                value,
                f"a true/false answer must be true or false, not {value_text(value)!r}",
                kind=ProblemKind.INVALID_VALUE,
            )
        return truth

    def _check_source(self, source: str, node: Node) -> None:
        name, _, _ = source.rpartition(":")
        if not is_safe_source_name(name or source):
            self.warn(
                node,
                f"source {source!r} points outside the decks' and seeds' folders; it will not be shown",
                _source_name_hint(source),
                kind=ProblemKind.UNSAFE_PATH,
            )

    def _check_length(self, node: Node, text: str) -> None:
        if len(text) > LONG_PROMPT:
            self.warn(
                node,
                f"prompt is {len(text)} characters long",
                "cards are easier to study when they ask one short thing",
                kind=ProblemKind.LONG_TEXT,
            )

    # -- field helpers ---------------------------------------------------------

    def _mapping(
        self, node: MappingNode, allowed: tuple[str, ...], what: str, card_type: CardType | None = None
    ) -> _Fields:
        fields: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag == NULL:
                self.error(key, f"{what} keys must be plain names", kind=ProblemKind.WRONG_SHAPE)
                continue
            name = key.value
            if name in fields:
                self.error(
                    key,
                    f"duplicate key {name!r} (first on line {line_of(fields[name][0])})",
                    (self._merged_cards_hint(node) if what == "card" else None)
                    or "YAML would silently keep only the last one; remove one of them",
                    kind=ProblemKind.DUPLICATE_KEY,
                )
                continue
            if name not in allowed:
                self._unknown_key(key, name, allowed, what, card_type)
                merged = self._merged_cards_hint(node) if what == "card" else None
                if merged and name in ALL_CARD_KEYS:  # another type's field: the other card's
                    self.problems[-1] = replace(self.problems[-1], hint=merged)
                continue
            fields[name] = (key, value)
        return fields

    def _merged_cards_hint(self, card: MappingNode) -> str | None:
        """A card with a second `type:` or `question:`, or several fields twice, is two cards
        run together: the `- ` line of the second was deleted (often while fixing a duplicate
        id). Deleting the repeated fields would lose that card: say where it starts instead."""
        start = _second_card_start(card)
        if start is None:
            return None
        row = start.start_mark.line
        line = self.lines[row] if row < len(self.lines) else ""
        indent = start.start_mark.column
        dashed = " " * max(0, indent - 2) + "- " + line[indent:].strip()
        return (
            f"two cards seem merged into one: the second starts on line {row + 1} and lost its "
            f"`- `; write that line as `{dashed}` and run `caucasusquiz check --fix` to give "
            "the card an id (the one it had when known, so its progress is kept)"
        )

    def _unknown_key(
        self, key: Node, name: str, allowed: tuple[str, ...], what: str, card_type: CardType | None
    ) -> None:
        if card_type is not None and name in ALL_CARD_KEYS:
            owners = [t.value for t, keys in TYPE_KEYS.items() if name in keys]
            self.error(
                key,
                f"`{name}` is not used by a {card_type.value} card",
                f"did you mean `type: {owners[0]}`?" if owners else None,
                kind=ProblemKind.FIELD_OF_OTHER_TYPE,
            )
            return
        self.error(
            key,
            f"unknown {what} field {name!r}",
            (_card_field_hint(name) if what == "card" else None)
            or _did_you_mean(name, allowed, f"{what} fields are: {', '.join(allowed)}"),
            kind=ProblemKind.UNKNOWN_FIELD,
        )

    def _text(self, fields: _Fields, name: str, parent: Node, required: bool = False) -> str | None:
        if name not in fields:
            if required:
                self.error(
                    parent,
                    f"missing required field `{name}`",
                    _missing_field_hint(name, parent),
                    kind=ProblemKind.MISSING_FIELD,
                )
            return None
        value = fields[name][1]
        if not isinstance(value, ScalarNode):
            self.error(
                value,
                f"`{name}` must be text, not {_a_kind(value)}",
                _not_text_hint(name, value),
                kind=ProblemKind.WRONG_SHAPE,
            )
            return None
        if value.tag == NULL or not value.value.strip():
            self.error(
                value,
                f"`{name}` is empty",
                "write the text or remove the field",
                kind=ProblemKind.EMPTY_VALUE,
            )
            return None
        return self._clean(value, value.value, name)

    def _text_list(self, fields: _Fields, name: str) -> tuple[str, ...] | None:
        if name not in fields:
            return None
        value = fields[name][1]
        if not isinstance(value, SequenceNode):
            self.error(
                value,
                f"`{name}` must be a list, not {_a_kind(value)}",
                f"write it as {name}: [first, second]",
                kind=ProblemKind.WRONG_SHAPE,
            )
            return None
        items: list[str] = []
        for item in value.value:
            if not isinstance(item, ScalarNode):
                self.error(
                    item,
                    f"each entry of `{name}` must be text, not {_a_kind(item)}",
                    kind=ProblemKind.WRONG_SHAPE,
                )
            elif item.tag == NULL or not item.value.strip():
                self.error(item, f"empty entry in `{name}`", kind=ProblemKind.EMPTY_VALUE)
            else:
                text = self._clean(item, item.value, name)
                if text is not None:
                    items.append(text)
        return tuple(items)

    def _tags(self, fields: _Fields) -> tuple[str, ...]:
        tags = self._text_list(fields, "tags") or ()
        for tag in tags:
            if any(ch.isspace() for ch in tag):
                self.warn(
                    fields["tags"][1],
                    f"tag {tag!r} contains a space",
                    "use - or _ inside tags so they can be searched",
                    kind=ProblemKind.TAG_WITH_SPACE,
                )
        return tags

    def _clean(self, node: ScalarNode, text: str, name: str) -> str | None:
        bad = first_forbidden_char(text)
        if bad is not None:
            position, description = bad
            self.error(
                line_of(node) + text.count("\n", 0, position),
                f"`{name}` contains {description}",
                "card text must be plain text; remove the character",
                kind=ProblemKind.FORBIDDEN_CHARACTER,
            )
            return None
        return text.strip()


# Fields every card has once: one of them twice marks where a second card begins.
_CARD_STARTS = frozenset({"id", "type", "question", "text", "statement"})


def _second_card_start(card: MappingNode) -> Node | None:
    """The key where a card that lost its `- ` line begins inside the card above it: the first
    repeated key, when it is one a card has only once or when two or more keys repeat."""
    seen: set[str] = set()
    repeated: list[Node] = []
    for key, _ in card.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if name is None:
            continue
        if name in seen:
            repeated.append(key)
        seen.add(name)
    if not repeated:
        return None
    first = repeated[0]
    starts_a_card = any(isinstance(k, ScalarNode) and k.value in _CARD_STARTS for k in repeated)
    return first if starts_a_card or len(repeated) > 1 else None


def _raw_id(node: Node) -> str | None:
    if not isinstance(node, MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
            return value.value.strip() or None
    return None


PROMPT_KEYS = ("question", "text", "statement")
PROMPT_WORDS = 6


def _prompt_words(card: Node) -> str:
    """` ("Which army's invasion in April…")`: how a teacher recognises a card in a message."""
    if not isinstance(card, MappingNode):
        return ""
    for key, value in card.value:
        if isinstance(key, ScalarNode) and key.value in PROMPT_KEYS and isinstance(value, ScalarNode):
            words = value.value.split()
            if words:
                shown = " ".join(words[:PROMPT_WORDS]) + ("…" if len(words) > PROMPT_WORDS else "")
                return f' ("{shown}")'
    return ""


def _too_large(size: int) -> str:
    """`file is 20.5 MiB; decks are limited to 16 MiB`, in bytes when MiB would not show the
    difference ("file is 16.0 MiB; decks are limited to 16 MiB" read as a file within the limit)."""
    shown, limit = _mib(size), _mib(MAX_DECK_BYTES)
    if shown == limit:
        return f"file is {size:,} bytes; decks are limited to {limit} ({MAX_DECK_BYTES:,} bytes)"
    return f"file is {shown}; decks are limited to {limit}"


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MiB"


def _missing_field_hint(name: str, parent: Node) -> str:
    """Say where to add the field, or point at the field that is most likely it misspelt (an
    `answr:` is reported twice: as unknown, and as the missing `answer`)."""
    if isinstance(parent, MappingNode):
        for key, _ in parent.value:
            typed = key.value if isinstance(key, ScalarNode) else None
            if typed and typed != name and difflib.get_close_matches(typed, [name], n=1, cutoff=0.75):
                return f"line {line_of(key)} has `{typed}`: spell it `{name}`"
    return f"add `{name}:` and its text {'at the top of the file' if name == 'title' else 'to this card'}"


def _not_text_hint(name: str, value: Node) -> str:
    """`answer: [A, B]`, `question: [1992] …`: YAML read brackets or braces as a list or mapping."""
    if name == "answer" and isinstance(value, SequenceNode):
        return "a card has one answer; other answers to accept go in `accept: [...]`"
    return "a value starting with [ or { is read as a list or mapping: put the whole value in quotes"


def value_text(node: Node) -> str:
    return node.value if isinstance(node, ScalarNode) else f"<{_kind(node)}>"


def _a_kind(node: Node) -> str:
    """`a list`, `an empty value`: for "must be text, not …"."""
    kind = _kind(node)
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "mapping"
    if isinstance(node, SequenceNode):
        return "list"
    if node.tag == NULL:
        return "empty value"
    return "single value"


def _folded(text: str) -> str:
    """How the checker compares answers, questions and distractors: folded, spaces collapsed."""
    return " ".join(fold(text).split())


def _did_you_mean(word: str, choices: tuple[str, ...], fallback: str) -> str:
    close = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else fallback


# What teachers call the card types, and the names the review screen shows for them.
_TYPE_NAMES = {
    CardType.CHOICE: ("multiple choice", "multiple", "mc", "mcq", "choices", "multi"),
    CardType.QA: ("question", "typed", "open", "q&a", "q/a", "short answer"),
    CardType.CLOZE: ("fill the blank", "fill in the blank", "fill-in", "blank", "gap", "gap fill"),
    CardType.TRUEFALSE: ("true/false", "true false", "true-false", "tf", "t/f", "yes/no", "boolean"),
}
# Fields teachers write for the ones the format has.
_FIELD_NAMES = {
    "distractors": ("distractor", "choices", "options", "wrong", "wrong_answers", "alternatives"),
    "accept": ("accepted", "also", "alternatives_accepted", "answers", "synonyms"),
    "question": ("prompt", "q"),
    "answer": ("a", "correct", "solution"),
    "text": ("cloze", "sentence", "blank"),
    "context": ("fact", "explanation", "note", "notes"),
    "tags": ("tag", "topic", "topics"),
}


def _card_type_hint(typed: str) -> str:
    """`type: multiple choice` is what the review screen calls a choice card: name it."""
    spelt = " ".join(typed.strip().lower().replace("_", " ").split())
    for card_type, names in _TYPE_NAMES.items():
        if spelt in names or spelt.replace(" ", "-") in names:
            return f"write `type: {card_type.value}` (the file's name for a {_TYPE_LABELS[card_type]} card)"
    return _did_you_mean(typed, CARD_TYPES, f"use one of: {', '.join(CARD_TYPES)}")


_TYPE_LABELS = {
    CardType.CHOICE: "multiple-choice",
    CardType.QA: "typed-answer question",
    CardType.CLOZE: "fill-the-blank",
    CardType.TRUEFALSE: "true/false",
}


def _card_field_hint(name: str) -> str | None:
    """`distractor:`, `choices:`: the field meant, and the card type it makes, whatever
    type the card was read as."""
    folded = name.strip().lower()
    close = difflib.get_close_matches(folded, ALL_CARD_KEYS, n=1, cutoff=0.75)
    meant = next((field for field, names in _FIELD_NAMES.items() if folded in names), None)
    meant = meant or (close[0] if close else None)
    if meant is None:
        return None
    owners = [t for t, keys in TYPE_KEYS.items() if meant in keys]
    makes = f" (it makes a {_TYPE_LABELS[owners[0]]} card)" if len(owners) == 1 else ""
    return f"did you mean {meant!r}?{makes}"


def _source_name_hint(source: str) -> str:
    """`source: "../articles/tea.txt:3"` → write `tea.txt:3` and say where the folder is: the
    example is the teacher's own file, not a seed of the shipped decks."""
    name, _, line = source.rpartition(":")
    if not name or not line.isdigit():
        name, line = source, ""
    base = re.split(r"[\\/]", name)[-1] or "history.txt"
    example = f"{base}:{line}" if line else base
    return (
        f'write the file name alone (source: "{example}") and put the document in the decks '
        "or seeds folder, or name its folder in the deck's `documents:`"
    )


def _says_false(field: tuple[Node, Node] | None) -> bool:
    """`reviewed: false` written out (not merely absent)."""
    return field is not None and isinstance(field[1], ScalarNode) and scalar_bool(field[1]) is False
