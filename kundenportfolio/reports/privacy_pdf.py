"""The Datenauskunft as a readable PDF (A4, German), painted like the other reports (pdf.py:
running header with the company, footer with «Seite x von N»).

Input is `data.privacy.export_customer(...)`; every table of the export appears with all its
rows, labelled and formatted by `data.privacy.readable_table` like the text version, so the PDF
says the same as the JSON (without internal row numbers; staff and campaigns by name). Lines
break between words only: a table whose columns cannot hold their longest words on the page is
shown record by record (label | value) instead, as is a table of one row (the derived sums).
Needs a QApplication (created offscreen-safe if none exists, e.g. from the CLI).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kundenportfolio.data.privacy import (
    CODES,
    CUSTOMER_LABELS,
    DERIVED_TABLES,
    TABLE_TITLES,
    readable_table,
    readable_value,
)
from kundenportfolio.reports.page_layout import HEAD_BG, Html, html_width
from kundenportfolio.reports.pdf import Report

__all__ = ["CODES", "default_pdf_name", "privacy_html", "privacy_report", "write_privacy_pdf"]

POINT_SIZE = 8.5  # a document for the customer: a little larger than the lists
TABLE = "<table width='100%' cellspacing='0' cellpadding='3' border='1'>"
LABEL_WIDTH = "32%"


def _body(content: str) -> str:
    return f"<html><body style='font-size: {POINT_SIZE}pt'>{content}</body></html>"


def _grid(labels: list[str], rows: list[list[str]]) -> str:
    """One row per record, the header row repeated on every page (<thead>)."""
    head = "".join(f"<th bgcolor='{HEAD_BG}' align='left'>{html.escape(label)}</th>"
                   for label in labels)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return f"{TABLE}<thead><tr>{head}</tr></thead>{body}</table>"


def _records(labels: list[str], rows: list[list[str]]) -> str:
    """Each record as label | value lines (only the filled ones), numbered if there are several."""
    parts = [TABLE]
    for number, row in enumerate(rows, start=1):
        if len(rows) > 1:
            parts.append(f"<tr><th colspan='2' bgcolor='{HEAD_BG}' align='left'>"
                         f"{number} von {len(rows)}</th></tr>")
        parts += [f"<tr><td width='{LABEL_WIDTH}'><b>{html.escape(label)}</b></td>"
                  f"<td>{html.escape(cell)}</td></tr>"
                  for label, cell in zip(labels, row, strict=True) if cell]
    parts.append("</table>")
    return "".join(parts)


def _section(title: str, count: int | None, table: str, note: str = "") -> str:
    heading = html.escape(title) + ("" if count is None else f" ({count})")
    return (f"<h3>{heading}</h3>" + (f"<p>{html.escape(note)}</p>" if note else "")
            + (table or "<p>Keine Einträge.</p>"))


def _width_check(device: Any) -> Callable[[str], bool]:
    """Does an HTML table fit the page width of `device` with whole words?"""
    from kundenportfolio.reports.pdf import BASE_POINT_SIZE, _font

    width, font = float(device.width()), _font(device, BASE_POINT_SIZE)

    def fits(table: str) -> bool:
        return html_width(Html(_body(table), whole_words=True), device, width, font) <= width + 1
    return fits


def privacy_report(data: dict[str, Any], *, company: str = "", number_format: str = "de-CH",
                   device: Any = None) -> Report:
    """The Datenauskunft as a report (one flowing HTML block). With the paint `device`, tables
    too wide for the page with whole words are shown record by record (without a device:
    only one-row tables)."""
    customer = data["customer"]
    number = str(customer["number"])
    fits = _width_check(device) if device is not None else (lambda table: True)
    parts = [f"<h2>Datenauskunft zu Kunde {html.escape(number)}</h2>"
             "<p>Auskunft über die gespeicherten Daten (Art. 15 DSGVO, Art. 25 revDSG)"
             + (f" – {html.escape(company)}" if company else "")
             + f"<br>Erstellt am {html.escape(readable_value('created_at', data['created_at']))}"
             "</p><h3>Stammdaten</h3>" + TABLE]
    parts += [f"<tr><td width='{LABEL_WIDTH}'><b>{html.escape(label)}</b></td>"
              f"<td>{html.escape(readable_value(key, customer.get(key), number_format))}</td></tr>"
              for key, label in CUSTOMER_LABELS.items()]
    parts.append(f"<tr><td><b>Betreuer/in</b></td>"
                 f"<td>{html.escape(data.get('responsible_staff') or '')}</td></tr></table>")
    for table, rows in data["tables"].items():
        labels, cells = readable_table(data, table, number_format)
        shown = _grid(labels, cells) if len(cells) > 1 else ""
        if cells and (len(cells) == 1 or not fits(shown)):
            shown = _records(labels, cells)
        derived = table in DERIVED_TABLES
        parts.append(_section(TABLE_TITLES.get(table, table), None if derived else len(rows),
                              shown, DERIVED_TABLES.get(table, "")))
    return Report(title=f"Datenauskunft {number}", company=company,
                  blocks=[Html(_body("".join(parts)), whole_words=True)])


def privacy_html(data: dict[str, Any], *, company: str = "", number_format: str = "de-CH") -> str:
    """The Datenauskunft as one HTML text (tables of several rows as grids)."""
    block = privacy_report(data, company=company, number_format=number_format).blocks[0]
    assert isinstance(block, Html)
    return block.html


def write_privacy_pdf(data: dict[str, Any], out: Path, *, company: str = "",
                      number_format: str = "de-CH") -> Path:
    """Render the export to an A4 PDF at `out`."""
    from kundenportfolio.reports.pdf import ensure_application, paint_report, setup_a4

    ensure_application()
    from PySide6.QtGui import QPdfWriter

    out.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    setup_a4(writer)
    writer.setTitle(f"Datenauskunft {data['customer']['number']}")
    writer.setCreator("Kundenportfolio")
    paint_report(privacy_report(data, company=company, number_format=number_format,
                                device=writer), writer)
    del writer  # the file is complete once the writer is gone
    return out


def default_pdf_name(number: str, today: dt.date | None = None) -> str:
    return f"Datenauskunft_{number}_{(today or dt.date.today()).isoformat()}.pdf"
