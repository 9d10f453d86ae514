"""The window frame shown at once while the database is opened and the main window is built.

Issue 9: importing the data layer and the main window (pandas, ~0.8 s) made the start feel
slow. This frame needs PySide6 only, so it appears about as fast as a bare Qt window; the
dialogs of the open step (lock, damaged file, location) appear over it, and the real main
window takes its place and size once it is ready.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from kundenportfolio import APP_NAME


class OpeningFrame(QMainWindow):
    """Title, a centred «opening» notice and the database path in the status bar."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} – {db_path.name}")
        notice = QLabel(self.tr("Opening Kundenportfolio…"))
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(notice)
        self.statusBar().showMessage(str(db_path))
        # the size the main window will restore, so that the swap does not jump
        geometry = QSettings().value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)

    def hand_over(self, window: QMainWindow) -> None:
        """Show the real main window where the frame is, then go."""
        if not window.isMaximized():
            window.setGeometry(self.geometry())
        window.show()
        self.close()
