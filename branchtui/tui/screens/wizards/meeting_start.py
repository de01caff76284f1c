"""Opening the meeting wizard: a new record of a chosen kind (offering to continue its draft), a
record to amend, a dashboard obligation (prefilled by domain.meetings.prefill), a draft, or a
台账体检 defect (at the step and field that fix it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.draft import MeetingDraft
from branchtui.domain.meetings.prefill import Prefill, default_host, default_recorder, prefill_for
from branchtui.domain.meetings.roll import initial_attendance, post_of
from branchtui.domain.obligations.base import Obligation
from branchtui.domain.records import Appraisal, Lecture, Meeting
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.storage.drafts import DraftError, DraftInfo, draft_key, list_drafts, load_draft
from branchtui.storage.folder_obligations import folder_calendar
from branchtui.tui.registry.dialogs import KIND_DIGIT_KEYS, STEP_DIGIT_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.wizards.meeting_steps.base import SHORT_KINDS, MeetingWork

if TYPE_CHECKING:
    from branchtui.storage.minutes import SavedMeeting
    from branchtui.tui.screens.base import DataScreen

# The kinds a new record is chosen from, in the plan's order; 民主评议 is held at a 组织生活会.
NEW_KINDS: dict[str, tuple[str, ...]] = {
    "general_meeting": ("general_meeting",),
    "committee_meeting": ("committee_meeting",),
    "group_meeting": ("group_meeting",),
    "all_member_study": ("all_member_study",),
    "party_lecture": ("party_lecture",),
    "theme_day": ("theme_day",),
    "life_meeting": ("life_meeting",),
    "appraisal": ("appraisal",),
}
Done = Callable[["SavedMeeting | None"], None]


class DigitPrompt(ChoicePrompt):
    """A choice where a digit picks the n-th choice at once."""

    def action_pick(self, number: int) -> None:
        keys = list(self.choices)
        if 1 <= number <= len(keys):
            self.dismiss(keys[number - 1])


class KindPrompt(DigitPrompt):
    """新建哪一种会议: the eight kinds, a digit picks one at once."""

    BINDINGS: ClassVar[list[BindingType]] = [*ChoicePrompt.BINDINGS, *keys_of(KIND_DIGIT_KEYS)]

    def __init__(self) -> None:
        super().__init__(
            "新建哪一种会议记录（按数字选择）",
            {k: f"{n}  {MEETING_KINDS[k]}" for n, k in enumerate(NEW_KINDS, 1)},
        )


class StepPrompt(DigitPrompt):
    """转到: the wizard's steps by number; a digit goes there at once."""

    BINDINGS: ClassVar[list[BindingType]] = [*ChoicePrompt.BINDINGS, *keys_of(STEP_DIGIT_KEYS)]


def draft_subject(kinds: tuple[str, ...], group_id: str | None) -> str:
    """A new record's draft is kept per kind (per group for a 党小组会)."""
    return f"{kinds[0]}-{group_id}" if kinds[0] == "group_meeting" and group_id else kinds[0]


def new_work(screen: DataScreen, prefill: Prefill) -> MeetingWork:
    """A fresh record of ``prefill``'s kinds: everyone expected present, the usual host and
    recorder, dated as the prefill says."""
    data = screen.data
    kinds, day, group = prefill.kinds, prefill.date, prefill.group_id
    meeting = Meeting(
        kinds=list(kinds),  # type: ignore[arg-type]
        date=day,
        group_id=group,
        attendance=initial_attendance(data, kinds, day, group),
        host_id=default_host(data, kinds, day, group),
        recorder_id=default_recorder(data, kinds, group),
    )
    if prefill.lecturer_id and "party_lecture" in kinds:
        # LIFE-4: the secretary or leader who has yet to give this year's lecture.
        post = post_of(data, prefill.lecturer_id, day)
        meeting.lecture = Lecture(lecturer_id=prefill.lecturer_id, lecturer_post=post)
    return MeetingWork(meeting, draft_key(draft_subject(kinds, group)), window=prefill.window)


def amend_work(screen: DataScreen, stored: Meeting) -> MeetingWork:
    """A copy of a saved record to amend, with its appraisal (if any)."""
    meeting = Meeting.from_dict(stored.to_dict())
    found = next((a for a in screen.data.appraisals if a.meeting_id == stored.id), None)
    appraisal = Appraisal.from_dict(found.to_dict()) if found is not None else None
    return MeetingWork(meeting, draft_key(stored.id), appraisal=appraisal, amending=True)


