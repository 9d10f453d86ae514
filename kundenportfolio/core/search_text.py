"""The text the customer search looks in: number, name, place, contact person, phone, e-mail.

`Repository.customer_search_texts` builds it for all customers in one query; `customer_search_text`
does the same for one customer after an edit. Both add `phone_search_forms`, so a phone number is
found however it is typed.
"""

from __future__ import annotations

import re

from kundenportfolio.core.models import Customer

_NOT_DIGITS = re.compile(r"\D+")
_PHONE_SEPARATORS = str.maketrans("", "", " +-/().'\t\u00a0")
_COUNTRY_CODES = ("41", "49", "43")  # the prefixes normalise_phone folds into a national 0


def phone_search_forms(phone: str | None) -> str:
    """What the customer search adds for a phone number, so it is found however it is typed:
    the digits alone («+41441234567») and the national form («0441234567»), each after a
    space; "" without a phone number. «4412345» or «0441234567» then find «+41 44 123 45 67».

    The national form is `normalise_phone`'s, written out here: calling it costs 0.3 s for
    100,000 customers, this 0.1 s (the search texts are loaded at every start).
    """
    if not phone:
        return ""
    digits = phone.translate(_PHONE_SEPARATORS)
    if not digits.isdigit():
        digits = _NOT_DIGITS.sub("", digits)
        if not digits:
            return ""
    typed = phone.strip()
    plus = typed[:1] == "+"
    if plus or typed[:2] == "00":
        rest = digits[2:] if digits[:2] == "00" else digits
        national = "0" + rest[2:].lstrip("0") if rest[:2] in _COUNTRY_CODES else digits
        international = "+" + digits if plus else digits
        forms = "" if international == typed else " " + international
        return forms if national == digits else forms + " " + national
    return "" if digits == typed else " " + digits


def customer_search_text(customer: Customer) -> str:
    """The same lowercase text `Repository.customer_search_texts` builds, for one customer."""
    parts = (customer.number, customer.name, customer.city, customer.postcode,
             customer.contact_person, customer.phone, customer.email)
    return " ".join(p or "" for p in parts).lower() + phone_search_forms(customer.phone)
