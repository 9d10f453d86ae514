"""The Datenauskunft as a readable PDF (QTextDocument + QPdfWriter, A4, German).

Input is `data.privacy.export_customer(...)`; every table of the export appears with all its
rows, so the PDF says the same as the JSON. Needs a QGuiApplication (created offscreen-safe
if none exists, e.g. from the CLI).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kundenportfolio.core.money import format_money
from kundenportfolio.data.privacy import CUSTOMER_LABELS, TABLE_TITLES
from kundenportfolio.reports.colours import DEFAULT_GROUP_LABELS

COLUMN_LABELS = {
    "occurred_at": "Zeitpunkt", "type": "Art", "direction": "Richtung", "staff_id": "Mitarbeiter-Nr.",
    "subject": "Betreff", "notes": "Notizen", "outcome": "Ergebnis",
    "complaint_status": "Reklamation", "revenue_impact_cents": "Umsatzwirkung",
    "buys_from_competitor": "kauft bei Konkurrenz", "order_id": "Auftrag-Nr. (intern)",
    "campaign_id": "Kampagne-Nr.", "order_date": "Datum", "order_number": "Auftragsnummer",
    "amount_cents": "Betrag", "discount_cents": "Erlösschmälerung",
    "cost_of_goods_cents": "Wareneinsatz", "is_credit_note": "Gutschrift", "note": "Notiz",
    "cost_date": "Datum", "category": "Kategorie", "participated_at": "Teilgenommen am",
    "contact_id": "Kontakt-Nr.", "period": "Periode", "snapshot_date": "Stand",
    "group_code": "Gruppe", "attractiveness": "Attraktivität", "position": "Lieferantenposition",
    "kundenwert_cents": "Kundenwert", "rank": "Rang", "abc": "ABC", "overridden": "manuell",
    "recorded_at": "Erfasst am", "marketing_consent": "Einwilligung", "consent_date": "Datum",
    "source": "Quelle", "opt_out_date": "Widerspruch am",
}
HIDDEN = {"id", "customer_id"}
CODES = {
    "status": {"active": "aktiv", "inactive": "inaktiv"},
    "type": {"call": "Anruf", "inquiry": "Anfrage", "offer": "Angebot", "order": "Bestellung",
             "complaint": "Reklamation", "visit": "Besuch", "email": "E-Mail",
             "event": "Messe/Event", "other": "Sonstiges"},
    "direction": {"in": "eingehend", "out": "ausgehend"},
    "category": {"visit": "Besuch", "service": "Service",
                 "complaint_handling": "Reklamationsbearbeitung", "gift": "Werbegeschenk",
                 "event": "Event", "marketing": "Marketing", "other": "Sonstiges"},
    "group_code": DEFAULT_GROUP_LABELS,
    "complaint_status": {"open": "offen", "done": "erledigt"},
}
BOOLEANS = {"buys_from_competitor", "is_credit_note", "overridden", "marketing_consent"}
TABLE = "<table width='100%' cellspacing='0' cellpadding='3' border='1'>"


def _cell(key: str, value: Any, number_format: str) -> str:
    if value is None or value == "":
        return ""
    if key in BOOLEANS:
        return "ja" if value else "nein"
    if key.endswith("_cents") and isinstance(value, int):
        return format_money(value, number_format)
    if key in CODES:
        return html.escape(CODES[key].get(str(value), str(value)))
    text = str(value)
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        try:  # ISO date or date-time -> 31.12.2025 (14:30)
            day = dt.date.fromisoformat(text[:10])
            text = day.strftime("%d.%m.%Y") + text[10:].replace("T", " ")
        except ValueError:
            pass
    return html.escape(text)


def privacy_html(data: dict[str, Any], *, company: str = "", number_format: str = "de-CH") -> str:
    customer = data["customer"]
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 9pt'>",
        f"<h2>Datenauskunft zu Kunde {html.escape(str(customer['number']))}</h2>",
        "<p>Auskunft über die gespeicherten Daten (Art. 15 DSGVO, Art. 25 revDSG)"
        + (f" – {html.escape(company)}" if company else "")
        + f"<br>Erstellt am {_cell('created_at', data['created_at'], number_format)}</p>",
        "<h3>Stammdaten</h3>" + TABLE,
    ]
    for key, label in CUSTOMER_LABELS.items():
        value = customer.get(key)
        shown = _cell(key, value, number_format)
        parts.append(f"<tr><td><b>{html.escape(label)}</b></td><td>{shown}</td></tr>")
    staff = data.get("responsible_staff") or ""
    parts.append(f"<tr><td><b>Betreuer/in</b></td><td>{html.escape(staff)}</td></tr></table>")
    for table, rows in data["tables"].items():
        title = TABLE_TITLES.get(table, table)
        parts.append(f"<h3>{html.escape(title)} ({len(rows)})</h3>")
        if not rows:
            parts.append("<p>Keine Einträge.</p>")
            continue
        keys = [k for k in rows[0] if k not in HIDDEN
                and any(r.get(k) not in (None, "") for r in rows)]
        parts.append(TABLE + "<tr>")
        if table == "campaign_participants":
            parts.append("<th>Kampagne</th>")
        parts += [f"<th>{html.escape(COLUMN_LABELS.get(k, k))}</th>" for k in keys]
        parts.append("</tr>")
        for row in rows:
            parts.append("<tr>")
            if table == "campaign_participants":
                name = data["campaign_names"].get(str(row["campaign_id"]), "")
                parts.append(f"<td>{html.escape(name)}</td>")
            parts += [f"<td>{_cell(k, row.get(k), number_format)}</td>" for k in keys]
            parts.append("</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_privacy_pdf(data: dict[str, Any], out: Path, *, company: str = "",
                      number_format: str = "de-CH") -> Path:
    """Render the export to an A4 PDF at `out`."""
    if QGuiApplication.instance() is None:
        app = QGuiApplication(["kundenportfolio"])  # noqa: F841 - must live while rendering
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(f"Datenauskunft {data['customer']['number']}")
    writer.setCreator("Kundenportfolio")
    document = QTextDocument()
    document.setHtml(privacy_html(data, company=company, number_format=number_format))
    document.print_(writer)
    return out


def default_pdf_name(number: str, today: dt.date | None = None) -> str:
    return f"Datenauskunft_{number}_{(today or dt.date.today()).isoformat()}.pdf"
