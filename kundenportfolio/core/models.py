"""Domain dataclasses and enums (METHOD §1).

Enums carry stable codes stored in the database; the UI translates them into words.
Money is always integer cents; dates are `datetime.date`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class CustomerStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class ContactType(StrEnum):
    CALL = "call"  # Anruf
    INQUIRY = "inquiry"  # Anfrage
    OFFER = "offer"  # Angebot
    ORDER = "order"  # Bestellung
    COMPLAINT = "complaint"  # Reklamation
    VISIT = "visit"  # Besuch
    EMAIL = "email"  # E-Mail
    EVENT = "event"  # Messe/Event
    OTHER = "other"  # Sonstiges


class Direction(StrEnum):
    INBOUND = "in"
    OUTBOUND = "out"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class CostCategory(StrEnum):
    VISIT = "visit"  # Besuch
    SERVICE = "service"  # Service
    COMPLAINT_HANDLING = "complaint_handling"  # Reklamationsbearbeitung
    GIFT = "gift"  # Werbegeschenk
    EVENT = "event"  # Event
    MARKETING = "marketing"  # Marketing
    OTHER = "other"  # Sonstiges


class CostLevel(StrEnum):
    """The KDB level a cost category is deducted at (METHOD §2)."""

    MARKETING = "II"
    SALES = "III"
    SERVICE = "IV"


class Group(StrEnum):
    STAR = "star"  # Starkunden: high attractiveness / strong position
    ERTRAG = "ertrag"  # Ertragskunden: low / strong
    FRAGEZEICHEN = "fragezeichen"  # Fragezeichenkunden: high / weak
    MITNAHME = "mitnahme"  # Mitnahmekunden: low / weak


class InstrumentScope(StrEnum):
    ALL = "all"  # for all groups
    STAR_ERTRAG = "star_ertrag"  # only Star- and Ertragskunden
    INDIVIDUAL = "individual"  # individual, for high or rising Kundenwert
    GROUP = "group"  # for the groups it is tagged with


@dataclass
class Staff:
    name: str
    email: str | None = None
    active: bool = True
    id: int | None = None


@dataclass
class Customer:
    number: str
    name: str
    contact_person: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str = "DE"
    phone: str | None = None
    email: str | None = None
    industry: str | None = None
    region: str | None = None
    staff_id: int | None = None
    customer_since: dt.date | None = None
    status: CustomerStatus = CustomerStatus.ACTIVE
    marketing_consent: bool = False
    consent_date: dt.date | None = None
    consent_source: str | None = None
    opt_out_date: dt.date | None = None
    potential_cents: int | None = None  # Bedarfspotenzial per year
    rating_payment: int | None = None  # 1–5
    rating_reference: int | None = None  # 1–5
    rating_relationship: int | None = None  # 1–5
    notes: str | None = None
    group_override: Group | None = None
    group_override_reason: str | None = None
    anonymized_at: dt.datetime | None = None
    id: int | None = None


@dataclass
class Contact:
    customer_id: int
    occurred_at: dt.datetime
    type: ContactType
    direction: Direction = Direction.OUTBOUND
    staff_id: int | None = None
    subject: str | None = None
    notes: str | None = None
    outcome: str | None = None
    complaint_status: ComplaintStatus | None = None  # only for complaints
    revenue_impact_cents: int | None = None  # only for complaints
    buys_from_competitor: bool = False
    order_id: int | None = None  # set on the contact an order records
    campaign_id: int | None = None  # set on the contact a campaign participation records
    id: int | None = None


@dataclass
class Order:
    customer_id: int
    order_date: dt.date
    amount_cents: int  # Umsatz excl. VAT
    discount_cents: int = 0  # Erlösschmälerung: discount, rebate, Skonto
    cost_of_goods_cents: int | None = None  # None: default margin applies
    order_number: str | None = None
    is_credit_note: bool = False
    note: str | None = None
    id: int | None = None

    @property
    def net_cents(self) -> int:
        """Nettoerlös = Umsatz − Erlösschmälerungen."""
        return self.amount_cents - self.discount_cents


@dataclass
class Cost:
    customer_id: int
    cost_date: dt.date
    category: CostCategory
    amount_cents: int
    note: str | None = None
    id: int | None = None


@dataclass
class Instrument:
    code: str
    name: str
    description: str = ""
    scope: InstrumentScope = InstrumentScope.ALL
    groups: list[Group] = field(default_factory=list)
    is_advertising: bool = True  # False: service contact, allowed without consent
    cost_per_participant_cents: int | None = None
    retired_at: dt.date | None = None
    id: int | None = None


@dataclass
class Campaign:
    name: str
    instrument_id: int | None
    start_date: dt.date
    end_date: dt.date
    target_groups: list[Group] = field(default_factory=list)
    budget_cents: int | None = None
    outcome: str | None = None
    id: int | None = None


@dataclass
class CampaignParticipant:
    campaign_id: int
    customer_id: int
    participated_at: dt.date | None = None
    contact_id: int | None = None


@dataclass
class GroupSnapshot:
    """The group a customer had in a period (group history)."""

    customer_id: int
    period: str  # e.g. "2025" or "12M-2026-11-26"
    snapshot_date: dt.date
    group: Group
    attractiveness: float | None = None
    position: float | None = None
    kundenwert_cents: int | None = None
    rank: int | None = None
    abc: str | None = None
    overridden: bool = False
    id: int | None = None
