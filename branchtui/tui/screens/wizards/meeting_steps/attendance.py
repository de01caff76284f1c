"""Step 2: who attended. The people the meeting's kinds expect are listed (all members, the
committee, the group); Space cycles 出席 → 请假 → 缺席 and asks the reason; members who sit in
(列席) are picked, others typed; 应到/实到/请假/缺席 are counted as keys are pressed; leading
cadres are marked (LIFE-8)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from branchtui.domain.meetings.roll import (
    RollEntry,
    headcount,
    officer_problem,
    officers_away,
    officers_of,
    post_of,
    roll_of,
)
from branchtui.domain.member_names import display_names
from branchtui.domain.records import Attendance, Observer
from branchtui.domain.records.meetings import ATTENDANCE_STATUSES
from branchtui.domain.roster import active_members_on
from branchtui.tui.registry.life import ATTENDANCE_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.dialogs import TextPrompt
from branchtui.tui.screens.wizards.form_dialog import FormDialog, Values
from branchtui.tui.screens.wizards.meeting_steps.base import MeetingStep
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.field_group import FieldSpec
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.wrapped_text import WrappedText

CYCLE = {"present": "on_leave", "on_leave": "absent", "absent": "present"}
COLUMNS = ("姓名", "职务", "类别", "出席情况", "事由")
OBSERVER_FORM = (
    FieldSpec("name", "姓名", required=True),
    FieldSpec("post", "职务"),
    FieldSpec("reason", "列席原因"),
)


class AttendanceStep(MeetingStep):
    """出席情况: one row per person; the counts above the list."""

    STEP_ID = "attendance"
    TITLE = "出席情况（空格切换出席/请假/缺席）"
    SHORT = "出席"
    BINDINGS: ClassVar[list[BindingType]] = keys_of(ATTENDANCE_KEYS)

    def compose(self) -> ComposeResult:
        yield Static("", id="attendance-counts", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="attendance-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(*COLUMNS)
        yield table
        yield WrappedText("", id="attendance-errors", classes="field-error", markup=False)

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#attendance-table", DataTable)

    def first_focus(self) -> Widget:
        return self.table

    def load(self) -> None:
        self._draw()

    def on_mount(self) -> None:
        self._draw()

    # Drawing --------------------------------------------------------------------------

    def _rows(self) -> list[tuple[str, RollEntry | Observer]]:
        """(row key, entry): the roll, then people from outside who sat in."""
        names = display_names(self.data.members)  # namesakes told apart: 张三（1980年生）
        rows: list[tuple[str, RollEntry | Observer]] = [
            (e.member_id, e) for e in roll_of(self.meeting, self.data, names=names)
        ]
        rows += [(f"observer-{i}", o) for i, o in enumerate(self.meeting.observers)]
        return rows

    def _draw(self) -> None:
        table = self.table
        row = table.cursor_row
        table.clear()
        day = self.meeting.date
        for key, entry in self._rows():
            if isinstance(entry, Observer):
                cells = (entry.name, entry.post, "（外来）", "列席", entry.reason)
                table.add_row(*(Text(terminal_safe(c)) for c in cells), key=key)
                continue
            post = post_of(self.data, entry.member_id, day)
            kind = "正式党员" if entry.full else "预备党员"
            if entry.leader:
                kind += "・领导干部"
            status = ATTENDANCE_STATUSES.get(entry.status, entry.status)
            style = {"on_leave": "yellow", "absent": "bold red", "observer": "cyan"}
            table.add_row(
                Text(entry.name),
                Text(terminal_safe(post)),
                Text(kind),
                Text(status, style=style.get(entry.status, "")),
                Text(terminal_safe(entry.reason)),
                key=key,
            )
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self._count()

    def _count(self) -> None:
        count = headcount(self.meeting, self.data)
        lines = [f"{count.text}，列席{count.observers}名"]
        if "general_meeting" in self.meeting.kinds:
            lines[0] += f"（正式党员应到{count.full_expected}名，实到{count.full_present}名）"
        roll = roll_of(self.meeting, self.data)
        leaders = [e for e in roll if e.leader]
        if leaders:
            said = "、".join(
                f"{e.name}{ATTENDANCE_STATUSES.get(e.status, '')}" for e in leaders[:6]
            )
            lines.append(f"领导干部以普通党员身份参加（LIFE-8）：{said}")
        rows = self.meeting.attendance
        for i, what in officers_away(rows, officers_of(self.meeting)).items():
            name = self.person_name(rows[i].member_id)
            lines.append(f"注意：{name}{officer_problem(what, rows[i].status)}")
        self.query_one("#attendance-counts", Static).update(terminal_safe("\n".join(lines)))

    # Keys -----------------------------------------------------------------------------

    def _selected(self) -> tuple[str, RollEntry | Observer] | None:
        rows = self._rows()
        row = self.table.cursor_row
        return rows[row] if 0 <= row < len(rows) else None

    def _row_of(self, member_id: str) -> Attendance:
        for row in self.meeting.attendance:
            if row.member_id == member_id:
                return row
        row = Attendance(member_id=member_id, status="absent")
        self.meeting.attendance.append(row)
        return row

    def action_cycle(self) -> None:
        selected = self._selected()
        if selected is None or not isinstance(selected[1], RollEntry):
            return
        entry = selected[1]
        if entry.status == "observer":
            self.notify("列席人员不计入应到人数；按 Delete 可删除", timeout=4)
            return
        row = self._row_of(entry.member_id)
        row.status = CYCLE.get(row.status, "present")  # type: ignore[assignment]
        self._draw()
        self.changed()
        away = officers_away([row], officers_of(self.meeting))
        if away:
            warning = entry.name + officer_problem(away[0], row.status)
            self.notify(warning, title="请注意", severity="warning", timeout=6)
        if row.status in ("on_leave", "absent"):
            self._ask_reason(row, entry.name)

    def _ask_reason(self, row: Attendance, name: str) -> None:
        what = "请假事由" if row.status == "on_leave" else "缺席原因"

        def answered(text: str | None) -> None:
            if text is not None:
                row.reason = text
                self._draw()
                self.changed()

        self.app.push_screen(TextPrompt(f"{name}的{what}", row.reason), answered)

    def action_reason(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        key, entry = selected
        if isinstance(entry, Observer):
            self._edit_outside(int(key.removeprefix("observer-")))
            return
        row = self._row_of(entry.member_id)
        if row.status == "present":
            self.notify("出席的人无需填写事由；按空格改为请假或缺席", timeout=4)
            return
        self._ask_reason(row, entry.name)

    @on(DataTable.RowSelected, "#attendance-table")
    def _enter(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_reason()

    def action_add_observer(self) -> None:
        listed = {e.member_id for e in roll_of(self.meeting, self.data)}
        people = [
            m for m in active_members_on(self.data.members, self.meeting.date) if m.id not in listed
        ]
        if not people:
            self.notify("本支部党员都已在名单中；外来人员按 w 添加", timeout=4)
            return

        def picked(member_id: str | None) -> None:
            if member_id is None:
                return
            row = Attendance(member_id=member_id, status="observer")
            self.meeting.attendance.append(row)
            self._draw()
            self.changed()
            self._ask_reason_observer(row)

        self.app.push_screen(MemberPicker("选择列席的本支部党员", people), picked)

    def _ask_reason_observer(self, row: Attendance) -> None:
        def answered(text: str | None) -> None:
            if text is not None:
                row.reason = text
                self._draw()
                self.changed()

        self.app.push_screen(TextPrompt(f"{self.person_name(row.member_id)}的列席原因"), answered)

    def action_add_outside(self) -> None:
        self._edit_outside(None)

    def _edit_outside(self, index: int | None) -> None:
        observers = self.meeting.observers
        current = observers[index] if index is not None else Observer(name="")

        def done(values: Values | None) -> None:
            if values is None:
                return
            observer = Observer(name=values["name"], post=values["post"], reason=values["reason"])
            if index is None:
                observers.append(observer)
            else:
                observers[index] = observer
            self._draw()
            self.changed()

        values = {"name": current.name, "post": current.post, "reason": current.reason}
        self.app.push_screen(
            FormDialog("列席人员（外来）", OBSERVER_FORM, values, today=self.today), done
        )

    def action_remove(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        key, entry = selected
        if isinstance(entry, Observer):
            del self.meeting.observers[int(key.removeprefix("observer-"))]
        elif entry.status == "observer" or not entry.expected:
            self.meeting.attendance = [
                r for r in self.meeting.attendance if r.member_id != entry.member_id
            ]
        else:
            self.notify("应到人员不能删除；不来的请按空格标为请假或缺席", timeout=4)
            return
        self._draw()
        self.changed()

    # Errors --------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        lines = []
        for path, message in errors.items():
            who = self.person_at(path)
            lines.append(f"{who}：{message}" if who else message)
        self.query_one("#attendance-errors", Static).update("\n".join(lines))

    def focus_path(self, path: str) -> bool:
        parts = path.split(".")
        self.table.focus()
        if len(parts) > 1 and parts[0] == "attendance" and parts[1].isdigit():
            index = int(parts[1])
            if index < len(self.meeting.attendance):
                member_id = self.meeting.attendance[index].member_id
                keys = [k for k, _ in self._rows()]
                if member_id in keys:
                    self.table.move_cursor(row=keys.index(member_id))
        return True
