"""Smoke test of the main window: sections, status bar, shared period, remembered state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kundenportfolio.core.periods import Period
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.main_window import MainWindow
from kundenportfolio.ui.models.customer_table import COLUMN_INDEX

from .conftest import TODAY


def test_window_shows_sections_menus_and_status(window) -> None:  # type: ignore[no-untyped-def]
    keys = [s.key for s in window.sections]
    assert keys[0] == "customers"
    # only sections whose widget exists (no placeholders); later features add theirs
    assert {"portfolio", "ranking", "settings"} <= set(keys)
    assert len(set(keys)) == len(keys)
    assert window.navigation.count() == len(keys)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.customer_count_label.text() == "3 customer(s)"
    assert window.period_label.text() == \
        "Period: Letzte 12 Monate (27.11.2025–26.11.2026)"
    assert "shop.sqlite3" in window.db_label.text()
    assert window.customers_view.proxy.rowCount() == 3


def test_period_change_reaches_list_detail_and_status(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.customers_view.select_customer(1)
    with qtbot.waitSignal(window.period_changed) as blocker:
        window.period_selector.set_period(Period.calendar_year(2025), emit=True)
    assert blocker.args == [Period.calendar_year(2025)]
    assert window.period_label.text() == "Period: Kalenderjahr 2025"
    # no orders in 2025: everybody is worth 0.00, the detail header follows
    view = window.customers_view
    assert view.model.value(1, "kundenwert_cents") == 0
    assert view.detail.value_label.text() == "Customer value CHF 0.00"
    for section in window.sections:
        if hasattr(section.widget, "period"):
            period = section.widget.period
            assert (period() if callable(period) else period) == Period.calendar_year(2025)


def test_sections_switch_and_customer_opens_from_other_views(window) -> None:  # type: ignore[no-untyped-def]
    for row, section in enumerate(window.sections):
        window.show_section(section.key)
        assert window.stack.currentIndex() == row
    window.open_customer(2)
    assert window.stack.currentWidget() is window.customers_view
    assert window.customers_view.detail.title.text() == "10002  Garage Huber GmbH"


def test_geometry_and_columns_remembered(qtbot, shop: Repository, tmp_path: Path) -> None:
    first = MainWindow(shop, tmp_path / "a.sqlite3", today=TODAY)
    qtbot.addWidget(first)
    first.show()
    first.resize(799, 590)  # the offscreen screen is 800×600; larger sizes get clamped
    size = first.size()
    header = first.customers_view.table.horizontalHeader()
    header.resizeSection(1, 333)
    city, name = COLUMN_INDEX["city"], COLUMN_INDEX["name"]
    header.moveSection(header.visualIndex(city), 0)  # «Ort» dragged to the front
    header.setSortIndicator(name, Qt.SortOrder.DescendingOrder)  # a click on «Name», twice
    assert _names(first) == ["Hotel Sonne", "Garage Huber GmbH", "Bäckerei Müller AG"]
    first.close()
    second = MainWindow(shop, tmp_path / "a.sqlite3", today=TODAY)
    qtbot.addWidget(second)
    second.show()
    # the width is held at the window's minimum on the small offscreen screen; the height is free
    assert second.size().height() == size.height() == 590
    view = second.customers_view
    header = view.table.horizontalHeader()
    assert header.sectionSize(1) == 333
    assert header.visualIndex(city) == 0 and header.logicalIndex(0) == city
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == \
        (name, Qt.SortOrder.DescendingOrder)
    assert (view.proxy.sortColumn(), view.proxy.sortOrder()) == (name, Qt.SortOrder.DescendingOrder)
    assert _names(second) == ["Hotel Sonne", "Garage Huber GmbH", "Bäckerei Müller AG"]  # sorted
    header.setSortIndicator(COLUMN_INDEX["rank"], Qt.SortOrder.AscendingOrder)  # back to rank
    assert _names(second) == ["Bäckerei Müller AG", "Garage Huber GmbH", "Hotel Sonne"]


def _names(window: MainWindow) -> list[str]:
    proxy = window.customers_view.proxy
    return [proxy.index(r, COLUMN_INDEX["name"]).data() for r in range(proxy.rowCount())]


def test_screenshots_of_each_view(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.customers_view.select_customer(1)
    for section in window.sections:
        window.show_section(section.key)
        qtbot.wait(10)
        path = tmp_path / f"section_{section.key}.png"
        assert window.grab().save(str(path))
        assert path.stat().st_size > 10_000  # a real picture, not an empty frame
    detail = window.customers_view.detail
    window.show_section("customers")
    for index in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(index)
        assert window.grab().save(str(tmp_path / f"detail_tab_{index}.png"))
    dialog = detail.show_explanation()
    assert dialog is not None and dialog.model.rowCount() > 0
    assert dialog.grab().save(str(tmp_path / "score_dialog.png"))
    dialog.close()


def test_number_format_setting_applies_after_settings_change(window, shop: Repository) -> None:  # type: ignore[no-untyped-def]
    window.customers_view.select_customer(1)
    shop.set_settings({"number_format": "de-DE", "currency": "EUR"})
    window.settings_changed()
    view = window.customers_view
    row = view.model.row_of(1)
    assert view.proxy.index(row, 6).data() == "10.500,00"
    assert view.detail.value_label.text() == "Customer value EUR 10.500,00"
