"""Export any list to CSV or XLSX, with columns defined as data.

* `write_csv`: what German Excel opens directly: semicolons, UTF-8 with BOM, decimal comma,
  dates TT.MM.JJJJ.
* `write_xlsx`: real numbers and dates with number formats, bold frozen header row, column
  widths from the content.
* `write_machine_csv`: for scripts: commas, UTF-8 without BOM, decimal point, ISO dates.
* `export_entity`: customers, orders, contacts or costs under the column names the importer
  recognises, so an export re-imports unchanged.

Text cells starting with ``= + - @``, a tab or a carriage return are neutralised against
formula injection: CSV cells get a leading apostrophe (the importer removes it again),
XLSX cells are stored as text with Excel's quote prefix.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from kundenportfolio.core.errors import FieldError, ValidationError

Kind = Literal["text", "money", "number", "integer", "date", "datetime"]
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_XLSX_FORMATS = {"money": "#,##0.00", "integer": "#,##0", "date": "DD.MM.YYYY",
                 "datetime": "DD.MM.YYYY HH:MM"}
_ILLEGAL_XLSX = {c: None for c in range(32) if c not in (9, 10, 13)}


@dataclass(frozen=True)
class Column:
    """One exported column: header, how to get the value from a row, and its kind.

    value: a key (rows are mappings), an attribute name (rows are objects) or a callable.
    money values are integer cents; number values int/float (`decimals` places);
    date/datetime values `datetime.date`/`datetime.datetime` or ISO text.
    """

    header: str
    value: str | Callable[[Any], Any]
    kind: Kind = "text"
    decimals: int = 2

    def get(self, row: Any) -> Any:
        if callable(self.value):
            return self.value(row)
        if isinstance(row, dict):
            return row.get(self.value)
        return getattr(row, self.value, None)


def neutralise(text: str) -> str:
    """Prefix a text that a spreadsheet would run as a formula with an apostrophe."""
    return "'" + text if text.startswith(DANGEROUS_START) else text


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    return dt.datetime.fromisoformat(text) if len(text) > 10 else dt.date.fromisoformat(text)


def _cents_text(cents: int, mark: str) -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(int(cents)), 100)
    return f"{sign}{whole}{mark}{frac:02d}"


def format_cell(value: Any, kind: Kind, *, decimal_mark: str = ",", iso_dates: bool = False,
                decimals: int = 2, neutralise_text: bool = True) -> str:
    """One value as CSV text (German by default, machine form with `iso_dates`/".")."""
    if value is None or value == "":
        return ""
    if kind == "money":
        return _cents_text(int(value), decimal_mark)
    if kind == "integer":
        return str(int(value))
    if kind == "number":
        return f"{float(value):.{decimals}f}".replace(".", decimal_mark)
    if kind in ("date", "datetime"):
        day = _as_date(value)
        if day is None:
            return ""
        if kind == "date" or not isinstance(day, dt.datetime):
            return day.isoformat()[:10] if iso_dates else day.strftime("%d.%m.%Y")
        return day.strftime("%Y-%m-%d %H:%M" if iso_dates else "%d.%m.%Y %H:%M")
    text = str(value)
    return neutralise(text) if neutralise_text else text


def _open(target: Path | str | IO[str] | None, encoding: str) -> tuple[IO[str], bool]:
    if target is None:
        return sys.stdout, False
    if isinstance(target, str | Path):
        return Path(target).open("w", encoding=encoding, newline=""), True
    return target, False


def _write_delimited(target: Path | str | IO[str] | None, columns: Sequence[Column],
                     rows: Iterable[Any], *, delimiter: str, encoding: str, decimal_mark: str,
                     iso_dates: bool, neutralise_text: bool) -> int:
    fh, close = _open(target, encoding)
    try:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([neutralise(c.header) for c in columns])
        count = 0
        for row in rows:
            writer.writerow([
                format_cell(c.get(row), c.kind, decimal_mark=decimal_mark, iso_dates=iso_dates,
                            decimals=c.decimals, neutralise_text=neutralise_text)
                for c in columns
            ])
            count += 1
        return count
    finally:
        if close:
            fh.close()


def write_csv(target: Path | str | IO[str], columns: Sequence[Column], rows: Iterable[Any], *,
              decimal_mark: str = ",") -> int:
    """German Excel CSV (semicolon, UTF-8 BOM, decimal comma). Returns the row count."""
    return _write_delimited(target, columns, rows, delimiter=";", encoding="utf-8-sig",
                            decimal_mark=decimal_mark, iso_dates=False, neutralise_text=True)


def write_machine_csv(target: Path | str | IO[str] | None, columns: Sequence[Column],
                      rows: Iterable[Any], *, neutralise_text: bool = True) -> int:
    """Machine CSV: comma, UTF-8 without BOM, decimal point, ISO dates; None = stdout.

    Text is still neutralised by default: people open these files in Excel too.
    """
    return _write_delimited(target, columns, rows, delimiter=",", encoding="utf-8",
                            decimal_mark=".", iso_dates=True, neutralise_text=neutralise_text)


def _xlsx_value(value: Any, kind: Kind) -> Any:
    if value is None or value == "":
        return None
    if kind == "money":
        return int(value) / 100
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind in ("date", "datetime"):
        return _as_date(value)
    return str(value).translate(_ILLEGAL_XLSX)


def write_xlsx(target: Path | str | IO[bytes], columns: Sequence[Column], rows: Iterable[Any],
               *, sheet_title: str = "Daten") -> int:
    """XLSX with real numbers/dates, formats, bold frozen header, widths from the content."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    values = [[_xlsx_value(c.get(row), c.kind) for c in columns] for row in rows]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31] or "Daten")
    for index, column in enumerate(columns):
        sample = [format_cell(r[index], column.kind, decimals=column.decimals)
                  if column.kind != "text" else str(r[index] or "") for r in values[:2000]]
        width = max([len(column.header), *(len(t) + (4 if column.kind == "money" else 0)
                                           for t in sample)])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.data_type = "s"
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    formats = [_number_format(c) for c in columns]
    for row in values:
        cells = []
        for index, value in enumerate(row):
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if value.startswith(DANGEROUS_START):
                    cell.quotePrefix = True
            elif formats[index] and value is not None:
                cell.number_format = formats[index]
            cells.append(cell)
        sheet.append(cells)
    workbook.save(target)
    return len(values)


