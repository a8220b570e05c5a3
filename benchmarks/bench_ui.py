"""The app in a terminal: launch to first screen with 10,000 cards, and key press to next card drawn.

Both are measured on a pseudo-terminal (a real tty, 80×24), side by side with a bare
Textual app (benchmarks/_bare_app.py) in the same run:
- start-up: process start → the home screen's text has been written, vs. the bare
  app's first paint; the bar is 1.3× the baseline;
- answering: Enter → the verdict written, "3" (Good) → the next card written, and an option
  key on a choice card → its feedback written, vs. the bare app redrawing one line on a key
  press at the same TEXTUAL_FPS; the bars are 2× its median (median) and 2.5× (p90).
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
ANSWERS = 30
FPS = "120"
# Keys are sent two ways: back to back (the next key as soon as the screen is drawn, as in
# issue 13's figures) and after a reader's pause. Textual draws on a frame timer that runs
# only while something changes, so an app that has gone idle answers a key differently.
PAUSES = (0.0, 0.15)


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


def choice_deck(path: Path, cards: int) -> None:
    items = [
        {
            "id": f"c{i}",
            "type": "choice",
            "question": f"Choice number {i}?",
            "answer": f"Alpha {i}",
            "distractors": [f"Beta {i}", f"Gamma {i}", f"Delta {i}"],
        }
        for i in range(cards)
    ]
    path.write_text(yaml.safe_dump({"title": "Choices", "cards": items}, sort_keys=False), encoding="utf-8")


def bare_latencies(env: dict[str, str], pause: float) -> list[float]:
    """The bare app: key → one line redrawn."""
    import time

    program = PtyProgram([sys.executable, str(HERE / "_bare_app.py")], env)
    samples = []
    try:
        program.wait_for("READY")
        for number in range(1, ANSWERS + 1):
            time.sleep(pause)
            sent = program.send(b"3")
            program.wait_for(rf"Question number {number}\?")
            samples.append(time.perf_counter() - sent)
    finally:
        program.close()
    return samples


def next_question(program: PtyProgram, word: str, current: int | None) -> int:
    """Wait until a question other than `current` has been drawn; its number."""
    while True:
        match = program.wait_for(rf"{word} number (\d+)\?")
        if int(match.group(1)) != current:
            return int(match.group(1))
        program.raw = program.raw[match.end() :]


def typed_latencies(argv: list[str], env: dict[str, str], pause: float) -> tuple[list[float], list[float]]:
    """A typed card: Enter (empty: reveal) → verdict drawn; '3' (Good) → next card drawn."""
    import time

    program = PtyProgram(argv, env)
    verdicts, grades = [], []
    try:
        program.wait_for("All decks")
        program.send(b"\r")  # study all
        current = next_question(program, "Question", None)
        for _ in range(ANSWERS):
            time.sleep(pause)
            sent = program.send(b"\r")
            program.wait_for(r"Again")  # the verdict and the rating bar
            verdicts.append(time.perf_counter() - sent)
            time.sleep(pause)
            sent = program.send(b"3")
            current = next_question(program, "Question", current)
            grades.append(time.perf_counter() - sent)
    finally:
        program.close()
    return verdicts, grades


def choice_latencies(argv: list[str], env: dict[str, str], pause: float) -> list[float]:
    """A multiple-choice card: option key '1' → feedback drawn (then Enter rates it, not timed)."""
    import time

    program = PtyProgram(argv, env)
    samples = []
    try:
        program.wait_for("All decks")
        program.send(b"\r")
        current = next_question(program, "Choice", None)
        for _ in range(ANSWERS):
            time.sleep(pause)
            sent = program.send(b"1")
            program.wait_for(r"Again")
            samples.append(time.perf_counter() - sent)
            time.sleep(pause)
            program.send(b"\r")
            current = next_question(program, "Choice", current)
    finally:
        program.close()
    return samples


def p90(samples: list[float]) -> float:
    return sorted(samples)[int(0.9 * len(samples))]


def bench_answering(folder: Path) -> None:
    typed_decks, choice_decks = folder / "keys", folder / "choices"
    typed_decks.mkdir()
    choice_decks.mkdir()
    qa_deck(typed_decks / "keys.yaml", 200)
    choice_deck(choice_decks / "choices.yaml", 200)
    ours = [sys.executable, "-m", "caucasusquiz", "--decks"]
    print(f"key press to screen drawn ({ANSWERS} keys each, pty 80×24, TEXTUAL_FPS={FPS})")
    for pause in PAUSES:
        data = folder / f"data-keys-{pause}"
        data.mkdir()
        (data / "settings.toml").write_text(f"[study]\nnew_per_day = {2 * ANSWERS + 20}\n", encoding="utf-8")
        # The rate caucasusquiz sets; the baseline runs at it too.
        env = {**env_for(data), "TEXTUAL_FPS": FPS}
        bare = bare_latencies(env, pause)
        verdicts, grades = typed_latencies([*ours, str(typed_decks)], env, pause)
        choices = choice_latencies([*ours, str(choice_decks)], env, pause)
        base = statistics.median(bare)
        print(f"  keys {'back to back' if not pause else f'after a {pause * 1000:.0f} ms pause'}:")
        print(
            f"    bare Textual app, key → one line redrawn    {base * 1000:7.1f} ms"
            f"   p90 {p90(bare) * 1000:5.1f} ms   (baseline)"
        )
        for name, samples in (
            ("Enter → verdict drawn (typed card)", verdicts),
            ("'3' → graded, stored, next card drawn", grades),
            ("option key → feedback drawn (choice)", choices),
        ):
            median = statistics.median(samples)
            print(
                f"    {name:<43} {median * 1000:7.1f} ms {median / base:5.2f}×"
                f"   p90 {p90(samples) * 1000:5.1f} ms {p90(samples) / base:5.2f}×"
            )
    print("  (bars: median ≤ 2× and p90 ≤ 2.5× the baseline's median, back to back)")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if os.environ.get("BENCH_UI_ONLY") != "answering":
            bench_startup(folder)
            bench_ready_to_study(folder)
        bench_answering(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
