"""Chart builders: matplotlib Figures through the object API only (no pyplot state).

Used by the Qt views (embedded with FigureCanvasQTAgg) and by printed reports alike, so every
label is German here: reports are German whatever the UI language is. Inputs are plain
DataFrames/sequences in the column layout of ``PortfolioResult.table``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from kundenportfolio.core.money import separators
from kundenportfolio.reports.colours import (  # one definition; views still import them here
    DEFAULT_GROUP_LABELS,
    GROUP_COLOURS,
    GROUP_ORDER,
)

# Where each group sits: (strong position = right, high attractiveness = top)
_QUADRANT: dict[str, tuple[bool, bool]] = {
    "star": (True, True),
    "ertrag": (True, False),
    "fragezeichen": (False, True),
    "mitnahme": (False, False),
}
AXIS_X_LABEL = "Lieferantenposition"
AXIS_Y_LABEL = "Kundenattraktivität"


def format_number(value: float, number_format: str, decimals: int = 0) -> str:
    """A plain number in the chosen format: ``12'345.6`` (de-CH) or ``12.345,6`` (de-DE/AT)."""
    thousands, decimal = separators(number_format)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_percent(value: float, number_format: str, decimals: int = 1) -> str:
    """``45.3 %`` (de-CH) or ``45,3 %`` (de-DE/AT); a narrow space before the sign."""
    return f"{format_number(value, number_format, decimals)}\u202f%"


def bubble_sizes(revenue_points: np.ndarray, count: int) -> np.ndarray:
    """Marker areas (pt²) proportional to revenue points, smaller when many customers share the plot."""
    scale = 60.0 if count <= 500 else 20.0 if count <= 5000 else 4.0
    points: np.ndarray = np.nan_to_num(np.asarray(revenue_points, dtype=float), nan=0.0).clip(0.0, 10.0)
    return scale * (0.4 + points)


# Above this many bubbles one PathCollection takes ~1 s to rasterise in Agg (every circle is
# rendered on its own); stamped markers (Line2D, one per group and size class) take ~0.1 s.
SCATTER_LIMIT = 20_000
SIZE_CLASSES = 8


@dataclass
class PortfolioChart:
    """A drawn portfolio: the figure, the bubble artists, and which customer each point is, in
    plotting order, with its marker area in pt² (for hover and click lookups)."""

    figure: Figure
    scatter: PathCollection | None  # the single collection (up to SCATTER_LIMIT bubbles)
    customer_ids: np.ndarray
    x: np.ndarray
    y: np.ndarray
    sizes: np.ndarray


def _rgba(groups: np.ndarray, alpha: float) -> np.ndarray:
    rgba = np.tile(np.array(to_rgba("#444444", alpha)), (len(groups), 1))
    for group, colour in GROUP_COLOURS.items():
        rgba[groups == group] = to_rgba(colour, alpha)
    return rgba


def _draw_bubbles(ax: Axes, x: np.ndarray, y: np.ndarray, sizes: np.ndarray,
                  groups: np.ndarray, overridden: np.ndarray) -> PathCollection | None:
    n = len(x)
    if n <= SCATTER_LIMIT:
        # A manually set group is shown as such: black ring instead of the thin white one.
        edges = np.where(overridden[:, None], np.array(to_rgba("#000000")), np.array(to_rgba("white")))
        widths = np.where(overridden, 1.6, 0.4 if n <= 2000 else 0.0)
        return ax.scatter(x, y, s=sizes, c=_rgba(groups, 0.75 if n <= 2000 else 0.45),
                          linewidths=widths.tolist(), edgecolors=[tuple(e) for e in edges.tolist()])
    # Many customers: quantise the areas into a few classes, largest first (small ones on top).
    low, high = float(sizes.min()), float(sizes.max())
    classes = np.minimum(((sizes - low) / max(high - low, 1e-9) * SIZE_CLASSES).astype(int),
                         SIZE_CLASSES - 1)
    # Object-array comparisons are slow; compare small integer codes instead.
    codes = np.full(n, -1, dtype=np.int8)
    for code, group in enumerate(GROUP_COLOURS):
        codes[groups == group] = code
    keys = classes.astype(np.int16) * 8 + codes
    for k in range(SIZE_CLASSES - 1, -1, -1):
        area = low + (k + 0.5) * (high - low) / SIZE_CLASSES
        for code, colour in enumerate(GROUP_COLOURS.values()):
            mask = keys == k * 8 + code
            if mask.any():
                ax.plot(x[mask], y[mask], linestyle="none", marker="o", markersize=float(np.sqrt(area)),
                        markeredgewidth=0, color=colour, alpha=0.35)
    return None


