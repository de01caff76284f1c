"""A form field holding one member (主持人, 责任人) or several (计票人) for forms filled by Enter
alone: typing a letter of a name's pinyin opens the member picker with it, Enter moves on to
the next field, Backspace clears. (widgets/member_field.py's fields open the picker on Enter.)

The picker is the shared MemberPicker (pinyin, initials, Chinese); after a pick the form moves
to the next field by itself, so "zs" Enter fills 主持人 with 张三 and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from branchtui.domain.records import Member
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.member_picker import MemberPicker


class PinyinMemberField(Widget, can_focus=True):
    """``value`` is a member id (or None); with ``many``, ``values`` is a list of ids."""

    DEFAULT_CSS = """
    PinyinMemberField { height: 1; width: 1fr; padding: 0 1; }
    PinyinMemberField:focus { background: $accent 30%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "enter",
            "确定",
            id="member-enter",
            show=False,
            tooltip="确定并移到下一项；输入拼音或首字母选择党员",
        ),
        Binding("space", "pick", "选择", id="member-pick", show=False, tooltip="打开党员列表选择"),
        Binding(
            "backspace,delete",
            "clear",
            "清除",
            id="member-clear",
            show=False,
            tooltip="清除所选党员（多人时清除最后一人）",
        ),
    ]

    class Changed(Message):
        """The member (or members) changed."""

        def __init__(self, field: PinyinMemberField) -> None:
            super().__init__()
            self.field = field

    def __init__(
        self,
        people: Callable[[], Sequence[Member]],
        values: Sequence[str] = (),
        *,
        title: str = "选择党员",
        many: bool = False,
        describe: Callable[[str], str] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.people = people
        self.values = [v for v in values if v]
        self.title = title
        self.many = many
        self.describe = describe  # a name with its post: "张三（支部书记）"

    @property
    def value(self) -> str | None:
        return self.values[0] if self.values else None

    @value.setter
    def value(self, member_id: str | None) -> None:
        self.values = [member_id] if member_id else []
        self.refresh()

    def name_of(self, member_id: str) -> str:
        if self.describe is not None:
            return self.describe(member_id)
        found = next((m for m in self.people() if m.id == member_id), None)
        return found.name if found is not None else "（已删除）"

    def render(self) -> Text:
        if not self.values:
            hint = "输入拼音或首字母选择" if self.has_focus else "（未指定）"
            return Text(hint, style="dim")
        names = "、".join(self.name_of(v) for v in self.values)
        if self.has_focus:
            return Text.assemble(names, ("  输入拼音" + ("添加" if self.many else "更换"), "dim"))
        return Text(names)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if char and char.isprintable() and not char.isspace() and event.key != "space":
            event.stop()
            event.prevent_default()
            self._open(char)

    def action_pick(self) -> None:
        self._open("")

    def _open(self, query: str) -> None:
        chosen_ids = set(self.values) if self.many else set()
        people = [m for m in self.people() if m.id not in chosen_ids]
        self.app.push_screen(MemberPicker(self.title, people, query=query), self._picked)

    def _picked(self, member_id: str | None) -> None:
        if member_id is None:
            return
        if self.many:
            self.values = [*self.values, member_id]
        else:
            self.values = [member_id]
        self.refresh()
        self.post_message(self.Changed(self))
        if not self.many:
            self.post_message(Entered(self))

    def action_clear(self) -> None:
        if self.values:
            self.values = self.values[:-1] if self.many else []
            self.refresh()
            self.post_message(self.Changed(self))

    def action_enter(self) -> None:
        self.post_message(Entered(self))
