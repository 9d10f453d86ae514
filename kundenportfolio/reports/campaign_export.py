"""Write a text table (participant list, suggestion list) as CSV or XLSX for a mail merge.

A thin adapter from a pandas DataFrame with German headers to the shared `reports.export`
writers: German Excel CSV (semicolons, UTF-8 with BOM) or XLSX, formula injection neutralised.
Every column is text, so postcodes keep their leading zero ("01067").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.reports import export


def _text(value: Any) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    return str(value)


def write_table(frame: pd.DataFrame, path: Path | str, *, sheet_title: str = "Liste") -> int:
    """Write `frame` to .csv or .xlsx, chosen by the file ending; returns the row count."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise ValidationError(FieldError("--out", "Die Datei muss auf .csv oder .xlsx enden."))
    headers = [str(c) for c in frame.columns]
    columns = [export.Column(header, header) for header in headers]
    rows = [{h: _text(v) for h, v in zip(headers, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)]
    return export.write_table(path, columns, rows, sheet_title=sheet_title)
