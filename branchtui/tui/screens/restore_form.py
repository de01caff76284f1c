"""恢复党籍 (r): the one form that restores a member under 停止党籍, opened from the roster's
history, the 失联 register and the 因私出国（境） register alike (domain/restoration.py)."""

from __future__ import annotations

from typing import Any

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.meetings.roll import UNKNOWN_PERSON, person_name
from branchtui.domain.records import MembershipRestoration, Record
from branchtui.domain.restoration import (
    is_suspended,
    restoration_problems,
    restore_membership,
    restored_note,
)
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.record_fields import FormSpec
from branchtui.tui.widgets.record_form import RecordForm

FIELDS = ("member_id", "applied", "meeting", "approved", "approval_ref", "restored", "note")
HINTS = {
    "member_id": "停止党籍的党员",
    "applied": "本人申请恢复党籍之日",
    "meeting": "支部党员大会讨论",
    "approved": "报上级党委批准",
    "restored": "从此日起重新列入名册；党费、组织生活、民主评议从此日起计算，此前不补",
}


def open_restoration(screen: DataScreen, member_id: str | None) -> None:
    """The 恢复党籍 form for ``member_id`` (the highlighted member), or a message why not."""
    data = screen.data
    member = data.find("members", member_id)
    if member is None:
        screen.notify("请先选中一名停止党籍的党员", severity="warning")
        return
    name = person_name(data, member.id, UNKNOWN_PERSON)
    if not is_suspended(member):
        why = "仍在党员名册中" if member.removed is None else "不是因停止党籍移出名册"
        screen.notify(f"{name}{why}，无需恢复党籍", severity="warning", timeout=6)
        return

    def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
        if not isinstance(record, MembershipRestoration):
            return {}, {}
        return restoration_problems(data, record), {}

    def changes(before: Any, after: MembershipRestoration) -> RecordChanges:
        return restore_membership(data, after)

    def saved(record: MembershipRestoration | None) -> None:
        if record is not None:
            screen.reload()
            screen.notify(restored_note(record), timeout=6)

    assert member.removed is not None
    form = RecordForm(
        MembershipRestoration,
        FormSpec(FIELDS, hints=HINTS, check=check),
        store=screen.store,
        today=screen.today,
        members=[m for m in data.members if is_suspended(m)],
        defaults={"member_id": member.id, "restored": screen.today},
        changes=changes,
        title=f"恢复党籍：{name}（{format_date(member.removed)}停止党籍）",
        focus="applied",
    )
    screen.app.push_screen(form, saved)
