"""`kundenportfolio report values|portfolio|customer ... --pdf FILE`: printed reports as PDF.

Works without a display: Qt is started offscreen when no screen is available.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kundenportfolio.cli.common import add_db_options, open_repository, output_file
from kundenportfolio.cli.portfolio import add_period_options, period_from_args
from kundenportfolio.core.errors import FieldError, ValidationError


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "report", help="Berichte als PDF: Kundenwertliste, Portfolio-Bericht, Kundenblatt.",
        description="Schreibt einen Bericht als PDF (A4). values: Kundenwertliste, portfolio: "
        "Portfolio-Bericht mit Matrix, customer NUMMER: Kundenblatt eines Kunden.",
    )
    add_db_options(parser)
    parser.add_argument("kind", choices=["values", "portfolio", "customer"], metavar="BERICHT",
                        help="values, portfolio oder customer.")
    parser.add_argument("number", nargs="?", default=None, metavar="KUNDENNUMMER",
                        help="Nur bei customer: die Kundennummer.")
    add_period_options(parser)
    parser.add_argument("--group", default=None, metavar="GRUPPE",
                        help="Nur eine Gruppe (values): star, ertrag, fragezeichen, mitnahme.")
    parser.add_argument("--staff", default=None, metavar="NAME",
                        help="Nur die Kunden dieser Betreuerin / dieses Betreuers (values).")
    parser.add_argument("--abc", default=None, metavar="KLASSE", help="Nur ABC-Klasse A, B oder C (values).")
    parser.add_argument("--pdf", type=Path, required=True, metavar="DATEI", help="Die PDF-Datei.")
    parser.set_defaults(func=run)


def _staff_id(repository: object, name: str) -> int:
    staff = repository.list_staff()  # type: ignore[attr-defined]
    wanted = name.strip().casefold()
    for person in staff:
        if person.name.casefold() == wanted:
            return int(person.id)
    known = ", ".join(p.name for p in staff) or "keine erfasst"
    raise ValidationError(FieldError("--staff", f"«{name}» ist keine Betreuerin / kein Betreuer. "
                                     f"Bekannt: {known}."))


def run(args: argparse.Namespace) -> int:
    from kundenportfolio.cli.ranking import parse_group
    from kundenportfolio.core.errors import NotFoundError
    from kundenportfolio.data.portfolio_store import PortfolioStore
    from kundenportfolio.reports import pdf

    out: Path = args.pdf
    if out.suffix.lower() != ".pdf":
        raise ValidationError(FieldError("--pdf", "Die Datei muss auf .pdf enden."))
    if args.kind == "customer" and not args.number:
        raise ValidationError(FieldError("KUNDENNUMMER", "Bitte die Kundennummer angeben: "
                                         "kundenportfolio report customer 10001 --pdf blatt.pdf"))
    if args.kind != "customer" and args.number:
        raise ValidationError(FieldError("KUNDENNUMMER", "Eine Kundennummer gibt es nur bei «customer»."))
    if args.kind != "values":
        for option in ("group", "staff", "abc"):
            if getattr(args, option):
                raise ValidationError(FieldError(f"--{option}", "Filter gibt es nur bei der "
                                                 "Kundenwertliste (report values)."))
    abc = args.abc.strip().upper() if args.abc else None
    if abc is not None and abc not in ("A", "B", "C"):
        raise ValidationError(FieldError("--abc", f"«{args.abc}» ist keine ABC-Klasse (A, B oder C)."))
    period = period_from_args(args)
    repository = open_repository(args, write=False)
    store = PortfolioStore(repository)
    with output_file(out) as temp:
        if args.kind == "values":
            group = parse_group(args.group, repository.all_settings()).value if args.group else None
            staff_id = _staff_id(repository, args.staff) if args.staff else None
            pages = pdf.write_value_list_pdf(repository, store, period, temp, group=group,
                                             staff_id=staff_id, abc=abc)
        elif args.kind == "portfolio":
            pages = pdf.write_portfolio_pdf(repository, store, period, temp)
        else:
            try:
                customer = repository.get_customer_by_number(args.number)
            except NotFoundError:
                raise ValidationError(FieldError(
                    "KUNDENNUMMER", f"Keinen Kunden mit der Nummer «{args.number}» gefunden.")
                ) from None
            assert customer.id is not None
            pages = pdf.write_customer_sheet_pdf(repository, store, customer.id, temp, period)
    print(f"PDF geschrieben: {out} ({pages} {'Seite' if pages == 1 else 'Seiten'})")
    return 0
