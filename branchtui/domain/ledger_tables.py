"""The tables of the yearly ledger volumes (台账汇编, SYS-3): title, column headings and rows of
cell texts, in date order (the template numbers the rows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from branchtui.domain.dates import format_date_cn

Table = dict[str, Any]


def date_cell(day: dt.date | None) -> str:
    """A date as a cell shows it (``2026年11月27日``; empty when there is none)."""
    return format_date_cn(day)


def dated_table(
    title: str, columns: list[str], rows: Sequence[tuple[dt.date | None, list[str]]]
) -> Table:
    """A table with its rows in date order (undated rows last)."""
    ordered = sorted(rows, key=lambda r: (r[0] is None, r[0] or dt.date.min))
    return {"title": title, "columns": columns, "rows": [cells for _, cells in ordered]}


def in_year(day: dt.date | None, year: int) -> bool:
    """Whether ``day`` is given and falls in ``year``."""
    return day is not None and day.year == year
