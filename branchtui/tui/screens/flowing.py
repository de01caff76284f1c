"""流动党员 (REL-4…REL-6): members flowing out (活动证, contact person, destination, contact,
return with the card checked, a probationary's conversion date) and flowing in (registered,
their participation and dues reported back home)."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.probation import conversion_due
from branchtui.domain.profile import Profile, profile_of
from branchtui.domain.records import BranchData, FlowingMember, Record
from branchtui.domain.relations import flowing_saved, outflow_gaps
from branchtui.tui.registry.relations import FLOWING
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormCheck, FormSpec

CARD_CHOICES = {"yes": "已查验流动党员活动证", "no": "尚未查验（稍后在编辑中登记）"}


def _conversion(flow: Any, data: BranchData) -> str:
    # REL-5: a flowing 预备党员's conversion date, shown beside the entry.
    member = data.find("members", flow.member_id)
    if member is None or member.removed is not None:
        return ""
    due = conversion_due(member, profile_of(data), data.candidates)
    return format_date(due) if due is not None else ""


def _saved(data: BranchData, before: Record | None, after: Record) -> RecordChanges:
    assert isinstance(after, FlowingMember)
    return flowing_saved(data, before if isinstance(before, FlowingMember) else None, after)


# At 80 columns the list keeps the dates; the card, contact person and report-back of the
# entry under the cursor show beneath it.
_DETAIL_COLUMNS = (
    field_column(FlowingMember, "card_number", "活动证"),
    field_column(FlowingMember, "contact_person_id", "联系人"),
    field_column(FlowingMember, "contact_info", "联系方式"),
    field_column(FlowingMember, "reported_back", "情况反馈"),
)


def _detail(flow: Any, data: BranchData) -> str:
    shown = [(c.label, c.cell(flow, data)) for c in _DETAIL_COLUMNS]
    return "；".join(f"{label}：{text}" for label, text in shown if text)


def _summary(flows: list[Any]) -> str:
    out = sum(1 for f in flows if f.direction == "outflow")
    return f"流出 {out} 人  流入 {len(flows) - out} 人"


def flowing_check(data: BranchData, profile: Profile) -> FormCheck:
    """REL-4…6 as the entry is typed: what an out-flow's entry lacks, an in-flow without its
    home organization, and a probationary's conversion date."""

    def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
        if not isinstance(record, FlowingMember):
            return {}, {}
        warned = {
            name: f"流出党员应登记{label}（REL-4）" for name, label in outflow_gaps(record).items()
        }
        if record.direction == "inflow" and not record.home_org.strip():
            warned["home_org"] = "流入党员应登记流出地党组织（REL-6）"
        member = data.find("members", record.member_id)
        due = conversion_due(member, profile, data.candidates) if member is not None else None
        if due is not None and record.direction == "outflow":
            warned["member_id"] = f"预备党员，应于{format_date(due)}前按期转正（REL-5）"
        return {}, warned

    return check


class FlowingScreen(RegisterScreen):
    """Flowing members; d ends a flow (for one flowing out, with the card checked)."""

    SCREEN_ID = FLOWING.id
    BINDINGS: ClassVar[list[BindingType]] = FLOWING.bindings()
    REGISTER = Register(
        FlowingMember,
        columns=(
            field_column(FlowingMember, "person_name", "姓名"),
            field_column(FlowingMember, "direction", "方向"),
            field_column(FlowingMember, "place", "去向/来自"),
            field_column(FlowingMember, "start", "开始"),
            field_column(FlowingMember, "last_contact", "最近联系"),
            Column("应转正", _conversion),
            field_column(FlowingMember, "end", "结束"),
        ),
        form=FormSpec(
            (
                "direction",
                "member_id",
                "person_name",
                "place",
                "start",
                "card_number",
                "contact_person_id",
                "contact_info",
                "last_contact",
                "home_org",
                "reported_back",
                "end",
                "card_checked",
                "note",
            ),
            hints={
                "person_name": "本支部党员在上一项选择；其他人在此填写姓名",
                "place": "流出：去向（一般指厦门市外）；流入：来自何地",
                "contact_person_id": "支部指定的专人",
                "home_org": "流入党员的原所在党组织（REL-6）",
            },
        ),
        rules=("REL-4", "REL-5", "REL-6"),
        date_field="start",
        closed_field="end",
        defaults=lambda data, today: {"start": today, "direction": "outflow"},
        changes=_saved,
        summary=_summary,
        detail=_detail,
    )

    def form_spec(self) -> FormSpec:
        return dataclasses.replace(self.REGISTER.form, check=flowing_check(self.data, self.profile))

    def _flow(self, direction: str, wrong: str) -> FlowingMember | None:
        flow = self._highlighted()
        if not isinstance(flow, FlowingMember):
            self.notify("请先选中一名流动党员", severity="warning")
            return None
        if flow.direction != direction:
            self.notify(wrong, severity="warning")
            return None
        return flow

    def action_contact(self) -> None:
        if self._flow("outflow", "登记联系用于流出党员；流入党员请按 r 登记情况反馈"):
            self.ask_date("last_contact", "最近一次联系的日期", "已登记联系", fresh=True)

    def action_report_back(self) -> None:
        if self._flow("inflow", "情况反馈用于流入党员；流出党员请按 c 登记联系"):
            self.ask_date(
                "reported_back", "向流出地党组织反馈情况的日期", "已登记情况反馈", fresh=True
            )

    def action_remove(self) -> None:
        flow = self._highlighted()
        if not isinstance(flow, FlowingMember) or flow.direction != "outflow":
            super().action_remove()
            return

        # REL-5: a member back from flowing out has the card checked.
        def checked(choice: str | None) -> None:
            if choice is not None:
                self.ask_date(
                    "end",
                    "返回日期（保留为历史记录）",
                    "已登记返回",
                    also=lambda _record, _day: {"card_checked": choice == "yes"},
                )

        self.app.push_screen(ChoicePrompt("返回时查验流动党员活动证", CARD_CHOICES), checked)
