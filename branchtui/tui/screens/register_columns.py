"""The columns of a register's list (tui/screens/register.py): a heading and how a record
shows in it, most of them one field as the user reads it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from rich.cells import cell_len

from branchtui.domain.dates import format_date
from branchtui.domain.fields import fields_of
from branchtui.domain.member_names import display_names
from branchtui.domain.records import BranchData, Record
from branchtui.tui.text import CLAUSE_ENDS, CLAUSE_STARTS, ELLIPSIS, wrap_offsets

CELL_PADDING = 1  # a DataTable's cells: one blank cell each side
NARROWEST = 12  # cells a narrowed column keeps (six CJK characters)

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


def fit_widths(columns: list[Column], rows: list[list[str]], room: int) -> list[int | None]:
    """The width of each column so that the list fits ``room`` cells, every heading whole.

    A column without a fixed width fits its content; when they all do not fit, the widest
    of them gives up cells first (its long text is cut, and read whole in the record's form).
    None keeps a column fitting its content; a number is the width it was narrowed to."""
    needed = [
        column.width
        if column.width is not None
        else max([cell_len(column.label), *(cell_len(row[i]) for row in rows)])
        for i, column in enumerate(columns)
    ]
    # Below its heading, or below a few characters of text, a column gives up nothing.
    floors = [max(cell_len(column.label), NARROWEST) for column in columns]
    widths = list(needed)
    over = sum(widths) + 2 * CELL_PADDING * len(columns) - room
    while over > 0:
        free = [i for i, c in enumerate(columns) if c.width is None and widths[i] > floors[i]]
        if not free:
            break
        widest = max(free, key=lambda i: widths[i])
        widths[widest] -= 1
        over -= 1
    fitted = zip(columns, widths, needed, strict=True)
    return [None if c.width is None and w == n else w for c, w, n in fitted]


def fit_cell(text: str, width: int | None) -> str:
    """``text`` in ``width`` cells (None: the column fits it whole); cut as late as a line
    may break (never inside a number or a date), "..." saying something was cut."""
    if width is None or cell_len(text) <= width:
        return text
    breaks = wrap_offsets(text, width - len(ELLIPSIS))
    kept = text[: breaks[0]] if breaks else text
    return kept.rstrip(CLAUSE_ENDS + CLAUSE_STARTS + " ") + ELLIPSIS
