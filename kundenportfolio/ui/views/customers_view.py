"""Section "Kunden": the searchable, filterable customer list beside the customer detail."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.errors import NotFoundError
from kundenportfolio.core.models import Contact, Cost, CustomerStatus, Order
from kundenportfolio.core.periods import Period
from kundenportfolio.core.search_text import customer_search_text
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.contact_dialog import ContactDialog
from kundenportfolio.ui.dialogs.cost_dialog import CostDialog
from kundenportfolio.ui.dialogs.customer_dialog import CustomerDialog
from kundenportfolio.ui.dialogs.order_dialog import OrderDialog
from kundenportfolio.ui.models.customer_table import (
    COLUMN_INDEX,
    CustomerFilterProxy,
    CustomerTableModel,
)
from kundenportfolio.ui.views.customer_detail import CustomerDetail
from kundenportfolio.ui.views.customer_writes import CustomerWriter
from kundenportfolio.ui.widgets.group_badge import GroupBadgeDelegate, group_labels

log = logging.getLogger(__name__)
COLUMN_WIDTHS = {"number": 70, "name": 220, "city": 100, "staff_name": 110, "group": 150,
                 "rank": 60, "kundenwert_cents": 110, "abc": 40, "last_contact_date": 90,
                 "status": 60}
SEARCH_DELAY_MS = 40  # coalesces fast typing; one filter pass takes well under 100 ms


class CustomersView(QWidget):
    customers_changed = Signal()  # count or values changed: the status bar updates
    computing = Signal(bool)  # True while Kundenwert, rank, group and ABC are computed

    def __init__(self, repository: Repository, store: Any, period: Period,
                 writer: CustomerWriter, parent: QWidget | None = None, *,
                 forecast_runner: Any = None) -> None:
        super().__init__(parent)
        self.repository, self.store, self.period, self.writer = repository, store, period, writer
        settings = repository.all_settings()
        self.model = CustomerTableModel(str(settings["number_format"]), group_labels(settings), self)
        self.proxy = CustomerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_texts: dict[int, str] = {}
        self._texts_loaded = False
        self._selected: int | None = None
        self._job: Any = None  # startup.Background computing the values (load_in_background)
        self._texts_job: Any = None  # startup.Background loading the search texts
        self._texts_stale: set[int] = set()  # customers written while it loads
        self._changed_meanwhile: set[int] = set()  # customers written while it computes
        self.write_gate: Any = None  # startup.IntegrityGate: no writes while it is checking

        self.search = QLineEdit()
        self.search.setObjectName("search")
        # the shortcut as Qt names it in the menu: «Strg+F» in German (qtbase_de), «Ctrl+F»
        shortcut = QKeySequence("Ctrl+F").toString(QKeySequence.SequenceFormat.NativeText)
        self.search.setPlaceholderText(
            self.tr("Search number, name, place, contact person, phone, e-mail (%1)")
            .replace("%1", shortcut))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.group_filter = QComboBox()
        self.group_filter.addItem(self.tr("All groups"), None)
        for code, text in self.model.group_labels.items():
            self.group_filter.addItem(text, code)
        self.staff_filter = QComboBox()
        self.staff_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_staff_filter()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Any status"), None)
        self.status_filter.addItem(self.tr("active"), CustomerStatus.ACTIVE.value)
        self.status_filter.addItem(self.tr("inactive"), CustomerStatus.INACTIVE.value)
        for combo in (self.group_filter, self.staff_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setObjectName("customer_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setItemDelegateForColumn(COLUMN_INDEX["group"], GroupBadgeDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(COLUMN_INDEX[key], width)
        header.setSortIndicator(*self.proxy.sort_key)
        self.table.setSortingEnabled(True)  # header clicks call proxy.sort (numpy, see model)
        header.sortIndicatorChanged.connect(lambda *_: self._reselect())
        self.table.activated.connect(self._open_index)  # Enter and double-click
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        delete = QAction(self.tr("Delete customer"), self.table)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # never while typing
        delete.triggered.connect(self.delete_customer)
        self.table.addAction(delete)

        self.detail = CustomerDetail(repository, store, writer, period,
                                     forecast_runner=forecast_runner)
        self.detail.new_contact_requested.connect(self.new_contact)
        self.detail.new_order_requested.connect(self.new_order)
        self.detail.new_cost_requested.connect(self.new_cost)
        self.detail.open_customer_requested.connect(self.select_customer)
        self.detail.edit_record_requested.connect(self.edit_record)
        writer.changed.connect(self.after_write)
        writer.removed.connect(self.after_delete)

        filters = QHBoxLayout()
        for widget in (self.group_filter, self.staff_filter, self.status_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._restore_state()

    # ---- loading ---------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Number format and group names after a settings change (then `load()`)."""
        settings = self.repository.all_settings()
        self.model.number_format = str(settings["number_format"])
        self.model.group_labels = group_labels(settings)
        for row in range(1, self.group_filter.count()):
            self.group_filter.setItemText(row, self.model.group_labels.get(
                self.group_filter.itemData(row), self.group_filter.itemText(row)))
        self.detail.settings = settings
        self.detail.number_format = self.model.number_format

    def _fill_staff_filter(self) -> None:
        """The Betreuer filter with today's staff (added, renamed or removed since the start,
        e.g. by an import); the chosen one stays chosen while it exists, else «All»."""
        current = self.staff_filter.currentData()
        wanted = [(self.tr("All account managers"), None)] + [
            (member.name, member.id) for member in self.repository.list_staff()]
        shown = [(self.staff_filter.itemText(i), self.staff_filter.itemData(i))
                 for i in range(self.staff_filter.count())]
        if wanted != shown:
            blocked = self.staff_filter.blockSignals(True)
            self.staff_filter.clear()
            for text, staff_id in wanted:
                self.staff_filter.addItem(text, staff_id)
            self.staff_filter.setCurrentIndex(max(self.staff_filter.findData(current), 0))
            self.staff_filter.blockSignals(blocked)
        self.proxy.staff_id = self.staff_filter.currentData()  # applied by the caller's reload

    def load(self) -> None:
        """Fill the list from the store's result for the current period."""
        self._cancel_background()
        self._texts_job = None
        self.search_texts = {}
        self._texts_loaded = False
        self._reload_rows()
        QTimer.singleShot(0, self.ensure_search_texts)  # after the window is on screen
        if self.detail.customer is not None:  # e.g. after a settings change: new values/format
            self.detail.refresh()

    # ---- the fast start: list first, values from a background thread ----------------

    @property
    def values_pending(self) -> bool:
        return self._job is not None

    def load_in_background(self, db_path: Path, customer_list: Any = None) -> None:
        """List every customer at once (light query, or `customer_list` loaded by a startup
        thread); Kundenwert, rank, group and ABC follow from a background thread with its own
        read-only connection and are adopted by this view's store (no second computation)."""
        from kundenportfolio.data.customer_list import load_customer_list
        from kundenportfolio.ui.startup import Background, compute_portfolio, load_search_texts

        self._cancel_background()
        period = self.period
        self._job = Background(lambda: compute_portfolio(db_path, period), self)
        self._job.done.connect(self._values_arrived)
        self._job.start_soon()
        self._changed_meanwhile.clear()
        self.search_texts, self._texts_loaded = {}, False
        self._texts_job = Background(lambda: load_search_texts(db_path), self)
        self._texts_job.done.connect(self._texts_arrived)
        self._texts_job.start_soon()
        rows = customer_list or load_customer_list(self.repository.db, period.end)
        self.model.set_list(rows, self.search_texts)
        self.proxy.data_reloaded()
        self._update_count()
        self.computing.emit(True)

    def _texts_arrived(self, texts: Any, error: BaseException | None) -> None:
        job, self._texts_job = self._texts_job, None
        if job is None or self._texts_loaded:
            return  # ensure_search_texts waited for it already, or a reload came first
        if error is not None:
            log.error("loading the search texts in the background failed", exc_info=error)
            return  # ensure_search_texts loads them on the first keystroke
        self._set_search_texts(texts)

    def wait_for_values(self) -> None:
        """Block until the background values are in (a view that needs them now)."""
        job = self._job
        if job is not None:
            result, error = job.wait()
            self._values_arrived(result, error, job=job)

    def _values_arrived(self, result: Any, error: BaseException | None, job: Any = None) -> None:
        if self._job is None or (job or self.sender()) is not self._job:
            return  # cancelled or already adopted (wait_for_values came first)
        self._job = None
        if error is None and result.period == self.period:
            self.store.adopt(result)
            for customer_id in sorted(self._changed_meanwhile):
                self._store_changed(customer_id)
        else:  # failed (logged) or stale: compute here, never show missing values
            if error is not None:
                log.error("background portfolio computation failed", exc_info=error)
            self.store.invalidate()
        self._changed_meanwhile.clear()
        self._reload_rows()
        self.computing.emit(False)
        self.customers_changed.emit()

    def _cancel_background(self) -> None:
        if self._job is not None:
            self._job = None  # its result is ignored when it arrives
            self.computing.emit(False)

    def _reload_rows(self) -> None:
        self._fill_staff_filter()
        if self._job is not None:  # values still computed: refresh the light list only
            from kundenportfolio.data.customer_list import load_customer_list

            self.model.set_list(load_customer_list(self.repository.db, self.period.end),
                                self.search_texts)
            self.proxy.data_reloaded()
            self._update_count()
            self._reselect()
            return
        result = self.store.result(self.period)
        self.model.set_table(result.table, self.search_texts)
        self.proxy.data_reloaded()
        self._update_count()
        self._reselect()

    def set_period(self, period: Period) -> None:
        self._cancel_background()  # computed for the new period right here instead
        self.period = period
        self.detail.set_period(period)
        self._reload_rows()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%1 of %2").replace("%1", f"{self.proxy.rowCount():,}")
                                 .replace("%2", f"{len(self.model.ids):,}").replace(",", "'"))

    # ---- filtering, selection --------------------------------------------------------

    def ensure_search_texts(self) -> None:
        """Load the texts searched as you type (deferred at start: ~1 s with 100k customers)."""
        if self._texts_loaded:
            return
        job, self._texts_job = self._texts_job, None
        texts: dict[int, str] | None = None
        if job is not None:
            texts, error = job.wait()
            texts = None if error is not None else texts
        self._set_search_texts(texts if texts is not None
                               else self.repository.customer_search_texts())

    def _set_search_texts(self, texts: dict[int, str]) -> None:
        for customer_id in self._texts_stale:  # written since the thread read them
            try:
                texts[customer_id] = customer_search_text(self.repository.get_customer(customer_id))
            except NotFoundError:
                texts.pop(customer_id, None)
        self._texts_stale.clear()
        self.search_texts = texts
        self._texts_loaded = True
        self.model.set_search_texts(self.search_texts)
        self.proxy.data_reloaded()

    def apply_search(self) -> None:
        self.ensure_search_texts()
        self._search_timer.stop()
        self.proxy.set_search(self.search.text())
        self._update_count()
        self._reselect()

    def apply_filters(self) -> None:
        self.proxy.set_filters(group=self.group_filter.currentData(),
                               staff_id=self.staff_filter.currentData(),
                               status=self.status_filter.currentData())
        self._update_count()
        self._reselect()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_customer_id(self) -> int | None:
        return self._selected

    def select_customer(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        if row is None:  # hidden by the filters: clear them so the customer can be shown
            self.search.clear()
            self.apply_search()
            for combo in (self.group_filter, self.staff_filter, self.status_filter):
                combo.setCurrentIndex(0)
            row = self.model.row_of(customer_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.proxy.index(row, 0))
        self._show(customer_id)

    def _reselect(self) -> None:
        """After the rows changed: keep the shown customer selected if it is still listed."""
        if self._selected is None:
            return
        row = self.model.row_of(self._selected)
        if row is not None:
            blocked = self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(blocked)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.customer_id(current.row()))

    def _show(self, customer_id: int) -> None:
        if self.values_pending:  # the header shows the values: wait, don't compute twice
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.wait_for_values()
            finally:
                QApplication.restoreOverrideCursor()
        if customer_id != self._selected or self.detail.customer is None:
            self._selected = customer_id
            self.detail.show_customer(customer_id)

    def _open_index(self, index: QModelIndex) -> None:
        self._show(self.model.customer_id(index.row()))
        self.detail.tabs.setCurrentIndex(0)
        self.detail.setFocus()

    # ---- writes ----------------------------------------------------------------------

    def after_write(self, customer_id: int) -> None:
        """A customer's data changed: new Kundenwert, rank and group in list, header, status."""
        if self.values_pending:
            self._changed_meanwhile.add(customer_id)  # updated once the values arrive
        if self._texts_job is not None:
            self._texts_stale.add(customer_id)
        self._store_changed(customer_id)
        if self._texts_loaded:
            try:
                self.search_texts[customer_id] = customer_search_text(
                    self.repository.get_customer(customer_id))
            except NotFoundError:  # deleted meanwhile
                self.search_texts.pop(customer_id, None)
        self._reload_rows()
        if self._selected == customer_id:
            self.detail.refresh()
        self.customers_changed.emit()

    def _store_changed(self, customer_id: int) -> None:
        try:
            self.store.customer_changed(customer_id)
        except Exception:  # the incremental update failed: recompute, never show stale values
            log.exception("PortfolioStore.customer_changed(%s) failed; recomputing", customer_id)
            self.store.invalidate()

    def after_delete(self, customer_id: int) -> None:
        if self.values_pending:
            self._changed_meanwhile.add(customer_id)
        if self._texts_job is not None:
            self._texts_stale.add(customer_id)
        self._store_changed(customer_id)
        self.search_texts.pop(customer_id, None)
        if self._selected == customer_id:
            self._selected = None
            self.detail.show_customer(None)
        self._reload_rows()
        self.customers_changed.emit()

    def writes_refused(self) -> bool:
        """True (and the user is told why) while the start-up integrity check still runs."""
        if self.write_gate is None or not self.write_gate.checking:
            return False
        QMessageBox.information(self, self.tr("Please wait"), self.tr(
            "The database is still being checked for damage; changes can be saved in a "
            "moment. Nothing was changed."))
        return True

    def new_customer(self) -> CustomerDialog | None:
        if self.writes_refused():
            return None
        dialog = CustomerDialog(self.repository, parent=self, writer=self.writer.add_customer)
        dialog.saved.connect(lambda c: self.select_customer(c.id))
        dialog.open_customer.connect(self.select_customer)
        dialog.open()
        return dialog

    def new_contact(self) -> ContactDialog | None:
        return self._child_dialog(ContactDialog, self.writer.add_contact)

    def new_order(self) -> OrderDialog | None:
        return self._child_dialog(OrderDialog, self.writer.record_order)

    def new_cost(self) -> CostDialog | None:
        return self._child_dialog(CostDialog, self.writer.add_cost)

    def _child_dialog(self, cls: Any, writer: Any, record: Any = None) -> Any:
        if self.writes_refused():
            return None
        if self._selected is None:
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(self.tr("Please select a customer first."), 5000)
            return None
        dialog = cls(self.repository, self._selected, record, parent=self, writer=writer)
        dialog.open()
        return dialog

    def edit_record(self, record: Any) -> Any:
        """Open the dialog for a contact, order or cost of the shown customer."""
        for cls, kind, writer in ((ContactDialog, Contact, self.writer.add_contact),
                                  (OrderDialog, Order, self.writer.record_order),
                                  (CostDialog, Cost, self.writer.add_cost)):
            if isinstance(record, kind):
                return self._child_dialog(cls, writer, record)
        return None

    def delete_customer(self) -> bool:
        """Ask, saying what goes with the customer, then delete. True if deleted."""
        if self._selected is None or self.writes_refused():
            return False
        customer = self.repository.get_customer(self._selected)
        n = {key: int(count) for key, count in
             self.repository.customer_dependents(self._selected).items()}
        parts = [text for key, text in (  # %n: «1 Auftrag», «2 Aufträge» (numerus forms)
            ("orders", self.tr("%n order(s)", "", n.get("orders", 0))),
            ("contacts", self.tr("%n contact(s)", "", n.get("contacts", 0))),
            ("costs", self.tr("%n relationship cost record(s)", "", n.get("costs", 0))),
            ("campaign_participants", self.tr("%n campaign participation(s)", "",
                                              n.get("campaign_participants", 0))),
            ("group_history", self.tr("%n group history record(s)", "",
                                      n.get("group_history", 0)))) if n.get(key)]
        question = self.tr("Delete customer %1 %2?").replace("%1", customer.number) \
            .replace("%2", customer.name)
        if parts:
            question += "\n\n" + self.tr("This also deletes: %1.").replace("%1", ", ".join(parts))
        question += "\n\n" + self.tr("This cannot be undone.")
        answer = QMessageBox.question(self, self.tr("Delete customer"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        assert customer.id is not None
        self.writer.delete_customer(customer.id)
        return True

    # ---- remembered state ------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        state = settings.value("customers/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
            header = self.table.horizontalHeader()
            self.proxy.sort_key = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        splitter = settings.value("customers/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("customers/header", self.table.horizontalHeader().saveState())
        settings.setValue("customers/splitter", self.splitter.saveState())
