"""Start-up time: process start → main window shown, against a bare PySide6 window (issue 9).

    python tests/benchmarks/bench_startup.py [--runs 5] [--frozen dist/Kundenportfolio]

Measures, in the same run and the same way (a subprocess prints a marker from the event loop
once its window is shown; the parent times spawn → marker):
  * a bare PySide6 hello-world window, `python hello.py`
  * `python -m kundenportfolio --db <10,000-customer demo>`, twice: to the main window shown
    (its shell, before the database is opened) and to the main window with its customer list
and with --frozen (or --build-frozen), the one-folder app and a hello-world frozen the same
way (PyInstaller one-folder, windowed). Prints medians, the ratios, and the build size.
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
CACHE = Path(tempfile.gettempdir()) / "kundenportfolio-bench"
MARKER = "KUNDENPORTFOLIO_WINDOW_SHOWN"

HELLO = f'''
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hallo"))
window.resize(1280, 800)
window.show()
def shown():
    print("{MARKER}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
'''


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to the marker; env's KUNDENPORTFOLIO_STARTUP_PROBE chooses which
    window prints it ("frame": the main window's shell, else the window with its list)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if MARKER in line:
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"no window from {command}")
    proc.wait(timeout=60)
    return elapsed


def median_of(runs: int, command: list[str], env: dict[str, str]) -> float:
    time_to_window(command, env)  # warm the file cache once
    return statistics.median(time_to_window(command, env) for _ in range(runs))


def demo_database(customers: int) -> Path:
    path = CACHE / f"demo-{customers}.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "kundenportfolio", "demo", "--db", str(path),
                        "--customers", str(customers)], check=True, cwd=ROOT)
    return path


def build_frozen_hello() -> Path:
    folder = CACHE / "hello"
    exe = folder / "dist" / "hello" / ("hello.exe" if os.name == "nt" else "hello")
    if not exe.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "hello.py").write_text(HELLO, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir",
                        "--windowed", "--distpath", str(folder / "dist"),
                        "--workpath", str(folder / "build"), "--specpath", str(folder),
                        str(folder / "hello.py")], check=True, cwd=folder)
    return exe


def folder_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1024 / 1024


def report(name: str, bare: float, frame: float, window: float) -> None:
    print(f"  {name}")
    print(f"    main window shown (shell)  {frame:6.2f} s   ({frame / bare:.2f}× bare)")
    print(f"    main window with its list  {window:6.2f} s   ({window / bare:.2f}× bare)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--frozen", type=Path, help="folder of the one-folder build")
    parser.add_argument("--build-frozen", action="store_true", help="build it first")
    args = parser.parse_args()

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "KUNDENPORTFOLIO_STARTUP_PROBE": "window"}
    frame_env = {**env, "KUNDENPORTFOLIO_STARTUP_PROBE": "frame"}
    db = demo_database(args.customers)
    hello = CACHE / "hello.py"
    CACHE.mkdir(parents=True, exist_ok=True)
    hello.write_text(HELLO, encoding="utf-8")

    bare = median_of(args.runs, [sys.executable, str(hello)], env)
    command = [sys.executable, "-m", "kundenportfolio", "--db", str(db)]
    print(f"Python, {args.customers} Kunden, Median aus {args.runs} Starts:")
    print(f"  bare PySide6 window          {bare:6.2f} s")
    report("python -m kundenportfolio", bare, median_of(args.runs, command, frame_env),
           median_of(args.runs, command, env))

    frozen = args.frozen
    if args.build_frozen:
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"),
                        "--dist", str(CACHE / "dist"), "--work", str(CACHE / "work")], check=True)
        frozen = CACHE / "dist" / "Kundenportfolio"
    if frozen:
        exe = frozen / ("Kundenportfolio.exe" if os.name == "nt" else "Kundenportfolio")
        hello_exe = build_frozen_hello()
        bare_frozen = median_of(args.runs, [str(hello_exe)], env)
        frozen_command = [str(exe), "--db", str(db)]
        print("Frozen (PyInstaller one-folder):")
        print(f"  bare PySide6 window          {bare_frozen:6.2f} s")
        report("Kundenportfolio", bare_frozen, median_of(args.runs, frozen_command, frame_env),
               median_of(args.runs, frozen_command, env))
        print(f"  build size                   {folder_size_mb(frozen):6.0f} MB "
              f"(bare hello: {folder_size_mb(hello_exe.parent):.0f} MB)")


if __name__ == "__main__":
    main()
