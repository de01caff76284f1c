"""分配工作 (NAT-5): the work the branch assigned to members — 设岗定责, 党员责任区, 党员示范岗 …

Each row is one assignment with its due date (or 长期) and where it stands. d records it done
(完成日期, today unless changed; done work is history, h shows it); r records a good reason
(e.g. illness) and its dates, which NAT-5 does not count. Work past due without good reason
counts toward NAT-5 month by month (domain/assignments.py), shown above the list and on the
dashboard, where 不合格党员处置 settles it.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.assignments import overdue_months, work_detail, work_state
from branchtui.domain.dates import format_date
from branchtui.domain.meetings.roll import UNKNOWN_PERSON, person_name
from branchtui.domain.records import BranchData, Record, WorkAssignment
from branchtui.tui.registry.education import ASSIGNMENTS
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec
from branchtui.tui.widgets.record_form import RecordForm

FIELDS = (
    "member_id",
    "assigned",
    "form",
    "content",
    "due",
    "completed",
    "excuse",
    "excused_from",
    "excused_until",
    "note",
)
HINTS = {
    "content": "如：负责三号楼党员责任区；窗口服务党员示范岗",
    "due": "留空为长期；逾期未完成又无正当理由，满3个月提醒，满6个月按自行脱党处理（NAT-5）",
    "excuse": "如：因病住院；理由期间及之前的逾期不计入NAT-5",
}
EXCUSE_FORM = FormSpec(("excuse", "excused_from", "excused_until"), hints=HINTS)


# Where the work stands depends on today: filled in by AssignmentsScreen.cell.
STATE = Column("状态", lambda record, data: "")


def _due(record: Any, data: BranchData) -> str:
    return format_date(record.due) if record.due is not None else "长期"


class AssignmentsScreen(RegisterScreen):
    """The assignments register; done work is kept as history."""

    SCREEN_ID = ASSIGNMENTS.id
    BINDINGS: ClassVar[list[BindingType]] = ASSIGNMENTS.bindings()
    REGISTER = Register(
        WorkAssignment,
        columns=(
            field_column(WorkAssignment, "member_id"),
            field_column(WorkAssignment, "form", "形式", width=10),
            field_column(WorkAssignment, "content", width=22),
            Column("完成期限", _due),
            STATE,
        ),
        form=FormSpec(FIELDS, hints=HINTS),
        rules=("NAT-5",),
        date_field="assigned",
        closed_field="completed",
        defaults=lambda data, today: {"assigned": today, "form": "post_duty"},
        detail=lambda record, data: work_detail(record),
        empty="尚无分配工作；按 a 登记设岗定责、党员责任区等分配给党员的工作",
    )

    def cell(self, column: Column, record: Record, data: BranchData) -> str:
        if column is STATE and isinstance(record, WorkAssignment):
            return work_state(record, self.today)
        return super().cell(column, record, data)

    def form_spec(self) -> FormSpec:
        return dataclasses.replace(self.REGISTER.form, check=self._late)

    def _late(self, record: Record) -> tuple[dict[str, str], dict[str, str]]:
        """NAT-5 as the work is typed: how long it is already late (the rule's own count)."""
        if not isinstance(record, WorkAssignment):
            return {}, {}
        months = overdue_months(record, self.today)
        if months < self.profile.lapse_warning_months:
            return {}, {}
        lapse_at = self.profile.lapse_months
        then = "应按自行脱党处理" if months >= lapse_at else f"满{lapse_at}个月将按自行脱党处理"
        return {}, {"due": f"已逾期{months}个月未完成，{then}（NAT-5）"}

    def action_remove(self) -> None:  # d: 完成, on today unless changed
        self.ask_date("completed", "完成日期（完成后保留为历史记录）", "已记录完成")

    def action_excuse(self) -> None:
        """r: the good reason the member could not do the work, and from when to when."""
        record = self._editable()
        if not isinstance(record, WorkAssignment):
            return
        name = person_name(self.data, record.member_id, UNKNOWN_PERSON)
        form = RecordForm(
            WorkAssignment,
            dataclasses.replace(EXCUSE_FORM, check=self._late),
            store=self.store,
            today=self.today,
            members=[],
            original=dataclasses.replace(record, excused_from=record.excused_from or self.today),
            title=f"登记正当理由：{name}（{record.content}）",
            focus="excuse",
        )
        self.app.push_screen(form, self._saved)
