"""The German translation is complete, current, compiled and used by the window."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

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


# ---- lupdate must be able to see every string -------------------------------------------
# pyside6-lupdate reads the source text, it does not run it: a helper like
# `def _tr(text): return translate("Ctx", text)` or a context held in a variable hides the
# strings, and the German UI shows English (it happened in the data-safety dialogs).
_APP_CLASSES = {"QCoreApplication", "QApplication", "QGuiApplication"}
_NOOPS = {"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "QT_TRANSLATE_N_NOOP", "QT_TR_NOOP"}


def _is_literal(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_app_translate(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "translate"
            and isinstance(node.value, ast.Name) and node.value.id in _APP_CLASSES)


def hidden_translations(source: str) -> list[str]:
    """Places in `source` whose strings lupdate cannot extract ("line: why")."""
    tree = ast.parse(source)
    found = []
    calls = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_app_translate(node.value):
            # `translate = QCoreApplication.translate` is fine: lupdate reads `translate(`
            if [t.id for t in node.targets if isinstance(t, ast.Name)] != ["translate"]:
                found.append(f"{node.lineno}: QCoreApplication.translate aliased")
            calls.add(id(node.value))
        elif _is_app_translate(node) and id(node) not in calls:  # partial(...), passed on
            found.append(f"{node.lineno}: QCoreApplication.translate used indirectly")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        first = node.args[0] if node.args else None
        if name == "_tr":
            found.append(f"{node.lineno}: _tr(...) wrapper call")
        elif _is_app_translate(func) or (isinstance(func, ast.Name) and name == "translate"):
            if not _is_literal(first):
                found.append(f"{node.lineno}: translate() context is not a literal")
        elif name in _NOOPS:
            if not all(_is_literal(a) for a in node.args[:1 if name == "QT_TR_NOOP" else 2]):
                found.append(f"{node.lineno}: {name}() with a non-literal argument")
        elif name == "tr" and isinstance(func, ast.Attribute) and not _is_literal(first):
            found.append(f"{node.lineno}: tr() text is not a literal")
    return found


def test_scan_finds_hidden_translations() -> None:
    """The scan itself: each hiding pattern is caught, the good forms are not."""
    bad = """
def _tr(text): return QCoreApplication.translate("Ctx", text)
_tr("a")
self._tr("b")
QCoreApplication.translate(CONTEXT, "c")
QApplication.translate(f"{name}", "d")
QT_TRANSLATE_NOOP(CONTEXT, "e")
self.tr(f"f {x}")
tr = QCoreApplication.translate
partial(QCoreApplication.translate, "Ctx")
translate(CONTEXT, "g")
"""
    # 1 line per pattern; the def's own translate(..., text) has a literal context (fine)
    assert sorted(int(f.split(":")[0]) for f in hidden_translations(bad)) == list(range(3, 12))
    good = """
translate = QCoreApplication.translate
translate("Ctx", "a")
QCoreApplication.translate("Ctx", "b")
QCoreApplication.translate("Ctx", TABLE[key])  # marked with QT_TRANSLATE_NOOP("Ctx", ...)
TABLE = {"k": QT_TRANSLATE_NOOP("Ctx", "c")}
self.tr("d")
storage_errors.translate(exc)
"""
    assert hidden_translations(good) == []


def test_no_hidden_translations_in_the_ui() -> None:
    files = sorted((ROOT / "kundenportfolio" / "ui").rglob("*.py"))
    files.append(ROOT / "kundenportfolio" / "app.py")
    assert len(files) > 30  # the scan really looks at the UI package
    problems = [f"{path.relative_to(ROOT)}:{where}" for path in files
                for where in hidden_translations(path.read_text(encoding="utf-8"))]
    assert problems == [], "write QCoreApplication.translate(\"Context\", \"text\") out in full"


# ---- the data-safety dialogs in German (screenshots in tmp_path) -------------------------
@pytest.fixture
def installed_german(qapp):  # type: ignore[no-untyped-def]
    from kundenportfolio.app import install_translators

    locale = QLocale()
    translators = install_translators(qapp, "de")
    assert translators  # our .qm at least
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(locale)


def _answer_box(button_text: str, seen: dict[str, object], shot: Path) -> None:
    """Once the modal box is up: record its texts, save a screenshot, click `button_text`."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["title"] = box.windowTitle()
        seen["informative"] = box.informativeText()
        seen["buttons"] = [b.text() for b in box.buttons()]
        box.grab().save(str(shot))
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(0, answer)


def test_lock_and_location_dialogs_speak_german(installed_german, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kundenportfolio.data.location import LocationRisk
    from kundenportfolio.ui.dialogs.location_warning import LocationAnswer, show_warning
    from kundenportfolio.ui.dialogs.lock_dialog import LockChoice, ask_read_only_or_quit

    seen: dict[str, object] = {}
    _answer_box("Beenden", seen, tmp_path / "lock_de.png")
    assert ask_read_only_or_quit(None, tmp_path / "x.sqlite3", None) is LockChoice.QUIT
    assert seen["title"] == "Datenbank bereits geöffnet"
    assert str(seen["informative"]).startswith("Sie können sie schreibgeschützt öffnen")
    assert seen["buttons"] == ["Schreibgeschützt öffnen", "Beenden"]

    seen.clear()
    _answer_box("Hier lassen", seen, tmp_path / "location_de.png")
    answer = show_warning(None, tmp_path / "x.sqlite3", LocationRisk.DROPBOX)
    assert answer is LocationAnswer.UNDERSTOOD
    assert seen["title"] == "Speicherort der Datenbank"
    assert sorted(seen["buttons"]) == ["Datenbank verschieben…", "Hier lassen"]  # type: ignore[arg-type]


def test_restore_and_error_dialogs_speak_german(installed_german, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from kundenportfolio.data import backup
    from kundenportfolio.ui.dialogs.backup_dialogs import RestoreDialog, reason_label
    from kundenportfolio.ui.dialogs.error_dialog import ErrorDialog

    dialog = RestoreDialog(tmp_path / "fehlt.sqlite3")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sicherung wiederherstellen"
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == \
        ["Datum", "Anlass", "Kunden", "Größe"]
    assert (dialog.restore_button.text(), dialog.other_button.text()) == \
        ("Wiederherstellen", "Andere Datei…")
    assert reason_label(backup.ON_CLOSE) == "Beim Beenden"
    dialog.grab().save(str(tmp_path / "restore_de.png"))

    error = ErrorDialog(RuntimeError("boom"), "Traceback …")
    qtbot.addWidget(error)
    assert error.windowTitle() == "Unerwarteter Fehler"
    assert error.message.text().startswith("Ein unerwarteter Fehler ist aufgetreten.")
    assert error.copy_button.text() == "Details kopieren"
