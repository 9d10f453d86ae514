"""Uncaught exceptions go to a rotating log file, also without a console."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from kundenportfolio import errorlog


@pytest.fixture(autouse=True)
def _restore_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(errorlog, "_current_log", None)


def _raise_and_hook(message: str) -> None:
    try:
        raise ValueError(message)
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def test_uncaught_exception_is_logged_and_shown_without_console(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[BaseException, str]] = []
    log = errorlog.install_excepthook(lambda exc, text: shown.append((exc, text)), tmp_path)
    monkeypatch.setattr(sys, "stdout", None)  # windowed program: no console at all
    monkeypatch.setattr(sys, "stderr", None)
    _raise_and_hook("Spalte «Umsatz» fehlt")
    assert log == tmp_path / "kundenportfolio.log"
    content = log.read_text(encoding="utf-8")
    assert "Unerwarteter Fehler" in content and "ValueError: Spalte «Umsatz» fehlt" in content
    assert "_raise_and_hook" in content  # the traceback is there
    assert len(shown) == 1 and "ValueError" in shown[0][1]


def test_thread_exceptions_are_logged(tmp_path: Path) -> None:
    shown: list[BaseException] = []
    log = errorlog.install_excepthook(lambda exc, text: shown.append(exc), tmp_path)

    def boom() -> None:
        raise RuntimeError("im Hintergrund")

    thread = threading.Thread(target=boom)
    thread.start()
    thread.join()
    assert "RuntimeError: im Hintergrund" in log.read_text(encoding="utf-8")
    assert [str(e) for e in shown] == ["im Hintergrund"]


def test_failing_display_is_logged_not_raised(tmp_path: Path) -> None:
    def broken_show(exc: BaseException, text: str) -> None:
        raise OSError("kein Bildschirm")

    log = errorlog.install_excepthook(broken_show, tmp_path)
    _raise_and_hook("erster Fehler")
    content = log.read_text(encoding="utf-8")
    assert "ValueError: erster Fehler" in content and "OSError: kein Bildschirm" in content


def test_log_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errorlog, "MAX_BYTES", 2_000)
    errorlog.install_excepthook(None, tmp_path)
    for i in range(20):
        _raise_and_hook(f"Fehler {i}")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "kundenportfolio.log" in names and "kundenportfolio.log.1" in names
    assert len(names) <= 1 + errorlog.BACKUP_COUNT
