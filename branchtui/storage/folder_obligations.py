"""The obligations of a data folder on a date: the one computation behind the dashboard and
``branchtui todo``, so that the two can never disagree.

What goes in: the branch's data and its own profile, the folder's calendar.toml overrides, and
the date (today unless given; ``BRANCHTUI_TODAY`` fixes today).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from branchtui.domain.obligations.base import Obligation
from branchtui.domain.profile import Profile, get_profile
from branchtui.storage import locations
from branchtui.storage.errors import StoreError
from branchtui.storage.holiday_cache import national_schedule, remember

if TYPE_CHECKING:
    from branchtui.domain.calendar import WorkCalendar
    from branchtui.domain.meetings.checks import Defect
    from branchtui.domain.records import BranchData


@dataclass(frozen=True)
class FolderObligations:
    """The obligations at ``on``, and what the user must be told about how they were judged.

    ``estimated``: the year's holiday schedule is an estimate (not yet announced);
    ``problem``: calendar.toml could not be read (Chinese), so the built-in calendar was used.
    """

    on: dt.date
    profile: Profile
    obligations: list[Obligation]
    estimated: bool
    problem: str = ""


def obligations_for_folder(
    folder: Path, data: BranchData, on: dt.date | None = None
) -> FolderObligations:
    """Every obligation of the branch in ``folder`` at ``on`` (default: today), judged with the
    branch's profile and the folder's calendar. A calendar.toml that cannot be read does not
    stop the list: the built-in calendar is used and ``problem`` says why."""
    # The rules load here, not with this module: the dashboard's first frame needs only the type.
    from branchtui.domain.obligations import obligations_on

    day = on or locations.today()
    profile = get_profile(data.branch.profile if data.branch else None)
    calendar, problem = folder_calendar(folder)
    found = obligations_on(data, day, profile, calendar)
    remember(calendar.national, around=day.year)  # the next start need not import holidays
    return FolderObligations(day, profile, found, calendar.is_estimate(day.year), problem)


def folder_calendar(folder: Path) -> tuple[WorkCalendar, str]:
    """The folder's calendar (with calendar.toml), and why the built-in one is used instead
    ('' when it is not)."""
    from branchtui.domain.calendar import WorkCalendar
    from branchtui.storage.calendar_file import load_calendar

    try:
        return load_calendar(folder), ""
    except StoreError as error:
        return WorkCalendar(national=national_schedule()), f"{error.message}；暂按内置节假日计算"


@dataclass(frozen=True)
class FolderDefects:
    """台账体检 of a data folder: the defects, and a note when the built-in calendar was used."""

    defects: list[Defect]
    problem: str = ""


def defects_for_folder(
    folder: Path, data: BranchData, *, year: int | None = None, on: dt.date | None = None
) -> FolderDefects:
    """Every defect of the ledger (of ``year`` when given) up to ``on`` (default: today),
    judged with the branch's profile and the folder's calendar (会后补记 counts working days)."""
    from branchtui.domain.meetings.checks import ledger_defects

    profile = get_profile(data.branch.profile if data.branch else None)
    calendar, problem = folder_calendar(folder)
    day = on or locations.today()
    return FolderDefects(ledger_defects(data, profile, calendar, year=year, until=day), problem)
