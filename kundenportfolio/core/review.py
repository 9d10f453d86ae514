"""The review questions of the article answered from the data (METHOD §5).

* Who mainly communicates with the customer? The staff member with the most contacts in the
  last 12 months. Ties: the responsible person wins (if among them), then the most recent
  contact, then the lower staff id — so the answer is stable.
* Is that the responsible person? True/False; NA when nobody on the staff had a contact.
* What goes well, what goes badly? Open complaints, revenue trend, Kundenwert, contact.
* Customers without a responsible person.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from kundenportfolio.core.models import Group


def main_communicators(customers: pd.DataFrame, staff_contacts: pd.DataFrame) -> pd.DataFrame:
    """Index customer_id (those with staff contacts): main_staff_id, main_staff_name,
    main_contacts. `customers`/`staff_contacts` as in data.engagement.Engagement."""
    if staff_contacts.empty:
        return pd.DataFrame(columns=["main_staff_id", "main_staff_name", "main_contacts"],
                            index=pd.Index([], name="customer_id"))
    sc = staff_contacts.copy()
    responsible = customers["staff_id"].reindex(sc["customer_id"]).to_numpy()
    sc["is_responsible"] = [not pd.isna(r) and int(r) == int(s)
                            for r, s in zip(responsible, sc["staff_id"], strict=True)]
    sc = sc.sort_values(["customer_id", "contacts", "is_responsible", "last_contact", "staff_id"],
                        ascending=[True, False, False, False, True], kind="stable")
    first = sc.drop_duplicates("customer_id").set_index("customer_id")
    out = pd.DataFrame({"main_staff_id": first["staff_id"].astype("Int64"),
                        "main_staff_name": first["staff_name"],
                        "main_contacts": first["contacts"].astype("int64")})
    out.index.name = "customer_id"
    return out


def _well_badly(row: Any, trend_percent: float) -> tuple[str, str]:
    well: list[str] = []
    badly: list[str] = []
    trend = float(row.revenue_trend) if row.revenue_trend is not None else math.nan
    if not math.isnan(trend):
        if trend * 100 >= trend_percent:
            well.append(f"Umsatz steigt ({trend * 100:+.0f} % pro Jahr)")
        elif trend * 100 <= -trend_percent:
            badly.append(f"Umsatz sinkt ({trend * 100:+.0f} % pro Jahr)")
    if bool(row.unprofitable):
        badly.append("unrentabel (Kundenwert negativ)")
    elif int(row.kundenwert_cents) > 0:
        well.append("Kundenwert positiv")
    complaints = int(row.open_complaints)
    if complaints:
        badly.append("1 offene Reklamation" if complaints == 1
                     else f"{complaints} offene Reklamationen")
    if int(row.contacts_12m) == 0:
        badly.append("kein Kontakt in den letzten 12 Monaten")
    if row.no_responsible:
        badly.append("kein Betreuer")
    elif row.main_is_responsible is False:
        badly.append("Hauptkontakt ist nicht der Betreuer")
    elif row.main_is_responsible is True:
        well.append("Betreuer ist Hauptkontakt")
    return "; ".join(well), "; ".join(badly)


def review(table: pd.DataFrame, engagement: Any, settings: Mapping[str, Any]) -> pd.DataFrame:
    """Per customer of the portfolio table: the answers to the review questions.

    Columns: number, name, group, staff_id, staff_name (responsible person), main_staff_id,
    main_staff_name, main_contacts, contacts_12m, main_is_responsible (True/False/None),
    no_responsible, open_complaints, revenue_trend, kundenwert_cents, unprofitable,
    goes_well, goes_badly (German, "; "-separated).
    """
    customers = engagement.customers
    main = main_communicators(customers, engagement.staff_contacts)
    out = table[["number", "name", "group", "revenue_trend", "kundenwert_cents",
                 "unprofitable"]].copy()
    eng = customers.reindex(out.index)
    out["staff_id"] = eng["staff_id"].astype("Int64")
    out["staff_name"] = eng["staff_name"]
    out["contacts_12m"] = eng["contacts_12m"].fillna(0).astype("int64")
    out["open_complaints"] = eng["open_complaints"].fillna(0).astype("int64")
    main = main.reindex(out.index)
    out["main_staff_id"] = main["main_staff_id"].astype("Int64")
    out["main_staff_name"] = main["main_staff_name"]
    out["main_contacts"] = main["main_contacts"].fillna(0).astype("int64")
    out["no_responsible"] = out["staff_id"].isna().to_numpy(dtype=bool)
    verdicts: list[bool | None] = []
    for responsible, communicator in zip(out["staff_id"], out["main_staff_id"], strict=True):
        if pd.isna(communicator) or pd.isna(responsible):
            verdicts.append(None if pd.isna(communicator) else False)
        else:
            verdicts.append(int(responsible) == int(communicator))
    out["main_is_responsible"] = pd.Series(verdicts, index=out.index, dtype=object)
    trend_percent = float(settings["suggestion_rising_trend_percent"])
    texts = [_well_badly(row, trend_percent) for row in out.itertuples()]
    out["goes_well"] = [t[0] for t in texts]
    out["goes_badly"] = [t[1] for t in texts]
    return out


def review_by_group(per_customer: pd.DataFrame, settings: Mapping[str, Any]) -> pd.DataFrame:
    """Per group code: customers, no_responsible, main_not_responsible, no_contact_12m,
    open_complaints (customers with at least one), rising, falling, unprofitable,
    kundenwert_cents (sum)."""
    threshold = float(settings["suggestion_rising_trend_percent"]) / 100.0
    df = per_customer
    trend = df["revenue_trend"].astype(float)
    flags = pd.DataFrame({
        "group": df["group"].astype(str),
        "customers": 1,
        "no_responsible": df["no_responsible"].astype(int),
        "main_not_responsible": (df["main_is_responsible"].map(lambda v: v is False)).astype(int),
        "no_contact_12m": (df["contacts_12m"] == 0).astype(int),
        "open_complaints": (df["open_complaints"] > 0).astype(int),
        "rising": (trend >= threshold).astype(int),
        "falling": (trend <= -threshold).astype(int),
        "unprofitable": df["unprofitable"].astype(bool).astype(int),
        "kundenwert_cents": df["kundenwert_cents"].astype("int64"),
    })
    summed = flags.groupby("group").sum()
    order = [g.value for g in Group if g.value in summed.index]  # Star, Ertrag, Fragezeichen, …
    return summed.reindex(order)
