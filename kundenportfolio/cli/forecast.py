"""`kundenportfolio forecast` and `kundenportfolio backtest` (issue 5).

Contract used by automated evaluation (do not change):
    kundenportfolio forecast --as-of YYYY-MM-DD --horizon-days N [--db PATH] --out FILE.csv
writes one row per customer, header `customer_number,expected_revenue,low,high`, decimal
point, no thousands separator, amounts in currency units; only orders dated on or before
--as-of are read, the forecast is the net revenue of the N days after it.
`--plan` writes the planning table (next 12 months by group, month, quarter) instead.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kundenportfolio.cli.common import add_db_options, open_repository, output_file
from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.money import format_units_plain

if TYPE_CHECKING:  # pandas costs ~0.4 s at start-up; only commands that compute need it
    import pandas as pd

CONTRACT_HEADER = ["customer_number", "expected_revenue", "low", "high"]
PLAN_HEADER = ["Gruppe", "Art", "Zeitraum", "Beginn", "Erwartet", "Untergrenze", "Obergrenze"]


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(FieldError(option, f"«{text}» ist kein Datum im Format JJJJ-MM-TT.")
                              ) from None


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "forecast", help="Umsatzprognose je Kunde (oder Planungstabelle) berechnen.",
        description="Erwarteter Nettoumsatz je Kunde in den N Tagen nach dem Stichtag, mit "
        "Bandbreite (10 %/90 %). Es werden nur Aufträge bis und mit Stichtag gelesen.",
    )
    add_db_options(parser)
    parser.add_argument("--as-of", dest="as_of", default=None, metavar="JJJJ-MM-TT",
                        help="Stichtag (Standard: heute).")
    parser.add_argument("--horizon-days", dest="horizon_days", type=int, default=None,
                        metavar="N", help="Prognosezeitraum in Tagen (Standard: Einstellung, 365).")
    parser.add_argument("--out", type=Path, default=None, metavar="DATEI",
                        help="Zieldatei .csv (mit --plan auch .xlsx). Ohne: Übersicht im Terminal.")
    parser.add_argument("--plan", action="store_true",
                        help="Planungstabelle: erwarteter Umsatz der nächsten 12 Monate je Gruppe, "
                        "Monat und Quartal mit Bandbreite.")
    parser.add_argument("--customer", default=None, metavar="NUMMER",
                        help="Nur einen Kunden zeigen: Umsatz je Jahr mit Erklärungen, Prognose, "
                        "Abwanderungsgefahr.")
    parser.set_defaults(func=run)

    backtest = commands.add_parser(
        "backtest", help="Prognosegüte prüfen: letzte Periode verdecken und vorhersagen.",
        description="Verdeckt die letzten N Tage, prognostiziert sie mit dem Produktionsmodell, "
        "BG/NBD + Gamma-Gamma, der naiven Vorperiode und dem gleitenden Durchschnitt, und "
        "vergleicht mit dem tatsächlichen Umsatz (RMSE, MAE, Summenfehler, Trefferquote Top 10 %).",
    )
    add_db_options(backtest)
    backtest.add_argument("--holdout-days", dest="holdout_days", type=int, default=365,
                          metavar="N", help="Länge der verdeckten Periode in Tagen (Standard: 365).")
    backtest.add_argument("--as-of", dest="as_of", default=None, metavar="JJJJ-MM-TT",
                          help="Ende der verdeckten Periode (Standard: letzter Auftrag).")
    backtest.set_defaults(func=run_backtest)


def run(args: argparse.Namespace) -> int:
    from kundenportfolio.core.forecast import ForecastSettings, forecast_customers

    as_of = _date(args.as_of, "--as-of") or dt.date.today()
    if args.horizon_days is not None and args.horizon_days < 1:
        raise ValidationError(FieldError("--horizon-days", "N muss mindestens 1 sein."))
    out: Path | None = args.out
    allowed = (".csv", ".xlsx") if args.plan else (".csv",)
    if out is not None and out.suffix.lower() not in allowed:
        raise ValidationError(FieldError("--out", "Die Datei muss auf "
                                         + " oder ".join(allowed) + " enden."))
    from kundenportfolio.data.order_history import load_forecast_inputs

    repository = open_repository(args, write=False)
    if args.customer:
        try:
            return _customer(repository, args.customer, as_of, args.horizon_days)
        finally:
            repository.db.close()
    try:
        started = time.perf_counter()
        inputs = load_forecast_inputs(repository, as_of, annotations=False)
        settings = ForecastSettings.from_values(inputs.settings)
        horizon = 365 if args.plan else (args.horizon_days or settings.horizon_days)
        table, info = forecast_customers(inputs.orders, inputs.customers, as_of, horizon, settings)
        if args.plan:
            return _plan(repository, inputs, table, as_of, out)
    finally:
        repository.db.close()
    if out is None:
        _print_summary(table, as_of, horizon, info.method, time.perf_counter() - started,
                       str(inputs.settings.get("number_format", "de-CH")))
        return 0
    with output_file(out) as temp:
        write_contract_csv(table, temp)
    print(f"Prognose für {len(table)} Kunden ({horizon} Tage nach {as_of:%d.%m.%Y}) nach {out} "
          "geschrieben.")
    return 0


def write_contract_csv(table: pd.DataFrame, out: Path) -> None:
    """The evaluation contract: customer_number,expected_revenue,low,high (currency units)."""
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CONTRACT_HEADER)
        for number, expected, low, high in zip(
                table["number"], table["expected_cents"], table["low_cents"], table["high_cents"],
                strict=True):
            writer.writerow([number, format_units_plain(int(expected)), format_units_plain(int(low)),
                             format_units_plain(int(high))])


def _print_summary(table: pd.DataFrame, as_of: dt.date, horizon: int, method: str,
                   seconds: float, number_format: str) -> None:
    from kundenportfolio.core.money import format_money as money

    def format_money(cents: int) -> str:
        return money(cents, number_format)

    total = int(table["expected_cents"].sum())
    how = "gelernte Mischung" if method == "model" else "gedämpfter Trend (wenige Kunden oder kurze Historie)"
    print(f"Prognose {horizon} Tage nach {as_of:%d.%m.%Y} ({how}, "
          f"{seconds:.1f} s): {len(table)} Kunden, erwartet {format_money(total)}")
    print(f"Abwanderungsgefahr: {int(table['at_risk'].sum())} Kunden; "
          f"zu wenig Daten: {int(table['status'].isin(['few_data', 'no_orders']).sum())} Kunden.")
    top = table.sort_values("expected_cents", ascending=False).head(10)
    for row in top.itertuples():
        print(f"  {row.number:<10} {str(row.name)[:34]:<34} {format_money(int(row.expected_cents)):>14}"
              f"  ({format_money(int(row.low_cents))} – {format_money(int(row.high_cents))})")


def _groups(repository, as_of: dt.date) -> pd.Series | None:  # type: ignore[no-untyped-def]
    """Group per customer from the portfolio (last 12 months); None if it is not available."""
    try:
        from kundenportfolio.core.periods import Period
        from kundenportfolio.data.portfolio_store import PortfolioStore
    except ImportError:
        return None
    return PortfolioStore(repository).result(Period.last_12_months(as_of)).table["group"]


def _plan(repository, inputs, table: pd.DataFrame, as_of: dt.date,  # type: ignore[no-untyped-def]
          out: Path | None) -> int:
    from kundenportfolio.core.forecast_plan import KIND_LABELS, plan_table, seasonal_profile
    from kundenportfolio.core.models import Group
    from kundenportfolio.core.money import format_money as money

    def format_money(cents: int) -> str:
        return money(cents, str(inputs.settings.get("number_format", "de-CH")))
    from kundenportfolio.core.scoring import group_label

    plan = plan_table(table, _groups(repository, as_of), seasonal_profile(inputs.orders, as_of),
                      as_of)
    labels = {g.value: group_label(inputs.settings, g) for g in Group}
    labels.update({"alle": "Alle Kunden", "ohne": "Ohne Gruppe"})
    plan["Gruppe"] = plan["group"].map(labels).fillna(plan["group"])
    plan["Art"] = plan["kind"].map(KIND_LABELS)
    if out is None:
        shown = plan[plan["kind"].isin(["quarter", "total"])]
        for row in shown.itertuples():
            print(f"{row.Gruppe:<20} {row.Art:<9} {row.period:<17} "
                  f"{format_money(int(row.expected_cents)):>16} ({format_money(int(row.low_cents))}"
                  f" – {format_money(int(row.high_cents))})")
        return 0
    from kundenportfolio.reports.forecast_export import write_plan

    with output_file(out) as temp:
        write_plan(plan, temp)
    print(f"Planungstabelle ({len(plan)} Zeilen) nach {out} geschrieben.")
    return 0


def run_backtest(args: argparse.Namespace) -> int:
    from kundenportfolio.core.backtest import format_scores
    from kundenportfolio.core.backtest import run_backtest as backtest
    from kundenportfolio.data.order_history import latest_order_date, load_orders

    if args.holdout_days < 1:
        raise ValidationError(FieldError("--holdout-days", "N muss mindestens 1 sein."))
    repository = open_repository(args, write=False)
    try:
        end = _date(args.as_of, "--as-of") or latest_order_date(repository)
        if end is None:
            print("Keine Aufträge: nichts zu prüfen.")
            return 0
        orders = load_orders(repository, end)
    finally:
        repository.db.close()
    import pandas as pd

    cutoff = pd.Timestamp(end) - pd.Timedelta(days=args.holdout_days)
    customers = orders.loc[orders["order_date"] <= cutoff, "customer_id"].nunique()
    print(f"Backtest: Aufträge bis {cutoff:%d.%m.%Y} bekannt, verdeckt {args.holdout_days} Tage "
          f"bis {end:%d.%m.%Y}; Beträge in Währungseinheiten.")
    if customers == 0:
        print("Vor der verdeckten Periode gibt es keine Aufträge: nichts zu prüfen.")
        return 0
    print(format_scores(backtest(orders, end, args.holdout_days), customers))
    return 0


def _customer(repository, number: str, as_of: dt.date,  # type: ignore[no-untyped-def]
              horizon: int | None) -> int:
    """One customer on the terminal: years with notes, statistics, forecast, risk."""
    import pandas as pd

    from kundenportfolio.core.errors import NotFoundError
    from kundenportfolio.core.money import format_money as money
    from kundenportfolio.data.forecast_store import ForecastStore

    try:
        customer = repository.get_customer_by_number(number)
    except NotFoundError:
        raise ValidationError(FieldError("--customer", f"Den Kunden {number} gibt es nicht.")
                              ) from None
    number_format = str(repository.get_setting("number_format"))
    store = ForecastStore(repository)
    detail = store.customer(int(customer.id), as_of, horizon)
    row = detail.forecast
    print(f"{customer.number} {customer.name} – Stichtag {as_of:%d.%m.%Y}")
    for year, item in detail.years.iterrows():
        partial = " (bis Stichtag)" if item["partial"] else ""
        change = "" if pd.isna(item["change_percent"]) else f" {item['change_percent']:+.0f} %"
        note = f"  – {item['note']}" if item["note"] else ""
        print(f"  {year}{partial:<15} {money(int(item['revenue_cents']), number_format):>14}"
              f"{change}{note}")

    def cents(value: object) -> str:
        return "–" if pd.isna(value) else money(int(round(float(value))), number_format)  # type: ignore[arg-type]

    def number(value: object, suffix: str = "", digits: int = 0) -> str:
        return "–" if pd.isna(value) else f"{float(value):.{digits}f}{suffix}"  # type: ignore[arg-type]

    print(f"Jahresmittel {cents(row['mean_cents'])}, Standardabweichung {cents(row['std_cents'])}, "
          f"Variationskoeffizient {number(row['cv'], '', 2)}, "
          f"Trend {number(row['trend_percent'], ' % pro Jahr')}")
    days = horizon or store.settings().horizon_days
    print(f"Prognose {days} Tage: {cents(row['expected_cents'])} ({cents(row['low_cents'])} – "
          f"{cents(row['high_cents'])})"
          + ("" if row["status"] == "ok" else f" – {row['status_label']}"))
    print("Abwanderungsgefahr: " + (row["reasons"] if row["at_risk"] else "nein"))
    return 0
