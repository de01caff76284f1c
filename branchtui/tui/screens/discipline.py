"""不合格党员处置 (EDU-8, NAT-5): cases with their dated steps, opened from NAT-5's warnings.

NAT-5's warnings (3 months) and due handlings (6 months) stand above the list with EDU-8's
cases; o opens a case for a warned member with the reason filled in. s adds a step (谈话提醒 …
开除党籍); an exit step (自行脱党, 开除党籍) closes the case and takes the member off the roster
with the reason and date in the same commit (domain/discipline.py). d closes a case with its
date and outcome, both required by EDU-8.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.dates import format_date
from branchtui.domain.discipline import (
    add_step,
    close_problems,
    last_step,
    open_cases,
    step_label,
    step_problems,
    step_warnings,
)
from branchtui.domain.lapse import Lapse, followed_up, lapses
from branchtui.domain.meetings.roll import UNKNOWN_PERSON, person_name
from branchtui.domain.obligations import Obligation
from branchtui.domain.records import BranchData, CaseStep, DisciplineCase, Record
from branchtui.tui.registry.education import DISCIPLINE
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec
from branchtui.tui.widgets.record_form import RecordForm

STEP_FORM = FormSpec(
    ("step", "date", "note"),
    hints={"step": "选择自行脱党或开除党籍时，保存后结案并移出党员名册"},
)
CLOSE_FORM = FormSpec(
    ("closed", "outcome"),
    hints={"outcome": "如：经教育后改正，恢复正常组织生活"},
    check=lambda r: (close_problems(r), {}) if isinstance(r, DisciplineCase) else ({}, {}),
)


def _last(record: Any, data: BranchData) -> str:
    step = last_step(record)
    return "" if step is None else f"{format_date(step.date)} {step_label(step.step)}"


def _detail(record: Any, data: BranchData) -> str:
    if not record.steps:
        return "尚未记录处置步骤，按 s 添加"
    steps = "；".join(
        f"{format_date(s.date)}{step_label(s.step)}" + (f"（{s.note}）" if s.note else "")
        for s in record.steps
    )
    outcome = f"\n处置结果：{record.outcome}" if record.outcome else ""
    return f"处置步骤：{steps}{outcome}"


class DisciplineScreen(RegisterScreen):
    """The case register of EDU-8, with NAT-5's warnings above it."""

    SCREEN_ID = DISCIPLINE.id
    BINDINGS: ClassVar[list[BindingType]] = DISCIPLINE.bindings()
    REGISTER = Register(
        DisciplineCase,
        columns=(
            field_column(DisciplineCase, "member_id"),
            field_column(DisciplineCase, "opened", "立案"),
            field_column(DisciplineCase, "reason", width=24),
            Column("最近步骤", _last),
            field_column(DisciplineCase, "closed", "结案"),
        ),
        form=FormSpec(
            ("member_id", "opened", "reason", "outcome"),
            hints={"reason": "如：连续6个月未交党费（NAT-5）；步骤在列表中按 s 添加"},
        ),
        rules=("EDU-8", "NAT-5"),
        date_field="opened",
        closed_field="closed",
        defaults=lambda data, today: {"opened": today},
        detail=_detail,
        empty="尚无处置案件；按 a 新增，或按 o 为预警的党员立案",
    )

    def form_spec(self) -> FormSpec:
        cases = open_cases(self.data)

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            if isinstance(record, DisciplineCase) and record.closed is None:
                other = cases.get(record.member_id)
                if other is not None and other.id != record.id:
                    return {"member_id": "该党员已有未结案的处置案件"}, {}
            return {}, {}

        return dataclasses.replace(self.REGISTER.form, check=check)

    # Opening a case from NAT-5 --------------------------------------------------------------

    def _warned(self) -> list[Lapse]:
        following = followed_up(self.data)
        found = lapses(self.data, self.today, self.profile)
        return [lapse for lapse in found if lapse.member_id not in following]

    def open_for(self, member_id: str, reason: str = "") -> None:
        """A new case for ``member_id`` (from a warning, or from the attendance screen)."""
        case = open_cases(self.data).get(member_id)
        if case is not None:
            self.select(case.id)
            self.notify("该党员已有未结案的处置案件", severity="warning")
            return
        if not reason:
            lapse = next((x for x in self._warned() if x.member_id == member_id), None)
            reason = lapse.case_reason if lapse is not None else ""
        self._form(None, {"member_id": member_id, "opened": self.today, "reason": reason})

    def action_open_from_warning(self) -> None:
        warned = self._warned()
        if not warned:
            self.notify("没有需要立案的预警（NAT-5）", timeout=4)
            return
        if len(warned) == 1:
            self.open_for(warned[0].member_id, warned[0].case_reason)
            return
        level = {"due": "应按自行脱党处理", "warning": "预警"}
        choices = {
            x.member_id: f"{x.name}：{x.what}（{level.get(x.level or '', '')}）" for x in warned
        }
        by_id = {x.member_id: x for x in warned}

        def chosen(member_id: str | None) -> None:
            if member_id is not None:
                self.open_for(member_id, by_id[member_id].case_reason)

        self.app.push_screen(ChoicePrompt("为哪名党员立案处置？", choices), chosen)

    # Steps and closing ----------------------------------------------------------------------

    def _open_case(self) -> DisciplineCase | None:
        case = self._editable()
        if isinstance(case, DisciplineCase) and case.closed is not None:
            self.notify(f"该案件已于{format_date(case.closed)}结案", severity="warning")
            return None
        return case if isinstance(case, DisciplineCase) else None

    def action_add_step(self) -> None:
        case = self._open_case()
        if case is None:
            return
        data = self.data

        def check(step: Any) -> tuple[dict[str, str], dict[str, str]]:
            if not isinstance(step, CaseStep):
                return {}, {}
            return step_problems(case, step), step_warnings(data, case, step, self.profile)

        last = last_step(case)
        form = RecordForm(
            CaseStep,  # a part of the case, saved with it
            dataclasses.replace(STEP_FORM, check=check),
            store=self.store,
            today=self.today,
            members=[],
            defaults={"date": self.today, "step": _next_step(last)},
            changes=lambda _before, step: add_step(data, case, step),
            title=f"添加处置步骤：{self._person(case)}",
        )
        self.app.push_screen(form, lambda step: self._step_saved(case, step))

    def _step_saved(self, case: DisciplineCase, step: Any) -> None:
        if step is None:
            return
        self.reload()
        self.select(case.id)
        done = f"已记录{step_label(step.step)}"
        if step.step in ("quit", "expel"):
            done += f"，已结案，{self._person(case)}已从党员名册移出"
        self.notify(done, timeout=5)

    def action_remove(self) -> None:  # d: 结案 with its date and outcome
        case = self._open_case()
        if case is None:
            return
        form = RecordForm(
            DisciplineCase,
            CLOSE_FORM,
            store=self.store,
            today=self.today,
            members=[],
            original=dataclasses.replace(case, closed=self.today),
            title=f"结案：{self._person(case)}",
        )
        self.app.push_screen(form, self._saved)

    def _person(self, case: DisciplineCase) -> str:
        return person_name(self.data, case.member_id, UNKNOWN_PERSON)

    def settle(self, ob: Obligation) -> None:
        for ref in ob.refs:
            if self.select(ref):
                return
        if ob.rule == "NAT-5" and ob.people:
            self.open_for(ob.people[0])


def _next_step(last: CaseStep | None) -> str:
    """The step after ``last`` on the ladder (谈话提醒 first)."""
    ladder = ("talk", "criticism", "warning", "organizational")
    if last is None:
        return ladder[0]
    if last.step in ladder[:-1]:
        return ladder[ladder.index(last.step) + 1]
    return last.step
