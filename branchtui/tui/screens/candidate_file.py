"""一人一档 (DEV-3): one person's development file — the five stages and 25 steps, each with
its date, people and documents or what is owed and by when (NAT-3); record the next step,
correct or delete a record, export the file as Markdown."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.dates import format_date
from branchtui.domain.development import next_step
from branchtui.domain.development_entry import StepEntry, entry_from_record, without_record
from branchtui.domain.development_file import FileRow, file_rows, file_summary
from branchtui.domain.records import Candidate
from branchtui.storage.development_file import export_candidate_file
from branchtui.storage.errors import StoreError
from branchtui.tui.registry.development import FILE_KEYS
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.step_form import StepForm
from branchtui.tui.screens.step_saved import StepSaved, saved_notice
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.footer import BranchFooter

# The longest stage, 入党积极分子的确定和培养教育, whole on its heading row at 80 columns.
LABEL_CELLS, DETAIL_CELLS = 28, 16
DELETE_CHOICES = {"keep": "不删除", "delete": "删除这条记录"}
# Records that changed the roster when saved: deleting them leaves the roster as it is.
ROSTER_STEPS = ("approved", "placed", "converted", "dropped")


def fit(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, cut between characters with "..." when longer."""
    if cell_len(text) <= width:
        return text
    while text and cell_len(text) + 3 > width:
        text = text[:-1]
    return text + "..."


def row_state(row: FileRow) -> Text:
    """The 状态 cell: short, red when overdue."""
    if row.kind != "owed":
        return Text("")
    state = row.state
    if row.overdue:
        return Text("已逾期", style="bold red")
    if "期限" in state:
        return Text(state.split("期限")[-1] + "前", style="yellow")
    if state.endswith("起可办理"):
        return Text(state.removesuffix("可办理"), style="dim")
    return Text(state)


