"""Words for the codes core returns (contact types, cost categories, directions)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Labels"

CONTACT_TYPES: dict[str, str] = {
    "call": QT_TRANSLATE_NOOP(_CONTEXT, "Call"),
    "inquiry": QT_TRANSLATE_NOOP(_CONTEXT, "Inquiry"),
    "offer": QT_TRANSLATE_NOOP(_CONTEXT, "Offer"),
    "order": QT_TRANSLATE_NOOP(_CONTEXT, "Order"),
    "complaint": QT_TRANSLATE_NOOP(_CONTEXT, "Complaint"),
    "visit": QT_TRANSLATE_NOOP(_CONTEXT, "Visit"),
    "email": QT_TRANSLATE_NOOP(_CONTEXT, "E-mail"),
    "event": QT_TRANSLATE_NOOP(_CONTEXT, "Trade fair/event"),
    "other": QT_TRANSLATE_NOOP(_CONTEXT, "Other"),
}
COST_CATEGORIES: dict[str, str] = {
    "visit": QT_TRANSLATE_NOOP(_CONTEXT, "Visit"),
    "service": QT_TRANSLATE_NOOP(_CONTEXT, "Service"),
    "complaint_handling": QT_TRANSLATE_NOOP(_CONTEXT, "Complaint handling"),
    "gift": QT_TRANSLATE_NOOP(_CONTEXT, "Promotional gift"),
    "event": QT_TRANSLATE_NOOP(_CONTEXT, "Event"),
    "marketing": QT_TRANSLATE_NOOP(_CONTEXT, "Marketing"),
    "other": QT_TRANSLATE_NOOP(_CONTEXT, "Other"),
}
DIRECTIONS: dict[str, str] = {
    "in": QT_TRANSLATE_NOOP(_CONTEXT, "inbound"),
    "out": QT_TRANSLATE_NOOP(_CONTEXT, "outbound"),
}


def label(table: dict[str, str], code: object) -> str:
    """The translated word for `code`, the code itself if unknown."""
    key = str(getattr(code, "value", code))
    return QCoreApplication.translate(_CONTEXT, table[key]) if key in table else key
