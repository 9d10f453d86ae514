"""Command line: `kundenportfolio [--db PATH | --demo] [COMMAND ...]`.

Without a command the window opens. Each command lives in its own module with a
`register(subparsers)` function that adds its parser and sets `func`; add new modules to
`COMMAND_MODULES`. Help texts are German, as the users are.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from kundenportfolio import APP_NAME, __version__
from kundenportfolio.cli.common import add_db_options
from kundenportfolio.core.errors import KundenportfolioError

COMMAND_MODULES = [
    "kundenportfolio.cli.demo",
    "kundenportfolio.cli.forecast",
    "kundenportfolio.cli.safety",
    "kundenportfolio.cli.privacy",
    "kundenportfolio.cli.portfolio",
    "kundenportfolio.cli.ranking",
    "kundenportfolio.cli.suggestions",
    "kundenportfolio.cli.campaign",
    "kundenportfolio.cli.importing",
    "kundenportfolio.cli.exporting",
    "kundenportfolio.cli.report",
]


class GermanArgumentParser(argparse.ArgumentParser):
    """argparse with German headings and error prefix."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", help="Diese Hilfe anzeigen und beenden.")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "Aufruf:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "Aufruf:", 1)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: Fehler: {message}\n")


def build_parser() -> GermanArgumentParser:
    parser = GermanArgumentParser(
        prog="kundenportfolio",
        description=f"{APP_NAME}: Kundenwert, Kundenportfolio, Prognosen und Kundenansprache. "
        "Ohne Befehl öffnet sich das Programmfenster.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}",
                        help="Programmversion anzeigen und beenden.")
    add_db_options(parser)
    parser.add_argument("--smoke-test", type=Path, metavar="ORDNER",
                        help="Selbsttest des installierten Programms: öffnet jeden Bereich mit einer "
                        "frischen Demo-Datenbank im ORDNER, schreibt Bildschirmfotos, ein PDF und "
                        "ein Protokoll; Rückgabewert 0 nur wenn alles funktioniert hat.")
    commands = parser.add_subparsers(title="Befehle", dest="command", metavar="BEFEHL",
                                     parser_class=GermanArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def prepare_environment() -> None:
    """Make the windowed (frozen) program safe before anything heavy is imported."""
    import os

    if sys.stdout is None:  # windowed .exe: no console
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if getattr(sys, "frozen", False):
        # PyInstaller points matplotlib at a fresh temp folder on every start, which rebuilds
        # the font cache each time; a persistent cache folder makes later starts fast.
        from kundenportfolio import paths

        os.environ["MPLCONFIGDIR"] = str(paths.cache_dir() / "matplotlib")


def main(argv: list[str] | None = None) -> int:
    prepare_environment()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.smoke_test is not None:
            from kundenportfolio.smoke import run_smoke_test

            return run_smoke_test(args.smoke_test)
        if args.command is None:
            from kundenportfolio.app import run_gui

            return run_gui(args)
        from kundenportfolio.data.storage_errors import storage_errors

        with storage_errors():  # a full disk or read-only folder: German text, not a traceback
            return int(args.func(args) or 0)
    except KundenportfolioError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130
