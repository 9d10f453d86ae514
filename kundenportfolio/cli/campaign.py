"""`kundenportfolio campaign …`: instrument catalogue and campaigns from the command line.

    campaign instruments                      the catalogue
    campaign list                             campaigns with participants
    campaign create --name … --instrument CODE --groups star,ertrag --from D --to D [--budget B]
    campaign propose ID [filters]             participant list from groups/filters (consent!)
    campaign participants ID [--add NR,NR] [--remove NR,NR]  show or edit the list by hand
    campaign participate ID --date D [--customers NR,NR]   log participation as contacts
    campaign evaluate ID [--as-of D]          before/after comparison and verdict
    campaign export ID --out FILE.csv|.xlsx   participant addresses for a mail merge
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from kundenportfolio.cli.common import add_db_options, open_repository, output_file
from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.money import MoneyFormatError, format_money, parse_money

if TYPE_CHECKING:  # the data layer pulls in pandas (~0.4 s at start-up)
    from kundenportfolio.data.repository import Repository


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValidationError(FieldError(
            option, f"«{text}» ist kein Datum im Format JJJJ-MM-TT.")) from None


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "campaign", help="Marketinginstrumente und Kampagnen verwalten und auswerten.",
        description="Instrumentenkatalog, Kampagnen anlegen, Teilnehmer vorschlagen, "
        "Teilnahme als Kontakt erfassen, Wirkung auswerten, Adressliste exportieren.")
    sub = parser.add_subparsers(title="Aktionen", dest="action", metavar="AKTION", required=True,
                                parser_class=type(parser))

    def action(name: str, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        add_db_options(p)
        p.set_defaults(func=run)
        return p

    action("instruments", "Den Instrumentenkatalog zeigen.")
    action("list", "Alle Kampagnen zeigen.")
    p = action("create", "Eine Kampagne anlegen.")
    p.add_argument("--name", required=True, help="Name der Kampagne.")
    p.add_argument("--instrument", required=True, metavar="CODE",
                   help="Code des Instruments (siehe «campaign instruments»).")
    p.add_argument("--groups", default="", metavar="GRUPPEN",
                   help="Zielgruppen, durch Komma getrennt (leer: alle).")
    p.add_argument("--from", dest="start", required=True, metavar="JJJJ-MM-TT", help="Beginn.")
    p.add_argument("--to", dest="end", required=True, metavar="JJJJ-MM-TT", help="Ende.")
    p.add_argument("--budget", default=None, metavar="BETRAG", help="Budget, z. B. 1'500.00.")
    p = action("propose", "Teilnehmer aus Zielgruppen und Filtern vorschlagen und speichern.")
    p.add_argument("id", type=int, help="Kampagnen-ID.")
    p.add_argument("--max-rank", type=int, default=None, metavar="N", help="Nur Rang 1 bis N.")
    p.add_argument("--abc", default=None, metavar="KLASSEN", help="Nur diese ABC-Klassen, z. B. A,B.")
    p.add_argument("--require-email", action="store_true", help="Nur Kunden mit E-Mail.")
    p.add_argument("--require-address", action="store_true", help="Nur mit vollständiger Adresse.")
    p = action("participants", "Teilnehmerliste zeigen oder von Hand ändern.")
    p.add_argument("id", type=int, help="Kampagnen-ID.")
    p.add_argument("--add", default=None, metavar="NUMMERN",
                   help="Diese Kundennummern hinzufügen (durch Komma getrennt).")
    p.add_argument("--remove", default=None, metavar="NUMMERN",
                   help="Diese Kundennummern entfernen (durch Komma getrennt).")
    p = action("participate", "Teilnahme erfassen (je Teilnehmer ein Kontakt).")
    p.add_argument("id", type=int, help="Kampagnen-ID.")
    p.add_argument("--date", required=True, metavar="JJJJ-MM-TT", help="Tag der Teilnahme.")
    p.add_argument("--customers", default=None, metavar="NUMMERN",
                   help="Kundennummern, durch Komma getrennt (Standard: alle auf der Liste).")
    p = action("evaluate", "Kampagne auswerten: vorher/nachher, Vergleichsgruppe, Kosten.")
    p.add_argument("id", type=int, help="Kampagnen-ID.")
    p.add_argument("--as-of", dest="as_of", default=None, metavar="JJJJ-MM-TT",
                   help="Stichtag (Standard: heute).")
    p = action("export", "Teilnehmerliste mit Adressen für einen Serienbrief exportieren.")
    p.add_argument("id", type=int, help="Kampagnen-ID.")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI",
                   help="DATEI.csv oder DATEI.xlsx.")


def run(args: argparse.Namespace) -> int:
    write = args.action in ("create", "propose", "participate") or (
        args.action == "participants" and (args.add or args.remove))
    repo = open_repository(args, write=write)
    handler = {"instruments": _instruments, "list": _list, "create": _create,
               "propose": _propose, "participants": _participants,
               "participate": _participate, "evaluate": _evaluate,
               "export": _export}[args.action]
    return handler(repo, args)


def group_label(settings: dict[str, object], code: str) -> str:
    """The group's display name; core.scoring (pandas) is imported only when a command runs."""
    from kundenportfolio.core.scoring import group_label as label

    return label(settings, code)