def _number_format(column: Column) -> str | None:
    if column.kind == "number":
        return "#,##0" + ("." + "0" * column.decimals if column.decimals > 0 else "")
    return _XLSX_FORMATS.get(column.kind)


def write_table(path: Path | str, columns: Sequence[Column], rows: Iterable[Any], *,
                sheet_title: str = "Daten") -> int:
    """CSV (German Excel) or XLSX, chosen by the file ending. Returns the row count."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return write_csv(path, columns, rows)
    if suffix == ".xlsx":
        return write_xlsx(path, columns, rows, sheet_title=sheet_title)
    raise ValidationError(FieldError("path", "Die Datei muss auf .csv oder .xlsx enden."))


def frame_columns(frame: Any, kinds: dict[str, Kind] | None = None) -> list[Column]:
    """Columns for a pandas DataFrame: `kinds` by column name (say "money" for cents!);
    otherwise whole-number columns are integers, floats numbers, datetimes dates, rest text."""
    kinds = kinds or {}
    columns = []
    for position, name in enumerate(frame.columns):
        dtype = frame.dtypes.iloc[position]
        guessed: Kind = ("integer" if dtype.kind in "iu" else "number" if dtype.kind == "f"
                         else "date" if dtype.kind == "M" else "text")
        columns.append(Column(str(name), _item(position), kinds.get(str(name), guessed)))
    return columns


def _item(position: int) -> Callable[[Sequence[Any]], Any]:
    def get(row: Sequence[Any]) -> Any:
        value = row[position]
        return None if value is None or value != value else value  # NaN/NaT -> empty
    return get


def write_frame(path: Path | str, frame: Any, kinds: dict[str, Kind] | None = None, *,
                sheet_title: str = "Daten") -> int:
    """A DataFrame (German headers) as German CSV or XLSX, by the file ending."""
    rows = frame.astype(object).itertuples(index=False, name=None)
    return write_table(path, frame_columns(frame, kinds), rows, sheet_title=sheet_title)


# ---- customers, orders, contacts, costs in the importer's columns ----------------------

def entity_columns(entity: str) -> list[Column]:
    """The export columns of an entity: the importer's canonical headers and kinds."""
    from kundenportfolio.data.import_specs import FIELDS, FieldSpec, choice_word

    def column(spec: FieldSpec) -> Column:
        def word(row: dict[str, Any]) -> str:
            return choice_word(spec, row.get(spec.name))

        def yes_no(row: dict[str, Any]) -> str:
            return _yes_no(row.get(spec.name))

        if spec.kind == "choice":
            return Column(spec.header, word)
        if spec.kind == "bool":
            return Column(spec.header, yes_no)
        kinds: dict[str, Kind] = {"money": "money", "date": "date", "datetime": "datetime",
                                  "integer": "integer"}
        return Column(spec.header, spec.name, kinds.get(spec.kind, "text"))

    return [column(spec) for spec in FIELDS[entity]]


def _yes_no(value: Any) -> str:
    return "" if value is None else ("ja" if value else "nein")


def export_entity(repo: Any, entity: str, path: Path | str) -> int:
    """Write all customers/orders/contacts/costs of `repo` to .csv or .xlsx; returns the count."""
    from kundenportfolio.data.import_specs import ENTITY_NAMES, export_rows

    return write_table(path, entity_columns(entity), export_rows(repo, entity),
                       sheet_title=ENTITY_NAMES[entity])


def to_csv_text(columns: Sequence[Column], rows: Iterable[Any]) -> str:
    """The German CSV as a string (clipboard, tests)."""
    buffer = io.StringIO()
    _write_delimited(buffer, columns, rows, delimiter=";", encoding="utf-8", decimal_mark=",",
                     iso_dates=False, neutralise_text=True)
    return buffer.getvalue()
