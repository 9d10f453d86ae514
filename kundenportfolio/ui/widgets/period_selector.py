"""A combo box for the reference period: last 12 months, calendar years, all years."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from kundenportfolio.core.periods import Period

YEARS_OFFERED = 6  # at least the current and the five previous calendar years
OLDEST_YEAR_OFFERED = 50  # years back at most, whatever a mistyped order date says


class PeriodSelector(QComboBox):
    """Emits `period_changed(Period)` when the user picks another period."""

    period_changed = Signal(object)

    def __init__(self, today: dt.date | None = None, parent: QWidget | None = None, *,
                 first_year: int | None = None) -> None:
        """`first_year`: the year of the oldest order; every year since then is offered."""
        super().__init__(parent)
        self.today = today or dt.date.today()
        years = max(YEARS_OFFERED, self.today.year - (first_year or self.today.year) + 1)
        self._periods: list[Period] = [Period.last_12_months(self.today)]
        self._periods += [Period.calendar_year(self.today.year - i)
                          for i in range(min(years, OLDEST_YEAR_OFFERED))]
        self._periods.append(Period.all_time(self.today))
        for period in self._periods:
            self.addItem(self._caption(period))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self._emit)

    def _caption(self, period: Period) -> str:
        if period.kind == "last12":
            return self.tr("Last 12 months")
        if period.kind == "all":
            return self.tr("All years")
        return self.tr("Year %1").replace("%1", str(period.end.year))

    def _emit(self, index: int) -> None:
        if 0 <= index < len(self._periods):
            self.period_changed.emit(self._periods[index])

    def period(self) -> Period:
        return self._periods[max(self.currentIndex(), 0)]

    def set_period(self, period: Period, *, emit: bool = False) -> None:
        """Select `period` (added to the list if it is not offered yet)."""
        if period not in self._periods:
            self._periods.append(period)
            self.addItem(period.label)
        was_blocked = self.blockSignals(not emit)
        self.setCurrentIndex(self._periods.index(period))
        self.blockSignals(was_blocked)
