"""Start-up work left for later: no matplotlib for the list and the detail, sections built
when first shown (issues 4 and 9)."""

from __future__ import annotations

import subprocess
import sys

from kundenportfolio.core.periods import Period
from kundenportfolio.reports import charts, colours


def test_main_window_does_not_import_matplotlib() -> None:
    # a fresh interpreter: this test process has matplotlib loaded by other tests already
    code = ("import sys\n"
            "import kundenportfolio.app, kundenportfolio.ui.main_window\n"
            "print(sorted(m for m in ('matplotlib', 'kundenportfolio.reports.charts') "
            "if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_group_colours_defined_once() -> None:
    assert charts.GROUP_COLOURS is colours.GROUP_COLOURS
    assert charts.GROUP_ORDER == ("star", "ertrag", "fragezeichen", "mitnahme")
    assert charts.DEFAULT_GROUP_LABELS is colours.DEFAULT_GROUP_LABELS


def test_revenue_chart_made_when_its_tab_is_first_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.customers_view
    view.select_customer(1)  # Bäckerei Müller: orders in 2026 only
    detail = view.detail
    assert detail.figure is None and detail.canvas is None
    detail.tabs.setCurrentIndex(4)
    qtbot.waitUntil(lambda: detail.canvas is not None)  # drawn right after the table shows
    assert detail.canvas.figure is detail.figure
    assert detail.revenue_split.indexOf(detail.canvas) == 1
    assert len(detail.figure.axes) == 1  # one bar chart drawn
    canvas = detail.canvas
    detail.tabs.setCurrentIndex(0)
    view.select_customer(2)
    detail.tabs.setCurrentIndex(4)
    qtbot.waitUntil(lambda: not detail._chart_stale)
    assert detail.canvas is canvas  # made once, drawn again


def test_sections_built_when_first_shown(window) -> None:  # type: ignore[no-untyped-def]
    keys = [s.key for s in window.sections]
    assert [s.built for s in window.sections] == [k == "customers" for k in keys]
    assert window.stack.count() == window.navigation.count() == len(keys)
    # a period chosen before the ranking exists is the one it starts with
    window.period_selector.set_period(Period.calendar_year(2025), emit=True)
    row = keys.index("ranking")
    window.show_section("ranking")
    ranking = window.sections[row]
    assert ranking.built
    assert window.stack.currentIndex() == row
    assert window.stack.currentWidget() is ranking.widget is window.section("ranking")
    period = ranking.widget.period
    assert (period() if callable(period) else period) == Period.calendar_year(2025)
    assert window.stack.count() == len(keys)  # the empty place was replaced, not added to
    assert not window.sections[keys.index("settings")].built
    # a customer activated in a section built later still opens in the Kunden section
    window.section("portfolio").customer_activated.emit(2)
    assert window.stack.currentWidget() is window.customers_view
    assert window.customers_view.detail.title.text() == "10002  Garage Huber GmbH"
