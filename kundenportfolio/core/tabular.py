"""Reading tables that users bring: CSV (any of the usual dialects) and XLSX.

Detection happens here, without guessing where a guess could change a value:

* encoding: UTF-8 with or without BOM, otherwise Windows-1252 (what German Excel writes);
* CSV delimiter: ``;``, ``,`` or tab, whichever splits the first lines consistently;
* decimal mark per column (`detect_decimal_mark`): comma or point; a column whose values
  could be read either way (only values like ``1.234``) is refused, not guessed;
* header names are normalised (`normalise_header`) so ``Kunde seit`` matches ``customer_since``.

Rows come out as ``(line, cells)``; `line` is the line (CSV) or row (XLSX) number the user
sees in the file, so error messages can name it. CSV cells are strings; XLSX cells keep
their type (numbers, datetimes) as openpyxl reads them.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.core.money import MoneyFormatError, parse_money

Cell = Any  # str for CSV; str, int, float, datetime, bool or None for XLSX
DecimalMark = Literal[",", "."]
DELIMITERS = (";", "\t", ",")  # preference order when several split equally well
_SAMPLE_LINES = 50


class TableError(KundenportfolioError):
    """The file cannot be read as a table; the message says why (German)."""


class AmbiguousDecimalError(KundenportfolioError):
    """A column's decimal mark cannot be determined from its values."""


@dataclass
class TableSource:
    """An opened and sniffed table file; read its rows with `iter_rows`."""

    path: Path
    kind: Literal["csv", "xlsx"]
    headers: list[str]
    header_line: int = 1
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheet_names: list[str] = field(default_factory=list)

    @property
    def delimiter_name(self) -> str:
        return {";": "Semikolon", ",": "Komma", "\t": "Tabulator"}.get(self.delimiter or "", "")


# ---- header names -------------------------------------------------------------------

_HEADER_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise_header(name: str) -> str:
    """``Kunde seit`` -> ``kundeseit``; ``E-Mail`` -> ``email``; ``Straße`` -> ``strasse``."""
    text = str(name or "").strip().casefold().translate(_HEADER_FOLD)
    return re.sub(r"[^a-z0-9]", "", text)


# ---- encoding and delimiter ---------------------------------------------------------

