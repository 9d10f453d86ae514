"""The Kundenblatt: one customer on paper, for hotline, accounting, service and sales.

Master data, group, rank, Kundenwert, responsible person, revenue per year, the last 10
contacts, open complaints and the suggested next step (core.suggestions, as in the GUI).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from kundenportfolio.core.models import ComplaintStatus, ContactType
from kundenportfolio.core.money import format_money
from kundenportfolio.core.periods import Period
from kundenportfolio.core.scoring import group_label
from kundenportfolio.reports.page_layout import Html
from kundenportfolio.reports.pdf import Report, german_date
from kundenportfolio.reports.privacy_pdf import CODES
from kundenportfolio.reports.report_html import document, esc, fields, heading, table, title_block

if TYPE_CHECKING:
    from kundenportfolio.core.models import Contact, Customer
    from kundenportfolio.data.portfolio_store import PortfolioStore
    from kundenportfolio.data.repository import Repository

TITLE = "Kundenblatt"
LAST_CONTACTS = 10
CONTACT_COLUMNS = [("Datum", "left", "16%"), ("Art", "left", "13%"), ("Betreuer", "left", "15%"),
                   ("Betreff", "left", "28%"), ("Ergebnis / Notiz", "left", "28%")]
YEAR_COLUMNS = [("Jahr", "left", "30%"), ("Aufträge", "right", "30%"), ("Umsatz", "right", "40%")]
COMPLAINT_COLUMNS = [("Datum", "left", "16%"), ("Betreff", "left", "34%"),
                     ("Notiz", "left", "34%"), ("Umsatzwirkung", "right", "16%")]
SUGGESTION_COLUMNS = [("Anlass", "left", "30%"), ("Detail", "left", "30%"),
                      ("Vorschlag", "left", "25%"), ("Art", "left", "15%")]


def revenue_per_year(repository: Repository, customer_id: int) -> list[tuple[int, int, int]]:
    """(year, orders, Umsatz cents) oldest first; credit notes count against the revenue."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for order in repository.list_orders(customer_id):
        entry = totals[order.order_date.year]
        entry[0] += 0 if order.is_credit_note else 1
        entry[1] += order.amount_cents
    return [(year, n, cents) for year, (n, cents) in sorted(totals.items())]


def _type(contact: Contact) -> str:
    return CODES["type"].get(str(contact.type), str(contact.type))


def _when(moment: dt.datetime) -> str:
    # orders are logged at midnight: a time of 00:00 says nothing
    return german_date(moment.date() if moment.time() == dt.time() else moment)


def _address(customer: Customer) -> str:
    place = " ".join(p for p in (customer.postcode, customer.city) if p)
    return "<br>".join(esc(p) for p in (customer.street, place, customer.country) if p)


def _suggestions(repository: Repository, table_row: Any, customer_id: int, today: dt.date,
                 settings: dict[str, Any]) -> list[list[str]]:
    from kundenportfolio.core.suggestions import build_suggestions
    from kundenportfolio.data.engagement import load_engagement

    engagement = load_engagement(repository, today, customer_id)
    found = build_suggestions(table_row, engagement, repository.list_instruments(), settings, today)
    return [[esc(r.reason_text), esc(r.detail), esc(r.instrument_name), esc(r.kind)]
            for r in found.itertuples(index=False)]


