"""The shared state of one demo build: the seeded random source, the dates and the records."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.dates import add_months
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Member, Record
from branchtui.domain.records.branch import Branch


@dataclass
class DemoContext:
    """Everything the demo's builders share; ``cast`` names the members with a part to play."""

    rng: random.Random
    today: dt.date
    start: dt.date
    profile: Profile
    data: BranchData = field(default_factory=BranchData)
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    cast: dict[str, Any] = field(default_factory=dict)
    # When a member stops counting for the branch's life (removal, or None).
    arrived: dict[str, dt.date] = field(default_factory=dict)

    def new_id(self) -> str:
        # Drawn from the seeded source (never uuid4) so one seed gives the same ids.
        return f"{self.rng.getrandbits(128):032x}"

    def add(self, record: Record) -> Any:
        self.data.tables[record.TABLE].append(record)
        return record

    @property
    def branch(self) -> Branch:
        assert self.data.branch is not None
        return self.data.branch

    def months(self) -> Iterator[dt.date]:
        """First days of the months from the start of history to the current month."""
        month = self.start
        current = self.today.replace(day=1)
        while month <= current:
            yield month
            month = add_months(month, 1)

    def years(self) -> range:
        return range(self.start.year, self.today.year + 1)

    def in_history(self, day: dt.date) -> bool:
        return self.start <= day < self.today

    def present_on(self, member: Member, day: dt.date) -> bool:
        """Whether the member belonged to the branch that day."""
        arrived = self.arrived.get(member.id)
        if arrived is not None and day < arrived:
            return False
        return member.removed is None or day < member.removed

    def members_on(self, day: dt.date) -> list[Member]:
        return [m for m in self.data.members if self.present_on(m, day)]

    def first_working_day(self, year: int, month: int) -> dt.date:
        return self.calendar.first_working_day(year, month)

    def working_day_near(self, day: dt.date) -> dt.date:
        """The first working day on or after ``day``."""
        while not self.calendar.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def day_in_month(self, month: dt.date, low: int, high: int) -> dt.date:
        """A working day of the month drawn between day ``low`` and ``high``."""
        return self.working_day_near(month.replace(day=self.rng.randint(low, high)))

    def days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def member(self, key: str) -> Member:
        member: Member = self.cast[key]
        return member
