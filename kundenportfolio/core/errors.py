"""Typed errors that carry the field or line they are about.

The core returns codes and plain German messages; the UI shows them next to the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class KundenportfolioError(Exception):
    """Base class for every error the program reports to the user."""


@dataclass
class FieldError:
    """One problem with one input field."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(KundenportfolioError):
    """One or more input fields are invalid; nothing was written."""

    def __init__(self, errors: list[FieldError] | FieldError) -> None:
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    @property
    def fields(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}


class NotFoundError(KundenportfolioError):
    """A record that was asked for does not exist (any more)."""


class DatabaseRefusedError(KundenportfolioError):
    """The file cannot be opened as a Kundenportfolio database; it was left untouched."""


@dataclass
class DuplicateWarning:
    """A likely duplicate customer: a warning, never a block."""

    customer_id: int
    customer_number: str
    name: str
    reasons: list[str] = field(default_factory=list)
