"""`kundenportfolio demo`: create a realistic demo data set."""

from __future__ import annotations

import argparse
import time

from kundenportfolio import paths
from kundenportfolio.cli.common import add_db_options, database_path


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "demo", help="Demo-Datenbank mit Beispieldaten erstellen.",
        description="Erstellt eine neue Datenbank mit erfundenen, realistischen Kunden, "
        "Aufträgen, Kontakten und Kosten aus Deutschland, Österreich und der Schweiz.",
    )
    add_db_options(parser)
    parser.add_argument("--customers", type=int, default=250, metavar="N",
                        help="Anzahl Kunden (Standard: 250).")
    parser.add_argument("--years", type=int, default=5, metavar="J",
                        help="Jahre Auftragsgeschichte (Standard: 5).")
    parser.add_argument("--seed", type=int, default=1, metavar="S",
                        help="Startwert des Zufallsgenerators; gleicher Wert, gleiche Daten.")
    parser.add_argument("--force", action="store_true",
                        help="Eine bestehende Datei ersetzen.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kundenportfolio.data.demo import create_demo_database

    # Without --db the demo goes to the demo file, never over the user's own database.
    path = database_path(args) if getattr(args, "db", None) else paths.demo_db_path()
    if args.force and path.exists():
        from kundenportfolio.locking import hold_for_process

        hold_for_process(path)  # never replace a file another window has open
    started = time.perf_counter()
    stats = create_demo_database(path, customers=args.customers, years=args.years,
                                 seed=args.seed, replace=args.force)
    print(f"Demo-Datenbank erstellt: {path}")
    print(f"{stats.customers} Kunden, {stats.orders} Aufträge, {stats.contacts} Kontakte, "
          f"{stats.costs} Kostenposten in {time.perf_counter() - started:.1f} s.")
    opener = "kundenportfolio --demo" if path == paths.demo_db_path() else f'kundenportfolio --db "{path}"'
    print(f"Öffnen mit: {opener}")
    return 0
