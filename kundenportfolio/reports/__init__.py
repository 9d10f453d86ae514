"""Charts, PDF reports, CSV/XLSX exports (no Qt widgets)."""
