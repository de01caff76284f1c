"""The App: modes per task area, global keys, the factory used by the CLI, tests and snapshots."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.keys import format_key
from textual.screen import Screen

from branchtui.domain.profile import Profile, get_profile
from branchtui.storage import locations
from branchtui.storage.errors import StoreError
from branchtui.tui.css_parsed import share_parsed_stylesheets
from branchtui.tui.input_repaint import repaint_inputs_only
from branchtui.tui.navigation import NavigatingApp
from branchtui.tui.registry import APP_ACTIONS, AREA_BY_ID, AREAS, area_actions

if TYPE_CHECKING:
    from textual.command import Provider

    from branchtui.domain.records import BranchData
    from branchtui.storage.duties_ahead import DutiesAhead
    from branchtui.storage.store import Store


def _area(area_id: str) -> Callable[[], Screen]:
    """The root screen of an area's mode: the dashboard, or the area's menu (imported lazily)."""

    def build() -> Screen:
        if area_id == "dashboard":
            from branchtui.tui.screens.dashboard import DashboardScreen

            # Built as the app composes (DEFAULT_MODE): the one re-parse of the stylesheets
            # Textual does for it then is what applies the theme's variables (marked up to
            # date, its info line was drawn dark on dark). Not marked.
            return DashboardScreen()
        from branchtui.tui.screens.area_menu import area_menu

        screen = area_menu(AREA_BY_ID[area_id])
        # A menu shown later is styled as its widgets mount, by the stylesheet as it is (it
        # brings no CSS of its own): Textual would re-parse every stylesheet for it twice on
        # the mode switch (~25 ms each): marked up to date.
        screen._css_update_count = screen.app._css_update_count
        return screen

    return build


def _commands() -> type[Provider]:
    # textual.command takes ~45 ms to import: not before the first frame.
    from branchtui.tui.commands import BranchCommands

    return BranchCommands


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
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "space": "空格",
}


class BranchApp(NavigatingApp):
    """党支部工作: one data folder, one branch."""

    CSS_PATH = "app.tcss"
    TITLE = "党支部工作"
    # Only our provider: Textual's system commands (Keys, Theme, Screenshot …) are in English.
    COMMANDS: ClassVar = {_commands}
    MODES: ClassVar = {area.id: _area(area.id) for area in AREAS}
    # The app starts on the dashboard: no blank default screen is composed, styled and laid
    # out first, and no mode switch comes before the first frame.
    DEFAULT_MODE: ClassVar[str] = "dashboard"
    BINDINGS: ClassVar[list[BindingType]] = [
        action.binding() for action in (*APP_ACTIONS, *area_actions())
    ]

    def __init__(
        self,
        data_dir: Path,
        today: dt.date | None = None,
        *,
        background: bool = False,
        duties_ahead: DutiesAhead | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.fixed_today = today
        self.background = background  # read the data file after the first frame, in a thread
        # The child forked at launch computing today's duties into the cache, while it runs.
        self.duties_ahead = duties_ahead
        self.store: Store | None = None
        self.open_problem = ""  # the store's Chinese message when the data file cannot be opened
        self.shown_day = self.today
        self.error_lines: list[str] = []  # what the user was told of caught program errors

    @property
    def today(self) -> dt.date:
        # Asked each time: a session left open past midnight shows the new day's duties.
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
        return not (action in ("switch_mode", "go_area", "reload") and self.store is None)

    def on_mount(self) -> None:
        self.set_interval(30, self.check_new_day, name="new-day")
        if not self.is_headless:
            # Textual leaves SIGHUP to its default (the process dies at once): a dropped SSH
            # session would lose what the step on screen holds.
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(signum, self.hang_up, signum)
        self._watch_duties_ahead()
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
            # A damaged file: the problem without the CLI's advice (restore is the dashboard's b).
            problem = getattr(error, "problem", None)
            result: Store | str = (
                f"数据文件已损坏：{problem}。文件未被改动。" if problem else error.message
            )
        else:
            result = store
        if self.background:
            self.call_from_thread(self._opened, result)
        return result

    def _opened(self, result: Store | str) -> None:
        self.resume_keys()
        if isinstance(result, str):
            self.open_problem = result
            self.refresh_bindings()  # the dashboard's b (数据备份与恢复) is shown now
            self.notify(result, title="无法打开数据", severity="error", timeout=30)
        else:
            self.store = result
            self.refresh_bindings()  # the area keys are enabled now
            # warm_up: called by the dashboard once its duties are drawn (not to delay them)
            if result.notice:  # a newer program wrote the file: opened read-only, say why
                self.notify(result.notice, title="只读打开", severity="warning", timeout=30)
        if self.current_mode != "dashboard":
            self.switch_mode("dashboard")
        elif self.screen.is_mounted and callable(reload := getattr(self.screen, "reload", None)):
            reload()  # (not mounted yet: it loads once it is shown)

    def open_data_again(self) -> None:
        """The data file that could not be opened was put back from a backup: open it now."""
        self.open_problem = ""
        self._open_store()

    def _watch_duties_ahead(self) -> None:
        ahead = self.duties_ahead
        if ahead is None:
            return
        from branchtui.storage.duties_ahead import PATIENCE_SECONDS

        def readable() -> None:
            if ahead.read():
                self._duties_ahead_done()

        asyncio.get_running_loop().add_reader(ahead.fd, readable)
        self.set_timer(PATIENCE_SECONDS, lambda: self._duties_ahead_done(give_up=True))

    def _duties_ahead_done(self, *, give_up: bool = False) -> None:
        """The child has ended (or is given up): whoever waited for it looks at the cache."""
        ahead, self.duties_ahead = self.duties_ahead, None
        if ahead is None:
            return
        with contextlib.suppress(ValueError, OSError):
            asyncio.get_running_loop().remove_reader(ahead.fd)
        ahead.finish(give_up=give_up)

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

    async def action_quit(self) -> None:
        """Ctrl+Q: at once, or after asking when typed input is open (tui/leaving.py)."""
        from branchtui.tui.leaving import quit_asking

        quit_asking(self)

    def hang_up(self, signum: int) -> None:
        """The terminal is gone (a dropped SSH session): drafts kept, then the app ends."""
        from branchtui.tui.leaving import hang_up

        hang_up(self)

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

    def warm_up(self) -> None:
        """After the first screen is drawn, load what the palette and search need (pinyin)."""
        self.run_worker(_load_pinyin, thread=True, group="warm-up", description="准备拼音检索")

    def check_new_day(self) -> None:
        """After midnight, redraw the screen shown (others redraw when next shown)."""
        if self.today == self.shown_day:
            return
        self.shown_day = self.today
        if self.store is not None and callable(reload := getattr(self.screen, "reload", None)):
            reload()

    # Errors -------------------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """A program error: written to ``<data>/logs/`` without local variables, told in one
        Chinese line. A failed worker (a save, a computation) leaves the app running; any
        other error may have stopped a widget, so the app closes, saying why."""
        from textual.worker import WorkerFailed

        from branchtui.storage.crash_log import crash_line, write_crash_log

        cause = error.error if isinstance(error, WorkerFailed) else error
        line = crash_line(cause, write_crash_log(cause, [], str(self.data_dir)))
        self.error_lines.append(line)
        if isinstance(error, WorkerFailed) and self.is_running:
            self.notify(line, title="出错了", severity="error", timeout=30)
            return
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it in tests
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(Text(line))
        self._close_messages_no_wait()


def _load_pinyin() -> None:
    from branchtui.domain.search import name_readings

    name_readings("党支部")


def build_app(
    data_dir: Path,
    *,
    today: dt.date | None = None,
    background: bool = False,
    duties_ahead: DutiesAhead | None = None,
) -> BranchApp:
    """The one factory used by the CLI, the tests and the snapshot apps.

    With ``background`` the first frame is painted before the data file is read (the CLI);
    without, the data is there when the app has mounted (tests and snapshots stay deterministic).
    ``duties_ahead``: the child computing today's duties, forked at launch (storage.duties_ahead).
    """
    repaint_inputs_only()
    share_parsed_stylesheets()
    return BranchApp(data_dir, today=today, background=background, duties_ahead=duties_ahead)


def run_tui(
    data_dir: Path, today: dt.date | None = None, duties_ahead: DutiesAhead | None = None
) -> int:
    """Run the TUI on ``data_dir`` until the user quits; the exit code (1 after a program error).

    ``today`` fixes the date (BRANCHTUI_TODAY); without it the date follows the clock.
    """
    app = build_app(data_dir, today=today, background=True, duties_ahead=duties_ahead)
    app.run()
    return app.return_code or 0
