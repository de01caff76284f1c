"""The steps of the election wizards (换届 and 补选), as widgets; the wizard checks them.

Every field has its error beside it (``#<field>-error``); the rows that depend on earlier steps
(votes per candidate, the second vote among the tied, the division of work) are rebuilt when
their step is entered, keeping what was typed for each person.
"""

from __future__ import annotations

import datetime as dt

from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from branchtui.domain.records import Member
from branchtui.domain.records.branch import SEAT_ROLES, SHORTFALLS
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.form_select import FormSelect
from branchtui.tui.widgets.member_field import MemberField, MembersField
from branchtui.tui.widgets.voter_roll import VoterRoll
from branchtui.tui.widgets.wizard_frame import WizardStep
from branchtui.tui.widgets.wrapped_text import WrappedText


class StepRows(VerticalScroll, can_focus=False):
    """Rows rebuilt on entering a step; Tab goes through their fields, not the box."""


def row(label: str, widget: Widget, name: str) -> Horizontal:
    """A labelled field with its error beside it."""
    return Horizontal(
        Label(label),
        widget,
        WrappedText("", id=f"{name}-error", classes="field-error", markup=False),
        classes="form-row",
    )


def note(text: str = "", *, id: str | None = None) -> Static:
    return Static(text, id=id, classes="hint", markup=False)


def plan_step(today: dt.date, about: str, *, renewal: bool) -> WizardStep:
    """选举方案: when, the upper organization's approval, how many seats."""
    rule = (
        "换届选举方案（委员名额、候选人预备人选、选举办法）须报上级党组织批复。"
        if renewal
        else "补选在党员大会上进行；上级党组织对补选的批复可在此登记（可不填）。"
    )
    fields: list[Widget] = [
        note(about, id="plan-about"),
        note(rule),
        row("选举日期", DateField(today, today, required=True, id="date", compact=True), "date"),
        row("上级批复时间", DateField(today, id="plan-approved", compact=True), "plan-approved"),
        row("批复文号", Input(id="plan-ref", compact=True), "plan-ref"),
    ]
    if renewal:
        seats = Input("5", id="seats", type="integer", compact=True)
        fields.append(row("应选委员人数", seats, "seats"))
    return WizardStep("选举方案", *fields, id="step-plan")


def meeting_step(members: list[Member]) -> WizardStep:
    """会议: the 支部党员大会 the election is held at (counts for LIFE-1, filed for SYS-3)."""
    return WizardStep(
        "选举大会",
        note("选举在支部党员大会上以无记名投票进行；本会议记录将计入支部党员大会并归入台帐。"),
        row("开始时间", Input("09:00", id="start", compact=True), "start"),
        row("会议地点", Input(id="place", compact=True), "place"),
        row("主持人", MemberField(members, "选择主持人", None, id="host"), "host"),
        row("记录人", MemberField(members, "选择记录人", None, id="recorder"), "recorder"),
        row("计票人", MembersField(members, "选择计票人", [], id="counters"), "counters"),
        row("监票人", MembersField(members, "选择监票人", [], id="scrutineers"), "scrutineers"),
        id="step-meeting",
    )


def candidates_step(voters: list[Member], *, renewal: bool) -> WizardStep:
    """候选人: 正式党员 only (被选举权); the 差额 is judged as they are picked."""
    rule = (
        "候选人须为正式党员；差额选举，候选人数多于应选人数不少于20%。"
        if renewal
        else "候选人须为正式党员；补选可差额也可等额选举。"
    )
    return WizardStep(
        "候选人",
        note(rule),
        note("输入姓名、拼音或首字母查找，Enter 逐个添加；空格列出全部党员以勾选。"),
        row("候选人", MembersField(voters, "选择候选人", [], id="candidates"), "candidates"),
        Static("", id="margin", markup=False),
        id="step-candidates",
    )


def voters_step() -> WizardStep:
    """到会: the roll; the 4/5 quorum is judged as the marks change."""
    return WizardStep(
        "到会情况",
        note("空格 出席/缺席   l 请假   x 经上级同意不计入应到会人数   r 填写原因"),
        VoterRoll(id="roll"),
        Static("", id="quorum", markup=False),
        WrappedText("", id="roll-error", classes="field-error", markup=False),
        id="step-voters",
    )


def _count(label: str, name: str) -> list[Widget]:
    return [Label(label), Input(id=name, type="integer", compact=True, classes="count")]


def ballots_step() -> WizardStep:
    """计票: ballots issued, returned, valid, invalid; then each candidate's votes."""
    counts = Horizontal(
        *_count("发出选票", "ballots-issued"),
        *_count("收回", "ballots-returned"),
        *_count("有效", "ballots-valid"),
        *_count("无效", "ballots-invalid"),
        classes="ballot-counts",
    )
    return WizardStep(
        "计票",
        counts,
        WrappedText("", id="ballots-error", classes="field-error", markup=False),
        note("各候选人得票（赞成票）："),
        StepRows(id="vote-rows", classes="step-rows"),
        WrappedText("", id="votes-error", classes="field-error", markup=False),
        id="step-ballots",
    )


def vote_row(member: Member, value: str, prefix: str) -> Horizontal:
    """One candidate's votes (``vote``) or second-round votes (``runoff``)."""
    return row(
        terminal_safe(member.name),
        Input(value, id=f"{prefix}-{member.id}", type="integer", compact=True),
        f"{prefix}-{member.id}",
    )


def result_step() -> WizardStep:
    """结果: who is elected and why; a second vote for a tie; what to do with a shortfall."""
    shortfall = OptionList(*(Option(v, id=k) for k, v in SHORTFALLS.items()), id="shortfall")
    return WizardStep(
        "选举结果",
        Static("", id="outcome", markup=False),
        Vertical(
            note("得票相等的候选人再次投票的得票："),
            StepRows(id="runoff-rows", classes="step-rows"),
            id="runoff-box",
        ),
        Vertical(note("当选人数少于应选名额，如何处理："), shortfall, id="shortfall-box"),
        WrappedText("", id="result-error", classes="field-error", markup=False),
        id="step-result",
    )


def division_step() -> WizardStep:
    """分工: the new committee's first meeting elects 书记/副书记 and divides the work."""
    return WizardStep(
        "委员分工",
        note("新一届支委会第一次会议选举书记、副书记并分工；书记、副书记报上级党组织批准。"),
        StepRows(id="division-rows", classes="step-rows"),
        WrappedText("", id="division-error", classes="field-error", markup=False),
        id="step-division",
    )


def role_row(member: Member, votes: int, role: str) -> Horizontal:
    choices = [(label, key) for key, label in SEAT_ROLES.items()]
    select = FormSelect(
        choices,
        value=role if role in SEAT_ROLES else Select.NULL,
        prompt="选择分工",
        id=f"role-{member.id}",
        compact=True,
    )
    return row(f"{terminal_safe(member.name)}（{votes}票）", select, f"role-{member.id}")


def review_step() -> WizardStep:
    return WizardStep(
        "确认",
        VerticalScroll(Static("", id="review", markup=False), id="review-box"),
        note("按 Ctrl+S 保存；Esc 返回修改。"),
        id="step-review",
    )
