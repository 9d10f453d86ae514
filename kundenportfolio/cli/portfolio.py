"""`kundenportfolio portfolio`: Kundenwert, rank, ABC, scores and group of every customer.

Without --out a readable German table on the terminal; with --out FILE.csv a CSV with decimal
point and no thousands separator (amounts in currency units), with --out FILE.xlsx a workbook
with real numbers and number formats.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kundenportfolio.cli.common import add_db_options, open_repository, output_file
from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.money import format_money, format_units_plain
from kundenportfolio.core.periods import Period

if TYPE_CHECKING:  # pandas costs ~0.4 s at start-up; only commands that compute need it
    import pandas as pd

    from kundenportfolio.core.portfolio import PortfolioResult

# (header, table column, kind) — kind: money, int, score, text, group, flag
EXPORT_COLUMNS: list[tuple[str, str, str]] = [
    ("Kundennummer", "number", "text"),
    ("Name", "name", "text"),
    ("Umsatz", "revenue_cents", "money"),
    ("Erlösschmälerungen", "reductions_cents", "money"),
    ("Nettoerlös", "net_cents", "money"),
    ("KDB I", "kdb1_cents", "money"),
    ("KDB II", "kdb2_cents", "money"),
    ("KDB III", "kdb3_cents", "money"),
    ("KDB IV", "kdb4_cents", "money"),
    ("Kundenwert", "kundenwert_cents", "money"),
    ("Kundenlebenszeitwert", "clv_cents", "money"),
    ("Rang", "rank", "int"),
    ("ABC", "abc", "text"),
    ("Attraktivität", "attractiveness", "score"),
    ("Lieferantenposition", "position", "score"),
    ("Gruppe", "group", "group"),
    ("Gruppe manuell", "overridden", "flag"),
    ("Unrentabel", "unprofitable", "flag"),  # KDB IV below zero
    ("Ohne Aufträge", "no_orders", "flag"),  # no order in the period
]
TERMINAL_COLUMNS = ["Rang", "Kundennummer", "Name", "Umsatz", "KDB IV", "ABC", "Attraktivität",
                    "Lieferantenposition", "Gruppe", "Gruppe manuell"]


def add_period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", default="12m", metavar="ZEITRAUM",
                        help="12m (letzte 12 Monate, Standard), ein Jahr wie 2025, oder all.")
    parser.add_argument("--as-of", dest="as_of", default=None, metavar="JJJJ-MM-TT",
                        help="Stichtag für 12m und all (Standard: heute).")


def period_from_args(args: argparse.Namespace) -> Period:
    try:
        as_of = dt.date.fromisoformat(args.as_of) if args.as_of else dt.date.today()
    except ValueError:
        raise ValidationError(FieldError(
            "--as-of", f"«{args.as_of}» ist kein Datum im Format JJJJ-MM-TT.")) from None
    try:
        return Period.parse(args.period, as_of)
    except ValueError as exc:
        raise ValidationError(FieldError("--period", str(exc))) from None


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "portfolio", help="Kundenwert, Rang, ABC und Gruppe aller Kunden ausgeben.",
        description="Berechnet für jeden Kunden Umsatz, KDB I–IV, Kundenwert, Rang, ABC-Klasse, "
        "Attraktivität, Lieferantenposition und Gruppe. Ohne --out als Tabelle im Terminal.",
    )
    add_db_options(parser)
    add_period_options(parser)
    parser.add_argument("--out", type=Path, default=None, metavar="DATEI",
                        help="In eine Datei schreiben: DATEI.csv oder DATEI.xlsx.")
    parser.set_defaults(func=run)


def compute(args: argparse.Namespace) -> tuple[PortfolioResult, dict[str, Any]]:
    from kundenportfolio.data.portfolio_store import PortfolioStore

    period = period_from_args(args)
    repository = open_repository(args, write=False)
    return PortfolioStore(repository).result(period), repository.all_settings()


def run(args: argparse.Namespace) -> int:
    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise ValidationError(FieldError("--out", "Die Datei muss auf .csv oder .xlsx enden."))
    result, settings = compute(args)
    table = result.table.sort_values(["rank", "number"])
    if out is None:
        print(f"Kundenportfolio – {result.period.label}")
        print(render_table(table, settings, TERMINAL_COLUMNS))
        print(summary_line(result, settings))
        return 0
    with output_file(out) as temp:
        if out.suffix.lower() == ".csv":
            write_csv(table, settings, temp)
        else:
            write_xlsx(table, settings, temp, result.period.label)
    print(f"{len(table)} Kunden geschrieben: {out}")
    return 0


def group_label(settings: dict[str, Any], code: Any) -> str:
    """The group's display name; core.scoring (pandas) is imported only when a command runs."""
    from kundenportfolio.core.scoring import group_label as label

    return label(settings, code)


