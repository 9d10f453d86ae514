"""`kundenportfolio import …` and `kundenportfolio export …` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kundenportfolio.cli import main
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository

CUSTOMERS = ("Kundennummer;Firma;Ort\n10001;Bäckerei Müller AG;Zürich\n"
             "10002;Grün GmbH;Köln\n")
ORDERS = "Kundennummer;Datum;Betrag\n10001;01.02.2024;1.234,50\n10003;02.02.2024;10,00\n"


def write(path: Path, text: str, encoding: str = "cp1252") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def counts(db_path: Path) -> tuple[int, int, int]:
    db = open_database(db_path)
    try:
        return tuple(int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[return-value]
                     for t in ("customers", "orders", "contacts"))
    finally:
        db.close()


def test_import_prints_german_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.sqlite3"
    path = write(tmp_path / "kunden.csv", CUSTOMERS)
    assert main(["import", "customers", str(path), "--db", str(db)]) == 0
    assert "Kunden: 2 Zeilen importiert – 2 neu, 0 geändert, 0 unverändert." in capsys.readouterr().out
    assert main(["import", "customers", str(path), "--db", str(db)]) == 0
    assert "0 neu, 0 geändert, 2 unverändert" in capsys.readouterr().out


def test_unknown_customer_fails_on_stderr_then_created_on_request(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.sqlite3"
    main(["import", "customers", str(write(tmp_path / "k.csv", CUSTOMERS)), "--db", str(db)])
    capsys.readouterr()
    orders = write(tmp_path / "o.csv", ORDERS)
    assert main(["import", "orders", str(orders), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "nichts geändert" in err
    assert "Zeile 3, Spalte «Kundennummer»: Die Kundennummer 10003 gibt es nicht" in err
    assert counts(db) == (2, 0, 0)
    assert main(["import", "orders", str(orders), "--db", str(db),
                 "--create-missing-customers"]) == 0
    assert "2 neu" in capsys.readouterr().out
    assert counts(db) == (3, 2, 2)  # one customer created; each order with its contact


def test_missing_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", "orders", str(tmp_path / "fehlt.csv"), "--db",
                 str(tmp_path / "k.sqlite3")])
    assert code == 1 and "gibt es nicht" in capsys.readouterr().err


def test_export_round_trip_via_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.sqlite3"
    main(["import", "customers", str(write(tmp_path / "k.csv", CUSTOMERS)), "--db", str(db)])
    main(["import", "orders", str(write(tmp_path / "o.csv", ORDERS)), "--db", str(db),
          "--create-missing-customers"])
    out = tmp_path / "auftraege.xlsx"
    assert main(["export", "orders", "--out", str(out), "--db", str(db)]) == 0
    assert "Aufträge: 2 Datensätze" in capsys.readouterr().out
    fresh = tmp_path / "neu.sqlite3"
    assert main(["import", "orders", str(out), "--db", str(fresh),
                 "--create-missing-customers"]) == 0
    repo = Repository(open_database(fresh))
    try:
        amounts = [o.amount_cents for o in repo.list_orders(
            repo.get_customer_by_number("10001").id or 0)]
    finally:
        repo.db.close()
    assert amounts == [123_450]


def test_export_refuses_other_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "customers", "--out", str(tmp_path / "x.txt"), "--db",
                 str(tmp_path / "k.sqlite3")])
    assert code == 1 and ".csv oder .xlsx" in capsys.readouterr().err
