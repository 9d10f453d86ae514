"""Importing customers, orders, contacts and costs from CSV/XLSX in one transaction.

Either every row is imported or none: all rows are checked, every bad one is reported with
its line, column and reason (`ImportFailed.errors`), and only a file without errors is
written. Problems of the file as a whole are found first, before any row is converted:
structurally broken CSV lines (`tabular.LineProblem`), two columns recognised as the same
field or one column mapped to two fields, a missing required column, an undecidable
decimal mark. Re-importing the same file changes nothing: customers are matched by number and
updated field by field (never INSERT OR REPLACE, which would cascade), orders by order
number or else by customer + date + amount, contacts and costs by their natural key.
Rows that match an existing record only count as "updated" when a mapped value differs.

Orders, contacts and costs are bulk-loaded into a temporary staging table and merged with
set-based SQL, so a million order rows stay well under a minute; each new order also
gets its Bestellung contact (as `Repository.record_order` does), in the same transaction.
Progress is reported through a callback; a cancel callback rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.core.tabular import (
    AmbiguousDecimalError,
    DecimalMark,
    LineProblem,
    TableSource,
    column_votes,
    count_text,
    decide_decimal_marks,
    iter_rows,
    open_table,
)
from kundenportfolio.data import import_merge as merge
from kundenportfolio.data import import_rows as rows
from kundenportfolio.data.import_customers import import_customers
from kundenportfolio.data.import_specs import (
    ENTITIES,
    ENTITY_NAMES,
    FIELDS,
    FieldSpec,
    mapping_conflicts,
    suggest_mapping,
)
from kundenportfolio.data.repository import Repository

Progress = Callable[[int, int], None]  # (units done, units total)
Cancel = Callable[[], bool]  # returns True to cancel
IMPORT_CACHE_KIB = -262144  # 256 MiB page cache while importing (negative: KiB)
MERGE_UNITS = 4  # share of the progress bar for the SQL merge: rows // MERGE_UNITS


@dataclass(frozen=True)
class RowError:
    line: int  # line (CSV) or row (XLSX) number as the user sees it in the file; 0: whole file
    column: str  # the column header in the file, or "" for the whole row
    message: str  # German

    def __str__(self) -> str:
        if not self.line:  # a problem of the whole file: the message says what it is about
            return f"Spalte «{self.column}»: {self.message}" if self.column else self.message
        where = f"Zeile {self.line}"
        return f"{where}, Spalte «{self.column}»: {self.message}" if self.column else (
            f"{where}: {self.message}")


class ImportFailed(KundenportfolioError):  # noqa: N818 - reads as a sentence in German UI code
    """The file was not imported (nothing written); `errors` lists every bad row."""

    SHOWN = 50

    def __init__(self, errors: list[RowError], rows: int = 0) -> None:
        self.errors = sorted(errors, key=lambda e: (e.line, e.column))
        self.rows = rows
        lines = "\n".join(f"  {e}" for e in self.errors[: self.SHOWN])
        more = len(self.errors) - self.SHOWN
        tail = (f"\n  … und {more} {'weiterer Fehler' if more == 1 else 'weitere Fehler'}"
                if more > 0 else "")
        super().__init__(f"Nichts importiert: {self.problems}.\n{lines}{tail}")

    @property
    def bad_lines(self) -> int:
        """How many lines of the file have errors (problems of the whole file not counted)."""
        return len({e.line for e in self.errors if e.line})

    @property
    def problems(self) -> str:
        """``1 fehlerhafte Zeile``, ``3 fehlerhafte Zeilen``, ``ein Problem mit der Datei``…"""
        parts = []
        if self.bad_lines:
            parts.append(count_text(self.bad_lines, "fehlerhafte Zeile", "fehlerhafte Zeilen"))
        whole = sum(1 for e in self.errors if not e.line)
        if whole:
            parts.append("ein Problem mit der Datei" if whole == 1 else
                         f"{whole} Probleme mit der Datei")
        return " und ".join(parts)


class ImportCancelled(KundenportfolioError):  # noqa: N818
    def __init__(self) -> None:
        super().__init__("Import abgebrochen. Es wurde nichts geändert.")


@dataclass
class ImportResult:
    entity: str
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    created_customers: list[str] = field(default_factory=list)
    created_staff: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        """A German one-paragraph summary, e.g. for the CLI and the wizard."""
        name = ENTITY_NAMES[self.entity]
        verb = (("würde" if self.rows == 1 else "würden") + " importiert" if self.dry_run
                else "importiert")
        text = (f"{name}: {count_text(self.rows, 'Zeile', 'Zeilen')} {verb} – "
                f"{self.inserted} neu, {self.updated} geändert, {self.unchanged} unverändert.")
        if self.created_customers:
            created = len(self.created_customers)
            would = (" würde" if created == 1 else " würden") if self.dry_run else ""
            text += (f" {count_text(created, 'fehlender Kunde', 'fehlende Kunden')}{would} "
                     "angelegt.")
        if self.created_staff:
            label = "Als Betreuer neu anzulegen" if self.dry_run else "Als Betreuer neu angelegt"
            text += f" {label}: {', '.join(self.created_staff)}."
        return text


class _DryRun(Exception):  # noqa: N818 - control flow, never shown
    pass


class _Context:
    """What every row handler needs: the database, callbacks, errors and counters."""

    def __init__(self, repo: Repository, entity: str, source: TableSource,
                 mapping: Mapping[str, int], progress: Progress | None,
                 cancel: Cancel | None) -> None:
        self.repo = repo
        self.entity = entity
        self.db = repo.db
        self.source = source
        self.mapping = dict(mapping)
        self.progress = progress
        self.cancel = cancel
        self.errors: list[RowError] = []
        self.bad_row_customers: list[tuple[int, str]] = []  # (line, number) of rows with errors
        self.total = 0
        self.done = 0

    def header(self, name: str) -> str:
        index = self.mapping.get(name)
        if index is not None and index < len(self.source.headers):
            return self.source.headers[index] or f"Spalte {index + 1}"
        spec = next((s for s in FIELDS[self.entity] if s.name == name), None)
        return spec.header if spec is not None else name

    def error(self, line: int, field_name: str, message: str) -> None:
        self.errors.append(RowError(line, self.header(field_name) if field_name else "", message))

    def tick(self, units: int = 0) -> None:
        self.done += units
        if self.cancel is not None and self.cancel():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _default_before_import(repo: Repository) -> Callable[[], None] | None:
    """The automatic backup before an import (issue 8); none for an in-memory database."""
    from kundenportfolio.data.backup import backup_before_import

    files = [row[2] for row in repo.db.execute("PRAGMA database_list") if row[1] == "main"]
    if not files or not files[0]:
        return None
    path = Path(files[0])

    def hook() -> None:
        backup_before_import(path)
    return hook


def import_file(repo: Repository, entity: str, path: Path | str, *, sheet: str | None = None,
                **kwargs: Any) -> ImportResult:
    """Open `path` (CSV or XLSX) and import it; see `import_table` for the options."""
    return import_table(repo, entity, open_table(path, sheet=sheet), **kwargs)


def import_table(
    repo: Repository,
    entity: str,
    source: TableSource,
    *,
    mapping: Mapping[str, int] | None = None,
    create_missing_customers: bool = False,
    decimal_mark: DecimalMark | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    before_import: Callable[[], None] | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import all rows of `source` as `entity` in one transaction.

    mapping: field name -> column index (default: recognised from the headers).
    decimal_mark: force "," or "." for every amount column instead of detecting it.
    before_import: called once before anything is written; default: for a database file,
    `backup.backup_before_import` (a failing backup stops the import). Not for a dry run.
    dry_run: check and count everything, then roll back (the wizard's validation report).
    Raises ImportFailed (with every bad row), ImportCancelled, or TableError.
    """
    if entity not in ENTITIES:
        raise KundenportfolioError(f"Unbekannte Importart «{entity}».")
    conflicts = mapping_conflicts(entity, source.headers, mapping)
    if conflicts:
        raise ImportFailed([RowError(0, "", message) for message in conflicts])
    if mapping is None:
        mapping = suggest_mapping(entity, source.headers)
    ctx = _Context(repo, entity, source, mapping, progress, cancel)
    specs = FIELDS[entity]
    missing = [s.header for s in specs if s.required and s.name not in mapping]
    if missing:
        raise ImportFailed([RowError(0, "", f"Die Spalte «{m}» fehlt (oder ist keiner Spalte "
                                            "zugeordnet).") for m in missing])
    marks = _decimal_marks(ctx, specs, decimal_mark)
    if not dry_run:
        hook = before_import if before_import is not None else _default_before_import(repo)
        if hook is not None:
            hook()
    result = ImportResult(entity, rows=ctx.total, dry_run=dry_run)
    cache_size = repo.db.execute("PRAGMA cache_size").fetchone()[0]
    repo.db.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")  # big imports touch big indexes
    repo.db.execute("PRAGMA temp_store = MEMORY")  # the staging table
    try:
        with repo.transaction():
            if entity == "customers":
                import_customers(ctx, rows.rows(ctx, entity, marks), result)
            else:
                _import_bulk(ctx, entity, marks, create_missing_customers, result)
            if ctx.errors:
                raise ImportFailed(ctx.errors, ctx.total)
            ctx.tick(ctx.total)
            if dry_run:
                raise _DryRun()
    except _DryRun:
        pass
    finally:
        merge.drop_staging(repo.db)
        repo.db.execute(f"PRAGMA cache_size = {int(cache_size)}")
    result.unchanged = result.rows - result.inserted - result.updated
    return result


