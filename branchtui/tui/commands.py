"""The command palette (Ctrl+P): every screen and action, named "区域：动作"."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.command import (
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    SearchIcon,
)
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from branchtui.tui.app import BranchApp

# App-wide entries: (title, help, app action).
APP_ENTRIES: list[tuple[str, str, str]] = [
    ("通用：按键帮助", "列出当前界面可用的按键", "help"),
    ("通用：刷新数据", "重新读取数据文件（其他人刚保存过时）", "reload"),
    ("通用：退出", "退出程序（Ctrl+Q）", "quit"),
]
# (title, help, mode, screen action or None to just switch)
ENTRIES: list[tuple[str, str, str, str | None]] = [
    ("切换到：待办事项", "逾期、本月、本季度、本年度应办事项与年度进度", "dashboard", None),
    ("切换到：支部概况", "支部基本情况与组织体系指标", "home", None),
    ("切换到：党员名册", "全部党员，可搜索筛选", "roster", None),
    ("切换到：党小组", "党小组设置与组长", "groups", None),
    ("切换到：支委会", "本届任期、委员与空缺", "committee", None),
    ("待办事项：查看详情", "选中事项的原因、相关记录和党员，并办理", "dashboard", "open"),
    ("待办事项：前一天", "查看前一天的待办", "dashboard", "shift_days(-1)"),
    ("待办事项：后一天", "查看后一天的待办", "dashboard", "shift_days(1)"),
    ("待办事项：上个月", "查看上个月同一天的待办", "dashboard", "shift_months(-1)"),
    ("待办事项：下个月", "查看下个月同一天的待办", "dashboard", "shift_months(1)"),
    ("待办事项：回到今天", "查看今天的待办", "dashboard", "back_to_today"),
    ("待办事项：查看某一天", "输入日期，查看那一天的待办", "dashboard", "choose_date"),
    ("待办事项：筛选", "按状态或方面筛选", "dashboard", "choose_filter"),
    ("待办事项：年度进度", "支委会、党员大会、集中学习等进度", "dashboard", "toggle_progress"),
    ("待办事项：已完成事项", "展开或收起已完成的事项", "dashboard", "toggle_done"),
    ("名册：新增党员", "登记一名党员", "roster", "add"),
    ("名册：编辑党员", "修改选中党员的信息", "roster", "edit"),
    ("名册：移除党员", "转出、去世等，保留为历史记录", "roster", "remove"),
    ("名册：搜索", "按姓名、拼音或首字母搜索", "roster", "search"),
    ("名册：按党小组筛选", "轮换党小组筛选", "roster", "filter_group"),
    ("名册：按状态筛选", "正式党员 / 预备党员", "roster", "filter_status"),
    ("名册：显示历史", "显示或隐藏已移除的党员", "roster", "toggle_history"),
    ("党小组：新建党小组", "建立一个党小组", "groups", "add"),
    ("党小组：改名", "修改选中党小组的名称", "groups", "rename"),
    ("党小组：指定组长", "为选中党小组指定组长", "groups", "leader"),
    ("党小组：分配党员", "把党员编入选中的党小组", "groups", "assign"),
    ("支委会：任命委员", "为一个职务指定人选，填补空缺", "committee", "assign"),
    ("支委会：委员出缺", "选中职务出缺，登记空缺日期", "committee", "vacate"),
    ("支委会：登记延期批准", "上级批准延期换届（不超过1年）", "committee", "extend"),
    ("支委会：换届", "开始新一届任期", "committee", "new_term"),
]


class BranchCommands(Provider):
    """Screens and actions of branchtui, for the command palette."""

    def _run(self, mode: str, action: str | None) -> None:
        app: BranchApp = self.app  # type: ignore[assignment]
        if app.store is None:
            app.notify("请先完成初始化", severity="warning")
        elif action is None:
            app.switch_mode(mode)
        else:
            app.run_worker(app.run_screen_action(mode, action), exclusive=True, group="palette")

    def _run_app(self, action: str) -> None:
        self.app.run_worker(self.app.run_action(action), exclusive=True, group="palette")

    def _hits(self) -> list[tuple[str, str, Any]]:
        general = [(t, h, partial(self._run_app, a)) for t, h, a in APP_ENTRIES]
        if getattr(self.app, "store", None) is None:
            # During set-up only help and quit can run; offering the rest would only refuse.
            return [hit for hit in general if hit[0] != "通用：刷新数据"]
        return [(t, h, partial(self._run, m, a)) for t, h, m, a in ENTRIES] + general

    async def discover(self) -> Hits:
        for title, help_text, callback in self._hits():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._hits():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


class BranchPalette(CommandPalette):
    """Textual's command palette with its texts in Chinese and no emoji."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(placeholder="输入功能名称查找（如：新增党员）", id=id)

    def on_mount(self) -> None:
        # The default 🔎 is an emoji: two cells in some terminals, one in others.
        self.query_one(SearchIcon).icon = "找"

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own version writes "No matches found"; the same, in Chinese.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text("没有找到匹配的功能", style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
