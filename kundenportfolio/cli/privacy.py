"""`kundenportfolio privacy export|erase`: Datenauskunft and erasure for one customer."""

from __future__ import annotations

import argparse
from pathlib import Path

from kundenportfolio.cli.common import (
    add_db_options,
    database_path,
    open_repository,
    output_file,
)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "privacy", help="Datenauskunft und Löschung (DSGVO/revDSG) für einen Kunden.",
        description="Auskunft über alle zu einem Kunden gespeicherten Daten oder deren "
        "Löschung durch Anonymisierung.")
    actions = parser.add_subparsers(title="Aktionen", dest="action", metavar="AKTION",
                                    required=True, parser_class=type(parser))
    export = actions.add_parser(
        "export", help="Alle Daten eines Kunden als JSON, PDF oder Text ausgeben.",
        description="Schreibt alles, was zum Kunden gespeichert ist (Stammdaten, Kontakte, "
        "Aufträge, Kosten, Kampagnen, Einwilligungen, Gruppenverlauf, abgeleitete Summen). "
        "Das Format folgt aus der Endung der Datei: .json (vollständig, maschinenlesbar), "
        ".pdf oder .txt (lesbar). --out mehrmals angeben für mehrere Fassungen.")
    add_db_options(export)
    export.add_argument("number", metavar="KUNDENNUMMER")
    export.add_argument("--out", type=Path, action="append", default=[],
                        metavar="DATEI", help="Zieldatei: .json, .pdf oder .txt (nötig).")
    export.set_defaults(func=run_export)

    erase = actions.add_parser(
        "erase", help="Einen Kunden anonymisieren (Aufträge und Beträge bleiben).",
        description="Löscht alle persönlichen Angaben des Kunden (Name, Ansprechperson, "
        "Adresse, Telefon, E-Mail, Notizen, Kontakttexte) und die Werbeeinwilligung. "
        "Aufträge und Beträge bleiben für die Buchhaltung (10 Jahre) ohne Personenbezug "
        "erhalten. Ältere Sicherungen enthalten die Daten, bis sie ausgedünnt werden.")
    add_db_options(erase)
    erase.add_argument("number", metavar="KUNDENNUMMER")
    erase.add_argument("--yes", action="store_true", help="Die Löschung bestätigen.")
    erase.set_defaults(func=run_erase)


EXPORT_FORMATS = {".json": "JSON", ".pdf": "PDF", ".txt": "Text"}


def export_format(path: Path) -> str:
    """JSON, PDF or Text, from the file's ending; anything else is refused (German)."""
    from kundenportfolio.core.errors import FieldError, ValidationError

    kind = EXPORT_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValidationError(FieldError("--out", f"Die Datei «{path}» muss auf .json, .pdf "
                                         "oder .txt enden."))
    return kind


def run_export(args: argparse.Namespace) -> int:
    from kundenportfolio.core.errors import FieldError, ValidationError
    from kundenportfolio.data import privacy

    if not args.out:
        raise ValidationError(FieldError("--out", "Bitte angeben, wohin die Auskunft geschrieben "
                                         "wird: --out DATEI.json, .pdf oder .txt."))
    outputs = [(path, export_format(path)) for path in args.out]  # all checked before any work
    repo = open_repository(args, write=False)
    number_format = str(repo.get_setting("number_format"))
    data = privacy.export_customer(repo.db, args.number)
    for path, kind in outputs:
        with output_file(path) as temp:
            if kind == "JSON":
                privacy.write_export_json(data, temp)
            elif kind == "Text":
                temp.write_text(privacy.export_text(data, number_format), encoding="utf-8")
            else:
                from kundenportfolio.reports.privacy_pdf import write_privacy_pdf

                write_privacy_pdf(data, temp, company=str(repo.get_setting("company_name") or ""),
                                  number_format=number_format)
    counts = ", ".join(f"{privacy.TABLE_TITLES.get(t, t)}: {len(rows)}"
                       for t, rows in data["tables"].items())
    print(f"Datenauskunft zu Kunde {data['customer']['number']} geschrieben:")
    for path, kind in outputs:
        print(f"  {kind}: {path}")
    print(f"  {counts}")
    return 0


def run_erase(args: argparse.Namespace) -> int:
    from kundenportfolio.data import privacy

    repo = open_repository(args, write=True)
    customer = repo.get_customer_by_number(args.number)
    if not args.yes:
        print(f"Kunde {customer.number} «{customer.name}» würde anonymisiert. "
              "Zum Bestätigen --yes angeben.")
        return 1
    old_name = customer.name
    result = privacy.erase_customer(repo.db, args.number)
    print(f"Kunde {result.number} anonymisiert: «{result.anonymous_name}» "
          f"({result.cleared_texts} Texte in Kontakten, Aufträgen und Kosten gelöscht).")
    print("Aufträge und Beträge bleiben ohne Personenbezug erhalten.")
    if result.remaining:
        print("Achtung, diese Angaben kommen noch an anderer Stelle vor (bitte prüfen):")
        for place in result.remaining:
            print(f"  - {place}")
    elif privacy.file_mentions(database_path(args), old_name):
        print(f"Achtung: «{old_name}» steht noch in der Datenbankdatei.")
    else:
        print(f"«{old_name}» kommt in der Datenbankdatei nicht mehr vor.")
    print("Hinweis: Ältere Sicherungen enthalten die Daten noch, bis sie ausgedünnt werden.")
    return 0
