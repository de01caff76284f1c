"""The App: modes per task area, global keys, the factory used by the CLI, tests and snapshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.keys import format_key
from textual.screen import Screen

from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import BranchData
from branchtui.storage import locations
from branchtui.storage.errors import StoreError
from branchtui.storage.store import Store
from branchtui.tui.commands import BranchCommands, BranchPalette


# Screens are imported when first shown, to keep start-up lean.
def _dashboard() -> Screen:
    from branchtui.tui.screens.dashboard import DashboardScreen

    return DashboardScreen()


def _home() -> Screen:
    from branchtui.tui.screens.home import HomeScreen

    return HomeScreen()


def _roster() -> Screen:
    from branchtui.tui.screens.roster import RosterScreen

    return RosterScreen()


def _groups() -> Screen:
    from branchtui.tui.screens.groups import GroupsScreen

    return GroupsScreen()


def _committee() -> Screen:
    from branchtui.tui.screens.committee import CommitteeScreen

    return CommitteeScreen()


MODES_GROUP = Binding.Group("切换", compact=True)
# Key names as printed on the keyboard; Textual's arrows and ⏎ are ambiguous-width in CJK terminals.
KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "backspace": "Backspace",
    "delete": "Del",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "space": "空格",
}


class BranchApp(App[None]):
    """党支部工作: one data folder, one branch."""

    CSS_PATH = "app.tcss"
    TITLE = "党支部工作"
    # Only our provider: Textual's system commands (Keys, Theme, Screenshot …) are in English.
    COMMANDS: ClassVar = {BranchCommands}
    MODES: ClassVar = {
        "dashboard": _dashboard,
        "roster": _roster,
        "groups": _groups,
        "committee": _committee,
        "home": _home,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "帮助", id="help", tooltip="列出当前可用的按键"),
        Binding(
            "1",
            "switch_mode('dashboard')",
            "待办",
            id="mode-dashboard",
            tooltip="切换到待办事项",
            group=MODES_GROUP,
        ),
        Binding(
            "2",
            "switch_mode('roster')",
            "名册",
            id="mode-roster",
            tooltip="切换到党员名册",
            group=MODES_GROUP,
        ),
        Binding(
            "3",
            "switch_mode('groups')",
            "党小组",
            id="mode-groups",
            tooltip="切换到党小组",
            group=MODES_GROUP,
        ),
        Binding(
            "4",
            "switch_mode('committee')",
            "支委会",
            id="mode-committee",
            tooltip="切换到支委会",
            group=MODES_GROUP,
        ),
        Binding(
            "5",
            "switch_mode('home')",
            "概况",
            id="mode-home",
            tooltip="切换到支部概况",
            group=MODES_GROUP,
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "命令",
            id="palette",
            tooltip="查找全部功能",
            priority=True,
            show=False,
        ),
        Binding("ctrl+r", "reload", "刷新", id="reload", tooltip="重新读取数据文件", show=False),
        Binding("ctrl+q", "quit", "退出", id="quit", tooltip="退出程序", priority=True),
    ]

    def __init__(self, data_dir: Path, today: dt.date | None = None) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.fixed_today = today
        self.store: Store | None = None

    @property
    def today(self) -> dt.date:
        return self.fixed_today or locations.today()

    @property
    def data(self) -> BranchData:
        """The current snapshot; reloads when another session wrote the file."""
        assert self.store is not None
        return self.store.snapshot()

    @property
    def profile(self) -> Profile:
        branch = self.data.branch
        return get_profile(branch.profile if branch else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Before set-up there is no data: the task areas are not reachable yet.
        return not (action in ("switch_mode", "reload") and self.store is None)

    def on_mount(self) -> None:
        if not (self.data_dir / locations.DATA_FILE).exists():
            from branchtui.tui.screens.wizards.setup import SetupWizard

            self.push_screen(SetupWizard(self.today), self._branch_created)
            return
        self._open_store()

    def _open_store(self) -> None:
        try:
            self.store = Store.open(self.data_dir)
        except StoreError as error:
            self.notify(error.message, title="无法打开数据", severity="error", timeout=30)
            return
        self.switch_mode("dashboard")

    def _branch_created(self, result: object) -> None:
        from branchtui.tui.screens.wizards.setup import SetupResult, save_setup

        if not isinstance(result, SetupResult):
            self.exit()
            return
        try:
            save_setup(self.data_dir, result)
        except StoreError as error:
            self.notify(error.message, title="保存失败", severity="error", timeout=30)
            return
        self.notify(f"已建立{result.branch.name}", title="初始化完成")
        self._open_store()

    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        name = KEY_NAMES.get(key) or format_key(key)
        if len(name) > 1 and name[0] == "f" and name[1:].isdigit():
            name = name.upper()
        if "ctrl" in modifiers:
            modifiers.remove("ctrl")
            name = f"^{name.upper()}"
        return "+".join([*(m.capitalize() for m in modifiers), name])

    def format_title(self, title: str, sub_title: str) -> Content:
        # A full-width bar: Textual's " — " is ambiguous-width and shifts the title in CJK terminals.
        if not sub_title:
            return Content(title)
        return Content.assemble(Content(title), ("｜", "dim"), Content(sub_title).stylize("dim"))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            self.push_screen(BranchPalette(id="--command-palette"))

    def action_help_quit(self) -> None:
        # Ctrl+C does not quit (it copies in text boxes); say how to quit, in Chinese.
        self.notify("按 Ctrl+Q 退出程序", title="要退出吗？", timeout=4)

    def action_help(self) -> None:
        from branchtui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_reload(self) -> None:
        if self.store is None:
            return
        changed = self.store.refresh()
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()
        self.notify("数据已更新" if changed else "数据没有变化", timeout=2)

    async def run_screen_action(self, mode: str, action: str) -> None:
        """Switch to ``mode`` and run ``action`` on its screen (used by the command palette)."""
        if self.store is None:
            return
        if self.current_mode != mode:
            await self.switch_mode(mode)
        await self.screen.run_action(action)


def build_app(data_dir: Path, *, today: dt.date | None = None) -> BranchApp:
    """The one factory used by the CLI, the tests and the snapshot apps."""
    return BranchApp(data_dir, today=today)


def run_tui(data_dir: Path, today: dt.date | None = None) -> None:
    """Run the TUI on ``data_dir`` until the user quits."""
    build_app(data_dir, today=today).run()
