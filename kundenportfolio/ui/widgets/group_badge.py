"""Coloured group badges: a delegate for table cells and a label for the detail header."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kundenportfolio.reports.colours import DEFAULT_GROUP_LABELS, GROUP_COLOURS
from kundenportfolio.ui.models.roles import GROUP_CODE_ROLE


def group_labels(settings: dict[str, Any] | None = None) -> dict[str, str]:
    """German group names, as configured in the settings when the scoring module knows them."""
    try:
        from kundenportfolio.core.scoring import group_label
    except ImportError:  # scoring not there yet: the method's default names
        return dict(DEFAULT_GROUP_LABELS)
    labels = {}
    for code, default in DEFAULT_GROUP_LABELS.items():
        try:
            labels[code] = group_label(settings or {}, code) or default
        except Exception:  # a broken label setting must not break the list
            labels[code] = default
    return labels


class GroupBadgeDelegate(QStyledItemDelegate):
    """Paints the group as a rounded coloured pill with white text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widths: dict[str, int] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        code = index.data(GROUP_CODE_ROLE)
        if not code:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect: QRect = option.rect.adjusted(3, 3, -3, -3)
        advance = self._widths.get(text)
        if advance is None:  # measuring text is slow and there are only four groups
            advance = self._widths[text] = option.fontMetrics.horizontalAdvance(text)
        width = min(rect.width(), advance + 14)
        pill = QRect(rect.left(), rect.top(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(GROUP_COLOURS.get(str(code), "#8C8C8C")))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class GroupBadge(QLabel):
    """The group in the customer detail header."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""

    def set_group(self, code: str | None, text: str) -> None:
        self.code = code or ""
        colour = GROUP_COLOURS.get(self.code, "#8C8C8C")
        self.setText(text)
        self.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 9px; padding: 2px 10px;"
            "font-weight: bold;"
        )
