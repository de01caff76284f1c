"""思想动态 (CARE-1): members seen to waver in thought, or with a 倾向性、苗头性 problem.

Each entry owes a talk with the secretary (CARE-1, domain/obligations/care.py) until one is
recorded; t opens the talk form about the highlighted entry, prefilled as the CARE-1 duty's
settling does (the member, the trigger 思想波动, the entry, a 专题谈话, the secretary). d closes
an entry with the date and how it was resolved, kept as history (h shows it).
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.roll import UNKNOWN_PERSON, person_name
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations.care import fluctuation_event, talk_about, talk_held
from branchtui.domain.records import BranchData, Fluctuation, Record, Talk
from branchtui.domain.records.care import TALK_KINDS
from branchtui.tui.registry.care import FLUCTUATIONS
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.screens.talks import TALK_FORM, talk_values
from branchtui.tui.widgets.record_fields import FormSpec, members_for
from branchtui.tui.widgets.record_form import RecordForm

NOT_TALKED = "未谈话"


def _names(data: BranchData) -> dict[str, str]:
    return display_names(data.members)


def _talk(entry: Any, data: BranchData) -> Talk | None:
    """The talk that settles the entry's CARE-1 duty, whenever it was held."""
    return talk_held(fluctuation_event(entry, _names(data)), data)


def _talk_cell(entry: Any, data: BranchData) -> str:
    talk = _talk(entry, data)
    return format_date(talk.date) if talk is not None else NOT_TALKED


def _reporter(entry: Any, data: BranchData) -> str:
    member = data.find("members", entry.reporter_id)
    return member.name if member is not None else entry.reporter_name


def _detail(entry: Any, data: BranchData) -> str:
    reporter = _reporter(entry, data)
    lines = [f"波动情况：{entry.description}" + (f"（{reporter}反映）" if reporter else "")]
    talk = _talk(entry, data)
    if talk is None:
        lines.append("书记尚未与其谈心谈话，按 t 登记谈话（CARE-1）")
    else:
        lines.append(f"已谈话：{format_date(talk.date)}，{TALK_KINDS.get(talk.kind, talk.kind)}")
    if entry.closed is not None:
        lines.append(f"化解：{format_date(entry.closed)}，{entry.resolution}")
    return "\n".join(lines)


CLOSE_FORM = FormSpec(
    ("closed", "resolution"),
    hints={"resolution": "如：经谈心谈话和组织帮助，思想稳定，工作安心"},
)


class FluctuationsScreen(RegisterScreen):
    """The 思想动态 register; t records the talk each entry owes (CARE-1)."""

    SCREEN_ID = FLUCTUATIONS.id
    BINDINGS: ClassVar[list[BindingType]] = FLUCTUATIONS.bindings()
    REGISTER = Register(
        Fluctuation,
        columns=(
            field_column(Fluctuation, "noticed"),
            field_column(Fluctuation, "member_id"),
            field_column(Fluctuation, "description", width=26),
            Column("谈话", _talk_cell),
            field_column(Fluctuation, "closed", "化解"),
        ),
        form=FormSpec(
            (
                "member_id",
                "noticed",
                "description",
                "reporter_id",
                "reporter_name",
                "closed",
                "resolution",
            ),
            hints={
                "description": "只记简要情况，如：工作调整后情绪低落",
                "reporter_name": "本支部党员在上一项选择；其他人在此填写",
                "closed": "问题化解后填写（也可在列表中按 d）",
            },
        ),
        rules=("CARE-1",),
        date_field="noticed",
        closed_field="closed",
        close_form=CLOSE_FORM,
        defaults=lambda data, today: {"noticed": today},
        detail=_detail,
        empty="尚无思想波动记录，按 a 新增",
    )

    def close_title(self, record: Record) -> str:
        name = person_name(self.data, getattr(record, "member_id", None), UNKNOWN_PERSON)
        return f"思想波动化解：{name}"

    def close_form_spec(self) -> FormSpec:
        data = self.data

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            if isinstance(record, Fluctuation) and _talk(record, data) is None:
                return {}, {"closed": "尚未登记与该党员的谈心谈话（CARE-1），化解后仍须谈话"}
            return {}, {}

        return dataclasses.replace(CLOSE_FORM, check=check)

    def action_talk(self) -> None:
        """The talk form about the highlighted entry, prefilled (CARE-1)."""
        entry = self._editable()
        if not isinstance(entry, Fluctuation):
            return
        data = self.data
        values = talk_values(talk_about(fluctuation_event(entry, _names(data)), data, self.today))
        form = RecordForm(
            Talk,
            TALK_FORM,
            store=self.store,
            today=self.today,
            members=members_for(data, None, values),
            defaults=values,
        )
        self.app.push_screen(form, lambda talk: self._talked(entry, talk))

    def _talked(self, entry: Fluctuation, talk: Record | None) -> None:
        if talk is None:
            return
        self.reload()
        self.select(entry.id)
        self.notify(f"已保存{Talk.LABEL}", timeout=3)
