"""The Qt binding must not leak or free references to None (PySide6 6.12.0 did).

Every call of a Qt method returning void dropped None's reference count by one; a long
session then aborted with "Fatal Python error: none_dealloc". pyproject.toml excludes that
version; this test fails if a broken binding comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF


def test_void_qt_calls_keep_none_alive() -> None:
    rect = QRectF(0, 0, 1, 1)
    before = sys.getrefcount(None)
    for _ in range(2000):
        rect.setWidth(2.0)
    # a drop of 2000 would mean every call freed a reference it never took
    assert sys.getrefcount(None) - before > -50
