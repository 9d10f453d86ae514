"""Fast start (issues 4 and 9): process start → window shown with the customer list filled, and
→ Kundenwerte arrived, for `python -m kundenportfolio`, against a bare PySide6 window.

    python tests/benchmarks/bench_fast_start.py DB [--runs 5] [--before SRC]

`--before SRC`: a source tree of an older version (e.g. `git archive <rev> kundenportfolio
resources | tar -x -C SRC`) measured in the same run, interleaved. Prints medians (and minimum)
of wall time and the CPU time of the whole process (user+sys, up to its exit). The machine is
shared: compare figures of one run only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import HELLO  # noqa: E402


def run(command: list[str], cwd: Path, probe: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KUNDENPORTFOLIO_STARTUP_PROBE": probe}
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env, cwd=cwd)
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        if "WINDOW_SHOWN" in line:
            marks["shown"] = time.perf_counter() - started
        if "VALUES_SHOWN" in line:
            marks["values"] = time.perf_counter() - started
    _pid, status, usage = os.wait4(proc.pid, 0)
    marks["exit"] = time.perf_counter() - started
    marks["cpu"] = usage.ru_utime + usage.ru_stime
    if status != 0 or "shown" not in marks:
        print(f"  (a run of {command[-1]} failed: status {status})", flush=True)
    return marks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="source tree of the version to compare")
    parser.add_argument("--before-values", action="store_true",
                        help="that version also reports when the values arrived")
    args = parser.parse_args()
    hello = Path(tempfile.gettempdir()) / "kundenportfolio-bench" / "hello.py"
    hello.parent.mkdir(parents=True, exist_ok=True)
    hello.write_text(HELLO, encoding="utf-8")
    app = [sys.executable, "-m", "kundenportfolio", "--db", str(args.db.resolve())]
    commands = {"bare PySide6 window": ([sys.executable, str(hello)], hello.parent, "1"),
                "kundenportfolio": (app, ROOT, "values")}
    if args.before:  # the old version prints only the window marker (list filled synchronously)
        commands["kundenportfolio before"] = (app, args.before,
                                              "values" if args.before_values else "1")
    results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for command, cwd, probe in commands.values():
        run(command, cwd, probe)  # warm the file cache once
    for _ in range(args.runs):
        for name, (command, cwd, probe) in commands.items():  # interleaved: same load for all
            results[name].append(run(command, cwd, probe))
    print(f"{args.db.name}, median (min) of {args.runs} starts:")
    for name, runs in results.items():
        parts = []
        for key, label in (("shown", "window+list"), ("values", "values"), ("exit", "exit"),
                           ("cpu", "CPU")):
            values = [r[key] for r in runs if key in r]
            if values:
                parts.append(f"{label} {statistics.median(values):5.2f} s ({min(values):.2f})")
        print(f"  {name:24} " + "  ".join(parts))


if __name__ == "__main__":
    main()
