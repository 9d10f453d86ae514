"""Write a text table (participant list, suggestion list) as CSV or XLSX for a mail merge.

A thin adapter from a pandas DataFrame with German headers to the shared `reports.export`
writers: German Excel CSV (semicolons, UTF-8 with BOM) or XLSX, formula injection neutralised.
Every column is text, so postcodes keep their leading zero ("01067").
"""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path

import pandas as pd

from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.reports import export


def write_table(frame: pd.DataFrame, path: Path | str, *, sheet_title: str = "Liste") -> int:
    """Write `frame` to .csv or .xlsx, chosen by the file ending; returns the row count."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise ValidationError(FieldError("--out", "Die Datei muss auf .csv oder .xlsx enden."))
    # text cells, missing values (None/NaN/NA) as None; rows as tuples, read by position
    values = frame.to_numpy(dtype=object)
    missing = frame.isna().to_numpy()
    rows = [tuple(None if gone else str(value) for value, gone in zip(row, gaps, strict=True))
            for row, gaps in zip(values, missing, strict=True)]
    columns = [export.Column(str(header), itemgetter(i)) for i, header in enumerate(frame.columns)]
    return export.write_table(path, columns, rows, sheet_title=sheet_title)
