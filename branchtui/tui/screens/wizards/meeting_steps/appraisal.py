"""Step 5 of a 民主评议党员 (LIFE-7, NAT-7): the five stages' dates, the ballots, and per member the
votes for each grade and the grade given; 预备党员 take part without a grade. Who still lacks a
grade and whether 优秀 stays within its share are said as the grades are keyed in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from branchtui.domain.appraisal import (
    appraisal_day,
    appraisal_gaps,
    excellent_cap,
    fill_results,
)
from branchtui.domain.records import Appraisal, AppraisalResult
from branchtui.domain.records.meetings import APPRAISAL_GRADES, APPRAISAL_STEPS
from branchtui.domain.roster import status_on
from branchtui.tui.registry.life import APPRAISAL_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.wizards.form_dialog import FormDialog, Values
from branchtui.tui.screens.wizards.meeting_steps.base import MeetingStep
from branchtui.tui.widgets.field_group import FieldGroup, FieldSpec

FORM = (
    FieldSpec("year", "评议年度", "int", required=True),
    *(FieldSpec(f"step_{key}", label, "date") for key, label in APPRAISAL_STEPS.items()),
    FieldSpec("ballots_issued", "发出评议票", "int"),
    FieldSpec("ballots_returned", "收回评议票", "int"),
    FieldSpec("ballots_valid", "有效评议票", "int"),
)
TALLY = tuple(FieldSpec(key, f"{label}票数", "int") for key, label in APPRAISAL_GRADES.items())
# (title, cells): the votes for each grade, then the grade given; fits 80 columns.
COLUMNS = (
    ("姓名", 8),
    ("类别", 8),
    *((label, 8) for label in APPRAISAL_GRADES.values()),
    ("评定等次", 20),
)


class AppraisalStep(MeetingStep):
    """评议步骤、票数、每名党员的等次."""

    STEP_ID = "appraisal"
    TITLE = "民主评议：步骤、票数、等次（数字键 1-4 评定等次）"
    SHORT = "评议"
    BINDINGS: ClassVar[list[BindingType]] = keys_of(APPRAISAL_KEYS)
    DEFAULT_CSS = """
    AppraisalStep #ap-table { height: auto; max-height: 14; }
    AppraisalStep #ap-status { height: auto; }
    """

    @classmethod
    def applies_to(cls, kinds: Iterable[str]) -> bool:
        return "appraisal" in kinds

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="ap-status")
            table: DataTable[str | Text] = DataTable(
                id="ap-table", cursor_type="row", zebra_stripes=True
            )
            for title, width in COLUMNS:
                table.add_column(title, width=width)
            yield table
            yield Static("评议步骤和票数", classes="section-title")
            yield FieldGroup(FORM, self._values(), today=self.today, prefix="ap", id="ap-form")

    @property
    def appraisal(self) -> Appraisal:
        return self.wizard.ensure_appraisal()

    @property
    def form(self) -> FieldGroup:
        return self.query_one("#ap-form", FieldGroup)

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#ap-table", DataTable)

    def _values(self) -> dict[str, Any]:
        a = self.appraisal
        values: dict[str, Any] = {
            "year": a.year,
            "ballots_issued": a.ballots_issued,
            "ballots_returned": a.ballots_returned,
            "ballots_valid": a.ballots_valid,
        }
        for key in APPRAISAL_STEPS:
            values[f"step_{key}"] = a.steps.get(key)  # type: ignore[call-overload]
        return values

    def first_focus(self) -> Widget:
        return self.table

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        self.form.fill(self._values())
        fill_results(self.appraisal, self.data.members)
        self._draw()

    def _day(self) -> dt.date:
        return appraisal_day(self.appraisal)

    def _draw(self) -> None:
        a = self.appraisal
        table = self.table
        row = table.cursor_row
        table.clear()
        day = self._day()
        for result in a.results:
            member = self.data.find("members", result.member_id)
            probationary = member is not None and status_on(member, day) == "probationary"
            counts = [str(result.tally.get(g, "")) for g in APPRAISAL_GRADES]  # type: ignore[call-overload]
            grade = APPRAISAL_GRADES.get(result.grade, "")
            shown = Text("不评等次", style="dim") if probationary and not grade else Text(grade)
            if probationary and grade:
                shown = Text(f"{grade}（不应评定）", style="bold red")
            table.add_row(
                self.person_name(result.member_id),
                "预备党员" if probationary else "正式党员",
                *counts,
                shown,
                key=result.member_id,
            )
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self._status()

    def _status(self) -> None:
        a = self.appraisal
        gaps = appraisal_gaps(a, self.data.members)
        cap = excellent_cap(a, self.data.members, self.wizard.profile)
        parts = [f"已评定{cap.graded}名，优秀{cap.excellent}名（最多{cap.cap}名）"]
        line = Text("；".join(parts))
        if cap.exceeded:
            line.append("；优秀超过规定比例", style="bold red")
        missing = [*gaps.missing, *gaps.ungraded]
        if missing:
            names = "、".join(m.name for m in missing[:6]) + ("等" if len(missing) > 6 else "")
            line.append(f"\n尚未评定等次的正式党员{len(missing)}名：{names}", style="yellow")
        elif a.results:
            line.append("\n每名正式党员都已评定等次（LIFE-7）", style="green")
        if gaps.graded_probationary:
            names = "、".join(m.name for m in gaps.graded_probationary)
            line.append(f"\n{names}为预备党员，参加评议但不评定等次（NAT-7）", style="bold red")
        self.query_one("#ap-status", Static).update(line)

    # Keys ---------------------------------------------------------------------------

    def _selected(self) -> AppraisalResult | None:
        results = self.appraisal.results
        row = self.table.cursor_row
        return results[row] if 0 <= row < len(results) else None

    def action_grade(self, grade: str) -> None:
        result = self._selected()
        if result is None:
            return
        member = self.data.find("members", result.member_id)
        if grade and member is not None and status_on(member, self._day()) == "probationary":
            # Said, and passed over: a run of grade keys goes on with the next member.
            self.notify(f"{member.name}为预备党员：参加评议，不评定等次（NAT-7）", timeout=4)
            if self.table.cursor_row < self.table.row_count - 1:
                self.table.move_cursor(row=self.table.cursor_row + 1)
            return
        result.grade = grade  # type: ignore[assignment]
        self._draw()
        if self.table.cursor_row < self.table.row_count - 1:
            self.table.move_cursor(row=self.table.cursor_row + 1)
        self.changed()

    def action_tally(self) -> None:
        result = self._selected()
        if result is None:
            return

        def done(values: Values | None) -> None:
            if values is None:
                return
            result.tally = {k: v for k, v in values.items() if v}  # type: ignore[misc]
            self._draw()
            self.changed()

        values = {g: result.tally.get(g) for g in APPRAISAL_GRADES}  # type: ignore[call-overload]
        self.app.push_screen(
            FormDialog(
                f"{self.person_name(result.member_id)}的得票", TALLY, values, today=self.today
            ),
            done,
        )

    @on(DataTable.RowSelected, "#ap-table")
    def _enter(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_tally()

    # The record ---------------------------------------------------------------------

    def store(self) -> dict[str, str]:
        values, errors = self.form.read()
        a = self.appraisal
        if "year" not in errors and values["year"] is not None:
            a.year = values["year"]
        steps = {}
        for key in APPRAISAL_STEPS:
            if values[f"step_{key}"] is not None:
                steps[key] = values[f"step_{key}"]
        a.steps = steps  # type: ignore[assignment]
        for name in ("ballots_issued", "ballots_returned", "ballots_valid"):
            if name not in errors:
                setattr(a, name, values[name])
        return {k if not k.startswith("step_") else "steps": v for k, v in errors.items()}

    def show_errors(self, errors: dict[str, str]) -> None:
        own = {}
        for path, message in errors.items():
            head = path.split(".")[0]
            if head == "steps":
                own["step_mobilization"] = message
            elif head == "results":
                self.notify(message, title="评议结果", severity="warning")
            else:
                own[head] = message
        self.form.show_errors(own)

    def focus_path(self, path: str) -> bool:
        head = path.split(".")[0]
        if head == "results":
            self.table.focus()
            return True
        return self.form.focus_field("step_mobilization" if head == "steps" else head)