def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` (BOM), ``utf-8`` if the whole file decodes, else ``cp1252``."""
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that gives the header and the sample lines the same number (>1) of cells."""
    best: tuple[int, int, int] | None = None
    chosen = ";"  # a single-column file reads the same with any delimiter
    for rank, delimiter in enumerate(DELIMITERS):
        rows = [r for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(1 for r in rows if len(r) == width), width, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


# ---- opening ------------------------------------------------------------------------

def open_table(path: Path | str, *, sheet: str | None = None) -> TableSource:
    """Sniff a .csv/.txt or .xlsx file and read its header row."""
    path = Path(path)
    if not path.is_file():
        raise TableError(f"Die Datei «{path}» gibt es nicht.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(path, sheet)
    if suffix == ".xls":
        raise TableError("Alte Excel-Dateien (.xls) bitte in Excel als .xlsx oder CSV speichern.")
    encoding = detect_encoding(path)
    with path.open(encoding=encoding, newline="") as fh:
        sample = [line for _, line in zip(range(_SAMPLE_LINES), fh, strict=False)]
    if not any(line.strip() for line in sample):
        raise TableError(f"Die Datei «{path.name}» ist leer.")
    delimiter = detect_delimiter(sample)
    source = TableSource(path, "csv", [], encoding=encoding, delimiter=delimiter)
    for line, cells in _iter_csv(source, with_header=True):
        source.headers = [str(c).strip() for c in cells]
        source.header_line = line
        break
    return source


def _open_xlsx(path: Path, sheet: str | None) -> TableSource:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise TableError(f"«{path.name}» ist keine lesbare Excel-Datei ({exc}).") from exc
    try:
        names = list(workbook.sheetnames)
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise TableError(
                f"Das Blatt «{sheet}» gibt es in «{path.name}» nicht "
                f"(vorhanden: {', '.join(names)})."
            )
    finally:
        workbook.close()
    source = TableSource(path, "xlsx", [], sheet=sheet, sheet_names=names)
    for line, cells in _iter_xlsx(source, with_header=True):
        source.headers = ["" if c is None else str(c).strip() for c in cells]
        source.header_line = line
        break
    if not source.headers:
        raise TableError(f"Das Blatt «{sheet}» ist leer.")
    return source


# ---- rows ---------------------------------------------------------------------------

def _blank(cells: list[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _iter_csv(source: TableSource, *, with_header: bool) -> Iterator[tuple[int, list[Cell]]]:
    with source.path.open(encoding=source.encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=source.delimiter or ";")
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not "".join(cells).strip() or (not with_header and line <= source.header_line):
                continue
            yield line, cells


def _iter_xlsx(source: TableSource, *, with_header: bool) -> Iterator[tuple[int, list[Cell]]]:
    import openpyxl

    workbook = openpyxl.load_workbook(source.path, read_only=True, data_only=True)
    try:
        sheet = workbook[source.sheet or workbook.sheetnames[0]]
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(values)
            if _blank(cells) or (not with_header and line <= source.header_line):
                continue
            yield line, cells
    finally:
        workbook.close()


def iter_rows(source: TableSource) -> Iterator[tuple[int, list[Cell]]]:
    """Data rows below the header as (line number, cells); blank rows are skipped."""
    if source.kind == "xlsx":
        return _iter_xlsx(source, with_header=False)
    return _iter_csv(source, with_header=False)


def preview(source: TableSource, limit: int = 20) -> list[list[str]]:
    """The first `limit` data rows as display strings (for the wizard's preview)."""
    rows = []
    for _, cells in iter_rows(source):
        rows.append([cell_text(c) for c in cells])
        if len(rows) >= limit:
            break
    return rows


def cell_text(cell: Cell) -> str:
    """A cell as text: XLSX whole numbers without ``.0``, dates as TT.MM.JJJJ."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "ja" if cell else "nein"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        text = cell.strftime("%d.%m.%Y %H:%M")
        return text[:10] if text.endswith(" 00:00") else text
    if isinstance(cell, dt.date):
        return cell.strftime("%d.%m.%Y")
    return str(cell).strip()


# ---- decimal marks ------------------------------------------------------------------

_POINT_DECIMAL = re.compile(r"^[^.,]*\.\d{1,2}\D*$")  # 12.5, 1234.50, CHF 3.20
_COMMA_DECIMAL = re.compile(r"^[^.,]*,\d{1,2}\D*$")
_THREE_AFTER = re.compile(r"^\D*\d{1,3}[.,]\d{3}\D*$")  # 1.234 or 1,234: either way


def _vote(text: str) -> str | None:
    """',' or '.' if this one value shows the decimal mark, '?' if it is ambiguous."""
    if "," in text and "." in text:
        return "," if text.rfind(",") > text.rfind(".") else "."
    if "'" in text or "\u2019" in text:
        return "."  # Swiss thousands apostrophe goes with a decimal point
    if _POINT_DECIMAL.match(text):
        return "."
    if _COMMA_DECIMAL.match(text):
        return ","
    if _THREE_AFTER.match(text):
        return "?"
    if text.count(".") > 1:
        return ","  # 1.234.567: points group thousands
    if text.count(",") > 1:
        return "."
    return None


_SIMPLE_VOTES = {
    ",": re.compile(r"^[ \t]*-?\d+,\d\d?[ \t]*$", re.M),
    ".": re.compile(r"^[ \t]*-?\d+\.\d\d?[ \t]*$", re.M),
}
# Lines that are not a plain 1234 / 1234,5 / 1234.50: these get a closer look.
_UNUSUAL = re.compile(r"^(?![ \t]*-?\d*(?:[.,]\d\d?)?[ \t]*$).+$", re.M)


def column_votes(values: Iterable[Cell]) -> dict[str, str]:
    """What a column's text values say about its decimal mark: vote -> first example value.

    Votes are ``,`` and ``.``; ``?`` marks a value that reads either way (``1.234``).
    Scans the joined text with C-level regexes: a million values take a fraction of a second.
    """
    joined = "\n".join(v for v in values if isinstance(v, str))
    seen: dict[str, str] = {}
    for vote, pattern in _SIMPLE_VOTES.items():
        if m := pattern.search(joined):
            seen[vote] = m.group().strip()
    for unusual in _UNUSUAL.finditer(joined):
        found = _vote(unusual.group().strip())
        if found is not None and found not in seen:
            seen[found] = unusual.group().strip()
        if "," in seen and "." in seen:
            break
    return seen


def decide_decimal_marks(votes: dict[str, dict[str, str]]) -> dict[str, DecimalMark]:
    """Decimal mark per column (keys: column names). A column that shows nothing itself
    follows the file's other columns; mixed or undecidable columns are refused."""
    marks: dict[str, DecimalMark] = {}
    file_marks: set[DecimalMark] = set()
    for column, seen in votes.items():
        if "," in seen and "." in seen:
            raise AmbiguousDecimalError(
                f"Spalte «{column}»: Die Beträge sind gemischt geschrieben (z. B. «{seen[',']}» "
                f"mit Dezimalkomma und «{seen['.']}» mit Dezimalpunkt). Bitte einheitlich schreiben."
            )
        if "," in seen:
            marks[column] = ","
        elif "." in seen:
            marks[column] = "."
        if column in marks:
            file_marks.add(marks[column])
    for column, seen in votes.items():
        if column in marks:
            continue
        if "?" in seen and len(file_marks) != 1:
            raise AmbiguousDecimalError(
                f"Spalte «{column}»: Werte wie «{seen['?']}» können 1234 oder 1,234 bedeuten; "
                "das Dezimalzeichen ist nicht erkennbar. Bitte das Dezimalzeichen angeben "
                "(Komma oder Punkt) oder die Beträge mit zwei Nachkommastellen schreiben."
            )
        # Only whole numbers (or the file decided): either mark reads them the same.
        marks[column] = next(iter(file_marks)) if len(file_marks) == 1 else ","
    return marks


def detect_decimal_mark(values: Iterable[Cell], column: str) -> DecimalMark:
    """The decimal mark of one column on its own (see `decide_decimal_marks`)."""
    return decide_decimal_marks({column: column_votes(values)})[column]


FAST_AMOUNT = {
    ",": re.compile(r"^(-?)(\d+)(?:,(\d{1,2}))?$"),
    ".": re.compile(r"^(-?)(\d+)(?:\.(\d{1,2}))?$"),
}


def parse_cents(cell: Cell, mark: DecimalMark) -> int:
    """An amount cell in cents. Text per the column's decimal mark; XLSX numbers as they are.

    Raises MoneyFormatError with a German message.
    """
    if isinstance(cell, bool):
        raise MoneyFormatError(f"«{cell_text(cell)}» ist kein Betrag.")
    if isinstance(cell, int | float):
        try:
            rounded = (Decimal(repr(cell)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        except InvalidOperation:
            raise MoneyFormatError(f"«{cell}» ist kein Betrag.") from None
        return int(rounded)
    text = str(cell).strip()
    if m := FAST_AMOUNT[mark].match(text):
        cents = int(m.group(2)) * 100 + int(((m.group(3) or "") + "00")[:2])
        return -cents if m.group(1) else cents
    if mark == ",":
        return parse_money(text, "de-DE")
    # Decimal point: thousands may be grouped with , or ' (English or Swiss exports).
    return parse_money(text.replace(",", "'"), "de-CH")
