"""The 支部党员大会 a 支部大会讨论 record points to (NAT-1, DEV-3 票决制), for the step form.

The form links the meeting on file on the record's date by itself and takes its attendance
and tally; Ctrl+L picks one of the meetings on file instead (its date becomes the record's).
Without a meeting on the day the form warns (domain.development_order.vote_meeting_missing).
"""

from __future__ import annotations

from textual.screen import ModalScreen
from textual.widgets import Input, Select

from branchtui.domain.attendance import voters_on
from branchtui.domain.dates import DateParseError, format_date
from branchtui.domain.development_entry import StepEntry, general_meetings, meeting_vote
from branchtui.domain.development_steps import VOTE, Step, step_of
from branchtui.domain.records import BranchData, Candidate
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.step_saved import StepSaved
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.vote_tally import TALLY, fill_tally


class MeetingLink(ModalScreen[StepSaved | None]):
    """The step form's chosen step, its 票决 boxes and the meeting its vote was taken at."""

    data: BranchData
    candidate: Candidate
    entry: StepEntry
    meeting_id: str | None  # the meeting the saved record points to
    linked: str | None  # the meeting chosen with Ctrl+L

    @property
    def step(self) -> Step | None:
        chosen = self.query_one("#field-step", Select).value
        return step_of(chosen) if isinstance(chosen, str) else None

    @property
    def tally_boxes(self) -> dict[str, Input]:
        return {name: self.query_one(f"#field-{name}", Input) for name, _ in TALLY}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """关联会议 is offered (and shown in the Footer) for the 支部大会讨论 steps only."""
        if action == "link_meeting":
            step = self.step if self.is_mounted else None
            return step is not None and VOTE in step.needs
        return True

    def _vote_line(self, entry: StepEntry, notes: dict[str, str]) -> str:
        if entry.date is None:
            return ""
        if "vote" in notes:
            line = notes["vote"]
        else:
            entitled = len(voters_on(self.data.members, entry.date))
            line = f"应到会有表决权的正式党员{entitled}人（按名册）"
        if self.meeting_id:
            line += "；已关联当天的支部党员大会记录"
        return line

    def _prefill_vote(self) -> None:
        """A 支部党员大会 on the day on file gives its attendance and tally (NAT-1)."""
        try:
            day = self.query_one("#field-date", DateField).date
        except DateParseError:
            return
        if day is None:
            return
        meeting_id, vote = meeting_vote(self.data, self.candidate, day, self.linked)
        self.meeting_id = meeting_id or (self.entry.meeting_id if day == self.entry.date else None)
        if vote is not None:
            fill_tally(self.tally_boxes, vote)

    def action_link_meeting(self) -> None:
        """Pick a 支部党员大会 on file: the record takes its date, attendance and tally."""
        choices = general_meetings(self.data)
        if not choices:
            self.notify("尚无支部党员大会的会议记录，请先在会议中记录", title="关联会议")
            return

        def chosen(meeting_id: str | None) -> None:
            meeting = self.data.find("meetings", meeting_id) if meeting_id else None
            if meeting is None:
                return
            self.linked = meeting.id
            date_field = self.query_one("#field-date", DateField)
            date_field.value = format_date(meeting.date)  # re-checked as if typed
            self._prefill_vote()
            date_field.focus()

        self.app.push_screen(ChoicePrompt("关联支部党员大会", choices), chosen)
