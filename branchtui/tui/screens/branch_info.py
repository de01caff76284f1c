"""支部信息 (ORG-3): the branch's own details, the member count against the thresholds of its
form (50 → 党总支, 100 → 党委), and what the rule profile in force sets — with what choosing the
other profile would change; ``e`` edits them in a form that says so as it is filled in."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from branchtui.domain import committee, roster
from branchtui.domain.dates import format_date
from branchtui.domain.obligations import Obligation
from branchtui.domain.obligations.org import branch_form_advice
from branchtui.domain.profile import PROFILES, Profile, get_profile
from branchtui.domain.profile_labels import profile_changes
from branchtui.domain.records import Branch, BranchData, Record
from branchtui.domain.records.branch import BRANCH_KINDS
from branchtui.tui.registry.organization import BRANCH_INFO
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.duty_lines import DutyLines
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.record_fields import FormSpec
from branchtui.tui.widgets.record_form import RecordForm

FIELDS = (
    "name",
    "kind",
    "upper_committee",
    "created",
    "non_public",
    "non_party_staff",
    "profile",
)
HINTS = {
    "kind": "党员50人以上应设党总支，100人以上应设党委（ORG-3）",
    "non_public": "非公企业的主题党日可顺延到周末或节假日（LIFE-5）",
    "non_party_staff": "50人以上应建立入党积极分子队伍（DEV-2）",
    "profile": "决定任期年限等规则数字；报告中注明所用配置",
}


def term_end_change(
    data: BranchData, before: tuple[str, Profile], after: tuple[str, Profile], on: dt.date
) -> str:
    """``本届任期届满 2027-05-31 → 2028-05-31`` when a new (kind, profile) moves the current
    term's end (ORG-4: 党支部 2 years, 党总支 3 years, by the profile's numbers)."""
    term = committee.current_term(data, on)
    if term is None:
        return ""
    old_end = committee.effective_term_end(term, *before)
    new_end = committee.effective_term_end(term, *after)
    if old_end == new_end:
        return ""
    return f"本届任期届满 {format_date(old_end)} → {format_date(new_end)}"


class BranchInfoScreen(DataScreen):
    """The branch's details; ``e`` edits them (the branch is one record, saved whole)."""

    SCREEN_ID = BRANCH_INFO.id
    BINDINGS: ClassVar[list[BindingType]] = BRANCH_INFO.bindings()

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        with VerticalScroll(id="branch-page"):
            yield DutyLines(("ORG-3", "DEV-2"), id="branch-duties")
            yield Static(id="branch-details", classes="panel")
            yield Static(id="branch-form", classes="panel")
            yield Static(id="branch-profile", classes="panel")
        yield BranchFooter()

    def _count(self) -> int:
        return len(roster.active_members_on(self.data.members, self.today))

    def reload(self) -> None:
        self.sub_title = BRANCH_INFO.title
        data, branch = self.data, self.data.branch
        if branch is None:
            return
        staff = "未填" if branch.non_party_staff is None else f"{branch.non_party_staff} 人"
        self.query_one("#branch-details", Static).update(
            f"[b]{escape(branch.name)}[/b]（{BRANCH_KINDS.get(branch.kind, branch.kind)}）\n"
            f"上级党委：{escape(branch.upper_committee) or '未填'}\n"
            f"非公有制企业党组织：{'是' if branch.non_public else '否'}    "
            f"非党员职工：{staff}\n"
            f"成立时间：{format_date(branch.created) if branch.created else '未填'}"
        )
        self.query_one("#branch-form", Static).update(self._form_text(branch))
        self.query_one("#branch-profile", Static).update(self._profile_text(branch))
        self.query_one(DutyLines).judge(data)

    def _form_text(self, branch: Branch) -> str:
        p, count = self.profile, self._count()
        kind = BRANCH_KINDS.get(branch.kind, branch.kind)
        lines = [
            f"[b]组织形式（ORG-3）[/b]  党员 {count} 人；{p.general_branch_at}人以上应设党总支，"
            f"{p.committee_at}人以上应设党委",
        ]
        advice = branch_form_advice(count, branch.kind, p)
        if advice and count >= p.committee_at:
            # A 党委 is set up by the upper organization; this file keeps a 党支部 / 党总支.
            lines.append(f"[red]现为{kind}：{advice}[/red]，请报上级党组织按程序设立党委")
        elif advice:
            lines.append(f"[red]现为{kind}：{advice}[/red]，按 e 修改组织类型")
        elif count < p.general_branch_at:
            lines.append(
                f"现为{kind}，符合要求（距党总支标准还差 {p.general_branch_at - count} 人）"
            )
        else:
            lines.append(f"现为{kind}，符合要求（距党委标准还差 {p.committee_at - count} 人）")
        return "\n".join(lines)

    def _profile_text(self, branch: Branch) -> str:
        current = self.profile
        lines = [f"[b]规则配置[/b]  {current.label}"]
        for other in PROFILES.values():
            if other.name == current.name:
                continue
            changes = profile_changes(current, other)
            end = term_end_change(
                self.data, (branch.kind, current), (branch.kind, other), self.today
            )
            lines.append(f"改为「{other.label}」将改变：")
            lines += [f"  {escape(c)}" for c in [*changes, end] if c] or ["  （规则数字相同）"]
        return "\n".join(lines)

    # Editing ------------------------------------------------------------------------------

    def _check(self, record: Record) -> tuple[dict[str, str], dict[str, str]]:
        """ORG-3, and how the kind or the profile moves the term's end (ORG-4), as the form is
        filled in (warnings, not errors)."""
        if not isinstance(record, Branch):
            return {}, {}
        warnings: dict[str, str] = {}
        was = self.data.branch.kind if self.data.branch else record.kind
        new = get_profile(record.profile)
        advice = branch_form_advice(self._count(), record.kind, new)
        moved = term_end_change(
            self.data, (was, self.profile), (record.kind, self.profile), self.today
        )
        notes = [f"{advice}（ORG-3）" if advice else "", f"{moved}（ORG-4）" if moved else ""]
        if any(notes):
            warnings["kind"] = "；".join(n for n in notes if n)
        if record.profile != self.profile.name:
            changes = profile_changes(self.profile, new)
            end = term_end_change(
                self.data, (record.kind, self.profile), (record.kind, new), self.today
            )
            warnings["profile"] = "；".join(c for c in [*changes, end] if c) or "规则数字相同"
        return {}, warnings

    def action_edit(self) -> None:
        branch = self.data.branch
        if branch is None:
            return
        form = RecordForm(
            Branch,
            FormSpec(FIELDS, hints=HINTS, check=self._check),
            store=self.store,
            today=self.today,
            members=self.data.active_members,
            original=branch,
            title="编辑支部信息",
        )
        self.app.push_screen(form, self._saved)

    def _saved(self, record: Record | None) -> None:
        if record is not None:
            self.reload()
            self.notify("已保存支部信息", timeout=3)

    def settle(self, ob: Obligation) -> None:
        """ORG-3 not met: the form, to change the organization's kind (or its member count)."""
        if ob.status in ("warning", "due", "overdue"):
            self.action_edit()
