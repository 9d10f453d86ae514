"""Logging of unexpected errors to a rotating file in the user log folder.

Works in the windowed program, where sys.stdout/sys.stderr may be None: only the file
handler is used then. `install_excepthook(show)` routes uncaught exceptions (main thread and
other threads) to the log and then to `show` (the GUI's error dialog).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from kundenportfolio import paths

LOGGER_NAME = "kundenportfolio"
LOG_FILE_NAME = "kundenportfolio.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

ShowError = Callable[[BaseException, str], None]  # (exception, formatted traceback)
_current_log: Path | None = None


def setup_logging(folder: Path | None = None) -> Path:
    """Attach the rotating file handler (once); returns the log file path."""
    global _current_log
    folder = folder or paths.log_dir()
    target = folder / LOG_FILE_NAME
    logger = logging.getLogger(LOGGER_NAME)
    if _current_log == target:
        return target
    folder.mkdir(parents=True, exist_ok=True)
    for handler in list(logger.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(target, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # never to a console that may not exist
    _current_log = target
    return target


def log_file() -> Path | None:
    return _current_log


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def log_exception(exc: BaseException) -> str:
    """Write the exception to the log; returns the formatted traceback."""
    text = format_exception(exc)
    logging.getLogger(LOGGER_NAME).error("Unerwarteter Fehler:\n%s", text.rstrip())
    return text


def install_excepthook(show: ShowError | None = None, folder: Path | None = None) -> Path:
    """Log every uncaught exception, then call `show`; returns the log file path."""
    target = setup_logging(folder)

    def handle(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        text = log_exception(exc)
        if show is not None:
            try:
                show(exc, text)
            except Exception as inner:  # the error display itself failed: log only
                log_exception(inner)

    def handle_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            handle(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = handle
    threading.excepthook = handle_thread
    return target
