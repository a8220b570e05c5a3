"""What a generate run did, as numbers a deck author can check at a glance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from caucasusquiz.decks.folder import deck_file
from caucasusquiz.generator.merge import MergeReport


@dataclass(slots=True)
class Report:
    documents: list[str] = field(default_factory=list)
    bytes_read: int = 0
    furniture: Counter[str] = field(default_factory=Counter)  # lines dropped, by reason
    # Every sentence read is counted once: sentences == taught + len(untaught) (`coverage`).
    sentences: int = 0
    rejected: Counter[str] = field(default_factory=Counter)  # sentences, by reason
    # Every sentence not taught: (source "file:line", reason, sentence), in document order.
    untaught: list[tuple[str, str, str]] = field(default_factory=list)
    taught: int = 0  # sentences with a card in the decks
    # A war's result from its infobox not asked (no sentence: counted apart), as in `untaught`.
    results_untaught: list[tuple[str, str, str]] = field(default_factory=list)
    repeated_cards: int = 0
    decks: dict[str, str] = field(default_factory=dict)  # deck id -> title
    cards: dict[str, int] = field(default_factory=dict)  # deck id -> generated cards
    merge: MergeReport = field(default_factory=MergeReport)
    out_dir: str = ""

    @property
    def total_cards(self) -> int:
        return sum(self.cards.values())

    @property
    def kept_by_hand(self) -> int:
        """Cards in the decks that are the teacher's: edited, added, or edited and no longer generated."""
        merge = self.merge
        return len(merge.kept_edited) + len(merge.kept_added) + len(merge.vanished_kept)

    @property
    def drafts_written(self) -> int:
        """Generated cards that went into the deck files as the generator wrote them."""
        return sum(self.merge.written.values())

    def summary(self) -> str:
        kept = self.kept_by_hand
        text = (
            f"{len(self.documents)} document{_s(len(self.documents))} → "
            f"{self.total_cards} card{_s(self.total_cards)} in {len(self.cards)} "
            f"deck{_s(len(self.cards))} ({self.out_dir}), {self.drafts_written} written as drafts"
        )
        if kept:
            text += f"; {kept} hand-made or edited card{_s(kept)} kept"
        if not self.merge.files_changed:
            text += "; no deck file changed"
        unread = len(self.merge.kept_unread)
        if unread:
            text += f"; {unread} kept (document not part of this run)"
        removed = len(self.merge.removed)
        if removed:
            text += f"; {removed} removed (source vanished)"
        return text

    def reject(self, source: str, reason: str, text: str) -> None:
        self.rejected[reason] += 1
        self.untaught.append((source, reason, text))

    def coverage_lines(self) -> list[str]:
        """Every sentence that gave no card, with where it is and why (`generate --coverage`)."""
        return [f"{source}  [{reason}]  {text}" for source, reason, text in self.untaught]

    def result_coverage_lines(self) -> list[str]:
        """Every infobox result that gave no card, as in `coverage_lines`."""
        return [f"{source}  [{reason}]  {text}" for source, reason, text in self.results_untaught]

    def _file(self, deck_id: str) -> str:
        """The deck's file name as it is in the output folder: a teacher's `history.yml` is
        named so, not as the `history.yaml` the generator would have written."""
        return deck_file(Path(self.out_dir), deck_id).name if self.out_dir else f"{deck_id}.yaml"

    def lines(self) -> list[str]:
        merge = self.merge
        out = [
            f"Read {len(self.documents)} document{_s(len(self.documents))} "
            f"({self.bytes_read / 1024:.0f} KiB): {', '.join(self.documents)}"
        ]
        if self.furniture:
            out.append(
                f"Dropped {sum(self.furniture.values())} lines of page furniture: " + _counts(self.furniture)
            )
        rejected = sum(self.rejected.values())
        out.append(f"Sentences: {self.sentences} read, {self.taught} made into cards, {rejected} not taught")
        for reason, count in _sorted(self.rejected):
            out.append(f"  {count:4d}  {reason}")
        if self.results_untaught:
            n = len(self.results_untaught)
            out.append(
                f"{n} infobox result{_s(n)} not asked: "
                + _counts(Counter(r for _, r, _ in self.results_untaught))
            )
        if self.repeated_cards:
            out.append(
                f"Dropped {self.repeated_cards} card{_s(self.repeated_cards)} asking a fact "
                "already asked from another sentence"
            )
        # "Cards written" read as "files changed" when a rerun changed nothing: say both counts.
        changed = (
            f"deck files changed: {', '.join(merge.files_changed)}"
            if merge.files_changed
            else "no deck file changed"
        )
        out.append(
            f"Cards generated ({self.total_cards}), {self.drafts_written} written as drafts; {changed}"
        )
        for deck_id, count in sorted(self.cards.items()):
            out.append(f"  {count:4d}  {self._file(deck_id)}  {self.decks.get(deck_id, '')}".rstrip())
        if self.kept_by_hand:
            # The same total as the summary line, with its parts.
            parts = [f"{len(merge.kept_edited)} edited", f"{len(merge.kept_added)} added by hand"]
            if merge.vanished_kept:
                parts.append(f"{len(merge.vanished_kept)} edited and no longer generated (listed below)")
            out.append(
                f"Kept {self.kept_by_hand} card{_s(self.kept_by_hand)} made or edited by hand: "
                + ", ".join(parts)
            )
        if merge.deleted_by_hand:
            out.append(
                f"{len(merge.deleted_by_hand)} card{_s(len(merge.deleted_by_hand))} "
                "deleted by hand stay deleted"
            )
        if merge.dropped_by_author:
            n = len(merge.dropped_by_author)
            out.append(f"{n} card{_s(n)} not added again: listed in a deck's `dropped`")
        if merge.superseded:
            n = len(merge.superseded)
            out.append(f"{n} draft{_s(n)} not added: the sentence already has the teacher's card")
        if merge.moved:
            out.append(f"{len(merge.moved)} card{_s(len(merge.moved))} moved to another deck")
        if merge.removed:
            out.append(
                f"Removed {len(merge.removed)} generated card{_s(len(merge.removed))} "
                "whose source no longer yields it:"
            )
            out.extend(
                f"  {self._file(deck)}  {card_id}  (was {source})" for deck, card_id, source in merge.removed
            )
        if merge.vanished_kept:
            # Not "source vanished": usually the line is still there and only no longer gives
            # this card (reworded, now filtered out), and `o` opens it fine.
            out.append(
                f"Kept because edited, though no longer generated from their source line "
                f"({len(merge.vanished_kept)}):"
            )
            out.extend(
                f"  {self._file(deck)}  {card_id}  (generated from {source})"
                for deck, card_id, source in merge.vanished_kept
            )
        if merge.kept_unread:
            n = len(merge.kept_unread)
            names = sorted({source.rsplit(":", 1)[0] for _, _, source in merge.kept_unread})
            out.append(
                f"Kept {n} card{_s(n)} untouched, because {'its' if n == 1 else 'their'} document was not "
                f"part of this run: {', '.join(names)}"
            )
        if merge.files_removed:
            out.append("Deck files removed (nothing left in them): " + ", ".join(merge.files_removed))
        return out


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _sorted(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _counts(counts: Counter[str]) -> str:
    return ", ".join(f"{reason} {count}" for reason, count in _sorted(counts))
