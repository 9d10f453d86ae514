"""`kundenportfolio forecast` / `backtest`: the evaluation CSV contract, no leak past --as-of."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from kundenportfolio.cli import main
from kundenportfolio.core.models import Customer, Order
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "firma.sqlite3"
    db = open_database(path)
    repo = Repository(db)
    steady = repo.add_customer(Customer(number="1001", name="Bäckerei Müller AG"))
    growing = repo.add_customer(Customer(number="1002", name="Schreinerei Kälin"))
    repo.add_customer(Customer(number="1003", name="Neukunde GmbH"))  # no orders yet
    for year in range(2021, 2026):
        repo.record_order(Order(customer_id=steady.id, order_date=dt.date(year, 5, 10),
                                amount_cents=123_456))
        repo.record_order(Order(customer_id=growing.id, order_date=dt.date(year, 8, 1),
                                amount_cents=100_000 * (year - 2020), discount_cents=1_000))
    db.close()
    return path


def read(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def forecast(db_path: Path, out: Path, as_of: str = "2025-12-31", horizon: str = "365") -> int:
    return main(["forecast", "--as-of", as_of, "--horizon-days", horizon, "--db", str(db_path),
                 "--out", str(out)])


def test_csv_contract_exact_header_one_row_per_customer(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "prognose.csv"
    assert forecast(db_path, out) == 0
    rows = read(out)
    assert rows[0] == ["customer_number", "expected_revenue", "low", "high"]
    assert [r[0] for r in rows[1:]] == ["1001", "1002", "1003"]
    # steady 1234.56 a year (no thousands separator, decimal point); growing customer:
    # net 990, 1990, …, 4990 → damped trend continues to the last year's 4990.00
    assert rows[1] == ["1001", "1234.56", "1234.56", "1234.56"]
    assert rows[2][1] == "4990.00"
    assert rows[3] == ["1003", "0.00", "0.00", "0.00"]
    for row in rows[1:]:
        low, expected, high = float(row[2]), float(row[1]), float(row[3])
        assert 0 <= low <= expected <= high


def test_orders_after_as_of_do_not_leak(db_path: Path, tmp_path: Path) -> None:
    before = tmp_path / "vorher.csv"
    forecast(db_path, before, as_of="2024-12-31", horizon="180")
    db = open_database(db_path)
    repo = Repository(db)
    customer = repo.get_customer_by_number("1001")
    repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 1, 1),
                            amount_cents=999_999_999_00))
    db.close()
    after = tmp_path / "nachher.csv"
    forecast(db_path, after, as_of="2024-12-31", horizon="180")
    assert read(before) == read(after)


def test_plan_exports_csv_and_xlsx(db_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    assert main(["forecast", "--plan", "--as-of", "2025-12-31", "--db", str(db_path),
                 "--out", str(tmp_path / "plan.xlsx")]) == 0
    sheet = load_workbook(tmp_path / "plan.xlsx").active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header[:3] == ["Gruppe", "Art", "Zeitraum"]
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    totals = [r for r in values if r[0] == "Alle Kunden" and r[1] == "12 Monate"]
    # 1234.56 + 4990.00 expected over the next 12 months
    assert totals and totals[0][4] == pytest.approx(6224.56)
    assert main(["forecast", "--plan", "--as-of", "2025-12-31", "--db", str(db_path),
                 "--out", str(tmp_path / "plan.csv")]) == 0
    assert (tmp_path / "plan.csv").read_text(encoding="utf-8-sig").startswith("Gruppe;Art;")


def test_bad_input_gets_a_german_message(db_path: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert forecast(db_path, tmp_path / "x.csv", as_of="31.12.2025") == 1
    assert "kein Datum im Format JJJJ-MM-TT" in capsys.readouterr().err
    assert forecast(db_path, tmp_path / "x.txt") == 1
    assert "muss auf .csv enden" in capsys.readouterr().err
    assert forecast(tmp_path / "fehlt.sqlite3", tmp_path / "x.csv") == 1
    assert "gibt es nicht" in capsys.readouterr().err


def test_backtest_reports_all_methods(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backtest", "--db", str(db_path), "--holdout-days", "365"]) == 0
    text = capsys.readouterr().out
    for label in ("Gelernte Mischung", "BG/NBD + Gamma-Gamma", "Naiv: letzte Periode",
                  "Gleitender Durchschnitt", "RMSE", "Top-10 %"):
        assert label in text


def test_one_customer_shows_years_forecast_and_risk(db_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forecast", "--as-of", "2025-12-31", "--db", str(db_path),
                 "--customer", "1002"]) == 0
    text = capsys.readouterr().out
    # net per year 990.00, 1990.00, …; +101 % from 2021 to 2022; forecast the last year again
    assert "2022" in text and "1'990.00 +101 %" in text
    assert "Prognose 365 Tage: 4'990.00" in text
    assert "Abwanderungsgefahr: nein" in text
    assert main(["forecast", "--db", str(db_path), "--customer", "9999"]) == 1
    assert "Den Kunden 9999 gibt es nicht" in capsys.readouterr().err
