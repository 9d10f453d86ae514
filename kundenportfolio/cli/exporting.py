"""`kundenportfolio export customers|orders|contacts|costs --out DATEI.csv|.xlsx`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kundenportfolio.cli.common import add_db_options, open_repository, output_file


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "export", help="Kunden, Aufträge, Kontakte oder Kosten als CSV/XLSX exportieren.",
        description="Schreibt alle Datensätze in eine CSV-Datei (Semikolon, UTF-8, "
        "Dezimalkomma – öffnet direkt in Excel) oder eine Excel-Datei (.xlsx). Die "
        "Spaltennamen sind die, die der Import erkennt: Die Datei lässt sich wieder importieren.",
    )
    parser.add_argument("entity", choices=["customers", "orders", "contacts", "costs"],
                        metavar="ART", help="customers (Kunden), orders (Aufträge), contacts "
                        "(Kontakte) oder costs (Betreuungskosten).")
    parser.add_argument("--out", type=Path, required=True, metavar="DATEI",
                        help="Zieldatei, endet auf .csv oder .xlsx.")
    add_db_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kundenportfolio.core.errors import FieldError, ValidationError
    from kundenportfolio.core.tabular import count_text
    from kundenportfolio.data.import_specs import ENTITY_NAMES
    from kundenportfolio.reports.export import export_entity

    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise ValidationError(FieldError("--out", "Die Datei muss auf .csv oder .xlsx enden."))
    repo = open_repository(args, write=False)
    try:
        with output_file(args.out) as temp:
            count = export_entity(repo, args.entity, temp)
    finally:
        repo.db.close()
    print(f"{ENTITY_NAMES[args.entity]}: {count_text(count, 'Datensatz', 'Datensätze')} "
          f"nach {args.out} exportiert.")
    return 0
