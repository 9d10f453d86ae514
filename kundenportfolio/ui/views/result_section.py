"""What the Portfolio and Rangliste sections share: showing the store's result for a period.

A section computes nothing while hidden; when shown it reloads only if the data changed
meanwhile. The store updates its results in place, so "changed" is judged by a fingerprint of
the table rather than by object identity.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kundenportfolio.core.periods import Period
from kundenportfolio.ui.models.ranking_table import table_fingerprint


class ResultSection:
    """Mixin for a QWidget with `repository`, `store`, `period_selector` and `show_result()`."""

    result: Any = None
    _fingerprint: Any = None

    def period(self) -> Period:
        return self.period_selector.period()  # type: ignore[attr-defined, no-any-return]

    def set_period(self, period: Period) -> None:
        """Follow the main window's period (no work if this view shows it already)."""
        if period == self.period() and self.result is not None and not self._is_stale():
            return
        self.period_selector.set_period(period)  # type: ignore[attr-defined]
        self.refresh()

    def refresh(self) -> None:
        """Reload from the store (after data or settings changes); deferred while hidden."""
        if not self.isVisible():  # type: ignore[attr-defined]
            self.result = None
            return
        self.settings = dict(self.repository.all_settings())  # type: ignore[attr-defined]
        # the first computation of a period takes seconds with 100k customers
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result = self.store.result(self.period())  # type: ignore[attr-defined]
        finally:
            QApplication.restoreOverrideCursor()
        self._fingerprint = table_fingerprint(self.result.table)
        self.show_result()

    def show_result(self) -> None:
        """Fill the section from `self.result` (and `self.settings`)."""
        raise NotImplementedError

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self.result is None or self._is_stale():
            self.refresh()

    def _is_stale(self) -> bool:
        result = self.store.result(self.period())  # type: ignore[attr-defined]
        return result is not self.result or table_fingerprint(result.table) != self._fingerprint
