"""Key press to the whole answer drawn, and in how many frames, on a pseudo-terminal (80×24).

`bench_ui` times the first sight of a word of the answer. This one reads everything the
app writes in the 80 ms after a key and times the last write: the answer complete. Cards
have a context and a source line, as the shipped ones do, so a verdict shows four widgets
and a grade changes the prompt, the counts and the progress bar. The baseline is the same
app, in the same run, drawing as Textual would on its own: without the review screen's
flush of the widgets' pending refreshes (`caucasusquiz/ui/same_frame.py`).
"""

from __future__ import annotations

import itertools
import os
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pty import PtyProgram
from bench_ui import env_for, next_question

ANSWERS = 25
WINDOW = 0.08  # a key's writes: everything within 80 ms (about ten frames at 120 per second)
GAP = 0.003  # writes closer together than 3 ms belong to one frame
PAUSE = 0.15  # a reader's pause before each key
# The app as `python -m caucasusquiz` starts it, with the flush on or off.
LAUNCH = (
    "import sys; import caucasusquiz.ui.same_frame as f; f.ENABLED = {enabled}; "
    "from caucasusquiz.cli import main; sys.exit(main())"
)


def deck(path: Path) -> None:
    items = [
        {
            "id": f"q{i}",
            "type": "qa",
            "question": f"Question number {i}? " + "word " * (i % 7 * 6),
            "answer": "x",
            "context": f"The fact number {i} in its sentence, " + "long " * (i % 5 * 10),
            "source": f"doc{i}.txt:3",  # one sentence per card: no sibling is buried
        }
        for i in range(200)
    ]
    path.write_text(yaml.safe_dump({"title": "Keys", "cards": items}, sort_keys=False), encoding="utf-8")


def writes_after(program: PtyProgram, key: bytes) -> tuple[int, float]:
    """Send `key`; the number of frames written in the window and when the last one ended."""
    program.mark()
    sent = time.perf_counter()
    os.write(program.master, key)
    times: list[float] = []
    while (left := sent + WINDOW - time.perf_counter()) > 0:
        ready, _, _ = select.select([program.master], [], [], left)
        if ready and os.read(program.master, 1 << 16):
            times.append(time.perf_counter())
    if not times:
        raise TimeoutError(f"nothing drawn within {WINDOW * 1000:.0f} ms of {key!r}")
    frames = 1 + sum(1 for before, after in itertools.pairwise(times) if after - before > GAP)
    return frames, times[-1] - sent


def measure(decks: Path, data: Path, enabled: bool) -> dict[str, list[tuple[int, float]]]:
    argv = [sys.executable, "-c", LAUNCH.format(enabled=enabled), "--decks", str(decks)]
    env = {**env_for(data), "TEXTUAL_FPS": "120"}
    program = PtyProgram(argv, env)
    found: dict[str, list[tuple[int, float]]] = {"Enter → verdict": [], "'3' → next card": []}
    try:
        program.wait_for("All decks")
        program.send(b"\r")
        next_question(program, "Question", None)
        time.sleep(0.3)
        for _ in range(ANSWERS):
            for name, key in zip(found, (b"\r", b"3"), strict=True):
                time.sleep(PAUSE)
                found[name].append(writes_after(program, key))
    finally:
        program.close()
    return found


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "decks").mkdir()
        deck(folder / "decks" / "keys.yaml")
        print(f"key press to the whole answer drawn ({ANSWERS} keys each, pty 80×24, TEXTUAL_FPS=120)")
        results = {}
        for enabled in (False, True):
            data = folder / f"data-{enabled}"
            data.mkdir()
            (data / "settings.toml").write_text("[study]\nnew_per_day = 100\n", encoding="utf-8")
            results[enabled] = measure(folder / "decks", data, enabled)
        for name in results[True]:
            base = statistics.median(t for _, t in results[False][name])
            for enabled, label in ((False, "as Textual draws (baseline)"), (True, "with same_frame")):
                samples = results[enabled][name]
                median = statistics.median(t for _, t in samples)
                split = sum(1 for frames, _ in samples if frames > 1)
                print(
                    f"  {name:<17} {label:<28} {median * 1000:6.1f} ms {median / base:5.2f}×"
                    f"   in two frames or more: {split}/{len(samples)}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