class CandidateFileScreen(DataScreen):
    """The file of the candidate ``candidate_id``; ``add_next`` opens the step form at once."""

    AUTO_FOCUS = "#file-table"
    BINDINGS: ClassVar[list[BindingType]] = [a.binding() for a in FILE_KEYS]

    def __init__(self, candidate_id: str, *, add_next: bool = False) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.add_next = add_next
        self.rows: list[FileRow] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="file-head", classes="file-head", markup=False)
        yield Static(id="file-next", classes="file-next")
        table: DataTable[str | Text] = DataTable(id="file-table", cursor_type="row")
        table.add_column("步", width=2)
        table.add_column("环节", width=LABEL_CELLS)
        table.add_column("日期", width=10)
        table.add_column("人员、材料与情况", width=DETAIL_CELLS)
        table.add_column("状态", width=12)
        yield table
        yield BranchFooter()

    @property
    def candidate(self) -> Candidate | None:
        return self.data.find("candidates", self.candidate_id)

    def reload(self) -> None:
        c = self.candidate
        if c is None:
            self.notify("此人的档案已不存在（可能已被他人删除）", severity="warning")
            self.action_back()
            return
        self.sub_title = f"一人一档：{c.name}"
        s = file_summary(c, self.data, self.today, self.profile)
        head = [
            f"{s['name']}  {s['gender']}  {s['category']}  {s['stage']}",
            f"培养联系人：{s['contacts'] or '未指定'}   入党介绍人：{s['introducers'] or '未确定'}",
            f"集中培训：{s['training']}   预备期满：{s['probation_end'] or '－'}"
            + (f"   名册：{s['member']}" if s["member"] else ""),
        ]
        self.query_one("#file-head", Static).update(terminal_safe("\n".join(head)))
        step = next_step(c, self.today, self.profile)
        nxt = self.query_one("#file-next", Static)
        if step is None:
            nxt.update(Text("25个步骤均已记录" if c.stage != "dropped" else "已终止培养"))
        else:
            style = "bold red" if step.overdue else "bold"
            nxt.update(Text(s["next"] + "（按 a 记录）", style=style))
        self._fill(c)
        if self.add_next:
            self.add_next = False
            self.call_after_refresh(self.action_add_step)

    def _fill(self, c: Candidate) -> None:
        table = self.query_one("#file-table", DataTable)
        keep = table.cursor_row if self.rows else -1  # at first, the next step owed
        self.rows = file_rows(c, self.data, self.today, self.profile)
        table.clear()
        for i, row in enumerate(self.rows):
            if row.kind == "stage":
                number, _, name = row.label.partition("、")
                title = Text(fit(name or number, LABEL_CELLS), style="bold")
                table.add_row(Text(number if name else "", style="bold"), title, "", "", "")
                continue
            details = "；".join(p for p in (row.people, row.details) if p)
            style = "dim" if row.kind == "later" else ""
            step = row.step
            own = step is not None and step.number and row.label == step.title
            table.add_row(
                str(step.number) if own and step else "",
                Text(fit(step.name if own and step else row.label, LABEL_CELLS), style=style),
                format_date(row.date),
                Text(fit(terminal_safe(details), DETAIL_CELLS)),
                row_state(row),
                key=f"row-{i}",
            )
        if 0 <= keep < len(self.rows):
            table.move_cursor(row=keep)
        else:
            self.focus_step(None)

    def focus_step(self, code: str | None) -> None:
        """Put the cursor on a step's line (the next step owed when ``code`` is None)."""
        table = self.query_one("#file-table", DataTable)
        for i, row in enumerate(self.rows):
            if row.step is None:
                continue
            if (code is None and row.kind == "owed") or (code and row.step.code == code):
                table.move_cursor(row=i)
                return

    @property
    def selected(self) -> FileRow | None:
        row = self.query_one("#file-table", DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # Actions -----------------------------------------------------------------------------

    def _form(self, entry: StepEntry) -> None:
        c = self.candidate
        if c is None:
            return
        step = next_step(c, self.today, self.profile)
        line = file_summary(c, self.data, self.today, self.profile)["next"] if step else ""
        form = StepForm(
            c,
            entry,
            data=self.data,
            store=self.store,
            today=self.today,
            profile=self.profile,
            next_line=line,
        )
        self.app.push_screen(form, self._saved)

    def _saved(self, saved: StepSaved | None) -> None:
        if saved is None:
            return
        self.reload()
        message, severity = saved_notice(saved)
        self.notify(message, severity=severity, timeout=6 if severity == "warning" else 3)

    def action_add_step(self) -> None:
        c = self.candidate
        if c is None:
            return
        step = next_step(c, self.today, self.profile)
        if step is None:
            self.notify("25个步骤均已记录；如需补记，请选中环节后按 e", severity="information")
            return
        self._form(StepEntry(step.code, self.today))

    def action_edit(self) -> None:
        c, row = self.candidate, self.selected
        if c is None or row is None or row.step is None:
            self.notify("请选中一个环节", severity="warning")
            return
        if row.index is not None:
            self._form(entry_from_record(c, row.index, self.data))
        else:
            self._form(StepEntry(row.step.code, self.today))

    @on(DataTable.RowSelected, "#file-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        c, row = self.candidate, self.selected
        if c is None or row is None or row.index is None:
            self.notify("请选中一条已记录的环节", severity="warning")
            return
        event = c.events[row.index]
        question = f"删除「{row.label}」（{format_date(event.date)}）的记录？"
        if event.step in ROSTER_STEPS and c.member_id:
            question += "党员名册中的记录不随之更改，请到党员名册核对。"
        changed = without_record(c, row.index)

        def answered(choice: str | None) -> None:
            if choice == "delete":
                self.commit(lambda tx: tx.update(changed), f"已删除「{row.label}」的记录")

        self.app.push_screen(ChoicePrompt(question, DELETE_CHOICES), answered)

    def action_export(self) -> None:
        self._export()

    @work(thread=True, exclusive=True, group="file-export", description="导出一人一档")
    def _export(self) -> None:
        try:
            path = export_candidate_file(self.store, self.candidate_id, self.today)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, error.message, title="未导出", severity="error", timeout=10
            )
            return
        shown = path.relative_to(self.branch_app.data_dir)
        self.app.call_from_thread(
            self.notify, f"已导出到数据目录下 {shown}", title="一人一档", timeout=8
        )

    def action_person(self) -> None:
        c = self.candidate
        if c is not None:
            from branchtui.tui.screens.development import person_form

            self.app.push_screen(person_form(self, c), lambda _saved: self.reload())
