"""`kundenportfolio import customers|orders|contacts|costs DATEI`: import CSV or XLSX."""

from __future__ import annotations

import argparse
import sys
import time

from kundenportfolio.cli.common import add_db_options, open_repository


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "import", help="Kunden, Aufträge, Kontakte oder Kosten aus CSV/XLSX importieren.",
        description="Importiert eine CSV- oder Excel-Datei (.xlsx) in einem Schritt: Entweder "
        "werden alle Zeilen übernommen oder keine. Spalten werden an ihren Überschriften "
        "erkannt (deutsch oder englisch, z. B. Kundennummer, Datum, Betrag). Trennzeichen, "
        "Zeichensatz und Dezimalzeichen werden erkannt. Ein erneuter Import derselben Datei "
        "ändert nichts.",
    )
    parser.add_argument("entity", choices=["customers", "orders", "contacts", "costs"],
                        metavar="ART", help="Was importiert wird: customers (Kunden), orders "
                        "(Aufträge), contacts (Kontakte) oder costs (Betreuungskosten).")
    parser.add_argument("file", metavar="DATEI", help="Die CSV- oder XLSX-Datei.")
    parser.add_argument("--create-missing-customers", action="store_true",
                        help="Unbekannte Kundennummern als neue Kunden (nur mit Nummer) anlegen "
                        "statt die Zeilen abzulehnen.")
    parser.add_argument("--sheet", metavar="BLATT", help="Tabellenblatt einer XLSX-Datei "
                        "(Standard: das erste).")
    parser.add_argument("--decimal", choices=["comma", "point"], help="Dezimalzeichen der "
                        "Beträge vorgeben (comma = Komma, point = Punkt) statt es zu erkennen.")
    parser.add_argument("--dry-run", action="store_true",
                        help="Nur prüfen und zählen, nichts speichern.")
    add_db_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kundenportfolio.core.tabular import TableError
    from kundenportfolio.data.importing import ImportFailed, import_file

    repo = open_repository(args)
    started = time.perf_counter()
    try:
        result = import_file(
            repo, args.entity, args.file, sheet=args.sheet,
            create_missing_customers=args.create_missing_customers,
            decimal_mark={"comma": ",", "point": "."}.get(args.decimal or ""),
            dry_run=args.dry_run,
        )
    except ImportFailed as exc:
        print(f"Fehler: Die Datei «{args.file}» wurde nicht importiert, es wurde nichts "
              f"geändert ({exc.problems}):", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    except TableError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    finally:
        repo.db.close()
    print(result.summary())
    print(f"Dauer: {time.perf_counter() - started:.1f} s.")
    return 0
