"""Printed reports: one page painter for the printer, the print preview and PDF files.

A report is a list of blocks (reports/page_layout.py): German HTML (every user value passed
through `html.escape`, so a name like ``<b>Fett</b>`` prints literally) laid out by a
QTextDocument on the target device, and long lists painted directly as plain-text grids. Each page
gets a running header (logo, company, report title) and footer (print date, "Seite x von N");
grids and HTML tables with a ``<thead>`` repeat their header row on every page. `paint_report` draws onto any
QPagedPaintDevice (QPdfWriter or QPrinter), so the preview shows exactly the PDF pages.

Entry points: `write_value_list_pdf` (Kundenwertliste), `write_customer_sheet_pdf`
(Kundenblatt), `write_portfolio_pdf` (Portfolio-Bericht); the builders live in
reports/value_list.py, customer_sheet.py and portfolio_report.py.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kundenportfolio.reports.page_layout import Block

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice

    from kundenportfolio.core.periods import Period
    from kundenportfolio.data.portfolio_store import PortfolioStore
    from kundenportfolio.data.repository import Repository

HEADER_MM = 16.0
FOOTER_MM = 10.0
MARGIN_MM = 15.0
BASE_POINT_SIZE = 7.5
FONT_FAMILY = "DejaVu Sans"  # bundled on Linux; Qt falls back to the system sans elsewhere
_APP: list[Any] = []  # keeps a QApplication we created alive while rendering


@dataclass
class Report:
    """A report ready to paint: body blocks (Html or Grid) plus the running header's content."""

    title: str
    blocks: list[Block]
    company: str = ""
    logo_path: str = ""
    printed: dt.date = field(default_factory=dt.date.today)
    images: dict[str, Any] = field(default_factory=dict)  # name in <img src> -> QImage


def german_date(day: dt.date | dt.datetime | None) -> str:
    """TT.MM.JJJJ (with HH:MM for a date-time), empty for None."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        return day.strftime("%d.%m.%Y %H:%M")
    return day.strftime("%d.%m.%Y")


def ensure_application() -> None:
    """A Qt application must exist for fonts and painting; the CLI has none, maybe no display.

    A QApplication (not only QGuiApplication), so widgets made later in the process still work.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    if QCoreApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP.append(QApplication(["kundenportfolio"]))


def _mm(device: QPagedPaintDevice, mm: float) -> float:
    return mm * device.logicalDpiY() / 25.4


def _font(device: QPagedPaintDevice, point_size: float, bold: bool = False) -> Any:
    from PySide6.QtGui import QFont

    font = QFont(FONT_FAMILY)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # No ligatures: "ff" must stay two letters when the PDF's text is searched or copied
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def paint_report(report: Report, device: QPagedPaintDevice) -> int:
    """Paint every page of `report` onto `device` (QPdfWriter or QPrinter); returns the page count."""


    ensure_application()
    return _paint(report, device)


def _paint(report: Report, device: QPagedPaintDevice) -> int:
    from PySide6.QtGui import QPainter

    from kundenportfolio.reports.page_layout import plan_pages

    width, height = float(device.width()), float(device.height())
    header, footer = _mm(device, HEADER_MM), _mm(device, FOOTER_MM)
    plan = plan_pages(report.blocks, device, width, height - header - footer,
                      _font(device, BASE_POINT_SIZE), _font(device, BASE_POINT_SIZE, bold=True),
                      report.images)
    pages = len(plan.pages)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("Die Seiten können nicht gezeichnet werden (Drucker oder Datei nicht bereit).")
    try:
        for number, operations in enumerate(plan.pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, header)
            for operation in operations:
                operation(painter)
            painter.restore()
            _paint_frame(painter, device, report, number + 1, pages, width, height, header, footer)
    finally:
        painter.end()
    return pages


def _paint_frame(painter: Any, device: QPagedPaintDevice, report: Report, page: int, pages: int,
                 width: float, height: float, header: float, footer: float) -> None:
    """Running header and footer of one page."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QImage, QPen

    painter.save()
    pen = QPen(Qt.GlobalColor.darkGray)
    pen.setWidthF(_mm(device, 0.2))
    painter.setPen(pen)
    line_y = header - _mm(device, 3)
    painter.drawLine(QPointF(0, line_y), QPointF(width, line_y))
    painter.drawLine(QPointF(0, height - footer + _mm(device, 2)),
                     QPointF(width, height - footer + _mm(device, 2)))
    painter.setPen(Qt.GlobalColor.black)
    left = 0.0
    logo = QImage(report.logo_path) if report.logo_path else QImage()
    if not logo.isNull():  # a missing or broken logo file is simply left out
        box = _mm(device, 9)
        scaled = logo.scaled(int(box * 3), int(box), Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        painter.drawImage(QPointF(0, line_y - _mm(device, 1) - scaled.height()), scaled)
        left = scaled.width() + _mm(device, 3)
    top = QRectF(left, 0, width - left, line_y - _mm(device, 1))
    align_bottom = Qt.AlignmentFlag.AlignBottom
    painter.setFont(_font(device, 10, bold=True))
    painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | align_bottom), report.company)
    painter.setFont(_font(device, 9))
    painter.drawText(top, int(Qt.AlignmentFlag.AlignRight | align_bottom), report.title)
    bottom = QRectF(0, height - footer + _mm(device, 3), width, footer - _mm(device, 3))
    painter.setFont(_font(device, 7.5))
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                     f"Gedruckt am {german_date(report.printed)}")
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                     f"Seite {page} von {pages}")
    painter.restore()


def setup_a4(device: Any) -> None:
    """A4 portrait with the report margins (for QPdfWriter and QPrinter alike)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                         QPageLayout.Unit.Millimeter)
    device.setPageLayout(layout)


def write_report_pdf(report: Report, path: Path | str) -> int:
    """Write `report` as an A4 PDF; returns the page count."""
    ensure_application()
    from PySide6.QtGui import QPdfWriter

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    setup_a4(writer)
    writer.setTitle(report.title)
    writer.setCreator("Kundenportfolio")
    pages = paint_report(report, writer)
    del writer  # the file is complete once the writer is gone
    return pages


# ---- the reports ----------------------------------------------------------------------------


def write_value_list_pdf(repository: Repository, store: PortfolioStore, period: Period,
                         path: Path | str, *, group: str | None = None, staff_id: int | None = None,
                         abc: str | None = None) -> int:
    """The Kundenwertliste of `period` (optionally filtered) as PDF; returns the page count."""
    from kundenportfolio.reports.value_list import value_list_report

    report = value_list_report(repository, store, period, group=group, staff_id=staff_id, abc=abc)
    return write_report_pdf(report, path)


def write_customer_sheet_pdf(repository: Repository, store: PortfolioStore, customer_id: int,
                             path: Path | str, period: Period | None = None) -> int:
    """The Kundenblatt of one customer as PDF; returns the page count."""
    from kundenportfolio.reports.customer_sheet import customer_sheet_report

    return write_report_pdf(customer_sheet_report(repository, store, customer_id, period), path)


def write_portfolio_pdf(repository: Repository, store: PortfolioStore, period: Period,
                        path: Path | str) -> int:
    """The portfolio report (matrix, quadrants, strategies, movements) as PDF; page count."""
    from kundenportfolio.reports.portfolio_report import portfolio_report

    return write_report_pdf(portfolio_report(repository, store, period), path)
