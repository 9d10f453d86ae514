"""Words for the codes core returns (contact types, cost categories, directions)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTACT_TYPES: dict[str, str] = {
    "call": QT_TRANSLATE_NOOP("Labels", "Call"),
    "inquiry": QT_TRANSLATE_NOOP("Labels", "Inquiry"),
    "offer": QT_TRANSLATE_NOOP("Labels", "Offer"),
    "order": QT_TRANSLATE_NOOP("Labels", "Order"),
    "complaint": QT_TRANSLATE_NOOP("Labels", "Complaint"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "event": QT_TRANSLATE_NOOP("Labels", "Trade fair/event"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
COST_CATEGORIES: dict[str, str] = {
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "service": QT_TRANSLATE_NOOP("Labels", "Service"),
    "complaint_handling": QT_TRANSLATE_NOOP("Labels", "Complaint handling"),
    "gift": QT_TRANSLATE_NOOP("Labels", "Promotional gift"),
    "event": QT_TRANSLATE_NOOP("Labels", "Event"),
    "marketing": QT_TRANSLATE_NOOP("Labels", "Marketing"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
DIRECTIONS: dict[str, str] = {
    "in": QT_TRANSLATE_NOOP("Labels", "inbound"),
    "out": QT_TRANSLATE_NOOP("Labels", "outbound"),
}


def label(table: dict[str, str], code: object) -> str:
    """The translated word for `code`, the code itself if unknown."""
    key = str(getattr(code, "value", code))
    return QCoreApplication.translate("Labels", table[key]) if key in table else key
