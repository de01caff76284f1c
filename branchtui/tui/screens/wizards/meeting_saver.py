"""The meeting wizard's review and save: the whole record checked, the minutes rendered off the
UI thread exactly as they will be written (with the duties the record settles and the defects
an inspection would find), and Ctrl+S saving them in one commit, or saying why it did not."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.checks import Defect, appraisal_defects, meeting_defects
from branchtui.domain.meetings.settles import settled_by, with_record
from branchtui.domain.meetings.titles import minutes_caption
from branchtui.domain.meetings.votes import decision_problems
from branchtui.domain.obligations.base import Obligation
from branchtui.domain.records import Appraisal, Attachment, Meeting
from branchtui.domain.validation import validate
from branchtui.storage.drafts import DraftError
from branchtui.storage.errors import ConflictError, StoreError
from branchtui.storage.minutes import MinutesError, PreparedMeeting, SavedMeeting
from branchtui.tui.screens.wizards.meeting_steps.base import step_for_field
from branchtui.tui.screens.wizards.meeting_steps.review import ReviewStep
from branchtui.tui.text import terminal_safe

if TYPE_CHECKING:
    from branchtui.tui.screens.wizards.meeting import MeetingWizard


class MeetingSaver:
    """What the wizard's review step shows and what Ctrl+S saves; ``prepared`` is the record
    and minutes ready to save (None while they are made, or when the record has a problem)."""

    def __init__(self, wizard: MeetingWizard) -> None:
        self.wizard = wizard
        self.prepared: PreparedMeeting | None = None
        self.saving = False

    @property
    def review_step(self) -> ReviewStep:
        return cast(ReviewStep, self.wizard.step_by_id("review"))

    def _appraisal(self) -> Appraisal | None:
        work = self.wizard.work
        return work.appraisal if "appraisal" in work.kinds else None

    def review(self) -> None:
        """Check the whole record, then render the minutes off the UI thread."""
        w = self.wizard
        self.prepared = None
        errors = {**validate(w.work.meeting, w.today), **decision_problems(w.work.meeting, w.data)}
        appraisal = self._appraisal()
        table = "meetings"
        if not errors and appraisal is not None:
            errors, table = validate(appraisal, w.today), "appraisals"
        if w.not_held_yet:
            self.review_step.show_problem(
                f"会议尚未召开（{format_date(w.work.meeting.date)}）：草稿已保存，"
                "可继续填写；会议召开后才能保存",
                "会后按 F2 再按 1 核对会议日期，再回到本步按 Ctrl+S 保存。",
            )
            return
        if errors:
            path, message = next(iter(errors.items()))
            target = w.step_by_id(step_for_field(path, table))
            number = w.frame.number(target) if target.applies else 1
            who = w.step.person_at(path) if table == "meetings" else ""
            self.review_step.show_problem(f"第{number}步（{target.SHORT}）需要修改：{who}{message}")
            return
        m = Meeting.from_dict(w.work.meeting.to_dict())
        a = Appraisal.from_dict(appraisal.to_dict()) if appraisal is not None else None
        job = partial(self._prepare, m, a, list(w.work.attachments), w.work.reason, w.changes)
        w.run_worker(job, thread=True, exclusive=True, group="prepare", description="生成会议记录")

    def _prepare(
        self,
        meeting: Meeting,
        appraisal: Appraisal | None,
        attachments: list[Attachment],
        reason: str,
        at: int,
    ) -> None:
        from branchtui.storage.minutes import prepare_meeting

        w = self.wizard
        try:
            prepared = prepare_meeting(
                w.store,
                meeting,
                appraisal=appraisal,
                attachments=attachments,
                reason=reason,
                today=w.today,
            )
        except StoreError as error:
            w.app.call_from_thread(self.review_step.show_problem, error.message)
            return
        data = prepared.data
        defects = meeting_defects(prepared.meeting, data, w.profile, w.calendar)
        if prepared.appraisal is not None:
            trial = with_record(data, prepared.meeting, prepared.appraisal)
            defects += appraisal_defects(prepared.appraisal, trial, w.profile)
        settles = settled_by(
            prepared.meeting,
            data,
            profile=w.profile,
            calendar=w.calendar,
            appraisal=prepared.appraisal,
        )
        w.app.call_from_thread(self._prepared, prepared, settles, defects, at)

    def _prepared(
        self, prepared: PreparedMeeting, settles: list[Obligation], defects: list[Defect], at: int
    ) -> None:
        step = self.wizard.step
        if at != self.wizard.changes or not isinstance(step, ReviewStep):
            return
        self.prepared = prepared
        step.show_prepared(prepared.text, settles, defects)

    async def save(self) -> None:
        """Ctrl+S: on the review step, save what it shows; elsewhere, go to the review."""
        w = self.wizard
        if self.saving:
            return
        step = w.step
        if not isinstance(step, ReviewStep):
            if w.leave_step(forward=True):
                await w.go_to_step("review")
            return
        step.store()
        prepared = self.prepared
        if w.not_held_yet:
            when = format_date(w.work.meeting.date)
            w.notify(f"会议尚未召开（{when}），草稿已保存；会后再保存", severity="warning")
            return
        if prepared is None:
            w.notify("会议记录尚未生成或有需要修改之处，请稍候或按提示修改", timeout=5)
            return
        self.saving = True
        again = None
        if w.work.amending and prepared.meeting.amendments[-1].reason != w.work.reason:
            # The reason was typed after the minutes were made: make them again with it.
            again = Meeting.from_dict(w.work.meeting.to_dict())
        job = partial(self._save, prepared, again, w.work.reason)
        w.run_worker(job, thread=True, exclusive=True, group="save", description="保存会议记录")

    def _save(self, prepared: PreparedMeeting, again: Meeting | None, reason: str) -> None:
        from branchtui.storage.minutes import prepare_meeting, save_prepared

        w = self.wizard
        try:
            if again is not None:
                prepared = prepare_meeting(
                    w.store,
                    again,
                    appraisal=prepared.appraisal,
                    attachments=prepared.attachments,
                    reason=reason,
                    today=w.today,
                )
            saved = save_prepared(w.store, prepared)
        except MinutesError as error:  # saved, but the file could not be written
            w.app.call_from_thread(self._saved, None, error.message)
            return
        except ConflictError as error:
            message = (
                f"{error.message} 本次填写的内容仍在向导中（草稿已保存），没有覆盖对方的修改；"
                "可关闭向导后重新打开该记录再修改。"
            )
            w.app.call_from_thread(self._not_saved, message)
            return
        except StoreError as error:
            w.app.call_from_thread(self._not_saved, error.message)
            return
        w.app.call_from_thread(self._saved, saved, "")

    def _not_saved(self, message: str) -> None:
        self.saving = False
        self.review_step.show_problem(f"未保存：{message}")
        self.wizard.notify(terminal_safe(message), title="未保存", severity="error", timeout=15)

    def _saved(self, saved: SavedMeeting | None, problem: str) -> None:
        w = self.wizard
        try:
            w.drafts.discard()
        except DraftError as error:
            w.notify(error.message, severity="warning")
        if problem:
            w.notify(
                terminal_safe(problem), title="已保存，但有问题", severity="warning", timeout=15
            )
        elif saved is not None:
            what = "已修改" if saved.amended else "已写入"
            caption = terminal_safe(minutes_caption(saved.meeting))
            w.notify(f"会议记录{what}：{caption}", title="会议记录", timeout=8)
        w.dismiss(saved)
