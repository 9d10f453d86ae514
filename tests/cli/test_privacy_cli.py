"""`kundenportfolio privacy export|erase` end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kundenportfolio.cli import main
from kundenportfolio.core.models import Customer
from kundenportfolio.data.database import open_database
from kundenportfolio.data.privacy import file_mentions
from kundenportfolio.data.repository import Repository

ROOT = Path(__file__).resolve().parents[2]


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
                 "--out", str(text)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["customer"]["name"] \
        == "Metzgerei Öztürk GmbH"
    assert "Firma/Name: Metzgerei Öztürk GmbH" in text.read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    assert "Datenauskunft zu Kunde 10001 geschrieben" in printed
    assert f"JSON: {out}" in printed and f"Text: {text}" in printed
    assert "Summen (abgeleitet): 0" in printed and "customer_totals" not in printed


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("name", ["auskunft.pdf", "AUSKUNFT.PDF"])
def test_out_pdf_writes_a_pdf(db: Path, tmp_path: Path, name: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
    """The ending decides the format: «--out x.pdf» used to get JSON in a .pdf file."""
    out = tmp_path / name
    assert main(["--db", str(db), "privacy", "export", "10001", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert f"PDF: {out}" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["auskunft.docx", "auskunft", "auskunft.json.bak"])
def test_unknown_ending_is_refused_in_german(db: Path, tmp_path: Path, name: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "a.json", tmp_path / name
    assert main(["--db", str(db), "privacy", "export", "10001", "--out", str(good),
                 "--out", str(bad)]) == 1
    assert f"Die Datei «{bad}» muss auf .json, .pdf oder .txt enden." in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["firma.sqlite3"]  # nothing written


def test_out_is_needed(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "privacy", "export", "10001"]) == 1
    assert "--out DATEI.json, .pdf oder .txt" in capsys.readouterr().err


def test_help_shows_one_way(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["privacy", "export", "--help"])
    shown = capsys.readouterr().out
    assert "--out DATEI" in shown and ".json, .pdf oder .txt" in shown
    assert "--pdf" not in shown and "--text" not in shown


def test_pdf_without_a_display(db: Path, tmp_path: Path) -> None:
    """From a shell without a display (server, cron): the PDF used to abort the process."""
    out = tmp_path / "auskunft.pdf"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "kundenportfolio", "--db", str(db), "privacy",
                             "export", "10001", "--out", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


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
