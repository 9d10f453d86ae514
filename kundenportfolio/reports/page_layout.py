"""Page layout of a report body: HTML blocks (QTextDocument) and fast painted grids.

A long customer list as one HTML table takes QTextDocument ~15 s per 5'000 rows to lay out;
a `Grid` is painted row by row with QPainter instead (long names wrap to a second line, then
are cut with "…"; the header row is repeated on every page): ~2 s for 5'000 rows. `plan` places all blocks
first, so the page count is known before painting ("Seite 1 von N").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

HEAD_BG = "#E4E8EE"
STRIPE_BG = "#F6F6F6"
TOTAL_BG = "#E9E9E9"
MAX_LINES = 2  # a long name wraps once; beyond that it is cut with "…"


@dataclass
class Html:
    """A block of German HTML (user values escaped), laid out by QTextDocument.

    keep_with_next: a heading for what follows; it moves to the next page rather than
    standing alone at the bottom of one.
    """

    html: str
    keep_with_next: bool = False


@dataclass
class Grid:
    """A plain-text table painted directly. columns: (label, "left"/"right", width fraction).

    The last `total_rows` rows are totals (bold, grey). Texts are literal, never markup.
    """

    columns: Sequence[tuple[str, str, float]]
    rows: Sequence[Sequence[str]]
    total_rows: int = 0


Block = Html | Grid


@dataclass
class Plan:
    """Draw operations per page; each op paints at the body's top-left corner of its page."""

    pages: list[list[Callable[[Any], None]]] = field(default_factory=lambda: [[]])

    def add(self, page: int, op: Callable[[Any], None]) -> None:
        while len(self.pages) <= page:
            self.pages.append([])
        self.pages[page].append(op)


def _html_document(block: Html, device: Any, width: float, font: Any, images: dict[str, Any]) -> Any:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    # The device first: point sizes are resolved on parsing. (That makes each table row lay
    # out the document again, which is why long lists are Grids, not HTML.)
    document.documentLayout().setPaintDevice(device)
    document.setHtml(block.html)
    document.setTextWidth(width)
    return document


def _draw_document(document: Any, y: float, clip_top: float, clip_height: float,
                   width: float) -> Callable[[Any], None]:
    def op(painter: Any) -> None:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette

        painter.save()
        painter.translate(0, y - clip_top)
        clip = QRectF(0, clip_top, width, clip_height)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
        document.documentLayout().draw(painter, context)
        painter.restore()
    return op


class _Cursor:
    def __init__(self, body: float) -> None:
        self.page, self.y, self.body = 0, 0.0, body

    def room(self) -> float:
        return self.body - self.y

    def new_page(self) -> None:
        self.page, self.y = self.page + 1, 0.0


def _place_html(plan: Plan, cursor: _Cursor, document: Any, width: float, line: float,
                keep_with_next: bool = False) -> None:
    from PySide6.QtCore import QSizeF

    height = float(document.size().height())
    follow = 4 * line  # room for a few lines of what follows
    if cursor.y > 0 and (height > cursor.room() or (keep_with_next and height + follow > cursor.room())):
        cursor.new_page()
    if height <= cursor.room():
        plan.add(cursor.page, _draw_document(document, cursor.y, 0, height, width))
        cursor.y += height
        return
    # Longer than a page: let QTextDocument paginate it (tables repeat their <thead>).
    document.setPageSize(QSizeF(width, cursor.body))
    pages = document.pageCount()
    for n in range(pages):
        plan.add(cursor.page, _draw_document(document, 0, n * cursor.body, cursor.body, width))
        if n < pages - 1:
            cursor.new_page()
    last = document.documentLayout().blockBoundingRect(document.lastBlock())
    cursor.y = min(cursor.body, float(last.bottom()) - (pages - 1) * cursor.body)


