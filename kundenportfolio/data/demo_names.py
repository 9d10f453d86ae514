"""Invented but plausible master data for the demo: names, addresses, phones, e-mails.

Every choice consumes uniform numbers from an iterator fed by the caller's numpy Generator,
so the demo stays deterministic (and fast: no per-value `random` calls).
Postcodes follow the national formats (DE five digits, AT and CH four), phones the
international notation (+49/+43/+41), streets the national spelling (CH: «strasse», no ß).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

COUNTRIES = ("CH", "DE", "AT")
COUNTRY_WEIGHTS = (0.6, 0.25, 0.15)  # a Swiss supplier with customers across the borders


@dataclass(frozen=True)
class City:
    name: str
    postcode_lo: int
    postcode_hi: int
    region: str
    area_code: str
    step: int = 1  # Vienna's postcodes go in steps of ten (1010, 1020, …)


CITIES: dict[str, tuple[City, ...]] = {
    "CH": (
        City("Zürich", 8001, 8057, "Zürich", "44"), City("Winterthur", 8400, 8411, "Zürich", "52"),
        City("Uster", 8610, 8614, "Zürich", "44"), City("Bern", 3001, 3027, "Espace Mittelland", "31"),
        City("Thun", 3600, 3608, "Espace Mittelland", "33"),
        City("Biel/Bienne", 2502, 2505, "Espace Mittelland", "32"),
        City("Solothurn", 4500, 4509, "Espace Mittelland", "32"),
        City("Basel", 4051, 4059, "Nordwestschweiz", "61"),
        City("Liestal", 4410, 4410, "Nordwestschweiz", "61"),
        City("Aarau", 5000, 5004, "Nordwestschweiz", "62"),
        City("Baden", 5400, 5406, "Nordwestschweiz", "56"),
        City("Olten", 4600, 4609, "Espace Mittelland", "62"),
        City("Luzern", 6003, 6015, "Zentralschweiz", "41"),
        City("Zug", 6300, 6304, "Zentralschweiz", "41"), City("Schwyz", 6430, 6430, "Zentralschweiz", "41"),
        City("St. Gallen", 9000, 9016, "Ostschweiz", "71"), City("Wil SG", 9500, 9506, "Ostschweiz", "71"),
        City("Chur", 7000, 7007, "Ostschweiz", "81"), City("Davos Platz", 7270, 7270, "Ostschweiz", "81"),
        City("Frauenfeld", 8500, 8510, "Ostschweiz", "52"),
        City("Schaffhausen", 8200, 8208, "Ostschweiz", "52"),
        City("Rapperswil-Jona", 8640, 8645, "Ostschweiz", "55"),
    ),
    "DE": (
        City("Berlin", 10115, 14199, "Berlin", "30"), City("Hamburg", 20095, 22769, "Hamburg", "40"),
        City("München", 80331, 81929, "Bayern", "89"), City("Augsburg", 86150, 86199, "Bayern", "821"),
        City("Nürnberg", 90402, 90491, "Bayern", "911"), City("Regensburg", 93047, 93059, "Bayern", "941"),
        City("Lindau (Bodensee)", 88131, 88131, "Bayern", "8382"),
        City("Stuttgart", 70173, 70629, "Baden-Württemberg", "711"),
        City("Freiburg im Breisgau", 79098, 79117, "Baden-Württemberg", "761"),
        City("Konstanz", 78462, 78467, "Baden-Württemberg", "7531"),
        City("Ulm", 89073, 89081, "Baden-Württemberg", "731"),
        City("Köln", 50667, 51149, "Nordrhein-Westfalen", "221"),
        City("Düsseldorf", 40210, 40629, "Nordrhein-Westfalen", "211"),
        City("Frankfurt am Main", 60306, 60599, "Hessen", "69"),
        City("Leipzig", 4103, 4357, "Sachsen", "341"),
        City("Dresden", 1067, 1328, "Sachsen", "351"), City("Hannover", 30159, 30669, "Niedersachsen", "511"),
    ),
    "AT": (
        City("Wien", 1010, 1230, "Wien", "1", step=10), City("Graz", 8010, 8055, "Steiermark", "316"),
        City("Linz", 4020, 4040, "Oberösterreich", "732"), City("Wels", 4600, 4600, "Oberösterreich", "7242"),
        City("Salzburg", 5020, 5026, "Salzburg", "662"), City("Innsbruck", 6020, 6080, "Tirol", "512"),
        City("Klagenfurt", 9020, 9073, "Kärnten", "463"), City("Villach", 9500, 9500, "Kärnten", "4242"),
        City("Bregenz", 6900, 6900, "Vorarlberg", "5574"), City("Dornbirn", 6850, 6850, "Vorarlberg", "5572"),
        City("St. Pölten", 3100, 3100, "Niederösterreich", "2742"),
    ),
}

SURNAMES = (
    "Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Meyer", "Steiner", "Fischer",
    "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Widmer", "Wyss", "Graf", "Roth",
    "Suter", "Bachmann", "Kaufmann", "Bühler", "Lehmann", "Hofmann", "Wagner", "Becker", "Schulz",
    "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Hofer", "Gruber",
    "Pichler", "Bauer", "Wallner", "Eder", "Mayr", "Lang", "Fuchs", "Berger", "Egger", "Haas",
    "Leitner", "Winkler", "Böhm", "Krüger", "Hartmann", "Jäger", "Vogel", "Kälin", "Zürcher", "Lüthi",
    "Marti", "Odermatt", "Schürch", "Hürlimann", "Stöckli", "Gisler", "Aebischer", "Rossi", "Bianchi",
    "Ferrari", "Nguyen", "Yılmaz", "Kaya", "Demir", "Kovačević", "Novak", "Schäfer", "Krämer", "Löffler",
    "Würth", "Gößl", "Strauß", "Vögeli", "Blöchlinger", "Rüegg", "Nussbaumer", "Ammann", "Furrer",
)
FIRST_NAMES = (
    "Anna", "Beat", "Claudia", "Daniel", "Eva", "Fabian", "Gabriela", "Hans", "Irene", "Jürg", "Karin",
    "Lukas", "Monika", "Nicole", "Oliver", "Petra", "Reto", "Sabine", "Thomas", "Ursula", "Vreni",
    "Walter", "Yvonne", "Zoe", "Andreas", "Barbara", "Christian", "Doris", "Erich", "Franziska",
    "Günther", "Heidi", "Jörg", "Katharina", "Lena", "Markus", "Nadine", "Ömer", "Patrick", "Rita",
    "Stefan", "Tanja", "Uwe", "Verena", "Wolfgang", "Sören", "Maximilian", "Sophie", "Jan", "Mia",
    "Luca", "Chiara", "Elif", "Dragan", "Mélanie", "René", "Susanne", "Ralf", "Birgit", "Florian",
)
STREETS = (
    "Bahnhofstrasse", "Hauptstrasse", "Dorfstrasse", "Seestrasse", "Kirchgasse", "Industriestrasse",
    "Poststrasse", "Bergstrasse", "Schulstrasse", "Gewerbestrasse", "Rosenweg", "Lindenstrasse",
    "Marktgasse", "Gartenstrasse", "Mühleweg", "Feldstrasse", "Wiesenstrasse", "Birkenweg",
    "Sonnenbergstrasse", "Werkstrasse", "Am Markt", "Lerchenweg", "Kronenplatz", "Rathausgasse",
)
LOCAL_STREETS = {
    "CH": ("Zürcherstrasse", "Rütistrasse", "Obere Bahnhofstrasse", "Schulhausstrasse"),
    "DE": ("Goethestraße", "Schillerstraße", "Friedrichstraße", "Kaiserstraße"),
    "AT": ("Mariahilfer Straße", "Herrengasse", "Landstraße", "Linzer Gasse"),
}
PLACE_WORDS = ("Löwen", "Sonne", "Krone", "Rössli", "Bären", "Hirschen", "Adler", "Linde", "Post",
               "Bahnhof", "Seeblick", "Alpenblick", "Ochsen", "Schwanen", "Tanne", "Engel")
FEMININE_PLACES = frozenset({"Sonne", "Krone", "Linde", "Post", "Tanne"})  # «zur Krone», «zum Löwen»

LEGAL_FORMS = {
    "CH": (("AG", 0.35), ("GmbH", 0.4), ("", 0.25)),
    "DE": (("GmbH", 0.4), ("GmbH & Co. KG", 0.12), ("KG", 0.1), ("e.K.", 0.18), ("OHG", 0.05), ("", 0.15)),
    "AT": (("GmbH", 0.45), ("KG", 0.12), ("e.U.", 0.18), ("OG", 0.08), ("", 0.17)),
}

# Season profiles: relative order volume per month (Jan..Dec), normalised to mean 1 later.
SEASONS = {
    "food": (0.8, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 0.9, 1.0, 1.0, 1.1, 1.6),
    "tourism": (1.3, 1.3, 1.0, 0.8, 0.9, 1.2, 1.4, 1.4, 1.0, 0.6, 0.5, 1.2),
    "building": (0.5, 0.6, 1.0, 1.2, 1.3, 1.2, 1.1, 1.0, 1.2, 1.2, 1.0, 0.6),
    "garage": (0.8, 0.8, 1.1, 1.6, 1.1, 0.9, 0.8, 0.8, 0.9, 1.5, 1.3, 0.6),
    "office": (1.0, 1.0, 1.1, 1.0, 1.0, 0.9, 0.6, 0.7, 1.0, 1.1, 1.2, 1.4),
    "garden": (0.3, 0.4, 1.2, 1.8, 1.8, 1.4, 1.1, 0.9, 1.0, 0.9, 0.6, 0.5),
}


@dataclass(frozen=True)
class Industry:
    label: str  # Branche as shown to the user
    patterns: tuple[str, ...]  # {s}/{s2} surnames, {f} first name, {p} place, {zp} «zum Löwen», {c} city
    season: str
    size: float  # relative yearly purchase volume
    cost_ratio: float  # typical cost of goods ÷ net revenue
    local: dict[str, tuple[str, ...]] | None = None  # country-specific patterns


INDUSTRIES = (
    Industry("Bäckerei/Konditorei", ("Bäckerei {s}", "Bäckerei-Konditorei {s}", "Confiserie {s}"),
             "food", 0.8, 0.62, {"DE": ("Bäckerei {s}", "Konditorei {s}", "Landbäckerei {s}"),
                                 "AT": ("Bäckerei {s}", "Konditorei {s}", "Feinbäckerei {s}")}),
    Industry("Gastronomie", ("Restaurant {p}", "Gasthaus {zp}", "Café {s}", "Wirtshaus {zp}"),
             "tourism", 1.1, 0.6),
    Industry("Hotellerie", ("Hotel {p}", "Hotel {s}", "Berghotel {p}", "Hotel {p} {c}"),
             "tourism", 1.8, 0.58),
    Industry("Metzgerei", ("Metzgerei {s}", "Landmetzgerei {s}"), "food", 0.9, 0.64,
             {"AT": ("Fleischerei {s}", "Fleischhauerei {s}"), "DE": ("Metzgerei {s}", "Fleischerei {s}")}),
    Industry("Schreinerei", ("Schreinerei {s}", "Holzbau {s}", "Möbelwerkstatt {s}"), "building", 1.3, 0.66,
             {"AT": ("Tischlerei {s}", "Holzbau {s}"), "DE": ("Tischlerei {s}", "Schreinerei {s}")}),
    Industry("Elektroinstallation", ("Elektro {s}", "{s} Elektrotechnik", "Elektro {s} & {s2}"),
             "building", 1.4, 0.68),
    Industry("Sanitär/Heizung", ("Sanitär {s}", "{s} Haustechnik", "Heizung-Sanitär {s}"),
             "building", 1.5, 0.67),
    Industry("Malerei", ("Malergeschäft {s}", "Maler {s}", "{s} Malerei & Gipserei"), "building", 0.9, 0.6),
    Industry("Garage/Autohaus", ("Garage {s}", "Auto {s}", "Garage {p}"), "garage", 1.6, 0.7,
             {"DE": ("Autohaus {s}", "Kfz-Werkstatt {s}"), "AT": ("Autohaus {s}", "Kfz-Technik {s}")}),
    Industry("Arztpraxis", ("Praxis Dr. med. {s}", "Gemeinschaftspraxis {s} & {s2}", "Zahnarztpraxis Dr. {s}",
                            "Physiotherapie {s}"), "office", 0.7, 0.55),
    Industry("Treuhand", ("Treuhand {s}", "{s} Treuhand", "{s} & {s2} Treuhand"), "office", 0.5, 0.5,
             {"DE": ("Steuerberatung {s}", "Kanzlei {s} & {s2}"), "AT": ("Steuerberatung {s}",)}),
    Industry("Coiffeur", ("Coiffeur {s}", "Coiffure {f}", "Haarstudio {s}"), "office", 0.4, 0.55,
             {"DE": ("Friseur {s}", "Friseursalon {s}"), "AT": ("Friseur {s}", "Frisörsalon {s}")}),
    Industry("Detailhandel", ("{s} Haushalt & Geschenke", "Papeterie {s}", "Drogerie {s}", "Dorfladen {s}"),
             "food", 0.9, 0.7, {"DE": ("{s} Haushalt & Geschenke", "Schreibwaren {s}", "Drogerie {s}"),
                                "AT": ("{s} Haushalt & Geschenke", "Papierfachgeschäft {s}",
                                       "Drogerie {s}")}),
    Industry("Gärtnerei", ("Gärtnerei {s}", "{s} Gartenbau", "Blumen {s}"), "garden", 0.8, 0.6),
    Industry("Architekturbüro", ("Architekturbüro {s}", "{s} + {s2} Architekten"), "office", 0.6, 0.5),
    Industry("Druckerei", ("Druckerei {s}", "{s} Druck & Medien"), "office", 1.2, 0.69),
)
INDUSTRY_WEIGHTS = (9, 10, 5, 5, 8, 8, 7, 6, 7, 6, 5, 6, 8, 4, 3, 3)

CONSENT_SOURCES = ("Messe", "Website-Formular", "Kundenbesuch", "Bestellformular", "Telefon",
                   "Newsletter-Anmeldung")
CUSTOMER_NOTES = ("Lieferung nur vormittags.", "Rechnung bitte per E-Mail.", "Zahlt immer mit Skonto.",
                  "Anlieferung über Hintereingang.", "Betriebsferien im Juli.",
                  "Entscheidet zusammen mit der Geschäftsleitung.", "Bevorzugt telefonischen Kontakt.",
                  "Preissensibel, vergleicht Angebote.", "Hoher Betreuungsaufwand.")
OVERRIDES = (("star", "Strategischer Referenzkunde, bewusst gefördert."),
             ("mitnahme", "Zahlt schlecht, nur noch gegen Vorauskasse."),
             ("fragezeichen", "Neue Geschäftsleitung, Potenzial wird geprüft."),
             ("ertrag", "Langjähriger Kunde, Betreuung bewusst schlank."))

_SLUG = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "č": "c", "ć": "c",
                       "ı": "i", "Ä": "ae", "Ö": "oe", "Ü": "ue", "&": "-", "+": "-", " ": "-", ".": "",
                       "/": "-"})


@functools.lru_cache(maxsize=10_000)
def slug(text: str) -> str:
    """E-mail/domain-safe lower-case form of a name: «Bäckerei Müller» -> «baeckerei-mueller»."""
    out = re.sub(r"[^a-z0-9-]", "", text.lower().translate(_SLUG))
    return re.sub(r"-{2,}", "-", out).strip("-")[:40].strip("-") or "firma"


Draw = Iterator[float]  # uniform numbers in [0, 1) drawn in bulk with numpy: far faster than random


def pick(seq: Sequence[T], u: float) -> T:
    return seq[int(u * len(seq))]


def weighted(r: Draw, pairs: Sequence[tuple[T, float]]) -> T:
    """One value by weight (weights summing to 1)."""
    u, total = next(r), 0.0
    for value, weight in pairs:
        total += weight
        if u < total:
            return value
    return pairs[-1][0]


def person_name(r: Draw) -> tuple[str, str]:
    return pick(FIRST_NAMES, next(r)), pick(SURNAMES, next(r))


def company_name(r: Draw, industry: Industry, country: str, city: str) -> str:
    patterns = (industry.local or {}).get(country, industry.patterns)
    pattern = pick(patterns, next(r))
    first = int(next(r) * len(SURNAMES))
    second = int(next(r) * (len(SURNAMES) - 1))
    second += second >= first  # two different surnames
    place = pick(PLACE_WORDS, next(r))
    name = pattern.format(s=SURNAMES[first], s2=SURNAMES[second], p=place, f=pick(FIRST_NAMES, next(r)),
                          zp=("zur " if place in FEMININE_PLACES else "zum ") + place, c=city.split(" (")[0])
    if pattern.startswith(("Praxis", "Gemeinschaftspraxis", "Zahnarztpraxis")):
        return name  # medical practices carry no company suffix
    form = weighted(r, LEGAL_FORMS[country])
    return f"{name} {form}" if form else name


def street(r: Draw, country: str) -> str:
    base = pick(STREETS + LOCAL_STREETS[country], next(r))
    if country != "CH":
        base = base.replace("strasse", "straße")
    number = str(1 + int(next(r) * 120))
    if next(r) < 0.08:
        number += pick("abc", next(r))
    return f"{base} {number}"


def postcode(r: Draw, city: City, country: str) -> str:
    steps = (city.postcode_hi - city.postcode_lo) // city.step + 1
    code = city.postcode_lo + city.step * int(next(r) * steps)
    return f"{code:05d}" if country == "DE" else f"{code:04d}"


def phone(r: Draw, city: City, country: str, mobile: bool) -> str:
    digits = f"{int(next(r) * 10_000_000):07d}"
    if country == "CH":
        area = pick(("76", "78", "79"), next(r)) if mobile else city.area_code
        return f"+41 {area} {digits[:3]} {digits[3:5]} {digits[5:7]}"
    if country == "DE":
        area = pick(("151", "160", "171", "176"), next(r)) if mobile else city.area_code
        return f"+49 {area} {digits}{int(next(r) * 10) if mobile else ''}"
    area = pick(("664", "676", "699"), next(r)) if mobile else city.area_code
    return f"+43 {area} {digits}"


def email(r: Draw, company: str, person: tuple[str, str] | None, country: str) -> str:
    tld = country.lower()
    domain = f"{_domain(company)}.{tld}"
    roll = next(r)
    if person and roll < 0.35:
        return f"{slug(person[0])}.{slug(person[1])}@{domain}"
    if person and roll < 0.45:  # small firms often use a private mailbox
        provider = {"ch": "bluewin.ch", "de": "gmx.de", "at": "gmx.at"}[tld]
        return f"{slug(person[0])}.{slug(person[1])}{1 + int(next(r) * 99)}@{provider}"
    return f"{pick(('info', 'info', 'kontakt', 'office', 'bestellung'), next(r))}@{domain}"


@functools.lru_cache(maxsize=100_000)
def _domain(company: str) -> str:
    words = [w for w in company.split(" ") if w not in ("AG", "GmbH", "KG", "e.K.", "OHG", "e.U.", "OG",
                                                          "&", "Co.", "+", "Dr.", "med.")]
    return slug("-".join(words[:3]))


def staff_names(r: Draw, count: int) -> list[tuple[str, str]]:
    """Unique staff (name, e-mail) pairs of the demo supplier."""
    names: list[str] = []
    while len(names) < count:
        first, last = person_name(r)
        if f"{first} {last}" not in names:
            names.append(f"{first} {last}")
    return [(n, f"{slug(n).replace('-', '.')}@demo-handel.ch") for n in names]


# Contact texts per contact type code: subjects, outcomes (None: no outcome recorded).
CONTACT_SUBJECTS = {
    "call": ("Rückfrage zur Lieferung", "Terminvereinbarung", "Nachfrage zum Angebot", "Preisauskunft",
             "Kontaktpflege", "Zahlungserinnerung besprochen", "Rückruf wegen Liefertermin"),
    "inquiry": ("Anfrage Sortiment", "Anfrage Mengenrabatt", "Anfrage Liefertermin", "Anfrage Muster",
                "Anfrage Sonderanfertigung"),
    "offer": ("Angebot Jahresbedarf", "Angebot Sortimentserweiterung", "Angebot Sonderposten",
              "Angebot Rahmenvertrag", "Nachfassangebot"),
    "complaint": ("Lieferung unvollständig", "Ware beschädigt", "Falsche Artikel geliefert", "Lieferverzug",
                  "Rechnung fehlerhaft", "Qualitätsmangel"),
    "visit": ("Kundenbesuch", "Jahresgespräch", "Besuch mit Produktvorführung", "Bedarfsanalyse vor Ort"),
    "email": ("Preisliste zugestellt", "Rückfrage Rechnung", "Produktinformation",
              "Lieferschein nachgereicht", "Neuheiten zugestellt"),
    "event": ("Einladung Hausmesse", "Kundenapéro", "Fachseminar", "Messebesuch am Stand"),
    "other": ("Adressänderung gemeldet", "Weihnachtskarte", "Umfrage Kundenzufriedenheit",
              "Lieferadresse ergänzt"),
}
CONTACT_OUTCOMES = {
    "call": (None, None, "Rückruf vereinbart", "Erledigt", "Angebot folgt"),
    "inquiry": ("Angebot folgt", "Muster zugestellt", "Erledigt", None),
    "offer": ("Angenommen", "Abgelehnt", "Offen", "Teilweise angenommen"),
    "complaint": ("Ersatz geliefert", "Gutschrift erstellt", "Kulanz gewährt", "Abgelehnt"),
    "visit": ("Positiv", "Neutral", "Folgetermin vereinbart", "Bedarf erkannt"),
    "email": (None, None, "Erledigt"),
    "event": ("Teilgenommen", "Abgesagt", "Nicht erschienen"),
    "other": (None, "Erledigt"),
}
COMPETITOR_NOTE = "Kunde bezieht einen Teil des Bedarfs bei einem Mitbewerber."
DIP_COMPLAINT_NOTE = "Grössere Reklamation; Kunde hat Bestellungen vorerst reduziert."

ORDER_NOTES = {1: "2 % Skonto", 2: "5 % Mengenrabatt", 3: "10 % Jahresrabatt", 4: "Expresslieferung",
               5: "Gutschrift Retoure", 6: "Gutschrift Reklamation", 7: "Gutschrift Preisdifferenz"}

COST_NOTES = {
    "visit": ("Fahrtkosten und Arbeitszeit Besuch", "Besuch Aussendienst"),
    "service": ("Servicearbeit vor Ort", "Garantiefall, Ersatzteil gratis", "Telefonsupport",
                "Schulung Personal"),
    "complaint_handling": ("Ersatzlieferung und Bearbeitung", "Abholung und Prüfung der Ware"),
    "gift": ("Weihnachtsgeschenk", "Jubiläumspräsent", "Weinpräsent"),
    "event": ("Einladung Hausmesse", "Kundenapéro", "Seminarplatz"),
    "marketing": ("Mailing Frühjahrsaktion", "Katalogversand", "Herbstmailing"),
    "other": ("Spesen", "Musterlieferung", "Porto Sonderversand"),
}
