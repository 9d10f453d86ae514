"""`kundenportfolio suggestions`: whom to address, why, and with which instrument (METHOD §5).

Without --out the most urgent suggestions as a table in the terminal; with --out FILE.csv or
FILE.xlsx all of them: the CSV for German Excel (semicolons, decimal comma, no thousands
separator), the XLSX with real numbers and dates. --overview shows the Normstrategie and fitting
instruments per group, --review the review questions per group, or with --customer the answers
for that customer (as the customer panel of the window shows them).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kundenportfolio.cli.common import add_db_options, open_repository, output_file
from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.money import format_money

if TYPE_CHECKING:  # pandas costs ~0.4 s at start-up; only commands that compute need it
    import pandas as pd

    from kundenportfolio.reports.export import Kind

HEADERS = ["Priorität", "Kundennummer", "Name", "Gruppe", "Rang", "Kundenwert", "Grund",
           "Detail", "Instrument", "Art", "Betreuer", "Letzter Kontakt", "Tage seit Kontakt"]
TERMINAL = ["Priorität", "Kundennummer", "Name", "Gruppe", "Kundenwert", "Grund", "Instrument",
            "Art"]
# what the columns of the file export hold (see file_frame); the rest is text
FILE_KINDS: dict[str, Kind] = {"Priorität": "integer", "Rang": "integer", "Kundenwert": "money",
                               "Letzter Kontakt": "date", "Tage seit Kontakt": "integer"}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "suggestions", help="Vorschläge zur Kundenansprache ausgeben.",
        description="Wen ansprechen, warum und womit: Kontakt fällig, Reklamation offen, "
        "Kundenwert steigt, Bedarfsanalyse für Fragezeichenkunden, unrentable Kunden. "
        "Kunden ohne Werbeeinwilligung erhalten nur Servicekontakte.",
    )
    add_db_options(parser)
    parser.add_argument("--group", action="append", default=None, metavar="GRUPPE",
                        help="Nur diese Gruppe (mehrfach möglich): star, ertrag, fragezeichen, "
                        "mitnahme.")
    parser.add_argument("--customer", default=None, metavar="NUMMER",
                        help="Nur dieser Kunde (Kundennummer).")
    parser.add_argument("--as-of", dest="as_of", default=None, metavar="JJJJ-MM-TT",
                        help="Stichtag (Standard: heute).")
    parser.add_argument("--limit", type=int, default=40, metavar="N",
                        help="Im Terminal höchstens N Zeilen (Standard: 40).")
    parser.add_argument("--out", type=Path, default=None, metavar="DATEI",
                        help="Alle Vorschläge in eine Datei schreiben: DATEI.csv oder DATEI.xlsx.")
    parser.add_argument("--overview", action="store_true",
                        help="Normstrategie und passende Instrumente je Gruppe zeigen.")
    parser.add_argument("--review", action="store_true",
                        help="Review-Fragen je Gruppe beantworten (Hauptkontakt, Betreuer, "
                        "Reklamationen, Trend); mit --customer für diesen Kunden.")
    parser.set_defaults(func=run)


def as_of_from(args: argparse.Namespace) -> dt.date:
    try:
        return dt.date.fromisoformat(args.as_of) if args.as_of else dt.date.today()
    except ValueError:
        raise ValidationError(FieldError(
            "--as-of", f"«{args.as_of}» ist kein Datum im Format JJJJ-MM-TT.")) from None


def _date(value: Any) -> str:
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else ""


def group_label(settings: dict[str, Any], code: str) -> str:
    """The group's display name; core.scoring (pandas) is imported only when a command runs."""
    from kundenportfolio.core.scoring import group_label as label

    return label(settings, code)


def display_frame(result: pd.DataFrame, settings: dict[str, Any]) -> pd.DataFrame:
    """The suggestions with German headers and formatted values."""
    import pandas as pd

    fmt = str(settings["number_format"])
    return pd.DataFrame({
        "Priorität": result["priority"].astype(str),
        "Kundennummer": result["number"],
        "Name": result["name"],
        "Gruppe": result["group"].map({g: group_label(settings, g) for g in
                                       result["group"].unique()}),
        "Rang": result["rank"].astype(str),
        "Kundenwert": [format_money(int(v), fmt) for v in result["kundenwert_cents"]],
        "Grund": result["reason_text"],
        "Detail": result["detail"],
        "Instrument": result["instrument_name"].fillna("—"),
        "Art": result["kind"],
        "Betreuer": result["staff_name"].fillna(""),
        "Letzter Kontakt": [_date(v) for v in result["last_contact_date"]],
        "Tage seit Kontakt": [("" if pd.isna(v) else str(int(v)))
                              for v in result["days_since_contact"]],
    }, columns=HEADERS)


