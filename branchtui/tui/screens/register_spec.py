"""What a register declares (``Register``): its table, columns (tui/screens/register_columns.py),
form, rules, year and history fields, and what else a save does; the screen showing one is
tui/screens/register.py, which re-exports it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from branchtui.domain.changes import RecordChanges
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Record
from branchtui.tui.screens.register_columns import Column
from branchtui.tui.widgets.record_fields import FormSpec


@dataclasses.dataclass(frozen=True)
class Register:
    """What a register screen lists and edits.

    ``date_field``: the field that places a record in a year (the list is filtered by year and
    sorted newest first). ``closed_field``: a date field that closes a record while keeping it
    (a returned trip, an ended case) from that day on; without one, removing deletes after a
    confirmation, with what the delete implies (domain.deletion; the backups keep it). ``defaults``: a new record's values. ``changes``: what else a save does
    (a domain function), given the data, the record as it was, and as saved; whatever it
    inserts of a kind the electronic ledger lists is filed there in the same commit (SYS-3).
    """

    record_type: type[Record]
    columns: tuple[Column, ...]
    form: FormSpec
    rules: tuple[str, ...] = ()
    date_field: str | None = "date"
    closed_field: str | None = None
    defaults: Callable[[BranchData, dt.date], Mapping[str, Any]] | None = None
    changes: Callable[[BranchData, Record | None, Record], RecordChanges] | None = None
    summary: Callable[[list[Any]], str] | None = None  # a line about the records listed
    empty: str = "尚无记录，按 a 新增"
    # A line above the list about the year shown (the chosen one, else today's): (data, year,
    # today, profile) → text, drawn again after every save.
    headline: Callable[[BranchData, int, dt.date, Profile], str] | None = None
    # Records of other tables that count for this register's rules, listed read-only among
    # its own (with the same columns and date field); ``related_note`` says where to edit them.
    related: Callable[[BranchData], Iterable[Any]] | None = None
    related_note: str = ""
    # Whether a record is history (hidden until h); by default, its ``closed_field`` is set.
    is_history: Callable[[Any], bool] | None = None
    # A few lines under the list about the highlighted record (a case's steps …).
    detail: Callable[[Any, BranchData], str] | None = None
    # The list's order when not by date (systems by their category): a sort key of a record.
    order: Callable[[Any], Any] | None = None
    # With ``closed_field``: closing (d) opens this form on the record, its closing date
    # starting at today, instead of a date prompt (when closing needs more than the date: how
    # a fluctuation was resolved).
    close_form: FormSpec | None = None

    def history(self, record: Any, today: dt.date | None = None) -> bool:
        """Whether the record is history; by its ``closed_field``, from the day it names on
        (a return planned for next month leaves the trip listed until then)."""
        if self.is_history is not None:
            return self.is_history(record)
        if self.closed_field is None:
            return False
        day = getattr(record, self.closed_field)
        return day is not None and (today is None or not isinstance(day, dt.date) or day <= today)
