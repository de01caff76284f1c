"""谈心谈话 (CARE-1): the talks held, and the talks owed after a transfer, a going out or abroad,
an ideological fluctuation (思想动态) or a case of handling; recording a talk about the event
settles it."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.committee import holder
from branchtui.domain.dates import format_date
from branchtui.domain.obligations import Obligation
from branchtui.domain.obligations.care import TalkEvent, owed_talks, talk_about
from branchtui.domain.records import BranchData, Talk
from branchtui.domain.records.care import TALK_TRIGGERS
from branchtui.tui.registry.care import TALKS
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


def _with_whom(talk: Any, data: BranchData) -> str:
    member = data.find("members", talk.member_id)
    return member.name if member is not None else talk.person_name


def _defaults(data: BranchData, today: Any) -> dict[str, Any]:
    secretary = holder(data, "secretary", today)
    return {"date": today, "talker_id": secretary.id if secretary else None}


def event_line(event: TalkEvent) -> str:
    """One owed talk as the list of choices shows it."""
    trigger = TALK_TRIGGERS.get(event.trigger, event.trigger)
    return f"{event.person_name or '（未知）'}  {format_date(event.date)} {trigger}"


# The talk form, here and wherever a talk about an event is recorded (思想动态's t).
TALK_FORM = FormSpec(
    ("member_id", "person_name", "date", "kind", "trigger", "talker_id", "content"),
    hints={"person_name": "本支部党员在上一项选择；其他人在此填写姓名"},
)


def talk_values(talk: Talk) -> dict[str, Any]:
    """A new talk's fields as a form's starting values (no id or revision of its own)."""
    values = {f.name: getattr(talk, f.name) for f in dataclasses.fields(talk)}
    del values["id"], values["rev"]
    return values


class TalksScreen(RegisterScreen):
    """Talks; o lists the owed ones (CARE-1) and records a talk about the one chosen."""

    SCREEN_ID = TALKS.id
    BINDINGS: ClassVar[list[BindingType]] = TALKS.bindings()
    REGISTER = Register(
        Talk,
        columns=(
            field_column(Talk, "date"),
            Column("谈话对象", _with_whom),
            field_column(Talk, "kind", "类型"),
            field_column(Talk, "trigger", "起因"),
            field_column(Talk, "talker_id"),
            field_column(Talk, "content"),
        ),
        form=TALK_FORM,
        rules=("CARE-1",),
        defaults=_defaults,
    )

    def owed(self) -> list[TalkEvent]:
        return owed_talks(self.data, self.today)

    def action_owed(self) -> None:
        owed = self.owed()
        if not owed:
            self.notify("目前没有须谈心谈话的事项", timeout=3)
            return
        choices = {event.id: event_line(event) for event in owed}

        def chosen(event_id: str | None) -> None:
            event = next((e for e in owed if e.id == event_id), None)
            if event is not None:
                self.talk_for(event)

        self.app.push_screen(ChoicePrompt("须谈心谈话的事项（选一项登记谈话）", choices), chosen)

    def talk_for(self, event: TalkEvent) -> None:
        """The add form, prefilled with a talk about ``event``."""
        self._form(None, talk_values(talk_about(event, self.data, self.today)))

    def settle(self, ob: Obligation) -> None:
        """A talk owed (CARE-1 due): the form about that event; otherwise as any register."""
        if ob.rule == "CARE-1" and ob.status in ("due", "overdue"):
            for event in self.owed():
                if event.id in ob.refs:
                    self.talk_for(event)
                    return
        super().settle(ob)