def file_frame(result: pd.DataFrame, settings: dict[str, Any]) -> pd.DataFrame:
    """The suggestions for --out: as display_frame, but numbers stay numbers (Kundenwert in
    cents, FILE_KINDS) so that the CSV gets a decimal comma and the XLSX real numbers."""
    import pandas as pd

    frame = display_frame(result, settings)
    frame["Priorität"] = result["priority"].astype("int64").to_numpy()
    frame["Rang"] = result["rank"].astype("int64").to_numpy()
    frame["Kundenwert"] = result["kundenwert_cents"].astype("int64").to_numpy()
    frame["Letzter Kontakt"] = [v if isinstance(v, dt.date) else None
                                for v in result["last_contact_date"]]
    frame["Tage seit Kontakt"] = pd.array(
        [None if pd.isna(v) else int(v) for v in result["days_since_contact"]], dtype="Int64")
    return frame


RIGHT = {"Priorität", "Rang", "Kundenwert", "Tage seit Kontakt"}


def render(frame: pd.DataFrame, headers: list[str]) -> str:
    """Plain-text table; numbers right-aligned, long texts cut at 48 characters."""
    widths = [min(max([len(h)] + [len(str(v)) for v in frame[h]]), 48) for h in headers]

    def cell(value: object, width: int, header: str) -> str:
        text = str(value)[:width]
        return text.rjust(width) if header in RIGHT else text.ljust(width)

    lines = ["  ".join(cell(h, w, h) for h, w in zip(headers, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    for row in frame[headers].itertuples(index=False, name=None):
        lines.append("  ".join(cell(v, w, h) for v, w, h in zip(row, widths, headers,
                                                                 strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def _overview(repo: Any, settings: dict[str, Any]) -> None:
    from kundenportfolio.core.suggestions import group_overview

    for item in group_overview(repo.list_instruments(), settings):
        print(f"{item['label']} — Kontakt alle {item['contact_interval_days']} Tage")
        print(f"  Normstrategie: {item['strategy']}")
        names = [i.name + ("" if i.is_advertising else " (Service)") for i in item["instruments"]]
        print(f"  Instrumente: {', '.join(names)}")


def _review(table: pd.DataFrame, engagement: Any, settings: dict[str, Any], limit: int) -> None:
    from kundenportfolio.core.review import review, review_by_group

    answers = review(table, engagement, settings)
    summary = review_by_group(answers, settings)
    fmt = str(settings["number_format"])
    for group, row in summary.iterrows():
        print(f"{group_label(settings, str(group))}: {row['customers']} Kunden, "
              f"Kundenwert {format_money(int(row['kundenwert_cents']), fmt)}")
        print(f"  ohne Betreuer: {row['no_responsible']}; Hauptkontakt ist nicht der Betreuer: "
              f"{row['main_not_responsible']}; ohne Kontakt in 12 Monaten: "
              f"{row['no_contact_12m']}")
        print(f"  mit offener Reklamation: {row['open_complaints']}; Umsatz steigt: "
              f"{row['rising']}; sinkt: {row['falling']}; unrentabel: {row['unprofitable']}")
    orphans = answers[answers["no_responsible"]].sort_values("kundenwert_cents", ascending=False)
    if len(orphans):
        print(f"Kunden ohne Betreuer ({len(orphans)}, nach Kundenwert):")
        for number, name in zip(orphans["number"][:limit], orphans["name"][:limit], strict=True):
            print(f"  {number}  {name}")
        if len(orphans) > limit:
            print(f"  … und {len(orphans) - limit} weitere.")


def _customer_review(table: pd.DataFrame, engagement: Any, settings: dict[str, Any],
                     as_of: dt.date) -> None:
    """The review answers for the one customer in `table`, in the words of the window's
    customer panel (core.review.review, as ui.widgets.suggestions_panel)."""
    import math

    from kundenportfolio.core.review import review

    answers = review(table, engagement, settings).iloc[0]
    fmt = str(settings["number_format"])
    print(f"Review für Kunde {answers['number']} {answers['name']} "
          f"({group_label(settings, str(answers['group']))}) – Stichtag {as_of:%d.%m.%Y}")
    print(f"  Kundenwert: {format_money(int(answers['kundenwert_cents']), fmt)} "
          f"{settings['currency']}")
    if answers["no_responsible"]:
        print("  Kein Betreuer festgelegt.")
    else:
        print(f"  Betreuer: {answers['staff_name']}")
    if answers["main_contacts"]:
        text = (f"  Hauptansprechpartner im Haus: {answers['main_staff_name']} "
                f"({int(answers['main_contacts'])} Kontakte in den letzten 12 Monaten)")
        if answers["main_is_responsible"] is True:
            text += " – der zuständige Betreuer."
        elif answers["main_is_responsible"] is False and not answers["no_responsible"]:
            text += f" – nicht der zuständige Betreuer ({answers['staff_name']})."
        print(text)
    else:
        print("  Kein Kontakt durch Mitarbeitende in den letzten 12 Monaten.")
    if answers["open_complaints"]:
        print(f"  Offene Reklamationen: {int(answers['open_complaints'])}")
    trend = answers["revenue_trend"]
    if trend is not None and not math.isnan(float(trend)):
        print(f"  Umsatzentwicklung: {float(trend) * 100:+.0f} % pro Jahr")
    if answers["unprofitable"]:
        print("  Unrentabel: Der Kundenwert ist negativ.")
    print(f"  Was gut läuft: {answers['goes_well'] or '–'}")
    print(f"  Was schlecht läuft: {answers['goes_badly'] or '–'}")


def run(args: argparse.Namespace) -> int:
    from kundenportfolio.cli.ranking import parse_group
    from kundenportfolio.core.periods import Period
    from kundenportfolio.core.suggestions import build_suggestions
    from kundenportfolio.data.engagement import load_engagement
    from kundenportfolio.data.portfolio_store import PortfolioStore
    from kundenportfolio.reports.campaign_export import write_table

    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise ValidationError(FieldError("--out", "Die Datei muss auf .csv oder .xlsx enden."))
    if args.limit < 1:
        raise ValidationError(FieldError("--limit", "N muss mindestens 1 sein."))
    as_of = as_of_from(args)
    repo = open_repository(args, write=False)
    settings = repo.all_settings()
    groups = [parse_group(g, settings).value for g in args.group] if args.group else None
    customer_ids = None
    if args.customer:
        customer_ids = [repo.get_customer_by_number(args.customer).id or 0]
    if args.overview:
        _overview(repo, settings)
        return 0
    table = PortfolioStore(repo).result(Period.last_12_months(as_of)).table
    if args.review and customer_ids is not None:
        one = table[table.index.isin(customer_ids)]
        if one.empty:
            print(f"Für Kunde {args.customer} gibt es keine Review-Antworten: Er ist nicht im "
                  "Kundenportfolio.")
        elif groups is not None and not one["group"].isin(groups).all():
            print(f"Kunde {args.customer} gehört zur Gruppe "
                  f"«{group_label(settings, str(one['group'].iloc[0]))}», nicht zur gewählten.")
        else:
            _customer_review(one, load_engagement(repo, as_of, customer_ids[0]), settings, as_of)
        return 0
    engagement = load_engagement(repo, as_of)
    if args.review:
        _review(table if groups is None else table[table["group"].isin(groups)], engagement,
                settings, args.limit)
        return 0
    result = build_suggestions(table, engagement, repo.list_instruments(), settings, as_of,
                               groups=groups, customer_ids=customer_ids)
    if out is not None:
        rows = file_frame(result, settings)
        with output_file(out) as temp:
            write_table(rows, temp, sheet_title="Vorschläge", kinds=FILE_KINDS)
        print(f"{len(rows)} Vorschläge geschrieben: {out}")
        return 0
    frame = display_frame(result, settings)
    print(f"Vorschläge zur Kundenansprache – Stichtag {as_of:%d.%m.%Y}")
    if frame.empty:
        print("Keine Vorschläge.")
        return 0
    print(render(frame.head(args.limit), TERMINAL))
    if len(frame) > args.limit:
        print(f"… und {len(frame) - args.limit} weitere (alle mit --out DATEI.csv).")
    return 0