def quadrant_stats(table: pd.DataFrame) -> dict[str, tuple[int, float]]:
    """Per group code: (count, share of the summed Kundenwert in percent) of the given rows.

    The share is of the total Kundenwert of the rows shown; with loss-making customers the total
    can be smaller than a group's sum, so shares may exceed 100 % (reported as is, not hidden).
    """
    groups = table["group"].to_numpy(dtype=object)
    values = table["kundenwert_cents"].to_numpy(dtype=float)
    total = float(values.sum())
    stats: dict[str, tuple[int, float]] = {}
    for group in GROUP_ORDER:
        mask = groups == group
        share = 100.0 * float(values[mask].sum()) / total if total else 0.0
        stats[group] = (int(mask.sum()), share)
    return stats


def draw_portfolio(figure: Figure, table: pd.DataFrame, thresholds: tuple[float, float],
                   group_labels: Mapping[str, str] | None = None, *, number_format: str = "de-CH",
                   title: str | None = None) -> PortfolioChart:
    """Clear `figure` and draw the portfolio bubble chart of `table` into it.

    x = position, y = attractiveness (0–100), bubble area by revenue_points, colour by group,
    quadrant lines at `thresholds` = (x split, y split), each quadrant named with its group
    label, count and share of Kundenwert.
    """
    labels = {**DEFAULT_GROUP_LABELS, **(group_labels or {})}
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    x_split, y_split = thresholds
    points = np.nan_to_num(table["revenue_points"].to_numpy(dtype=float), nan=0.0)
    # Largest bubbles first so small ones stay visible on top.
    order = np.argsort(-points, kind="stable")
    x = table["position"].to_numpy(dtype=float)[order]
    y = table["attractiveness"].to_numpy(dtype=float)[order]
    ids = table.index.to_numpy(dtype=np.int64)[order]
    groups = table["group"].to_numpy(dtype=object)[order]
    sizes = bubble_sizes(points[order], len(order))
    overridden = (table["overridden"].to_numpy(dtype=bool)[order] if "overridden" in table
                  else np.zeros(len(order), dtype=bool))
    scatter = _draw_bubbles(ax, x, y, sizes, groups, overridden) if len(order) else None
    if overridden.any() and len(order) <= SCATTER_LIMIT:
        figure.text(0.98, 0.005, "Schwarzer Rand: Gruppe manuell festgelegt", ha="right", va="bottom",
                    fontsize=7.5, color="#333333")
    ax.axvline(x_split, color="#333333", linewidth=1.0, linestyle="--")
    ax.axhline(y_split, color="#333333", linewidth=1.0, linestyle="--")
    # A little room beyond 0–100 so bubbles on the edge are not cut in half.
    ax.set_xlim(-3, 103)
    ax.set_ylim(-3, 103)
    ax.set_xticks(range(0, 101, 20))
    ax.set_yticks(range(0, 101, 20))
    ax.set_xlabel(f"{AXIS_X_LABEL} (schwach → stark)")
    ax.set_ylabel(f"{AXIS_Y_LABEL} (niedrig → hoch)")
    stats = quadrant_stats(table)
    for group in GROUP_ORDER:
        right, top = _QUADRANT[group]
        count, share = stats[group]
        customers = "Kunde" if count == 1 else "Kunden"
        text = (f"{labels[group]}\n{format_number(count, number_format)} {customers} · "
                f"{format_percent(share, number_format)} des Kundenwerts")
        ax.text(0.99 if right else 0.01, 0.99 if top else 0.01, text, transform=ax.transAxes,
                ha="right" if right else "left", va="top" if top else "bottom", fontsize=8.5,
                color=GROUP_COLOURS[group], fontweight="bold", zorder=5,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "alpha": 0.85,
                      "edgecolor": GROUP_COLOURS[group]})
    if title:
        ax.set_title(title, fontsize=10)
    # Fixed margins: tight_layout would measure all 100k bubbles on every redraw.
    figure.subplots_adjust(left=0.08, right=0.98, bottom=0.09, top=0.94 if title else 0.97)
    return PortfolioChart(figure, scatter, ids, x, y, sizes)


def portfolio_figure(table: pd.DataFrame, thresholds: tuple[float, float],
                     group_labels: Mapping[str, str] | None = None, *, number_format: str = "de-CH",
                     title: str | None = None, figsize: tuple[float, float] = (8.0, 6.5)) -> Figure:
    """A new Figure with the portfolio chart (for reports/PDF)."""
    figure = Figure(figsize=figsize)
    draw_portfolio(figure, table, thresholds, group_labels, number_format=number_format, title=title)
    return figure


