"""Command line: `kundenportfolio [--db PATH | --demo] [COMMAND ...]`.

Without a command the window opens. Each command lives in its own module with a
`register(subparsers)` function that adds its parser and sets `func`; add new modules to
`COMMAND_MODULES`. Help texts are German, as the users are.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
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


# argparse's own error messages (Python 3.11) in German. An error about one argument reads
# "argument NAME: DETAIL"; the patterns match a whole message or such a detail.
GERMAN_ERRORS = [(re.compile(english, re.DOTALL), german) for english, german in [
    (r"unrecognized arguments: (.*)", r"Unbekannte Argumente: \1"),
    (r"the following arguments are required: (.*)", r"Diese Argumente fehlen: \1"),
    (r"one of the arguments (.*) is required", r"Eines dieser Argumente ist nötig: \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"Die Option \1 ist mehrdeutig: \2"),
    (r"invalid int value: (.*)", r"\1 ist keine ganze Zahl"),
    (r"invalid \w+ value: (.*)", r"\1 ist kein gültiger Wert"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"\1 gibt es nicht (möglich: \2)"),
    (r"not allowed with argument (.*)", r"Nicht zusammen mit \1 möglich"),
    (r"expected one argument", "Der Wert fehlt"),
    (r"expected at most one argument", "Höchstens ein Wert ist möglich"),
    (r"expected at least one argument", "Mindestens ein Wert ist nötig"),
    (r"expected (\d+) arguments?", r"\1 Werte sind nötig"),
    (r"ignored explicit argument (.*)", r"Ein Wert ist hier nicht möglich: \1"),
]]


def german_error(message: str) -> str:
    """argparse's English error message in German; any other message stays as it is."""
    about = re.fullmatch(r"argument (.+?): (.*)", message, re.DOTALL)
    prefix, detail = (f"Argument {about[1]}: ", about[2]) if about else ("", message)
    for english, german in GERMAN_ERRORS:
        match = english.fullmatch(detail)
        if match:
            return prefix + match.expand(german)
    return prefix + detail


class GermanArgumentParser(argparse.ArgumentParser):
    """argparse with German headings and error messages."""

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
        self.exit(2, f"{self.prog}: Fehler: {german_error(message)}\n")


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
            code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe (`| head`) shows up here, not at interpreter exit
        return code
    except BrokenPipeError:
        # the reader has gone: stop quietly. stdout goes to devnull so that Python's own flush
        # at exit does not fail again (as the Python documentation on SIGPIPE recommends).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KundenportfolioError as exc:
        message_for = getattr(exc, "message_for", None)  # a damaged file: the CLI way out
        print(f"Fehler: {message_for('cli') if message_for else exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130
