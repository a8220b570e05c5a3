"""The app in a terminal: launch to first screen with 10,000 cards, and key press to next card drawn.

Both are measured on a pseudo-terminal (a real tty, 80×24), side by side with a bare
Textual app (benchmarks/_bare_app.py) in the same run:
- start-up: process start → the home screen's text has been written, vs. the bare
  app's first paint; the bar is 1.3× the baseline;
- answering: the "3" (Good) key written → the next card's text written, vs. the bare
  app redrawing one line on a key press; the bar is a 16 ms median (one 60 Hz frame).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pty import PtyProgram
from _util import write_big_deck
from caucasusquiz import paths
from caucasusquiz.workspace import load_decks

HERE = Path(__file__).resolve().parent
LAUNCHES = 7
ANSWERS = 40


def env_for(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAUCASUSQUIZ_", "TEXTUAL_"))}
    env.update(
        {"TERM": "xterm-256color", "CAUCASUSQUIZ_DATA_DIR": str(data_dir), "COLUMNS": "80", "LINES": "24"}
    )
    env.pop("NO_COLOR", None)
    return env


def time_first_screen(argv: list[str], env: dict[str, str], texts: list[str]) -> list[float]:
    """Seconds from process start until each of `texts` has been drawn, in order."""
    import time

    program = PtyProgram(argv, env)
    times = []
    try:
        for text in texts:
            program.wait_for(text)
            times.append(time.perf_counter() - program.started)
        return times
    finally:
        program.close()


def bench_startup(folder: Path) -> None:
    decks = folder / "decks10k"
    decks.mkdir()
    for i in range(10):
        write_big_deck(decks / f"deck-{i}.yaml", 1000, i)
    data = folder / "data-startup"
    load_decks(paths.resolve(decks=decks, data_dir=data))  # warm the deck cache, as after a first run
    # Launched as people launch it: the `caucasusquiz` command, decks named by the environment.
    env = {**env_for(data), "CAUCASUSQUIZ_DECKS": str(decks)}
    script = Path(sys.executable).with_name("caucasusquiz")
    ours_argv = [str(script)] if script.exists() else [sys.executable, "-m", "caucasusquiz"]
    bare_argv = [sys.executable, str(HERE / "_bare_app.py")]
    time_first_screen(ours_argv, env, ["All decks"])  # creates the profile and database once
    bare, first, ready = [], [], []
    for _ in range(LAUNCHES):  # interleaved, so machine noise hits both alike
        bare.append(time_first_screen(bare_argv, env, ["READY"])[0])
        painted, listed = time_first_screen(ours_argv, env, ["Opening your decks", "All decks"])
        first.append(painted)
        ready.append(listed)
    base = statistics.median(bare)
    print(f"start-up (median of {LAUNCHES}, pty 80×24, 10,000 cards in 10 decks, deck cache warm)")
    print(f"  bare Textual app first paint (baseline)      {base * 1000:8.1f} ms")
    for name, samples in (
        ("caucasusquiz first screen drawn", first),
        ("caucasusquiz decks listed", ready),
    ):
        mine = statistics.median(samples)
        print(f"  {name:<44} {mine * 1000:8.1f} ms   {mine / base:5.2f}× baseline")
    print("  (bar: decks listed within 1.30× of the baseline; when studying really starts: below)")


def bench_ready_to_study(folder: Path) -> None:
    """Launch → decks listed → Enter at once → the first card drawn, 10,000 cards.

    The deck list can be drawn from the last run's numbers before the decks are open
    (study/overview_cache.py); this measures when studying really starts: Enter pressed the
    moment "All decks" is on screen waits for the decks to open."""
    decks = folder / "decks10k-ready"
    decks.mkdir()
    for i in range(10):
        write_big_deck(decks / f"deck-{i}.yaml", 1000, i)
    data = folder / "data-ready"
    load_decks(paths.resolve(decks=decks, data_dir=data))  # warm the deck cache, as after a first run
    env = {**env_for(data), "CAUCASUSQUIZ_DECKS": str(decks)}
    script = Path(sys.executable).with_name("caucasusquiz")
    ours_argv = [str(script)] if script.exists() else [sys.executable, "-m", "caucasusquiz"]
    bare_argv = [sys.executable, str(HERE / "_bare_app.py")]
    time_first_screen(ours_argv, env, ["All decks"])  # creates the profile, database and saved list
    first_card = r"Fact \d+|Who signed|Which pipeline|Statement \d+"
    bare, listed, studying = [], [], []
    for _ in range(LAUNCHES):
        bare.append(time_first_screen(bare_argv, env, ["READY"])[0])
        program = PtyProgram(ours_argv, env)
        try:
            program.wait_for("All decks")
            listed.append(time.perf_counter() - program.started)
            program.send(b"\r")
            program.wait_for(first_card)
            studying.append(time.perf_counter() - program.started)
        finally:
            program.close()
    base = statistics.median(bare)
    print(f"ready to study (median of {LAUNCHES}, pty 80×24, 10,000 cards, Enter pressed as soon as listed)")
    print(f"  bare Textual app first paint (baseline)      {base * 1000:8.1f} ms")
    for name, samples in (("decks listed", listed), ("Enter → first card drawn", studying)):
        mine = statistics.median(samples)
        print(f"  {name:<44} {mine * 1000:8.1f} ms   {mine / base:5.2f}× baseline")


def qa_deck(path: Path, cards: int) -> None:
    items = [
        {"id": f"q{i}", "type": "qa", "question": f"Question number {i}?", "answer": "x"}
        for i in range(cards)
    ]
    path.write_text(yaml.safe_dump({"title": "Keys", "cards": items}, sort_keys=False), encoding="utf-8")


def answer_latencies(argv: list[str], env: dict[str, str], bare: bool) -> list[float]:
    import time

    program = PtyProgram(argv, env)
    samples = []
    try:
        if bare:
            program.wait_for("READY")
        else:
            program.wait_for("All decks")
            program.send(b"\r")  # study all
        current = None if bare else int(program.wait_for(r"Question number (\d+)").group(1))
        for _ in range(ANSWERS):
            if not bare:
                program.send(b"\r")  # reveal the answer (not timed)
                program.wait_for(r"Answer")
            sent = program.send(b"3")
            while True:
                match = program.wait_for(r"Question number (\d+)")
                if int(match.group(1)) != current:
                    break
                program.raw = program.raw[match.end() :]
            samples.append(time.perf_counter() - sent)
            current = int(match.group(1))
    finally:
        program.close()
    return samples


def bench_answering(folder: Path) -> None:
    decks = folder / "keys"
    decks.mkdir()
    qa_deck(decks / "keys.yaml", 200)
    data = folder / "data-keys"
    settings = data / "settings.toml"
    data.mkdir()
    settings.write_text(f"[study]\nnew_per_day = {ANSWERS + 20}\n", encoding="utf-8")
    env = env_for(data)
    bare = answer_latencies([sys.executable, str(HERE / "_bare_app.py")], env, bare=True)
    bare_fast = answer_latencies(
        [sys.executable, str(HERE / "_bare_app.py")], {**env, "TEXTUAL_FPS": "120"}, bare=True
    )
    ours = answer_latencies([sys.executable, "-m", "caucasusquiz", "--decks", str(decks)], env, bare=False)
    base = statistics.median(bare)
    mine = statistics.median(ours)
    print(f"key press to next card drawn ({ANSWERS} answers, pty 80×24)")
    print(f"  bare Textual app, key → one line redrawn     {base * 1000:8.1f} ms (baseline, Textual's 60 Hz)")
    print(
        f"  bare Textual app at TEXTUAL_FPS=120          {statistics.median(bare_fast) * 1000:8.1f} ms "
        f"  {statistics.median(bare_fast) / base:5.2f}× baseline"
    )
    print(
        f"  caucasusquiz '3' → graded, stored, next card {mine * 1000:8.1f} ms   {mine / base:5.2f}× baseline"
        f"   p90 {sorted(ours)[int(0.9 * len(ours))] * 1000:.1f} ms   (bar: 16 ms median)"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_startup(folder)
        bench_ready_to_study(folder)
        bench_answering(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
