"""The campaign evaluation chart: mean revenue and Kundenwert per customer before and after,
participants beside the comparison group (matplotlib object API, German labels, no pyplot)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from kundenportfolio.core.campaigns import CampaignEvaluation, GroupFigures
from kundenportfolio.core.money import format_money

COLORS = {"before": "#9aa5b1", "after": "#2f6db5"}


def _means(f: GroupFigures) -> tuple[float, float, float, float]:
    n = max(f.customers, 1)
    return (f.revenue_before / n, f.revenue_after / n, f.kundenwert_before / n,
            f.kundenwert_after / n)


def draw_campaign_evaluation(figure: Figure, evaluation: CampaignEvaluation | None, *,
                             number_format: str = "de-CH", title: str = "") -> None:
    """Two panels (Umsatz, Kundenwert), each with bars before/after for participants and the
    comparison group, in currency units per customer."""
    figure.clear()
    if evaluation is None or not evaluation.participants.customers:
        ax = figure.add_subplot(1, 1, 1)
        ax.set_axis_off()
        ax.text(0.5, 0.5, "Keine Teilnehmer – nichts auszuwerten.", ha="center", va="center")
        return
    groups = [("Teilnehmer", evaluation.participants)]
    if evaluation.comparison.customers:
        groups.append(("Vergleichsgruppe", evaluation.comparison))
    means = np.array([_means(f) for _, f in groups]) / 100.0  # currency units
    (b0, b1), (a0, a1) = evaluation.before, evaluation.after
    labels = {"before": f"vorher ({b0:%d.%m.%y}–{b1:%d.%m.%y})",
              "after": f"nachher ({a0:%d.%m.%y}–{a1:%d.%m.%y})"}
    money = FuncFormatter(lambda v, _pos: format_money(round(v * 100), number_format)[:-3])
    x = np.arange(len(groups))
    for panel, (caption, first) in enumerate((("Umsatz je Kunde", 0), ("Kundenwert je Kunde", 2))):
        ax = figure.add_subplot(1, 2, panel + 1)
        ax.bar(x - 0.2, means[:, first], 0.4, color=COLORS["before"], label=labels["before"])
        ax.bar(x + 0.2, means[:, first + 1], 0.4, color=COLORS["after"], label=labels["after"])
        ax.set_xticks(x, [f"{name}\n({f.customers})" for name, f in groups])
        ax.yaxis.set_major_formatter(money)
        ax.axhline(0, color="#444444", linewidth=0.8)
        ax.set_title(caption, fontsize=10)
        ax.grid(axis="y", alpha=0.3)
        if panel == 0:
            handles, names = ax.get_legend_handles_labels()
    figure.legend(handles, names, fontsize=8, loc="lower center", ncol=2, frameon=False)
    if title:
        figure.suptitle(title, fontsize=11)
    figure.tight_layout(rect=(0, 0.07, 1, 1))  # room for the legend below the panels
