"""The App: modes per task area, global keys, the factory used by the CLI, tests and snapshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.keys import format_key
from textual.screen import Screen

from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import BranchData
from branchtui.storage import locations
from branchtui.storage.errors import StoreError
from branchtui.tui.key_order import KeyOrderApp

if TYPE_CHECKING:
    from textual.command import Provider

    from branchtui.storage.store import Store


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


def _commands() -> type[Provider]:
    # textual.command takes ~45 ms to import: not before the first frame.
    from branchtui.tui.commands import BranchCommands

    return BranchCommands


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


class BranchApp(KeyOrderApp):
    """党支部工作: one data folder, one branch."""

    CSS_PATH = "app.tcss"
    TITLE = "党支部工作"
    # Only our provider: Textual's system commands (Keys, Theme, Screenshot …) are in English.
    COMMANDS: ClassVar = {_commands}
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

    def __init__(
        self, data_dir: Path, today: dt.date | None = None, *, background: bool = False
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.fixed_today = today
        self.background = background  # read the data file after the first frame, in a thread
        self.store: Store | None = None
        self.open_problem = ""  # the store's Chinese message when the data file cannot be opened

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
        if not self.background:
            self._opened(self._read_store())
            return
        # The dashboard's frame first ("正在读取数据…"), then the file is read off the UI thread.
        self.pause_keys()
        self.switch_mode("dashboard")
        self.call_after_refresh(self._read_in_thread)

    def _read_in_thread(self) -> None:
        self.run_worker(self._read_store, thread=True, group="open", description="读取数据")

    def _read_store(self) -> Store | str:
        """The opened store with its snapshot decoded, or the store's message why it cannot be."""
        from branchtui.storage.store import Store

        try:
            store = Store.open(self.data_dir)
            store.snapshot()
        except StoreError as error:
            result: Store | str = error.message
        else:
            result = store
        if self.background:
            self.call_from_thread(self._opened, result)
        return result

    def _opened(self, result: Store | str) -> None:
        self.resume_keys()
        if isinstance(result, str):
            self.open_problem = result
            self.notify(result, title="无法打开数据", severity="error", timeout=30)
        else:
            self.store = result
            if result.notice:  # a newer program wrote the file: opened read-only, say why
                self.notify(result.notice, title="只读打开", severity="warning", timeout=30)
        if self.current_mode != "dashboard":
            self.switch_mode("dashboard")
        elif callable(reload := getattr(self.screen, "reload", None)):
            reload()

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
            from branchtui.tui.commands import BranchPalette

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


def build_app(
    data_dir: Path, *, today: dt.date | None = None, background: bool = False
) -> BranchApp:
    """The one factory used by the CLI, the tests and the snapshot apps.

    With ``background`` the first frame is painted before the data file is read (the CLI);
    without, the data is there when the app has mounted (tests and snapshots stay deterministic).
    """
    return BranchApp(data_dir, today=today, background=background)


def run_tui(data_dir: Path, today: dt.date | None = None) -> None:
    """Run the TUI on ``data_dir`` until the user quits."""
    build_app(data_dir, today=today, background=True).run()
