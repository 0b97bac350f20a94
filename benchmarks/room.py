"""A training room arriving at once: what each participant waits for, and what each kernel costs.

Run: ``python benchmarks/room.py [--participants 10] [--pool N]``. It

1. starts empty kernels (Jupyter's own ``python3`` kernel, nothing run in it) one at a time: the
   baseline, in CPU-seconds and memory from start to ready;
2. starts the app as a trainer does (``python -m workbook.app``, what ``make app`` runs, with
   ``--pool`` set to the number of participants, as the README tells a trainer) on a free port,
   waits on the port, and opens the first visitor at once (the pool is still filling);
3. waits until the pool is full and idle (it watches the server's processes in /proc; it never
   asks for the page, since every page starts a kernel), then opens one warm visitor, who then
   skips the first step's guess to see its first chart;
4. waits again, then opens ``--participants`` pages at once in headless Chromium (one browser,
   a context each, as separate people would);
5. has one more participant upload ``--upload-mb`` MB of order lines and open every step;

and prints each visitor's seconds to the first step (what the course shows first: the first
step's question and the guess it asks for, before any figure; the page shows a picture of it as
soon as its kernel has made it) and to the live first step (the widgets connected: the
participant can guess); the CPU the machine spent while the room arrived, by whom; the
CPU-seconds each kernel used from its start to its first step on the sample, and the warm
visitor's kernel to its first chart (the figure after the first guess), as ratios to an empty
kernel's start measured in the same run; the memory of every kernel, of the participant who
worked on their own data, and of the whole server.

Memory: RSS counts every page a process can reach, also the pages it shares with others
(libraries, and what a forked kernel still shares with the process it was forked from), so RSS
added up over processes counts shared pages many times over. PSS divides each shared page among
the processes that share it: the PSS of all processes adds up to the memory really used. USS
counts only the pages a process alone holds: what one more participant adds. All three are read
from /proc/PID/smaps_rollup.

Goals (issue 18), on this 2-core machine with the browsers on it too: every participant's first
step within 15 s, the first visitor after the start within 5 s, a warm visitor within 1 s; a
kernel at most 2 CPU-seconds to its first chart and at most 200 MB (PSS). The exit status is 0
when every goal is met. The machine is shared: run it under ``flock /tmp/workbook-heavy.lock``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from playwright.async_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from servers import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    descendants,
    free_port,
    kernel_pid,
    stop,
    wait_for_port,
)
from visits import FIRST_CHART, STEPS  # noqa: E402

from workbook import paths  # noqa: E402

#: What a participant sees first: the first step's question, in the page's picture of the first
#: view or live.
FIRST_STEP = "#wb-first-view .wb-question, #rendered_cells .wb-question"
#: The live first step (the widgets are connected: the participant can guess).
LIVE_STEP = "#rendered_cells button:has-text('Check my guess')"
#: The step on show.
OPEN_STEP = ".widget-tab-contents > .lm-Widget:not(.lm-mod-hidden)"
GOALS = {"room_s": 15.0, "first_s": 5.0, "warm_s": 1.0, "kernel_cpu_s": 2.0, "kernel_mb": 200.0}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --- processes, from /proc -------------------------------------------------------------------
def cpu_seconds(pid: int) -> float:
    """Return the CPU-seconds (user + system) process ``pid`` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def machine_cpu() -> float:
    """Return the CPU-seconds all processes of the machine have used since it started."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / CLOCK_TICKS  # all but idle and iowait


def memory_mb(pid: int) -> dict[str, float]:
    """Return RSS, PSS and USS of process ``pid`` in MB (see the module's docstring)."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        values[name.rstrip(":")] = int(value) / 1024
    return {
        "rss": values["Rss"],
        "pss": values["Pss"],
        "uss": values["Private_Clean"] + values["Private_Dirty"],
    }


def is_kernel(pid: int) -> bool:
    """Whether ``pid`` is a kernel: Jupyter's launcher, or a kernel the app's fork server made."""
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return name == "workbook-kernel" or any(b"ipykernel" in part for part in command)


def kernels(server: int) -> list[int]:
    return [pid for pid in descendants(server) if is_kernel(pid)]


def total(pids, measure) -> float:
    """Add up ``measure(pid)`` over processes, leaving out any that have ended."""
    found = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            found += measure(pid)
    return found


def wait_until_idle(
    server: int, count: int, *, quiet_s: float = 2.0, timeout: float = 300
) -> float:
    """Wait until ``count`` kernels exist and the server's processes have stopped working.

    "Stopped working": less than 0.1 CPU-seconds used by the server and everything below it in
    ``quiet_s`` seconds. Returns the seconds waited.
    """
    started = time.monotonic()
    history: list[tuple[float, float]] = []
    while time.monotonic() - started < timeout:
        now = time.monotonic()
        history.append((now, total([server, *descendants(server)], cpu_seconds)))
        window = [(t, c) for t, c in history if now - t <= quiet_s]
        if (
            len(kernels(server)) >= count
            and now - window[0][0] >= quiet_s * 0.9
            and window[-1][1] - window[0][1] < 0.1
        ):
            return now - started
        time.sleep(0.25)
    raise TimeoutError(f"the server did not settle with {count} kernels within {timeout} s")


class CpuUse:
    """The CPU-seconds spent between ``start()`` and ``stop()``: by whom, and by the machine."""

    def __init__(self, server: int):
        self.server = server

    def _sample(self) -> dict[str, float]:
        inside = descendants(self.server)
        mine = [p for p in descendants(os.getpid()) if p != self.server and p not in inside]
        return {
            "server": total([self.server, *(p for p in inside if not is_kernel(p))], cpu_seconds),
            "kernels": total([p for p in inside if is_kernel(p)], cpu_seconds),
            "browsers": total(mine, cpu_seconds),
            "machine": machine_cpu(),
        }

    def start(self) -> None:
        self.before, self.started = self._sample(), time.monotonic()

    def stop(self) -> None:
        after = self._sample()
        self.wall = time.monotonic() - self.started
        self.used = {key: after[key] - self.before[key] for key in after}
        self.used["rest"] = self.used["machine"] - sum(
            self.used[k] for k in ("server", "kernels", "browsers")
        )

    def __str__(self) -> str:
        used = self.used
        return (
            f"{used['machine']:.0f} CPU-s in {self.wall:.0f} s on {os.cpu_count()} cores: "
            f"browsers {used['browsers']:.0f}, server {used['server']:.1f}, kernels "
            f"{used['kernels']:.1f}, the rest of the machine {used['rest']:.1f}"
        )


# --- the baseline: an empty kernel -----------------------------------------------------------
def empty_kernel() -> dict[str, float]:
    """Start Jupyter's own python3 kernel, wait until it answers, return its cost; stop it."""
    from jupyter_client.manager import start_new_kernel

    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    started = time.monotonic()
    manager, client = start_new_kernel(kernel_name="python3", env=env, stderr=subprocess.DEVNULL)
    try:
        ready = time.monotonic() - started
        pid = manager.provisioner.pid
        return {"cpu_s": cpu_seconds(pid), "ready_s": ready, **memory_mb(pid)}
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


# --- the visitors ----------------------------------------------------------------------------
async def visit(browser, url: str, opened: list) -> tuple[float, float]:
    """Open the app; return the seconds to its first step and to its live first step."""
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    opened.append(context)
    page = await context.new_page()
    started = time.monotonic()
    await page.goto(url, timeout=180_000, wait_until="commit")
    first = live = math.inf  # what a page that never got there took
    try:
        await page.wait_for_selector(FIRST_STEP, timeout=180_000)
        first = time.monotonic() - started
        await page.wait_for_selector(LIVE_STEP, timeout=180_000)
        live = time.monotonic() - started
    except PlaywrightTimeout:
        shot = Path(tempfile.gettempdir()) / f"room-stuck-{len(opened)}-{os.getpid()}.png"
        await page.screenshot(path=shot, full_page=True)
        print(f"a page was not ready after 180 s (first step {first:.1f} s); see {shot}")
    return first, live


async def first_chart(browser, url: str, log: Path) -> dict[str, float]:
    """Open the app, skip the first guess; return the seconds to the figure and its kernel's
    CPU-seconds from its start."""
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        page = await context.new_page()
        started = time.monotonic()
        await page.goto(url, timeout=180_000, wait_until="commit")
        await page.wait_for_selector(LIVE_STEP, timeout=180_000)
        live = time.monotonic() - started
        step = page.locator(OPEN_STEP).first
        clicked = time.monotonic()
        await step.get_by_role("button", name="Skip the guess").click()
        await step.locator(FIRST_CHART).first.wait_for(timeout=60_000)
        chart = time.monotonic() - clicked
        pid = kernel_pid(log, await kernel_id(page))
        return {"live_s": live, "chart_s": chart, "cpu_s": cpu_seconds(pid)}
    finally:
        await context.close()


async def kernel_id(page) -> str:
    """Return the id of the page's kernel (Voilà writes it into the page)."""
    return await page.evaluate(
        "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


async def visitors(browser, url: str, count: int, *, cpu: CpuUse | None = None):
    """Open ``count`` pages at once; return their seconds to the first step, and to live.

    ``cpu`` measures the CPU used until every page was live (the pages are closed after that, so
    that their browser processes are still there to be counted).
    """
    opened: list = []
    try:
        if cpu is not None:
            cpu.start()
        times = await asyncio.gather(*(visit(browser, url, opened) for _ in range(count)))
        if cpu is not None:
            cpu.stop()
    finally:
        for context in opened:
            await context.close()
    return sorted(t[0] for t in times), sorted(t[1] for t in times)


def order_lines(folder: Path, megabytes: float) -> Path:
    """Write the Norwegian sample's order lines again and again, to about ``megabytes`` MB."""
    header, *lines = paths.SAMPLE_ORDERS_NB.read_bytes().splitlines(keepends=True)
    body = b"".join(lines)
    path = folder / "order-lines.csv"
    with path.open("wb") as out:
        out.write(header)
        for _ in range(max(1, int(megabytes * 1e6 / len(body)))):
            out.write(body)
    return path


async def one_session(browser, url: str, log: Path, upload: Path) -> dict[str, float]:
    """Upload ``upload`` and open every step, as a participant does; return its kernel's memory."""
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        page = await context.new_page()
        await page.goto(url, timeout=180_000)
        await page.wait_for_selector(LIVE_STEP, timeout=180_000)
        async with page.expect_file_chooser() as chosen:
            await page.get_by_role("button", name="Upload your file").click()
        before = await page.locator(OPEN_STEP).first.element_handle()
        started = time.monotonic()
        await (await chosen.value).set_files(str(upload))
        await page.get_by_text(f"{upload.name}: 150 accounts").wait_for(timeout=180_000)
        read = time.monotonic() - started
        await page.wait_for_function("el => !el.isConnected", arg=before, timeout=180_000)
        for index, step in enumerate(STEPS[:-1]):  # the last, the plan, draws no chart
            await page.get_by_role("tab", name=f"{index + 1} {step}").click()
            shown = page.locator(OPEN_STEP).first
            await shown.locator(
                "button:has-text('Skip the guess'):visible, button:has-text('Continue'):visible"
            ).first.click()
            # the reflection comes with the step's panel, once the guess is done
            await shown.get_by_text("Reflect:").wait_for(timeout=60_000)
            with contextlib.suppress(PlaywrightTimeout):  # not every step has a chart for it
                await shown.locator(FIRST_CHART).first.wait_for(timeout=20_000)
        pid = kernel_pid(log, await kernel_id(page))
        await asyncio.sleep(2)
        status = Path(f"/proc/{pid}/status").read_text()
        peak = int(status.split("VmHWM:", 1)[1].split()[0]) / 1024
        return {
            "read_s": read,
            "peak_rss": peak,
            "mb": upload.stat().st_size / 1e6,
            **memory_mb(pid),
        }
    finally:
        await context.close()


def start_server(port: int, pool: int, log: Path) -> subprocess.Popen:
    """Start the app as ``make app POOL=...`` does (its entry point), writing its log to ``log``."""
    command = [sys.executable, "-m", "workbook.app", "--no-browser", f"--port={port}"]
    with open(log, "w") as output:
        return subprocess.Popen(
            [*command, f"--pool={pool}"], cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )


def kernel_figures(server: int) -> list[dict[str, float]]:
    figures = []
    for pid in kernels(server):
        with contextlib.suppress(OSError):
            figures.append({"pid": pid, "cpu_s": cpu_seconds(pid), **memory_mb(pid)})
    return figures


def describe(figures: list[dict[str, float]], key: str) -> str:
    values = [f[key] for f in figures]
    if not values:
        return "-"
    return f"median {statistics.median(values):.2f} (min {min(values):.2f}, max {max(values):.2f})"


def seconds(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values) + " s"


async def run(args) -> dict[str, bool]:
    from playwright.async_api import async_playwright

    empties = [empty_kernel() for _ in range(args.empty_kernels)]
    empty_cpu = statistics.median(e["cpu_s"] for e in empties)
    pool = args.participants if args.pool is None else args.pool
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "voila.log"
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        started = time.monotonic()
        server = start_server(port, pool, log)
        try:
            wait_for_port(port, server, timeout=120)
            listening = time.monotonic() - started
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                try:
                    first = await visitors(browser, url, 1)
                    settled = wait_until_idle(server.pid, pool)
                    preheated = kernel_figures(server.pid)
                    warm = await visitors(browser, url, 1)
                    wait_until_idle(server.pid, pool)
                    chart = await first_chart(browser, url, log)
                    wait_until_idle(server.pid, pool)
                    room_cpu = CpuUse(server.pid)
                    room = await visitors(browser, url, args.participants, cpu=room_cpu)
                    wait_until_idle(server.pid, pool)
                    upload = order_lines(Path(folder), args.upload_mb)
                    session = await one_session(browser, url, log, upload)
                    wait_until_idle(server.pid, pool)
                finally:
                    await browser.close()
            every = kernel_figures(server.pid)
            server_memory = memory_mb(server.pid)
            everything = [server.pid, *descendants(server.pid)]
            machine = {k: total(everything, lambda p, k=k: memory_mb(p)[k]) for k in ("rss", "pss")}
        finally:
            stop(server)
            if args.log:
                print(log.read_text())
    kernel_cpu = statistics.median(f["cpu_s"] for f in preheated)
    kernel_pss = statistics.median(f["pss"] for f in every)
    print(
        f"empty kernel (python3, nothing run): {describe(empties, 'cpu_s')} CPU-s, ready after "
        f"{describe(empties, 'ready_s')} s, PSS {describe(empties, 'pss')} MB"
    )
    print(
        f"the app, pool of {pool}: listening after {listening:.1f} s, pool ready {settled:.1f} s on"
    )
    print(
        f"first visitor after the start: first step {first[0][0]:.2f} s, live {first[1][0]:.2f} s"
    )
    print(f"warm visitor: first step {warm[0][0]:.2f} s, live {warm[1][0]:.2f} s")
    print(
        f"a warm visitor who skips the first guess: its chart {chart['chart_s']:.2f} s after the "
        f"click; their kernel used {chart['cpu_s']:.2f} CPU-s from its start to that chart "
        f"({chart['cpu_s'] / empty_cpu:.2f}x an empty kernel)"
    )
    print(f"{args.participants} at once: first steps {seconds(room[0])}; live {seconds(room[1])}")
    print(f"  the machine while they came: {room_cpu}")
    print(
        f"kernels of the pool before any visitor ({len(preheated)}): CPU-s from start to the first "
        f"step {describe(preheated, 'cpu_s')}; {kernel_cpu / empty_cpu:.2f}x an empty kernel"
    )
    print(
        f"every kernel at the end ({len(every)}, visited or in the pool): CPU-s "
        f"{describe(every, 'cpu_s')}; MB: RSS {describe(every, 'rss')}; PSS "
        f"{describe(every, 'pss')}; USS {describe(every, 'uss')}"
    )
    print(
        f"a participant who uploaded {session['mb']:.0f} MB of order lines (read in "
        f"{session['read_s']:.1f} s) and opened every step: RSS {session['rss']:.0f} MB, PSS "
        f"{session['pss']:.0f} MB, USS {session['uss']:.0f} MB; at most RSS "
        f"{session['peak_rss']:.0f} MB while reading"
    )
    print(
        f"server process: RSS {server_memory['rss']:.0f} MB, PSS {server_memory['pss']:.0f} MB; "
        f"the server with all its processes: PSS {machine['pss']:.0f} MB (their RSS added up: "
        f"{machine['rss']:.0f} MB)"
    )
    ratio = GOALS["kernel_cpu_s"] / empty_cpu
    goals = {
        f"all {args.participants} first steps within {GOALS['room_s']:.0f} s": room[0][-1]
        <= GOALS["room_s"],
        f"first visitor within {GOALS['first_s']:.0f} s": first[0][0] <= GOALS["first_s"],
        f"warm visitor within {GOALS['warm_s']:.0f} s": warm[0][0] <= GOALS["warm_s"],
        f"a kernel at most {GOALS['kernel_cpu_s']:.0f} CPU-s ({ratio:.1f}x this run's empty "
        "kernel) to the first chart": chart["cpu_s"] <= GOALS["kernel_cpu_s"],
        f"a kernel at most {GOALS['kernel_mb']:.0f} MB PSS": kernel_pss <= GOALS["kernel_mb"],
    }
    for goal, met in goals.items():
        print(f"  {'met' if met else 'NOT MET'}: {goal}")
    return goals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=10, help="pages opened at once")
    parser.add_argument("--pool", type=int, help="kernels kept ready (default: --participants)")
    parser.add_argument("--empty-kernels", type=int, default=3, help="baseline kernels started")
    parser.add_argument(
        "--upload-mb", type=float, default=10, help="order lines one participant uploads (MB)"
    )
    parser.add_argument("--log", action="store_true", help="print the server's log at the end")
    args = parser.parse_args()
    goals = asyncio.run(run(args))
    sys.exit(0 if all(goals.values()) else 1)


if __name__ == "__main__":
    main()
