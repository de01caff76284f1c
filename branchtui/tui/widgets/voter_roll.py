"""Who came to an election (ORG-4, ORG-7, ORG-8): every member of the day, one row each.

Everyone starts present; space marks a member absent (and back), ``l`` on leave, ``x`` left out
of the count with the upper organization's consent (不计入应到会人数), ``r`` asks the reason.
预备党员 are listed (they attend) but have no vote and never count. ``attendance()`` gives the
meeting's rows; ``expected`` and ``present`` the voters the quorum is judged on.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from branchtui.domain.attendance import full_on
from branchtui.domain.records import Attendance, Member
from branchtui.tui.registry.organization import VOTER_ROLL_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.dialogs import TextPrompt
from branchtui.tui.shown_names import shown_names
from branchtui.tui.text import terminal_safe

# The roll's own status beside the meeting's: left out of 应到 with the upper level's consent.
EXCUSED = "excused"
STATUS_LABELS = {"present": "出席", "absent": "缺席", "on_leave": "请假", EXCUSED: "不计入应到"}
EXCUSED_PREFIX = "经上级党组织同意不计入应到会人数"


class VoterRoll(DataTable[str | Text]):
    """The roll of an election meeting; posts ``Changed`` when a mark changes."""

    BINDINGS: ClassVar[list[BindingType]] = keys_of(VOTER_ROLL_KEYS)

    class Changed(Message):
        """A member's mark or reason changed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.members: list[Member] = []
        self.day = dt.date.min
        self.marks: dict[str, str] = {}
        self.reasons: dict[str, str] = {}
        self.names: dict[str, str] = {}

    def on_mount(self) -> None:
        self.add_columns("姓名", "类别", "出席情况", "原因")

    def show(self, members: list[Member], day: dt.date) -> None:
        """List ``members`` (those of the branch on ``day``), keeping marks already made."""
        self.members, self.day = members, day
        # Namesakes told apart as everywhere else: 张伟（1985年生）.
        self.names = shown_names(self.app, members)
        self.clear()
        for member in members:
            self.add_row(*self._cells(member), key=member.id)

    def _cells(self, member: Member) -> list[str | Text]:
        status = self.marks.get(member.id, "present")
        voter = full_on(member, self.day)
        kind = "正式党员" if voter else Text("预备党员（无选举权）", style="dim")
        shown = Text(STATUS_LABELS[status], style="" if status == "present" else "bold yellow")
        return [
            terminal_safe(self.shown_name(member)),
            kind,
            shown,
            terminal_safe(self.reasons.get(member.id, "") if status != "present" else ""),
        ]

    def _redraw(self, member: Member) -> None:
        row = self.get_row_index(member.id)
        for column, cell in enumerate(self._cells(member)):
            # The column widens to the reason typed (the row has room); never cut it short.
            self.update_cell_at(Coordinate(row, column), cell, update_width=True)
        self.post_message(self.Changed())

    @property
    def current(self) -> Member | None:
        if not self.members or not 0 <= self.cursor_row < len(self.members):
            return None
        return self.members[self.cursor_row]

    def action_mark(self, status: str) -> None:
        member = self.current
        if member is None:
            return
        now = self.marks.get(member.id, "present")
        self.marks[member.id] = "present" if now == status else status
        self._redraw(member)

    def action_reason(self) -> None:
        member = self.current
        if member is None:
            return
        if self.marks.get(member.id, "present") == "present":
            self.notify("出席的人无需填写原因；按空格改为缺席，或按 l 改为请假", timeout=4)
            return

        def given(text: str | None) -> None:
            if text is not None:
                self.reasons[member.id] = text
                self._redraw(member)

        title = f"{self.shown_name(member)}的原因（缺席、请假或不计入应到会人数）"
        self.app.push_screen(TextPrompt(title, self.reasons.get(member.id, "")), given)

    def shown_name(self, member: Member) -> str:
        return self.names.get(member.id, member.name)

    def voters(self) -> list[Member]:
        """The members with a vote that day (正式党员)."""
        return [m for m in self.members if full_on(m, self.day)]

    @property
    def expected(self) -> int:
        """Voters expected: 正式党员 not left out with consent."""
        return sum(1 for m in self.voters() if self.marks.get(m.id) != EXCUSED)

    @property
    def present(self) -> int:
        return sum(1 for m in self.voters() if self.marks.get(m.id, "present") == "present")

    def excused_ids(self) -> list[str]:
        return [m.id for m in self.voters() if self.marks.get(m.id) == EXCUSED]

    def unexplained(self) -> list[str]:
        """Names of those absent, on leave or left out without a reason (EDU-7 asks for one)."""
        return [
            self.shown_name(m)
            for m in self.members
            if self.marks.get(m.id, "present") != "present" and not self.reasons.get(m.id)
        ]

    def attendance(self) -> list[Attendance]:
        """The meeting's rows; a member left out of the count is on leave, the consent noted."""
        rows = []
        for member in self.members:
            status = self.marks.get(member.id, "present")
            reason = self.reasons.get(member.id, "") if status != "present" else ""
            if status == EXCUSED:
                status, reason = (
                    "on_leave",
                    f"{EXCUSED_PREFIX}：{reason}" if reason else EXCUSED_PREFIX,
                )
            rows.append(Attendance(member_id=member.id, status=status, reason=reason))  # type: ignore[arg-type]
        return rows
