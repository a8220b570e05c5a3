"""Writing the user's files: a link keeps pointing at its file, a device or a pipe is written into."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.files import write_atomically


def test_writing_through_a_symlink_updates_the_file_and_keeps_the_link(tmp_path: Path):
    shared = tmp_path / "shared" / "deck.yaml"
    shared.parent.mkdir()
    shared.write_text("old\n", encoding="utf-8")
    link = tmp_path / "deck.yaml"
    link.symlink_to(shared)
    write_atomically(link, "new\n")
    assert link.is_symlink()
    assert shared.read_text(encoding="utf-8") == "new\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_export_to_a_pipe_writes_into_it_and_leaves_the_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    # The same path as `--out /dev/null` or `/dev/stdout`: a special file is written into. Before,
    # it was renamed over, which as root turns /dev/null into an ordinary file.
    pipe = tmp_path / "out.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    deck = tmp_path / "decks" / "d.yaml"
    deck.parent.mkdir()
    deck.write_text(
        'title: "Tiny"\ncards:\n  - id: one\n    type: qa\n    question: "Capital of Norway?"\n    answer: "Oslo"\n',
        encoding="utf-8",
    )
    code = main(["export", "cards", "--decks", str(deck.parent), "--format", "csv", "--output", str(pipe)])
    if code != 0:
        pipe.open("wb").close()  # nobody wrote: release the reader
    reader.join(timeout=30)
    assert code == 0, capsys.readouterr().err
    assert pipe.is_fifo()
    assert b"Oslo" in received[0]


def test_the_apps_own_file_never_waits_on_a_pipe_in_its_place(tmp_path: Path):
    entry = tmp_path / "cache-entry"
    os.mkfifo(entry)
    write_atomically(entry, "fresh\n")  # replaced, as a cache entry should be; no reader needed
    assert entry.read_text(encoding="utf-8") == "fresh\n"


def test_a_link_from_an_apps_file_to_a_device_replaces_the_link_not_the_device(tmp_path: Path):
    link = tmp_path / "deck.yaml"
    link.symlink_to(os.devnull)
    write_atomically(link, "cards: []\n")
    assert not link.is_symlink()
    assert Path(os.devnull).is_char_device()


def test_a_folder_given_as_a_file_is_a_message_not_a_traceback(tmp_path: Path, capsys):
    """On Linux a folder opens read-only, and reading it raised IsADirectoryError."""
    from caucasusquiz.files import UnreadableFile, read_regular_file

    folder = tmp_path / "class.json"
    folder.mkdir()
    with pytest.raises(UnreadableFile, match="is a folder, not a file"):
        read_regular_file(folder, 1024)
    assert main(["progress", "import", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "is a folder, not a file" in err and "Traceback" not in err
