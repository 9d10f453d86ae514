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

Structurally broken CSV lines are refused, never repaired (`LineProblem`, see `iter_rows`):

* a line with more cells than the header, unless every extra cell is empty (Excel writes
  ``a;b;c;;`` when some cell further right was ever formatted);
* a line with *fewer* cells is accepted, the missing cells count as empty: Excel leaves out
  the separators of empty cells at the end of a line (after the first 16 lines or so);
* a quoted cell that runs over the line end and contains a line with as many separators as
  a whole record: an unclosed quote has swallowed the following line(s).

Files that are no text (a PDF renamed .csv, random bytes) and damaged .xlsx files raise
`TableError` with a German message instead of a decoding error.
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
    """The file cannot be read as a table; the message says why (German).

    `line` is the file line the problem is in, 0 for the whole file.
    """

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


class AmbiguousDecimalError(KundenportfolioError):
    """A column's decimal mark cannot be determined from its values."""


@dataclass(frozen=True)
class LineProblem:
    """A structurally broken CSV line: its number in the file and the German reason."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"Zeile {self.line}: {self.message}"


def count_text(count: int, one: str, many: str) -> str:
    """``1 Zeile``, ``2 Zeilen``: a count with the right German noun form."""
    return f"{count} {one if count == 1 else many}"


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
    try:
        _check_text_file(path)
        encoding = detect_encoding(path)
        with path.open(encoding=encoding, newline="") as fh:
            sample = [line for _, line in zip(range(_SAMPLE_LINES), fh, strict=False)]
    except UnicodeDecodeError:
        raise TableError(_not_a_table(path)) from None
    except OSError as exc:
        raise TableError(_unreadable(path, exc)) from exc
    if not any(line.strip() for line in sample):
        raise TableError(f"Die Datei «{path.name}» ist leer.")
    delimiter = detect_delimiter(sample)
    source = TableSource(path, "csv", [], encoding=encoding, delimiter=delimiter)
    for line, cells in _iter_csv(source, with_header=True):
        source.headers = [str(c).strip() for c in cells]
        source.header_line = line
        break
    return source


_BINARY_MAGIC = (b"%PDF", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b",
                 b"7z\xbc\xaf", b"Rar!")
_ZIP_MAGIC = b"PK\x03\x04"
# Control characters that do not occur in a text table (tab, line feed, form feed, carriage
# return, DOS end-of-file and escape are allowed).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 26, 27))


def _not_a_table(path: Path) -> str:
    return f"Die Datei «{path.name}» ist keine Textdatei (CSV) und keine Excel-Datei."


def _unreadable(path: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return f"Die Datei «{path.name}» lässt sich nicht lesen: keine Leseberechtigung."
    return f"Die Datei «{path.name}» lässt sich nicht lesen ({exc.strerror or exc})."


def _check_text_file(path: Path) -> None:
    """Refuse what is plainly no text: known binary formats, NUL or control bytes."""
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if head.startswith(_ZIP_MAGIC):
        raise TableError(
            f"Die Datei «{path.name}» ist keine Textdatei (CSV), sondern vermutlich eine "
            f"Excel-Datei mit der falschen Endung «{path.suffix}». Bitte die Endung in .xlsx "
            "ändern oder die Datei in Excel als CSV speichern."
        )
    controls = sum(head.count(c) for c in _CONTROL)
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head or controls > 2 + len(head) // 100:
        raise TableError(_not_a_table(path))


def _open_xlsx(path: Path, sheet: str | None) -> TableSource:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise TableError(_unreadable(path, exc)) from exc
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise TableError(_broken_xlsx(path)) from exc
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


def _broken_xlsx(path: Path) -> str:
    with path.open("rb") as fh:
        zipped = fh.read(4) == _ZIP_MAGIC
    if zipped:
        return (f"Die Excel-Datei «{path.name}» ist beschädigt und lässt sich nicht lesen. "
                "Bitte in Excel öffnen und neu speichern.")
    return (f"Die Datei «{path.name}» ist keine gültige Excel-Datei (.xlsx): vielleicht "
            f"beschädigt oder eine andere Dateiart mit der Endung «{path.suffix}».")


# ---- rows ---------------------------------------------------------------------------

def _blank(cells: list[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _iter_csv(source: TableSource, *, with_header: bool,
              problems: list[LineProblem] | None = None) -> Iterator[tuple[int, list[Cell]]]:
    width = len(source.headers)
    start = 1
    try:
        with source.path.open(encoding=source.encoding, newline="") as fh:
            reader = csv.reader(fh, delimiter=source.delimiter or ";")
            for cells in reader:
                line, start = start, reader.line_num + 1
                if not "".join(cells).strip() or (not with_header and line <= source.header_line):
                    continue
                if not with_header and (len(cells) > width or start - line > 1):
                    problem = _structure_problem(source, line, cells)
                    if problem is not None:
                        if problems is None:
                            raise TableError(str(problem), problem.line)
                        problems.append(problem)
                        continue
                yield line, cells
    except UnicodeDecodeError:
        raise TableError(_not_a_table(source.path)) from None
    except csv.Error as exc:  # e.g. an unclosed quote that runs over 128 KiB of the file
        raise TableError(
            f"Zeile {start}: Die Zeile lässt sich nicht lesen. Vermutlich wird dort ein "
            "Anführungszeichen nicht geschlossen, sodass der Text bis weit in die Datei "
            "hineinläuft.", start) from exc
    except OSError as exc:
        raise TableError(_unreadable(source.path, exc)) from exc


def _structure_problem(source: TableSource, line: int, cells: list[str]) -> LineProblem | None:
    """Why a CSV record with too many cells or spanning several lines is broken (or None)."""
    width = len(source.headers)
    delimiter = source.delimiter or ";"
    name = source.delimiter_name or "Trennzeichen"
    opened = line  # the line the current cell starts on
    for index, cell in enumerate(cells):
        if "\n" in cell or "\r" in cell:
            embedded = cell.splitlines()
            for offset, text in enumerate(embedded[1:], start=1):
                if width >= 3 and text.count(delimiter) >= width - 1:
                    snippet = text if len(text) <= 60 else text[:59] + "…"
                    return LineProblem(opened, (
                        f"Das Anführungszeichen am Anfang von Spalte «{_column_name(source, index)}» "
                        "wird nicht geschlossen: Der Text läuft über das Zeilenende hinaus und "
                        f"enthält auch Zeile {opened + offset} («{snippet}»). Bitte das fehlende "
                        "Anführungszeichen ergänzen oder das überzählige entfernen."))
            opened += cell.count("\n") or cell.count("\r")
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        shown = ", ".join(f"«{c.strip()}»" for c in extra[:3]) + (", …" if len(extra) > 3 else "")
        return LineProblem(line, (
            f"Die Zeile hat {count_text(len(cells), 'Feld', 'Felder')}, die Kopfzeile aber nur "
            f"{count_text(width, 'Spalte', 'Spalten')} (überzählig: {shown}). Steht ein {name} "
            f"zu viel in der Zeile, oder ein Text mit {name} ohne Anführungszeichen?"))
    return None


def _column_name(source: TableSource, index: int) -> str:
    header = source.headers[index] if index < len(source.headers) else ""
    return header or f"Spalte {index + 1}"


def _iter_xlsx(source: TableSource, *, with_header: bool) -> Iterator[tuple[int, list[Cell]]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(source.path, read_only=True, data_only=True)
    except OSError as exc:
        raise TableError(_unreadable(source.path, exc)) from exc
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise TableError(_broken_xlsx(source.path)) from exc
    try:
        sheet = workbook[source.sheet or workbook.sheetnames[0]]
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        while True:
            try:
                line, values = next(rows)
            except StopIteration:
                break
            except Exception as exc:  # a damaged sheet shows only while it is read
                raise TableError(_broken_xlsx(source.path)) from exc
            cells = list(values)
            if _blank(cells) or (not with_header and line <= source.header_line):
                continue
            yield line, cells
    finally:
        workbook.close()


def iter_rows(source: TableSource, *,
              problems: list[LineProblem] | None = None) -> Iterator[tuple[int, list[Cell]]]:
    """Data rows below the header as (line number, cells); blank rows are skipped.

    A structurally broken CSV line (see the module doc) raises TableError; with a `problems`
    list it is appended there and skipped instead, so a caller can report every such line.
    """
    if source.kind == "xlsx":
        return _iter_xlsx(source, with_header=False)
    return _iter_csv(source, with_header=False, problems=problems)


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
            value = seen["?"]
            thousands, decimal = _two_readings(value)
            raise AmbiguousDecimalError(
                f"Spalte «{column}»: «{value}» kann {thousands} oder {decimal} bedeuten; aus den "
                "Werten der Datei ist nicht erkennbar, ob Komma oder Punkt das Dezimalzeichen "
                "ist. Bitte das Dezimalzeichen vorgeben – im Import-Assistenten unter "
                "«Dezimalzeichen», auf der Kommandozeile mit --decimal comma oder "
                "--decimal point – oder die Beträge mit zwei Nachkommastellen schreiben "
                f"(z. B. {thousands},00)."
            )
        # Only whole numbers (or the file decided): either mark reads them the same.
        marks[column] = next(iter(file_marks)) if len(file_marks) == 1 else ","
    return marks


_READINGS = re.compile(r"^(\D*?)(\d{1,3})[.,](\d{3})\D*$")


def _two_readings(value: str) -> tuple[str, str]:
    """The two readings of ``1,500`` as German numbers: (``1500``, ``1,5``)."""
    m = _READINGS.match(value.strip())
    if m is None:  # not reached: only such values are ambiguous
        return value, value
    sign = "-" if "-" in m.group(1) else ""
    fraction = m.group(3).rstrip("0")
    decimal = f"{m.group(2)},{fraction}" if fraction else m.group(2)
    return f"{sign}{m.group(2)}{m.group(3)}", f"{sign}{decimal}"


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
