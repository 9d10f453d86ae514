"""Export of the forecast planning table (issue 5) to CSV (German Excel) or XLSX."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kundenportfolio.reports.export import Column, write_csv, write_xlsx

PLAN_EXPORT_COLUMNS = [
    Column("Gruppe", "Gruppe"),
    Column("Art", "Art"),
    Column("Zeitraum", "period"),
    Column("Beginn", "start", "date"),
    Column("Erwartet", "expected_cents", "money"),
    Column("Untergrenze (10 %)", "low_cents", "money"),
    Column("Obergrenze (90 %)", "high_cents", "money"),
]


def write_plan(plan: pd.DataFrame, out: Path) -> int:
    """`plan` as from core.forecast_plan.plan_table with German columns Gruppe and Art added."""
    rows = plan.to_dict("records")
    if out.suffix.lower() == ".xlsx":
        return write_xlsx(out, PLAN_EXPORT_COLUMNS, rows, sheet_title="Planung")
    return write_csv(out, PLAN_EXPORT_COLUMNS, rows)
