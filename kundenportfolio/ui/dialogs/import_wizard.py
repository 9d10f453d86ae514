"""Import wizard: file, preview and column mapping, check, then import with a cancellable
progress dialog. All the work is done by `kundenportfolio.data.importing`; this only asks.

Entry point: ``ImportWizard(repository, parent).exec()``; afterwards `result` holds the
`ImportResult` (None if nothing was imported) and `imported` was emitted.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.core.tabular import TableSource, cell_text, iter_rows, open_table
from kundenportfolio.data.import_specs import (
    ENTITIES,
    FIELDS,
    recognised_columns,
    suggest_mapping,
)
from kundenportfolio.data.importing import (
    ImportCancelled,
    ImportFailed,
    ImportResult,
    import_table,
)
from kundenportfolio.data.repository import Repository

PREVIEW_ROWS = 20


class ImportWizard(QWizard):
    imported = Signal(object)  # the ImportResult after a successful import

    def __init__(self, repository: Repository, parent: QWidget | None = None, *,
                 entity: str = "customers") -> None:
        super().__init__(parent)
        self.repository = repository
        self.source: TableSource | None = None
        self.mapping: dict[str, int] = {}
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("Import data"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self, entity)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        for page in (self.file_page, self.mapping_page, self.check_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.resize(760, 560)

    @property
    def entity(self) -> str:
        return str(self.file_page.entity_combo.currentData())

    def entity_label(self) -> str:
        labels = {"customers": self.tr("Customers"), "orders": self.tr("Orders"),
                  "contacts": self.tr("Contacts"), "costs": self.tr("Relationship costs")}
        return labels[self.entity]

    def run_import(self, *, dry_run: bool) -> ImportResult:
        """Run (or check) the import under a progress dialog; Cancel rolls everything back."""
        assert self.source is not None
        title = self.tr("Checking the file…") if dry_run else self.tr("Importing…")
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 100, self)
        dialog.setWindowTitle(self.windowTitle())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))  # modal: also processes events

        try:
            return import_table(
                self.repository, self.entity, self.source, mapping=self.mapping,
                create_missing_customers=self.file_page.create_missing.isChecked(),
                decimal_mark=self.mapping_page.decimal_combo.currentData(),
                progress=progress, cancel=dialog.wasCanceled, dry_run=dry_run,
            )
        finally:
            dialog.reset()
            dialog.deleteLater()

    def accept(self) -> None:
        try:
            result = self.run_import(dry_run=False)
        except ImportCancelled:
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Import cancelled. Nothing was changed."))
            return
        except KundenportfolioError as exc:  # e.g. the file changed since the check
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.result = result
        self.imported.emit(result)
        QMessageBox.information(self, self.windowTitle(), result.summary())
        super().accept()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard, entity: str) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("CSV or Excel (.xlsx). Everything is imported, or nothing."))
        self.entity_combo = QComboBox()
        for code, label in zip(ENTITIES, (self.tr("Customers"), self.tr("Orders"),
                                          self.tr("Contacts"), self.tr("Relationship costs")),
                               strict=True):
            self.entity_combo.addItem(label, code)
        self.entity_combo.setCurrentIndex(ENTITIES.index(entity))  # type: ignore[arg-type]
        self.path_edit = QLineEdit()
        self.path_edit.textChanged.connect(self._path_changed)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setEnabled(False)
        self.create_missing = QCheckBox(self.tr("Create customers for unknown customer numbers"))
        self.entity_combo.currentIndexChanged.connect(self._entity_changed)
        self._entity_changed()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Import"), self.entity_combo)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet_combo)
        form.addRow("", self.create_missing)

    def _entity_changed(self) -> None:
        self.create_missing.setEnabled(self.entity_combo.currentData() != "customers")

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file to import"), self.path_edit.text(),
            self.tr("Tables (*.csv *.xlsx *.txt);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def _path_changed(self, text: str) -> None:
        self.sheet_combo.clear()
        path = Path(text)
        if path.suffix.lower() == ".xlsx" and path.is_file():
            with contextlib.suppress(KundenportfolioError):  # reported on Next
                self.sheet_combo.addItems(open_table(path).sheet_names)
        self.sheet_combo.setEnabled(self.sheet_combo.count() > 1)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return Path(self.path_edit.text()).is_file()

    def validatePage(self) -> bool:
        sheet = self.sheet_combo.currentText() or None
        try:
            self.wizard_.source = open_table(self.path_edit.text(), sheet=sheet)
        except KundenportfolioError as exc:
            QMessageBox.warning(self, self.title(), str(exc))
            return False
        return True


class MappingPage(QWizardPage):
    NOT_IMPORTED = -1

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Preview and columns"))
        self.setSubTitle(self.tr("Check which column of the file goes into which field. "
                                 "Fields marked * are required."))
        self.info = QLabel()
        self.note = QLabel()  # columns that fit the same field: the user chooses
        self.note.setWordWrap(True)
        self.decimal_combo = QComboBox()
        self.decimal_combo.addItem(self.tr("Detect automatically"), None)
        self.decimal_combo.addItem(self.tr("Comma (1.234,50)"), ",")
        self.decimal_combo.addItem(self.tr("Point (1'234.50 or 1,234.50)"), ".")
        options = QFormLayout()
        options.addRow(self.tr("Decimal mark"), self.decimal_combo)
        self.preview = QTableView()
        self.preview_model = QStandardItemModel(self)
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.note)
        layout.addLayout(options)
        layout.addWidget(self.preview, 1)
        scroll = QScrollArea()  # customers have 24 fields
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        layout.addWidget(scroll, 1)

    def initializePage(self) -> None:
        source = self.wizard_.source
        assert source is not None
        self.preview_model.clear()
        self.preview_model.setHorizontalHeaderLabels(source.headers)
        lines = []
        for line, cells in iter_rows(source, problems=[]):  # broken lines: see the check
            self.preview_model.appendRow([QStandardItem(cell_text(c)) for c in cells])
            lines.append(str(line))  # the line numbers error messages will name
            if len(lines) >= PREVIEW_ROWS:
                break
        self.preview_model.setVerticalHeaderLabels(lines)
        if source.kind == "csv":
            encodings = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp1252": "Windows-1252"}
            separators = {";": self.tr("semicolon"), ",": self.tr("comma"), "\t": self.tr("tab")}
            self.info.setText(self.tr("%1: first %n row(s), encoding %2, separator %3", "",
                                      len(lines))
                              .replace("%1", source.path.name)
                              .replace("%2", encodings.get(source.encoding or "", ""))
                              .replace("%3", separators.get(source.delimiter or "", "")))
        else:
            self.info.setText(self.tr("%1, sheet %2: first %n row(s)", "", len(lines))
                              .replace("%1", source.path.name).replace("%2", source.sheet or ""))
        self.preview.resizeColumnsToContents()
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        suggested = suggest_mapping(self.wizard_.entity, source.headers)
        headers = [h or self.tr("Column %1").replace("%1", str(i + 1))
                   for i, h in enumerate(source.headers)]
        recognised = recognised_columns(self.wizard_.entity, source.headers)
        notes = [self.tr("Several columns fit the field %1: %2. Choose the right one below.")
                 .replace("%1", f"«{spec.header}»")
                 .replace("%2", ", ".join(f"«{headers[i]}»" for i in recognised[spec.name]))
                 for spec in FIELDS[self.wizard_.entity]
                 if len(recognised.get(spec.name, [])) > 1]
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        for spec in FIELDS[self.wizard_.entity]:
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), self.NOT_IMPORTED)
            for index, header in enumerate(source.headers):
                combo.addItem(header or self.tr("Column %1").replace("%1", str(index + 1)), index)
            if spec.name in suggested:
                combo.setCurrentIndex(suggested[spec.name] + 1)
            combo.currentIndexChanged.connect(self.completeChanged)
            self.combos[spec.name] = combo
            self.form.addRow(spec.header + (" *" if spec.required else ""), combo)

    def mapping(self) -> dict[str, int]:
        return {name: int(combo.currentData()) for name, combo in self.combos.items()
                if combo.currentData() != self.NOT_IMPORTED}

    def isComplete(self) -> bool:
        mapped = self.mapping()
        return all(s.name in mapped for s in FIELDS[self.wizard_.entity] if s.required)

    def validatePage(self) -> bool:
        self.wizard_.mapping = self.mapping()
        return True


class CheckPage(QWizardPage):
    """The validation report: a dry run of the whole import, nothing written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.ok = False
        self.setTitle(self.tr("Check"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)

    def initializePage(self) -> None:
        self.ok = False
        self.report.clear()
        try:
            result = self.wizard_.run_import(dry_run=True)
        except ImportCancelled:
            self.summary.setText(self.tr("Check cancelled. Go back and try again."))
        except ImportFailed as exc:
            if exc.bad_lines:
                self.summary.setText(self.tr("The file cannot be imported: %n faulty row(s). "
                                             "Nothing has been changed. Correct the file and "
                                             "check again.", "", exc.bad_lines))
            else:
                self.summary.setText(self.tr("The file cannot be imported. Nothing has been "
                                             "changed. Correct the file or the choices on the "
                                             "previous page and check again."))
            self.report.setPlainText("\n".join(str(e) for e in exc.errors))
        except KundenportfolioError as exc:
            self.summary.setText(str(exc))
        else:
            self.ok = True
            self.summary.setText(self.tr("The file is fine. Click Import to apply it.")
                                 + "\n" + result.summary())
        self.report.setVisible(bool(self.report.toPlainText()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ok
