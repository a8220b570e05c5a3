"""`caucasusquiz serve` with a class: 30 browser tabs at once on this machine, against one tab alone.

For each tab, headless Chromium (Debian's, driven by Playwright) opens the page and we
time navigation → the app's first screen ("Who is studying?") arriving on the page's
websocket. Memory per session is the proportional set size (PSS: shared pages split
between the processes that share them) of the app processes textual-serve started,
read from /proc while every tab is open. Baseline: the same figures for one tab alone,
measured in the same run. Needs /usr/bin/chromium and the playwright package; skips
with a message otherwise.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TABS = 30
FIRST_SCREEN = "Who is studying?"
TIMEOUT = 300.0
_ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]")


def start_server(data: Path, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAUCASUSQUIZ_", "TEXTUAL_"))}
    env["CAUCASUSQUIZ_DATA_DIR"] = str(data)
    server = subprocess.Popen(
        [sys.executable, "-m", "caucasusquiz", "serve", "--port", str(port), "--data-dir", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.05)  # polling for the port, with a deadline
    server.kill()
    raise RuntimeError("caucasusquiz serve did not start listening")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def open_tabs(browser, url: str, count: int) -> list[float]:
    """Open `count` tabs at once; seconds from each navigation to its first screen."""
    loop = asyncio.get_running_loop()

    async def one() -> float:
        page = await browser.new_page(viewport={"width": 1000, "height": 640})
        seen = loop.create_future()
        text: list[str] = []

        def frame(payload) -> None:
            if seen.done():
                return
            chunk = payload.decode("utf-8", "ignore") if isinstance(payload, bytes) else payload
            text.append(_ANSI.sub("", chunk))
            if FIRST_SCREEN in "".join(text[-50:]):
                seen.set_result(time.perf_counter())

        page.on("websocket", lambda ws: ws.on("framereceived", frame))
        started = time.perf_counter()
        await page.goto(url, wait_until="commit")
        return await asyncio.wait_for(seen, TIMEOUT) - started

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def measure(url: str, server_pid: int, count: int) -> tuple[list[float], float, float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            times = await open_tabs(browser, url, count)
            apps = [pid for pid in descendants(server_pid) if pss_mib(pid) > 0]
            memory = sum(pss_mib(pid) for pid in apps)
            cpu = sum(cpu_seconds(pid) for pid in apps)
        finally:
            await browser.close()
    return times, memory / count, cpu / count


def run_round(count: int) -> tuple[list[float], float, float]:
    with tempfile.TemporaryDirectory() as folder:
        server = start_server(Path(folder), port := free_port())
        try:
            return asyncio.run(measure(f"http://127.0.0.1:{port}/", server.pid, count))
        finally:
            server.terminate()
            server.wait(timeout=60)


def main() -> int:
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("  skipped: the playwright package is not installed (pip install '.[test]')")
        return 0
    if not CHROMIUM.exists():
        print(f"  skipped: {CHROMIUM} is missing (apt-get install chromium)")
        return 0
    load_before = os.getloadavg()[0]
    alone, alone_mib, alone_cpu = run_round(1)
    many, many_mib, many_cpu = run_round(TABS)
    one = alone[0]
    median = statistics.median(many)
    p90 = statistics.quantiles(many, n=10)[-1]
    print(
        f"  one tab alone: first screen {one * 1000:8.0f} ms, {alone_mib:6.1f} MiB (PSS) per session, "
        f"app CPU {alone_cpu:5.2f} s"
    )
    print(
        f"  {TABS} tabs at once: first screen median {median * 1000:8.0f} ms ({median / one:5.2f}× alone), "
        f"p90 {p90 * 1000:8.0f} ms ({p90 / one:5.2f}×), slowest {max(many) * 1000:8.0f} ms"
    )
    print(
        f"  {TABS} tabs at once: {many_mib:6.1f} MiB (PSS) per session ({many_mib / alone_mib:5.2f}× alone), "
        f"{many_mib * TABS:7.0f} MiB in all, on {os.cpu_count()} cores"
    )
    print(
        f"  {TABS} tabs at once: app CPU {many_cpu:5.2f} s per session ({many_cpu / alone_cpu:5.2f}× alone), "
        f"{many_cpu * TABS:5.1f} CPU-s in all; Chromium's {TABS} tabs share the same cores "
        f"(load average before: {load_before:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