def _decimal_marks(ctx: _Context, specs: tuple[FieldSpec, ...],
                   forced: DecimalMark | None) -> dict[str, DecimalMark]:
    """First pass over the file: count the rows, refuse broken lines and decide each amount
    column's decimal mark."""
    money = {s.name: ctx.mapping[s.name] for s in specs if s.kind == "money" and s.name in ctx.mapping}
    samples: dict[str, list[str]] = {name: [] for name in money}
    votes: dict[str, dict[str, str]] = {ctx.header(name): {} for name in money}
    rows = 0
    problems: list[LineProblem] = []
    for _, cells in iter_rows(ctx.source, problems=problems):
        rows += 1
        for name, index in money.items():
            if index < len(cells) and isinstance(cells[index], str) and cells[index]:
                samples[name].append(cells[index])
        if rows % 20000 == 0:
            _collect_votes(ctx, samples, votes)
    _collect_votes(ctx, samples, votes)
    if problems:
        raise ImportFailed([RowError(p.line, "", p.message) for p in problems], rows)
    ctx.total = rows + rows // MERGE_UNITS
    if forced is not None:
        return {name: forced for name in money}
    try:
        by_header = decide_decimal_marks(votes)
    except AmbiguousDecimalError as exc:
        raise ImportFailed([RowError(0, "", str(exc))], rows) from None
    return {name: by_header[ctx.header(name)] for name in money}


