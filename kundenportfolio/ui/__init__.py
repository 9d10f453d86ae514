"""PySide6 user interface. Never writes SQL: it calls the repository and the core."""
