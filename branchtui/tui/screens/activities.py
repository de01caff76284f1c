"""主题实践活动 (EDU-2) and commemorations around 七一 and major holidays (EDU-3)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.obligations import Obligation
from branchtui.domain.obligations.edu import july_first_window
from branchtui.domain.records import Activity, BranchData, Record
from branchtui.tui.registry.education import ACTIVITIES
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec

# The party's founding year: 2026 is its 105th anniversary.
FOUNDED = 1921


def _window_note(record: Record) -> tuple[dict[str, str], dict[str, str]]:
    """EDU-2 counts practice activities, EDU-3 any activity around 七一: a commemoration on
    another day counts for neither, which the secretary should know as they type."""
    if not isinstance(record, Activity) or record.kind != "commemoration":
        return {}, {}
    start, end = july_first_window(record.date.year)
    if start <= record.date <= end:
        return {}, {}
    window = f"{start.month}月{start.day}日至{end.month}月{end.day}日"
    return {}, {"date": f"不在七一前后（{window}），不计入EDU-3"}


def _people(record: Any, data: BranchData) -> str:
    return f"{len(record.participant_ids)}人" if record.participant_ids else ""


def commemoration_defaults(today: dt.date) -> dict[str, Any]:
    """A new commemoration: around 七一 it is the year's 七一 activity."""
    start, end = july_first_window(today.year)
    title = ""
    if start <= today <= end:
        title = f"庆祝中国共产党成立{today.year - FOUNDED}周年“七一”纪念活动"
    return {"date": today, "kind": "commemoration", "title": title}


class ActivitiesScreen(RegisterScreen):
    """The activity register: practice activities and commemorations."""

    SCREEN_ID = ACTIVITIES.id
    BINDINGS: ClassVar[list[BindingType]] = ACTIVITIES.bindings()
    REGISTER = Register(
        Activity,
        columns=(
            field_column(Activity, "date", "日期"),
            field_column(Activity, "kind", "类型"),
            field_column(Activity, "title", width=28),
            Column("参加", _people),
            field_column(Activity, "recorder_id"),
        ),
        form=FormSpec(
            ("date", "kind", "title", "participant_ids", "recorder_id", "note"),
            hints={
                "kind": "党员责任区、示范岗、志愿服务等计入EDU-2；6月15日至7月15日的活动计入EDU-3"
            },
            check=_window_note,
        ),
        rules=("EDU-2", "EDU-3"),
        defaults=lambda data, today: {"date": today, "kind": "volunteer"},
    )

    def action_add_commemoration(self) -> None:
        self._form(None, commemoration_defaults(self.today))

    def settle(self, ob: Obligation) -> None:
        for ref in ob.refs:
            if self.select(ref):
                return
        if ob.rule == "EDU-3" and ob.status in ("due", "overdue", "upcoming"):
            self.action_add_commemoration()
        elif ob.status in ("due", "overdue", "upcoming"):
            self.action_add()
