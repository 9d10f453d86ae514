"""`kundenportfolio ranking`: the customers ordered by Kundenwert, optionally one group only."""

from __future__ import annotations

import argparse

from kundenportfolio.cli.common import add_db_options
from kundenportfolio.cli.portfolio import (
    add_period_options,
    compute,
    group_label,  # lazy: core.scoring pulls in pandas
    render_table,
)
from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.models import Group

RANKING_COLUMNS = ["Rang", "Kundennummer", "Name", "Kundenwert", "Umsatz", "ABC", "Gruppe",
                   "Gruppe manuell", "Unrentabel", "Ohne Aufträge"]


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "ranking", help="Rangliste der Kunden nach Kundenwert ausgeben.",
        description="Rangliste nach Kundenwert (KDB IV) mit ABC-Klasse und Gruppe.",
    )
    add_db_options(parser)
    add_period_options(parser)
    parser.add_argument("--group", default=None, metavar="GRUPPE",
                        help="Nur eine Gruppe: star, ertrag, fragezeichen, mitnahme "
                        "(oder Starkunden, Ertragskunden, …).")
    parser.add_argument("--top", type=int, default=None, metavar="N",
                        help="Nur die besten N Kunden.")
    parser.set_defaults(func=run)


def parse_group(text: str, settings: dict[str, object]) -> Group:
    wanted = text.strip().casefold()
    for group in Group:
        if wanted in (group.value, group_label(settings, group).casefold()):
            return group
    choices = ", ".join(g.value for g in Group)
    raise ValidationError(FieldError("--group", f"«{text}» ist keine Gruppe. Erlaubt: {choices}."))


def run(args: argparse.Namespace) -> int:
    if args.top is not None and args.top < 1:
        raise ValidationError(FieldError("--top", "N muss mindestens 1 sein."))
    result, settings = compute(args)
    table = result.table.sort_values(["rank", "number"])
    title = f"Rangliste nach Kundenwert – {result.period.label}"
    if args.group:
        group = parse_group(args.group, settings)
        table = table[table["group"] == group.value]
        title += f" – {group_label(settings, group)}"
    if args.top is not None:
        table = table.head(args.top)
    print(title)
    if table.empty:
        print("Keine Kunden.")
        return 0
    print(render_table(table, settings, RANKING_COLUMNS))
    return 0
