"""The German translation is complete, current, compiled and used by the window."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kundenportfolio.data.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kundenportfolio_de.ts"
QM = ROOT / "resources" / "translations" / "kundenportfolio_de.qm"


def entries(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name") or "", message.findtext("source") or "")] = message
    return found


def test_german_ts_has_no_unfinished_entries() -> None:
    bad = []
    for key, message in entries(TS).items():
        translation = message.find("translation")
        texts = [] if translation is None else (
            [f.text for f in translation.iter("numerusform")] if message.get("numerus") == "yes"
            else [translation.text])
        if translation is None or translation.get("type") or not all(t and t.strip() for t in texts):
            bad.append(key)
    assert bad == [], "run: python packaging/update_translations.py"


def test_german_ts_covers_every_string_in_the_code(tmp_path: Path) -> None:
    """A tr() string added without refreshing the .ts would show English in the German UI."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "fresh.ts"
    subprocess.run([update_translations.tool("pyside6-lupdate"), *update_translations.sources(),
                    "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True)
    missing = sorted(set(entries(fresh)) - set(entries(TS)))
    assert missing == [], "run: python packaging/update_translations.py"


@pytest.fixture
def german(qapp):  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_compiled_qm_translates(german) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    assert QCoreApplication.translate("Labels", "Order") == "Bestellung"  # the contact type
    assert QCoreApplication.translate("CustomerDetail", "Orders") == "Aufträge"
    assert QCoreApplication.translate("MainWindow", "%n customer(s)", "", 1) == "1 Kunde"
    assert QCoreApplication.translate("MainWindow", "%n customer(s)", "", 3) == "3 Kunden"
    # the ranking's totals row (self.tr in the model: lupdate sees the plural only that way)
    assert QCoreApplication.translate("RankingTotalsModel", "%n customer(s)", "", 3) == "3 Kunden"
    assert QCoreApplication.translate("Suggestions", "Contact due") == "Kontakt fällig"


def test_window_speaks_german(german, qtbot, shop: Repository, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kundenportfolio.ui.main_window import MainWindow

    from .conftest import TODAY

    window = MainWindow(shop, tmp_path / "x.sqlite3", today=TODAY)
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()] == \
        ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    assert window.navigation.item(0).text() == "Kunden"
    assert window.customer_count_label.text() == "3 Kunden"
    view = window.customers_view
    assert view.proxy.headerData(3, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) \
        == "Betreuer"
    view.select_customer(1)
    assert view.detail.tabs.tabText(0) == "Stammdaten"
    assert view.detail.rank_label.text() == "Rang 1 von 3"
    assert view.detail.value_label.text() == "Kundenwert CHF 10'500.00"
    window.grab().save(str(tmp_path / "german_window.png"))


def test_english_selectable_and_number_format_sets_qlocale(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from kundenportfolio.app import apply_ui_settings, install_translators

    translators = install_translators(qapp, "de")
    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    apply_ui_settings(qapp, translators, "en", "de-DE")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert QLocale().toString(1234.5, "f", 2) == "1.234,50"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Switzerland))
