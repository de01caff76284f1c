"""月度报告 (REP-1): each month's report — when it was produced and sent, by when it is due —
with the chosen month's report previewed as it will print.

The secretary writes 存在的问题 and 下月工作打算 (e), saves the file to reports/ (s), copies the
text to the desk's clipboard (c), and, once it went up, records the sent date (t): only that
settles REP-1; producing the file does not.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.dates import month_key
from branchtui.domain.obligations import Obligation
from branchtui.domain.records import MonthlyReport
from branchtui.domain.records.ledgers import MONTHLY_TEXTS
from branchtui.domain.report_common import by_text_key, parse_month_key
from branchtui.domain.report_monthly import monthly_report_log
from branchtui.storage.store import Store
from branchtui.tui.registry.reports import MONTHLY
from branchtui.tui.screens.dialogs import DatePrompt
from branchtui.tui.screens.report_base import PreviewScreen
from branchtui.tui.screens.texts_form import TextsForm, text_parts
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.report_preview import ReportPreview

COLUMNS = ("月份", "生成", "报送", "报送期限", "状态", "书记填写")
STATE_STYLES = {"逾期未报送": "bold red", "逾期报送": "yellow", "已报送": "green"}


def _label(month: str) -> str:
    start = parse_month_key(month)
    return f"{start.year}年{start.month}月"


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _where(store: Store, path: Path) -> str:
    """A report file as the secretary finds it: inside the data folder, from there."""
    try:
        return path.relative_to(store.data_dir).as_posix()
    except ValueError:
        return str(path)


class MonthlyReportScreen(PreviewScreen):
    """The months of one year, newest first; the highlighted month's report below."""

    AUTO_FOCUS = "#month-table"
    SCREEN_ID = MONTHLY.id
    BINDINGS: ClassVar[list[BindingType]] = MONTHLY.bindings()
    COPY_WHAT = "月度报告"

    def __init__(self) -> None:
        super().__init__()
        self.month = ""  # the chosen month, YYYY-MM
        self.months: list[str] = []  # the table's rows, newest first

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="monthly-info", classes="list-status", markup=False)
        table: DataTable[str | Text] = DataTable(id="month-table", cursor_type="row")
        table.add_columns(*COLUMNS)
        yield table
        yield ReportPreview(id="monthly-preview")
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#month-table", DataTable)

    def _record(self, month: str) -> MonthlyReport | None:
        return next((r for r in self.data.monthly_reports if r.month == month), None)

    def _default_month(self) -> str:
        """Last month while its report is not sent, else this month."""
        this = self.today.replace(day=1)
        last = (this - dt.timedelta(days=1)).replace(day=1)
        record = self._record(month_key(last))
        return month_key(last if record is None or record.sent is None else this)

    def settle(self, obligation: Obligation) -> None:
        """Open on the month the duty is about (REP-1 of 2026-10 → October 2026)."""
        if obligation.period_kind == "month" and obligation.period:
            self.choose(obligation.period)

    def choose(self, month: str) -> None:
        self.month = month
        self.year = int(month[:4])
        self.reload()

    def reload(self) -> None:
        self.sub_title = "月度工作报告"
        if not self.month:
            self.choose(self._default_month())
            return
        rows = monthly_report_log(self.data, self.year, self.today, self.profile)
        rows.reverse()
        self.months = [row["month"] for row in rows]
        table = self.table
        table.clear()
        for row in rows:
            record = self._record(row["month"])
            own = by_text_key(record.texts if record else None)
            filled = sum(1 for key in MONTHLY_TEXTS if own.get(key))
            table.add_row(
                row["month"],
                _day(row["generated"]),
                _day(row["sent"]),
                row["due"].isoformat(),
                Text(row["state"], style=STATE_STYLES.get(row["state"], "")),
                f"{filled}/{len(MONTHLY_TEXTS)}段",
                key=row["month"],
            )
        if not self.months:
            self.month = ""
            self.query_one("#monthly-info", Static).update(f"{self.year}年尚无可报告的月份")
            self.preview.say("")
            return
        if self.month not in self.months:
            self.month = self.months[0]
        table.move_cursor(row=self.months.index(self.month), animate=False)
        self._show_month()

    def _show_month(self) -> None:
        month = self.month
        record = self._record(month)
        own = by_text_key(record.texts if record else None)
        parts = "，".join(
            f"{label}{'已填' if own.get(key) else '未填'}" for key, label in MONTHLY_TEXTS.items()
        )
        self.query_one("#monthly-info", Static).update(
            f"{_label(month)}工作报告｜{parts}｜Tab 到预览"
        )
        store, today = self.store, self.today

        def render() -> str:
            # storage.reports (Jinja2 …) is imported here, in the worker, on first use: ~0.15 s
            # that opening the screen need not spend on the UI thread. Likewise below.
            from branchtui.storage.reports import render_monthly

            return render_monthly(store, month, today)

        self.render_preview(month, render)

    @on(DataTable.RowHighlighted, "#month-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = self.table.cursor_row
        if event.cursor_row != row or not 0 <= row < len(self.months):
            return  # a stale event of the table being refilled
        month = self.months[row]
        if month != self.month:
            self.month = month
            self._show_month()

    @on(DataTable.RowSelected, "#month-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.preview.focus()

    def _has_month(self) -> bool:
        if not self.month:
            self.notify("没有选中的月份", severity="warning", timeout=3)
        return bool(self.month)

    def action_edit(self) -> None:
        if not self._has_month():
            return
        month, store, today = self.month, self.store, self.today
        record = self._record(month)
        parts = text_parts(MONTHLY_TEXTS, record.texts if record else None)

        def save(typed: dict[str, str]) -> str:
            from branchtui.storage.reports import save_monthly_texts

            saved = save_monthly_texts(store, month, typed, today)
            done = f"已保存{_label(month)}工作报告中书记填写的部分"
            done += "".join(f"，已重新生成 {_where(store, p)}" for p in saved.rewritten)
            return done + "".join(f"；已报送的版本另存为 {_where(store, p)}" for p in saved.kept)

        intro = "未填写的部分，报告中写明记录反映的情况（逾期事项、下月计划）。"
        self.app.push_screen(TextsForm(f"{_label(month)}工作报告：书记填写", parts, save, intro))

    def action_save(self) -> None:
        if not self._has_month():
            return
        month, store, today = self.month, self.store, self.today

        def save() -> str:
            from branchtui.storage.reports import make_monthly_report

            written = make_monthly_report(store, month, today)
            where = _where(store, written.path)
            done = f"已保存{_label(month)}工作报告：{where}"
            if written.kept is not None:
                done += f"；已报送的版本另存为 {_where(store, written.kept)}"
            if written.record is None:
                return f"{done}（未登记：{written.notice}）"
            if written.record.sent is None and written.due is not None:
                done += f"；请于 {written.due.isoformat()} 前报送，报送后按 t 登记"
            return done

        self.run_job(save)

    def action_record_sent(self) -> None:
        from branchtui.storage.reports import sent_problem

        if not self._has_month():
            return
        month, store, today = self.month, self.store, self.today
        record = self._record(month)
        shown = record.sent if record and record.sent else None
        generated = record.generated if record else None

        def recorded(day: dt.date | None) -> None:
            if day is None:
                return

            def save() -> str:
                from branchtui.storage.reports import record_sent

                record_sent(store, month, day, today)
                return f"已登记{_label(month)}工作报告于 {day.isoformat()} 报送上级党委"

            self.run_job(save, "未登记")

        prompt = DatePrompt(
            f"{_label(month)}工作报告的报送日期",
            today,
            shown,
            check=lambda day: sent_problem(month, day, today, generated),
        )
        self.app.push_screen(prompt, recorded)
