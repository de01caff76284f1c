"""好经验好做法 (REP-4): the branch's practice notes, newest first, with the highlighted one's
text below; add, edit, remove, and record when one went up to the upper committee (which is
what REP-4 counts)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from branchtui.domain.obligations import Obligation
from branchtui.domain.records import PracticeNote
from branchtui.tui.registry.reports import PRACTICES
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.practice_form import PracticeForm
from branchtui.tui.widgets.footer import BranchFooter

REMOVE_CHOICES = {"no": "取消", "yes": "删除"}


class PracticesScreen(DataScreen):
    """Every practice note; the year's reported count is what REP-4 looks at."""

    AUTO_FOCUS = "#practice-table"
    SCREEN_ID = PRACTICES.id
    BINDINGS: ClassVar[list[BindingType]] = PRACTICES.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[PracticeNote] = []
        self.wanted_year: int | None = None  # settle: highlight this year's first note
        self.chosen_id: str | None = None  # highlight this note on the next reload

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="practice-info", classes="list-status", markup=False)
        table: DataTable[str | Text] = DataTable(id="practice-table", cursor_type="row")
        table.add_columns("日期", "标题", "上报日期")
        yield table
        with VerticalScroll(id="practice-body"):
            yield Static(id="practice-text", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#practice-table", DataTable)

    @property
    def selected(self) -> PracticeNote | None:
        row = self.table.cursor_row
        return self.notes[row] if 0 <= row < len(self.notes) else None

    def settle(self, obligation: Obligation) -> None:
        """REP-4 of a year: that year's first note, or how to add one."""
        if obligation.period_kind == "year" and obligation.period.isdigit():
            self.wanted_year = int(obligation.period)
            self.reload()

    def reload(self) -> None:
        self.sub_title = "好经验好做法"
        chosen = self.chosen_id or (self.selected.id if self.selected else None)
        self.chosen_id = None
        self.notes = sorted(self.data.practice_notes, key=lambda n: n.date, reverse=True)
        table = self.table
        table.clear()
        for note in self.notes:
            reported = note.reported.isoformat() if note.reported else "未上报"
            table.add_row(
                note.date.isoformat(),
                Text(note.title, no_wrap=True, overflow="ellipsis"),
                Text(reported, style="" if note.reported else "yellow"),
                key=note.id,
            )
        year = self.wanted_year or self.today.year
        done = sum(1 for n in self.notes if n.reported and n.reported.year == year)
        self.query_one("#practice-info", Static).update(
            f"共 {len(self.notes)} 篇｜{year}年已上报 {done} 篇（REP-4 每年至少上报1篇）"
        )
        ids = [n.id for n in self.notes]
        if self.wanted_year is not None:
            of_year = [n.id for n in self.notes if n.date.year == self.wanted_year]
            chosen = of_year[0] if of_year else None
            if not of_year:
                self.notify(f"{self.wanted_year}年尚无经验做法，按 a 新增", timeout=6)
            self.wanted_year = None
        if chosen in ids:
            table.move_cursor(row=ids.index(chosen), animate=False)
        self._show()

    @on(DataTable.RowHighlighted, "#practice-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show()

    def _show(self) -> None:
        note = self.selected
        body = self.query_one("#practice-text", Static)
        if note is None:
            body.update("尚未登记经验做法，按 a 新增。")
            return
        reported = f"{note.reported.isoformat()}上报" if note.reported else "尚未上报（按 r 登记）"
        body.update(f"{note.title}\n{note.date.isoformat()}，{reported}\n\n{note.content}")

    def _saved(self, note_id: str | None) -> None:
        if note_id:
            self.chosen_id = note_id  # the note just saved is the one highlighted
            self.reload()

    def action_add(self) -> None:
        self.app.push_screen(PracticeForm(self.store, self.today, None), self._saved)

    def action_edit(self) -> None:
        note = self.selected
        if note is None:
            self.notify("请选中一篇经验做法", severity="warning", timeout=3)
            return
        self.app.push_screen(PracticeForm(self.store, self.today, note), self._saved)

    @work(exclusive=True, group="practice-dialog")
    async def action_remove(self) -> None:
        note = self.selected
        if note is None:
            self.notify("请选中一篇经验做法", severity="warning", timeout=3)
            return
        question = f"删除经验做法「{note.title}」？"
        if await self.app.push_screen_wait(ChoicePrompt(question, REMOVE_CHOICES)) != "yes":
            return
        self.commit(
            lambda tx: tx.delete(PracticeNote.TABLE, note.id, note.rev), f"已删除：{note.title}"
        )

    @work(exclusive=True, group="practice-dialog")
    async def action_reported(self) -> None:
        note = self.selected
        if note is None:
            self.notify("请选中一篇经验做法", severity="warning", timeout=3)
            return
        today = self.today

        def check(day: dt.date) -> str | None:
            if day < note.date:
                return f"上报日期不能早于经验做法的日期 {note.date.isoformat()}"
            if day > today:
                return f"上报日期不能晚于今天（{today.isoformat()}）"
            return None

        prompt = DatePrompt("上报上级党委的日期", today, note.reported, check)
        day = await self.app.push_screen_wait(prompt)
        if day is None:
            return
        changed = dataclasses.replace(note, reported=day)
        self.commit(
            lambda tx: tx.update(changed), f"已登记「{note.title}」于 {day.isoformat()} 上报"
        )
