"""One customer: a header with group, rank, Kundenwert and ABC at a glance (METHOD §6), then
tabs for master data, contacts, orders, costs, revenue per year and the group history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.errors import NotFoundError
from kundenportfolio.core.models import Contact, ContactType, Cost, Customer, GroupSnapshot, Order
from kundenportfolio.core.periods import Period
from kundenportfolio.data.forecast_store import ForecastStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.customer_dialog import CustomerDialog
from kundenportfolio.ui.dialogs.score_dialog import ScoreDialog
from kundenportfolio.ui.forecast_runner import ForecastRunner
from kundenportfolio.ui.formatting import format_date, format_datetime, format_money, format_number
from kundenportfolio.ui.labels import CONTACT_TYPES, COST_CATEGORIES, label
from kundenportfolio.ui.models.record_table import RecordColumn, RecordTableModel
from kundenportfolio.ui.views.customer_writes import CustomerWriter
from kundenportfolio.ui.widgets.group_badge import GroupBadge, group_labels
from kundenportfolio.ui.widgets.revenue_forecast_panel import RevenueForecastPanel
from kundenportfolio.ui.widgets.suggestions_panel import SuggestionsPanel


def _table(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    # columns as wide as their header and values (e.g. «Erlösschmälerung»), still resizable
    model.modelReset.connect(view.resizeColumnsToContents)
    return view


class CustomerDetail(QWidget):
    new_order_requested = Signal()
    new_cost_requested = Signal()
    new_contact_requested = Signal()
    open_customer_requested = Signal(int)
    edit_record_requested = Signal(object)  # a Contact, Order or Cost to edit (Enter, menu)

    def __init__(self, repository: Repository, store: Any, writer: CustomerWriter,
                 period: Period, parent: QWidget | None = None, *,
                 forecast_runner: ForecastRunner | None = None) -> None:
        super().__init__(parent)
        self.repository, self.store, self.writer, self.period = repository, store, writer, period
        self.forecast_runner = forecast_runner or ForecastRunner(ForecastStore(repository), self)
        self.forecast_store = self.forecast_runner.store
        self.customer: Customer | None = None
        self.settings: dict[str, Any] = repository.all_settings()
        self.number_format = str(self.settings.get("number_format", "de-CH"))
        self._revenue: tuple[list[int], list[int]] = ([], [])
        self._revenue_partial = False  # the newest year is not over yet
        self._chart_stale = True
        self._chart_pending = False  # a zero-timer will draw the chart
        self.record_views: dict[type, QTableView] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.form_holder = QWidget()
        self.form_layout = QVBoxLayout(self.form_holder)
        self.form: CustomerDialog | None = None
        scroll = QScrollArea()  # the master data form is taller than a laptop screen
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_holder)
        self.tabs.addTab(scroll, self.tr("Master data"))
        self.tabs.addTab(self._build_contacts(), self.tr("Contacts"))
        self.tabs.addTab(self._build_orders(), self.tr("Orders"))
        self.tabs.addTab(self._build_costs(), self.tr("Relationship costs"))
        self.tabs.addTab(self._build_revenue(), self.tr("Revenue per year"))
        self.tabs.addTab(self._build_history(), self.tr("History"))
        # today: the main window sets suggestions.today to its own date (tests fix it)
        self.suggestions = SuggestionsPanel(repository, store, self)
        self._suggestions_stale = True
        self.suggestions_index = self.tabs.addTab(self.suggestions, self.tr("Suggestions"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setEnabled(False)

    # ---- building --------------------------------------------------------------------

    def _build_header(self) -> QVBoxLayout:
        self.title = QLabel()
        self.title.setObjectName("detail_title")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.badge = GroupBadge()
        self.rank_label = QLabel()
        self.value_label = QLabel()
        self.value_label.setStyleSheet("font-weight: bold;")
        self.abc_label = QLabel()
        self.explain_button = QPushButton(self.tr("Why this group?"))
        self.explain_button.clicked.connect(self.show_explanation)
        row = QHBoxLayout()
        for widget in (self.badge, self.rank_label, self.value_label, self.abc_label):
            row.addWidget(widget)
            row.addSpacing(8)
        row.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.explain_button)
        header = QVBoxLayout()
        header.addLayout(top)
        header.addLayout(row)
        return header

    def _build_contacts(self) -> QWidget:
        self.contacts = RecordTableModel([
            RecordColumn(self.tr("When"), lambda c: format_datetime(c.occurred_at),
                         lambda c: c.occurred_at.isoformat()),
            RecordColumn(self.tr("Type"), lambda c: label(CONTACT_TYPES, c.type)),
            RecordColumn(self.tr("Subject"), lambda c: c.subject or ""),
            RecordColumn(self.tr("Outcome"), lambda c: c.outcome or ""),
        ], self)
        box = QWidget()
        layout = QVBoxLayout(box)
        quick = QHBoxLayout()  # the quick entry: type, subject, button (METHOD §1: seconds)
        self.quick_type = QComboBox()
        for code in CONTACT_TYPES:
            if code != ContactType.ORDER.value:  # orders are recorded with their amount
                self.quick_type.addItem(label(CONTACT_TYPES, code), code)
        self.quick_subject = QLineEdit()
        self.quick_subject.setPlaceholderText(self.tr("Subject"))
        self.quick_subject.returnPressed.connect(self.log_quick_contact)
        self.quick_button = QPushButton(self.tr("Log contact"))
        self.quick_button.clicked.connect(self.log_quick_contact)
        more = QPushButton(self.tr("More…"))
        more.clicked.connect(self.new_contact_requested)
        for widget in (self.quick_type, self.quick_subject, self.quick_button, more):
            quick.addWidget(widget)
        layout.addLayout(quick)
        self._add_records(layout, Contact, self.contacts)
        return box

    def _build_orders(self) -> QWidget:
        money = self._money
        self.orders = RecordTableModel([
            RecordColumn(self.tr("Date"), lambda o: format_date(o.order_date)),
            RecordColumn(self.tr("Order no."), lambda o: o.order_number or ""),
            RecordColumn(self.tr("Amount"), lambda o: money(o.amount_cents), right=True),
            RecordColumn(self.tr("Discounts"), lambda o: money(o.discount_cents), right=True),
            RecordColumn(self.tr("Net revenue"), lambda o: money(o.net_cents), right=True),
            RecordColumn(self.tr("Cost of goods"), lambda o: money(o.cost_of_goods_cents), right=True),
            RecordColumn(self.tr("Note"), lambda o: o.note or ""),
        ], self)
        return self._list_tab(Order, self.orders, self.tr("New order…"), self.new_order_requested)

    def _build_costs(self) -> QWidget:
        self.costs = RecordTableModel([
            RecordColumn(self.tr("Date"), lambda c: format_date(c.cost_date)),
            RecordColumn(self.tr("Category"), lambda c: label(COST_CATEGORIES, c.category)),
            RecordColumn(self.tr("Amount"), lambda c: self._money(c.amount_cents), right=True),
            RecordColumn(self.tr("Note"), lambda c: c.note or ""),
        ], self)
        return self._list_tab(Cost, self.costs, self.tr("New cost…"), self.new_cost_requested)

    def _list_tab(self, kind: type, model: RecordTableModel, caption: str, signal: Any) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        button = QPushButton(caption)
        button.clicked.connect(signal)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self._add_records(layout, kind, model)
        return box

    def _add_records(self, layout: QVBoxLayout, kind: type, model: RecordTableModel) -> None:
        """The table of contacts, orders or costs, and below it «Edit…» and «Delete» for the
        selected row. Enter or double-click edits, Del deletes (only while the table has the
        focus, never while typing elsewhere), the context menu offers both."""
        view = _table(model)
        view.setObjectName(f"records_{kind.__name__.lower()}")
        self.record_views[kind] = view
        view.activated.connect(lambda index: self.edit_record_requested.emit(
            model.record(index.row())))
        edit = QAction(self.tr("Edit…"), view)
        edit.setObjectName("edit_record")
        edit.triggered.connect(lambda: self.edit_selected(kind))
        delete = QAction(self.tr("Delete"), view)
        delete.setObjectName("delete_record")
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda: self.delete_selected(kind))
        view.addAction(delete)  # the shortcut works where the action is added: the table only
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos: self._popup(self.record_menu(kind, pos), view, pos))
        buttons = QHBoxLayout()
        edit_button = QPushButton(self.tr("Edit…"))
        edit_button.setObjectName("edit_button")
        edit_button.clicked.connect(edit.trigger)
        delete_button = QPushButton(self.tr("Delete"))
        delete_button.setObjectName("delete_button")
        delete_button.setToolTip(self.tr("Deletes the selected row (Del key)."))
        delete_button.clicked.connect(delete.trigger)
        buttons.addWidget(edit_button)
        buttons.addWidget(delete_button)
        buttons.addStretch(1)

        def selection_changed() -> None:
            chosen = bool(view.selectionModel().selectedRows())
            for widget in (edit, delete, edit_button, delete_button):
                widget.setEnabled(chosen)

        view.selectionModel().selectionChanged.connect(selection_changed)
        model.modelReset.connect(selection_changed)
        selection_changed()
        layout.addWidget(view)
        layout.addLayout(buttons)

    def selected_record(self, kind: type) -> Any:
        view = self.record_views[kind]
        rows = view.selectionModel().selectedRows()
        model = view.model()
        assert isinstance(model, RecordTableModel)
        return model.record(rows[0].row()) if rows else None

    def record_menu(self, kind: type, pos: QPoint) -> QMenu | None:
        """The context menu of the row at `pos` (viewport coordinates), which it selects."""
        view = self.record_views[kind]
        index = view.indexAt(pos)
        if not index.isValid():
            return None
        view.selectRow(index.row())
        menu = QMenu(view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in view.findChildren(QAction):
            if action.objectName() in ("edit_record", "delete_record"):
                menu.addAction(action)
        return menu

    @staticmethod
    def _popup(menu: QMenu | None, view: QTableView, pos: QPoint) -> None:
        if menu is not None:
            menu.popup(view.viewport().mapToGlobal(pos))

    def _build_revenue(self) -> QWidget:
        # years with their explanations and the forecast (issue 5); the chart shows the same
        # years below the table: side by side, in a ~700 px wide pane, neither had room
        self.revenue_panel = RevenueForecastPanel(self.repository, self.forecast_runner, self,
                                                  today=self.period.end)
        # figure and canvas (matplotlib, ~0.8 s to import) are made when the tab is first seen
        self.figure: Any = None
        self.canvas: Any = None
        self.revenue_split = QSplitter(Qt.Orientation.Vertical)
        self.revenue_split.setChildrenCollapsible(False)
        self.revenue_split.addWidget(self.revenue_panel)
        self.revenue_split.setStretchFactor(0, 3)
        return self.revenue_split

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(6, 2.6))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("revenue_chart")
        self.canvas.setMinimumHeight(200)
        # margins, year labels and bar values depend on the size: lay the chart out again
        self.canvas.mpl_connect("resize_event", lambda _event: self._layout_chart())
        self.revenue_split.addWidget(self.canvas)
        self.revenue_split.setStretchFactor(1, 2)
        total = self.revenue_split.height()
        if total > 0:  # shown: ~40 % for the bars, the years keep the rest
            chart = max(220, int(total * 0.42))
            self.revenue_split.setSizes([max(total - chart, 1), chart])

    def _build_history(self) -> QWidget:
        labels = group_labels(self.settings)
        self.history = RecordTableModel([
            RecordColumn(self.tr("Period"), lambda h: h[0].period),
            RecordColumn(self.tr("Date"), lambda h: format_date(h[0].snapshot_date)),
            RecordColumn(self.tr("Group"), lambda h: labels.get(h[0].group, h[0].group)),
            RecordColumn(self.tr("Rank"), lambda h: "" if h[0].rank is None else str(h[0].rank)),
            RecordColumn(self.tr("Customer value"), lambda h: self._money(h[0].kundenwert_cents)),
            RecordColumn(self.tr("Movement"), lambda h: "" if not h[1] else
                         f"{labels.get(h[1], h[1])} → {labels.get(h[0].group, h[0].group)}"),
        ], self)
        box = QWidget()
        layout = QVBoxLayout(box)
        self.history_hint = QLabel(self.tr(
            "No group history yet. The groups of a period are recorded with «Save groups of "
            "this period to the history» in the Portfolio section."))
        self.history_hint.setWordWrap(True)
        layout.addWidget(self.history_hint)
        layout.addWidget(_table(self.history))
        return box

    def _money(self, cents: int | None) -> str:
        return format_money(cents, self.number_format)

    # ---- showing ---------------------------------------------------------------------

    def set_period(self, period: Period) -> None:
        self.period = period
        self.revenue_panel.set_as_of(period.end)
        self.refresh_header()

    def show_customer(self, customer_id: int | None) -> None:
        if customer_id is None:
            self.customer = None
            self.suggestions.set_customer(None)
            self.revenue_panel.set_customer(None)
            self.setEnabled(False)
            return
        self.customer = self.repository.get_customer(customer_id)
        self.setEnabled(True)
        self.refresh_header()
        self._fill_form()
        self.refresh_lists()

    def refresh(self) -> None:
        """Reload the shown customer after a write (values, lists, header)."""
        if self.customer is not None and self.customer.id is not None:
            self.forecast_store.customer_changed(self.customer.id)  # its forecast row is now old
            self.show_customer(self.customer.id)

    def refresh_header(self) -> None:
        c = self.customer
        if c is None or c.id is None:
            return
        self.title.setText(f"{c.number}  {c.name}")
        table = self.store.result(self.period).table
        if c.id not in table.index:
            return
        row = table.loc[c.id]
        text = group_labels(self.settings).get(row["group"], str(row["group"]))
        if bool(row["overridden"]):
            text += " " + self.tr("(fixed)")
        self.badge.set_group(str(row["group"]), text)
        self.rank_label.setText(self.tr("Rank %1 of %2")
                                .replace("%1", format_number(int(row["rank"]), self.number_format))
                                .replace("%2", format_number(len(table), self.number_format)))
        currency = self.settings.get("currency", "CHF")
        value = self._money(int(row["kundenwert_cents"]))
        self.value_label.setText(self.tr("Customer value %1 %2").replace("%1", currency)
                                 .replace("%2", value))
        colour = "#B00020" if int(row["kundenwert_cents"]) < 0 else "palette(window-text)"
        self.value_label.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.abc_label.setText(self.tr("ABC class %1").replace("%1", str(row["abc"])))

    def _fill_form(self) -> None:
        assert self.customer is not None
        if self.form is not None:  # reuse the widgets: building 25 fields costs ~30 ms
            self.form.set_customer(self.customer)
            return
        self.form = CustomerDialog(self.repository, self.customer, self.form_holder,
                                   writer=self.writer.update_customer)
        self.form.embedded = True
        self.form.setWindowFlags(Qt.WindowType.Widget)
        self.form.reset_requested.connect(self.refresh)
        self.form.open_customer.connect(self.open_customer_requested)
        self.form_layout.addWidget(self.form)

    def refresh_lists(self) -> None:
        assert self.customer is not None and self.customer.id is not None
        cid = self.customer.id
        self.contacts.set_records(self.repository.list_contacts(cid))
        orders = self.repository.list_orders(cid)
        self.orders.set_records(orders)
        self.costs.set_records(self.repository.list_costs(cid))
        self.revenue_panel.set_customer(cid)
        years = self.revenue_panel.model.records[::-1]  # oldest first for the bars
        self._revenue = ([int(r["year"]) for r in years], [int(r["revenue_cents"]) for r in years])
        self._revenue_partial = bool(years) and bool(years[-1]["partial"])
        self._chart_stale = True
        self.history.set_records(with_movements(self.repository.list_history(cid)))
        self.history_hint.setVisible(self.history.rowCount() == 0)
        if self.tabs.currentIndex() == 4:
            self._schedule_chart()
        # suggestions need the engagement query: computed only while their tab is seen
        self.suggestions.customer_id = cid
        self._suggestions_stale = True
        if self.tabs.currentIndex() == self.suggestions_index:
            self._refresh_suggestions()

    def _tab_changed(self, index: int) -> None:
        if index == 4 and self._chart_stale:  # matplotlib is slow: draw only when seen
            self._schedule_chart()
        if index == self.suggestions_index and self._suggestions_stale:
            self._refresh_suggestions()

    def _refresh_suggestions(self) -> None:
        self.suggestions.set_customer(self.suggestions.customer_id)
        self._suggestions_stale = False

    def _schedule_chart(self) -> None:
        """Draw the chart once the new customer's table is painted: switching customers
        shows the years at once, the bars follow a moment later."""
        if not self._chart_pending:
            self._chart_pending = True
            QTimer.singleShot(0, self, self._draw_chart)

    def _draw_chart(self) -> None:
        self._chart_pending = False
        if not self._chart_stale:
            return
        self._ensure_canvas()
        self._layout_chart()
        self.canvas.draw_idle()
        self._chart_stale = False

    def _layout_chart(self) -> None:
        """(Re)draw the bars for the figure's current size (the canvas is drawn afterwards)."""
        from kundenportfolio.reports.charts import draw_revenue_by_year

        if self.figure is None:
            return
        years, values = self._revenue
        # no title: the tab says what the chart is, and the height is better used for bars
        draw_revenue_by_year(self.figure, years, values, self.number_format,
                             currency=str(self.settings.get("currency", "")), title=None,
                             partial_last=self._revenue_partial)

    # ---- actions ---------------------------------------------------------------------

    def log_quick_contact(self) -> None:
        if self.customer is None or self.customer.id is None:
            return
        contact = Contact(customer_id=self.customer.id, occurred_at=dt.datetime.now().replace(
            second=0, microsecond=0), type=ContactType(self.quick_type.currentData()),
            staff_id=self.customer.staff_id, subject=self.quick_subject.text().strip() or None)
        self.writer.add_contact(contact)
        self.quick_subject.clear()

    def edit_selected(self, kind: type) -> None:
        record = self.selected_record(kind)
        if record is not None:
            self.edit_record_requested.emit(record)

    def delete_selected(self, kind: type) -> bool:
        """Ask, saying what is deleted (and what goes with it), then delete undoably."""
        record = self.selected_record(kind)
        if record is None or self._writes_refused():
            return False
        if isinstance(record, Contact) and record.order_id is not None:
            QMessageBox.information(self, self.tr("Delete contact"), self.tr(
                "This contact was logged with an order. To delete it, delete the order in the "
                "Orders tab; its contact goes with it."))
            return False
        title, question = self._delete_question(record)
        question += "\n\n" + self.tr("Edit › Undo brings it back.")
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            if isinstance(record, Order):
                self.writer.delete_order(record)
            elif isinstance(record, Cost):
                self.writer.delete_cost(record)
            else:
                self.writer.delete_contact(record)
        except NotFoundError:  # deleted meanwhile (e.g. in another window): show what is
            self.refresh()
            return False
        return True

    def _delete_question(self, record: Any) -> tuple[str, str]:
        currency = str(self.settings.get("currency", ""))
        if isinstance(record, Order):
            money = f"{currency} {self._money(record.amount_cents)}".strip()
            text = (self.tr("Delete order %3 of %1 over %2?") if record.order_number
                    else self.tr("Delete the order of %1 over %2?"))
            text = text.replace("%1", format_date(record.order_date)).replace("%2", money) \
                .replace("%3", record.order_number or "")
            assert record.id is not None
            linked = [c for c in self.repository.list_contacts(record.customer_id)
                      if c.order_id == record.id]
            if linked:  # the repository deletes them with the order (ON DELETE CASCADE)
                text += "\n\n" + self.tr("Its contact «%1» in the contact log is deleted with "
                                          "it.").replace("%1", label(CONTACT_TYPES,
                                                                     ContactType.ORDER))
            return self.tr("Delete order"), text
        if isinstance(record, Cost):
            money = f"{currency} {self._money(record.amount_cents)}".strip()
            text = self.tr("Delete the relationship cost «%1» of %2 over %3?") \
                .replace("%1", label(COST_CATEGORIES, record.category)) \
                .replace("%2", format_date(record.cost_date)).replace("%3", money)
            return self.tr("Delete relationship cost"), text
        what = label(CONTACT_TYPES, record.type)
        if record.subject:
            what += f": {record.subject}"
        text = self.tr("Delete the contact «%1» of %2?").replace("%1", what) \
            .replace("%2", format_datetime(record.occurred_at))
        return self.tr("Delete contact"), text

    def _writes_refused(self) -> bool:
        """The owning view's write gate (start-up integrity check), if there is one."""
        owner = self.parentWidget()
        while owner is not None and not hasattr(owner, "writes_refused"):
            owner = owner.parentWidget()
        return bool(owner is not None and owner.writes_refused())

    def show_explanation(self) -> ScoreDialog | None:
        if self.customer is None or self.customer.id is None:
            return None
        result = self.store.result(self.period)
        summary = f"{self.customer.number} {self.customer.name} – {self.period.label}"
        dialog = ScoreDialog(result.explain(self.customer.id), summary, self.number_format, self)
        dialog.open()
        return dialog


def with_movements(history: list[GroupSnapshot]) -> list[tuple[GroupSnapshot, str | None]]:
    """Each snapshot with the group before it if that was different (a movement)."""
    rows: list[tuple[GroupSnapshot, str | None]] = []
    previous: str | None = None
    for snap in history:
        group = str(snap.group)
        rows.append((snap, previous if previous and previous != group else None))
        previous = group
    return rows[::-1]
