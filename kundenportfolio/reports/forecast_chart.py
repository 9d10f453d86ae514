"""Chart of the business's monthly revenue history plus the forecast with its range (issue 5).

Object API only (no pyplot state), German labels like the other report charts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from kundenportfolio.reports.charts import money_formatter


def draw_forecast(figure: Figure, history_months: Sequence[str], history_cents: Sequence[int],
                  plan_months: Sequence[str], expected_cents: Sequence[int],
                  low_cents: Sequence[int], high_cents: Sequence[int],
                  number_format: str = "de-CH", *, currency: str = "") -> None:
    """Clear `figure`; bars for the past months, a line with a shaded 10–90 % band after."""
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    past = np.asarray(list(history_cents), dtype=float)
    n_past = len(past)
    x_future = np.arange(n_past, n_past + len(plan_months))
    if n_past:
        ax.bar(np.arange(n_past), past, color="#0072B2", width=0.7, label="Umsatz bisher")
    if len(plan_months):
        ax.fill_between(x_future, np.asarray(list(low_cents), float),
                        np.asarray(list(high_cents), float), color="#E69F00", alpha=0.3,
                        label="Bandbreite 10–90 %")
        ax.plot(x_future, np.asarray(list(expected_cents), float), color="#D55E00", marker="o",
                markersize=3, label="Prognose")
    labels = list(history_months) + list(plan_months)
    step = max(1, len(labels) // 12)
    ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right",
                  fontsize=8)
    ax.yaxis.set_major_formatter(money_formatter(number_format))
    ax.set_ylabel(f"Umsatz je Monat{f' ({currency})' if currency else ''}")
    ax.grid(True, axis="y", alpha=0.3)
    if labels:
        ax.legend(fontsize=8, loc="upper left")
    else:
        ax.text(0.5, 0.5, "Keine Umsätze", transform=ax.transAxes, ha="center", va="center")
    ax.set_title("Umsatz je Monat und Prognose der nächsten 12 Monate", fontsize=10)
    figure.tight_layout()
