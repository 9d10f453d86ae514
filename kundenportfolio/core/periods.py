"""Reference periods for the Kundenwert (METHOD §2): last 12 months, a calendar year, all time.

Both ends are inclusive: an order dated on `end` is inside, one dated the day after is not.
`key` is a stable identifier stored in the group history; `label` is the German caption.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

PeriodKind = Literal["last12", "year", "all"]


def _minus_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _german(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


@dataclass(frozen=True)
class Period:
    """A reference period. `start` is None for "all time"."""

    kind: PeriodKind
    start: dt.date | None
    end: dt.date

    # ---- constructors ------------------------------------------------------------------

    @classmethod
    def last_12_months(cls, as_of: dt.date) -> Period:
        """The twelve months ending on `as_of`: 27.11.2025–26.11.2026 for as_of 26.11.2026."""
        return cls("last12", _minus_years(as_of, 1) + dt.timedelta(days=1), as_of)

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls("year", dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def all_time(cls, as_of: dt.date) -> Period:
        return cls("all", None, as_of)

    @classmethod
    def parse(cls, text: str, as_of: dt.date) -> Period:
        """`12m` (default), `YYYY` or `all` as typed on the command line.

        Raises ValueError with a German message for anything else.
        """
        raw = (text or "12m").strip().lower()
        if raw in ("12m", "last12", "12"):
            return cls.last_12_months(as_of)
        if raw in ("all", "alle", "gesamt"):
            return cls.all_time(as_of)
        if re.fullmatch(r"\d{4}", raw) and 1900 <= int(raw) <= 2999:
            return cls.calendar_year(int(raw))
        raise ValueError(
            f"«{text}» ist kein Zeitraum. Erlaubt: 12m (letzte 12 Monate), "
            "ein Jahr wie 2025, oder all (alle Jahre)."
        )

    @classmethod
    def from_key(cls, key: str) -> Period:
        """The period a stored `key` stands for (inverse of `key`)."""
        if re.fullmatch(r"\d{4}", key):
            return cls.calendar_year(int(key))
        if key.startswith("12M-"):
            return cls.last_12_months(dt.date.fromisoformat(key[4:]))
        if key.startswith("ALL-"):
            return cls.all_time(dt.date.fromisoformat(key[4:]))
        raise ValueError(f"«{key}» ist kein bekannter Zeitraum.")

    # ---- derived -----------------------------------------------------------------------

    @property
    def key(self) -> str:
        if self.kind == "year":
            return str(self.end.year)
        if self.kind == "last12":
            return f"12M-{self.end.isoformat()}"
        return f"ALL-{self.end.isoformat()}"

    @property
    def label(self) -> str:
        if self.kind == "year":
            return f"Kalenderjahr {self.end.year}"
        if self.kind == "last12":
            assert self.start is not None
            return f"Letzte 12 Monate ({_german(self.start)}–{_german(self.end)})"
        return f"Alle Jahre (bis {_german(self.end)})"

    def previous(self) -> Period:
        """The period before, of the same length (all time: all time up to one year earlier)."""
        if self.kind == "year":
            return Period.calendar_year(self.end.year - 1)
        if self.kind == "last12":
            assert self.start is not None
            return Period.last_12_months(self.start - dt.timedelta(days=1))
        return Period.all_time(_minus_years(self.end, 1))

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and day <= self.end

    @property
    def day_after(self) -> dt.date:
        """First day after the period (exclusive bound for timestamps)."""
        return self.end + dt.timedelta(days=1)

    def __str__(self) -> str:
        return self.label
