"""The columns of a register's list (tui/screens/register.py): a heading and how a record
shows in it, most of them one field as the user reads it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from branchtui.domain.dates import format_date
from branchtui.domain.fields import fields_of
from branchtui.domain.member_names import display_names
from branchtui.domain.records import BranchData, Record

Cell = Callable[[Any, BranchData], str]


@dataclasses.dataclass(frozen=True)
class Column:
    """A column of the list: its heading and how a record shows in it."""

    label: str
    cell: Cell
    width: int | None = None  # in cells; None fits the content (long text pushes others off)


def field_column(
    record_type: type[Record], name: str, label: str = "", width: int | None = None
) -> Column:
    """A column showing one field as the user reads it (dates, choices, flags, members)."""
    info = fields_of(record_type)[name]

    def cell(record: Any, data: BranchData) -> str:
        value = getattr(record, name)
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, dt.date):
            return format_date(value)
        if isinstance(value, list):
            return "、".join(info.choices.get(v, _member_name(data, v)) for v in value)
        if info.choices:
            return info.choices.get(value, value)
        if name.endswith("_id"):
            return _member_name(data, value)
        return str(value)

    return Column(label or info.label, cell, width)


def _member_name(data: BranchData, value: str) -> str:
    # The shown name (张伟（1985年生） when two share one, domain.member_names).
    return display_names(data.members).get(value, value)
