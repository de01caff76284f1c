"""Form fields that hold members: one (a host, a contact person) or several (participants).

They show the chosen names; Enter opens the picker, where members are found by name, pinyin or
initials. ``value`` is the member id (or the list of ids), as the record stores it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from branchtui.domain.records import Member
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.members_picker import MembersPicker

_CHOOSE: list[BindingType] = [
    Binding(
        "enter,space",
        "choose",
        "选择",
        id="member-field-choose",
        tooltip="按姓名、拼音或首字母选择党员",
        show=False,
    ),
    Binding(
        "delete,backspace",
        "clear",
        "清除",
        id="member-field-clear",
        tooltip="清除所选党员",
        show=False,
    ),
]


class _MembersBase(Static, can_focus=True):
    DEFAULT_CSS = """
    MemberField, MembersField { width: 30; height: 1; background: $boost; padding: 0 1; }
    MemberField:focus, MembersField:focus { background: $accent 30%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = _CHOOSE

    class Changed(Message):
        """The choice changed (the form re-checks its fields)."""

    def __init__(self, members: list[Member], title: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.members = members
        self.title = title
        self.names = {m.id: m.name for m in members}


class MemberField(_MembersBase):
    """One member (or none)."""

    value: reactive[str | None] = reactive(None)

    def __init__(
        self, members: list[Member], title: str, value: str | None, *, id: str | None = None
    ) -> None:
        super().__init__(members, title, id=id)
        self.set_reactive(MemberField.value, value)

    def render(self) -> str:
        if self.value is None:
            return "（按 Enter 选择）"
        return self.names.get(self.value, "（已不在名册）")

    def action_choose(self) -> None:
        self.app.push_screen(MemberPicker(self.title, self.members), self._chosen)

    def _chosen(self, chosen: str | None) -> None:
        if chosen is not None:
            self.value = chosen
            self.post_message(self.Changed())

    def action_clear(self) -> None:
        self.value = None
        self.post_message(self.Changed())


class MembersField(_MembersBase):
    """Several members; shows how many and the first names."""

    value: reactive[list[str]] = reactive(list)

    def __init__(
        self, members: list[Member], title: str, value: list[str], *, id: str | None = None
    ) -> None:
        super().__init__(members, title, id=id)
        self.set_reactive(MembersField.value, list(value))

    def render(self) -> str:
        if not self.value:
            return "（按 Enter 选择）"
        names = [self.names.get(i, "（已不在名册）") for i in self.value]
        shown = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
        return f"{len(names)}人：{shown}"

    def action_choose(self) -> None:
        self.app.push_screen(MembersPicker(self.title, self.members, self.value), self._chosen)

    def _chosen(self, chosen: list[str] | None) -> None:
        if chosen is not None:
            self.value = chosen
            self.post_message(self.Changed())

    def action_clear(self) -> None:
        self.value = []
        self.post_message(self.Changed())
