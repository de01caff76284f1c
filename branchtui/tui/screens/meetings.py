"""会议记录 (LIFE-1…9, NAT-1/2): the saved records, newest first, by kind, month and group; new
records by kind through the wizard, amendments (the earlier version kept, shown with what
changed in 修改历史), deletion after a confirmation; a dashboard obligation opens its wizard
prefilled."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.dates import add_months, format_date, month_key
from branchtui.domain.meetings.edits import find_meetings
from branchtui.domain.meetings.roll import headcount
from branchtui.domain.meetings.titles import meeting_subject
from branchtui.domain.obligations.base import Obligation
from branchtui.domain.records import Meeting
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.storage.errors import StoreError
from branchtui.storage.minutes import SavedMeeting
from branchtui.tui.registry.life import MEETINGS
from branchtui.tui.saving import ask_delete
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.wizards.meeting_steps.base import SHORT_KINDS
from branchtui.tui.text import cut_at_safe_point, terminal_safe
from branchtui.tui.widgets.footer import BranchFooter

# (title, cells): 77 cells with the padding, so the list fits 80 columns.
COLUMNS = (("日期", 10), ("类型", 12), ("主题", 28), ("应到/实到", 9), ("记录人", 8))
DELETE_CHOICES = {"keep": "不删除", "delete": "删除该记录及其会议记录文件（备份中仍保留）"}


def kinds_text(meeting: Meeting) -> str:
    """``支委会`` or ``主题党日+党课`` (LIFE-9: what else the record counts as)."""
    return "+".join(SHORT_KINDS.get(k, k) for k in meeting.kinds)


class MeetingsScreen(DataScreen):
    """The meeting records of the branch."""

    AUTO_FOCUS = "#meeting-table"
    SCREEN_ID = MEETINGS.id
    BINDINGS: ClassVar[list[BindingType]] = MEETINGS.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.kind: str | None = None
        self.month: str | None = None
        self.group_id: str | None = None
        self.shown: list[Meeting] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="meeting-filters", classes="filter-bar", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="meeting-table", cursor_type="row", zebra_stripes=True
        )
        for title, width in COLUMNS:
            table.add_column(title, width=width)
        yield table
        yield Static(id="meeting-count", classes="list-status", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#meeting-table", DataTable)

    def reload(self) -> None:
        self.sub_title = "会议记录"
        data = self.data
        selected = self.selected
        self.shown = find_meetings(data, kind=self.kind, month=self.month, group_id=self.group_id)
        table = self.table
        table.clear()
        for m in self.shown:
            count = headcount(m, data)
            recorder = data.find("members", m.recorder_id) if m.recorder_id else None
            table.add_row(
                format_date(m.date),
                cut_at_safe_point(kinds_text(m), 12),
                Text(cut_at_safe_point(terminal_safe(meeting_subject(m)), 28)),
                f"{count.expected}/{count.present}",
                recorder.name if recorder is not None else Text("未指定", style="red"),
                key=m.id,
            )
        if selected is not None and selected.id in [m.id for m in self.shown]:
            table.move_cursor(row=[m.id for m in self.shown].index(selected.id))
        self._show_status()

    def _show_status(self) -> None:
        parts = [f"类型：{MEETING_KINDS[self.kind]}" if self.kind else "全部类型"]
        parts.append(f"月份：{self.month}" if self.month else "全部月份")
        if self.group_id is not None:
            group = self.data.find("groups", self.group_id)
            parts.append(f"党小组：{group.name if group else '（已删除）'}")
        self.query_one("#meeting-filters", Static).update("  ".join(parts))
        from branchtui.tui.screens.wizards.meeting_start import drafts_of

        drafts = drafts_of(self)
        tail = f"   未完成的草稿 {len(drafts)} 份（按 c 继续）" if drafts else ""
        self.query_one("#meeting-count", Static).update(
            f"共 {len(self.shown)} 条记录   n 新建  e 修改  Enter 查看  h 修改历史{tail}"
        )

    @property
    def selected(self) -> Meeting | None:
        try:
            table = self.table
        except Exception:
            return None
        row = table.cursor_row
        return self.shown[row] if self.shown and 0 <= row < len(self.shown) else None

    # Opening the wizard -----------------------------------------------------------------

    def _done(self, saved: SavedMeeting | None) -> None:
        self.reload()
        if saved is not None and saved.meeting.id in [m.id for m in self.shown]:
            self.table.move_cursor(row=[m.id for m in self.shown].index(saved.meeting.id))

    def settle(self, obligation: Obligation) -> None:
        """Open the wizard the dashboard's obligation asks for, prefilled."""
        from branchtui.tui.screens.wizards.meeting_start import settle_obligation

        if not settle_obligation(self, obligation, self._done):
            self.notify(f"{obligation.rule}不需要会议记录办理", timeout=5)

    def action_new(self) -> None:
        from branchtui.tui.screens.wizards.meeting_start import choose_and_start

        choose_and_start(self, self._done)

    def action_amend(self) -> None:
        meeting = self.selected
        if meeting is None:
            self.notify("没有选中的会议记录", severity="warning")
            return
        from branchtui.tui.screens.wizards.meeting_start import start_amend

        start_amend(self, meeting, self._done)

    def action_versions(self) -> None:
        """修改历史 (SYS-3, SYS-4): the record's versions; a message when it has only one."""
        meeting = self.selected
        if meeting is None:
            self.notify("没有选中的会议记录", severity="warning")
            return
        if not meeting.amendments:
            self.notify("该记录没有修改过", title="修改历史", timeout=5)
            return
        from branchtui.tui.screens.meeting_versions import MeetingVersionsView

        what = f"{format_date(meeting.date)} {kinds_text(meeting)} {meeting_subject(meeting)}"
        data_dir = self.branch_app.data_dir
        self.app.push_screen(MeetingVersionsView(data_dir, self.data, meeting, what))

    def action_view(self) -> None:
        meeting = self.selected
        if meeting is None:
            return
        from branchtui.tui.screens.minutes_view import MinutesView

        self.app.push_screen(MinutesView(self.branch_app.data_dir, self.data, meeting))

    @on(DataTable.RowSelected, "#meeting-table")
    def _row_chosen(self) -> None:
        self.action_view()

    def action_delete(self) -> None:
        meeting = self.selected
        if meeting is None:
            return

        what = f"{format_date(meeting.date)} {kinds_text(meeting)} {meeting_subject(meeting)}"
        question = f"删除：{terminal_safe(what)}？"

        def delete() -> None:
            self._delete(meeting.id, meeting.rev)

        ask_delete(self, self.data, (Meeting.TABLE, meeting.id), question, DELETE_CHOICES, delete)

    @work(thread=True, exclusive=True, group="meeting-delete", description="删除会议记录")
    def _delete(self, meeting_id: str, rev: int) -> None:
        from branchtui.storage.minutes import delete_meeting

        try:
            delete_meeting(self.store, meeting_id, rev)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, error.message, title="未删除", severity="error", timeout=10
            )
            return
        self.app.call_from_thread(self._committed, "已删除该会议记录（备份中仍保留）")

    def action_drafts(self) -> None:
        from branchtui.storage.drafts import load_draft
        from branchtui.tui.screens.wizards.meeting_start import (
            describe_draft,
            drafts_of,
            open_work,
            work_of_draft,
        )

        drafts = drafts_of(self)
        if not drafts:
            self.notify("没有未完成的草稿", timeout=3)
            return

        def chosen(key: str | None) -> None:
            if key is None:
                return
            try:
                draft = load_draft(self.branch_app.data_dir, key)
            except StoreError as error:
                self.notify(error.message, severity="warning")
                return
            if draft is not None:
                open_work(self, work_of_draft(draft), self._done, draft.step)

        choices = {d.key: describe_draft(d) for d in drafts}
        self.app.push_screen(ChoicePrompt("继续哪一份草稿", choices), chosen)

    # Filters --------------------------------------------------------------------------

    def action_filter_kind(self) -> None:
        choices: list[str | None] = [None, *MEETING_KINDS]
        self.kind = choices[(choices.index(self.kind) + 1) % len(choices)]
        self.reload()

    def action_filter_group(self) -> None:
        choices: list[str | None] = [None, *(g.id for g in self.data.groups)]
        index = choices.index(self.group_id) if self.group_id in choices else 0
        self.group_id = choices[(index + 1) % len(choices)]
        self.reload()

    def action_shift_month(self, months: int) -> None:
        """The first press shows this month; then one month back or on."""
        if self.month is None:
            self.month = month_key(self.today)
        else:
            first = dt.date(int(self.month[:4]), int(self.month[5:7]), 1)
            self.month = month_key(add_months(first, months))
        self.reload()

    def action_all_months(self) -> None:
        self.month = None
        self.reload()
