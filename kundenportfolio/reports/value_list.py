"""The Kundenwertliste: every customer by rank, with totals per group and overall.

Rows come from `PortfolioResult.table`, sorted by rank (then number), optionally filtered by
group, Betreuer and ABC class. Amounts in the `number_format` setting, dates TT.MM.JJJJ.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from kundenportfolio.core.models import Group
from kundenportfolio.core.money import format_money
from kundenportfolio.core.scoring import group_label
from kundenportfolio.reports.charts import GROUP_ORDER
from kundenportfolio.reports.page_layout import Block, Grid, Html
from kundenportfolio.reports.pdf import Report
from kundenportfolio.reports.report_html import document, esc, heading, text, title_block

if TYPE_CHECKING:
    from kundenportfolio.core.periods import Period
    from kundenportfolio.data.portfolio_store import PortfolioStore
    from kundenportfolio.data.repository import Repository

TITLE = "Kundenwertliste"
COLUMNS = [("Rang", "right", 0.06), ("Nr.", "left", 0.075), ("Name", "left", 0.195),
           ("Ort", "left", 0.12), ("Betreuer", "left", 0.105), ("Gruppe", "left", 0.165),
           ("ABC", "left", 0.05), ("Umsatz", "right", 0.11), ("Kundenwert", "right", 0.12)]
TOTAL_COLUMNS = [("Gruppe", "left", 0.4), ("Kunden", "right", 0.2),
                 ("Umsatz", "right", 0.2), ("Kundenwert", "right", 0.2)]


def filter_table(table: pd.DataFrame, *, group: str | None = None, staff_id: int | None = None,
                 abc: str | None = None) -> pd.DataFrame:
    """The rows the list shows, best rank first (ties by customer number)."""
    rows = table
    if group:
        rows = rows[rows["group"] == Group(group).value]
    if staff_id is not None:
        rows = rows[rows["staff_id"] == staff_id]
    if abc:
        rows = rows[rows["abc"] == abc.upper()]
    return rows.sort_values(["rank", "number"], kind="stable")


def group_totals(rows: pd.DataFrame) -> list[tuple[str, int, int, int]]:
    """(group code, customers, Umsatz cents, Kundenwert cents) for each group present, in
    portfolio order, then ("", all customers, total Umsatz, total Kundenwert)."""
    out: list[tuple[str, int, int, int]] = []
    for code in GROUP_ORDER:
        sub = rows[rows["group"] == code]
        if len(sub):
            out.append((code, len(sub), int(sub["revenue_cents"].sum()),
                        int(sub["kundenwert_cents"].sum())))
    out.append(("", len(rows), int(rows["revenue_cents"].sum()), int(rows["kundenwert_cents"].sum())))
    return out


def _filter_lines(repository: Repository, settings: dict[str, Any], group: str | None,
                  staff_id: int | None, abc: str | None) -> list[str]:
    parts = []
    if group:
        parts.append(f"Gruppe: {esc(group_label(settings, group))}")
    if staff_id is not None:
        parts.append(f"Betreuer: {esc(repository.get_staff(staff_id).name)}")
    if abc:
        parts.append(f"ABC-Klasse: {esc(abc.upper())}")
    return ["Filter: " + " · ".join(parts)] if parts else []


def value_list_report(repository: Repository, store: PortfolioStore, period: Period, *,
                      group: str | None = None, staff_id: int | None = None, abc: str | None = None,
                      today: dt.date | None = None) -> Report:
    """The Kundenwertliste as a Report (paint it with pdf.paint_report or write_report_pdf)."""
    settings = repository.all_settings()
    number_format = str(settings["number_format"])
    rows = filter_table(store.result(period).table, group=group, staff_id=staff_id, abc=abc)
    labels = {code: group_label(settings, code) for code in GROUP_ORDER}

    def money(cents: Any) -> str:
        return format_money(int(cents), number_format)

    # Grid cells are painted as plain text: nothing to escape, markup stays literal.
    body_rows = [
        [str(int(r.rank)), text(r.number), text(r.name), text(r.city), text(r.staff_name),
         labels.get(str(r.group), str(r.group)), text(r.abc), money(r.revenue_cents),
         money(r.kundenwert_cents)]
        for r in rows.itertuples(index=False)
    ]
    count = len(rows)
    lines = [f"Zeitraum: {esc(period.label)}", *_filter_lines(repository, settings, group, staff_id, abc),
             f"{count} {'Kunde' if count == 1 else 'Kunden'}, sortiert nach Rang (Kundenwert = KDB IV)"]
    blocks: list[Block] = [Html(document(title_block(TITLE, lines)))]
    if body_rows:
        blocks.append(Grid(COLUMNS, body_rows))
    else:
        blocks.append(Html(document("<p>Keine Kunden für diese Auswahl.</p>")))
    totals = group_totals(rows)
    blocks.append(Html(document(heading("Summen je Gruppe"))))
    blocks.append(Grid(
        TOTAL_COLUMNS,
        [[labels[code], str(n), money(rev), money(kw)] for code, n, rev, kw in totals[:-1]]
        + [["Gesamt", str(totals[-1][1]), money(totals[-1][2]), money(totals[-1][3])]],
        total_rows=1,
    ))
    return Report(title=TITLE, blocks=blocks, company=str(settings["company_name"]),
                  logo_path=str(settings["company_logo_path"]), printed=today or dt.date.today())
