"""File > Print… and Save as PDF… for the report of the current section.

`report_builder` is a function returning a `reports.pdf.Report`; it is called once per action
(with a wait cursor), and the same `paint_report` draws the preview, the printer's pages and
the PDF file, so what the preview shows is what the PDF contains.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.reports.pdf import Report, paint_report, setup_a4, write_report_pdf

ReportBuilder = Callable[[], Report]
log = logging.getLogger(__name__)


def _build(parent: QWidget | None, report_builder: ReportBuilder) -> Report | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return report_builder()
    except KundenportfolioError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("PrintDialogs", "Report"), str(exc))
    except Exception:  # noqa: BLE001 - shown to the user, logged for the error report
        log.exception("report could not be built")
        QMessageBox.critical(parent, QCoreApplication.translate("PrintDialogs", "Report"),
                             QCoreApplication.translate("PrintDialogs", "The report could not be created."))
    finally:
        QGuiApplication.restoreOverrideCursor()
    return None


def make_printer(report: Report) -> QPrinter:
    """A high-resolution printer set to A4 portrait with the report margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_a4(printer)
    printer.setDocName(report.title)
    return printer


def print_preview(parent: QWidget | None, report_builder: ReportBuilder) -> QPrintPreviewDialog | None:
    """Open the print preview of the report (printing from there uses the same pages)."""
    report = _build(parent, report_builder)
    if report is None:
        return None
    printer = make_printer(report)
    dialog = QPrintPreviewDialog(printer, parent)
    title = QCoreApplication.translate("PrintDialogs", "Print preview – %1")
    dialog.setWindowTitle(title.replace("%1", report.title))
    dialog.paintRequested.connect(lambda device: paint_report(report, device))
    dialog.resize(900, 1000)
    dialog.exec()
    return dialog


def default_file_name(report: Report) -> str:
    stem = re.sub(r"[^\w.-]+", "_", report.title).strip("_") or "Bericht"
    return f"{stem}_{report.printed.isoformat()}.pdf"


def save_pdf(parent: QWidget | None, report_builder: ReportBuilder) -> Path | None:
    """Ask for a file name and write the report as PDF; returns the file (None: cancelled)."""
    report = _build(parent, report_builder)
    if report is None:
        return None
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("PrintDialogs", "Save as PDF"),
                                          str(Path(folder) / default_file_name(report)),
                                          QCoreApplication.translate("PrintDialogs", "PDF files (*.pdf)"))
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_report_pdf(report, path)
    except OSError as exc:
        QGuiApplication.restoreOverrideCursor()
        message = QCoreApplication.translate("PrintDialogs", "The PDF could not be written:\n%1")
        QMessageBox.warning(parent, QCoreApplication.translate("PrintDialogs", "Save as PDF"),
                            message.replace("%1", str(exc)))
        return None
    QGuiApplication.restoreOverrideCursor()
    return path


def report_for_window(window: object) -> ReportBuilder:
    """The report of the main window's current section: Kunden → Kundenblatt of the selected
    customer (Kundenwertliste if none), Portfolio → portfolio report, Rangliste → Kundenwertliste
    with the ranking's group filter, anything else → Kundenwertliste."""
    from kundenportfolio.reports.customer_sheet import customer_sheet_report
    from kundenportfolio.reports.portfolio_report import portfolio_report
    from kundenportfolio.reports.value_list import value_list_report

    w: object = window
    repository, store, period = w.repository, w.store, w.period  # type: ignore[attr-defined]
    row = w.navigation.currentRow()  # type: ignore[attr-defined]
    sections = w.sections  # type: ignore[attr-defined]
    key = sections[row].key if 0 <= row < len(sections) else "customers"
    widget = sections[row].widget if 0 <= row < len(sections) else None
    if key == "customers":
        customer_id = w.customers_view.current_customer_id()  # type: ignore[attr-defined]
        if customer_id is not None:
            return lambda: customer_sheet_report(repository, store, customer_id, period)
    if key == "portfolio":
        return lambda: portfolio_report(repository, store, period)
    group = None
    if key == "ranking":
        combo = getattr(widget, "group_filter", None)
        group = combo.currentData() if combo is not None else None
    return lambda: value_list_report(repository, store, period, group=group)