def _instruments(repo: Repository, args: argparse.Namespace) -> int:
    settings = repo.all_settings()
    for i in repo.list_instruments():
        groups = ", ".join(group_label(settings, g) for g in i.groups)
        kind = "Werbung" if i.is_advertising else "Service"
        print(f"{i.code:<28} {i.name:<28} {kind:<8} {groups}")
    return 0


def _list(repo: Repository, args: argparse.Namespace) -> int:
    settings = repo.all_settings()
    campaigns = repo.list_campaigns()
    if not campaigns:
        print("Noch keine Kampagnen.")
    for c in campaigns:
        participants = repo.list_participants(c.id or 0)
        marked = sum(p.participated_at is not None for p in participants)
        budget = "–" if c.budget_cents is None else format_money(c.budget_cents,
                                                                 settings["number_format"])
        instrument = repo.get_instrument(c.instrument_id).name if c.instrument_id else "–"
        print(f"{c.id:>4}  {c.name}  ({instrument}; {c.start_date:%d.%m.%Y}–{c.end_date:%d.%m.%Y};"
              f" Budget {budget}; {len(participants)} Teilnehmer, {marked} teilgenommen)")
    return 0


def _create(repo: Repository, args: argparse.Namespace) -> int:
    from kundenportfolio.cli.ranking import parse_group
    from kundenportfolio.data.campaign_data import create_campaign

    settings = repo.all_settings()
    by_code = {i.code: i for i in repo.list_instruments(include_retired=True)}
    if args.instrument not in by_code:
        raise ValidationError(FieldError("--instrument", f"Kein Instrument «{args.instrument}»."))
    groups = [parse_group(g, settings) for g in args.groups.split(",") if g.strip()]
    budget = None
    if args.budget:
        try:
            budget = parse_money(args.budget, settings["number_format"])
        except MoneyFormatError as exc:
            raise ValidationError(FieldError("--budget", str(exc))) from None
    campaign = create_campaign(repo, args.name, by_code[args.instrument].id, groups,
                               _date(args.start, "--from"), _date(args.end, "--to"), budget)
    print(f"Kampagne {campaign.id} angelegt: {campaign.name}")
    return 0


def _propose(repo: Repository, args: argparse.Namespace) -> int:
    from kundenportfolio.core.campaigns import ParticipantFilter, propose_participants
    from kundenportfolio.core.periods import Period
    from kundenportfolio.data.campaign_data import load_contactability, save_participants
    from kundenportfolio.data.portfolio_store import PortfolioStore

    campaign = repo.get_campaign(args.id)
    instrument = repo.get_instrument(campaign.instrument_id) if campaign.instrument_id else None
    day = min(dt.date.today(), campaign.start_date - dt.timedelta(days=1))
    table = PortfolioStore(repo).result(Period.last_12_months(day)).table
    flt = ParticipantFilter(max_rank=args.max_rank, require_email=args.require_email,
                            require_address=args.require_address,
                            abc=[x.strip().upper() for x in args.abc.split(",")] if args.abc
                            else None)
    ids = propose_participants(table, load_contactability(repo), campaign, instrument, flt)
    save_participants(repo, args.id, ids)
    print(f"{len(ids)} Teilnehmer vorgeschlagen und gespeichert (nur Kunden, die angeschrieben "
          "werden dürfen).")
    return 0