def _collect_votes(ctx: _Context, samples: dict[str, list[str]],
                   votes: dict[str, dict[str, str]]) -> None:
    for name, values in samples.items():
        for vote, example in column_votes(values).items():
            votes[ctx.header(name)].setdefault(vote, example)
        values.clear()
    ctx.tick()


# ---- orders, contacts, costs: staged and merged ---------------------------------------

def _import_bulk(ctx: _Context, entity: str, marks: Mapping[str, DecimalMark],
                 create_missing: bool, result: ImportResult) -> None:
    plan = merge.PLANS[entity]
    merge.create_staging(ctx.db, plan)
    look = rows.Lookups(ctx, create_missing, result)
    build = rows.BUILDERS[entity]
    for lines, columns in rows.batches(ctx, entity, marks):
        staged = build(ctx, look, lines, columns)
        if not ctx.errors:  # after the first error only check, don't stage
            merge.stage(ctx.db, plan, staged)
    if ctx.errors:
        return
    result.rows = ctx.db.execute(f"SELECT count(*) FROM {merge.STAGE}").fetchone()[0]
    for line, message in merge.duplicate_keys(ctx.db, plan):
        ctx.errors.append(RowError(line, ctx.header(plan.unique_field or ""), message))
    if ctx.errors:
        return
    step = max(1, result.rows // MERGE_UNITS // 4)
    for done in merge.merge(ctx.db, plan, set(ctx.mapping), result):
        ctx.tick(step if done else 0)