def _cell_texts(grid: Grid, cells: Sequence[str], width: float, pad: float, metrics: Any,
                line_height: float) -> tuple[list[tuple[str, int]], float]:
    """(text as shown, wrap flag) per cell and the row's height: left columns wrap (up to
    MAX_LINES lines, then cut with "…"; a word too long for the column breaks anywhere),
    right-aligned ones (amounts) stay on one line."""
    from PySide6.QtCore import QRectF, Qt

    word, anywhere = int(Qt.TextFlag.TextWordWrap), int(Qt.TextFlag.TextWrapAnywhere)
    shown, lines = [], 1
    for (_, align, fraction), cell in zip(grid.columns, cells, strict=True):
        room = width * fraction - 2 * pad
        if metrics.horizontalAdvance(cell) <= room:
            shown.append((cell, word))
            continue
        if align != "left":
            shown.append((metrics.elidedText(cell, Qt.TextElideMode.ElideRight, room), word))
            continue
        wrap = word
        box = metrics.boundingRect(QRectF(0, 0, room, 1e6), wrap, cell)
        if box.width() > room + 0.5:  # one word wider than the column
            wrap = anywhere
            box = metrics.boundingRect(QRectF(0, 0, room, 1e6), wrap, cell)
        needed = max(1, round(box.height() / metrics.lineSpacing()))
        if needed > MAX_LINES:
            needed = MAX_LINES
            cell = metrics.elidedText(cell, Qt.TextElideMode.ElideRight, room * MAX_LINES * 0.9)
        shown.append((cell, wrap))
        lines = max(lines, needed)
    return shown, line_height + (lines - 1) * metrics.lineSpacing()


def _grid_row(grid: Grid, shown: Sequence[tuple[str, int]], y: float, width: float,
              row_height: float, pad: float, font: Any, background: str | None) -> Callable[[Any], None]:
    def op(painter: Any) -> None:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor

        painter.save()
        painter.setFont(font)
        if background:
            painter.fillRect(QRectF(0, y, width, row_height), QColor(background))
        x = 0.0
        for (_, align, fraction), (cell, wrap) in zip(grid.columns, shown, strict=True):
            box = QRectF(x + pad, y, width * fraction - 2 * pad, row_height)
            flags = Qt.AlignmentFlag.AlignRight if align == "right" else Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignVCenter) | wrap, cell)
            x += width * fraction
        painter.restore()
    return op


def _place_grid(plan: Plan, cursor: _Cursor, grid: Grid, device: Any, width: float,
                font: Any, bold: Any) -> None:
    from PySide6.QtGui import QFontMetricsF

    # Texts are measured while planning, with the device's metrics.
    metrics, bold_metrics = QFontMetricsF(font, device), QFontMetricsF(bold, device)
    line_height = metrics.height() * 1.3
    pad = device.logicalDpiX() / 25.4 * 1.0  # 1 mm
    header, header_height = _cell_texts(grid, [label for label, _, _ in grid.columns], width, pad,
                                        bold_metrics, line_height)

    def put_header() -> None:
        plan.add(cursor.page, _grid_row(grid, header, cursor.y, width, header_height, pad, bold,
                                        HEAD_BG))
        cursor.y += header_height

    if cursor.room() < header_height + 2 * line_height:
        cursor.new_page()
    put_header()
    first_total = len(grid.rows) - grid.total_rows
    for index, cells in enumerate(grid.rows):
        total = index >= first_total
        shown, height = _cell_texts(grid, cells, width, pad, bold_metrics if total else metrics,
                                    line_height)
        if cursor.room() < height:
            cursor.new_page()
            put_header()
        background = TOTAL_BG if total else (STRIPE_BG if index % 2 else None)
        plan.add(cursor.page, _grid_row(grid, shown, cursor.y, width, height, pad,
                                        bold if total else font, background))
        cursor.y += height
    cursor.y += line_height * 0.6  # a little air before the next block


def plan_pages(blocks: Sequence[Block], device: Any, width: float, body: float, font: Any,
               bold: Any, images: dict[str, Any]) -> Plan:
    """Place every block on pages of `body` height; returns the draw operations per page."""
    from PySide6.QtGui import QFontMetricsF

    plan = Plan()
    cursor = _Cursor(body)
    line = float(QFontMetricsF(font, device).height())
    for block in blocks:
        if isinstance(block, Grid):
            _place_grid(plan, cursor, block, device, width, font, bold)
        else:
            _place_html(plan, cursor, _html_document(block, device, width, font, images), width,
                        line, block.keep_with_next)
    while plan.pages and not plan.pages[-1] and len(plan.pages) > 1:
        plan.pages.pop()  # a block that ended exactly at a page end leaves no blank page
    return plan
