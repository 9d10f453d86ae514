"""Write a text table (participant list, suggestion list) as CSV or XLSX for a mail merge.

Minimal writer for issue 6 until a shared `reports/export.py` exists. Every cell is text, so
postcodes keep their leading zero ("01067") and numbers are not re-interpreted by Excel.
CSV: UTF-8 with BOM (Excel shows the umlauts) and semicolons (what Word's mail merge and a
German Excel expect).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd

from kundenportfolio.core.errors import FieldError, ValidationError


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    return str(value)


def write_table(frame: pd.DataFrame, path: Path | str, *, sheet_title: str = "Liste") -> Path:
    """Write `frame` (German headers) to .csv or .xlsx, chosen by the file ending."""
    path = Path(path)
    suffix = path.suffix.lower()
    headers = [str(c) for c in frame.columns]
    rows = [[_text(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(headers)
            writer.writerows(rows)
    elif suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = sheet_title[:31]
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for index, header in enumerate(headers, start=1):
            width = max([len(header)] + [len(r[index - 1]) for r in rows[:200]])
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = \
                min(width + 2, 50)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "@"  # text: keeps leading zeros
        sheet.freeze_panes = "A2"
        workbook.save(path)
    else:
        raise ValidationError(FieldError("--out", "Die Datei muss auf .csv oder .xlsx enden."))
    return path
