"""`kundenportfolio portfolio` and `ranking`: terminal table, CSV and XLSX formats, errors."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from kundenportfolio.cli import main
from kundenportfolio.core.models import Cost, CostCategory, Customer, Group, Order
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Two customers in 2025:
    10001 Bäckerei Müller: 12'345.60 Umsatz, Wareneinsatz 10'000.00 → KDB I–IV 2'345.60.
    10002 Café Zürcher: 1'000.00 Umsatz, no Wareneinsatz → 35 % = 350.00, visit 400.00 → −50.00.
    """
    path = tmp_path / "kp.sqlite3"
    db = open_database(path)
    repo = Repository(db)
    a = repo.add_customer(Customer(number="10001", name="Bäckerei Müller"))
    b = repo.add_customer(Customer(number="10002", name="Café Zürcher"))
    assert a.id and b.id
    repo.record_order(Order(customer_id=a.id, order_date=dt.date(2025, 3, 1), amount_cents=1_234_560,
                            cost_of_goods_cents=1_000_000))
    repo.record_order(Order(customer_id=b.id, order_date=dt.date(2025, 12, 31), amount_cents=100_000))
    repo.add_cost(Cost(customer_id=b.id, cost_date=dt.date(2025, 6, 1), category=CostCategory.VISIT,
                       amount_cents=40_000))
    db.close()
    return path


def test_terminal_table_in_german(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", "--db", str(db_path), "--period", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Kalenderjahr 2025" in out
    assert "12'345.60" in out and "2'345.60" in out and "-50.00" in out  # de-CH default
    assert "Bäckerei Müller" in out and "Kundenwert" not in out.splitlines()[0]
    assert "2 Kunden." in out


def test_csv_decimal_point_no_thousands(db_path: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "portfolio.csv"
    assert main(["portfolio", "--db", str(db_path), "--period", "2025", "--out",
                 str(out_file)]) == 0
    assert "2 Kunden geschrieben" in capsys.readouterr().out
    with out_file.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    first = rows[0]
    assert first["Kundennummer"] == "10001" and first["Umsatz"] == "12345.60"
    assert first["KDB IV"] == "2345.60" and first["Rang"] == "1" and first["ABC"] == "A"
    assert rows[1]["Kundenwert"] == "-50.00" and rows[1]["Gruppe manuell"] == "nein"
    assert rows[1]["Gruppe"].endswith("kunden")


def test_flags_unprofitable_and_without_orders(db_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    # 2024: no orders at all; 2025: Café Zürcher's Kundenwert is −50.00
    for period, unprofitable, without_orders in (("2025", ["nein", "ja"], ["nein", "nein"]),
                                                 ("2024", ["nein", "nein"], ["ja", "ja"])):
        out_file = tmp_path / f"portfolio-{period}.csv"
        assert main(["portfolio", "--db", str(db_path), "--period", period, "--out",
                     str(out_file)]) == 0
        with out_file.open(encoding="utf-8-sig") as fh:
            rows = sorted(csv.DictReader(fh), key=lambda r: r["Kundennummer"])
        assert [r["Unrentabel"] for r in rows] == unprofitable
        assert [r["Ohne Aufträge"] for r in rows] == without_orders
    assert main(["ranking", "--db", str(db_path), "--period", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Unrentabel" in out and "Ohne Aufträge" in out
    assert next(x for x in out.splitlines() if "Café Zürcher" in x).split()[-2:] == ["ja", "nein"]


def test_terminal_table_shows_manual_group(db_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(db_path)
    repo = Repository(db)
    customer = repo.get_customer_by_number("10002")
    customer.group_override, customer.group_override_reason = Group.STAR, "Neuer Rahmenvertrag"
    repo.update_customer(customer)
    db.close()
    assert main(["portfolio", "--db", str(db_path), "--period", "2025"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("Gruppe manuell")
    assert next(x for x in lines if "Bäckerei Müller" in x).endswith("nein")
    assert next(x for x in lines if "Café Zürcher" in x).endswith("ja")


def test_xlsx_real_numbers_with_formats(db_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out_file = tmp_path / "portfolio.xlsx"
    assert main(["portfolio", "--db", str(db_path), "--period", "2025", "--out",
                 str(out_file)]) == 0
    sheet = load_workbook(out_file).active
    headers = [c.value for c in sheet[1]]
    umsatz = sheet.cell(row=2, column=headers.index("Umsatz") + 1)
    assert umsatz.value == pytest.approx(12345.60) and umsatz.number_format == "#,##0.00"
    assert sheet.cell(row=3, column=headers.index("Unrentabel") + 1).value == "ja"
    assert sheet.cell(row=2, column=headers.index("Rang") + 1).value == 1
    score = sheet.cell(row=2, column=headers.index("Attraktivität") + 1)
    assert isinstance(score.value, (int, float)) and score.number_format == "0.0"


def test_period_cut_off_as_of(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # as of 30.12.2026 the last 12 months start on 31.12.2025: only Café Zürcher's order
    assert main(["ranking", "--db", str(db_path), "--as-of", "2026-12-30"]) == 0
    out = capsys.readouterr().out
    assert "31.12.2025–30.12.2026" in out
    line = next(x for x in out.splitlines() if "Café Zürcher" in x)
    assert "1'000.00" in line


def test_ranking_top_and_group(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ranking", "--db", str(db_path), "--period", "2025", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "Bäckerei Müller" in out and "Café Zürcher" not in out
    assert main(["ranking", "--db", str(db_path), "--period", "2025", "--group", "Mitnahmekunden"]) == 0
    out = capsys.readouterr().out
    assert "Mitnahmekunden" in out.splitlines()[0]


def test_errors_in_german(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", "--db", str(db_path), "--period", "gestern"]) == 1
    assert "kein Zeitraum" in capsys.readouterr().err
    assert main(["portfolio", "--db", str(db_path), "--out", "x.pdf"]) == 1
    assert ".csv oder .xlsx" in capsys.readouterr().err
    assert main(["ranking", "--db", str(db_path), "--group", "gold"]) == 1
    assert "keine Gruppe" in capsys.readouterr().err
