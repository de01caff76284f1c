"""The set-up wizard: the branch, its upper committee, the rule profile and the current term."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from branchtui.domain.dates import format_date
from branchtui.domain.profile import PROFILES
from branchtui.domain.records import Branch, Term
from branchtui.domain.records.branch import BRANCH_KINDS, BranchKind, ProfileName
from branchtui.storage.store import Store
from branchtui.tui.registry.organization import SETUP_WIZARD_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.wizard_frame import WizardFrame, WizardStep
from branchtui.tui.widgets.wrapped_text import WrappedText

YES_NO = {"no": "否", "yes": "是"}


@dataclass
class SetupResult:
    """What the wizard hands back: the branch and its current term."""

    branch: Branch
    term: Term


def save_setup(data_dir: Path, result: SetupResult) -> None:
    """Create the data file with the branch and its first recorded term, in one commit."""
    store = Store.open(data_dir, create=True)
    with store.transaction() as tx:
        tx.set_branch(result.branch)
        tx.insert(result.term)


def _profile_text() -> str:
    lines = []
    for profile in PROFILES.values():
        lines.append(
            f"{profile.label}：党支部任期 {profile.term_years('branch')} 年，"
            f"党总支任期 {profile.term_years('general_branch')} 年"
        )
    return "\n".join(lines)


def _field(widget: Input | OptionList, error_id: str) -> Horizontal:
    return Horizontal(
        widget,
        WrappedText("", id=error_id, classes="field-error", markup=False),
        classes="field-row",
    )


class SetupWizard(Screen[SetupResult | None]):
    """初始化向导: one step per part, a review step, then the caller saves."""

    BINDINGS: ClassVar[list[BindingType]] = keys_of(SETUP_WIZARD_KEYS)

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        steps = [
            WizardStep(
                "支部名称",
                Static("请输入党组织全称，如「中共某某公司第一支部委员会」。", classes="hint"),
                _field(Input(id="name", placeholder="党组织名称"), "name-error"),
                id="step-name",
            ),
            WizardStep(
                "组织类型",
                Static("用上下键选择，Enter 确认。", classes="hint"),
                OptionList(*(Option(v, id=k) for k, v in BRANCH_KINDS.items()), id="kind"),
                id="step-kind",
            ),
            WizardStep(
                "上级党委",
                Static("本支部向哪个党组织报告工作。", classes="hint"),
                _field(Input(id="upper", placeholder="上级党委名称"), "upper-error"),
                id="step-upper",
            ),
            WizardStep(
                "是否非公企业",
                Static(
                    "非公企业、社会组织的主题党日可顺延到周末或节假日（LIFE-5）。", classes="hint"
                ),
                OptionList(*(Option(v, id=k) for k, v in YES_NO.items()), id="non-public"),
                id="step-non-public",
            ),
            WizardStep(
                "规则配置",
                Static(_profile_text(), classes="hint"),
                OptionList(*(Option(p.label, id=k) for k, p in PROFILES.items()), id="profile"),
                id="step-profile",
            ),
            WizardStep(
                "本届任期开始日期",
                Static("本届支委会选举产生的日期。", classes="hint"),
                _field(DateField(self.today, id="term-start", required=True), "term-start-error"),
                id="step-term",
            ),
            WizardStep(
                "非党员职工人数（可不填）",
                Static("用于判断是否需要成立入党积极分子队伍；不清楚可留空。", classes="hint"),
                _field(Input(id="staff", placeholder="人数", type="text"), "staff-error"),
                id="step-staff",
            ),
            WizardStep(
                "确认",
                Static("", id="review", markup=False),
                Static("按 Enter 保存，Esc 返回修改。", classes="hint"),
                id="step-review",
            ),
        ]
        yield WizardFrame("初始化支部", steps, id="setup-frame")
        yield BranchFooter()

    def on_mount(self) -> None:
        for option_id in ("kind", "non-public", "profile"):
            self.query_one(f"#{option_id}", OptionList).highlighted = 0
        self.frame.focus_step()

    @property
    def frame(self) -> WizardFrame:
        return self.query_one(WizardFrame)

    def _chosen(self, option_id: str) -> str:
        options = self.query_one(f"#{option_id}", OptionList)
        index = options.highlighted or 0
        return options.get_option_at_index(index).id or ""

    def _check(self, step_id: str | None) -> dict[str, str]:
        """The errors of one step, by the id of the error label."""
        errors: dict[str, str] = {}
        if step_id == "step-name":
            name = self.query_one("#name", Input).value.strip()
            if len(name) < 2:
                errors["name-error"] = "请填写支部名称（至少2个字）"
        elif step_id == "step-upper":
            if not self.query_one("#upper", Input).value.strip():
                errors["upper-error"] = "请填写上级党委名称"
        elif step_id == "step-term":
            message = self.query_one("#term-start", DateField).error()
            if message:
                errors["term-start-error"] = message
            elif (self.query_one("#term-start", DateField).date or self.today) > self.today:
                errors["term-start-error"] = "任期开始日期不能晚于今天"
        elif step_id == "step-staff":
            text = self.query_one("#staff", Input).value.strip()
            if text and not (text.isascii() and text.isdigit()):
                errors["staff-error"] = "请填写整数人数，或留空"
        for label in self.frame.step.query(".field-error").results(Static):
            label.update(errors.get(label.id or "", ""))
        return errors

    def result(self) -> SetupResult:
        staff = self.query_one("#staff", Input).value.strip()
        branch = Branch(
            name=self.query_one("#name", Input).value.strip(),
            kind=cast(BranchKind, self._chosen("kind")),
            upper_committee=self.query_one("#upper", Input).value.strip(),
            non_public=self._chosen("non-public") == "yes",
            profile=cast(ProfileName, self._chosen("profile")),
            non_party_staff=int(staff) if staff else None,
            created=self.today,
        )
        start = self.query_one("#term-start", DateField).date or self.today
        return SetupResult(branch, Term(number=1, start=start))

    def _review(self) -> str:
        r = self.result()
        b = r.branch
        profile = PROFILES[b.profile]
        return "\n".join(
            [
                f"支部名称：{b.name}",
                f"组织类型：{BRANCH_KINDS[b.kind]}",
                f"上级党委：{b.upper_committee}",
                f"非公企业：{'是' if b.non_public else '否'}",
                f"规则配置：{profile.label}（任期 {profile.term_years(b.kind)} 年）",
                f"本届任期开始：{format_date(r.term.start)}",
                f"非党员职工：{b.non_party_staff if b.non_party_staff is not None else '未填'}",
            ]
        )

    def unsaved(self) -> bool:
        """A name typed makes Ctrl+Q ask first (tui/leaving.py)."""
        return any(box.value.strip() for box in self.query("#name, #upper").results(Input))

    def action_forward(self) -> None:
        frame = self.frame
        if self._check(frame.step.id):
            return
        if frame.is_last:
            self.dismiss(self.result())
            return
        frame.index += 1
        if frame.step.id == "step-review":
            self.query_one("#review", Static).update(self._review())

    def action_back(self) -> None:
        if self.frame.index > 0:
            self.frame.index -= 1

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_forward()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_forward()

    def key_enter(self) -> None:
        # The review step has no field to submit; Enter there saves.
        if self.frame.step.id == "step-review":
            self.action_forward()