def work_of_draft(draft: MeetingDraft) -> MeetingWork:
    return MeetingWork(
        draft.meeting,
        draft.key,
        appraisal=draft.appraisal,
        attachments=list(draft.attachments),
        reason=draft.reason,
        amending=bool(draft.state.get("amending")),
        window=str(draft.state.get("window", "")),
    )


def open_work(
    screen: DataScreen, work: MeetingWork, done: Done, step: int = 0, path: str = ""
) -> None:
    """Push the wizard on ``work`` at ``step`` (or at the step and field of ``path``: a
    validation or 台账体检 field, ``appraisal:results`` for an appraisal's)."""
    from branchtui.tui.screens.wizards.meeting import MeetingWizard

    screen.app.push_screen(MeetingWizard(work, step, path), done)


def describe_draft(info: DraftInfo | MeetingDraft) -> str:
    kinds: Sequence[str]
    if isinstance(info, MeetingDraft):
        kinds, day, step, saved = info.meeting.kinds, info.meeting.date, info.step, info.saved_at
    else:
        kinds, day, step, saved = info.kinds, info.date, info.step, info.saved_at
    kind = SHORT_KINDS.get(kinds[0], "会议") if kinds else "会议"
    when = saved[5:16].replace("T", " ")  # 11-27 14:03
    return f"{kind} {format_date(day)}，填到第{step + 1}步（{when}保存）"


def with_draft(
    screen: DataScreen, key: str, fresh: Callable[[], MeetingWork], done: Done, path: str = ""
) -> None:
    """Open the wizard on ``key``'s draft if the user wants to continue it, else on ``fresh()``
    (at the field ``path`` when given)."""
    try:
        draft = load_draft(screen.branch_app.data_dir, key)
    except DraftError as error:
        screen.notify(error.message, title="草稿已损坏", severity="warning", timeout=10)
        draft = None
    if draft is None:
        open_work(screen, fresh(), done, path=path)
        return

    def answered(choice: str | None) -> None:
        if choice == "continue":
            open_work(screen, work_of_draft(draft), done, draft.step)
        elif choice == "fresh":
            open_work(screen, fresh(), done, path=path)

    choices = {
        "continue": f"继续填写草稿：{describe_draft(draft)}",
        "fresh": "放弃草稿，重新开始",
    }
    screen.app.push_screen(ChoicePrompt("有未完成的草稿", choices), answered)


def start_new(screen: DataScreen, prefill: Prefill, done: Done) -> None:
    key = draft_key(draft_subject(prefill.kinds, prefill.group_id))
    with_draft(screen, key, lambda: new_work(screen, prefill), done)


def start_amend(screen: DataScreen, stored: Meeting, done: Done, path: str = "") -> None:
    with_draft(screen, draft_key(stored.id), lambda: amend_work(screen, stored), done, path)


def choose_and_start(screen: DataScreen, done: Done, day: dt.date | None = None) -> None:
    """Ask the kind (and the group of a 党小组会), then open the wizard."""

    def kind_chosen(kind: str | None) -> None:
        if kind is None:
            return
        kinds = NEW_KINDS[kind]
        groups = {g.id: g.name for g in screen.data.groups if g.dissolved is None}
        if kind != "group_meeting" or len(groups) <= 1:
            group = next(iter(groups), None) if kind == "group_meeting" else None
            start_new(screen, Prefill(kinds, day or screen.today, group), done)
            return

        def group_chosen(group_id: str | None) -> None:
            if group_id is not None:
                start_new(screen, Prefill(kinds, day or screen.today, group_id), done)

        screen.app.push_screen(ChoicePrompt("哪个党小组的会议", groups), group_chosen)

    screen.app.push_screen(KindPrompt(), kind_chosen)


def settle_obligation(screen: DataScreen, ob: Obligation, done: Done) -> bool:
    """Open the wizard a dashboard obligation asks for; False when no meeting settles it."""
    calendar, _problem = folder_calendar(screen.branch_app.data_dir)
    prefill = prefill_for(ob, screen.data, screen.today, calendar, screen.profile)
    if prefill is None:
        return False
    if prefill.record_id is not None:
        stored = screen.data.find("meetings", prefill.record_id)
        if stored is not None:
            start_amend(screen, stored, done, prefill.field)
            return True
    start_new(screen, prefill, done)
    return True


def drafts_of(screen: DataScreen) -> list[DraftInfo]:
    return list_drafts(screen.branch_app.data_dir)
