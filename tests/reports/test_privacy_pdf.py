"""The Datenauskunft PDF: readable German, every section, amounts in the chosen format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf

from kundenportfolio.data import privacy
from kundenportfolio.data.repository import Repository
from kundenportfolio.reports.privacy_pdf import privacy_html, write_privacy_pdf
from tests.data.test_privacy import NAME, _fill


def _text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in pypdf.PdfReader(path).pages)


def test_pdf_contains_every_section(file_repo: Repository, tmp_path: Path, qtbot: object) -> None:
    _fill(file_repo)
    data = privacy.export_customer(file_repo.db, "10001", now=dt.datetime(2026, 1, 2, 3, 4, 5))
    out = write_privacy_pdf(data, tmp_path / "auskunft.pdf", company="Muster AG")
    text = " ".join(_text(out).split())  # pypdf may split words with tabs
    for expected in ("Datenauskunft zu Kunde 10001", "Muster AG", "Erstellt am 02.01.2026 03:04:05",
                     "Aufträge (2)", "Kontakte (3)", "Betreuungskosten (1)",
                     "Kampagnenteilnahmen (1)", "Gruppenverlauf (Portfolio) (1)",
                     "Frühlingsaktion", "Starkunden", "Werbegeschenk", "1'200.00"):
        assert expected in text, expected
    assert NAME.split()[0] in text


def test_html_formats_for_germany(file_repo: Repository) -> None:
    _fill(file_repo)
    data = privacy.export_customer(file_repo.db, "10001")
    page = privacy_html(data, number_format="de-DE")
    assert "1.200,00" in page and "10.01.2025" in page and "Reklamation" in page
    assert "<td>ja</td>" in page  # marketing consent as a word, not 1
