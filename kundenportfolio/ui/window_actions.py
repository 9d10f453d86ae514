"""What the main window's File and Edit menu entries do beyond opening a section.

Import, export of the current list, backup and restore, and the privacy actions (Datenauskunft,
anonymisation) for the selected customer. Every function takes the MainWindow; after data
changed it calls ``window.data_changed()`` so every section shows the new state.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.ui.export_view import customer_list_model, export_model, visible_columns

log = logging.getLogger("kundenportfolio")
_XLSX_CSV = "Excel (*.xlsx);;CSV (*.csv)"


def _current(window: Any) -> Any:
    row = window.navigation.currentRow()
    return window.sections[row] if 0 <= row < len(window.sections) else window.sections[0]


# ---- import ----------------------------------------------------------------------------


def open_import(window: Any) -> Any:
    """File > Import…: the wizard; after an import everything is reloaded."""
    from kundenportfolio.ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(window.repository, window)
    wizard.imported.connect(lambda _result: window.data_changed())
    wizard.open()
    return wizard


# ---- export of the shown list ------------------------------------------------------------


def export_target(window: Any) -> tuple[QAbstractItemModel | None, list[int] | None]:
    """The current section's main list and the columns to write (None: all)."""
    section = _current(window)
    if section.widget is window.customers_view:
        view = window.customers_view
        if getattr(view, "values_pending", False):  # start-up: Kundenwerte still computing
            view.wait_for_values()
        return customer_list_model(view.proxy), visible_columns(view.table)
    provider = getattr(section.widget, "export_model", None)
    if provider is None:
        return None, None
    model = provider()
    views = [v for v in section.widget.findChildren(QTableView) if v.model() is model]
    return model, (visible_columns(views[0]) if views else None)


