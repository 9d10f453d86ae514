"""`kundenportfolio privacy export|erase` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kundenportfolio.cli import main
from kundenportfolio.core.models import Customer
from kundenportfolio.data.database import open_database
from kundenportfolio.data.privacy import file_mentions
from kundenportfolio.data.repository import Repository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "firma.sqlite3"
    database = open_database(path)
    Repository(database).add_customer(Customer(number="10001", name="Metzgerei Öztürk GmbH",
                                               email="info@oeztuerk.example"))
    database.close()
    return path


def test_export_writes_json(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, text = tmp_path / "auskunft.json", tmp_path / "auskunft.txt"
    assert main(["--db", str(db), "privacy", "export", "10001", "--out", str(out),
                 "--text", str(text)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["customer"]["name"] \
        == "Metzgerei Öztürk GmbH"
    assert "Firma/Name: Metzgerei Öztürk GmbH" in text.read_text(encoding="utf-8")
    assert "Datenauskunft zu Kunde 10001 geschrieben" in capsys.readouterr().out


def test_erase_needs_yes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "privacy", "erase", "10001"]) == 1
    assert "Zum Bestätigen --yes angeben" in capsys.readouterr().out
    assert main(["--db", str(db), "privacy", "erase", "10001", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "«Anonymisiert 10001»" in out
    assert "kommt in der Datenbankdatei nicht mehr vor" in out
    assert not file_mentions(db, "Öztürk")


def test_unknown_customer_gives_german_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "privacy", "erase", "55555", "--yes"]) == 1
    assert "Kundennummer 55555 gibt es nicht" in capsys.readouterr().err


def test_export_pdf(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                    qtbot: object) -> None:
    out, pdf = tmp_path / "a.json", tmp_path / "a.pdf"
    assert main(["--db", str(db), "privacy", "export", "10001", "--out", str(out),
                 "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"PDF-Fassung: {pdf}" in capsys.readouterr().out
