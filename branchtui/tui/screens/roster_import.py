"""导入名册 (ORG-1): a roster from .xlsx or .csv, previewed row by row, imported in one commit.

The secretary types the file's path (→ completes from the folder), Enter reads it in a thread
with progress, and the preview shows which column became which field and what each row
becomes — 新增, 更新, 无变化, 重复, 有问题 with the reason in Chinese. Ctrl+S imports the good
rows after a confirmation, in one commit after an "import" backup (storage.roster_import); the
rows with problems are left out. The same checks and caps as ``branchtui import members``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Label, Select, Static

from branchtui.domain.roster_plan import (
    OptionHints,
    PreviewRow,
    RosterHeaderError,
    RosterImport,
    plan_import,
    preview_rows,
)
from branchtui.storage.errors import StoreError
from branchtui.tui.registry.organization import ROSTER_IMPORT
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.path_suggester import PathSuggester, typed_path
from branchtui.tui.widgets.progress_view import bar
from branchtui.tui.widgets.wrapped_text import WrappedText

# The row messages name the screen's choices, not the CLI's flags.
HINTS = OptionHints(update="选“用表格内容更新”", create_groups="选“自动新建”")
GROUP_CHOICES = [("列为问题行", "no"), ("自动新建", "yes")]
UPDATE_CHOICES = [("列为重复，不导入", "no"), ("用表格内容更新", "yes")]
OUTCOME_STYLES = {"新增": "green", "更新": "cyan", "重复": "yellow", "有问题": "bold red"}
COLUMNS = ("行", "姓名", "结果", "说明")


class ImportProgress(Message):
    def __init__(self, what: str, done: int, total: int) -> None:
        super().__init__()
        self.what, self.done, self.total = what, done, total


class ImportPreviewed(Message):
    def __init__(self, rows: list[list[Any]], plan: RosterImport, note: str = "") -> None:
        super().__init__()
        self.rows, self.plan, self.note = rows, plan, note


class ImportFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class ImportSaved(Message):
    def __init__(self, line: str, backup: str = "", left: list[PreviewRow] | None = None) -> None:
        super().__init__()
        self.line, self.backup, self.left = line, backup, left or []


class RosterImportScreen(DataScreen):
    """Path, options, the preview, and the import."""

    SCREEN_ID = ROSTER_IMPORT.id
    BINDINGS: ClassVar[list[BindingType]] = ROSTER_IMPORT.bindings()
    AUTO_FOCUS = "#import-path"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[Any]] = []
        self.plan: RosterImport | None = None
        self.preview: list[PreviewRow] = []
        self.busy = False
        # After an import the rows left out are listed again; their first highlight must not
        # cover what the import did (the status line).
        self.keep_status = False
        # What the screen held when opened or last imported: anything else is not saved yet.
        self.clean: tuple[object, ...] = ()
        self.discard_question = "放弃本次导入吗？名册尚未导入"
        self.discard_choices = {"stay": "继续导入", "discard": "放弃，不导入"}

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        with Horizontal(classes="form-row"):
            yield Label("名册文件")
            yield Input(
                placeholder="如 ~/党员名册.xlsx（→ 补全）",
                id="import-path",
                compact=True,
                suggester=PathSuggester(),
            )
        yield WrappedText("", id="import-path-error", classes="field-error", markup=False)
        with Horizontal(classes="form-row"):
            yield Label("新党小组")
            yield Select(
                GROUP_CHOICES, value="no", allow_blank=False, id="import-groups", compact=True
            )
        with Horizontal(classes="form-row"):
            yield Label("身份证号相同")
            yield Select(
                UPDATE_CHOICES, value="no", allow_blank=False, id="import-update", compact=True
            )
        yield Static("", id="import-progress", markup=False)
        yield Static("", id="import-summary", markup=False)
        table: DataTable[str | Text] = DataTable(id="import-rows", cursor_type="row")
        table.add_columns(*COLUMNS)
        yield table
        yield Static(
            "输入文件路径后按 Enter 读取预览；支持 .xlsx 和 .csv",
            id="import-status",
            classes="list-status",
            markup=False,
        )
        yield BranchFooter()

    def reload(self) -> None:
        self.sub_title = ROSTER_IMPORT.title

    def on_mount(self) -> None:
        self.clean = self._state()

    def _state(self) -> tuple[object, ...]:
        path = self.query_one("#import-path", Input).value.strip()
        return (path, *self._options(), self.plan is not None)

    def unsaved(self) -> bool:
        """A path typed, an option changed or a preview read and not imported: leaving (Esc,
        an area key, the palette, Ctrl+Q) asks first, as a form does (tui/leaving.py)."""
        return self.is_mounted and self._state() != self.clean

    # Reading ------------------------------------------------------------------------------

    def _options(self) -> tuple[bool, bool]:
        groups = self.query_one("#import-groups", Select).value == "yes"
        update = self.query_one("#import-update", Select).value == "yes"
        return groups, update

    @on(Input.Submitted, "#import-path")
    def _path_entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_read()

    def action_read(self) -> None:
        path = typed_path(self.query_one("#import-path", Input).value)
        error = self.query_one("#import-path-error", Static)
        if path is None:
            error.update("请输入名册文件的路径，如 ~/党员名册.xlsx")
            return
        if self.busy:
            return
        error.update("")
        self.busy = True
        self._status("正在读取…")
        self._read(path, *self._options())

    @work(thread=True, exclusive=True, group="roster-import", description="读取名册")
    def _read(self, path: Path, create_groups: bool, update: bool) -> None:
        from branchtui.storage.roster_import import read_rows

        def reading(done: int, total: int) -> None:
            self.post_message(ImportProgress("读取", done, total))

        try:
            rows, source = read_rows(path, progress=reading)
            plan = self._plan(rows, source, create_groups, update)
        except (StoreError, RosterHeaderError) as error:
            self.post_message(ImportFailed(error.message))
            return
        self.post_message(ImportPreviewed(rows, plan))

    def _plan(
        self, rows: list[list[Any]], source: str, create_groups: bool, update: bool
    ) -> RosterImport:
        def checking(done: int, total: int) -> None:
            self.post_message(ImportProgress("检查", done, total))

        return plan_import(
            rows,
            self.store.snapshot(),
            self.today,
            source=source,
            create_groups=create_groups,
            update=update,
            hints=HINTS,
            progress=checking,
        )

    @on(ImportProgress)
    def _progress(self, message: ImportProgress) -> None:
        shown = self.query_one("#import-progress", Static)
        ratio = message.done / message.total if message.total else 0.0
        line = Text(f"正在{message.what}：{message.done}/{message.total} 行 ")
        shown.update(line.append_text(bar(min(ratio, 1.0))))

    @on(ImportFailed)
    def _failed(self, message: ImportFailed) -> None:
        self.busy = False
        self.query_one("#import-progress", Static).update("")
        self.query_one("#import-path-error", Static).update(message.message)
        self._status("未读取；改正后再按 Enter")

    @on(ImportPreviewed)
    def _previewed(self, message: ImportPreviewed) -> None:
        self.busy = False
        self.rows, self.plan = message.rows, message.plan
        self.query_one("#import-progress", Static).update("")
        self._show(message.plan, message.note)

    def _show(self, plan: RosterImport, note: str = "") -> None:
        mapping = "、".join(
            f"{header}" if header == label else f"{header}→{label}"
            for header, label in plan.mapping
        )
        lines = [f"{plan.source}，表头在第{plan.header_row}行；识别的列：{mapping}"]
        if plan.ignored:
            lines.append(f"未识别的列（忽略）：{'、'.join(plan.ignored)}")
        counts = f"新增 {len(plan.new)} 人，更新 {len(plan.updates)} 人"
        counts += f"，重复 {len(plan.duplicates)} 人，有问题 {len(plan.bad_rows)} 行"
        if plan.unchanged:
            counts += f"，无变化 {len(plan.unchanged)} 人"
        created = [g.name for g in plan.groups_to_create()]
        if created:
            counts += f"；将新建党小组：{'、'.join(created)}"
        lines.append(counts)
        self.query_one("#import-summary", Static).update(terminal_safe("\n".join(lines)))
        table = self.query_one("#import-rows", DataTable)
        table.clear()
        self.preview = preview_rows(plan)
        self._list(table)
        if plan.new or plan.updates:
            skip = f"（有问题的 {len(plan.bad_rows)} 行不导入）" if plan.bad_rows else ""
            self._status(note or f"按 Ctrl+S 导入无误的行{skip}")
        else:
            self._status(note or "没有可导入的党员")

    @on(Select.Changed)
    def _option_changed(self) -> None:
        # The options change what rows become: check the rows already read again.
        if self.plan is not None and self.rows and not self.busy:
            self.busy = True
            self._replan(self.rows, self.plan.source, *self._options())

    @work(thread=True, exclusive=True, group="roster-import", description="检查名册")
    def _replan(
        self, rows: list[list[Any]], source: str, create_groups: bool, update: bool
    ) -> None:
        try:
            plan = self._plan(rows, source, create_groups, update)
        except RosterHeaderError as error:
            self.post_message(ImportFailed(error.message))
            return
        self.post_message(ImportPreviewed(rows, plan))

    # Importing ----------------------------------------------------------------------------

    def action_import_rows(self) -> None:
        plan = self.plan
        if plan is None or self.busy:
            self._status("请先输入文件路径并按 Enter 读取预览")
            return
        if not plan.new and not plan.updates:
            self._status("没有可导入的党员")
            return
        title = f"导入新党员 {len(plan.new)} 人"
        if plan.updates:
            title += f"、更新 {len(plan.updates)} 人"
        skipped = len(plan.bad_rows) + len(plan.duplicates)
        if skipped:
            title += f"（跳过 {skipped} 行）"
        choices = {"save": "导入（导入前自动备份）", "cancel": "暂不导入"}

        def chosen(choice: str | None) -> None:
            if choice == "save" and self.plan is plan:
                self.busy = True
                self._status("正在导入…")
                self._save(self.rows, plan, *self._options())

        self.app.push_screen(ChoicePrompt(f"{title}？", choices), chosen)

    @work(thread=True, exclusive=True, group="roster-import", description="导入名册")
    def _save(
        self, rows: list[list[Any]], shown: RosterImport, create_groups: bool, update: bool
    ) -> None:
        from branchtui.storage.roster_import import save_import

        try:
            # Checked again against the file as it is now: another session may have saved.
            plan = self._plan(rows, shown.source, create_groups, update)
            if (len(plan.new), len(plan.updates)) != (len(shown.new), len(shown.updates)):
                note = "名册已被他人修改，预览已更新；请核对后再按 Ctrl+S"
                self.post_message(ImportPreviewed(rows, plan, note))
                return
            added, updated, backup = save_import(self.store, plan)
        except (StoreError, RosterHeaderError) as error:
            self.post_message(ImportFailed(error.message))
            return
        line = f"已导入：新增党员 {added} 人"
        if updated:
            line += f"，更新 {updated} 人"
        backup_name = backup.name if backup is not None else ""
        # The rows with problems were not imported: they stay listed (ORG-1, the roster is
        # still short of them), so she can add them by hand without the file at hand.
        left = [row for row in preview_rows(plan) if row.outcome == "有问题"]
        self.post_message(
            ImportSaved(line + ("（导入前已自动备份）" if backup else ""), backup_name, left)
        )

    @on(ImportSaved)
    def _saved(self, message: ImportSaved) -> None:
        self.busy = False
        self.rows, self.plan, self.preview = [], None, message.left
        self.clean = self._state()
        self.query_one("#import-progress", Static).update("")
        table = self.query_one("#import-rows", DataTable)
        table.clear()
        self.keep_status = bool(message.left)
        self._list(table)
        summary = ""
        if message.left:
            # Two lines that fit 80 columns (a CJK run wraps at the next space otherwise).
            summary = (
                f"未导入{len(message.left)}行（见下表），名册尚缺这些党员：\n"
                "改正名册文件后重新导入，或在党员名册（2 m）按 a 逐个新增"
            )
        self.query_one("#import-summary", Static).update(summary)
        self._status(message.line)
        kept = f"导入前的数据已备份为 {message.backup}" if message.backup else message.line
        self.notify(kept, title="名册已导入", timeout=8)

    def _list(self, table: DataTable[str | Text]) -> None:
        for row in self.preview:
            table.add_row(
                str(row.row),
                terminal_safe(row.name),
                Text(row.outcome, style=OUTCOME_STYLES.get(row.outcome, "")),
                terminal_safe(row.message),
            )

    @on(DataTable.RowHighlighted, "#import-rows")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # The 说明 column is cut at 80 columns: the whole reason goes under the list.
        rows = self.preview
        row = rows[event.cursor_row] if 0 <= event.cursor_row < len(rows) else None
        if self.keep_status:
            self.keep_status = False
            return
        if row is not None and row.message:
            self._status(terminal_safe(f"第{row.row}行 {row.name}：{row.message}"))

    def _status(self, line: str) -> None:
        self.query_one("#import-status", Static).update(line)