def export_list(window: Any, path: Path | str | None = None) -> Path | None:
    """File > Export list…: the current section's list as shown (filter, order) to .xlsx/.csv."""
    title = QCoreApplication.translate("WindowActions", "Export list")
    section = _current(window)
    model, columns = export_target(window)
    if model is None:
        QMessageBox.information(window, title, QCoreApplication.translate("WindowActions",
                                                  "This section has no list to export."))
        return None
    if path is None:
        name, chosen = QFileDialog.getSaveFileName(window, title, f"{section.title}.xlsx",
                                                   _XLSX_CSV)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
    path = Path(path)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        count = export_model(model, path, columns=columns, sheet_title=section.title)
    except (KundenportfolioError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(window, title, str(exc))
        return None
    QGuiApplication.restoreOverrideCursor()
    # no %n plural: lupdate does not mark translate(..., n) as plural
    message = QCoreApplication.translate("WindowActions", "Exported: %1 (rows: %2)")
    window.statusBar().showMessage(message.replace("%1", str(path)).replace("%2", str(count)),
                                   10000)
    return path


# ---- backup and restore ------------------------------------------------------------------


def backup_now(window: Any) -> Path | None:
    from kundenportfolio.ui.dialogs.backup_dialogs import backup_now as run

    return run(Path(window.db_path), window)


def restore(window: Any, chosen: Path | None = None) -> bool:
    """File > Restore…: pick a backup, close the database, restore, reopen, reload views."""
    from kundenportfolio.data.database import open_database
    from kundenportfolio.ui.dialogs.backup_dialogs import choose_backup, restore_with_reopen

    db_path = Path(window.db_path)
    chosen = chosen or choose_backup(db_path, window)
    if chosen is None:
        return False
    repository = window.repository

    def reopen() -> None:
        repository.db = open_database(db_path)  # every view holds this repository
        window.undo_stack.clear()  # undo steps refer to the data that was replaced
        window.data_changed()

    return restore_with_reopen(db_path, chosen, repository.db.close, reopen, window)


def backup_on_close(window: Any) -> Path | None:
    """closeEvent: the automatic backup (at most once per hour) of a database file."""
    db_path = Path(window.db_path)
    if not db_path.is_file():  # an in-memory test database or a file moved away
        return None
    from kundenportfolio.ui.dialogs.backup_dialogs import backup_on_close_gui

    return backup_on_close_gui(db_path, window)


# ---- privacy -----------------------------------------------------------------------------


def _selected_customer(window: Any, title: str) -> Any:
    customer_id = window.customers_view.current_customer_id()
    if customer_id is None:
        QMessageBox.information(window, title, QCoreApplication.translate(
            "WindowActions", "Please select a customer in the customer list first."))
        return None
    return window.repository.get_customer(customer_id)


def export_information(window: Any, path: Path | str | None = None) -> Path | None:
    """Edit > Export data information: everything stored about the customer, JSON or PDF."""
    from kundenportfolio.data import privacy
    from kundenportfolio.reports.privacy_pdf import default_pdf_name, write_privacy_pdf

    title = QCoreApplication.translate("WindowActions", "Export data information")
    customer = _selected_customer(window, title)
    if customer is None:
        return None
    if path is None:
        name, _ = QFileDialog.getSaveFileName(
            window, title, default_pdf_name(customer.number, window.today),
            QCoreApplication.translate("WindowActions", "PDF (*.pdf);;JSON (*.json)"))
        if not name:
            return None
        path = name
    path = Path(path)
    try:
        data = privacy.export_customer(window.repository.db, customer.number)
        if path.suffix.lower() == ".json":
            privacy.write_export_json(data, path)
        else:
            path = path.with_suffix(".pdf")
            write_privacy_pdf(data, path, company=str(window.repository.get_setting(
                "company_name") or ""), number_format=str(window.repository.get_setting(
                    "number_format")))
    except (KundenportfolioError, OSError) as exc:
        QMessageBox.warning(window, title, str(exc))
        return None
    window.statusBar().showMessage(QCoreApplication.translate("WindowActions", "Data information saved: %1")
                                   .replace("%1", str(path)), 10000)
    return path


def erasure_text(number: str, name: str) -> str:
    """The confirmation: what anonymisation erases and what it keeps (and why)."""
    return QCoreApplication.translate(
        "WindowActions",
        "Anonymise customer %1 «%2»?\n\n"
        "Erased: name (becomes «Anonymised %1»), contact person, address, phone, e-mail, "
        "notes, consent details, and the texts of contacts, orders and costs.\n\n"
        "Kept: orders with their amounts, relationship costs and group history, without any "
        "personal reference (bookkeeping records must be kept for 10 years).\n\n"
        "This cannot be undone. Older backups still contain the data until they are rotated "
        "out.").replace("%1", number).replace("%2", name)


def anonymise(window: Any, *, confirm: bool = True) -> Any:
    """Edit > Anonymise customer…: confirm, erase personal data, reload everything."""
    from kundenportfolio.data import privacy

    title = QCoreApplication.translate("WindowActions", "Anonymise customer")
    customer = _selected_customer(window, title)
    if customer is None:
        return None
    if confirm:
        box = QMessageBox(QMessageBox.Icon.Warning, title, erasure_text(customer.number,
                                                                        customer.name),
                          QMessageBox.StandardButton.Cancel, window)
        erase = box.addButton(QCoreApplication.translate("WindowActions", "Anonymise"),
                              QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not erase:
            return None
    try:
        result = privacy.erase_customer(window.repository.db, customer.number,
                                        now=dt.datetime.now())
    except KundenportfolioError as exc:
        QMessageBox.warning(window, title, str(exc))
        return None
    window.undo_stack.clear()  # an undo would write the erased texts back
    window.data_changed()
    if result.remaining:
        log.warning("Nach der Anonymisierung noch gefunden: %s", result.remaining)
        QMessageBox.warning(window, title, QCoreApplication.translate(
            "WindowActions", "The customer was anonymised, but the old texts still occur in:")
            + "\n" + "\n".join(result.remaining))
    else:
        message = QCoreApplication.translate("WindowActions", "Customer %1 was anonymised.")
        window.statusBar().showMessage(message.replace("%1", customer.number), 10000)
    return result
