"""Write a table (participant list, suggestion list) as CSV or XLSX for a mail merge.

A thin adapter from a pandas DataFrame with German headers to the shared `reports.export`
writers: German Excel CSV (semicolons, UTF-8 with BOM, decimal comma, no thousands separator,
dates TT.MM.JJJJ) or XLSX (real numbers and dates with number formats). Columns are text unless
`kinds` says otherwise, so postcodes keep their leading zero ("01067"); a "money" column holds
integer cents.

Formula injection is neutralised as in `reports.export`: a cell starting with = + - @, a tab
or a carriage return gets a leading apostrophe in CSV and Excel's (invisible) quote prefix in XLSX —
also a phone number «+49 30 …», which German Excel would otherwise evaluate. For a mail merge
the XLSX file is therefore the better choice: there the protection shows in no letter.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

import pandas as pd

from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.reports import export


def write_table(frame: pd.DataFrame, path: Path | str, *, sheet_title: str = "Liste",
                kinds: Mapping[str, export.Kind] | None = None) -> int:
    """Write `frame` to .csv or .xlsx, chosen by the file ending; returns the row count.

    `kinds` by header: "money" (integer cents), "integer", "number", "date"; other columns are
    text. Missing values (None/NaN/NaT/NA) become empty cells.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(FieldError("--out", "Die Datei muss auf .csv oder .xlsx enden."))
    kinds = kinds or {}
    columns = [export.Column(str(header), itemgetter(i), kinds.get(str(header), "text"))
               for i, header in enumerate(frame.columns)]
    # rows as tuples, read by position; text cells as str, numbers as Python numbers
    values = frame.to_numpy(dtype=object)
    missing = frame.isna().to_numpy()
    rows = [tuple(None if gone else _value(value, column.kind)
                  for value, gone, column in zip(row, gaps, columns, strict=True))
            for row, gaps in zip(values, missing, strict=True)]
    if suffix == ".xlsx":
        return export.write_xlsx(path, columns, rows, sheet_title=sheet_title)
    return _write_csv(path, columns, rows)


def _value(value: Any, kind: export.Kind) -> Any:
    if kind in ("money", "integer"):
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "date" and isinstance(value, dt.datetime):  # also pd.Timestamp
        return value.date()
    if kind in ("date", "datetime"):
        return value
    return str(value)


def _write_csv(path: Path, columns: Sequence[export.Column], rows: Sequence[tuple[Any, ...]],
               ) -> int:
    """German Excel CSV as `export.write_csv`, with phone numbers left unprefixed."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow([export.neutralise(c.header) for c in columns])
        for row in rows:
            writer.writerow([
                ("" if value is None else export.neutralise(value)) if c.kind == "text"
                else export.format_cell(value, c.kind, decimals=c.decimals)
                for c, value in zip(columns, row, strict=True)])
    return len(rows)
