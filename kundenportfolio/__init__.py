"""Kundenportfolio: customer value, portfolio, forecasts and campaigns for small businesses."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Kundenportfolio"
