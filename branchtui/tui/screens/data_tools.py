"""数据备份与恢复: the branch's data file itself, for a secretary who has no shell.

The same storage functions as ``branchtui backup``, ``restore``, ``doctor``, ``export bundle``
and ``import bundle``, with the same checks: b backs up now (a damaged file is refused), the
list shows every backup (time, kind, size, which one is 最新可用), r restores the highlighted
one after a question naming what the restore undoes (the current file is kept as a backup
first), c checks the folder; x and i export and import a bundle (data_work.py, which also runs
each of these in a thread with its progress under the list; an error is one Chinese line).

The screen also works when the data file cannot be opened (the dashboard's b opens it then):
restoring a backup is how the branch comes back, and the app then opens the file again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.data_difference import (
    data_difference,
    record_counts,
    undone_lines,
)
from branchtui.domain.records import BranchData
from branchtui.storage import backups
from branchtui.storage.backups import REASON_LABELS, Backup, BackupRow
from branchtui.storage.doctor import Finding, Remedies, doctor, has_errors
from branchtui.storage.errors import StoreError
from branchtui.storage.file_check import check_file
from branchtui.storage.locations import DATA_FILE
from branchtui.tui.registry.support import DATA_TOOLS
from branchtui.tui.screens.data_work import DataWorkScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.footer import BranchFooter

COLUMNS = ("备份时间", "类型", "大小", "状态")
STATE_STYLES = {backups.NEWEST: "bold green", backups.BROKEN: "red", backups.EMPTY: "dim"}
# The check's advice in this screen's keys: the secretary has no shell to run commands in.
REMEDIES = Remedies(
    init="可在备份列表中选一份按 r 恢复",
    restore="可在备份列表中选中它按 r 恢复",
    chmod=False,
)


def size_text(size: int) -> str:
    """``546 KB``, ``12.3 MB``: the size of a backup as a user reads it."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def saved_at(path: Path) -> str:
    """When the file was last written (``2026-11-27 15:20``), or "" when it cannot be told."""
    try:
        return f"{dt.datetime.fromtimestamp(path.stat().st_mtime):%Y-%m-%d %H:%M}"
    except OSError:
        return ""


