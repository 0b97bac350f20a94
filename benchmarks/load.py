"""How fast the loader reads a big account list, against a bare pandas read of the same file.

Run: ``python benchmarks/load.py [--rows N] [--repeat R]``. It writes, in a temporary folder, an
account list with all 13 canonical columns twice: plain (English headers, ``,`` separated, ``.``
decimals) and Norwegian (Norwegian headers, ``;`` separated, decimal commas, non-breaking spaces
between thousands). For each it times (the median of R runs) ``pandas.read_csv(path,
engine="pyarrow")`` as the baseline and ``workbook.loading.load_accounts``, and prints the ratios
(targets: plain <= 1.5x, Norwegian <= 2.5x) and the peak memory of each in a fresh process. The
ratio is of the medians; the ratio of the quickest runs is printed too, since other work on a
shared machine slows some runs of each.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from workbook.loading import load_accounts

TARGETS = {"plain": 1.5, "norwegian": 2.5}
NORWEGIAN_HEADERS = {
    "account_id": "Kundenr",
    "account": "Kundenavn",
    "revenue": "Omsetning",
    "gross_profit": "Dekningsbidrag",
    "owner": "Selger",
    "visits": "Besøk",
    "selling_hours": "Timer",
    "service_requests": "Henvendelser",
    "concessions": "Rabatter",
    "potential": "Potensial",
    "revenue_prev": "Omsetning i fjor",
    "segment": "Bransje",
    "region": "Distrikt",
}


def accounts(rows: int, seed: int = 7) -> pd.DataFrame:
    """Return ``rows`` synthetic accounts with every canonical column."""
    rng = np.random.default_rng(seed)
    revenue = np.round(rng.lognormal(np.log(60_000), 1.7, rows), 2)
    return pd.DataFrame(
        {
            "account_id": [f"{i:07d}" for i in range(1, rows + 1)],
            "account": [f"Kunde {i} AS" for i in range(1, rows + 1)],
            "revenue": revenue,
            "gross_profit": np.round(revenue * rng.normal(0.25, 0.1, rows), 2),
            "owner": rng.choice(["Kari Nordmann", "Per Hansen", "Ola Dahl", "Nora Lie"], rows),
            "visits": rng.poisson(4, rows),
            "selling_hours": np.round(rng.gamma(2, 3, rows), 1),
            "service_requests": rng.poisson(3, rows),
            "concessions": np.round(revenue * rng.uniform(0, 0.1, rows), 2),
            "potential": np.round(revenue * rng.uniform(1, 3, rows), -2),
            "revenue_prev": np.round(revenue * rng.uniform(0.7, 1.3, rows), 2),
            "segment": rng.choice(["Retail", "Hospitality", "Industry", "Public sector"], rows),
            "region": rng.choice(["Oslo", "Viken", "Vestland", "Trøndelag"], rows),
        }
    )


def norwegian(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the accounts as a Norwegian Excel export writes them."""
    out = frame.rename(columns=NORWEGIAN_HEADERS)
    for name in ("revenue", "gross_profit", "concessions", "potential", "revenue_prev"):
        out[NORWEGIAN_HEADERS[name]] = _norwegian_amounts(frame[name].to_numpy())
    out[NORWEGIAN_HEADERS["selling_hours"]] = frame["selling_hours"].map(
        lambda v: f"{v:.1f}".replace(".", ",")
    )
    return out


def _norwegian_amounts(values: np.ndarray) -> list[str]:
    return [f"{v:,.2f}".replace(",", "\u00a0").replace(".", ",") for v in values]


def wall_times(functions: dict, repeat: int) -> dict[str, list[float]]:
    """Return the wall times of each function, running them in turn so that they share
    whatever else the machine is doing."""
    times = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            gc.collect()
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return times


def peak_memory(statement: str) -> int:
    """Return the peak resident memory (bytes) of a fresh Python process running ``statement``.

    A fresh process, because Arrow allocates outside Python's allocator (tracemalloc misses it).
    """
    # VmHWM (Linux), not ru_maxrss: a child's ru_maxrss starts from its parent's at the fork.
    peak = "[l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]"
    code = f"{statement}\nprint({peak})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) * 1024  # kilobytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="accounts in each file")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (median)")
    args = parser.parse_args(argv)

    frame = accounts(args.rows)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        files = {"plain": Path(folder) / "accounts.csv", "norwegian": Path(folder) / "kunder.csv"}
        frame.to_csv(files["plain"], index=False)
        norwegian(frame).to_csv(files["norwegian"], index=False, sep=";", encoding="utf-8")
        print(f"{args.rows:,} accounts, 13 columns; median of {args.repeat} runs")
        for name, path in files.items():
            sep = ";" if name == "norwegian" else ","
            loaded = load_accounts(path)
            assert len(loaded) == args.rows, f"{name}: loaded {len(loaded)} accounts"
            timed = wall_times(
                {
                    "baseline": lambda p=path, s=sep: pd.read_csv(p, engine="pyarrow", sep=s),
                    "ours": lambda p=path: load_accounts(p),
                },
                args.repeat,
            )
            baseline, ours = (statistics.median(timed[n]) for n in ("baseline", "ours"))
            quickest = min(timed["ours"]) / min(timed["baseline"])
            ours_peak = peak_memory(
                f"from workbook.loading import load_accounts\nload_accounts({str(path)!r})"
            )
            pandas_peak = peak_memory(
                f"import pandas as pd\npd.read_csv({str(path)!r}, engine='pyarrow', sep={sep!r})"
            )
            ratio = ours / baseline
            ok = ratio <= TARGETS[name]
            failed |= not ok
            size = path.stat().st_size / 1e6
            print(
                f"{name:>9}: {size:6.1f} MB  pandas.read_csv {baseline:6.2f} s"
                f"  load_accounts {ours:6.2f} s  ratio {ratio:4.2f}x (target <= "
                f"{TARGETS[name]}x {'ok' if ok else 'MISSED'}; quickest runs {quickest:4.2f}x)"
            )
            print(
                f"{'':>9}  peak memory (fresh process): load_accounts {ours_peak / 1e6:,.0f} MB,"
                f" pandas.read_csv {pandas_peak / 1e6:,.0f} MB"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
