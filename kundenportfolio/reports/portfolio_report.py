"""The portfolio report: matrix chart, customers and Kundenwert share per quadrant, the strategy
of each group and the customers who moved group since the previous period.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kundenportfolio.core.money import format_money
from kundenportfolio.core.scoring import group_label, group_strategy
from kundenportfolio.reports.charts import (
    GROUP_COLOURS,
    GROUP_ORDER,
    format_percent,
    portfolio_figure,
    quadrant_stats,
)
from kundenportfolio.reports.page_layout import Block, Grid, Html
from kundenportfolio.reports.pdf import Report
from kundenportfolio.reports.report_html import document, esc, heading, table, text, title_block

if TYPE_CHECKING:
    from kundenportfolio.core.periods import Period
    from kundenportfolio.data.portfolio_store import PortfolioStore
    from kundenportfolio.data.repository import Repository

TITLE = "Portfolio-Bericht"
CHART = "portfolio-chart.png"
MAX_MOVEMENTS = 500  # a longer list belongs in an export, not on paper
QUADRANT_COLUMNS = [("Gruppe", "left", "40%"), ("Kunden", "right", "15%"),
                    ("Kundenwert", "right", "25%"), ("Anteil", "right", "20%")]
MOVEMENT_COLUMNS = [("Nr.", "left", 0.12), ("Name", "left", 0.40),
                    ("von", "left", 0.24), ("nach", "left", 0.24)]


def chart_image(table: Any, thresholds: tuple[float, float], labels: dict[str, str],
                number_format: str) -> Any:
    """The matrix as a QImage (PNG rendered by matplotlib at print resolution)."""
    from io import BytesIO

    from PySide6.QtGui import QImage

    figure = portfolio_figure(table, thresholds, labels, number_format=number_format,
                              figsize=(7.0, 5.6))
    figure.subplots_adjust(bottom=0.12)  # room for the "Schwarzer Rand" note below the axis label
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=200)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def portfolio_report(repository: Repository, store: PortfolioStore, period: Period, *,
                     today: dt.date | None = None) -> Report:
    """The portfolio report of `period` as a Report."""
    from kundenportfolio.reports.pdf import ensure_application

    ensure_application()  # QImage needs the GUI application
    settings = repository.all_settings()
    number_format = str(settings["number_format"])
    result = store.result(period)
    labels = {code: group_label(settings, code) for code in GROUP_ORDER}
    image = chart_image(result.table, result.thresholds, labels, number_format)
    total = int(result.table["kundenwert_cents"].sum())
    count = len(result.table)
    parts = [title_block(TITLE, [f"Zeitraum: {esc(period.label)}",
                                 f"{count} {'Kunde' if count == 1 else 'Kunden'}, "
                                 f"Kundenwert gesamt {esc(format_money(total, number_format))}"])]
    # 170 mm wide image: QTextDocument sizes <img> in 96-dpi pixels (640 px = 169 mm)
    parts.append(f"<p align='center'><img src='{CHART}' width='640' height='512'></p>")
    stats = quadrant_stats(result.table)
    by_group = result.table.groupby("group")["kundenwert_cents"].sum()
    rows = [[f"<span style='color:{GROUP_COLOURS[code]}'>■</span> {esc(labels[code])}",
             str(stats[code][0]), esc(format_money(int(by_group.get(code, 0)), number_format)),
             esc(format_percent(stats[code][1], number_format))] for code in GROUP_ORDER]
    parts.append(heading("Kunden und Kundenwert je Quadrant"))
    parts.append(table(QUADRANT_COLUMNS, rows, totals=[[
        "Gesamt", str(count), esc(format_money(total, number_format)),
        esc(format_percent(100.0 if total else 0.0, number_format))]]))
    parts.append(heading("Strategien je Gruppe"))
    for code in GROUP_ORDER:
        parts.append(f"<p style='margin-bottom: 4pt'><b>{esc(labels[code])}</b><br>"
                     f"{esc(group_strategy(settings, code))}</p>")
    previous = period.previous()
    movements = store.movements(previous.key, period.key)
    blocks: list[Block] = [Html(document("".join(parts)))]
    moved = [heading("Gruppenwechsel gegenüber dem vorherigen Zeitraum"),
             f"<p>Vorheriger Zeitraum: {esc(previous.label)}</p>"]
    if movements.empty:
        moved.append("<p>Keine Gruppenwechsel erfasst. Wechsel erscheinen, sobald die Gruppen beider "
                     "Zeiträume im Verlauf gespeichert sind.</p>")
        blocks.append(Html(document("".join(moved))))
    else:
        moved.append(f"<p>{len(movements)} {'Kunde' if len(movements) == 1 else 'Kunden'} "
                     "mit anderer Gruppe:</p>")
        blocks.append(Html(document("".join(moved)), keep_with_next=True))
        blocks.append(Grid(MOVEMENT_COLUMNS, [
            [text(m.number), text(m.name), labels.get(str(m.from_group), text(m.from_group)),
             labels.get(str(m.to_group), text(m.to_group))]
            for m in movements.head(MAX_MOVEMENTS).itertuples(index=False)]))
        if len(movements) > MAX_MOVEMENTS:
            blocks.append(Html(document(f"<p>… und {len(movements) - MAX_MOVEMENTS} weitere "
                                        "(vollständig in der Portfolio-Ansicht und im Export).</p>")))
    return Report(title=TITLE, blocks=blocks, company=str(settings["company_name"]),
                  logo_path=str(settings["company_logo_path"]), printed=today or dt.date.today(),
                  images={CHART: image})