def _ids(repo: Repository, numbers: str | None) -> list[int]:
    return [repo.get_customer_by_number(n.strip()).id or 0
            for n in (numbers or "").split(",") if n.strip()]


def _participants(repo: Repository, args: argparse.Namespace) -> int:
    from kundenportfolio.data.campaign_data import save_participants

    current = [p.customer_id for p in repo.list_participants(args.id)]
    if args.add or args.remove:
        removed = set(_ids(repo, args.remove))
        wanted = [i for i in current if i not in removed]
        wanted += [i for i in _ids(repo, args.add) if i not in wanted]
        save_participants(repo, args.id, wanted)  # consent is checked again
        current = [p.customer_id for p in repo.list_participants(args.id)]
        print(f"Teilnehmerliste gespeichert: {len(current)} Kunden.")
        return 0
    marked = {p.customer_id: p.participated_at for p in repo.list_participants(args.id)}
    for customer_id in current:
        customer = repo.get_customer(customer_id)
        day = marked[customer_id]
        took_part = f"teilgenommen am {day:%d.%m.%Y}" if day else "–"
        print(f"{customer.number:<10} {customer.name:<40} {took_part}")
    print(f"{len(current)} Teilnehmer.")
    return 0


def _participate(repo: Repository, args: argparse.Namespace) -> int:
    from kundenportfolio.data.campaign_data import mark_participation

    if args.customers:
        ids = _ids(repo, args.customers)
    else:
        ids = [p.customer_id for p in repo.list_participants(args.id)]
    logged = mark_participation(repo, args.id, ids, _date(args.date, "--date"))
    print(f"{logged} Teilnahmen als Kontakt erfasst ({len(ids) - logged} waren schon erfasst).")
    return 0


def _evaluate(repo: Repository, args: argparse.Namespace) -> int:
    from kundenportfolio.data.campaign_data import evaluate_campaign

    as_of = _date(args.as_of, "--as-of") if args.as_of else dt.date.today()
    result = evaluate_campaign(repo, args.id, as_of)
    settings = repo.all_settings()

    def money(cents: int) -> str:
        return f"{format_money(cents, settings['number_format'])} {settings['currency']}"

    (b0, b1), (a0, a1) = result.before, result.after
    print(f"Vorher {b0:%d.%m.%Y}–{b1:%d.%m.%Y}, nachher {a0:%d.%m.%Y}–{a1:%d.%m.%Y}")
    for label, f in (("Teilnehmer", result.participants), ("Vergleichsgruppe", result.comparison)):
        print(f"{label} ({f.customers}): Umsatz {money(f.revenue_before)} → "
              f"{money(f.revenue_after)}, Kundenwert {money(f.kundenwert_before)} → "
              f"{money(f.kundenwert_after)}")
    if result.cost_per_participant_cents is not None:
        print(f"Kosten je Teilnehmer: {money(result.cost_per_participant_cents)}")
    print(result.verdict)
    return 0


def _export(repo: Repository, args: argparse.Namespace) -> int:
    from kundenportfolio.core.campaigns import export_frame
    from kundenportfolio.data.engagement import load_addresses
    from kundenportfolio.reports.campaign_export import write_table

    ids = [p.customer_id for p in repo.list_participants(args.id)]
    frame = export_frame(load_addresses(repo, ids))
    with output_file(args.out) as temp:
        write_table(frame, temp, sheet_title="Teilnehmer")
    print(f"{len(frame)} Adressen geschrieben: {args.out}")
    return 0
