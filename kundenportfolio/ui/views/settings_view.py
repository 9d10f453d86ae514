"""Settings (Einstellungen): formats and language, reports (company name, logo), Kundenwert,
portfolio weights, groups, Kundenansprache (contact interval per group), forecast and backups.

Edits are checked live with the core validators (German messages from core/scoring) plus the
checks of the pages (settings_*.py, e.g. a logo that is no image); Save stays disabled while
anything is invalid, e.g. weights of an axis not adding up to 100 %. Messages of the newer tabs
appear below their field, all errors also below the tabs, and a tab with an error turns red.
Saving goes through Repository.set_settings (which validates again, all or nothing), then
the portfolio store is invalidated and `settings_changed` is emitted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio import settings as declared
from kundenportfolio.core.errors import ValidationError
from kundenportfolio.core.scoring import validate_settings
from kundenportfolio.reports.colours import GROUP_COLOURS, GROUP_ORDER
from kundenportfolio.ui.views.settings_backup import BackupPage
from kundenportfolio.ui.views.settings_outreach import ForecastPage, OutreachPage
from kundenportfolio.ui.views.settings_pages import ERROR_COLOUR, SettingsPage
from kundenportfolio.ui.views.settings_reports import ReportsPage

AXES = (("score_weights_attractiveness", declared.ATTRACTIVENESS_CRITERIA),
        ("score_weights_position", declared.POSITION_CRITERIA))
PERCENT_KEYS = ("default_margin_percent", "clv_discount_rate_percent", "score_split_attractiveness",
                "score_split_position", "abc_threshold_a_percent", "abc_threshold_b_percent")
PAGES = (ReportsPage, OutreachPage, ForecastPage, BackupPage)
# The settings this view edits (everything else in the table is left alone on save and reset).
EDITED_KEYS = ("currency", "number_format", "ui_language", "clv_remaining_years",
               "cost_level_mapping", "score_split_rule", "group_labels", "group_strategies",
               *PERCENT_KEYS, *(key for key, _codes in AXES),
               *(key for page in PAGES for key in page.KEYS))
# Declared but deliberately not on this page (see the modules of the tabs for why).
NOT_EDITED_KEYS = ("settings_version", "forecast_horizon_days")


def _percent_box(parent: QWidget, decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0.0, 100.0)
    box.setDecimals(decimals)
    box.setSuffix(" %")
    box.setSingleStep(5.0)
    return box


def _scrolled(page: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll


class SettingsView(QWidget):
    """Section "Einstellungen". Emits `settings_changed()` after a successful save or reset."""

    settings_changed = Signal()

    def __init__(self, repository: Any, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.store = store
        self.errors: dict[str, str] = {}
        self._loading = False
        self._loaded_values: dict[str, Any] = {}

        self.reports_page = ReportsPage(self)
        self.company_name = self.reports_page.company_name
        self.outreach_page = OutreachPage(self)
        self.forecast_page = ForecastPage(self)
        self.backup_page = BackupPage(self)
        self.pages: tuple[SettingsPage, ...] = (self.reports_page, self.outreach_page,
                                                self.forecast_page, self.backup_page)
        self.tabs = QTabWidget(self)
        tabs: tuple[tuple[QWidget, str, tuple[str, ...]], ...] = (
            (self._general_tab(), self.tr("General"), ("currency", "number_format", "ui_language")),
            (self.reports_page, self.tr("Reports"), ReportsPage.KEYS),
            (self._value_tab(), self.tr("Customer value"),
             ("default_margin_percent", "clv_discount_rate_percent", "clv_remaining_years",
              "abc_threshold_a_percent", "abc_threshold_b_percent", "cost_level_mapping")),
            (self._portfolio_tab(), self.tr("Portfolio"),
             ("score_split_rule", "score_split_attractiveness", "score_split_position",
              *(key for key, _codes in AXES))),
            (self._groups_tab(), self.tr("Groups"), ("group_labels", "group_strategies")),
            (self.outreach_page, self.tr("Customer outreach"), OutreachPage.KEYS),
            (self.forecast_page, self.tr("Forecast"), ForecastPage.KEYS),
            (self.backup_page, self.tr("Backup"), BackupPage.KEYS),
        )
        self.tab_keys: list[tuple[str, ...]] = []
        for widget, title, keys in tabs:
            if isinstance(widget, SettingsPage):  # small screens: scroll rather than squeeze
                widget = _scrolled(widget, self)
            self.tabs.addTab(widget, title)
            self.tab_keys.append(keys)
        self._tab_colour = self.tabs.tabBar().tabTextColor(0)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B00020;")
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Discard changes"), self)
        self.reset_button = QPushButton(self.tr("Reset to defaults…"), self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        self.reset_button.clicked.connect(self.reset_to_defaults)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._connect_live_validation()
        self.load()

    # ---- tabs ------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.currency = QComboBox(page)
        for code in ("CHF", "EUR"):
            self.currency.addItem(code, code)
        self.number_format = QComboBox(page)
        for code, example in (("de-CH", "1'234.50"), ("de-DE", "1.234,50"), ("de-AT", "1.234,50")):
            self.number_format.addItem(f"{code}  ({example})", code)
        self.ui_language = QComboBox(page)
        self.ui_language.addItem(self.tr("German"), "de")
        self.ui_language.addItem(self.tr("English"), "en")
        form.addRow(self.tr("Currency:"), self.currency)
        form.addRow(self.tr("Number format:"), self.number_format)
        form.addRow(self.tr("Language of the program:"), self.ui_language)
        form.addRow("", QLabel(self.tr("A new language takes effect after restarting the program."), page))
        return page

    def _value_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.default_margin_percent = _percent_box(page)
        self.clv_discount_rate_percent = _percent_box(page)
        self.clv_remaining_years = QDoubleSpinBox(page)
        self.clv_remaining_years.setRange(0.0, 50.0)
        self.clv_remaining_years.setDecimals(1)
        self.clv_remaining_years.setSuffix(self.tr(" years"))
        self.abc_threshold_a_percent = _percent_box(page)
        self.abc_threshold_b_percent = _percent_box(page)
        form.addRow(self.tr("Default margin (where the cost of goods is unknown):"),
                    self.default_margin_percent)
        form.addRow(self.tr("CLV discount rate per year:"), self.clv_discount_rate_percent)
        form.addRow(self.tr("CLV expected remaining relationship:"), self.clv_remaining_years)
        form.addRow(self.tr("ABC: class A up to cumulative value of:"), self.abc_threshold_a_percent)
        form.addRow(self.tr("ABC: class B up to cumulative value of:"), self.abc_threshold_b_percent)
        layout.addLayout(form)
        box = QGroupBox(self.tr("Cost categories: deducted at contribution margin level"), page)
        grid = QFormLayout(box)
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        categories = {
            "visit": self.tr("Visit"), "service": self.tr("Service"),
            "complaint_handling": self.tr("Complaint handling"), "gift": self.tr("Promotional gift"),
            "event": self.tr("Event"), "marketing": self.tr("Marketing"), "other": self.tr("Other"),
        }
        self.cost_levels: dict[str, QComboBox] = {}
        for code in declared.COST_CATEGORY_CODES:
            combo = QComboBox(box)
            combo.addItem(self.tr("CM II (marketing)"), "II")
            combo.addItem(self.tr("CM III (sales)"), "III")
            combo.addItem(self.tr("CM IV (service)"), "IV")
            self.cost_levels[code] = combo
            grid.addRow(categories[code] + ":", combo)
        layout.addWidget(box)
        layout.addStretch(1)
        return page

    def _portfolio_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        criteria = {
            "kundenwert": self.tr("Customer value (CM IV, by rank)"),
            "trend": self.tr("Revenue trend"),
            "potential": self.tr("Demand potential"),
            "payment": self.tr("Payment behaviour"),
            "reference": self.tr("Reference value"),
            "share_of_wallet": self.tr("Share of wallet (revenue ÷ demand potential)"),
            "frequency": self.tr("Order frequency"),
            "duration": self.tr("Length of the relationship"),
            "complaints": self.tr("Complaint rate (few = good)"),
            "relationship": self.tr("Relationship quality"),
            "contacts": self.tr("Contact intensity"),
        }
        titles = {"score_weights_attractiveness": self.tr("Weights: customer attractiveness (y axis)"),
                  "score_weights_position": self.tr("Weights: supplier position (x axis)")}
        self.axis_titles = titles
        self.weights: dict[str, dict[str, QDoubleSpinBox]] = {}
        self.weight_sums: dict[str, QLabel] = {}
        row = QHBoxLayout()
        for key, codes in AXES:
            box = QGroupBox(titles[key], page)
            form = QFormLayout(box)
            self.weights[key] = {}
            for code in codes:
                spin = _percent_box(box)
                self.weights[key][code] = spin
                form.addRow(criteria[code] + ":", spin)
            self.weight_sums[key] = QLabel(box)
            form.addRow(self.tr("Sum:"), self.weight_sums[key])
            row.addWidget(box)
        layout.addLayout(row)
        split = QGroupBox(self.tr("Split into the four groups"), page)
        form = QFormLayout(split)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.score_split_rule = QComboBox(split)
        self.score_split_rule.addItem(self.tr("Fixed thresholds"), "fixed")
        self.score_split_rule.addItem(self.tr("Median of all customers"), "median")
        self.score_split_position = _percent_box(split)
        self.score_split_attractiveness = _percent_box(split)
        form.addRow(self.tr("Split rule:"), self.score_split_rule)
        form.addRow(self.tr("Threshold supplier position (x):"), self.score_split_position)
        form.addRow(self.tr("Threshold customer attractiveness (y):"), self.score_split_attractiveness)
        self.score_split_rule.currentIndexChanged.connect(self._split_rule_changed)
        layout.addWidget(split)
        layout.addStretch(1)
        return page

    def _groups_tab(self) -> QWidget:
        inner = QWidget(self)
        grid = QGridLayout(inner)
        grid.addWidget(QLabel(self.tr("<b>Name</b>"), inner), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Standard strategy</b>"), inner), 0, 2)
        self.group_labels: dict[str, QLineEdit] = {}
        self.group_strategies: dict[str, QPlainTextEdit] = {}
        for row, group in enumerate(GROUP_ORDER, start=1):
            dot = QLabel(f"<span style='color:{GROUP_COLOURS[group]}; font-size:16pt'>●</span>", inner)
            label = QLineEdit(inner)
            label.setMinimumWidth(220)
            text = QPlainTextEdit(inner)
            text.setFixedHeight(70)
            self.group_labels[group] = label
            self.group_strategies[group] = text
            grid.addWidget(dot, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(text, row, 2)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(GROUP_ORDER) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    # ---- values ----------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The settings as currently edited (not yet saved)."""
        values: dict[str, Any] = {
            "currency": self.currency.currentData(),
            "number_format": self.number_format.currentData(),
            "ui_language": self.ui_language.currentData(),
            "clv_remaining_years": self.clv_remaining_years.value(),
            "cost_level_mapping": {c: box.currentData() for c, box in self.cost_levels.items()},
            "score_split_rule": self.score_split_rule.currentData(),
            "group_labels": {g: e.text().strip() for g, e in self.group_labels.items()},
            "group_strategies": {g: e.toPlainText().strip() for g, e in self.group_strategies.items()},
        }
        for key in PERCENT_KEYS:
            values[key] = getattr(self, key).value()
        for key, spins in self.weights.items():
            values[key] = {code: spin.value() for code, spin in spins.items()}
        for page in self.pages:
            values.update(page.values())
        return values

    def load(self) -> None:
        """Fill the form from the database (discarding unsaved edits)."""
        stored = self.repository.all_settings()
        self._loading = True
        try:
            combos = ((self.currency, "currency"), (self.number_format, "number_format"),
                      (self.ui_language, "ui_language"), (self.score_split_rule, "score_split_rule"))
            for combo, key in combos:
                combo.setCurrentIndex(max(combo.findData(stored.get(key)), 0))
            self.clv_remaining_years.setValue(float(stored.get("clv_remaining_years", 0.0)))
            for key in PERCENT_KEYS:
                getattr(self, key).setValue(float(stored.get(key, 0.0)))
            for code, combo in self.cost_levels.items():
                combo.setCurrentIndex(max(combo.findData(stored["cost_level_mapping"].get(code)), 0))
            for key, spins in self.weights.items():
                for code, spin in spins.items():
                    spin.setValue(float(stored[key].get(code, 0.0)))
            for group in GROUP_ORDER:
                self.group_labels[group].setText(str(stored["group_labels"].get(group, "")))
                self.group_strategies[group].setPlainText(str(stored["group_strategies"].get(group, "")))
            for page in self.pages:
                page.load(stored)
            self._group_names_changed()
        finally:
            self._loading = False
        self._loaded_values = self.values()
        self.validate()

    def has_unsaved_changes(self) -> bool:
        return self.values() != self._loaded_values

    def validate(self) -> bool:
        """Check the edited values now; show the sums and German messages; enable Save."""
        values = self.values()
        for key, label in self.weight_sums.items():
            total = sum(values[key].values())
            ok = abs(total - 100.0) <= 0.01
            label.setText(f"{total:.1f} %".replace(".", "," if values["number_format"] != "de-CH" else "."))
            label.setStyleSheet("font-weight: bold; color: %s;" % ("#1B5E20" if ok else "#B00020"))
        try:
            validate_settings(values)
            errors: dict[str, str] = {}
        except ValidationError as exc:
            errors = dict(exc.fields)
        warnings: dict[str, str] = {}
        for page in self.pages:
            page_errors, page_warnings = page.check(values)
            errors.update(page_errors)  # a page knows its field best: its message wins
            warnings.update(page_warnings)
        self._show_errors(errors, warnings)
        self.save_button.setEnabled(not self.errors)
        return not self.errors

    def save(self) -> bool:
        if not self.validate():
            return False
        try:
            self.repository.set_settings(self.values())
        except ValidationError as exc:  # the repository validates again; show what it says
            self._show_errors(dict(exc.fields), {})
            return False
        self.store.invalidate()
        self._loaded_values = self.values()
        self.message.setText("")
        self.settings_changed.emit()
        return True

    def reset_to_defaults(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Reset settings"),
            self.tr("Reset all settings on every tab to the default values, including the "
                    "backup folder and the logo? Customers, orders and contacts are not "
                    "affected."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.repository.reset_settings(list(EDITED_KEYS))
        self.store.invalidate()
        self.load()
        self.settings_changed.emit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.has_unsaved_changes():  # pick up changes made elsewhere (e.g. an import)
            self.load()

    # ---- internals -------------------------------------------------------------------

    def _field_name(self, key: str) -> str:
        names = {
            **self.axis_titles,
            "group_labels": self.tr("Group names"),
            "group_strategies": self.tr("Standard strategies"),
            "abc_threshold_a_percent": self.tr("ABC class A"),
            "abc_threshold_b_percent": self.tr("ABC class B"),
            "score_split_attractiveness": self.tr("Threshold customer attractiveness"),
            "score_split_position": self.tr("Threshold supplier position"),
            "default_margin_percent": self.tr("Default margin"),
            "cost_level_mapping": self.tr("Cost categories"),
        }
        for page in self.pages:
            names.update(page.field_names())
        return names.get(key, key)

    def _show_errors(self, errors: dict[str, str], warnings: dict[str, str]) -> None:
        """Errors below the tabs (they may be on another tab), errors and hints at the fields
        of the pages, and the tabs with an error in red."""
        self.errors = errors
        self.message.setText("\n".join(f"{self._field_name(k)}: {m}" for k, m in errors.items()))
        for page in self.pages:
            page.show_messages(errors, warnings)
        bar = self.tabs.tabBar()
        for index, keys in enumerate(self.tab_keys):
            bad = any(key in errors for key in keys)
            bar.setTabTextColor(index, QColor(ERROR_COLOUR) if bad else self._tab_colour)

    def _group_names_changed(self, *_args: Any) -> None:
        self.outreach_page.set_group_names(
            {g: e.text().strip() for g, e in self.group_labels.items()})

    def _split_rule_changed(self, _index: int) -> None:
        fixed = self.score_split_rule.currentData() == "fixed"
        self.score_split_position.setEnabled(fixed)
        self.score_split_attractiveness.setEnabled(fixed)

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self.validate()

    def _connect_live_validation(self) -> None:
        for settings_page in self.pages:
            settings_page.changed.connect(self._changed)
        for combo in (self.currency, self.number_format, self.ui_language, self.score_split_rule,
                      *self.cost_levels.values()):
            combo.currentIndexChanged.connect(self._changed)
        spins = [getattr(self, key) for key in PERCENT_KEYS] + [self.clv_remaining_years]
        spins += [spin for axis in self.weights.values() for spin in axis.values()]
        for spin in spins:
            spin.valueChanged.connect(self._changed)
        for edit in self.group_labels.values():
            edit.textChanged.connect(self._changed)
            edit.textChanged.connect(self._group_names_changed)
        for text in self.group_strategies.values():
            text.textChanged.connect(self._changed)
