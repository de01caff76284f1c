"""What every step of the meeting wizard shares: the record being made, and how a step loads
it, stores what was typed, shows errors and puts the cursor on a field.

The wizard holds one ``MeetingWork`` (the Meeting, its Appraisal, new attachments, the
amendment reason); each step edits its own fields of it. Field paths are those of
``domain.validation`` and ``checks.Defect.field`` (``attendance.3.reason``), so an error or a
台账体检 defect leads to the step and the field that fix it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from branchtui.domain.meetings.roll import UNKNOWN_PERSON, person_name, post_of
from branchtui.domain.records import Appraisal, Attachment, BranchData, Meeting, Member
from branchtui.domain.roster import active_members_on
from branchtui.domain.validation_fields import check_past_date
from branchtui.tui.widgets.wizard_frame import WizardStep

if TYPE_CHECKING:
    from branchtui.tui.screens.wizards.meeting import MeetingWizard


@dataclass
class MeetingWork:
    """The record a wizard is making or amending, with what is saved along with it."""

    meeting: Meeting
    key: str  # the draft's key
    appraisal: Appraisal | None = None
    attachments: list[Attachment] = field(default_factory=list)  # copied, not yet saved
    reason: str = ""  # 修改原因 (an amendment)
    amending: bool = False
    window: str = ""  # the date window the obligation asked for (LIFE-5 …)

    @property
    def kinds(self) -> list[str]:
        return list(self.meeting.kinds)


# The kinds as lists and the 同时计为 line name them (the full names are MEETING_KINDS).
SHORT_KINDS = {
    "general_meeting": "党员大会",
    "committee_meeting": "支委会",
    "group_meeting": "党小组会",
    "all_member_study": "集中学习",
    "party_lecture": "党课",
    "theme_day": "主题党日",
    "life_meeting": "组织生活会",
    "appraisal": "民主评议",
}

# Which step owns a field path: the first prefix that matches (most specific first).
STEP_FIELDS: tuple[tuple[str, str], ...] = (
    ("agenda.*.decisions", "decisions"),
    ("votes", "decisions"),
    ("agenda", "topics"),
    ("topic", "topics"),
    ("content", "topics"),
    ("study_hours", "topics"),
    ("lecture", "topics"),
    ("theme_day", "topics"),
    ("attendance", "attendance"),
    ("observers", "attendance"),
    ("expected_count", "attendance"),
    ("present_count", "attendance"),
    ("life_meeting", "life"),
    ("criticism", "life"),
    ("results", "appraisal"),
    ("steps", "appraisal"),
    ("ballots", "appraisal"),
    ("year", "appraisal"),
    ("photo_ids", "attachments"),
    ("attachment_ids", "attachments"),
    ("entered_on", "review"),
    ("amendments", "review"),
    ("note", "review"),
)


def _matches(path: str, prefix: str) -> bool:
    parts, wanted = path.split("."), prefix.split(".")
    if len(parts) < len(wanted):
        return False
    return all(w == "*" or w == p for w, p in zip(wanted, parts, strict=False))


def step_for_field(path: str, table: str = "meetings") -> str:
    """The step id where ``path`` (of a meeting, or of an appraisal) is entered."""
    if table == "appraisals":
        return "appraisal"
    for prefix, step in STEP_FIELDS:
        if _matches(path, prefix):
            return step
    return "basics"


def errors_of_step(errors: dict[str, str], step_id: str, table: str = "meetings") -> dict[str, str]:
    """The errors (by field path) that the step ``step_id`` must show."""
    return {p: m for p, m in errors.items() if step_for_field(p, table) == step_id}


class MeetingStep(WizardStep):
    """A step of the meeting wizard. Subclasses set the ids and implement load/store."""

    STEP_ID: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    SHORT: ClassVar[str] = ""

    def __init__(self, wizard: MeetingWizard) -> None:
        super().__init__(self.TITLE, short=self.SHORT, id=f"step-{self.STEP_ID}")
        self.wizard = wizard

    def __rich_repr__(self) -> Iterator[tuple[str, str | None]]:
        # Not the constructor's wizard (rich's default): it would print the whole wizard.
        yield "id", self.id

    @classmethod
    def applies_to(cls, kinds: Iterable[str]) -> bool:
        return True

    # The record --------------------------------------------------------------------------

    @property
    def work(self) -> MeetingWork:
        return self.wizard.work

    @property
    def meeting(self) -> Meeting:
        return self.wizard.work.meeting

    @property
    def data(self) -> BranchData:
        return self.wizard.data

    @property
    def today(self) -> dt.date:
        return self.wizard.today

    def people(self) -> list[Member]:
        """The members of the branch on the meeting's day (who can host, speak, be responsible)."""
        return active_members_on(self.data.members, self.meeting.date)

    def describe(self, member_id: str) -> str:
        """``张三（支部书记）``: a name with the post held on the meeting's day."""
        name = person_name(self.data, member_id, UNKNOWN_PERSON)  # 张三（1980年生） for namesakes
        if name == UNKNOWN_PERSON:
            return name
        post = post_of(self.data, member_id, self.meeting.date)
        return f"{name}（{post}）" if post and post != "党员" else name

    def person_name(self, member_id: str | None, fallback: str = "") -> str:
        return person_name(self.data, member_id, fallback)

    def person_at(self, path: str) -> str:
        """Whose attendance row a field path (``attendance.3.status``) is; '' for other paths."""
        head, _, rest = path.partition(".")
        index = rest.split(".")[0]
        rows = self.meeting.attendance
        if head == "attendance" and index.isdigit() and int(index) < len(rows):
            return self.person_name(rows[int(index)].member_id)
        return ""

    # What each step does ---------------------------------------------------------------

    def load(self) -> None:
        """Show the record's current state (on entering the step, or after another changed it)."""

    def store(self) -> dict[str, str]:
        """Write what was typed into the record; Chinese messages for what cannot be read."""
        return {}

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show validation errors (by field path) beside the fields of this step."""

    def focus_path(self, path: str) -> bool:
        """Put the cursor where ``path`` is entered; False when the step cannot."""
        return False

    def changed(self) -> None:
        """Tell the wizard the record changed (the draft is saved, live lines recomputed)."""
        self.wizard.record_changed(self)


def values_of(record: Any, names: Iterable[str]) -> dict[str, Any]:
    """``{name: getattr(record, name)}`` for a FieldGroup."""
    return {n: getattr(record, n) for n in names}


def done_check(today: dt.date, label: str) -> Callable[[dict[str, Any]], dict[str, str]]:
    """A dialog check: a trackable item is not marked done on a day still to come."""

    def check(values: dict[str, Any]) -> dict[str, str]:
        problem = check_past_date(values.get("done"), today, label)
        return {"done": problem} if problem else {}

    return check
