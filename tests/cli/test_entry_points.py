"""The three ways to start the program and the German command line (issue 2 §5)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kundenportfolio import __version__
from kundenportfolio.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_is_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("Aufruf: kundenportfolio")
    for word in ("Optionen:", "Befehle", "--db PFAD", "--demo", "Demo-Datenbank"):
        assert word in out


def test_unknown_option_german_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--gibts-nicht"])
    assert info.value.code == 2
    assert "Fehler:" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "german"), [
    (["ranking", "--top", "zehn"], "Argument --top: 'zehn' ist keine ganze Zahl"),
    (["portfolio", "--db", "a", "--demo"], "Argument --demo: Nicht zusammen mit --db möglich"),
    (["export", "kunden", "--out", "k.csv"], "Argument ART: 'kunden' gibt es nicht (möglich: "
     "'customers', 'orders', 'contacts', 'costs')"),
    (["ranking", "--gibts-nicht"], "Unbekannte Argumente: --gibts-nicht"),
    (["export"], "Diese Argumente fehlen: ART, --out"),
    (["portfolio", "--out"], "Argument --out: Der Wert fehlt"),
], ids=["int", "exclusive", "choice", "unrecognised", "required", "value"])
def test_argparse_errors_in_german(argv: list[str], german: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert f"Fehler: {german}\n" in err
    for english in ("invalid", "not allowed", "unrecognized", "required", "expected"):
        assert english not in err


@pytest.mark.parametrize("command", [
    [sys.executable, "-m", "kundenportfolio", "--version"],
    [sys.executable, str(ROOT / "main.py"), "--version"],
])
def test_module_and_main_py_start_the_same_program(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Kundenportfolio {__version__}"


def test_gui_refuses_foreign_file_with_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QEventLoop, QTranslator
    from PySide6.QtWidgets import QApplication, QMessageBox

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own hook
    # run_gui opens the file from the event loop (issue 9): a local loop, as the real
    # exec()/exit() would end every later loop of the shared test application
    loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exec", lambda *a: loop.exec())
    monkeypatch.setattr(QApplication, "exit", lambda *a: loop.exit(a[-1] if a else 0))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    not_a_db = tmp_path / "rechnung.pdf"
    not_a_db.write_bytes(b"%PDF-1.7 " * 20)
    QApplication.setQuitOnLastWindowClosed(False)  # a pending quit would end a later loop
    try:
        assert main(["--db", str(not_a_db)]) == 1
    finally:  # the app object outlives this test: take the German translators out again
        QApplication.setQuitOnLastWindowClosed(True)
        app = QApplication.instance()
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()
    assert shown and "keine Kundenportfolio-Datenbank" in shown[0]
    assert not_a_db.read_bytes() == b"%PDF-1.7 " * 20
