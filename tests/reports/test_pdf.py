"""Printed reports checked by their extracted text (pypdf): order, totals, German numbers,
pagination with a repeated header, literal markup, Kundenblatt and portfolio report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest

from kundenportfolio.core.models import (
    ComplaintStatus,
    Contact,
    ContactType,
    Customer,
    Group,
    Order,
    Staff,
)
from kundenportfolio.core.periods import Period
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.reports.pdf import (
    paint_report,
    setup_a4,
    write_customer_sheet_pdf,
    write_portfolio_pdf,
    write_value_list_pdf,
)
from kundenportfolio.reports.value_list import value_list_report

YEAR = Period.calendar_year(2025)
pytestmark = pytest.mark.usefixtures("qapp")  # one QApplication for widgets and painting alike


def pages_text(path: Path) -> list[str]:
    """Text per page, whitespace collapsed (pypdf may split words with tabs or newlines)."""
    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages]


def _customer(repo: Repository, number: str, name: str, staff: Staff, group: Group, amount: int,
              cogs: int, city: str = "Zürich") -> int:
    c = repo.add_customer(Customer(number=number, name=name, city=city, staff_id=staff.id,
                                   group_override=group, group_override_reason="Test"))
    assert c.id is not None
    repo.record_order(Order(customer_id=c.id, order_date=dt.date(2025, 5, 2), amount_cents=amount,
                            cost_of_goods_cents=cogs))
    return c.id


@pytest.fixture
def three(repo: Repository) -> dict[str, int]:
    """Kundenwert = KDB IV = Umsatz − Wareneinsatz (no discounts, no costs):
    10001 Bäckerei Müller AG   12'345.60 − 10'000.00 = 2'345.60  rank 1, Starkunden, Anna
    10002 <b>Fett</b> GmbH      5'000.00 −  3'765.50 = 1'234.50  rank 2, Starkunden, Beat
    10003 Café Zürcher          1'000.00 −    900.00 =   100.00  rank 3, Mitnahmekunden, Anna
    Starkunden: 2 Kunden, Umsatz 17'345.60, Kundenwert 3'580.10; Gesamt 18'345.60 / 3'680.10.
    """
    anna = repo.add_staff(Staff(name="Anna Keller"))
    beat = repo.add_staff(Staff(name="Beat Meier"))
    return {
        "a": _customer(repo, "10001", "Bäckerei Müller AG", anna, Group.STAR, 1_234_560, 1_000_000),
        "b": _customer(repo, "10002", "<b>Fett</b> GmbH", beat, Group.STAR, 500_000, 376_550, "Bern"),
        "c": _customer(repo, "10003", "Café Zürcher", anna, Group.MITNAHME, 100_000, 90_000),
        "anna": int(anna.id or 0), "beat": int(beat.id or 0),
    }


def test_value_list_order_totals_and_swiss_numbers(repo: Repository, three: dict[str, int],
                                                   tmp_path: Path) -> None:
    repo.set_settings({"company_name": "Muster & Co. AG"})
    out = tmp_path / "liste.pdf"
    assert write_value_list_pdf(repo, PortfolioStore(repo), YEAR, out) == 1
    text = pages_text(out)[0]
    assert "Muster & Co. AG" in text and "Kundenwertliste" in text and "Kalenderjahr 2025" in text
    assert f"Gedruckt am {dt.date.today():%d.%m.%Y}" in text and "Seite 1 von 1" in text
    # rank order: Müller before Fett before Café
    assert text.index("Bäckerei Müller AG") < text.index("<b>Fett</b> GmbH") < text.index("Café Zürcher")
    assert "<b>Fett</b> GmbH" in text  # markup printed literally
    assert "12'345.60" in text and "2'345.60" in text and "1'234.50" in text
    summary = text[text.index("Summen je Gruppe"):]
    assert "Starkunden 2 17'345.60 3'580.10" in summary
    assert "Mitnahmekunden 1 1'000.00 100.00" in summary
    assert "Gesamt 3 18'345.60 3'680.10" in summary
    assert "Ertragskunden" not in summary  # groups without customers are left out


def test_value_list_german_format_and_filters(repo: Repository, three: dict[str, int],
                                              tmp_path: Path) -> None:
    repo.set_settings({"number_format": "de-DE"})
    out = tmp_path / "liste.pdf"
    write_value_list_pdf(repo, PortfolioStore(repo), YEAR, out, staff_id=three["anna"])
    text = pages_text(out)[0]
    assert "12.345,60" in text and "2.345,60" in text and "12'345" not in text
    assert "Filter: Betreuer: Anna Keller" in text
    assert "Fett" not in text  # Beat's customer
    # Anna: 12'345.60 + 1'000.00 = 13'345.60; 2'345.60 + 100.00 = 2'445.60
    assert "Gesamt 2 13.345,60 2.445,60" in text

    write_value_list_pdf(repo, PortfolioStore(repo), YEAR, out, group="mitnahme", abc="c")
    text = pages_text(out)[0]
    assert "Café Zürcher" in text and "Müller" not in text
    assert "Filter: Gruppe: Mitnahmekunden · ABC-Klasse: C" in text


def test_value_list_empty_selection(repo: Repository, three: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "leer.pdf"
    assert write_value_list_pdf(repo, PortfolioStore(repo), YEAR, out, group="fragezeichen") == 1
    text = pages_text(out)[0]
    assert "Keine Kunden für diese Auswahl." in text and "Gesamt 0 0.00 0.00" in text


def test_long_list_paginates_with_repeated_header(repo: Repository, tmp_path: Path) -> None:
    staff = repo.add_staff(Staff(name="Anna Keller"))
    for i in range(150):  # Kundenwert falls with i: customer 0 has rank 1
        _customer(repo, f"{20000 + i}", f"Kunde {i:03d}", staff, Group.STAR, 1_000_000 - i * 1000, 0)
    out = tmp_path / "lang.pdf"
    pages = write_value_list_pdf(repo, PortfolioStore(repo), YEAR, out)
    texts = pages_text(out)
    assert pages == len(texts) >= 3  # ~50 rows per A4 page
    assert all(f"Seite {n} von {pages}" in t for n, t in enumerate(texts, start=1))
    second = texts[1]
    assert "Rang" in second and "Betreuer" in second and "Kundenwert" in second  # header repeated
    assert "Kunde 000" not in second and "Kunde 149" in texts[-1]
    assert "Gesamt 150" in texts[-1]


def test_printer_gets_the_same_pages(repo: Repository, three: dict[str, int], tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    setup_a4(printer)
    report = value_list_report(repo, PortfolioStore(repo), YEAR)
    assert paint_report(report, printer) == 1
    assert "<b>Fett</b> GmbH" in pages_text(tmp_path / "printer.pdf")[0]


def test_customer_sheet(repo: Repository, three: dict[str, int], tmp_path: Path) -> None:
    cid = three["b"]
    customer = repo.get_customer(cid)
    customer.notes = "<i>nur vormittags</i>"
    repo.update_customer(customer)
    repo.record_order(Order(customer_id=cid, order_date=dt.date(2024, 3, 1), amount_cents=70_000))
    repo.add_contact(Contact(customer_id=cid, occurred_at=dt.datetime(2025, 6, 3, 9, 15),
                             type=ContactType.COMPLAINT, subject="Lieferung zu spät",
                             complaint_status=ComplaintStatus.OPEN, revenue_impact_cents=-12_050))
    for day in range(1, 13):
        repo.add_contact(Contact(customer_id=cid, occurred_at=dt.datetime(2025, 7, day, 10, 0),
                                 type=ContactType.CALL, subject=f"Anruf {day:02d}"))
    out = tmp_path / "blatt.pdf"
    assert write_customer_sheet_pdf(repo, PortfolioStore(repo), cid, out, YEAR) == 1
    text = pages_text(out)[0]
    for expected in ("Kundenblatt: <b>Fett</b> GmbH", "Kundenblatt 10002", "Bern", "Beat Meier",
                     "<i>nur vormittags</i>", "Gruppe Starkunden (manuell festgelegt: Test)",
                     "Rang 2 von 3", "Kundenwert (KDB IV) 1'234.50",
                     "2024 1 700.00", "2025 1 5'000.00",  # revenue per year
                     "Offene Reklamationen (1)", "Lieferung zu spät", "-120.50",
                     "Letzte 10 Kontakte", "12.07.2025 10:00", "Vorgeschlagener nächster Schritt",
                     "Reklamation offen"):
        assert expected in text, expected
    # the last 10 contacts: 12.07. down to 03.07.; 02.07., 01.07. and 03.06. are older
    assert "Anruf 03" in text and "Anruf 02" not in text


def test_portfolio_report(repo: Repository, three: dict[str, int], tmp_path: Path) -> None:
    store = PortfolioStore(repo)
    customer = repo.get_customer(three["c"])
    customer.group_override = Group.ERTRAG
    repo.update_customer(customer)
    store.snapshot(Period.calendar_year(2024))  # 10003 was Ertragskunde in 2024 ...
    customer.group_override = Group.MITNAHME
    repo.update_customer(customer)
    store.invalidate()
    store.snapshot(YEAR)  # ... and is Mitnahmekunde in 2025
    out = tmp_path / "portfolio.pdf"
    assert write_portfolio_pdf(repo, store, YEAR, out) >= 1
    text = " ".join(pages_text(out))
    assert "Portfolio-Bericht" in text and "Kalenderjahr 2025" in text
    assert "Kundenwert gesamt 3'680.10" in text
    # shares of 3'680.10: Stars 3'580.10 → 97.3 %, Mitnahme 100.00 → 2.7 %
    assert "Starkunden 2 3'580.10 97.3" in text and "Mitnahmekunden 1 100.00 2.7" in text
    assert "Strategien je Gruppe" in text and "Halten und ausbauen" in text
    assert "Vorheriger Zeitraum: Kalenderjahr 2024" in text
    assert "10003 Café Zürcher Ertragskunden Mitnahmekunden" in text
    reader = pypdf.PdfReader(out)
    assert any("/XObject" in (page.get("/Resources") or {}) for page in reader.pages)  # the chart


def _images(path: Path) -> int:
    count = 0
    for page in pypdf.PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        count += sum(1 for ref in xobjects.values() if ref.get_object().get("/Subtype") == "/Image")
    return count


def test_logo_in_the_header_and_a_missing_logo_left_out(repo: Repository, three: dict[str, int],
                                                       tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    logo = QImage(120, 40, QImage.Format.Format_RGB32)
    logo.fill(QColor("#0072B2"))
    assert logo.save(str(tmp_path / "logo.png"))
    out = tmp_path / "mit_logo.pdf"
    repo.set_settings({"company_logo_path": str(tmp_path / "logo.png")})
    write_value_list_pdf(repo, PortfolioStore(repo), YEAR, out)
    assert _images(out) == 1  # one page, one logo
    repo.set_settings({"company_logo_path": str(tmp_path / "fehlt.png")})
    write_value_list_pdf(repo, PortfolioStore(repo), YEAR, out)
    assert _images(out) == 0 and "Bäckerei Müller AG" in pages_text(out)[0]
