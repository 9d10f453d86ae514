"""The main window: section navigation, menu bar, shared period, status bar, undo stack.

Sections are listed in `_build_sections()`; a later feature (Prognose, Kampagnen, Berichte)
adds one `SectionSpec` line there. A section widget is constructed as
``cls(repository, store)`` when it is first shown or asked for (``Section.widget``,
``MainWindow.section(key)``): building them all at start cost seconds of imports. It may offer
``set_period(Period)``, ``refresh()`` and a ``customer_activated(int)`` signal (opens that
customer in the Kunden section).

The program start (app.run_gui) shows the window at once, before the database is opened:
``MainWindow(None, path)`` is a shell with title, status bar and an «opening» notice, built
from PySide6 alone; ``attach(repository, …)`` then fills it. This module therefore imports the
data layer and the views (pandas, sqlite-utils: most of a second) only inside ``attach``.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import importlib.util
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from kundenportfolio import APP_NAME, __version__
from kundenportfolio import settings as declared
from kundenportfolio.core.errors import NotFoundError
from kundenportfolio.core.periods import Period
from kundenportfolio.ui.widgets.period_selector import PeriodSelector  # PySide6 only

if TYPE_CHECKING:
    from kundenportfolio.data.portfolio_store import PortfolioStore
    from kundenportfolio.data.repository import Repository


@dataclass(frozen=True)
class SectionSpec:
    """A section of the navigation: shown only if its module exists."""

    key: str
    title: str
    module: str
    cls: str


class Section:
    """A navigation entry. Its widget is built on first access of ``widget`` (``built`` says
    whether that happened); the customers section is built from the start."""

    def __init__(self, key: str, title: str, widget: QWidget | None = None,
                 build: Callable[[Section], QWidget] | None = None) -> None:
        self.key, self.title = key, title
        self._widget = widget
        self._build = build

    @property
    def built(self) -> bool:
        return self._widget is not None

    @property
    def widget(self) -> QWidget:
        if self._widget is None:
            assert self._build is not None
            self._widget = self._build(self)
        return self._widget


class MainWindow(QMainWindow):
    period_changed = Signal(object)  # Period: the reference period all views show

    def __init__(self, repository: Repository | None, db_path: Path, *,
                 store: PortfolioStore | None = None, today: dt.date | None = None,
                 start_in_background: bool = False, customer_list: Any = None,
                 write_gate: Any = None) -> None:
        """The window of the database at `db_path`; with `repository` None only its shell,
        until `attach` (the program start, see the module doc)."""
        super().__init__()
        self.db_path = db_path
        self.repository: Any = None
        self.setWindowTitle(f"{db_path.stem} – {APP_NAME}")
        opening = QLabel(self.tr("Opening the database…"), self)
        opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(opening)
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", str(db_path)))
        self.statusBar().addPermanentWidget(self.db_label)
        geometry = QSettings().value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        if repository is not None:
            self.attach(repository, store=store, today=today,
                        start_in_background=start_in_background, customer_list=customer_list,
                        write_gate=write_gate)

    def attach(self, repository: Repository, *, store: PortfolioStore | None = None,
               today: dt.date | None = None, start_in_background: bool = False,
               customer_list: Any = None, write_gate: Any = None) -> None:
        """Fill the window with the opened database. `start_in_background` (the program
        start, see ui/startup.py): the customer list at once, values from a background
        thread; `customer_list` a CustomerList loaded already; `write_gate` an IntegrityGate
        whose check must pass before anything is written."""
        from kundenportfolio.data.forecast_store import ForecastStore
        from kundenportfolio.data.portfolio_store import PortfolioStore
        from kundenportfolio.ui.forecast_runner import ForecastRunner
        from kundenportfolio.ui.views.customer_writes import CustomerWriter
        from kundenportfolio.ui.views.customers_view import CustomersView

        db_path = self.db_path
        self.db_label.setText(self.tr("Database: %1").replace("%1", str(db_path)))  # moved?
        self.repository = repository
        self.store = store or PortfolioStore(repository)
        company = repository.get_setting(declared.COMPANY_NAME.key) or db_path.stem
        self.setWindowTitle(f"{company} – {APP_NAME}")
        self._language = repository.get_setting(declared.UI_LANGUAGE.key)
        self.undo_stack = QUndoStack(self)
        self.writer = CustomerWriter(repository, self.undo_stack, self)
        self.today = today or dt.date.today()
        self.period_selector = PeriodSelector(
            self.today, self, first_year=self.store.first_order_year())
        self.period_selector.setObjectName("period_selector")
        self.period = self.period_selector.period()
        self.forecast_store = ForecastStore(repository)  # computed only when first needed
        self.forecast_runner = ForecastRunner(self.forecast_store, self)  # in the background
        self.customers_view = CustomersView(repository, self.store, self.period, self.writer,
                                            forecast_runner=self.forecast_runner)
        self.customers_view.customers_changed.connect(self.refresh_status)
        self.customers_view.computing.connect(self._show_computing)
        self.customers_view.write_gate = write_gate

        self.stack = QStackedWidget(self)
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setMinimumWidth(120)
        self.navigation.setMaximumWidth(200)
        self.sections: list[Section] = self._build_sections()
        for section in self.sections:
            self.navigation.addItem(section.title)
            # unbuilt sections hold an empty place; it is swapped before it can be shown
            self.stack.addWidget(section.widget if section.built else QWidget(self.stack))
        self._connect_section(self.customers_view)
        self.navigation.currentRowChanged.connect(self._show_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([140, 1260])
        self.setCentralWidget(splitter)  # the «opening» notice goes

        toolbar = QToolBar(self.tr("Period"), self)
        toolbar.setObjectName("period_toolbar")
        toolbar.addWidget(QLabel(self.tr("Period:") + " "))
        toolbar.addWidget(self.period_selector)
        self.addToolBar(toolbar)
        self.period_selector.period_changed.connect(self.set_period)

        self._build_menus()
        self.customer_count_label = QLabel()
        self.period_label = QLabel()
        for label in (self.customer_count_label, self.period_label):
            self.statusBar().addPermanentWidget(label)
        if start_in_background:
            self.customers_view.load_in_background(db_path, customer_list)
            self._keep_closed_year(write_gate)
        else:
            self.customers_view.load()
        self.refresh_status()
        state = QSettings().value("main_window/state")  # toolbar places: it exists now
        if state is not None:
            self.restoreState(state)
        self.navigation.setCurrentRow(0)

    # ---- sections --------------------------------------------------------------------

    def _build_sections(self) -> list[Section]:
        """The navigation, in order. Later features append their SectionSpec here."""
        self.customers_view.detail.suggestions.today = self.today  # one "today" for every view
        sections = [Section("customers", self.tr("Customers"), self.customers_view)]
        for spec in (
            SectionSpec("portfolio", self.tr("Portfolio"),
                        "kundenportfolio.ui.views.portfolio_view", "PortfolioView"),
            SectionSpec("ranking", self.tr("Ranking"),
                        "kundenportfolio.ui.views.ranking_view", "RankingView"),
            SectionSpec("forecast", self.tr("Forecast"), "kundenportfolio.ui.views.forecast_view",
                        "ForecastView"),
            SectionSpec("campaigns", self.tr("Campaigns"), "kundenportfolio.ui.views.campaigns_view",
                        "CampaignsView"),
            SectionSpec("settings", self.tr("Settings"),
                        "kundenportfolio.ui.views.settings_view", "SettingsView"),
        ):
            if self._available(spec):
                sections.append(Section(spec.key, spec.title,
                                        build=functools.partial(self._materialise, spec=spec)))
        return sections

    @staticmethod
    def _available(spec: SectionSpec) -> bool:
        """Whether the section's module exists, without importing it (that is start-up time)."""
        try:
            return importlib.util.find_spec(spec.module) is not None
        except ModuleNotFoundError:  # its package is missing
            return False

    def _materialise(self, section: Section, spec: SectionSpec) -> QWidget:
        """Build a section on first use and put it in its place in the stack."""
        self._wait_for_values()  # the sections compute from the start-up result
        widget = self._construct(spec)
        if widget is None:
            raise RuntimeError(f"section module {spec.module} is missing")
        section._widget = widget  # before the stack signals: a re-entrant access finds it
        row = self.sections.index(section)
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, widget)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self._connect_section(widget)
        return widget

    def _built_widgets(self) -> Iterator[QWidget]:
        """The sections built so far; the others take period and settings when built."""
        return (s.widget for s in self.sections if s.built)

    def _construct(self, spec: SectionSpec) -> QWidget | None:
        try:
            module = importlib.import_module(spec.module)
        except ModuleNotFoundError as exc:
            if exc.name != spec.module:  # a missing dependency inside it is a real bug
                raise
            return None  # that feature is not built: no placeholder screen
        cls = getattr(module, spec.cls)
        parameters = inspect.signature(cls).parameters
        extra: dict[str, Any] = {"today": self.today} if "today" in parameters else {}
        if "forecast_runner" in parameters:  # one forecast for the section and the detail
            extra["forecast_runner"] = self.forecast_runner
        widget: QWidget = cls(self.repository, self.store, **extra)
        if hasattr(widget, "set_period"):
            widget.set_period(self.period)
        return widget

    def _connect_section(self, widget: QWidget) -> None:
        activated = getattr(widget, "customer_activated", None)
        if activated is not None and widget is not self.customers_view:
            activated.connect(self.open_customer)
        selector = getattr(widget, "period_selector", None)
        if isinstance(selector, PeriodSelector) and selector is not self.period_selector:
            selector.period_changed.connect(self.set_period)  # one period for all views
        changed = getattr(widget, "settings_changed", None)
        if changed is not None:
            changed.connect(self.settings_changed)

    def _show_row(self, row: int) -> None:
        """Another section computes from the same result: wait for the start-up values
        instead of computing them a second time."""
        if row > 0:
            self._wait_for_values()
        if 0 <= row < len(self.sections):
            self.sections[row].widget  # noqa: B018  (builds it on first show)
        self.stack.setCurrentIndex(row)

    def _wait_for_values(self) -> None:
        if self.customers_view.values_pending:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.customers_view.wait_for_values()
            finally:
                QApplication.restoreOverrideCursor()

    def _keep_closed_year(self, write_gate: Any) -> None:
        """Save last calendar year's groups to the history once (ui/closed_year.py)."""
        from kundenportfolio.ui.closed_year import ClosedYearSnapshot

        keeper = ClosedYearSnapshot(self.store, self.today, write_gate, self)
        keeper.saved.connect(self._closed_year_saved)
        keeper.start()

    def _closed_year_saved(self, label: str) -> None:
        self.statusBar().showMessage(
            self.tr("Groups of %1 saved to the group history.").replace("%1", label), 10_000)
        portfolio = self.section("portfolio")
        if portfolio is not None and portfolio.isVisible():
            portfolio.show_movements()  # type: ignore[attr-defined]

    def _show_computing(self, computing: bool) -> None:
        if computing:
            self.statusBar().showMessage(self.tr("Computing customer values…"))
        else:
            self.statusBar().clearMessage()

    def section(self, key: str) -> QWidget | None:
        return next((s.widget for s in self.sections if s.key == key), None)

    def show_section(self, key: str) -> None:
        for row, section in enumerate(self.sections):
            if section.key == key:
                self.navigation.setCurrentRow(row)

    def open_customer(self, customer_id: int) -> None:
        self.show_section("customers")
        self.customers_view.select_customer(customer_id)

    # ---- period, settings, status --------------------------------------------------

    def set_period(self, period: Period) -> None:
        if period == self.period:
            return
        self.period = period
        self.period_selector.set_period(period)
        # a new period is computed from scratch: seconds with 100k customers, so show it
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.statusBar().showMessage(self.tr("Computing %1 …").replace("%1", period.label))
        try:
            for widget in list(self._built_widgets()):
                if hasattr(widget, "set_period"):
                    widget.set_period(period)
        finally:
            QApplication.restoreOverrideCursor()
            self.statusBar().clearMessage()
        self.refresh_status()
        self.period_changed.emit(period)

    def settings_changed(self, *_args: Any) -> None:
        """Weights, thresholds or formats changed: everything is computed anew."""
        self.store.invalidate()
        self.forecast_store.invalidate()
        self.customers_view.apply_settings()
        self.customers_view.load()
        for widget in list(self._built_widgets()):
            if widget is not self.customers_view and hasattr(widget, "refresh"):
                widget.refresh()
        self.refresh_status()
        if self.repository.get_setting(declared.UI_LANGUAGE.key) != self._language:
            self.statusBar().showMessage(
                self.tr("The new language is used from the next start of the program."), 10000)

    def data_changed(self, *_args: Any) -> None:
        """Imported, restored or anonymised data: every section loads and computes anew."""
        detail = self.customers_view.detail
        if detail.customer is not None and detail.customer.id is not None:
            try:
                self.repository.get_customer(detail.customer.id)
            except NotFoundError:  # gone after a restore: do not reload a missing customer
                detail.show_customer(None)
        self.settings_changed()

    def refresh_status(self) -> None:
        count = self.repository.count_customers()
        self.customer_count_label.setText(self.tr("%n customer(s)", "", count))
        self.period_label.setText(self.tr("Period: %1").replace("%1", self.period.label))

    # ---- menus -----------------------------------------------------------------------

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _in_customers(self, method: str) -> Any:
        def run() -> Any:
            self.show_section("customers")
            return getattr(self.customers_view, method)()
        return run

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_customer_action = self._action(
            file_menu, self.tr("&New customer…"), self._in_customers("new_customer"), "Ctrl+N")
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.tr("&Import…"), self.open_import)
        self.export_action = self._action(file_menu, self.tr("&Export list…"), self.export_list,
                                          "Ctrl+E")
        file_menu.addSeparator()
        self.print_action = self._action(file_menu, self.tr("&Print…"), self.print_report,
                                         QKeySequence.StandardKey.Print)
        self.save_pdf_action = self._action(file_menu, self.tr("Save as P&DF…"), self.save_report_pdf)
        file_menu.addSeparator()
        self.backup_action = self._action(file_menu, self.tr("&Back up now"), self.backup_now)
        self.restore_action = self._action(file_menu, self.tr("&Restore backup…"),
                                           self.restore_backup)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self._action(edit, self.tr("&Find customer"), self._in_customers("focus_search"), "Ctrl+F")
        self._action(edit, self.tr("New &contact…"), self._in_customers("new_contact"), "Ctrl+K")
        self._action(edit, self.tr("New &order…"), self._in_customers("new_order"), "Ctrl+B")
        self._action(edit, self.tr("New relationship c&ost…"), self._in_customers("new_cost"))
        self._action(edit, self.tr("&Delete customer…"), self._in_customers("delete_customer"))
        edit.addSeparator()
        self.privacy_export_action = self._action(
            edit, self.tr("Export data &information (JSON/PDF)…"), self.export_information)
        self.anonymise_action = self._action(edit, self.tr("&Anonymise customer…"),
                                             self.anonymise_customer)
        view = bar.addMenu(self.tr("&View"))
        for number, section in enumerate(self.sections, start=1):
            self._action(view, section.title, lambda _=False, k=section.key: self.show_section(k),
                         f"Ctrl+{number}" if number < 10 else None)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Kundenportfolio"), self._show_about)

    # File/Edit entries whose work is in window_actions (imported late: start-up time)

    def open_import(self) -> Any:
        from kundenportfolio.ui import window_actions

        return window_actions.open_import(self)

    def export_list(self, *_args: Any, path: Path | str | None = None) -> Path | None:
        from kundenportfolio.ui import window_actions

        return window_actions.export_list(self, path)

    def backup_now(self) -> Path | None:
        from kundenportfolio.ui import window_actions

        return window_actions.backup_now(self)

    def restore_backup(self) -> bool:
        from kundenportfolio.ui import window_actions

        return window_actions.restore(self)

    def export_information(self, *_args: Any, path: Path | str | None = None) -> Path | None:
        from kundenportfolio.ui import window_actions

        return window_actions.export_information(self, path)

    def anonymise_customer(self) -> Any:
        from kundenportfolio.ui import window_actions

        return window_actions.anonymise(self)

    def print_report(self) -> None:
        """Print preview of the current section's report (see print_dialogs.report_for_window)."""
        from kundenportfolio.ui.dialogs.print_dialogs import print_preview, report_for_window

        print_preview(self, report_for_window(self))

    def save_report_pdf(self) -> None:
        from kundenportfolio.ui.dialogs.print_dialogs import report_for_window, save_pdf

        path = save_pdf(self, report_for_window(self))
        if path is not None:
            self.statusBar().showMessage(self.tr("PDF saved: %1").replace("%1", str(path)), 10000)

    def _show_about(self) -> None:
        QMessageBox.about(
            self, APP_NAME,
            self.tr("%1 %2\n\nCustomer value, portfolio, forecasts and campaigns "
                    "for small businesses.").replace("%1", APP_NAME).replace("%2", __version__),
        )

    # ---- window state ----------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.repository is None:  # closed while the database was being opened
            super().closeEvent(event)
            return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        self.customers_view.save_state()
        from kundenportfolio.ui.window_actions import backup_on_close

        backup_on_close(self)  # at most once per hour (setting backup_on_close_minutes)
        super().closeEvent(event)
