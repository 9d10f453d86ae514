"""The lock message names what holds the database: a window or a command, computer, process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kundenportfolio.cli import main
from kundenportfolio.locking import (
    DatabaseLockedError,
    LockHolder,
    hold_for_process,
    holder_role,
    lock_message,
)

ROOT = Path(__file__).resolve().parents[2]

# a stand-in for the program: named like the console script, takes the lock and waits
FAKE_PROGRAM = textwrap.dedent("""
    import sys, time
    from kundenportfolio.locking import DatabaseLock
    lock = DatabaseLock(sys.argv[sys.argv.index("--db") + 1])
    assert lock.acquire()
    print("locked", flush=True)
    time.sleep(60)
""")


@pytest.mark.parametrize(("args", "role"), [
    (["/opt/venv/bin/python3", "/opt/venv/bin/kundenportfolio"], ""),
    (["C:\\Programme\\Kundenportfolio\\Kundenportfolio.exe", "--db", "C:\\d\\k.sqlite3"], ""),
    (["python", "main.py", "--demo"], ""),
    (["python", "-m", "kundenportfolio", "--db", "k.sqlite3", "import", "orders", "a.csv"],
     "import orders"),
    (["/usr/bin/kundenportfolio", "--db=k.sqlite3", "campaign", "propose", "1"],
     "campaign propose"),
    (["kundenportfolio.exe", "privacy", "erase", "10001"], "privacy erase"),
    (["kundenportfolio", "restore", "--db", "k.sqlite3", "s.sqlite3"], "restore"),
    (["python", "-c", "from kundenportfolio.locking import DatabaseLock"], None),
    (["python", "-m", "pytest", "tests"], None),
    (["/usr/bin/sqlite3", "k.sqlite3"], None),
])
def test_lock_holder_role_from_its_command_line(args: list[str], role: str | None) -> None:
    assert holder_role(args) == role


def _hold_as(tmp_path: Path, db: Path, *arguments: str) -> subprocess.Popen[str]:
    script = tmp_path / "kundenportfolio"
    script.write_text(FAKE_PROGRAM, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    proc = subprocess.Popen([sys.executable, str(script), "--db", str(db), *arguments],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


needs_proc = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(),
                                reason="command lines of other processes via /proc only")


@needs_proc
def test_lock_held_by_an_import_names_the_command(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    proc = _hold_as(tmp_path, db, "import", "orders", "auftraege.csv")
    try:
        with pytest.raises(DatabaseLockedError) as caught:
            hold_for_process(db)
        message = str(caught.value)
        assert message == (
            "Die Datenbank «firma.sqlite3» ist bereits vom Befehl «kundenportfolio import orders» "
            f"auf diesem Computer (Prozess {proc.pid}) geöffnet. Gleichzeitiges Schreiben könnte "
            "Daten verlieren. Bitte warten, bis der Befehl fertig ist, und es dann noch einmal "
            "versuchen.")
        assert "Fenster" not in message
        # the same text for a writing CLI command
        assert main(["--db", str(db), "campaign", "create", "--name", "X", "--instrument",
                     "newsletter", "--from", "2026-01-01", "--to", "2026-01-02"]) == 1
        assert "vom Befehl «kundenportfolio import orders»" in capsys.readouterr().err
    finally:
        proc.terminate()
        proc.wait()


@needs_proc
def test_lock_held_by_a_window_names_the_window(tmp_path: Path) -> None:
    db = tmp_path / "firma.sqlite3"
    proc = _hold_as(tmp_path, db)
    try:
        with pytest.raises(DatabaseLockedError) as caught:
            hold_for_process(db)
        assert caught.value.holder is not None
        assert lock_message(db, caught.value.holder) == (
            "Die Datenbank «firma.sqlite3» ist bereits von einem anderen Kundenportfolio-Fenster "
            f"auf diesem Computer (Prozess {proc.pid}) geöffnet. Gleichzeitiges Schreiben könnte "
            "Daten verlieren.")
        assert str(caught.value).endswith("Bitte das andere Fenster zuerst schließen.")
    finally:
        proc.terminate()
        proc.wait()


def test_lock_holder_that_cannot_be_told_apart_is_not_called_a_window() -> None:
    # this test process runs pytest: neither window nor command is recognisable
    holder = LockHolder(os.getpid(), socket.gethostname(), "python3.11")
    message = lock_message(Path("k.sqlite3"), holder)
    assert message == (
        f"Die Datenbank «k.sqlite3» ist bereits von Kundenportfolio auf diesem Computer "
        f"(Prozess {os.getpid()}) geöffnet. Gleichzeitiges Schreiben könnte Daten verlieren.")
    other = LockHolder(4711, "buero-pc-2", "Kundenportfolio.exe")
    assert "Fenster" not in lock_message(Path("k.sqlite3"), other)
