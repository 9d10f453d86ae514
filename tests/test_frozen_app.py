"""Build the one-folder app from packaging/kundenportfolio.spec and run its smoke test (issue 9).

Marked `frozen`: not in the default run (the build takes a minute or two); `.ci/run` runs it.
Skip locally with `-m "not frozen"`, run it with `-m frozen`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.frozen


def test_frozen_app_smoke_test(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"),
         "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
        check=True, cwd=ROOT, timeout=1200,
    )
    exe = tmp_path / "dist" / "Kundenportfolio" / (
        "Kundenportfolio.exe" if sys.platform == "win32" else "Kundenportfolio")
    assert exe.exists()
    out = tmp_path / "smoke"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
           "XDG_DATA_HOME": str(tmp_path / "home" / "data")}
    result = subprocess.run([str(exe), "--smoke-test", str(out)], env=env,
                            capture_output=True, text=True, timeout=600)
    log = (out / "smoke-test.log").read_text(encoding="utf-8") if (out / "smoke-test.log").exists() else ""
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\n{log}"
    assert (out / "kundenwertliste.pdf").stat().st_size > 1000
    assert len(list(out.glob("section_*.png"))) >= 4
