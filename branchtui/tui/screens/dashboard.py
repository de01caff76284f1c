"""待办事项: the obligations of RULES.md at a date, overdue first, with the year's progress.

The engine runs in a thread worker (it takes 100 ms and more on a big branch) and posts its
result as a message; a result for a date no longer shown is dropped. Today's result is kept in
the user's cache (storage.duties_cache): the next start shows it in its first frame, before the
data file is read, when nothing it was computed from has changed — and it is not computed again
while that holds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.widgets import Header, Static

from branchtui.domain.dates import RANGE_TEXT, add_months, format_date, in_supported_range
from branchtui.domain.obligations import STATUS_LABELS, Obligation
from branchtui.domain.obligations.catalogue import FAMILIES
from branchtui.domain.profile import Profile
from branchtui.domain.progress import progress_rows
from branchtui.storage.duties_cache import data_stamp, duties_key
from branchtui.tui.obligations import (
    Computed,
    ObligationsComputed,
    cached_obligations,
    compute_obligations,
    remember_obligations,
)
from branchtui.tui.registry.dashboard import DASHBOARD
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.progress_view import ProgressView

if TYPE_CHECKING:
    from branchtui.domain.records import BranchData

WEEKDAYS = "一二三四五六日"
# Below this width the progress view is hidden until asked for, and then sits under the list.
WIDE = 110
FILTER_CHOICES = {
    "all": "全部事项",
    **{
        f"status:{s}": f"状态：{STATUS_LABELS[s]}"
        for s in ("overdue", "due", "warning", "upcoming")
    },
    **{f"area:{k}": f"方面：{v}（{k}）" for k, v in FAMILIES.items()},
}


class DashboardScreen(DataScreen):
    """The home screen: what is overdue and due at the date viewed, and how the year goes."""

    AUTO_FOCUS = "#obligation-list"
    SCREEN_ID = DASHBOARD.id
    BINDINGS: ClassVar[list[BindingType]] = DASHBOARD.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.viewed: dt.date | None = None
        self.obligations: list[Obligation] = []
        self.filter_key = "all"
        self.show_done = False
        self.progress_chosen: bool | None = None
        self.request = 0
        self.estimated = False
        self.problem_shown = ""
        self.result_profile: Profile | None = None  # the profile the list shown was judged by
        self.shown_key = ""  # what the list shown was computed from (duties_cache.duties_key)
        self.warmed = False
        self.waiting_ahead = False  # for the child forked at launch (storage.duties_ahead)

    def compose(self) -> ComposeResult:
        # Laid out for the width from the start (on_resize follows later changes): the first
        # frame neither lays out nor styles the progress view twice.
        narrow = self.app.size.width < WIDE
        self.set_class(narrow, "-narrow", update=False)
        yield Header(icon="*")
        yield Static(id="dash-info")
        yield Static(id="dash-filter-bar", classes="filter-bar")
        with Horizontal(id="dash-body"):
            yield ObligationList(id="obligation-list")
            progress = ProgressView(id="dash-progress", classes="panel")
            progress.display = not narrow
            yield progress
        yield BranchFooter()

    @property
    def on_date(self) -> dt.date:
        return self.viewed or self.today

    # Loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.sub_title = "待办事项"
        if self.branch_app.store is None:
            self._show_opening()
            return
        folder, on = self.branch_app.data_dir, self.on_date
        before = data_stamp(folder)
        data = self.data
        # Equal stamps around the snapshot prove it is of that file: only then is it cached.
        key = duties_key(folder, before, on) if before and data_stamp(folder) == before else ""
        if key and key == self.shown_key:
            self._show_info()  # computed from exactly this: the same list again
            self._warm_up_once()
            return
        self.request += 1
        if self.obligations or self.branch_app.open_problem:
            self._show_info(computing=True)  # (the opening frame says the data is being read)
        if on == self.today and self._wait_for_ahead():
            return  # the child forked at launch is computing exactly these
        self._compute(self.request, data, on, folder, key if on == self.today else "")

    @work(thread=True, exclusive=True, group="obligations", description="计算待办事项")
    def _compute(self, request: int, data: BranchData, on: dt.date, folder: Path, key: str) -> None:
        # The same computation as `branchtui todo`: profile, calendar.toml, date.
        self.post_message(ObligationsComputed(request, compute_obligations(folder, data, on, key)))

    @work(thread=True, group="duties-cache", description="保存待办缓存")
    def _remember(self, result: Computed) -> None:
        remember_obligations(self.branch_app.data_dir, result)

    def _warm_up_once(self) -> None:
        # What search needs (pinyin) loads once the duties are on screen, not to delay them.
        if not self.warmed and self.branch_app.store is not None:
            self.warmed = True
            self.call_after_refresh(self.branch_app.warm_up)

    def _wait_for_ahead(self) -> bool:
        """True when today's duties are being computed by the child forked at launch: they
        are shown from the cache once it is done (or computed here, if it kept nothing)."""
        ahead = self.branch_app.duties_ahead
        if ahead is None:
            return False
        if not self.waiting_ahead:
            self.waiting_ahead = True
            ahead.listeners.append(self._ahead_done)
        return True

    def _ahead_done(self) -> None:
        self.waiting_ahead = False
        if self.on_date != self.today or self.shown_key:
            return  # another date is viewed, or the list shown was computed here meanwhile
        if not self._show_cached() and self.branch_app.store is not None:
            self.reload()  # not kept, or of a file that has changed since: computed here

    def _show_cached(self) -> bool:
        """Today's duties from the cache, before the data file is read; False on a miss."""
        cached = cached_obligations(self.branch_app.data_dir, self.on_date)
        if cached is None:
            return False
        self.request += 1
        self._computed(ObligationsComputed(self.request, cached))  # drawn now: the first frame
        return True

    @on(ObligationsComputed)
    def _computed(self, message: ObligationsComputed) -> None:
        if message.request != self.request:
            return  # the user has moved on to another date meanwhile
        result = message.result
        if result.problem and result.problem != self.problem_shown:
            self.problem_shown = result.problem  # said once, not on every move of the date
            self.notify(result.problem, title="注意", severity="warning", timeout=10)
        self.obligations = result.obligations
        self.estimated = result.estimated
        if result.profile is not None:
            self.result_profile = result.profile
        if result.key and result.key != self.shown_key and not result.kept:
            # Kept after this frame is drawn: the next start shows it in its first frame.
            self.call_after_refresh(lambda: self._remember(result))
        self.shown_key = result.key
        self._warm_up_once()
        self._show_info()
        self._show_list()
        rows = progress_rows(result.obligations, result.on)
        self.query_one(ProgressView).show(rows, result.on.year)

    # Drawing -----------------------------------------------------------------------------

    def _show_info(self, computing: bool = False) -> None:
        day, today = self.on_date, self.today
        first = f"[b]查看日期：{format_date(day)} 星期{WEEKDAYS[day.weekday()]}[/b]"
        first += "（今天）" if day == today else ""
        profile = self.result_profile or self.profile
        first += f"  规则配置：{escape(profile.label)}"
        if computing:
            second = "正在计算待办事项"
        else:
            counts = {s: sum(1 for ob in self.obligations if ob.status == s) for s in STATUS_LABELS}
            shown = ("overdue", "due", "warning", "upcoming", "met")
            second = "  ".join(f"{STATUS_LABELS[s]} {counts[s]}" for s in shown)
        if day != today:
            second += f"  按 t 回到今天（{format_date(today)}）"
        if self.estimated and not computing:
            second += f"  [yellow]{day.year}年节假日安排为估算[/yellow]"
        self.query_one("#dash-info", Static).update(f"{first}\n{second}")

    def _show_opening(self) -> None:
        # The frame is painted before the data file is read (a big file takes seconds).
        day = self.on_date
        first = f"[b]查看日期：{format_date(day)} 星期{WEEKDAYS[day.weekday()]}[/b]"
        problem = self.branch_app.open_problem
        if problem:
            # The date means nothing without data: the way out (b) takes the first line.
            first = "[b red]无法打开数据[/b red]  按 b 打开「数据备份与恢复」，检查或从备份恢复"
            second = escape(problem)
        elif self.shown_key or (day == self.today and self._show_cached()):
            return  # today's duties, as computed before from the same file, are shown
        else:
            if day == self.today:
                self._wait_for_ahead()
            second = f"正在读取数据…  数据目录：{escape(str(self.branch_app.data_dir))}"
        self.query_one("#dash-info", Static).update(f"{first}\n{second}")

    def _keep(self, ob: Obligation) -> bool:
        kind, _, value = self.filter_key.partition(":")
        if kind == "status":
            return ob.status == value
        if kind == "area":
            return ob.rule.split("-")[0] == value
        return True

    def _show_list(self) -> None:
        bar = self.query_one("#dash-filter-bar", Static)
        bar.display = self.filter_key != "all"
        bar.update(f"筛选：{FILTER_CHOICES[self.filter_key]}（按 f 更改）")
        self.query_one(ObligationList).show(
            self.obligations, self.on_date, show_done=self.show_done, keep=self._keep
        )

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < WIDE
        self.set_class(narrow, "-narrow")
        shown = self.progress_chosen if self.progress_chosen is not None else not narrow
        self.query_one(ProgressView).display = shown

    # Actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        unopened = self.branch_app.store is None and bool(self.branch_app.open_problem)
        if action == "recover_data":  # only while the data file cannot be opened
            return unopened
        # Nor are there duties to look at then: the Footer, F1 and the palette offer b alone.
        return not unopened

    def action_recover_data(self) -> None:
        """b while the data file cannot be opened: the backups, on top of the dashboard (the
        task areas need the data, so it is not opened in its own area's menu)."""
        from branchtui.tui.screens.data_tools import DataToolsScreen

        if self.branch_app.store is None and self.branch_app.open_problem:
            self.app.push_screen(DataToolsScreen())

    def _view(self, day: dt.date) -> None:
        if not in_supported_range(day):
            self.notify(f"无法查看该日：{RANGE_TEXT}", severity="warning")
            return
        self.viewed = None if day == self.today else day
        self.reload()

    def action_shift_days(self, days: int) -> None:
        try:
            self._view(self.on_date + dt.timedelta(days=days))
        except OverflowError:
            self._view(dt.date.max)

    def action_shift_months(self, months: int) -> None:
        self._view(add_months(self.on_date, months))

    def action_back_to_today(self) -> None:
        self._view(self.today)

    def action_choose_date(self) -> None:
        def chosen(day: dt.date | None) -> None:
            if day is not None:
                self._view(day)

        self.app.push_screen(DatePrompt("查看哪一天的待办事项", self.today, self.on_date), chosen)

    def action_choose_filter(self) -> None:
        def chosen(key: str | None) -> None:
            if key is not None:
                self.filter_key = key
                self._show_list()

        self.app.push_screen(ChoicePrompt("按状态或方面筛选", FILTER_CHOICES), chosen)

    def action_toggle_progress(self) -> None:
        view = self.query_one(ProgressView)
        self.progress_chosen = not view.display
        view.display = self.progress_chosen

    def action_toggle_done(self) -> None:
        self.show_done = not self.show_done
        self._show_list()

    def action_open(self) -> None:
        ob = self.query_one(ObligationList).highlighted_obligation
        if ob is not None:
            self._open_detail(ob)

    @on(ObligationList.Opened)
    def _opened(self, message: ObligationList.Opened) -> None:
        self._open_detail(message.obligation)

    def _open_detail(self, ob: Obligation) -> None:
        from branchtui.tui.screens.obligation_detail import ObligationDetail

        estimated_year = self.on_date.year if self.estimated else None
        self.app.push_screen(ObligationDetail(ob, self.data, estimated_year), self._settle)

    def _settle(self, target: tuple[str, Obligation] | None) -> None:
        if target is not None:
            self.branch_app.settle(*target)
