"""Start-up time: `clerkdesk --demo --exit-after-startup`, cold (demo built) and warm.

Prints wall-clock seconds and peak memory (max RSS) of each run. Not a test: a number to
watch. Run: python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SETTLE_SECONDS = 0.3  # clerkdesk.app.SETTLE_MS: the window waits this long before quitting


def run_once(db: Path) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "clerkdesk", "--demo", "--db", str(db),
                    "--exit-after-startup"], check=True, env=env)
    elapsed = time.perf_counter() - started - SETTLE_SECONDS
    peak_mib = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return elapsed, peak_mib


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        cold, cold_mem = run_once(db)
        print(f"cold start (builds the demo council): {cold:.2f} s, peak RSS {cold_mem:.0f} MiB")
        warm = [run_once(db)[0] for _ in range(args.runs)]
        print(f"warm start, {args.runs} runs: median {statistics.median(warm):.2f} s, "
              f"min {min(warm):.2f} s, max {max(warm):.2f} s (settle time excluded)")


if __name__ == "__main__":
    main()
