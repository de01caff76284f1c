"""民主评议 (LIFE-7, NAT-7): the appraisal of each year, whether every full member has a grade and
优秀 stays within its share; a new one or an amendment through the meeting wizard."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.appraisal import appraisal_gaps, excellent_cap
from branchtui.domain.dates import format_date
from branchtui.domain.meetings.prefill import Prefill
from branchtui.domain.obligations.base import Obligation
from branchtui.domain.records import Appraisal, Meeting
from branchtui.storage.minutes import SavedMeeting
from branchtui.tui.registry.life import APPRAISAL
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.footer import BranchFooter

COLUMNS = ("年度", "评议会议", "有评议结果", "优秀/上限", "情况")


class AppraisalScreen(DataScreen):
    """One row per year's appraisal, newest first."""

    AUTO_FOCUS = "#appraisal-table"
    SCREEN_ID = APPRAISAL.id
    BINDINGS: ClassVar[list[BindingType]] = APPRAISAL.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Appraisal] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(
            "每年年底或次年初开展一次（LIFE-7）；预备党员参加评议，不评定等次（NAT-7）",
            classes="filter-bar",
        )
        table: DataTable[str | Text] = DataTable(
            id="appraisal-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(*COLUMNS)
        yield table
        yield Static(
            "n 开展民主评议   e 修改   h 修改历史   Enter 查看会议记录", classes="list-status"
        )
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#appraisal-table", DataTable)

    def reload(self) -> None:
        self.sub_title = "民主评议"
        data = self.data
        self.shown = sorted(data.appraisals, key=lambda a: a.year, reverse=True)
        table = self.table
        table.clear()
        for a in self.shown:
            meeting = data.find("meetings", a.meeting_id) if a.meeting_id else None
            gaps = appraisal_gaps(a, data.members)
            cap = excellent_cap(a, data.members, self.profile)
            problems = []
            if gaps.missing or gaps.ungraded:
                problems.append(f"{len(gaps.missing) + len(gaps.ungraded)}人待评定")
            if gaps.graded_probationary:
                problems.append("预备党员被评定等次")
            if cap.exceeded:
                problems.append("优秀超比例")
            table.add_row(
                f"{a.year}年",
                format_date(meeting.date) if meeting else "（无会议记录）",
                str(len(a.results)),
                f"{cap.excellent}/{cap.cap}",
                Text("；".join(problems), style="red") if problems else Text("完整", style="green"),
                key=a.id,
            )

    def _selected_meeting(self) -> Meeting | None:
        row = self.table.cursor_row
        if not self.shown or not 0 <= row < len(self.shown):
            return None
        a = self.shown[row]
        return self.data.find("meetings", a.meeting_id) if a.meeting_id else None

    def _done(self, saved: SavedMeeting | None) -> None:
        self.reload()

    def settle(self, obligation: Obligation) -> None:
        from branchtui.tui.screens.wizards.meeting_start import settle_obligation

        settle_obligation(self, obligation, self._done)

    def action_new(self) -> None:
        from branchtui.tui.screens.wizards.meeting_start import start_new

        start_new(self, Prefill(("appraisal",), self.today), self._done)

    def action_amend(self) -> None:
        meeting = self._selected_meeting()
        if meeting is None:
            self.notify("没有选中的评议，或该评议没有会议记录", severity="warning")
            return
        from branchtui.tui.screens.wizards.meeting_start import start_amend

        start_amend(self, meeting, self._done)

    def action_view(self) -> None:
        meeting = self._selected_meeting()
        if meeting is None:
            return
        from branchtui.tui.screens.minutes_view import MinutesView

        self.app.push_screen(MinutesView(self.branch_app.data_dir, self.data, meeting))

    def action_versions(self) -> None:
        row = self.table.cursor_row
        if not self.shown or not 0 <= row < len(self.shown):
            self.notify("没有选中的评议", severity="warning")
            return
        appraisal = self.shown[row]
        if not appraisal.amendments:
            self.notify(f"{appraisal.year}年的评议记录没有修改过", timeout=4)
            return
        from branchtui.tui.screens.appraisal_versions import AppraisalVersionsView

        self.app.push_screen(AppraisalVersionsView(appraisal))

    @on(DataTable.RowSelected, "#appraisal-table")
    def _chosen(self) -> None:
        self.action_view()
