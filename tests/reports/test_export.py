"""Export: German CSV, XLSX, machine CSV, formula injection, export -> re-import round trip."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from kundenportfolio.core.models import (
    ComplaintStatus,
    Contact,
    ContactType,
    Cost,
    CostCategory,
    Customer,
    Direction,
    Order,
    Staff,
)
from kundenportfolio.data.database import open_memory
from kundenportfolio.data.importing import import_file
from kundenportfolio.data.repository import Repository
from kundenportfolio.reports.export import (
    Column,
    export_entity,
    write_csv,
    write_machine_csv,
    write_xlsx,
)

COLUMNS = [
    Column("Kunde", "name"),
    Column("Umsatz", "revenue", "money"),
    Column("Anteil %", "share", "number", decimals=1),
    Column("Aufträge", "orders", "integer"),
    Column("Letzter Auftrag", "last", "date"),
]
ROWS = [
    {"name": "Bäckerei Müller AG", "revenue": 123_450, "share": 12.345, "orders": 7,
     "last": dt.date(2025, 12, 31)},
    {"name": "=HYPERLINK(\"http://x\")", "revenue": -5, "share": None, "orders": 0,
     "last": None},
    {"name": "+41 44 123 45 67", "revenue": 0, "share": 0, "orders": 1, "last": "2024-01-02"},
    {"name": "@SUM(A1)", "revenue": 1, "share": 1, "orders": 1, "last": None},
    {"name": "\tTab", "revenue": 1, "share": 1, "orders": 1, "last": None},
]


def test_german_csv(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    assert write_csv(path, COLUMNS, ROWS) == 5
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Kunde;Umsatz;Anteil %;Aufträge;Letzter Auftrag"
    assert lines[1] == "Bäckerei Müller AG;1234,50;12,3;7;31.12.2025"
    # Formula-like text is neutralised with an apostrophe; negative money is a number.
    assert lines[2] == "\"'=HYPERLINK(\"\"http://x\"\")\";-0,05;;0;"
    assert lines[3] == "'+41 44 123 45 67;0,00;0,0;1;02.01.2024"
    assert lines[4].startswith("'@SUM(A1);") and lines[5].startswith("'\tTab;")


def test_machine_csv(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    write_machine_csv(path, COLUMNS, ROWS[:1])
    assert path.read_bytes() == (
        "Kunde,Umsatz,Anteil %,Aufträge,Letzter Auftrag\r\n"
        "Bäckerei Müller AG,1234.50,12.3,7,2025-12-31\r\n").encode()


def test_xlsx_real_numbers_formats_and_no_formulas(tmp_path: Path) -> None:
    path = tmp_path / "liste.xlsx"
    write_xlsx(path, COLUMNS, ROWS, sheet_title="Rangfolge")
    sheet = openpyxl.load_workbook(path)["Rangfolge"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Kunde" and sheet["A1"].font.b
    assert (sheet["B2"].value, sheet["B2"].number_format) == (1234.5, "#,##0.00")
    assert (sheet["C2"].value, sheet["C2"].number_format) == (12.345, "#,##0.0")
    assert sheet["E2"].value == dt.datetime(2025, 12, 31)
    assert sheet["E2"].number_format == "DD.MM.YYYY"
    # Stored as text with Excel's quote prefix, never as a formula.
    assert sheet["A3"].data_type == "s" and sheet["A3"].value == '=HYPERLINK("http://x")'
    assert sheet["A3"].quotePrefix and sheet["A5"].quotePrefix
    assert not sheet["A2"].quotePrefix
    assert sheet.column_dimensions["A"].width >= len("Bäckerei Müller AG")


@pytest.fixture
def filled(repo: Repository) -> Repository:
    anna = repo.add_staff(Staff(name="Anna Keller"))
    first = repo.add_customer(Customer(
        number="10001", name="Bäckerei Müller AG", contact_person="Jörg Weiß",
        street="Bahnhofstrasse 1", postcode="8001", city="Zürich", country="CH",
        phone="+41 44 123 45 67", email="info@mueller.ch", industry="Bäckerei",
        staff_id=anna.id, customer_since=dt.date(2019, 4, 1), marketing_consent=True,
        potential_cents=5_000_000, notes="=1+1 bitte nicht rechnen"))
    second = repo.add_customer(Customer(number="10002", name="-Strich GmbH", country="DE"))
    repo.record_order(Order(first.id or 0, dt.date(2024, 3, 1), 123_450, 1_000, 80_000, "A-1",
                            note="Lieferung; mit Semikolon"))
    repo.record_order(Order(second.id or 0, dt.date(2024, 3, 2), 9_995))
    repo.record_order(Order(second.id or 0, dt.date(2024, 3, 2), 9_995))
    repo.record_order(Order(second.id or 0, dt.date(2024, 4, 1), -5_000, is_credit_note=True))
    repo.add_contact(Contact(first.id or 0, dt.datetime(2024, 3, 5, 14, 30), ContactType.COMPLAINT,
                             Direction.INBOUND, anna.id, "Brot zu hart", "Zeile 1\nZeile 2",
                             complaint_status=ComplaintStatus.DONE, revenue_impact_cents=-2_000,
                             buys_from_competitor=True))
    repo.add_cost(Cost(first.id or 0, dt.date(2024, 3, 6), CostCategory.GIFT, 4_590, "Wein"))
    return repo


def snapshot(repo: Repository) -> dict[str, list[tuple[object, ...]]]:
    """Everything an export should carry, without ids (they may differ in a new file)."""
    def strip(obj: object, *drop: str) -> tuple[object, ...]:
        return tuple(v for k, v in dataclasses.asdict(obj).items()  # type: ignore[call-overload]
                     if k not in ("id", "customer_id", "staff_id", "order_id", *drop))
    customers = repo.list_customers()
    staff = {s.id: s.name for s in repo.list_staff()}
    return {
        "customers": [(*strip(c), staff.get(c.staff_id)) for c in customers],
        "orders": [(c.number, *strip(o)) for c in customers for o in repo.list_orders(c.id or 0)],
        "contacts": [(c.number, *strip(k), staff.get(k.staff_id))
                     for c in customers for k in repo.list_contacts(c.id or 0)],
        "costs": [(c.number, *strip(k)) for c in customers for k in repo.list_costs(c.id or 0)],
    }


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_the_same_data(filled: Repository, tmp_path: Path,
                                                suffix: str) -> None:
    target = Repository(open_memory())
    for entity in ("customers", "orders", "contacts", "costs"):
        path = tmp_path / f"{entity}{suffix}"
        export_entity(filled, entity, path)
        import_file(target, entity, path)
    assert snapshot(target) == snapshot(filled)
    # And importing the export into the original database changes nothing.
    for entity in ("customers", "orders", "contacts", "costs"):
        result = import_file(filled, entity, tmp_path / f"{entity}{suffix}")
        assert (result.inserted, result.updated) == (0, 0), entity
    target.db.close()


def test_exported_csv_neutralises_formula_in_customer_data(filled: Repository,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    export_entity(filled, "customers", path)
    text = path.read_text(encoding="utf-8-sig")
    assert ";'=1+1 bitte nicht rechnen" in text and "\n10002;'-Strich GmbH;" in text


def test_dataframe_export(tmp_path: Path) -> None:
    import pandas as pd

    from kundenportfolio.reports.export import write_frame

    frame = pd.DataFrame({"Kunde": ["Müller AG", "=Böse"], "Kundenwert": [1_050_000, -2_550],
                          "Anteil": [0.5, float("nan")], "Rang": [1, 2]})
    path = tmp_path / "f.csv"
    assert write_frame(path, frame, {"Kundenwert": "money"}) == 2
    assert path.read_bytes().decode("utf-8-sig").split("\r\n")[:3] == [
        "Kunde;Kundenwert;Anteil;Rang", "Müller AG;10500,00;0,50;1", "'=Böse;-25,50;;2"]
