"""The Datenauskunft PDF: readable German, every section, amounts in the chosen format, staff
by name, derived sums labelled, and lines broken between words only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pypdf
import pytest

from kundenportfolio.data import privacy
from kundenportfolio.data.repository import Repository
from kundenportfolio.reports.page_layout import Html, _html_document
from kundenportfolio.reports.pdf import BASE_POINT_SIZE, _font, setup_a4
from kundenportfolio.reports.privacy_pdf import privacy_html, privacy_report, write_privacy_pdf
from tests.data.test_privacy import NAME, _fill

pytestmark = pytest.mark.usefixtures("qapp")


def _text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in pypdf.PdfReader(path).pages)


def test_pdf_contains_every_section(file_repo: Repository, tmp_path: Path) -> None:
    _fill(file_repo)
    data = privacy.export_customer(file_repo.db, "10001", now=dt.datetime(2026, 1, 2, 3, 4, 5))
    out = write_privacy_pdf(data, tmp_path / "auskunft.pdf", company="Muster AG")
    text = " ".join(_text(out).split())  # pypdf may split words with tabs
    for expected in ("Datenauskunft zu Kunde 10001", "Muster AG", "Erstellt am 02.01.2026 03:04:05",
                     "Aufträge (2)", "Kontakte (3)", "Betreuungskosten (1)",
                     "Kampagnenteilnahmen (1)", "Gruppenverlauf (Portfolio) (1)",
                     "Frühlingsaktion", "Starkunden", "Werbegeschenk", "1'200.00",
                     "Betreuer/in Anna Keller", "Beat Meier", "Zeitpunkt", "Summen (abgeleitet)",
                     "Umsatz 2'000.00", "Seite 1 von"):
        assert expected in text, expected
    assert NAME.split()[0] in text
    for raw in ("customer_totals", "Mitarbeiter-Nr.", "revenue_cents"):
        assert raw not in text, raw


def test_html_formats_for_germany(file_repo: Repository) -> None:
    _fill(file_repo)
    data = privacy.export_customer(file_repo.db, "10001")
    page = privacy_html(data, number_format="de-DE")
    assert "1.200,00" in page and "10.01.2025" in page and "Reklamation" in page
    assert "<td>ja</td>" in page  # marketing consent as a word, not 1


def _broken_words(document: Any) -> list[str]:
    """Every place where a line of `document` ends inside a word («Zeitpu|nkt»)."""
    broken = []
    block = document.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for index in range(layout.lineCount() - 1):
            line = layout.lineAt(index)
            end = line.textStart() + line.textLength()
            if not (text[end - 1].isspace() or text[end - 1] in "-/" or text[end].isspace()):
                broken.append(f"{text[:end]}|{text[end:]}")
        block = block.next()
    return broken


@pytest.mark.parametrize("long_texts", [False, True])
def test_lines_break_between_words_and_tables_fit_the_page(
        file_repo: Repository, tmp_path: Path, long_texts: bool) -> None:
    """Laid out with the PDF's metrics: no word broken, nothing wider than the page; a table
    too wide with whole words is shown record by record."""
    from PySide6.QtGui import QPdfWriter

    _fill(file_repo)
    if long_texts:  # many filled columns with long words: too wide for one row per contact
        file_repo.db.execute(
            "UPDATE contacts SET subject = 'Produktinformationsveranstaltungseinladung', "
            "notes = 'Rückrufwunsch Geschäftsführungsassistenz', outcome = 'Terminvereinbarung', "
            "revenue_impact_cents = 123456, complaint_status = 'open'")
    data = privacy.export_customer(file_repo.db, "10001")
    writer = QPdfWriter(str(tmp_path / "messen.pdf"))
    writer.setResolution(300)
    setup_a4(writer)
    [block] = privacy_report(data, company="Muster AG", device=writer).blocks
    assert isinstance(block, Html) and block.whole_words
    width = float(writer.width())
    document = _html_document(block, writer, width, _font(writer, BASE_POINT_SIZE), {})
    assert document.size().width() <= width + 1
    assert _broken_words(document) == []
    assert "<thead>" in block.html  # the orders as a grid
    if long_texts:
        assert "1 von 3" in block.html  # the contacts record by record