# ---- output ----------------------------------------------------------------------------


def _cell(kind: str, raw: Any, settings: dict[str, Any], number_format: str | None) -> str:
    """One value as text: number_format None = machine-readable (CSV), else German display."""
    if kind == "money":
        return format_units_plain(int(raw)) if number_format is None else format_money(
            int(raw), number_format)
    if kind == "score":
        text = f"{float(raw):.1f}"
        return text if number_format in (None, "de-CH") else text.replace(".", ",")
    if kind == "int":
        return str(int(raw))
    if kind == "group":
        return group_label(settings, str(raw))
    if kind == "flag":
        return "ja" if bool(raw) else "nein"
    return "" if raw is None or (isinstance(raw, float) and math.isnan(raw)) else str(raw)


def _columns(selected: list[str] | None) -> list[tuple[str, str, str]]:
    if selected is None:
        return EXPORT_COLUMNS
    by_header = {c[0]: c for c in EXPORT_COLUMNS}
    return [by_header[h] for h in selected]


def render_table(table: pd.DataFrame, settings: dict[str, Any], headers: list[str] | None = None,
                 ) -> str:
    """A plain-text table with German number formats, numbers right-aligned."""
    columns = _columns(headers)
    number_format = str(settings.get("number_format", "de-CH"))
    cells = [[_cell(kind, v, settings, number_format) for v in table[col]]
             for _, col, kind in columns]
    lines = []
    widths = [max([len(h)] + [min(len(x), 40) for x in c]) for (h, _, _), c in zip(columns, cells,
                                                                                      strict=True)]
    right = [kind in ("money", "score", "int") for _, _, kind in columns]
    align: Callable[[str, int, bool], str] = lambda s, w, r: s[:w].rjust(w) if r else s[:w].ljust(w)  # noqa: E731
    lines.append("  ".join(align(h, w, r) for (h, _, _), w, r in zip(columns, widths, right,
                                                                       strict=True)))
    lines.append("  ".join("-" * w for w in widths))
    for i in range(len(table)):
        lines.append("  ".join(align(c[i], w, r) for c, w, r in zip(cells, widths, right,
                                                                       strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def summary_line(result: PortfolioResult, settings: dict[str, Any]) -> str:
    summary = result.group_summary()
    parts = [f"{group_label(settings, g)}: {int(row['count'])}" for g, row in summary.iterrows()]
    return f"{len(result.table)} Kunden. " + ", ".join(parts) + "."


def _plain_column(values: list[Any], kind: str, settings: dict[str, Any]) -> list[str]:
    """A whole column as CSV text at once (per-cell dispatch is slow for 100,000 rows)."""
    if kind == "money":
        # cents / 100 printed with two decimals is exact for any amount below 10^13
        return [f"{v / 100:.2f}" for v in values]
    if kind == "score":
        return [f"{float(v):.1f}" for v in values]
    if kind == "int":
        return [str(int(v)) for v in values]
    if kind == "group":
        labels = {g: group_label(settings, g) for g in set(values)}
        return [labels[v] for v in values]
    return [_cell(kind, v, settings, None) for v in values]


def write_csv(table: pd.DataFrame, settings: dict[str, Any], path: Path) -> None:
    # utf-8-sig so that Excel shows the umlauts; decimal point, no thousands separator
    columns = [_plain_column(table[col].tolist(), kind, settings) for _, col, kind in EXPORT_COLUMNS]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([h for h, _, _ in EXPORT_COLUMNS])
        writer.writerows(zip(*columns, strict=True))


def write_xlsx(table: pd.DataFrame, settings: dict[str, Any], path: Path, title: str) -> None:
    """Real numbers with number formats; write-only mode keeps 100,000 rows in little memory."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kundenportfolio")
    formats = {"money": "#,##0.00", "score": "0.0", "int": "0"}
    for index, (header, _, kind) in enumerate(EXPORT_COLUMNS):
        letter = chr(ord("A") + index)
        width = 32 if header == "Name" else max(len(header) + 2, 14 if kind == "money" else 8)
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C2"
    bold = Font(bold=True)
    header_cells = []
    for header, _, _ in EXPORT_COLUMNS:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    columns = [(table[col].tolist(), kind) for _, col, kind in EXPORT_COLUMNS]
    for i in range(len(table)):
        row: list[Any] = []
        for values, kind in columns:
            raw = values[i]
            if kind in formats:
                number = int(raw) / 100 if kind == "money" else (
                    round(float(raw), 2) if kind == "score" else int(raw))
                cell = WriteOnlyCell(sheet, value=number)
                cell.number_format = formats[kind]
                row.append(cell)
            else:
                row.append(_cell(kind, raw, settings, "de-CH"))
        sheet.append(row)
    workbook.properties.title = f"Kundenportfolio – {title}"
    workbook.save(path)
