"""The meeting wizard: one frame driving the steps of every kind of organizational life.

Steps 1–7 (kinds and time, attendance, topics, decisions and votes, 组织生活会 / 民主评议,
attachments, review) adapt to the record's kinds; a step a kind does not have is skipped. The
record is kept in one ``MeetingWork``; the draft is saved after every step and every change
(an SSH drop loses nothing); the review renders the minutes exactly as they will be written
and Ctrl+S saves them in one commit (both the MeetingSaver's, wizards/meeting_saver.py). It is
a modal screen: the area keys cannot drop it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import ModalScreen

from branchtui.domain.appraisal import appraisal_year
from branchtui.domain.meetings.draft import MeetingDraft
from branchtui.domain.meetings.edits import content_changed
from branchtui.domain.meetings.votes import decision_problems
from branchtui.domain.records import Appraisal
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.domain.validation import validate
from branchtui.storage.drafts import DraftError, DraftTakenError, DraftWriter
from branchtui.storage.errors import StoreError
from branchtui.storage.folder_obligations import folder_calendar
from branchtui.storage.minutes import PreparedMeeting, SavedMeeting
from branchtui.tui.registry.life import WIZARD_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.base import BranchAccess
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.wizards.meeting_saver import MeetingSaver
from branchtui.tui.screens.wizards.meeting_start import StepPrompt
from branchtui.tui.screens.wizards.meeting_steps.appraisal import AppraisalStep
from branchtui.tui.screens.wizards.meeting_steps.attachments import AttachmentsStep
from branchtui.tui.screens.wizards.meeting_steps.attendance import AttendanceStep
from branchtui.tui.screens.wizards.meeting_steps.base import (
    MeetingStep,
    MeetingWork,
    errors_of_step,
    step_for_field,
)
from branchtui.tui.screens.wizards.meeting_steps.basics import BasicsStep
from branchtui.tui.screens.wizards.meeting_steps.decisions import DecisionsStep
from branchtui.tui.screens.wizards.meeting_steps.life import LifeMeetingStep
from branchtui.tui.screens.wizards.meeting_steps.review import ReviewStep
from branchtui.tui.screens.wizards.meeting_steps.topics import TopicsStep
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.field_group import focus_after
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.wizard_frame import WizardFrame

if TYPE_CHECKING:
    from branchtui.domain.calendar import WorkCalendar

CLOSE_CHOICES = {
    "close": "关闭向导（草稿已保存，下次新建同类会议时可继续）",
    "stay": "继续填写",
    "discard": "放弃草稿（已填写的内容不再保留）",
}


class MeetingWizard(BranchAccess, ModalScreen[SavedMeeting | None]):
    """Dismissed with the saved meeting, or None when closed without saving."""

    DEFAULT_CSS = """
    MeetingWizard { align: left top; background: $surface; }
    MeetingWizard > WizardFrame > ContentSwitcher { margin-top: 0; }
    MeetingWizard .section-title { margin-top: 1; padding: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(WIZARD_KEYS), *MODAL_KEYS]

    def __init__(self, work: MeetingWork, step: int = 0, path: str = "") -> None:
        super().__init__()
        self.work = work
        self.start_step = step
        self.start_path = path  # a field to fix: ``place``, ``appraisal:results``
        self._calendar: WorkCalendar | None = None
        self.changes = 0  # changes made to the record: the review's minutes are of one of them
        self.saver = MeetingSaver(self)
        self._drafts: DraftWriter | None = None
        self._kept: dict[str, object] | None = None  # the draft as last written

    def __rich_repr__(self) -> Iterator[tuple[str, str]]:
        yield "key", self.work.key

    # What the steps share besides the app's data (BranchAccess) ---------------------------

    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = folder_calendar(self.branch_app.data_dir)[0]
        return self._calendar

    @property
    def drafts(self) -> DraftWriter:
        """This wizard's draft (another login may take it over)."""
        if self._drafts is None:
            self._drafts = DraftWriter(self.branch_app.data_dir, self.work.key)
        return self._drafts

    @property
    def non_public(self) -> bool:
        branch = self.data.branch
        return bool(branch and branch.non_public)

    def ensure_appraisal(self) -> Appraisal:
        if self.work.appraisal is None:
            m = self.work.meeting
            self.work.appraisal = Appraisal(year=appraisal_year(m.date), meeting_id=m.id)
        return self.work.appraisal

    # Layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        steps: list[MeetingStep] = [
            BasicsStep(self),
            AttendanceStep(self),
            TopicsStep(self),
            DecisionsStep(self),
            LifeMeetingStep(self),
            AppraisalStep(self),
            AttachmentsStep(self),
            ReviewStep(self),
        ]
        self.steps = {s.STEP_ID: s for s in steps}
        kinds = self.work.kinds
        for step in steps:
            step.applies = step.applies_to(kinds)
        start = steps[min(self.start_step, len(steps) - 1)]
        if not start.applies:
            start = steps[0]
        what = "修改" if self.work.amending else "新建"
        kind = MEETING_KINDS.get(self.work.meeting.kinds[0], "会议")
        yield WizardFrame(
            f"{what}会议记录：{kind}",
            list(steps),
            hint="",
            bar=True,
            lazy=True,
            initial=steps.index(start),
        )
        yield BranchFooter()

    @property
    def frame(self) -> WizardFrame:
        return self.query_one(WizardFrame)

    @property
    def step(self) -> MeetingStep:
        return cast(MeetingStep, self.frame.step)

    def step_by_id(self, step_id: str) -> MeetingStep:
        return self.steps[step_id]

    async def on_mount(self) -> None:
        self._apply_kinds()
        self.frame.refresh_progress()
        self.call_after_refresh(self.frame.focus_step)
        self._entered()
        if self.start_path:
            table = "appraisals" if self.start_path.startswith("appraisal:") else "meetings"
            field = self.start_path.removeprefix("appraisal:")
            await self.go_to_step(step_for_field(field, table), field)

    def _apply_kinds(self) -> None:
        kinds = self.work.kinds
        for step in self.steps.values():
            step.applies = step.applies_to(kinds)
        self.frame.refresh_progress()

    # Moving between steps ----------------------------------------------------------------

    def leave_step(self, forward: bool) -> bool:
        """Store the step; going forward, stop at its errors. The draft is saved either way."""
        step = self.step
        errors = step.store()
        self._apply_kinds()
        self._save_draft()
        if forward:
            errors = {**self._validation(step.STEP_ID), **errors}
            step.show_errors(errors)
            if errors:
                first = next(iter(errors.values()))
                self.notify(terminal_safe(first), title="请先修改", severity="warning", timeout=6)
                step.focus_path(next(iter(errors)))
                return False
        step.show_errors({})
        return True

    @property
    def not_held_yet(self) -> bool:
        """The meeting's date is still to come: it may be drafted, not saved (basics' note)."""
        return self.work.meeting.date > self.today

    def _validation(self, step_id: str) -> dict[str, str]:
        errors = errors_of_step(validate(self.work.meeting, self.today), step_id)
        # NAT-1, NAT-2: the decisions of a meeting without its quorum are refused.
        errors.update(errors_of_step(decision_problems(self.work.meeting, self.data), step_id))
        if self.not_held_yet:
            errors.pop("date", None)  # drafting ahead is allowed; the review refuses to save
        appraisal = self.work.appraisal
        if step_id == "appraisal" and appraisal is not None:
            errors.update(validate(appraisal, self.today))
        return errors

    def _entered(self) -> None:
        step = self.step
        self._save_draft()  # with the step reached: reopening continues here
        step.load()
        if isinstance(step, ReviewStep):
            self.saver.review()

    async def action_next(self) -> None:
        if isinstance(self.step, ReviewStep):
            self.notify("已是最后一步：确认无误后按 Ctrl+S 保存", timeout=4)
            return
        if self.leave_step(forward=True) and await self.frame.go_next():
            self._entered()

    async def action_back(self) -> None:
        if self.frame.is_first:
            return
        self.leave_step(forward=False)
        await self.frame.go_back()
        self._entered()

    async def go_to_step(self, step_id: str, path: str = "") -> None:
        """Show step ``step_id`` (storing the current one first), the cursor on ``path``."""
        target = self.step_by_id(step_id)
        if target is not self.step:
            self.leave_step(forward=False)
            if not target.applies:
                return
            await self.frame.go_to(target)
            self._entered()
        if path:
            self.call_after_refresh(target.focus_path, path)

    def action_goto(self) -> None:
        shown = cast(list[MeetingStep], self.frame.shown)
        choices = {s.STEP_ID: f"{n}  {s.TITLE}" for n, s in enumerate(shown, 1)}

        async def chosen(step_id: str | None) -> None:
            if step_id is not None:
                await self.go_to_step(step_id)

        self.app.push_screen(StepPrompt("转到哪一步（按数字）", choices), chosen)

    @on(Entered)
    async def _field_entered(self, event: Entered) -> None:
        # Enter on a step's last field goes on to the next step.
        event.stop()
        if not focus_after(self.step, event.field):
            await self.action_next()

    # Drafts ------------------------------------------------------------------------------

    def record_changed(self, step: MeetingStep) -> None:
        """A step changed the record (a row toggled, an item added): keep the draft current."""
        self.changes += 1
        self._save_draft()

    def _draft(self) -> MeetingDraft:
        w = self.work
        return MeetingDraft(
            key=w.key,
            meeting=w.meeting,
            step=self.frame.index,
            appraisal=w.appraisal,
            attachments=list(w.attachments),
            reason=w.reason,
            state={"window": w.window, "amending": w.amending},
        )

    def unsaved(self) -> bool:
        """Whether the step on screen holds input the draft does not have yet."""
        if self.saver.saving:
            return False
        self.step.store()
        return self._draft().to_dict() != self._kept

    def keep_draft(self) -> None:
        """The step on screen into the record, and the draft saved (quitting, a hang-up)."""
        self.step.store()
        self._save_draft()

    def _save_draft(self) -> None:
        draft = self._draft()
        kept = draft.to_dict()
        try:
            self.drafts.save(draft)
            self._kept = kept
        except DraftTakenError as error:
            self.notify(error.message, title="草稿由另一会话填写", severity="warning", timeout=15)
        except StoreError as error:
            self.notify(error.message, title="草稿未保存", severity="warning", timeout=8)

    def action_close(self) -> None:
        if self._unchanged_amendment():
            # Opened to look and closed: nothing to keep, no draft left to offer later.
            self._discard_draft()
            self.dismiss(None)
            return
        self.keep_draft()

        def answered(choice: str | None) -> None:
            if choice == "close":
                self.dismiss(None)
            elif choice == "discard":
                self._discard_draft()
                self.dismiss(None)

        self.app.push_screen(ChoicePrompt("关闭会议记录向导？", CLOSE_CHOICES), answered)

    def _discard_draft(self) -> None:
        try:
            self.drafts.discard()
        except DraftError as error:
            self.notify(error.message, severity="warning")

    def _unchanged_amendment(self) -> bool:
        """A saved record opened with e and left as it was (its appraisal too, no attachment
        or reason added)."""
        w = self.work
        if not w.amending or w.attachments or w.reason:
            return False
        self.step.store()
        stored = self.data.find("meetings", w.meeting.id)
        if stored is None or content_changed(stored, w.meeting):
            return False
        found = next((a for a in self.data.appraisals if a.meeting_id == stored.id), None)
        if found is None or w.appraisal is None:
            return found is None and w.appraisal is None
        return not content_changed(found, w.appraisal)

    # Review and save (wizards/meeting_saver.py) ----------------------------------------

    @property
    def prepared(self) -> PreparedMeeting | None:
        """The record and minutes the review shows, ready to save (None while made)."""
        return self.saver.prepared

    async def action_save(self) -> None:
        await self.saver.save()
