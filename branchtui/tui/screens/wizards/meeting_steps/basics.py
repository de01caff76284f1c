"""Step 1: the kind (and what else the record counts as, LIFE-9), the group of a 党小组会, date,
start and end, place, host and recorder; a 主题党日's date window and ≥2 h length (LIFE-5)
are explained as they are typed."""

from __future__ import annotations

import dataclasses
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from branchtui.domain.meetings.roll import refit_attendance
from branchtui.domain.meetings.theme_day import (
    length_text,
    minutes_of,
    theme_day_length_problem,
    theme_day_window,
)
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.tui.screens.wizards.meeting_steps.base import SHORT_KINDS, MeetingStep
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.choice_field import ChoiceField, ToggleRow
from branchtui.tui.widgets.field_group import FieldGroup, FieldSpec

# Field name in the form → field path of the record (for errors and 台账体检 jumps).
PATHS = {"primary": "kinds", "also": "kinds"}
NAMES = {
    "kinds": "primary",
    "date": "date",
    "start": "start",
    "end": "end",
    "duration_minutes": "end",
    "place": "place",
    "host_id": "host_id",
    "recorder_id": "recorder_id",
    "group_id": "group_id",
}


def _others(primary: str) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in SHORT_KINDS.items() if k != primary)


class BasicsStep(MeetingStep):
    """会议类型、时间、地点、主持人、记录人."""

    STEP_ID = "basics"
    TITLE = "会议类型、时间、地点、主持人、记录人"
    SHORT = "基本信息"

    explained = ""

    def compose(self) -> ComposeResult:
        m = self.meeting
        groups = tuple((g.id, g.name) for g in self.data.groups if g.dissolved is None)
        specs = [
            FieldSpec("primary", "会议类型", "choice", tuple(MEETING_KINDS.items())),
            FieldSpec("also", "同时计为", "multi", _others(m.kinds[0])),
            FieldSpec("group_id", "党小组", "choice", groups or (("", "（尚未设立党小组）"),)),
            FieldSpec("date", "会议日期", "date", required=True),
            FieldSpec("start", "开始时间", "time", placeholder="如 14:30 或 1430"),
            FieldSpec("end", "结束时间", "time", placeholder="如 16:30"),
            FieldSpec("place", "地点"),
            FieldSpec("host_id", "主持人", "member"),
            FieldSpec("recorder_id", "记录人", "member"),
        ]
        yield FieldGroup(
            specs,
            self._values(),
            today=self.today,
            people=self.people,
            describe=self.describe,
            prefix="basics",
            id="basics-form",
        )
        yield Static("", id="basics-info", markup=False)

    @property
    def form(self) -> FieldGroup:
        return self.query_one("#basics-form", FieldGroup)

    def _values(self) -> dict[str, Any]:
        m = self.meeting
        return {
            "primary": m.kinds[0],
            "also": m.kinds[1:],
            "group_id": m.group_id,
            "date": m.date,
            "start": m.start,
            "end": m.end,
            "place": m.place,
            "host_id": m.host_id,
            "recorder_id": m.recorder_id,
        }

    def on_mount(self) -> None:
        self._adapt()
        self._explain()

    def first_focus(self) -> Widget:
        return self.form.field("date")

    def load(self) -> None:
        self.form.fill(self._values())
        self._adapt()
        self._explain()

    def _adapt(self) -> None:
        """Show the group only for a 党小组会; offer the other kinds as 同时计为."""
        primary = self.form.field("primary")
        assert isinstance(primary, ChoiceField)
        also = self.form.field("also")
        assert isinstance(also, ToggleRow)
        choices = list(_others(primary.value))
        if [k for k, _ in choices] != [k for k, _ in also.choices]:
            also.choices = choices
            also.value = [k for k in also.value if k != primary.value]
            also.cursor = 0
            also.refresh(layout=True)
        kinds = [primary.value, *also.value]
        self.form.row("group_id").display = "group_meeting" in kinds

    @on(FieldGroup.Changed, "#basics-form")
    def _changed(self, event: FieldGroup.Changed) -> None:
        if event.name in ("primary", "also"):
            self._adapt()
        self._explain()

    def _explain(self) -> None:
        """The length of the meeting, and for a 主题党日 its window and the 2 hours (LIFE-5)."""
        values, _errors = self.form.read()
        lines: list[str] = []
        kinds = [values["primary"], *(values["also"] or [])]
        trial = self.meeting
        if values["date"] is not None:
            trial = dataclasses.replace(
                self.meeting,
                kinds=kinds,
                date=values["date"],
                start=values["start"] or "",
                end=values["end"] or "",
                duration_minutes=None,
            )
            length = minutes_of(trial)
            if length is not None:
                lines.append(f"会议时长：{length_text(length)}")
        if values["date"] is not None and values["date"] > self.today:
            # A duty still to come opens dated in its period: a draft until the meeting is held.
            lines.append("会议尚未召开：可先填写（草稿随时保存），会后核对日期再保存")
        if "theme_day" in kinds and values["date"] is not None:
            wizard = self.wizard
            window = theme_day_window(
                values["date"], wizard.calendar, wizard.profile, wizard.non_public
            )
            mark = "" if window.allowed else "注意："
            lines.append(f"{mark}{window.explanation}（LIFE-5）")
            if values["start"] and values["end"]:
                problem = theme_day_length_problem(trial, wizard.profile)
                if problem:
                    lines.append(f"注意：{problem}（LIFE-5）")
        elif self.work.window:
            lines.append(self.work.window)
        text = terminal_safe("\n".join(lines))
        if text != self.explained:  # a new layout only when the line changes, not every key
            self.explained = text
            self.query_one("#basics-info", Static).update(text)

    def store(self) -> dict[str, str]:
        values, errors = self.form.read()
        m = self.meeting
        kinds = [values["primary"], *(values["also"] or [])]
        group_id = values["group_id"] or None if "group_meeting" in kinds else None
        day = values["date"] or m.date
        if (kinds, day, group_id) != (list(m.kinds), m.date, m.group_id):
            m.attendance = refit_attendance(m.attendance, self.data, kinds, day, group_id)
        m.kinds = kinds
        m.group_id = group_id
        m.date = day
        for name in ("start", "end"):
            if name not in errors:
                setattr(m, name, values[name] or "")
        m.duration_minutes = None
        m.place = values["place"]
        m.host_id = values["host_id"]
        m.recorder_id = values["recorder_id"]
        return {PATHS.get(k, k): v for k, v in errors.items()}

    def show_errors(self, errors: dict[str, str]) -> None:
        self.form.show_errors({NAMES.get(p, p): msg for p, msg in errors.items()})

    def focus_path(self, path: str) -> bool:
        return self.form.focus_field(NAMES.get(path.split(".")[0], "date"))
