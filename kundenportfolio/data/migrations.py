"""Numbered schema migrations (sqlite-utils 4 `Migrations`).

Rules: never edit a migration that has shipped; add a new numbered one. Each migration runs
in its own transaction. `SCHEMA_VERSION` (the number of migrations) is written to
`PRAGMA user_version`, so an older program can recognise a file from a newer one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("kundenportfolio")
MIGRATION_NAMES: list[str] = []


def migration(name: str):  # type: ignore[no-untyped-def]
    """Register a numbered migration and remember its name for the schema version."""
    MIGRATION_NAMES.append(name)
    return migrations(name=name)

CONTACT_TYPES = "'call','inquiry','offer','order','complaint','visit','email','event','other'"
COST_CATEGORIES = "'visit','service','complaint_handling','gift','event','marketing','other'"
GROUPS = "'star','ertrag','fragezeichen','mitnahme'"


@migration("m001_initial_schema")
def m001_initial_schema(db: Database) -> None:
    db.executescript(
        f"""
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL              -- JSON
        );

        CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            email TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        );

        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE CHECK (trim(number) <> ''),
            name TEXT NOT NULL,
            contact_person TEXT,
            street TEXT,
            postcode TEXT,
            city TEXT,
            country TEXT NOT NULL DEFAULT 'DE',
            phone TEXT,
            email TEXT,
            industry TEXT,
            region TEXT,
            staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            customer_since TEXT,                 -- ISO date
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
            marketing_consent INTEGER NOT NULL DEFAULT 0 CHECK (marketing_consent IN (0, 1)),
            consent_date TEXT,
            consent_source TEXT,
            opt_out_date TEXT,
            potential_cents INTEGER CHECK (potential_cents IS NULL OR potential_cents >= 0),
            rating_payment INTEGER CHECK (rating_payment BETWEEN 1 AND 5),
            rating_reference INTEGER CHECK (rating_reference BETWEEN 1 AND 5),
            rating_relationship INTEGER CHECK (rating_relationship BETWEEN 1 AND 5),
            notes TEXT,
            group_override TEXT CHECK (group_override IN ({GROUPS})),
            group_override_reason TEXT,
            anonymized_at TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX idx_customers_staff ON customers(staff_id);
        CREATE INDEX idx_customers_name ON customers(name COLLATE NOCASE);
        CREATE INDEX idx_customers_email ON customers(email COLLATE NOCASE);
        CREATE INDEX idx_customers_postcode ON customers(postcode);

        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            order_date TEXT NOT NULL,            -- ISO date
            order_number TEXT,
            amount_cents INTEGER NOT NULL,       -- Umsatz excl. VAT
            discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
            cost_of_goods_cents INTEGER,         -- NULL: default margin applies
            is_credit_note INTEGER NOT NULL DEFAULT 0 CHECK (is_credit_note IN (0, 1)),
            note TEXT,
            CHECK (amount_cents >= 0 OR is_credit_note = 1)
        );
        CREATE INDEX idx_orders_customer_date ON orders(customer_id, order_date);
        CREATE INDEX idx_orders_date ON orders(order_date);
        CREATE UNIQUE INDEX idx_orders_number ON orders(order_number)
            WHERE order_number IS NOT NULL;

        CREATE TABLE instruments (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            scope TEXT NOT NULL CHECK (scope IN ('all', 'star_ertrag', 'individual', 'group')),
            groups TEXT NOT NULL DEFAULT '',     -- comma-separated group codes
            is_advertising INTEGER NOT NULL DEFAULT 1 CHECK (is_advertising IN (0, 1)),
            cost_per_participant_cents INTEGER,
            retired_at TEXT
        );

        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            instrument_id INTEGER REFERENCES instruments(id) ON DELETE RESTRICT,
            target_groups TEXT NOT NULL DEFAULT '',
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            budget_cents INTEGER,
            outcome TEXT,
            CHECK (end_date >= start_date)
        );

        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            occurred_at TEXT NOT NULL,           -- ISO 'YYYY-MM-DD HH:MM'
            type TEXT NOT NULL CHECK (type IN ({CONTACT_TYPES})),
            direction TEXT NOT NULL DEFAULT 'out' CHECK (direction IN ('in', 'out')),
            staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            subject TEXT,
            notes TEXT,
            outcome TEXT,
            complaint_status TEXT CHECK (complaint_status IN ('open', 'done')),
            revenue_impact_cents INTEGER,
            buys_from_competitor INTEGER NOT NULL DEFAULT 0
                CHECK (buys_from_competitor IN (0, 1)),
            order_id INTEGER REFERENCES orders(id) ON DELETE CASCADE,
            campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL
        );
        CREATE INDEX idx_contacts_customer_time ON contacts(customer_id, occurred_at);
        CREATE INDEX idx_contacts_order ON contacts(order_id);
        CREATE INDEX idx_contacts_staff ON contacts(staff_id);
        CREATE INDEX idx_contacts_campaign ON contacts(campaign_id);

        CREATE TABLE costs (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            cost_date TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ({COST_CATEGORIES})),
            amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
            note TEXT
        );
        CREATE INDEX idx_costs_customer_date ON costs(customer_id, cost_date);

        CREATE TABLE campaign_participants (
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            participated_at TEXT,
            contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
            PRIMARY KEY (campaign_id, customer_id)
        );
        CREATE INDEX idx_participants_customer ON campaign_participants(customer_id);

        CREATE TABLE group_history (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            snapshot_date TEXT NOT NULL,
            group_code TEXT NOT NULL CHECK (group_code IN ({GROUPS})),
            attractiveness REAL,
            position REAL,
            kundenwert_cents INTEGER,
            rank INTEGER,
            abc TEXT CHECK (abc IN ('A', 'B', 'C')),
            overridden INTEGER NOT NULL DEFAULT 0 CHECK (overridden IN (0, 1)),
            UNIQUE (customer_id, period)
        );
        CREATE INDEX idx_group_history_period ON group_history(period);
        """
    )


def schema_version() -> int:
    """The schema version this program writes: the number of known migrations."""
    return len(MIGRATION_NAMES)


def apply_pending(db: Database) -> int:
    """Apply pending migrations; returns how many ran. Sets user_version afterwards."""
    pending = migrations.pending(db)
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {schema_version()}")
    return len(pending)


# ---- issue 6: default marketing instrument catalogue (METHOD §5) ----------------------------
# is_advertising = 0 marks service contacts within the existing customer relationship (account
# review, service level, needs consultation, ordering channel, order conditions): allowed without
# marketing consent. Everything that promotes products, offers or events is advertising.
_ALL_GROUPS = "star,ertrag,fragezeichen,mitnahme"
DEFAULT_INSTRUMENTS: list[tuple[str, str, str, str, str, int]] = [
    # (code, name, description, scope, groups, is_advertising)
    ("newsletter", "Newsletter", "Regelmäßige E-Mail mit Neuheiten, Tipps und Angeboten.",
     "all", _ALL_GROUPS, 1),
    ("kundenmagazin", "Kundenmagazin", "Gedrucktes oder digitales Magazin für alle Kunden.",
     "all", _ALL_GROUPS, 1),
    ("website_social_media", "Website/Social Media",
     "Informationen und Aktionen auf der Website und in sozialen Medien.", "all", _ALL_GROUPS, 1),
    ("saisonales_mailing", "Saisonales Mailing",
     "Mailing zu Saison, Jahreswechsel oder Aktionswochen.", "all", _ALL_GROUPS, 1),
    ("jahresgespraech", "Jahresgespräch",
     "Jährliches Gespräch über Zusammenarbeit, Zufriedenheit und Pläne des Kunden.",
     "star_ertrag", "star,ertrag", 0),
    ("persoenlicher_besuch", "Persönlicher Besuch",
     "Besuch durch die Betreuerin oder den Betreuer vor Ort.", "star_ertrag", "star,ertrag", 1),
    ("exklusive_angebote", "Exklusive Angebote",
     "Angebote und Konditionen nur für die besten Kunden.", "star_ertrag", "star,ertrag", 1),
    ("prioritaetsservice", "Prioritätsservice",
     "Bevorzugte Bearbeitung, direkte Ansprechperson, kurze Lieferzeiten.",
     "star_ertrag", "star,ertrag", 0),
    ("messe_event_einladung", "Messe-/Event-Einladung",
     "Persönliche Einladung an den Messestand oder zu einem Kundenevent.",
     "individual", _ALL_GROUPS, 1),
    ("individuelles_werbegeschenk", "Individuelles Werbegeschenk",
     "Auf den Kunden abgestimmtes Geschenk, z. B. zum Jubiläum.", "individual", _ALL_GROUPS, 1),
    ("incentive", "Incentive", "Prämie oder Bonus für Umsatzziele oder Treue.",
     "individual", _ALL_GROUPS, 1),
    ("bedarfsanalyse", "Bedarfsanalyse",
     "Gemeinsame Analyse des Bedarfs: Was kauft der Kunde, was könnte er bei uns kaufen?",
     "group", "fragezeichen", 0),
    ("probeangebot", "Probeangebot", "Muster, Testlieferung oder Einführungspreis.",
     "group", "fragezeichen", 1),
    ("cross_selling", "Cross-Selling", "Ergänzende Produkte zum bisherigen Einkauf anbieten.",
     "group", "fragezeichen", 1),
    ("online_bestellung", "Online-Bestellung",
     "Kunde auf Online-Shop oder E-Mail-Bestellung umstellen: weniger Aufwand je Auftrag.",
     "group", "mitnahme", 0),
    ("standardangebote", "Standardangebote", "Sortiment und Preise ohne individuelle Betreuung.",
     "group", "mitnahme", 1),
    ("mindestbestellwert", "Mindestbestellwert",
     "Mindestbestellwert oder Kleinmengenzuschlag einführen und mitteilen.",
     "group", "mitnahme", 0),
]


@migration("m003_instrument_catalogue")
def m003_instrument_catalogue(db: Database) -> None:
    # INSERT OR IGNORE: an instrument the user already created with the same code stays as is.
    for code, name, description, scope, groups, advertising in DEFAULT_INSTRUMENTS:
        db.execute(
            "INSERT OR IGNORE INTO instruments (code, name, description, scope, groups, "
            "is_advertising) VALUES (?, ?, ?, ?, ?, ?)",
            [code, name, description, scope, groups, advertising],
        )


# ---- issue 8: consent history (evidence of consent and opt-out, revDSG/GDPR) ---------------

_CONSENT_CHANGED = ("OLD.marketing_consent IS NOT NEW.marketing_consent "
                    "OR OLD.consent_date IS NOT NEW.consent_date "
                    "OR OLD.consent_source IS NOT NEW.consent_source "
                    "OR OLD.opt_out_date IS NOT NEW.opt_out_date")


@migration("m004_consent_history")
def m004_consent_history(db: Database) -> None:
    # Triggers record every change of the consent fields, whoever writes them (dialog,
    # import, erasure), so the history cannot be forgotten by a code path.
    db.executescript(
        f"""
        CREATE TABLE consent_history (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            recorded_at TEXT NOT NULL DEFAULT (datetime('now')),
            marketing_consent INTEGER NOT NULL CHECK (marketing_consent IN (0, 1)),
            consent_date TEXT,
            source TEXT,
            opt_out_date TEXT
        );
        CREATE INDEX idx_consent_history_customer ON consent_history(customer_id, id);

        INSERT INTO consent_history (customer_id, marketing_consent, consent_date, source,
                                     opt_out_date)
            SELECT id, marketing_consent, consent_date, consent_source, opt_out_date
            FROM customers WHERE marketing_consent = 1 OR opt_out_date IS NOT NULL;

        CREATE TRIGGER trg_consent_insert AFTER INSERT ON customers
        WHEN NEW.marketing_consent = 1 OR NEW.opt_out_date IS NOT NULL
        BEGIN
            INSERT INTO consent_history (customer_id, marketing_consent, consent_date, source,
                                         opt_out_date)
            VALUES (NEW.id, NEW.marketing_consent, NEW.consent_date, NEW.consent_source,
                    NEW.opt_out_date);
        END;

        CREATE TRIGGER trg_consent_update AFTER UPDATE OF marketing_consent, consent_date,
            consent_source, opt_out_date ON customers
        WHEN {_CONSENT_CHANGED}
        BEGIN
            INSERT INTO consent_history (customer_id, marketing_consent, consent_date, source,
                                         opt_out_date)
            VALUES (NEW.id, NEW.marketing_consent, NEW.consent_date, NEW.consent_source,
                    NEW.opt_out_date);
        END;
        """
    )


# Number reserved for the portfolio (issue 3); registered after m003/m004, which ran earlier.
@migration("m002_portfolio_indexes")
def m002_portfolio_indexes(db: Database) -> None:
    # Covering indexes led by the date: the portfolio sums one period of contacts and costs
    # for all customers; without them SQLite reads every row of both tables.
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS idx_contacts_time_customer_type
            ON contacts(occurred_at, customer_id, type);
        CREATE INDEX IF NOT EXISTS idx_costs_date_customer
            ON costs(cost_date, customer_id, category, amount_cents);
        """
    )


# ---- issue 3: all-time sums per customer, kept current by triggers -------------------------


@migration("m005_customer_totals")
def m005_customer_totals(db: Database) -> None:
    # The all-time portfolio reads these instead of grouping every order, contact and cost.
    from kundenportfolio.data import customer_totals

    customer_totals.rebuild(db.conn)  # creates the table and fills it from existing rows
    customer_totals.create_triggers(db.conn)
