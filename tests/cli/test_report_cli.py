"""`kundenportfolio report ...`: PDFs from the command line, headless, and German errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest

from kundenportfolio.cli import main
from kundenportfolio.core.models import Customer, Order, Staff
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """10001 Bäckerei Müller (Anna): 12'345.60 − 10'000.00 = Kundenwert 2'345.60, rank 1.
    10002 Café Zürcher (Beat): 1'000.00 − 900.00 = 100.00, rank 2. Both in 2025."""
    path = tmp_path / "kp.sqlite3"
    db = open_database(path)
    repo = Repository(db)
    anna = repo.add_staff(Staff(name="Anna Keller"))
    beat = repo.add_staff(Staff(name="Beat Meier"))
    for number, name, staff, amount, cogs in (("10001", "Bäckerei Müller", anna, 1_234_560, 1_000_000),
                                              ("10002", "Café Zürcher", beat, 100_000, 90_000)):
        c = repo.add_customer(Customer(number=number, name=name, staff_id=staff.id))
        assert c.id
        repo.record_order(Order(customer_id=c.id, order_date=dt.date(2025, 3, 1), amount_cents=amount,
                                cost_of_goods_cents=cogs))
    db.close()
    return path


def _text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(path).pages)


def test_values_with_staff_filter(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "liste.pdf"
    assert main(["report", "values", "--db", str(db_path), "--period", "2025", "--staff", "anna keller",
                 "--pdf", str(out)]) == 0
    assert "(1 Seite)" in capsys.readouterr().out
    text = _text(out)
    assert "Bäckerei Müller" in text and "Café Zürcher" not in text
    assert "Gesamt 1 12'345.60 2'345.60" in text and "Kalenderjahr 2025" in text


def test_customer_sheet_and_portfolio(db_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "blatt.pdf"
    assert main(["report", "customer", "10002", "--db", str(db_path), "--period", "2025",
                 "--pdf", str(sheet)]) == 0
    assert "Kundenblatt: Café Zürcher" in _text(sheet) and "Rang 2 von 2" in _text(sheet)
    portfolio = tmp_path / "portfolio.pdf"
    assert main(["report", "portfolio", "--db", str(db_path), "--period", "2025", "--pdf",
                 str(portfolio)]) == 0
    assert "Kundenwert gesamt 2'445.60" in _text(portfolio)  # 2'345.60 + 100.00


@pytest.mark.parametrize(("args", "message"), [
    (["report", "customer", "99999"], "Keinen Kunden mit der Nummer «99999»"),
    (["report", "customer"], "Bitte die Kundennummer angeben"),
    (["report", "values", "--abc", "D"], "keine ABC-Klasse"),
    (["report", "values", "--staff", "Niemand"], "Bekannt: Anna Keller, Beat Meier"),
    (["report", "values", "--group", "gold"], "keine Gruppe"),
    (["report", "values", "--period", "letzte"], "kein Zeitraum"),
    (["report", "portfolio", "--group", "star"], "Filter gibt es nur bei der Kundenwertliste"),
])
def test_errors_in_german(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          args: list[str], message: str) -> None:
    out = tmp_path / "x.pdf"
    assert main([*args, "--db", str(db_path), "--pdf", str(out)]) != 0
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_pdf_suffix_required(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "values", "--db", str(db_path), "--pdf", str(tmp_path / "x.txt")]) != 0
    assert "muss auf .pdf enden" in capsys.readouterr().err


@pytest.mark.slow
def test_works_without_display(db_path: Path, tmp_path: Path) -> None:
    """A fresh process with neither QT_QPA_PLATFORM nor DISPLAY: Qt must start offscreen."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = tmp_path / "headless.pdf"
    done = subprocess.run([sys.executable, "-m", "kundenportfolio", "report", "values", "--db",
                           str(db_path), "--period", "2025", "--pdf", str(out)],
                          env=env, capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert "Bäckerei Müller" in _text(out)
