"""`kundenportfolio backup|restore|check`: backups and integrity from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from kundenportfolio.cli.common import add_db_options, database_path
from kundenportfolio.core.errors import DatabaseRefusedError


def _size(num: int) -> str:
    return f"{num / 1024:,.0f} KB".replace(",", "'") if num < 1024**2 else \
        f"{num / 1024**2:.1f} MB"


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "backup", help="Die Datenbank jetzt sichern.",
        description="Erstellt eine geprüfte Sicherungskopie der Datenbank im Sicherungsordner "
        "(ältere Sicherungen werden nach den Einstellungen ausgedünnt) oder in eine Datei.")
    add_db_options(parser)
    parser.add_argument("--to", type=Path, metavar="DATEI",
                        help="In diese Datei sichern statt in den Sicherungsordner.")
    parser.set_defaults(func=run_backup)

    parser = commands.add_parser(
        "restore", help="Eine Sicherung zurückholen.",
        description="Ersetzt die Datenbank durch die Sicherung DATEI. Der aktuelle Stand wird "
        "vorher als Sicherheitskopie im Sicherungsordner abgelegt.")
    add_db_options(parser)
    parser.add_argument("file", type=Path, metavar="DATEI", help="Die Sicherung.")
    parser.set_defaults(func=run_restore)

    parser = commands.add_parser(
        "check", help="Die Datenbank auf Beschädigungen prüfen.",
        description="Prüft die Datenbank vollständig (integrity_check, Verweise) und listet "
        "die vorhandenen Sicherungen. Die Datei wird dabei nicht verändert.")
    add_db_options(parser)
    parser.set_defaults(func=run_check)


def run_backup(args: argparse.Namespace) -> int:
    from kundenportfolio.data import backup

    path = database_path(args)
    if not path.exists():
        raise DatabaseRefusedError(f"Die Datenbank «{path}» gibt es nicht.")
    if args.to:
        backup.copy_database(path, args.to)
        target = args.to
    else:
        target = backup.create_backup(path, reason=backup.MANUAL)
    count = backup.count_customers(target)
    print(f"Sicherung erstellt: {target} ({count} Kunden, {_size(target.stat().st_size)}).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from kundenportfolio.data import backup
    from kundenportfolio.locking import hold_for_process

    path = database_path(args)
    hold_for_process(path)  # nobody else may have the file open while it is replaced
    result = backup.restore_backup(args.file, path)
    print(f"Wiederhergestellt: {path} ({result.customer_count} Kunden) aus {args.file}.")
    if result.safety_copy is not None:
        print(f"Der vorherige Stand liegt in: {result.safety_copy}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from kundenportfolio.data import backup
    from kundenportfolio.data.database import check_openable
    from kundenportfolio.data.integrity import check_database

    path = database_path(args)
    if not check_openable(path):
        raise DatabaseRefusedError(f"Die Datenbank «{path}» gibt es nicht oder sie ist leer.")
    problems = check_database(path, full=True)
    if problems:
        print(f"Die Datenbank «{path}» ist beschädigt:")
        for problem in problems[:20]:
            print(f"  - {problem}")
    else:
        print(f"Die Datenbank «{path}» ist in Ordnung "
              f"({backup.count_customers(path)} Kunden).")
    from kundenportfolio.data.location import classify_location, location_warning

    risk = classify_location(path.resolve())
    if risk is not None:
        print(f"Warnung: {location_warning(risk, path.name)}")
    infos = backup.backups_of(path)
    noun = "Sicherung" if len(infos) == 1 else "Sicherungen"
    print(f"{len(infos)} {noun} in {backup.backup_dir_for(path)}"
          + (" und im Standardordner" if any(i.path.parent != backup.backup_dir_for(path)
                                             for i in infos) else "")
          + (":" if infos else "."))
    for info in infos[:15]:
        customers = "unlesbar" if info.customer_count is None else f"{info.customer_count} Kunden"
        print(f"  {info.created:%d.%m.%Y %H:%M}  {info.reason:<20} {customers:>12}  "
              f"{_size(info.size):>9}  {info.path}")
    return 1 if problems else 0
