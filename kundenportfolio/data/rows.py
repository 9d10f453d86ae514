"""Conversion between domain dataclasses and SQLite rows, driven by the type hints.

One place decides how a date, a bool, an enum or a list of groups is stored, so the
repository never converts field by field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")

# Dataclass field -> column name where they differ.
COLUMN_NAMES: dict[tuple[str, str], str] = {("GroupSnapshot", "group"): "group_code"}


def _column(cls: type, name: str) -> str:
    return COLUMN_NAMES.get((cls.__name__, name), name)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _base_type(hint: Any) -> tuple[Any, Any]:
    """(outer type, inner type) with Optional removed: list[Group] -> (list, Group)."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(a for a in args if a is not type(None))
        args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        return list, args[0]
    return hint, None


def to_db(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ",".join(str(to_db(v)) for v in value)
    return value


def from_db(value: Any, hint: Any) -> Any:
    outer, inner = _base_type(hint)
    if outer is list:
        return [from_db(part, inner) for part in str(value or "").split(",") if part]
    if value is None:
        return None
    if outer is bool:
        return bool(value)
    if outer is dt.datetime:
        return dt.datetime.fromisoformat(str(value))
    if outer is dt.date:
        return dt.date.fromisoformat(str(value)[:10])
    if isinstance(outer, type) and issubclass(outer, enum.Enum):
        return outer(value)
    return value


def to_row(obj: Any, *, with_id: bool = False) -> dict[str, Any]:
    row = {}
    for f in dataclasses.fields(obj):
        if f.name == "id" and not with_id:
            continue
        row[_column(type(obj), f.name)] = to_db(getattr(obj, f.name))
    return row


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        column = _column(cls, f.name)
        if column in row:
            kwargs[f.name] = from_db(row[column], hints[f.name])
    return cls(**kwargs)
