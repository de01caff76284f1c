"""The steps of the transfer wizard (wizards/transfer.py): the direction, who goes out (with the
questions of REL-1) or who comes in, the transfer's details (REL-2). Every field sits in a row
with its error beside it (``error-<name>``); its widget's id is ``field-<name>``. And the
review of what saving does."""

from __future__ import annotations

import datetime as dt

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Member, Transfer
from branchtui.domain.records.people import GENDERS, MEMBER_STATUSES, REMOVAL_REASONS
from branchtui.domain.records.relations import TRANSFER_DIRECTIONS, TRANSFER_INSTRUMENTS
from branchtui.domain.relations import transfer_dues_note
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.form_select import FormSelect
from branchtui.tui.widgets.member_field import MemberField
from branchtui.tui.widgets.wizard_frame import WizardFrame, WizardStep
from branchtui.tui.widgets.wrapped_text import WrappedText

DIRECTIONS = {"out": "转出（调离、外出）", "in": "转入（调入本支部）"}
PLACES = {"yes": "固定", "no": "不固定", "unknown": "不确定"}
PROOF = {"no": "不需要", "yes": "需要"}
# The fields of a member coming in who was never on the roster (the ORG-1 ones).
NEW_MEMBER_FIELDS = ("name", "gender", "birth_date", "joined", "status", "phone")
WHO_TITLES = {"out": "外出情况（REL-1）", "in": "转入党员"}


class TransferFrame(WizardFrame):
    """The wizard's frame; the second step shows one of its two parts (going out, coming in),
    so the cursor goes to the first field of the part shown."""

    def focus_step(self, tries: int = 5) -> None:
        for widget in shown_fields(self.step):
            widget.focus()
            return


def shown_fields(step: WizardStep) -> list[Widget]:
    """The fields of a step that can take the cursor, leaving out those of a hidden part."""
    return [
        widget
        for widget in step.query("Input, Select, MemberField, OptionList")
        if widget.focusable and all(node.display for node in widget.ancestors_with_self)
    ]


def row(label: str, widget: Widget, name: str) -> Horizontal:
    """A field with its label and, beside it, its error."""
    error = WrappedText("", id=f"error-{name}", classes="field-error", markup=False)
    return Horizontal(Label(label), widget, error, classes="form-row", id=f"row-{name}")


def select(options: dict[str, str], name: str, value: str | None = None) -> Select[str]:
    return FormSelect(
        [(label, key) for key, label in options.items()],
        value=value if value is not None else Select.NULL,
        allow_blank=value is None,
        prompt="请选择",
        id=f"field-{name}",
        compact=True,
    )


def hint(text: str) -> Static:
    return Static(text, classes="hint field-hint", markup=False)


def direction_step() -> WizardStep:
    return WizardStep(
        "转入还是转出",
        Static("用上下键选择，Enter 确认。", classes="hint"),
        OptionList(*(Option(v, id=k) for k, v in DIRECTIONS.items()), id="field-direction"),
        id="step-direction",
    )


def who_step(
    leaving: list[Member], former: list[Member], member_id: str | None, today: dt.date
) -> WizardStep:
    """Going out: the member and REL-1's questions, the advice, the instrument. Coming in: a
    former member brought back, or the new member's roster fields."""
    going = Vertical(
        row(
            "外出党员", MemberField(leaving, "选择外出党员", member_id, id="field-member"), "member"
        ),
        row(
            "外出时间（月）",
            Input(placeholder="如 8；时间不确定留空", id="field-months", compact=True),
            "months",
        ),
        row("外出地点", select(PLACES, "place", "yes"), "place"),
        row("需证明党员身份", select(PROOF, "proof", "no"), "proof"),
        hint("短期外出开会、学习、考察等需证明党员身份时选“需要”"),
        Static("", id="transfer-advice", markup=False),
        row(
            "转接方式",
            select(TRANSFER_INSTRUMENTS, "instrument", "relation_transfer"),
            "instrument",
        ),
        id="who-out",
    )
    coming = Vertical(
        row(
            "原在册党员",
            MemberField(former, "选择曾在本支部的党员", None, id="field-former"),
            "former",
        ),
        hint("曾在本支部、现重新转入时选择；新转入的党员留空，填写以下各项"),
        row("姓名", Input(id="field-name", compact=True), "name"),
        row("性别", select(GENDERS, "gender"), "gender"),
        row("出生日期", DateField(today, id="field-birth_date", compact=True), "birth_date"),
        row("入党时间", DateField(today, id="field-joined", compact=True), "joined"),
        row("党员类别", select(MEMBER_STATUSES, "status", "full"), "status"),
        row("联系电话", Input(id="field-phone", compact=True), "phone"),
        id="who-in",
    )
    return WizardStep(WHO_TITLES["out"], going, coming, id="step-who")


