"""出勤情况 (EDU-7): each member's attendance rate over a year, those absent for months first.

The rates and the months absent in a row are domain/attendance_overview.py's, computed from the
meetings' attendance as EDU-7 and NAT-5 judge them. A member absent 3 months or more is
flagged until the branch follows them up: l registers them as lost (NAT-6), x opens a
discipline case (EDU-8); either screen opens above this one, Esc comes back here.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.attendance import member_on
from branchtui.domain.attendance_overview import MemberAttendance, attendance_overview
from branchtui.domain.obligations import Obligation
from branchtui.tui.registry.education import ATTENDANCE
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.discipline import DisciplineScreen
from branchtui.tui.screens.lost_contact import LostContactScreen
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.duty_lines import DutyLines
from branchtui.tui.widgets.footer import BranchFooter

COLUMNS = ("姓名", "党小组", "应到", "实到", "出勤率", "连续缺席", "情况")


def _state(row: MemberAttendance, limit: int) -> Text:
    if not row.member.active:
        return Text("已移出", style="dim")
    if row.follow_up:
        return Text(row.follow_up, style="cyan")
    if row.flagged:
        return Text(f"连续{limit}个月以上缺席", style="bold red")
    return Text("")


class AttendanceScreen(DataScreen):
    """Attendance per member for the chosen year (this year by default)."""

    SCREEN_ID = ATTENDANCE.id
    BINDINGS: ClassVar[list[BindingType]] = ATTENDANCE.bindings()
    AUTO_FOCUS = "#attendance-table"

    def __init__(self) -> None:
        super().__init__()
        self.year: int | None = None
        self.rows: list[MemberAttendance] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield DutyLines(("EDU-7",), id="register-duties")
        yield Static(id="attendance-headline", classes="register-headline", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="attendance-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(*COLUMNS)
        yield table
        yield Static(id="attendance-count", classes="list-status", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#attendance-table", DataTable)

    @property
    def shown_year(self) -> int:
        return self.year if self.year is not None else self.today.year

    def reload(self) -> None:
        self.sub_title = ATTENDANCE.title
        data, year = self.data, self.shown_year
        highlighted = self._highlighted()
        self.rows = attendance_overview(data, year, self.today, self.profile)
        groups = {g.id: g.name for g in data.groups}
        limit = self.profile.absence_warning_months
        table = self.table
        table.clear()
        for row in self.rows:
            member = row.member
            table.add_row(
                terminal_safe(member.name),
                terminal_safe(groups.get(member.group_id or "", "")),
                str(row.expected),
                str(row.attended),
                row.rate_text,
                f"{row.streak}个月" if row.streak else "",
                _state(row, limit),
                key=member.id,
            )
        if highlighted is not None:
            self.select(highlighted.member.id)
        self.query_one("#attendance-headline", Static).update(self._headline(year))
        flagged = sum(1 for r in self.rows if r.flagged)
        count = f"{len(self.rows)}名党员"
        if flagged:
            count += f"，{flagged}人连续缺席排在最前"
        self.query_one("#attendance-count", Static).update(count)
        self.query_one(DutyLines).judge(self.data)

    def _headline(self, year: int) -> str:
        end = min(self.today, dt.date(year, 12, 31))
        # The members on the roster at the window's end, as EDU-7 counts them.
        counted = [r for r in self.rows if member_on(r.member, end)]
        expected = sum(r.expected for r in counted)
        attended = sum(r.attended for r in counted)
        head = f"{year}年（截至{end:%m-%d}）"
        if not expected:
            return head + "尚无会议出勤记录"
        flagged = sum(1 for r in self.rows if r.flagged and not r.follow_up)
        line = f"{head}出勤率{attended * 100 // expected}%，应到{expected}人次，实到{attended}人次"
        if flagged:
            limit = self.profile.absence_warning_months
            line += f"；{flagged}人连续{limit}个月以上缺席"
        return line

    def _highlighted(self) -> MemberAttendance | None:
        row = self.table.cursor_row
        if not self.rows or row is None or row >= len(self.rows):
            return None
        return self.rows[row]

    def select(self, member_id: str) -> bool:
        for index, row in enumerate(self.rows):
            if row.member.id == member_id:
                self.table.move_cursor(row=index)
                return True
        return False

    def _chosen_member(self) -> str | None:
        row = self._highlighted()
        if row is None:
            self.notify("请先选中一名党员", severity="warning")
            return None
        if not row.member.active:
            self.notify(f"{row.member.name}已不在党员名册中", severity="warning")
            return None
        return row.member.id

    async def action_lost_contact(self) -> None:
        member_id = self._chosen_member()
        if member_id is not None:
            screen = LostContactScreen()
            await self.app.push_screen(screen)
            screen.call_after_refresh(screen.start_for, member_id)

    async def action_open_case(self) -> None:
        member_id = self._chosen_member()
        if member_id is not None:
            row = self._highlighted()
            reason = ""
            if row is not None and row.streak:
                reason = f"连续{row.streak}个月未参加组织生活（EDU-7）"
            screen = DisciplineScreen()
            await self.app.push_screen(screen)
            screen.call_after_refresh(screen.open_for, member_id, reason)

    def action_choose_year(self) -> None:
        years = {m.date.year for m in self.data.meetings if m.date <= self.today}
        years.add(self.today.year)
        choices = {str(y): f"{y}年" for y in sorted(years, reverse=True)}

        def chosen(key: str | None) -> None:
            if key is not None:
                self.year = int(key)
                self.reload()

        self.app.push_screen(ChoicePrompt("查看哪一年的出勤", choices), chosen)

    def settle(self, ob: Obligation) -> None:
        for member_id in ob.people:
            if self.select(member_id):
                return