def customer_sheet_report(repository: Repository, store: PortfolioStore, customer_id: int,
                          period: Period | None = None, *, today: dt.date | None = None) -> Report:
    """The Kundenblatt of `customer_id`; group/rank/Kundenwert for `period` (default 12 months)."""
    today = today or dt.date.today()
    period = period or Period.last_12_months(today)
    settings = repository.all_settings()
    number_format = str(settings["number_format"])
    customer = repository.get_customer(customer_id)
    staff = {s.id: s.name for s in repository.list_staff()}
    result_table = store.result(period).table
    row = result_table.loc[[customer_id]] if customer_id in result_table.index else result_table.iloc[:0]

    def money(cents: Any) -> str:
        return esc(format_money(int(cents), number_format))

    parts = [title_block(f"{TITLE}: {customer.name}", [
        f"Kundennummer {esc(customer.number)} · Zeitraum: {esc(period.label)}"])]
    master = [
        ("Kundennummer", esc(customer.number)), ("Firma / Name", esc(customer.name)),
        ("Ansprechpartner", esc(customer.contact_person)), ("Adresse", _address(customer)),
        ("Telefon", esc(customer.phone)), ("E-Mail", esc(customer.email)),
        ("Branche", esc(customer.industry)), ("Kunde seit", esc(german_date(customer.customer_since))),
        ("Status", esc(CODES["status"].get(str(customer.status), str(customer.status)))),
        ("Betreuer/in", esc(staff.get(customer.staff_id, "– keine/r –"))),
    ]
    parts += [heading("Stammdaten"), fields(master)]
    if customer.notes:
        parts.append(f"<p><b>Notizen:</b> {esc(customer.notes)}</p>")
    parts.append(heading("Kundenwert und Gruppe"))
    if row.empty:
        parts.append("<p>Für diesen Zeitraum liegt kein Kundenwert vor.</p>")
    else:
        r = row.iloc[0]
        group = esc(group_label(settings, str(r["group"])))
        if bool(r["overridden"]):
            group += " (manuell festgelegt" + (f": {esc(r['override_reason'])}" if
                                               r["override_reason"] else "") + ")"
        parts.append(fields([
            ("Gruppe", group), ("Rang", f"{int(r['rank'])} von {len(result_table)}"),
            ("ABC-Klasse", esc(r["abc"])), ("Umsatz", money(r["revenue_cents"])),
            ("Kundenwert (KDB IV)", money(r["kundenwert_cents"])),
            ("Letzter Auftrag", esc(german_date(r["last_order_date"]) if r["last_order_date"] else "")),
        ]))
    years = revenue_per_year(repository, customer_id)
    parts.append(heading("Umsatz je Jahr"))
    parts.append(table(YEAR_COLUMNS, [[str(y), str(n), money(c)] for y, n, c in years])
                 if years else "<p>Noch keine Aufträge.</p>")

    contacts = sorted(repository.list_contacts(customer_id), key=lambda c: c.occurred_at, reverse=True)
    parts.append(heading(f"Letzte {LAST_CONTACTS} Kontakte"))
    parts.append(table(CONTACT_COLUMNS, [
        [esc(_when(c.occurred_at)), esc(_type(c)), esc(staff.get(c.staff_id, "")),
         esc(c.subject), esc(c.outcome or c.notes)] for c in contacts[:LAST_CONTACTS]
    ]) if contacts else "<p>Noch keine Kontakte.</p>")

    open_complaints = [c for c in contacts if c.type == ContactType.COMPLAINT
                       and c.complaint_status == ComplaintStatus.OPEN]
    parts.append(heading(f"Offene Reklamationen ({len(open_complaints)})"))
    parts.append(table(COMPLAINT_COLUMNS, [
        [esc(_when(c.occurred_at)), esc(c.subject), esc(c.notes),
         money(c.revenue_impact_cents) if c.revenue_impact_cents is not None else ""]
        for c in open_complaints
    ]) if open_complaints else "<p>Keine offenen Reklamationen.</p>")

    parts.append(heading("Vorgeschlagener nächster Schritt"))
    suggestions = _suggestions(repository, row, customer_id, today, settings) if not row.empty else []
    parts.append(table(SUGGESTION_COLUMNS, suggestions) if suggestions
                 else "<p>Zurzeit kein Vorschlag.</p>")
    return Report(title=f"{TITLE} {customer.number}", blocks=[Html(document("".join(parts)))],
                  company=str(settings["company_name"]), logo_path=str(settings["company_logo_path"]),
                  printed=today)
