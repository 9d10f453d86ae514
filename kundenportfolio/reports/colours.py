"""Group colours, order and default names: plain constants, without matplotlib.

The Qt list and badges need them at program start; importing them from ``charts`` would load
matplotlib (~0.8 s) before the main window can be shown. ``charts`` imports them from here.
"""

from __future__ import annotations

from kundenportfolio.settings import GROUP_LABELS

# Group codes (core.models.Group values) -> colour. Colour-blind friendly (Okabe-Ito based).
GROUP_COLOURS: dict[str, str] = {
    "star": "#009E73",  # green
    "ertrag": "#0072B2",  # blue
    "fragezeichen": "#E69F00",  # orange
    "mitnahme": "#8C8C8C",  # grey
}
GROUP_ORDER: tuple[str, ...] = ("star", "ertrag", "fragezeichen", "mitnahme")
DEFAULT_GROUP_LABELS: dict[str, str] = dict(GROUP_LABELS.default)  # the settings' defaults