def info_step(today: dt.date, profile: Profile) -> WizardStep:
    days = profile.transfer_receipt_days
    return WizardStep(
        "转接信息（REL-2）",
        row(
            "转接日期",
            DateField(today, today, required=True, id="field-date", compact=True),
            "date",
        ),
        # 注意：… when the member going out has dues unpaid up to the transfer (EDU-4).
        Static("", id="transfer-dues", markup=False),
        row("对方党组织", Input(id="field-other_org", compact=True), "other_org"),
        hint("转出：转往的党组织或外出去向；转入：原所在党组织"),
        row("平台编号", Input(id="field-platform_ref", compact=True), "platform_ref"),
        hint("“厦门党建e家”平台上的转接编号，网上转接不用纸质介绍信"),
        row(
            "介绍信开出日期",
            DateField(today, id="field-letter_sent", compact=True),
            "letter_sent",
        ),
        hint(f"转组织关系时填写；开出{days}天回执未退回即提醒"),
        row("活动证编号", Input(id="field-card_number", compact=True), "card_number"),
        hint("持流动党员活动证外出时填写，同时登记为流出党员"),
        row(
            "转接原因",
            Input(placeholder="如：工作调动", id="field-reason", compact=True),
            "reason",
        ),
        id="step-info",
    )


def review_text(data: BranchData, transfer: Transfer, changes: RecordChanges) -> str:
    """The review step: what the transfer is and what saving it does to the roster, with the
    dues to be paid first (EDU-4) and the talk it raises (CARE-1)."""
    member = next((r for r in (*changes.inserts, *changes.updates) if isinstance(r, Member)), None)
    name = transfer.person_name
    lines = [
        f"{TRANSFER_DIRECTIONS[transfer.direction]}：{name}",
        f"转接方式：{TRANSFER_INSTRUMENTS[transfer.instrument]}",
        f"转接日期：{format_date(transfer.date)}",
        f"对方党组织：{transfer.other_org or '（未填）'}",
        f"平台编号：{transfer.platform_ref or '（未填，REL-2 将提示补登）'}",
    ]
    if transfer.letter_sent:
        lines.append(f"介绍信开出：{format_date(transfer.letter_sent)}")
    dues = transfer_dues_note(data, transfer)
    if dues:
        lines.append(f"注意：{dues}")
    if transfer.direction == "out":
        if member is not None and member.removed is not None:
            reason = REMOVAL_REASONS["transferred_out"]
            lines.append(
                f"{name}将移出党员名册（{reason}，{format_date(member.removed)}），保留为历史记录"
            )
        elif transfer.instrument == "flow_card":
            lines.append(f"{name}将登记为流出党员（流动党员中补登联系人等）")
        else:
            lines.append(f"{name}仍在本支部党员名册中")
    elif member is not None:
        again = data.find("members", member.id) is not None
        lines.append(
            f"{name}将{'重新' if again else ''}编入党员名册，转入本支部日期 {format_date(transfer.date)}"
        )
    lines.append("书记须与其谈心谈话（CARE-1），可按 7 党内关怀、t 谈心谈话登记")
    lines.append("")
    lines.append("按 Enter 或 Ctrl+S 保存，PgUp 返回修改。")
    return "\n".join(lines)
