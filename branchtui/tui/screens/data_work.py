"""What the data screen (数据备份与恢复) runs in threads, one thing at a time with its progress
under the list and its end in the status line; and its x and i: exporting the branch as a
bundle to a path typed (exports/ in the data folder by default; an existing file is replaced
only when the user says so) and importing one (the same checks as ``branchtui import bundle``;
when the folder holds data, a question naming what is replaced stands for its --force, and the
data is backed up first). An error is one Chinese line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.screen import Screen
from textual.widgets import Static

from branchtui.domain.data_difference import (
    counts_text,
    data_difference,
    record_counts,
    undone_lines,
)
from branchtui.domain.records import BranchData
from branchtui.storage.errors import StoreError
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, TextPrompt
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.path_suggester import PathSuggester
from branchtui.tui.widgets.progress_view import bar


class DataWorkScreen(DataScreen):
    """The data screen's running of work in threads, and its bundle actions."""

    def __init__(self) -> None:
        super().__init__()
        self.busy = ""  # what runs now ("" when nothing does): one thing at a time
        self.said = ""  # the status line: how the last thing ended (the hint until then)
        self.asking = False  # a question of ours is open: coming back from it is no reload

    def _ask(self, dialog: Screen[Any], answered: Callable[[Any], None] | None = None) -> None:
        self.asking = True
        self.app.push_screen(dialog, answered)

    def on_screen_resume(self) -> None:
        # Back from another screen, the list is read again (another session may have saved);
        # back from a question of ours, its answer decides what runs.
        if self.asking:
            self.asking = False
            return
        self.reload()

    @property
    def folder(self) -> Path:
        return self.branch_app.data_dir

    # Running one thing at a time, in a thread -----------------------------------------------

    def _start(self, what: str) -> bool:
        """Mark ``what`` as running; False (and a word why) while something else runs."""
        if self.busy:
            self._status(f"{self.busy}，请稍候")
            return False
        self.busy = what
        self.query_one("#data-progress", Static).update(what)
        return True

    def _progress(self, what: str, done: int, total: int) -> None:
        line = Text(f"{what} {done}/{total} ")
        self.query_one("#data-progress", Static).update(line.append_text(bar(done / total)))

    def _finish(self, line: str, *, error: bool = False, again: bool = True) -> None:
        """The work has ended: say how, and list the backups again (they may have changed)."""
        self.busy = ""
        self.query_one("#data-progress", Static).update("")
        self._status(line)
        if error:
            self.notify(line, title="未完成", severity="error", timeout=10)
        if again:
            self.reload()

    def _failed(self, line: str) -> None:
        self._finish(line, error=True, again=False)

    def _status(self, line: str) -> None:
        self.said = line
        self.query_one("#data-status", Static).update(terminal_safe(line))

    def _shown(self, path: Path) -> str:
        """A path as typed into this screen: from the data folder when it is inside it."""
        try:
            return str(path.relative_to(self.folder))
        except ValueError:
            return str(path)

    # x: export, i: import ---------------------------------------------------------------------

    def action_export(self) -> None:
        from branchtui.storage.bundle import default_export_name

        if self.branch_app.store is None:
            self._status("数据文件无法打开，不能导出；请先从备份恢复")
            return
        prompt = TextPrompt(
            "导出数据包到（相对路径从数据目录算起，右方向键补全）",
            default_export_name(self.today),
            check=lambda text: None if text else "请输入数据包文件的路径",
            suggester=PathSuggester(self.folder),
        )
        self._ask(prompt, self._export_to)

    def _export_to(self, typed: str | None) -> None:
        if not typed:
            return
        from branchtui.storage.bundle import bundle_path

        try:
            path = bundle_path(self.folder, typed)
        except StoreError as error:
            self._failed(error.message)
            return
        if not path.exists() or path.is_dir():
            if self._start("正在导出…"):
                self._export(path)
            return

        def answered(choice: str | None) -> None:
            if choice == "replace" and self._start("正在导出…"):
                self._export(path)

        choices = {"replace": "覆盖这个文件", "cancel": "不导出"}
        self._ask(ChoicePrompt(f"文件 {path} 已存在，覆盖它？", choices), answered)

    @work(thread=True, exclusive=True, group="data-tools", description="导出数据包")
    def _export(self, path: Path) -> None:
        from branchtui.storage.bundle import export_bundle, export_target

        try:
            data = self.store.snapshot()
            export_bundle(data, export_target(path))
        except StoreError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        counts = counts_text(record_counts(data)) or "没有记录"
        self.app.call_from_thread(
            self._finish, f"已导出到 {self._shown(path)}（{counts}）", again=False
        )

    def action_import_bundle(self) -> None:
        if self.branch_app.store is None:
            self._status("数据文件无法打开，不能导入；请先从备份恢复")
            return
        prompt = TextPrompt(
            "导入数据包文件（相对路径从数据目录算起，右方向键补全）",
            check=lambda text: None if text else "请输入数据包文件的路径",
            suggester=PathSuggester(self.folder),
        )
        self._ask(prompt, self._import_from)

    def _import_from(self, typed: str | None) -> None:
        if not typed:
            return
        from branchtui.storage.bundle import bundle_path

        if self._start("正在读取数据包…"):
            self._read_bundle(bundle_path(self.folder, typed))

    @work(thread=True, exclusive=True, group="data-tools", description="读取数据包")
    def _read_bundle(self, path: Path) -> None:
        from branchtui.storage.bundle import has_data, read_bundle

        try:
            if path.is_dir():
                raise StoreError(f"{path} 是一个目录，请给出数据包文件")
            if not path.is_file():
                raise StoreError(f"找不到数据包文件 {path}")
            data = read_bundle(path)
            current = self.store.snapshot()
        except StoreError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        if not has_data(current):
            self._import(path, data)  # nothing to lose: no question (as the CLI asks none)
            return
        changes = undone_lines(data_difference(current, data), by="import")
        question = "\n".join(
            [
                f"导入数据包 {path.name}（{counts_text(record_counts(data)) or '没有记录'}）？",
                "当前的全部数据将被替换：",
                *(changes or ["数据包与当前数据相同。"]),
                "导入前，当前数据会先备份，需要时可在此恢复。",
            ]
        )
        self.app.call_from_thread(self._ask_import, path, data, question)

    def _ask_import(self, path: Path, data: BranchData, question: str) -> None:
        self.busy = ""
        self.query_one("#data-progress", Static).update("")
        choices = {"import": "导入（先备份现有数据）", "cancel": "不导入"}

        def answered(choice: str | None) -> None:
            if choice == "import" and self._start("正在导入…"):
                self._import_in_thread(path, data)
            elif choice != "import":
                self._status("未导入")

        self._ask(ChoicePrompt(terminal_safe(question), choices), answered)

    @work(thread=True, exclusive=True, group="data-tools", description="导入数据包")
    def _import_in_thread(self, path: Path, data: BranchData) -> None:
        self._import(path, data)

    def _import(self, path: Path, data: BranchData) -> None:
        """(In a thread.) The bundle read becomes the branch's data, after an import backup."""
        from branchtui.storage.bundle import replace_with_bundle

        try:
            replace_with_bundle(self.store, data, force=True)
        except StoreError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        line = f"已从 {self._shown(path)} 导入（{counts_text(record_counts(data)) or '没有记录'}）"
        self.app.call_from_thread(self._finish, line)
