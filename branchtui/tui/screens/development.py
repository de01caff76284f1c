"""发展党员信息库 (DEV-1…3, NAT-3): everyone in development by stage, with the next step and its
deadline, overdue marked; search by pinyin, filter by stage; add, edit, stop (终止培养, kept as
history) or delete a person entered by mistake; record the half-yearly update of the register."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import add_months, format_date
from branchtui.domain.development import NextStep, in_development, next_step, stage_of
from branchtui.domain.development_applicant import (
    PERSON_FIELDS,
    ApplicantDetails,
    applicant_file,
    details_of,
)
from branchtui.domain.development_entry import StepEntry
from branchtui.domain.development_steps import STAGES
from branchtui.domain.erasure import ENTRY_ERROR_LABEL, erase_record, erasure_summary
from branchtui.domain.obligations import Obligation
from branchtui.domain.records import Candidate, DevelopmentRegisterUpdate
from branchtui.domain.records.base import new_id
from branchtui.domain.records.development import CANDIDATE_STAGES
from branchtui.domain.search import search_members, sort_by_pinyin
from branchtui.tui.registry.development import PIPELINE
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt, TextPrompt
from branchtui.tui.screens.step_form import StepForm
from branchtui.tui.screens.step_saved import StepSaved, saved_notice
from branchtui.tui.text import cut_at_safe_point, terminal_safe
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.record_fields import FormSpec
from branchtui.tui.widgets.record_form import RecordForm
from branchtui.tui.widgets.search_box import SearchBox, SearchKeys

if TYPE_CHECKING:
    from branchtui.tui.screens.candidate_file import CandidateFileScreen

NUMBERS = "一二三四五"
# What the stage key s cycles through: every stage, one stage, the overdue.
FILTERS: tuple[str, ...] = ("all", "1", "2", "3", "4", "5", "overdue")
REMOVE_CHOICES = {
    "drop": "终止培养（档案保留为历史，按 h 可查看）",
    "erase": f"{ENTRY_ERROR_LABEL}：删除此人及其全部记录",
    "keep": "取消",
}
ERASE_CHOICES = {"keep": "不删除，返回", "erase": "确认删除"}
FORM_FIELDS = (*PERSON_FIELDS, "applied", "note")
FORM_HINTS = {
    "position": "工作单位及职务",
    "applied": "递交入党申请书之日，1个月内须派人谈话（NAT-3）；申请时须年满18周岁",
}


def person_form(screen: DataScreen, candidate: Candidate | None) -> RecordForm:
    """新增 / 编辑 a person's own details with 申请日期 (step 1 of the file, where NAT-3's
    month for the talk starts); the other steps are recorded in the file."""

    def changes(_before: ApplicantDetails | None, details: ApplicantDetails) -> RecordChanges:
        saved = applicant_file(candidate, details)
        return RecordChanges(updates=(saved,)) if candidate else RecordChanges((saved,))

    return RecordForm(
        ApplicantDetails,
        FormSpec(FORM_FIELDS, hints=FORM_HINTS),
        store=screen.store,
        today=screen.today,
        members=screen.data.active_members,
        original=details_of(candidate) if candidate else None,
        defaults={"candidate_id": new_id()},
        changes=changes,
        title=f"编辑个人信息：{candidate.name}" if candidate else "新增入党申请人",
    )


class DevelopmentScreen(SearchKeys, DataScreen):
    """The register of applicants, activists, targets and 预备党员 (the plan's 信息库)."""

    AUTO_FOCUS = "#dev-table"
    SEARCH_ID = "dev-search"
    SCREEN_ID = PIPELINE.id
    BINDINGS: ClassVar[list[BindingType]] = PIPELINE.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.filter_index = 0
        self.show_history = False
        self.shown: list[Candidate | None] = []  # None for a stage's heading line

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield SearchBox(id="dev-search", placeholder="搜索：姓名 / 拼音 / 首字母，Enter 回到列表")
        yield Static(id="dev-filters", classes="filter-bar", markup=False)
        table: DataTable[str | Text] = DataTable(id="dev-table", cursor_type="row")
        table.add_column("姓名", width=8)
        table.add_column("类别", width=12)
        table.add_column("下一步", width=28)
        table.add_column("期限", width=12)
        yield table
        yield Static(id="dev-status", classes="dev-status", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#dev-table", DataTable)

    # Listing ------------------------------------------------------------------------------

    def _people(self) -> list[tuple[Candidate, NextStep | None]]:
        today, profile = self.today, self.profile
        people = [c for c in self.data.candidates if self.show_history or in_development(c)]
        if self.query_text:
            people = search_members(people, self.query_text)
        else:
            people = sort_by_pinyin(people)
        found = [(c, next_step(c, today, profile)) for c in people]
        kind = FILTERS[self.filter_index]
        if kind == "overdue":
            found = [(c, n) for c, n in found if n is not None and n.overdue]
        elif kind != "all":
            found = [(c, n) for c, n in found if stage_of(c) == int(kind)]
        # By stage, the overdue first within a stage (a search keeps its best match first).
        if not self.query_text:
            found.sort(key=lambda p: (stage_of(p[0]) or 9, not (p[1] and p[1].overdue)))
        return found

    def reload(self) -> None:
        self.sub_title = PIPELINE.title
        selected = self.selected
        found = self._people()
        table = self.table
        table.clear()
        self.shown = []
        stage = -1
        for c, step in found:
            if not self.query_text and stage_of(c) != stage:
                stage = stage_of(c)
                count = sum(1 for p, _ in found if stage_of(p) == stage)
                first = f"第{NUMBERS[stage - 1]}阶段" if stage else "已终止"
                title = STAGES[stage] if stage else "终止培养"
                # The count in the 类别 column: the longest stage's title fills 下一步 alone.
                table.add_row(
                    Text(first, style="bold"),
                    Text(f"{count}人", style="bold"),
                    Text(title, style="bold"),
                    "",
                )
                self.shown.append(None)
            table.add_row(*self._cells(c, step), key=c.id)
            self.shown.append(c)
        if selected is None or not self.select(selected.id):
            # The first person, not a stage's heading.
            row = next((i for i, c in enumerate(self.shown) if c is not None), None)
            if row is not None:
                table.move_cursor(row=row)
        self._show_status(len(found))

    def _cells(self, c: Candidate, step: NextStep | None) -> list[str | Text]:
        category = CANDIDATE_STAGES.get(c.stage, c.stage)
        if step is None:
            what = "已终止培养" if c.stage == "dropped" else "档案齐全"
            return [Text(c.name), category, Text(what, style="dim"), ""]
        label = Text(cut_at_safe_point(step.label, 28))
        if step.deadline is not None:
            when = Text(format_date(step.deadline), style="bold red" if step.overdue else "")
            if step.overdue:
                label.stylize("bold red")
        elif step.earliest is not None and step.earliest > self.today:
            when = Text(f"{format_date(step.earliest)}起", style="dim")
        else:
            when = Text("")
        name = Text(terminal_safe(c.name), style="bold red" if step.overdue else "")
        return [name, category, label, when]

    def _show_status(self, listed: int) -> None:
        parts = []
        kind = FILTERS[self.filter_index]
        if kind == "overdue":
            parts.append("只看逾期")
        elif kind != "all":
            parts.append(f"第{NUMBERS[int(kind) - 1]}阶段")
        if self.query_text:
            parts.append(f"搜索：{self.query_text}")
        if self.show_history:
            parts.append("含已终止、已归档")
        bar = self.query_one("#dev-filters", Static)
        bar.display = bool(parts)
        bar.update("  ".join(parts))
        data, today = self.data, self.today
        active = [c for c in data.candidates if in_development(c)]
        late = sum(1 for c in active if (n := next_step(c, today, self.profile)) and n.overdue)
        updates = sorted(u.date for u in data.register_updates if u.date <= today)
        if updates:
            due = add_months(updates[-1], self.profile.development_register_update_months)
            update = f"信息库上次更新{format_date(updates[-1])}，{format_date(due)}前再更新"
        else:
            update = "信息库尚无更新记录，按 u 登记"
        staff = data.branch.non_party_staff if data.branch else None
        staff_text = f"非党员职工{staff}人" if staff is not None else "未填非党员职工数（k）"
        self.query_one("#dev-status", Static).update(
            f"显示{listed}人 / 在培养{len(active)}人，逾期{late}人   {staff_text}（DEV-2）\n"
            f"{update}（DEV-1）"
        )

    @property
    def selected(self) -> Candidate | None:
        try:
            row = self.table.cursor_row
        except Exception:
            return None
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def select(self, candidate_id: str) -> bool:
        for i, c in enumerate(self.shown):
            if c is not None and c.id == candidate_id:
                self.table.move_cursor(row=i)
                return True
        return False

    def _chosen(self) -> Candidate | None:
        c = self.selected
        if c is None:
            self.notify("请先选中一人（上下键移动）", severity="warning")
        return c

    # Opening a file -----------------------------------------------------------------------

    def open_file(self, candidate_id: str, *, add_next: bool = False) -> CandidateFileScreen:
        from branchtui.tui.screens.candidate_file import CandidateFileScreen

        screen = CandidateFileScreen(candidate_id, add_next=add_next)
        self.app.push_screen(screen)
        return screen

    def action_open_file(self) -> None:
        c = self._chosen()
        if c is not None:
            self.open_file(c.id)

    @on(DataTable.RowSelected, "#dev-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_file()

    def settle(self, ob: Obligation) -> None:
        """Opened to settle ``ob``: the person it is about, the register update, the staff."""
        if ob.rule == "DEV-1":
            self.action_register_update()
            return
        if ob.rule == "DEV-2" and (self.data.branch is None or ob.needs):
            self.action_staff_count()
            return
        for ref in ob.refs:
            candidate = self.data.find("candidates", ref)
            if candidate is not None:
                self.select(candidate.id)
                self.open_file(candidate.id)
                return
        if ob.rule == "DEV-2":
            self.notify("请确定入党积极分子：选中入党申请人后按 n 记录下一步", timeout=8)

    # Actions -----------------------------------------------------------------------------

    def action_add(self) -> None:
        def saved(record: object) -> None:
            if isinstance(record, ApplicantDetails):
                self.reload()
                self.select(record.candidate_id)
                self.open_file(record.candidate_id, add_next=True)  # then the talk (step 2)

        self.app.push_screen(person_form(self, None), saved)

    def action_edit(self) -> None:
        c = self._chosen()
        if c is not None:
            self.app.push_screen(person_form(self, c), lambda _saved: self.reload())

    def action_next_step(self) -> None:
        c = self._chosen()
        if c is None:
            return
        step = next_step(c, self.today, self.profile)
        if step is None:
            self.notify(f"{c.name}没有待记录的环节", severity="information")
            return
        self._step_form(c, StepEntry(step.code, self.today))

    def _step_form(self, c: Candidate, entry: StepEntry) -> None:
        form = StepForm(
            c, entry, data=self.data, store=self.store, today=self.today, profile=self.profile
        )
        self.app.push_screen(form, self._step_saved)

    def _step_saved(self, saved: StepSaved | None) -> None:
        if saved is not None:
            self.reload()
            message, severity = saved_notice(saved)
            self.notify(message, severity=severity, timeout=6 if severity == "warning" else 3)

    def action_remove(self) -> None:
        c = self._chosen()
        if c is not None:
            prompt = ChoicePrompt(f"移除：{c.name}", REMOVE_CHOICES)
            self.app.push_screen(prompt, lambda choice: self._remove(c, choice))

    def _remove(self, c: Candidate, choice: str | None) -> None:
        if choice == "drop":
            if c.stage in ("dropped", "full"):
                self.notify(f"{c.name}已{CANDIDATE_STAGES[c.stage]}", severity="warning")
                return
            self._step_form(c, StepEntry("dropped", self.today))
        elif choice == "erase":
            changes = erase_record(self.data, "candidates", c.id)
            question = (
                f"按录入错误删除“{c.name}”？将{erasure_summary(changes)}，如同从未录入"
                "（删除前自动备份，可按 9、b 在「数据备份与恢复」中恢复）。"
            )

            def answered(sure: str | None) -> None:
                if sure == "erase":
                    done = f"已删除：{c.name}（{ENTRY_ERROR_LABEL}）"
                    # The store applies the same rule to the data as it is then.
                    self.commit(lambda tx: tx.delete(Candidate.TABLE, c.id, c.rev), done)

            self.app.push_screen(ChoicePrompt(question, ERASE_CHOICES), answered)

    def action_register_update(self) -> None:
        title = "发展党员信息库更新日期（DEV-1，每半年一次）"
        self.app.push_screen(DatePrompt(title, self.today), self._update_dated)

    def _update_dated(self, day: dt.date | None) -> None:
        if day is None:
            return
        if day > self.today:
            self.notify("更新日期不能晚于今天", severity="error")
            return
        half = "上" if day.month <= 6 else "下"
        prompt = TextPrompt("说明（可不填）", f"{day.year}年{half}半年更新")

        def noted(note: str | None) -> None:
            if note is not None:
                update = DevelopmentRegisterUpdate(date=day, note=note)
                self.commit(lambda tx: tx.insert(update), f"已登记信息库更新（{format_date(day)}）")

        self.app.push_screen(prompt, noted)

    def action_staff_count(self) -> None:
        branch = self.data.branch
        if branch is None:
            return
        current = "" if branch.non_party_staff is None else str(branch.non_party_staff)

        def check(text: str) -> str | None:
            return None if text.isdigit() and len(text) <= 7 else "请填写人数（整数，如 63）"

        def chosen(text: str | None) -> None:
            if text is None or self.data.branch is None:
                return
            changed = dataclasses.replace(self.data.branch, non_party_staff=int(text))
            self.commit(lambda tx: tx.set_branch(changed), f"非党员职工人数：{text}人")

        prompt = TextPrompt("非党员职工人数（50人以上须建立积极分子队伍，DEV-2）", current, check)
        self.app.push_screen(prompt, chosen)

    def action_filter_stage(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self.reload()

    def action_toggle_history(self) -> None:
        self.show_history = not self.show_history
        self.reload()

    # Searching ---------------------------------------------------------------------------
