"""File > Print… / Save as PDF…: the current section decides the report; the preview paints the
same pages as the PDF. The preview dialog is replaced by a fake that paints into a PDF printer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter

from kundenportfolio.reports.pdf import setup_a4
from kundenportfolio.ui.dialogs import print_dialogs


class FakeSignal:
    def __init__(self) -> None:
        self.slots: list[Any] = []

    def connect(self, slot: Any) -> None:
        self.slots.append(slot)


class FakePreview:
    """Stands in for QPrintPreviewDialog: exec() paints the pages into `target` (a PDF)."""

    target: Path
    opened: list[FakePreview] = []

    def __init__(self, printer: QPrinter, parent: Any) -> None:
        self.printer, self.parent, self.paintRequested = printer, parent, FakeSignal()
        self.title = ""
        FakePreview.opened.append(self)

    def setWindowTitle(self, title: str) -> None:  # noqa: N802 - Qt's name
        self.title = title

    def resize(self, *_args: Any) -> None:
        pass

    def exec(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))
        setup_a4(printer)
        for slot in self.paintRequested.slots:
            slot(printer)
        return 0


@pytest.fixture
def preview(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> type[FakePreview]:
    FakePreview.target = tmp_path / "preview.pdf"
    FakePreview.opened = []
    monkeypatch.setattr(print_dialogs, "QPrintPreviewDialog", FakePreview)
    return FakePreview


def _text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(path).pages)


def test_print_action_is_ctrl_p(window) -> None:  # type: ignore[no-untyped-def]
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index(window.print_action.text()) < texts.index(window.save_pdf_action.text())


def test_customers_section_prints_the_selected_customer_sheet(window, preview) -> None:  # type: ignore[no-untyped-def]
    window.open_customer(2)
    window.print_action.trigger()
    assert len(preview.opened) == 1
    dialog = preview.opened[0]
    assert dialog.parent is window and dialog.title.endswith("Kundenblatt 10002")
    assert dialog.printer.pageLayout().pageSize().id().name == "A4"
    text = _text(preview.target)
    # build_shop: 10002 Garage Huber is rank 2 of 3 with Kundenwert 1'500.00
    assert "Kundenblatt: Garage Huber GmbH" in text and "Rang 2 von 3" in text
    assert "Kundenwert (KDB IV) 1'500.00" in text and "Beat Meier" in text


def test_ranking_prints_the_value_list_with_its_group(window, preview) -> None:  # type: ignore[no-untyped-def]
    ranking = window.section("ranking")
    window.show_section("ranking")
    ranking.set_group("star")
    window.print_action.trigger()
    text = _text(preview.target)
    assert "Kundenwertliste" in text and "Filter: Gruppe: Starkunden" in text


def test_portfolio_section_prints_the_portfolio_report(window, preview) -> None:  # type: ignore[no-untyped-def]
    window.show_section("portfolio")
    window.print_action.trigger()
    text = _text(preview.target)
    # 10'500.00 + 1'500.00 + 0.00 = 12'000.00
    assert "Portfolio-Bericht" in text and "Kundenwert gesamt 12'000.00" in text


def test_save_as_pdf_writes_the_same_report(window, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                            tmp_path: Path) -> None:
    target = tmp_path / "liste"  # without suffix: .pdf is added
    asked: list[str] = []

    def fake_dialog(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), "PDF"

    monkeypatch.setattr(print_dialogs.QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    window.show_section("settings")  # no report of its own: the Kundenwertliste
    window.save_pdf_action.trigger()
    assert asked and asked[0].endswith(".pdf") and "Kundenwertliste_" in asked[0]
    text = _text(tmp_path / "liste.pdf")
    assert text.index("Bäckerei Müller AG") < text.index("Garage Huber GmbH") < text.index("Hotel Sonne")
    assert "liste.pdf" in window.statusBar().currentMessage()


def test_customers_section_without_selection_prints_the_value_list(window, preview) -> None:  # type: ignore[no-untyped-def]
    window.show_section("customers")
    assert window.customers_view.current_customer_id() is None
    window.print_action.trigger()
    assert preview.opened[0].title.endswith("Kundenwertliste")
    assert "Gesamt 3 35'000.00 12'000.00" in _text(preview.target)  # 30'000 + 5'000 + 0 Umsatz
