"""Where the program keeps its files (platformdirs): data, demo database, backups, logs."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR_NAME = "Kundenportfolio"
DB_FILE_NAME = "kundenportfolio.sqlite3"
DEMO_FILE_NAME = "demo.sqlite3"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_FILE_NAME


def default_backup_dir() -> Path:
    return data_dir() / "Sicherungen"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))
