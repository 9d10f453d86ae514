"""The second-start question: acquire when free, ask (read-only or quit) when held."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kundenportfolio.locking import DatabaseLock, LockHolder
from kundenportfolio.ui.dialogs import lock_dialog
from kundenportfolio.ui.dialogs.lock_dialog import LockChoice, acquire_or_ask


def test_free_database_is_acquired(tmp_path: Path, qtbot: object) -> None:
    decision = acquire_or_ask(tmp_path / "frei.sqlite3")
    assert decision.choice is LockChoice.ACQUIRED
    assert decision.lock is not None and decision.lock.is_locked()
    decision.lock.release()


@pytest.mark.parametrize("answer", [LockChoice.READ_ONLY, LockChoice.QUIT])
def test_held_database_asks(tmp_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch,
                            answer: LockChoice) -> None:
    db = tmp_path / "belegt.sqlite3"
    other = DatabaseLock(db)
    assert other.acquire()
    asked: list[LockHolder | None] = []

    def fake_ask(parent: object, path: Path, holder: LockHolder | None) -> LockChoice:
        asked.append(holder)
        return answer

    monkeypatch.setattr(lock_dialog, "ask_read_only_or_quit", fake_ask)
    try:
        decision = acquire_or_ask(db)
    finally:
        other.release()
    assert decision.choice is answer and decision.lock is None
    assert len(asked) == 1 and asked[0] is not None and asked[0].pid > 0


def test_question_box_offers_read_only(tmp_path: Path, qtbot: object,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        box.buttons()[0].click()  # the first added button: read-only
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    holder = LockHolder(4711, "buero-pc-2", "kundenportfolio")
    choice = lock_dialog.ask_read_only_or_quit(None, tmp_path / "k.sqlite3", holder)
    assert choice is LockChoice.READ_ONLY
    assert "«buero-pc-2» (Prozess 4711)" in shown[0].text()
