"""The main window: menu bar, section navigation, status bar with the database in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget

from kundenportfolio import APP_NAME, __version__
from kundenportfolio import settings as declared
from kundenportfolio.data.repository import Repository


class MainWindow(QMainWindow):
    def __init__(self, repository: Repository, db_path: Path) -> None:
        super().__init__()
        self.repository = repository
        self.db_path = db_path
        company = repository.get_setting(declared.COMPANY_NAME.key) or db_path.stem
        self.setWindowTitle(f"{company} – {APP_NAME}")
        self.sections = QStackedWidget(self)
        self.setCentralWidget(self.sections)
        self._build_menus()
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", str(db_path)))
        self.statusBar().addPermanentWidget(self.db_label)
        self.customer_count_label = QLabel()
        self.statusBar().addPermanentWidget(self.customer_count_label)
        self.refresh_status()
        self._restore_geometry()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Kundenportfolio"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def refresh_status(self) -> None:
        count = self.repository.count_customers()
        self.customer_count_label.setText(self.tr("%n customer(s)", "", count))

    def _show_about(self) -> None:
        QMessageBox.about(
            self, APP_NAME,
            self.tr("%1 %2\n\nCustomer value, portfolio, forecasts and campaigns "
                    "for small businesses.").replace("%1", APP_NAME).replace("%2", __version__),
        )

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
