"""年度工作计划 (SYS-2): one plan per year, listed as its projects (工作内容, 形式, 负责人, 完成时限,
进展情况, 完成时间), the overdue ones flagged (domain.obligations.sys_rules.overdue_plan_items).

A project is a part of the year's WorkPlan record, edited in the generic form
(tui/widgets/record_form.py) and saved by rewriting the plan in one commit; the first project
of a year (or its 计划通过时间) creates that year's plan. ``[`` / ``]`` and ``y`` move between
years.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.obligations import Obligation
from branchtui.domain.obligations.sys_rules import PLAN_DUE, overdue_plan_items
from branchtui.domain.records import PlanItem, WorkPlan
from branchtui.domain.validation import validate
from branchtui.domain.validation_fields import check_year
from branchtui.tui.captions import record_caption
from branchtui.tui.registry.systems import PLANS
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.duty_lines import DutyLines
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.record_fields import FormSpec, members_for
from branchtui.tui.widgets.record_form import RecordForm

ITEM_FORM = FormSpec(
    ("content", "form", "owner_id", "due", "progress", "done"),
    hints={
        "form": "如：支部党员大会、专题党课、主题党日",
        "due": "计划完成的日期，如 2026-06-30",
        "done": "尚未完成的不填",
    },
)
COLUMNS = (("状态", 6), ("工作内容", 24), ("形式", 8), ("负责人", 6), ("完成时限", 10))


class WorkPlanScreen(DataScreen):
    """The projects of one year's work plan."""

    SCREEN_ID = PLANS.id
    BINDINGS: ClassVar[list[BindingType]] = PLANS.bindings()
    AUTO_FOCUS = "#plan-table"

    def __init__(self) -> None:
        super().__init__()
        self.year: int | None = None  # None: this year
        self.shown: list[PlanItem] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield DutyLines(("SYS-2",), id="register-duties")
        yield Static(id="plan-headline", classes="register-headline", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="plan-table", cursor_type="row", zebra_stripes=True
        )
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        table.add_column("完成时间", width=10)
        yield table
        yield Static(id="plan-count", classes="list-status", markup=False)
        yield Static(id="plan-detail", classes="register-detail", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#plan-table", DataTable)

    @property
    def shown_year(self) -> int:
        return self.year if self.year is not None else self.today.year

    def plan(self) -> WorkPlan | None:
        """The shown year's plan (the first one, should a merged file hold two)."""
        return next((p for p in self.data.work_plans if p.year == self.shown_year), None)

    # Listing ------------------------------------------------------------------------------

    def reload(self) -> None:
        year, plan = self.shown_year, self.plan()
        self.sub_title = f"{PLANS.title}：{year}年"
        highlighted = self._highlighted()
        items = list(plan.items) if plan is not None else []
        items.sort(key=lambda i: (i.due is None, i.due or dt.date.min))
        late = {i.id for i in overdue_plan_items(items, self.today)}
        self.shown = items
        table = self.table
        table.clear()
        for item in items:
            table.add_row(*self._row(item, item.id in late), key=item.id)
        if highlighted is not None:
            self.select(highlighted.id)
        self.query_one("#plan-headline", Static).update(self._headline(year, plan))
        done = sum(1 for i in items if i.done is not None)
        count = (
            f"共 {len(items)} 个项目，已完成 {done} 个"
            + (f"，过期未完成 {len(late)} 个" if late else "")
            if items
            else f"{year}年尚无计划项目，按 a 新增"
        )
        self.query_one("#plan-count", Static).update(count)
        self._show_detail()
        self.query_one(DutyLines).judge(self.data)

    def _headline(self, year: int, plan: WorkPlan | None) -> str:
        due = format_date(dt.date(year, *PLAN_DUE))
        if plan is None:
            return f"{year}年工作计划尚未制订（应于{due}前制订）"
        adopted = format_date(plan.adopted) if plan.adopted else "尚未登记（按 t）"
        return f"{year}年工作计划    计划通过时间：{adopted}"

    def _row(self, item: PlanItem, late: bool) -> list[str | Text]:
        owner = self.data.find("members", item.owner_id) if item.owner_id else None
        status: str | Text = (
            "已完成" if item.done else Text("已过期", style="bold red") if late else "进行中"
        )
        return [
            status,
            terminal_safe(item.content),
            terminal_safe(item.form),
            terminal_safe(getattr(owner, "name", "")),
            format_date(item.due) if item.due else "",
            format_date(item.done) if item.done else "",
        ]

    @on(DataTable.RowHighlighted, "#plan-table")
    def _row_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        item = self._highlighted()
        parts = []
        if item is not None:
            parts.append(f"工作内容：{item.content}" + (f"（{item.form}）" if item.form else ""))
            if item.progress:
                parts.append(f"进展情况：{item.progress}")
        shown = self.query_one("#plan-detail", Static)
        shown.display = bool(parts)
        shown.update(terminal_safe("\n".join(parts)))

    def _highlighted(self) -> PlanItem | None:
        row = self.table.cursor_row
        if not self.shown or row is None or not 0 <= row < len(self.shown):
            return None
        return self.shown[row]

    def select(self, item_id: str) -> bool:
        """Move the cursor to a project of the shown plan; False when it is not listed."""
        for index, item in enumerate(self.shown):
            if item.id == item_id:
                self.table.move_cursor(row=index)
                return True
        return False

    def _chosen(self) -> PlanItem | None:
        item = self._highlighted()
        if item is None:
            self.notify("请先选中一个计划项目", severity="warning")
        return item

    # Saving -------------------------------------------------------------------------------

    def _plan_changes(self, year: int, change: dict[str, Any]) -> RecordChanges:
        """The shown year's plan with ``change`` applied, created when the year has none."""
        plan = next((p for p in self.data.work_plans if p.year == year), None)
        if plan is None:
            return RecordChanges((WorkPlan(year=year, **change),))
        return RecordChanges(updates=(dataclasses.replace(plan, **change),))

    def _item_changes(self, year: int, item: PlanItem, *, remove: bool = False) -> RecordChanges:
        plan = next((p for p in self.data.work_plans if p.year == year), None)
        items = [i for i in (plan.items if plan else []) if i.id != item.id]
        if not remove:
            old = [i.id for i in plan.items] if plan else []
            items.insert(old.index(item.id) if item.id in old else len(items), item)
        return self._plan_changes(year, {"items": items})

    def _form(self, original: PlanItem | None) -> None:
        year = self.shown_year
        form = RecordForm(
            PlanItem,
            ITEM_FORM,
            store=self.store,
            today=self.today,
            members=members_for(self.data, original, {}),
            original=original,
            changes=lambda _before, item: self._item_changes(year, item),
            title=f"编辑{year}年计划项目：{record_caption(original, self.data)}"
            if original
            else f"新增{year}年计划项目",
            year=year,
        )
        self.app.push_screen(form, self._saved)

    def _saved(self, item: PlanItem | None) -> None:
        if item is None:
            return
        self.reload()
        self.select(item.id)
        self.notify("已保存计划项目", timeout=3)

    # Actions ------------------------------------------------------------------------------

    def action_add(self) -> None:
        self._form(None)

    def action_edit(self) -> None:
        item = self._chosen()
        if item is not None:
            self._form(item)

    @on(DataTable.RowSelected, "#plan-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_complete(self) -> None:
        item = self._chosen()
        if item is None:
            return
        year = self.shown_year

        def check(day: dt.date) -> str | None:
            return validate(dataclasses.replace(item, done=day), self.today).get("done")

        def chosen(day: dt.date | None) -> None:
            if day is not None:
                done = dataclasses.replace(item, done=day)
                changes = self._item_changes(year, done)
                self.commit(lambda tx: tx.apply(changes), f"已登记「{item.content}」完成")

        title = f"「{item.content}」的完成时间"
        self.app.push_screen(DatePrompt(title, self.today, item.done, check), chosen)

    def action_remove(self) -> None:
        item = self._chosen()
        if item is None:
            return
        year = self.shown_year

        def answered(choice: str | None) -> None:
            if choice == "delete":
                changes = self._item_changes(year, item, remove=True)
                self.commit(lambda tx: tx.apply(changes), "已删除计划项目")

        choices = {"keep": "不删除", "delete": f"删除「{item.content}」"}
        self.app.push_screen(ChoicePrompt("删除计划项目？", choices), answered)

    def action_adopted(self) -> None:
        year, plan = self.shown_year, self.plan()

        def check(day: dt.date) -> str | None:
            found = validate(WorkPlan(year=year, adopted=day), self.today)
            return found.get("adopted") or found.get("year")

        def chosen(day: dt.date | None) -> None:
            if day is not None:
                changes = self._plan_changes(year, {"adopted": day})
                self.commit(lambda tx: tx.apply(changes), f"已登记{year}年计划通过时间")

        current = plan.adopted if plan is not None else None
        self.app.push_screen(
            DatePrompt(f"{year}年工作计划通过时间", self.today, current, check), chosen
        )

    def _go(self, year: int) -> None:
        self.year = None if year == self.today.year else year
        self.reload()

    def action_shift_year(self, delta: int) -> None:
        year = self.shown_year + delta
        problem = check_year(year, self.today, "计划年度")
        if problem:
            self.notify(problem, severity="warning")
            return
        self._go(year)

    def action_choose_year(self) -> None:
        now = self.today.year
        years = sorted({p.year for p in self.data.work_plans} | {now, now + 1}, reverse=True)
        choices = {str(y): f"{y}年" + ("（今年）" if y == now else "") for y in years}

        def chosen(key: str | None) -> None:
            if key is not None:
                self._go(int(key))

        self.app.push_screen(ChoicePrompt("选择计划年度", choices), chosen)

    def settle(self, ob: Obligation) -> None:
        """SYS-2 opened from the duties: the year it is about; its first overdue project, or a
        new project when the year has no plan yet."""
        if ob.period_kind == "year" and ob.period and ob.period.isdigit():
            self._go(int(ob.period))
        late = overdue_plan_items(self.shown, self.today)
        if late and self.select(late[0].id):
            return
        if self.plan() is None and ob.status in ("due", "overdue"):
            self.action_add()
