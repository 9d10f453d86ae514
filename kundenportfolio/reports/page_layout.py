"""Page layout of a report body: HTML blocks (QTextDocument) and fast painted grids.

A long customer list as one HTML table takes QTextDocument ~15 s per 5'000 rows to lay out;
a `Grid` is painted row by row with QPainter instead (long names wrap at spaces and hyphens to
a second line, then are cut with "…"; the header row is repeated on every page): ~2 s for
5'000 rows. `plan` places all blocks first, so the page count is known before painting
("Seite 1 von N").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

HEAD_BG = "#E4E8EE"
STRIPE_BG = "#F6F6F6"
TOTAL_BG = "#E9E9E9"
MAX_LINES = 2  # a long name wraps once; beyond that it is cut with "…" (see fit_lines)


@dataclass
class Html:
    """A block of German HTML (user values escaped), laid out by QTextDocument.

    keep_with_next: a heading for what follows; it moves to the next page rather than
    standing alone at the bottom of one. whole_words: lines break between words only (Qt's
    default breaks a word that does not fit its table column anywhere, «Zeitpu|nkt»); a word
    longer than its column widens the column instead, so check the width (`html_width`).
    """

    html: str
    keep_with_next: bool = False
    whole_words: bool = False


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
    if block.whole_words:
        from PySide6.QtGui import QTextOption

        option = document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document.setDefaultTextOption(option)
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    # The device first: point sizes are resolved on parsing. (That makes each table row lay
    # out the document again, which is why long lists are Grids, not HTML.)
    document.documentLayout().setPaintDevice(device)
    document.setHtml(block.html)
    document.setTextWidth(width)
    return document


def html_width(block: Html, device: Any, width: float, font: Any) -> float:
    """The width `block` takes when laid out `width` wide: more than `width` if a table's
    columns cannot hold their longest words (whole_words)."""
    return float(_html_document(block, device, width, font, {}).size().width())


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


# A line may break after a space, or after a hyphen or slash between letters
# («Müller-Lüdenscheid», «Kunz/Meier»), never inside a word.
_BREAK = re.compile(r"(?<=\s)(?=\S)|(?<=\w[-/\u2010\u2013])(?=\w)")


def fit_lines(text: str, room: float, metrics: Any, max_lines: int = MAX_LINES) -> list[str]:
    """`text` as at most `max_lines` lines no wider than `room` (measured with `metrics`, a
    QFontMetricsF of the painting device): wrapped at spaces and hyphens only; what does not fit
    ends in "…" — the rest of the last line, or a single word wider than the column."""
    from PySide6.QtCore import Qt

    text = " ".join(text.split())  # tabs and line breaks as spaces: lines are ours to make

    def width(piece: str) -> float:
        return float(metrics.horizontalAdvance(piece))

    def elide(piece: str) -> str:
        return str(metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room))

    if width(text) <= room:
        return [text]
    rest = _BREAK.split(text)
    lines: list[str] = []
    while rest:
        if len(lines) >= max_lines - 1:
            lines.append(elide("".join(rest).rstrip()))
            break
        take = 0
        while take < len(rest) and width("".join(rest[:take + 1]).rstrip()) <= room:
            take += 1
        if take == 0:  # one word wider than the column: cut with "…", not broken
            lines.append(elide("".join(rest).rstrip()))
            break
        lines.append("".join(rest[:take]).rstrip())
        rest = rest[take:]
    return lines


def _cell_lines(grid: Grid, cells: Sequence[str], width: float, pad: float,
                metrics: Any) -> list[list[str]]:
    """The lines of each cell: left columns wrap (up to MAX_LINES lines), right-aligned ones
    (amounts) stay on one line."""
    return [fit_lines(cell, width * fraction - 2 * pad, metrics,
                      MAX_LINES if align == "left" else 1)
            for (_, align, fraction), cell in zip(grid.columns, cells, strict=True)]


@dataclass
class GridRow:
    """One painted row of a Grid: the lines of every cell and where they go (a draw operation).

    Each line is drawn on its own, without Qt's wrapping, so the page shows exactly the lines
    measured while planning.
    """

    grid: Grid
    lines: list[list[str]]
    y: float
    height: float
    width: float
    pad: float
    line_spacing: float
    font: Any
    background: str | None

    def text_rects(self) -> list[list[Any]]:
        """Per cell, the QRectF of each of its lines (vertically centred in the row)."""
        from PySide6.QtCore import QRectF

        rects, x = [], 0.0
        for (_, _, fraction), lines in zip(self.grid.columns, self.lines, strict=True):
            top = self.y + (self.height - len(lines) * self.line_spacing) / 2
            rects.append([QRectF(x + self.pad, top + n * self.line_spacing,
                                 self.width * fraction - 2 * self.pad, self.line_spacing)
                          for n in range(len(lines))])
            x += self.width * fraction
        return rects

    def __call__(self, painter: Any) -> None:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor

        painter.save()
        painter.setFont(self.font)
        if self.background:
            painter.fillRect(QRectF(0, self.y, self.width, self.height), QColor(self.background))
        for (_, align, _), lines, rects in zip(self.grid.columns, self.lines, self.text_rects(),
                                               strict=True):
            flags = Qt.AlignmentFlag.AlignRight if align == "right" else Qt.AlignmentFlag.AlignLeft
            for line, rect in zip(lines, rects, strict=True):
                painter.drawText(rect, int(flags | Qt.AlignmentFlag.AlignVCenter), line)
        painter.restore()


def _place_grid(plan: Plan, cursor: _Cursor, grid: Grid, device: Any, width: float,
                font: Any, bold: Any) -> None:
    from PySide6.QtGui import QFontMetricsF

    # Texts are measured while planning, with the device's metrics.
    metrics, bold_metrics = QFontMetricsF(font, device), QFontMetricsF(bold, device)
    spacing = max(float(metrics.lineSpacing()), float(bold_metrics.lineSpacing()))
    line_height = max(metrics.height() * 1.3, spacing)
    pad = device.logicalDpiX() / 25.4 * 1.0  # 1 mm

    def row(lines: list[list[str]], font_: Any, background: str | None) -> GridRow:
        count = max(len(cell) for cell in lines)
        return GridRow(grid, lines, y=cursor.y, height=line_height + (count - 1) * spacing,
                       width=width, pad=pad, line_spacing=spacing, font=font_,
                       background=background)

    header = _cell_lines(grid, [label for label, _, _ in grid.columns], width, pad, bold_metrics)

    def put_header() -> None:
        operation = row(header, bold, HEAD_BG)
        plan.add(cursor.page, operation)
        cursor.y += operation.height

    if cursor.room() < row(header, bold, None).height + 2 * line_height:
        cursor.new_page()
    put_header()
    first_total = len(grid.rows) - grid.total_rows
    for index, cells in enumerate(grid.rows):
        total = index >= first_total
        lines = _cell_lines(grid, cells, width, pad, bold_metrics if total else metrics)
        background = TOTAL_BG if total else (STRIPE_BG if index % 2 else None)
        operation = row(lines, bold if total else font, background)
        if cursor.room() < operation.height:
            cursor.new_page()
            put_header()
            operation.y = cursor.y
        plan.add(cursor.page, operation)
        cursor.y += operation.height
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
