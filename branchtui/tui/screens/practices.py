"""好经验好做法 (REP-4): the branch's practice notes as a register (tui/screens/register.py),
newest first, with ``r`` to record when one went up to the upper committee — only reported
notes count for REP-4."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, ClassVar

from textual import work
from textual.binding import BindingType

from branchtui.domain.changes import RecordChanges
from branchtui.domain.records import PracticeNote
from branchtui.tui.registry.reports import PRACTICES
from branchtui.tui.screens.dialogs import DatePrompt
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


def _reported(notes: list[Any]) -> str:
    done = sum(1 for n in notes if n.reported is not None)
    return f"已上报 {done} 篇（REP-4 每年至少上报1篇）"


class PracticesScreen(RegisterScreen):
    """Practice notes; the year's reported ones are what REP-4 counts."""

    SCREEN_ID = PRACTICES.id
    BINDINGS: ClassVar[list[BindingType]] = PRACTICES.bindings()
    REGISTER = Register(
        PracticeNote,
        columns=(
            field_column(PracticeNote, "date"),
            field_column(PracticeNote, "title", "标题"),
            field_column(PracticeNote, "reported", "上报日期"),
        ),
        form=FormSpec(
            ("date", "title", "content", "reported"),
            hints={"reported": "上报上级党委的日期，尚未上报的不填（REP-4 只计已上报的）"},
        ),
        rules=("REP-4",),
        defaults=lambda data, today: {"date": today},
        summary=_reported,
        empty="尚未登记经验做法，按 a 新增",
    )

    @work(exclusive=True, group="practice-dialog")
    async def action_reported(self) -> None:
        note = self._highlighted()
        if not isinstance(note, PracticeNote):
            self.notify("请先选中一篇经验做法", severity="warning")
            return
        today = self.today

        def check(day: dt.date) -> str | None:
            if day < note.date:
                return f"上报日期不能早于经验做法的日期 {note.date.isoformat()}"
            if day > today:
                return f"上报日期不能晚于今天（{today.isoformat()}）"
            return None

        prompt = DatePrompt("上报上级党委的日期", today, note.reported, check)
        day = await self.app.push_screen_wait(prompt)
        if day is None:
            return
        changed = dataclasses.replace(note, reported=day)
        self.commit(
            lambda tx: tx.apply(RecordChanges(updates=(changed,))),
            f"已登记「{note.title}」于 {day.isoformat()} 上报",
        )
