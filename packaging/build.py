"""Build the one-folder app for the current platform: `python packaging/build.py`.

The result is dist/Kundenportfolio/ (Kundenportfolio.exe on Windows). The same spec builds on
Linux and Windows; the Inno Setup installer (installer.iss) is built from that folder on Windows.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kundenportfolio mit PyInstaller bauen.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="Zielordner")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="Arbeitsordner")
    args = parser.parse_args(argv)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(args.dist), "--workpath", str(args.work),
         str(ROOT / "packaging" / "kundenportfolio.spec")],
        check=True, cwd=ROOT,
    )
    app = args.dist / "Kundenportfolio"
    if not app.is_dir():
        print("Build fehlgeschlagen: kein Ordner", app, file=sys.stderr)
        return 1
    size_mb = folder_size(app) / 1024 / 1024
    print(f"Gebaut: {app} ({size_mb:.0f} MB)")
    if shutil.which("du"):
        subprocess.run(["du", "-sh", str(app)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
