"""Chart builders: German labels, quadrant statistics, Pareto points, bars (hand-computed values)."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from kundenportfolio.reports import charts
from tests.reports.fake_portfolio import make_table


def _table() -> pd.DataFrame:
    # Three customers: a Star (x 80, y 70), an Ertrag (x 60, y 20), a Mitnahme (x 10, y 10).
    return pd.DataFrame({
        "position": [80.0, 60.0, 10.0],
        "attractiveness": [70.0, 20.0, 10.0],
        "revenue_points": [2.0, 9.0, 5.0],
        "group": ["star", "ertrag", "mitnahme"],
        "kundenwert_cents": [60_000, 30_000, 10_000],
    }, index=pd.Index([11, 12, 13], name="customer_id"))


def test_number_and_percent_formats() -> None:
    assert charts.format_number(12345.67, "de-CH", 1) == "12'345.7"
    assert charts.format_number(12345.67, "de-DE", 1) == "12.345,7"
    assert charts.format_percent(45.25, "de-AT") == "45,2\u202f%"  # banker's rounding of .25 -> .2


def test_quadrant_stats_count_and_share() -> None:
    stats = charts.quadrant_stats(_table())
    # total 100'000 cents: star 60 %, ertrag 30 %, mitnahme 10 %, fragezeichen empty
    assert stats["star"] == (1, pytest.approx(60.0))
    assert stats["ertrag"] == (1, pytest.approx(30.0))
    assert stats["mitnahme"] == (1, pytest.approx(10.0))
    assert stats["fragezeichen"] == (0, 0.0)


def test_portfolio_chart_bubbles_lines_and_german_quadrant_texts(tmp_path: Path) -> None:
    figure = Figure(figsize=(8, 6.5))
    chart = charts.draw_portfolio(figure, _table(), (55.0, 40.0),
                                  {"star": "Top-Kunden"}, number_format="de-DE")
    ax = figure.axes[0]
    # one collection for all bubbles, biggest (revenue points 9 -> id 12) drawn first
    assert len(ax.collections) == 1
    assert chart.customer_ids.tolist() == [12, 13, 11]
    assert np.allclose(chart.scatter.get_offsets(), [[60, 20], [10, 10], [80, 70]])
    sizes = chart.scatter.get_sizes()
    assert sizes[0] > sizes[1] > sizes[2]  # area grows with revenue points
    assert ax.get_xlabel().startswith("Lieferantenposition")
    assert ax.get_ylabel().startswith("Kundenattraktivität")
    # quadrant lines exactly at the thresholds
    xs = {tuple(line.get_xdata()) for line in ax.lines}
    ys = {tuple(line.get_ydata()) for line in ax.lines}
    assert (55.0, 55.0) in xs and (40.0, 40.0) in ys
    texts = {t.get_text() for t in ax.texts}
    assert "Top-Kunden\n1 Kunde · 60,0\u202f% des Kundenwerts" in texts  # custom label wins
    assert "Fragezeichenkunden\n0 Kunden · 0,0\u202f% des Kundenwerts" in texts
    assert "Ertragskunden\n1 Kunde · 30,0\u202f% des Kundenwerts" in texts
    figure.savefig(tmp_path / "portfolio.png", dpi=72)
    assert (tmp_path / "portfolio.png").stat().st_size > 1000


def test_overridden_group_gets_black_ring_and_note() -> None:
    table = _table()
    table["overridden"] = [False, True, False]  # customer 12 has a manually set group
    figure = Figure()
    chart = charts.draw_portfolio(figure, table, (50.0, 50.0))
    edges = chart.scatter.get_edgecolors()
    assert chart.customer_ids.tolist() == [12, 13, 11]
    assert tuple(edges[0]) == (0.0, 0.0, 0.0, 1.0)  # black ring for 12
    assert tuple(edges[1]) == (1.0, 1.0, 1.0, 1.0)
    assert [t.get_text() for t in figure.texts] == ["Schwarzer Rand: Gruppe manuell festgelegt"]
    no_override = Figure()
    charts.draw_portfolio(no_override, _table(), (50.0, 50.0))
    assert no_override.texts == []


def test_portfolio_chart_without_customers_still_draws() -> None:
    figure = charts.portfolio_figure(_table().iloc[0:0], (50.0, 50.0))
    assert len(figure.axes[0].collections) == 0
    assert len(figure.axes[0].texts) == 4


def test_pareto_points_hand_computed() -> None:
    xs, ys = charts.pareto_points([20, 50, 30])
    # sorted 50, 30, 20 of total 100: customers 1/3, 2/3, 3/3 hold 50 %, 80 %, 100 %
    assert np.allclose(xs, [0, 100 / 3, 200 / 3, 100])
    assert np.allclose(ys, [0, 50, 80, 100])


def test_pareto_points_thinned_for_many_customers() -> None:
    xs, ys = charts.pareto_points(np.arange(100_000), max_points=500)
    assert len(xs) <= 501
    assert xs[-1] == 100.0 and ys[-1] == pytest.approx(100.0)


def test_pareto_labels_in_german_and_never_above_100_percent() -> None:
    from matplotlib.figure import Figure

    figure = Figure()
    charts.draw_pareto(figure, [50, 30, 20, -40], number_format="de-CH")
    ax = figure.axes[0]
    assert ax.get_ylabel() == "Kumulierter Anteil am Kundenwert\nder rentablen Kunden"
    assert any("Grenze A: 80\u202f%" in t.get_text() for t in ax.texts)
    curve = ax.lines[0].get_ydata()
    assert max(curve) == pytest.approx(100.0)  # the −40 counts as 0, not as a fall from 140 %
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["1 unrentabler Kunde\n(Kundenwert unter 0, als 0 gezählt)"]


def test_revenue_by_year_bars_and_german_amounts(tmp_path: Path) -> None:
    figure = charts.revenue_by_year_figure([2023, 2024], [1_234_500, 9_876_543], "de-DE", currency="EUR")
    ax = figure.axes[0]
    heights = [p.get_height() for p in ax.patches]
    assert heights == [1_234_500, 9_876_543]
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["12.345", "98.765"]  # whole euros, German grouping
    assert ax.get_ylabel() == "Umsatz (EUR)"
    assert ax.yaxis.get_major_formatter()(1_000_000, 0) == "10.000"
    figure.savefig(tmp_path / "revenue.png", dpi=72)


def test_revenue_by_year_empty_says_so() -> None:
    figure = charts.revenue_by_year_figure([], [], "de-CH")
    assert [t.get_text() for t in figure.axes[0].texts] == ["Keine Umsätze"]


def test_big_portfolio_draws(tmp_path: Path) -> None:
    figure = charts.portfolio_figure(make_table(5000), (50.0, 50.0))
    figure.savefig(tmp_path / "big.png", dpi=60)
    assert len(figure.axes[0].collections[0].get_offsets()) == 5000


def test_charts_do_not_use_pyplot() -> None:
    # pyplot keeps global figure state; the builders must use the object API only
    tree = ast.parse(Path(charts.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "matplotlib" in " ".join(imported)
    assert not any("pyplot" in name for name in imported)
