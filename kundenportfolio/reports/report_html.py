"""HTML pieces shared by the printed reports (German, every value escaped).

QTextDocument understands a subset of HTML 4: tables with cellpadding, `<thead>` (repeated on
each page), per-cell align/width/bgcolor. Sizes in pt so they are physical on any device.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

TABLE = "<table width='100%' cellspacing='0' cellpadding='2' border='0' style='border-collapse: collapse'>"
HEAD_BG = "#E4E8EE"
TOTAL_BG = "#E9E9E9"
STRIPE_BG = "#F6F6F6"


def _nowrap(align: str) -> str:
    # Amounts and ranks never break inside; text columns may wrap.
    return " style='white-space: nowrap'" if align == "right" else ""


def text(value: Any) -> str:
    """A value as plain text: None, NaN and pandas NA become empty."""
    if value is None:
        return ""
    try:
        if value != value:  # NaN
            return ""
    except TypeError:  # pd.NA compares ambiguously
        return ""
    return str(value)


def esc(value: Any) -> str:
    """A user value as literal HTML text: None -> empty, `<b>` stays `<b>` on paper."""
    return html.escape(text(value))


def title_block(title: str, lines: Sequence[str]) -> str:
    """Big title and small German sub-lines (already escaped by the caller where needed)."""
    sub = "<br>".join(lines)
    return (f"<p style='font-size: 15pt; font-weight: bold; margin-bottom: 2pt'>{esc(title)}</p>"
            f"<p style='font-size: 8.5pt; margin-top: 0; margin-bottom: 8pt'>{sub}</p>")


def heading(text: str) -> str:
    # QTextDocument drops a block's top margin right after a table: an empty line makes the gap
    return (f"<p style='font-size: 5pt; margin: 0'>&nbsp;</p>"
            f"<h3 style='font-size: 11pt; margin-top: 6pt; margin-bottom: 3pt'>{esc(text)}</h3>")


def table(headers: Sequence[tuple[str, str, str]], rows: Sequence[Sequence[str]], *,
          totals: Sequence[Sequence[str]] = ()) -> str:
    """A table with a repeated header row.

    headers: (label, align "left"/"right", width like "8%"); rows/totals: cell HTML (escaped).
    """
    parts = [TABLE, "<thead><tr>"]
    for label, align, width in headers:
        parts.append(f"<th align='{align}' width='{width}' bgcolor='{HEAD_BG}' "
                     f"style='white-space: nowrap'>{esc(label)}</th>")
    parts.append("</tr></thead><tbody>")
    aligns = [align for _, align, _ in headers]
    for number, row in enumerate(rows):
        shade = f" bgcolor='{STRIPE_BG}'" if number % 2 else ""  # every other row, for the eye
        parts.append("<tr>" + "".join(f"<td align='{a}'{shade}{_nowrap(a)}>{cell}</td>"
                                      for a, cell in zip(aligns, row, strict=True)) + "</tr>")
    for row in totals:
        parts.append("<tr>" + "".join(f"<td align='{a}' bgcolor='{TOTAL_BG}'><b>{cell}</b></td>"
                                      for a, cell in zip(aligns, row, strict=True)) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def fields(pairs: Sequence[tuple[str, str]]) -> str:
    """A two-column label/value table (values already escaped)."""
    rows = "".join(f"<tr><td width='30%'><b>{esc(label)}</b></td><td>{value}</td></tr>"
                   for label, value in pairs)
    return f"{TABLE}{rows}</table>"


def document(body: str) -> str:
    return f"<html><body>{body}</body></html>"
