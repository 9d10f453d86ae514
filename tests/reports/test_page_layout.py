"""Grid rows measured with the PDF's real font metrics: every cell fits its row, at most two
lines, lines break at spaces and hyphens only, a word too long for its column is cut with «…»."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kundenportfolio.reports.page_layout import MAX_LINES, Grid, GridRow, fit_lines, plan_pages
from kundenportfolio.reports.pdf import BASE_POINT_SIZE, _font, setup_a4
from kundenportfolio.reports.value_list import COLUMNS

pytestmark = pytest.mark.usefixtures("qapp")

LONG_NAME = "Hartmann + Haas Architekten GmbH & Co. KG"  # demo customer 10003: wrapped to 3 lines
VERY_LONG = ("Gemeinschaftspraxis Dr. med. Müller-Lüdenscheid, Dr. med. dent. Schäfer-Furrer "
             "und Partnerinnen Zahnärzte AG")
ONE_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwe"


@pytest.fixture
def device(tmp_path: Path) -> Any:
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(300)
    setup_a4(writer)
    return writer


def _metrics(device: Any, bold: bool = False) -> Any:
    from PySide6.QtGui import QFontMetricsF

    return QFontMetricsF(_font(device, BASE_POINT_SIZE, bold), device)


def _words(text: str) -> list[str]:
    return text.replace("-", "- ").split()


def _check_lines(text: str, lines: list[str], room: float, metrics: Any) -> None:
    """At most MAX_LINES lines, each no wider than `room`; the lines are the text's words in
    order, every line but a cut last one ending at a word (never inside one)."""
    assert 1 <= len(lines) <= MAX_LINES, lines
    words = _words(text)
    position = 0
    for number, line in enumerate(lines):
        assert metrics.horizontalAdvance(line) <= room + 0.01, (line, room)
        cut = line.endswith("…")
        shown = _words(line.removesuffix("…"))
        for index, word in enumerate(shown):
            if cut and index == len(shown) - 1:
                assert words[position + index].startswith(word), (line, text)
            else:
                assert word == words[position + index], (line, text)  # whole words only
        position += len(shown)
        if cut:
            assert number == len(lines) - 1, lines  # nothing after the «…»
    if not lines[-1].endswith("…"):
        assert position == len(words), (lines, text)  # nothing lost without a «…»


@pytest.mark.parametrize("text", [LONG_NAME, VERY_LONG, ONE_WORD, "Schaffhausen",
                                  "Bäckerei-Konditorei-Café Müller-Lüdenscheid", "Kurz AG"])
@pytest.mark.parametrize("room_mm", [12.0, 25.0, 38.0])
def test_fit_lines_whole_words_at_most_two_lines(device: Any, text: str, room_mm: float) -> None:
    metrics = _metrics(device)
    room = room_mm * device.logicalDpiX() / 25.4
    _check_lines(text, fit_lines(text, room, metrics), room, metrics)


def test_fit_lines_examples(device: Any) -> None:
    metrics = _metrics(device)
    mm = device.logicalDpiX() / 25.4
    name_room = 180 * 0.215 * mm - 2 * mm  # the Name column of the Kundenwertliste
    lines = fit_lines(LONG_NAME, name_room, metrics)
    assert len(lines) == 2 and lines[0].startswith("Hartmann + Haas") and lines[1].endswith("…")
    word = fit_lines(ONE_WORD, name_room, metrics)
    assert len(word) == 1 and word[0].endswith("…") and ONE_WORD.startswith(word[0][:-1])
    narrow = metrics.horizontalAdvance("Schaffhausen") - 1  # was broken: «Schaffhaus|en»
    [city] = fit_lines("Schaffhausen", narrow, metrics)
    assert city.endswith("…") and "Schaffhausen".startswith(city[:-1])
    hyphen = metrics.horizontalAdvance("Bäckerei-Konditorei") - 1
    assert fit_lines("Bäckerei-Konditorei Müller", hyphen, metrics) == ["Bäckerei-",
                                                                         "Konditorei Müller"]
    assert fit_lines("12'345'678.90", 5 * mm, metrics, 1)[0].endswith("…")  # amounts: one line


def _rows(device: Any, grid: Grid) -> list[GridRow]:
    width = float(device.width())
    plan = plan_pages([grid], device, width, float(device.height()), _font(device, BASE_POINT_SIZE),
                      _font(device, BASE_POINT_SIZE, bold=True), {})
    assert len(plan.pages) == 1
    rows = [op for op in plan.pages[0] if isinstance(op, GridRow)]
    assert len(rows) == len(grid.rows) + 1  # the header row, then every row
    return rows


def test_grid_rows_hold_their_text_and_never_overlap(device: Any) -> None:
    def row(rank: int, name: str, city: str, staff: str) -> list[str]:
        return [str(rank), f"{10000 + rank}", name, city, staff, "Fragezeichenkunden", "A",
                "1'234'567.85", "-10'775.00"]

    grid = Grid(COLUMNS, [
        row(1, "Kurz AG", "Bern", "Anna Keller"),
        row(2, LONG_NAME, "Regensburg", "Hans Krämer"),
        row(3, VERY_LONG, "Freiburg im Breisgau", "Franziska Hürlimann"),
        row(4, ONE_WORD, "Schaffhausen", "Annemarie-Zwahlen Oberholzer"),
        row(5, f"{ONE_WORD} {ONE_WORD}", ONE_WORD, ONE_WORD),
        row(6, "Café Zürcher", "Zug", "Beat Meier"),
    ], total_rows=1)
    rows = _rows(device, grid)
    metrics, bold = _metrics(device), _metrics(device, bold=True)
    for before, after in zip(rows, rows[1:], strict=False):
        assert before.y + before.height <= after.y + 0.01  # rows follow each other
    texts = [[label for label, _, _ in COLUMNS]] + [list(r) for r in grid.rows]
    for index, (grid_row, cells) in enumerate(zip(rows, texts, strict=True)):
        measure = bold if index in (0, len(rows) - 1) else metrics
        x = 0.0
        for (_, align, fraction), cell, lines, rects in zip(
                COLUMNS, cells, grid_row.lines, grid_row.text_rects(), strict=True):
            column = fraction * float(device.width())
            for rect in rects:  # inside the row and inside the column
                assert grid_row.y - 0.01 <= rect.top() and rect.bottom() <= grid_row.y \
                    + grid_row.height + 0.01, (cell, grid_row.y, grid_row.height, rect)
                assert x <= rect.left() and rect.right() <= x + column + 0.01
                assert rect.height() >= measure.height()
            for first, second in zip(rects, rects[1:], strict=False):
                assert first.bottom() <= second.top() + 0.01  # lines don't overlap either
            room = rects[0].width()
            _check_lines(cell, lines, room, measure)
            if align == "right":
                assert len(lines) == 1
            x += column
    assert len(rows[2].lines[2]) == 2 and rows[2].lines[2][1].endswith("…")  # Hartmann + Haas
    assert list(rows[4].lines[3]) == ["Schaffhausen"]  # whole on one line, not «Schaffhaus|en»
