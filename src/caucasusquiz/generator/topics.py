"""Which deck each fact goes to: subject decks from a topics file, else one deck per document.

The topics file (`topics.yaml` next to the seeds, hand-editable) lists decks with an id,
title, description, tags and weighted keywords. A fact goes to the deck whose keywords
its sentence matches best; a tie goes to the deck listed first, no match to the last
deck. Without a topics file each document is its own deck, titled by the document.
Nothing here knows any subject: the project's decks come from `seeds/topics.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from caucasusquiz.decks.folder import TOPICS_FILE
from caucasusquiz.decks.ids import slug_words
from caucasusquiz.decks.loader import MAX_DECK_BYTES
from caucasusquiz.decks.yamlio import YamlProblem, compose
from caucasusquiz.errors import UserError
from caucasusquiz.files import UnreadableFile, read_regular_file
from caucasusquiz.generator.entities import fold
from caucasusquiz.text import strip_forbidden

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_FIELDS = frozenset({"id", "title", "description", "tags", "keywords"})


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    description: str
    tags: tuple[str, ...]
    keywords: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class TopicProblem:
    path: Path
    line: int
    message: str

    def __post_init__(self) -> None:
        # A message quotes the file (a deck id, a tag, a YAML error's text), which may hold a
        # control or text-direction character: made safe here, once, as deck problems are.
        object.__setattr__(self, "message", strip_forbidden(self.message))

    def __str__(self) -> str:
        return f"{strip_forbidden(str(self.path))}:{self.line}: error: {self.message}"


def topics_file(seed_paths: list[Path]) -> Path | None:
    """The topics file next to the seeds: in the first seed folder, or beside the first file."""
    for path in seed_paths:
        folder = path if path.is_dir() else path.parent
        candidate = folder / TOPICS_FILE
        if candidate.is_file():
            return candidate
    return None


def check_topics(path: Path) -> tuple[tuple[Topic, ...], list[TopicProblem]]:
    """The decks a topics file defines, and every problem in it (file, line, what)."""
    try:
        text = read_regular_file(path, MAX_DECK_BYTES).decode("utf-8-sig")
    except UnreadableFile as exc:
        return (), [TopicProblem(path, 1, f"cannot read the topics file: {exc.reason}")]
    except UnicodeDecodeError as exc:
        return (), [TopicProblem(path, 1, f"cannot read the topics file ({exc}); save it as UTF-8")]
    try:
        # The decks' own composer: aliases and object tags are refused before anything is built.
        root = compose(text)
    except YamlProblem as exc:
        hint = f" ({exc.hint})" if exc.hint else ""
        return (), [TopicProblem(path, exc.line, f"{exc.message}{hint}")]
    problems: list[TopicProblem] = []
    decks = _mapping_value(root, "decks")
    if not isinstance(decks, yaml.SequenceNode) or not decks.value:
        line = root.start_mark.line + 1 if root is not None else 1
        return (), [TopicProblem(path, line, "a topics file needs `decks:`, a list of decks")]
    topics: list[Topic] = []
    seen: set[str] = set()
    for node in decks.value:
        line = node.start_mark.line + 1
        topic = _topic(node, path, line, problems)
        if topic is None:
            continue
        if topic.id in seen:
            problems.append(TopicProblem(path, line, f"deck id {topic.id!r} is listed twice"))
            continue
        seen.add(topic.id)
        topics.append(topic)
    return tuple(topics), problems


def read_topics(path: Path) -> tuple[Topic, ...]:
    """The topics file's decks; a problem in it stops `generate` before anything is written."""
    topics, problems = check_topics(path)
    if problems:
        raise UserError(
            str(problems[0]).replace(": error: ", ": "),
            f"fix the topics file (`caucasusquiz check {path}` lists every problem), or remove it "
            "for one deck per document",
        )
    return topics


def _topic(node: yaml.Node, path: Path, line: int, problems: list[TopicProblem]) -> Topic | None:
    if not isinstance(node, yaml.MappingNode):
        problems.append(TopicProblem(path, line, "each deck is a mapping with id, title, keywords"))
        return None
    data = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    for key in sorted(set(data) - _FIELDS):
        problems.append(TopicProblem(path, data[key].start_mark.line + 1, f"unknown field {key!r}"))
    deck_id = _scalar(data.get("id"))
    title = _scalar(data.get("title"))
    if not deck_id or not _ID.match(deck_id):
        problems.append(
            TopicProblem(path, line, f"deck id {deck_id!r} must be lower-case letters, digits, - or _")
        )
        return None
    if not title:
        problems.append(TopicProblem(path, line, f"deck {deck_id!r} needs a title"))
        return None
    tags: list[str] = []
    tag_node = data.get("tags")
    if tag_node is not None:
        if not isinstance(tag_node, yaml.SequenceNode):
            problems.append(TopicProblem(path, tag_node.start_mark.line + 1, "tags must be a list"))
        else:
            tags = [_scalar(t) for t in tag_node.value if _scalar(t)]
            for tag in tags:
                if " " in tag:
                    problems.append(
                        TopicProblem(path, tag_node.start_mark.line + 1, f"tag {tag!r} has a space")
                    )
    keywords: list[tuple[str, int]] = []
    words = data.get("keywords")
    if words is not None:
        if not isinstance(words, yaml.MappingNode):
            problems.append(
                TopicProblem(path, words.start_mark.line + 1, "keywords map a word to a weight 1-9")
            )
        else:
            for key, value in words.value:
                word, weight = _scalar(key), _scalar(value)
                if not word or not weight.isdigit() or not 1 <= int(weight) <= 9:
                    problems.append(
                        TopicProblem(
                            path, key.start_mark.line + 1, f"keyword {word!r}: the weight must be 1-9"
                        )
                    )
                    continue
                keywords.append((fold(word), int(weight)))
    return Topic(deck_id, title, _scalar(data.get("description")), tuple(tags), tuple(keywords))


def _mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def _scalar(node: yaml.Node | None) -> str:
    return str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""


def document_topic(name: str, title: str) -> Topic:
    """Without a topics file: the document's own deck, titled by the document."""
    slug = slug_words(re.sub(r"[–—/-]", " ", title), 6) or slug_words(Path(name).stem, 6) or "document"
    return Topic(slug[:80].strip("-"), title, f"Cards generated from {name}.", ())


def topic_for(text: str, topics: tuple[Topic, ...]) -> Topic:
    """The deck whose keywords `text` matches best; ties to the first, none to the last."""
    folded = f" {fold(text)} "
    best, best_score = topics[-1], 0
    for topic in topics:
        value = sum(weight * folded.count(f" {word} ") for word, weight in topic.keywords)
        if value > best_score:
            best, best_score = topic, value
    return best