class DataToolsScreen(DataWorkScreen):
    """The data file's state, its backups, and what can be done with them."""

    SCREEN_ID = DATA_TOOLS.id
    BINDINGS: ClassVar[list[BindingType]] = DATA_TOOLS.bindings()
    AUTO_FOCUS = "#backup-table"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[BackupRow] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static("", id="data-file", markup=False)
        table: DataTable[str | Text] = DataTable(id="backup-table", cursor_type="row")
        table.add_columns(*COLUMNS)
        yield table
        yield Static("", id="data-progress", markup=False)
        yield Static("", id="data-status", classes="list-status", markup=False)
        yield BranchFooter()

    def reload(self) -> None:
        self.sub_title = DATA_TOOLS.title
        if not self.busy:
            self._start("正在读取备份列表…")
            self._survey()

    # The list of backups ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="data-tools", description="读取备份列表")
    def _survey(self) -> None:
        def checking(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, "正在检查备份", done, total)

        rows = backups.survey_backups(self.folder, progress=checking)
        self.app.call_from_thread(self._listed, self._file_line(), rows)

    def _file_line(self) -> str:
        """The data file in two lines: when it was saved and what it holds, or why it cannot
        be opened (read in the thread: a damaged file is checked whole)."""
        path = self.folder / DATA_FILE
        store = self.branch_app.store
        if store is not None:
            try:
                data = store.snapshot()
            except StoreError as error:
                return f"数据文件无法读取：{error.message}"
            name = data.branch.name if data.branch else "（尚未填写支部信息）"
            members = len(data.active_members)
            return f"数据文件：最后保存于 {saved_at(path)}\n{name}：党员 {members} 名"
        if not path.exists():
            return f"数据文件 {DATA_FILE} 不见了：可选中一份备份按 r 恢复。"
        problem = check_file(path).problem or "无法打开"
        return f"数据文件已损坏：{problem}。可选中一份备份按 r 恢复。"

    def _listed(self, file_line: str, rows: list[BackupRow]) -> None:
        self.busy = ""
        self.query_one("#data-progress", Static).update("")
        self.query_one("#data-file", Static).update(terminal_safe(file_line))
        table = self.query_one("#backup-table", DataTable)
        highlighted = table.cursor_row
        table.clear()
        self.rows = rows
        for row in rows:
            b = row.backup
            table.add_row(
                f"{b.taken:%Y-%m-%d %H:%M:%S}",
                REASON_LABELS.get(b.reason, b.reason),
                size_text(row.size),
                Text(row.state_label, style=STATE_STYLES.get(row.state, "")),
            )
        if rows:
            table.move_cursor(row=min(highlighted, len(rows) - 1))
        if not self.said:
            self.query_one("#data-status", Static).update(self._hint())

    def _hint(self) -> str:
        if not self.rows:
            return "还没有备份；按 b 立即备份（每次保存前也会自动备份）"
        return f"共 {len(self.rows)} 份备份，新的在前；选中一份按 r 恢复"

    def _selected(self) -> Backup | None:
        table = self.query_one("#backup-table", DataTable)
        row = table.cursor_row
        return self.rows[row].backup if self.rows and 0 <= row < len(self.rows) else None

    # b: back up now ---------------------------------------------------------------------------

    def action_backup_now(self) -> None:
        if self._start("正在备份…"):
            self._backup()

    @work(thread=True, exclusive=True, group="data-tools", description="备份")
    def _backup(self) -> None:
        try:
            made = backups.make_backup(self.folder)
        except StoreError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        self.app.call_from_thread(self._finish, f"已备份：{made.label}")

    # r: restore -------------------------------------------------------------------------------

    def action_restore(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self._status("还没有备份可以恢复")
            return
        if self._start("正在检查所选的备份…"):
            self._check_restore(chosen)

    @work(thread=True, exclusive=True, group="data-tools", description="检查备份")
    def _check_restore(self, chosen: Backup) -> None:
        found = check_file(chosen.path)
        problem = found.problem
        if chosen.reason == backups.DAMAGED:
            problem = "这是恢复时另存的损坏文件"
        elif found.newer:
            problem = "由更新版本的 branchtui 写入"
        if problem or found.data is None:
            line = f"备份 {chosen.label} 不能恢复：{problem or '无法读取'}。"
            self.app.call_from_thread(self._failed, line)
            return
        question = self._restore_question(chosen, found.data)
        self.app.call_from_thread(self._ask_restore, chosen, question)

    def _restore_question(self, chosen: Backup, restored: BranchData) -> str:
        lines = [f"从这份备份恢复？{chosen.label}"]
        store = self.branch_app.store
        if store is None:
            lines.append("当前数据文件无法打开，将由这份备份取代。")
        else:
            undone = undone_lines(data_difference(store.snapshot(), restored))
            lines += undone or ["这份备份与当前数据相同，恢复不会丢失内容。"]
        if not record_counts(restored) and restored.branch is None:
            lines.append("注意：这份备份不含任何支部数据。")
        lines.append("恢复前，当前文件会先另存为一份备份，需要时可再恢复回来。")
        return "\n".join(lines)

    def _ask_restore(self, chosen: Backup, question: str) -> None:
        self.busy = ""
        self.query_one("#data-progress", Static).update("")
        choices = {"restore": "恢复这份备份（先另存当前文件）", "cancel": "不恢复"}

        def answered(choice: str | None) -> None:
            if choice == "restore" and self._start("正在恢复…"):
                self._restore(chosen)
            elif choice != "restore":
                self._status("未恢复")

        self._ask(ChoicePrompt(terminal_safe(question), choices), answered)

    @work(thread=True, exclusive=True, group="data-tools", description="恢复备份")
    def _restore(self, chosen: Backup) -> None:
        store = self.branch_app.store
        try:
            if store is not None:
                kept = store.restore(chosen)
            else:
                kept = backups.restore(self.folder, chosen)
        except StoreError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        line = f"已从备份恢复：{chosen.label}"
        if kept is not None:
            line += f"；恢复前的文件已另存为备份 {kept.label}"
        self.app.call_from_thread(self._restored, line, store is None)

    def _restored(self, line: str, reopen: bool) -> None:
        if reopen:
            self.app.clear_notifications()  # "无法打开数据" is over
        self.notify(line, title="已恢复", timeout=8)
        self._finish(line, again=not reopen)
        if reopen:  # the file could not be opened before: the app opens it now
            self.branch_app.open_data_again()

    # c: check ---------------------------------------------------------------------------------

    def action_check(self) -> None:
        if self._start("正在检查数据文件…"):
            self._check()

    @work(thread=True, exclusive=True, group="data-tools", description="检查数据文件")
    def _check(self) -> None:
        findings = doctor(self.folder, REMEDIES)
        self.app.call_from_thread(self._checked, findings)

    def _checked(self, findings: list[Finding]) -> None:
        from branchtui.tui.screens.doctor_report import DoctorReport

        self._finish(
            "检查发现问题，见检查结果" if has_errors(findings) else "检查完毕", again=False
        )
        self._ask(DoctorReport(findings))