def pareto_points(kundenwert_cents: Sequence[int] | np.ndarray | pd.Series,
                  max_points: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """(customer share %, cumulative Kundenwert share %) sorted by value, best first.

    Starts at (0, 0). Thinned to about `max_points` points for drawing; the last point is kept.
    """
    values = np.sort(np.asarray(kundenwert_cents, dtype=float))[::-1]
    n = len(values)
    if n == 0:
        return np.array([0.0]), np.array([0.0])
    total = values.sum()
    cumulative = np.cumsum(values)
    share = 100.0 * cumulative / total if total else np.zeros(n)
    customers = 100.0 * np.arange(1, n + 1) / n
    if n > max_points:
        keep = np.unique(np.linspace(0, n - 1, max_points).round().astype(int))
        customers, share = customers[keep], share[keep]
    return np.concatenate([[0.0], customers]), np.concatenate([[0.0], share])


def draw_pareto(figure: Figure, kundenwert_cents: Sequence[int] | np.ndarray | pd.Series, *,
                abc_limits: tuple[float, float] = (80.0, 95.0), number_format: str = "de-CH",
                title: str | None = "Pareto-Kurve des Kundenwerts") -> None:
    """Clear `figure` and draw the cumulative share of Kundenwert over the share of customers.

    The curve is the share of the Kundenwert of the *profitable* customers: negative values
    count as 0. Summed as they are, the curve would rise above 100 % and fall back at the
    unprofitable tail, which nobody can read; and the ABC classes (drawn as the A/B limits)
    are shares of that positive total too (core.value.abc_classes). The unprofitable tail is
    shaded and labelled instead.
    """
    values = np.asarray(kundenwert_cents, dtype=float)
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    xs, ys = pareto_points(np.maximum(values, 0))
    ax.plot(xs, ys, color="#0072B2", linewidth=1.8)
    ax.plot([0, 100], [0, 100], color="#999999", linewidth=0.8, linestyle=":")
    for limit, letter in zip(abc_limits, ("A", "B"), strict=True):
        ax.axhline(limit, color="#CC79A7", linewidth=0.8, linestyle="--")
        ax.text(1, limit, f" Grenze {letter}: {format_percent(limit, number_format, 0)}",
                va="bottom", fontsize=8, color="#CC79A7")
    unprofitable = int((values < 0).sum())
    if unprofitable:
        start = 100.0 * (len(values) - unprofitable) / len(values)
        band = ax.axvspan(start, 100.0, color="#B00020", alpha=0.12, linewidth=0)
        noun = "unrentabler Kunde" if unprofitable == 1 else "unrentable Kunden"
        ax.legend([band], [f"{format_number(unprofitable, number_format)} {noun}\n"
                           "(Kundenwert unter 0, als 0 gezählt)"],
                  loc="lower right", fontsize=7, frameon=True)
    ax.set_xlim(0, 100)
    ax.set_ylim(0.0, 105.0)
    pct = FuncFormatter(lambda v, _pos: format_percent(v, number_format, 0))
    ax.xaxis.set_major_formatter(pct)
    ax.yaxis.set_major_formatter(pct)
    ax.set_xlabel("Anteil der Kunden\n(nach Kundenwert sortiert)")
    ax.set_ylabel("Kumulierter Anteil am Kundenwert\nder rentablen Kunden")
    ax.grid(True, alpha=0.3)
    if title:
        ax.set_title(title, fontsize=10)
    figure.tight_layout()


def money_formatter(number_format: str) -> FuncFormatter:
    """Axis ticks in whole currency units from cents values: ``12'000`` / ``12.000``."""
    return FuncFormatter(lambda v, _pos: format_number(v / 100.0, number_format))


REVENUE_COLOUR = "#0072B2"
REVENUE_PARTIAL_COLOUR = "#A6CEE8"  # the year not over yet: lighter and hatched
PARTIAL_YEAR_NOTE = "bis Stichtag"


def _text_px(text: str, font_px: float) -> float:
    """Rough width of a DejaVu Sans line (digits ~0.64 em, the separators narrower)."""
    return 0.6 * font_px * len(text)


def _revenue_axes(figure: Figure) -> Axes:
    """The figure's revenue axes, made once: a redraw for another customer reuses them (new
    axes with their ticks cost more than the bars)."""
    axes = figure.axes
    if len(axes) == 1 and getattr(axes[0], "_revenue_by_year", False):
        return axes[0]
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    ax._revenue_by_year = True  # type: ignore[attr-defined]
    ax.grid(True, axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=8)
    return ax


def draw_revenue_by_year(figure: Figure, years: Sequence[int], revenue_cents: Sequence[int],
                         number_format: str = "de-CH", *, currency: str = "",
                         title: str | None = "Umsatz je Jahr", partial_last: bool = False) -> None:
    """One bar per year (revenue in cents), oldest first, the value on each bar where it fits.

    `partial_last`: the last year is not over (up to the reference day): its bar is lighter
    and hatched and its label says «bis Stichtag». Margins are fixed in pixels from the
    figure's size (no tight_layout: it took half the time of a redraw), year labels are
    thinned out when they do not fit side by side, values on the bars are left out when they
    are wider than a bar's place. Call again after the figure was resized.
    """
    ax = _revenue_axes(figure)
    for container in list(ax.containers):
        container.remove()
    for text in list(ax.texts):
        text.remove()
    values = np.asarray(list(revenue_cents), dtype=float)
    count = len(values)
    dpi = figure.dpi
    font_px = 8 * dpi / 72  # tick labels and bar values: 8 pt
    width_px, height_px = max(figure.bbox.width, 1.0), max(figure.bbox.height, 1.0)
    top_px = (10 * dpi / 72) * 1.3 + 8 if title else 8
    ax.set_title(title or "", fontsize=10)
    ax.set_ylabel(f"Umsatz{f' ({currency})' if currency else ''}", fontsize=9)
    formatter = money_formatter(number_format)
    ax.yaxis.set_major_formatter(formatter)
    note_lines = 2 if count and partial_last else 1
    bottom_px = 8 + note_lines * font_px * 1.25 + 6
    plot_h = max(height_px - top_px - bottom_px, 20.0)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=max(2, min(8, int(plot_h // 35))), steps=[1, 2, 2.5, 5, 10]))
    if count:
        low = min(0.0, float(values.min()) * 1.15)
        high = max(1.0, float(values.max()) * 1.15)
        ax.set_ylim(low, high)
        ticks = ax.yaxis.get_major_locator().tick_values(low, high)
        shown = [t for t in ticks if low <= t <= high]
        tick_text = max((formatter(t, 0) for t in shown), key=len, default="0")
    else:
        ax.set_ylim(0.0, 1.0)
        tick_text = "0"
    left_px = 6 + (9 * dpi / 72) * 1.3 + 4 + _text_px(tick_text, font_px) + 10
    note_px = _text_px(f"({PARTIAL_YEAR_NOTE})", font_px) if count and partial_last else 0.0
    plot_w = max(width_px - left_px - 12, 20.0)
    pitch = plot_w / max(count, 1)
    right_px = max(12.0, note_px / 2 - 0.4 * pitch + 4)
    plot_w = max(width_px - left_px - right_px, 20.0)
    pitch = plot_w / max(count, 1)
    figure.subplots_adjust(left=min(left_px / width_px, 0.45),
                           right=max(1 - right_px / width_px, 0.55),
                           bottom=min(bottom_px / height_px, 0.45),
                           top=max(1 - top_px / height_px, 0.55))
    if not count:
        ax.set_xticks([])
        ax.set_xlim(-0.5, 0.5)
        ax.text(0.5, 0.5, "Keine Umsätze", transform=ax.transAxes, ha="center", va="center")
        return
    positions = np.arange(count)
    colours = [REVENUE_COLOUR] * count
    if partial_last:
        colours[-1] = REVENUE_PARTIAL_COLOUR
    bars = ax.bar(positions, values, color=colours, width=0.6, edgecolor=REVENUE_COLOUR,
                  linewidth=0)
    if partial_last:
        bars[-1].set_hatch("///")
        bars[-1].set_linewidth(0.8)
    ax.set_xlim(-0.6, count - 0.4)
    # every year whose label fits, counted back from the newest (which is always labelled;
    # the year before it leaves room for «(bis Stichtag)» under the newest)
    year_px = _text_px("2026", font_px)
    step = max(1, int(np.ceil((year_px + 10) / pitch)))
    first_gap = max(step, int(np.ceil((max(note_px, year_px) / 2 + year_px / 2 + 8) / pitch)))
    labelled = [*range(count - 1 - first_gap, -1, -step)][::-1] + [count - 1]
    labels = [str(years[i]) for i in labelled]
    if partial_last:
        labels[-1] += f"\n({PARTIAL_YEAR_NOTE})"
    ax.set_xticks(labelled, labels)
    texts = [format_number(v / 100.0, number_format) for v in values]
    if max(_text_px(t, font_px) for t in texts) <= 0.95 * pitch:
        ax.bar_label(bars, labels=texts, fontsize=8, padding=2)


def revenue_by_year_figure(years: Sequence[int], revenue_cents: Sequence[int], number_format: str = "de-CH",
                           **kwargs: Any) -> Figure:
    """A new Figure with revenue per year bars (customer detail, Kundenblatt)."""
    figure = Figure(figsize=kwargs.pop("figsize", (6.0, 3.5)))
    draw_revenue_by_year(figure, years, revenue_cents, number_format, **kwargs)
    return figure
