"""Form fields that hold members: one (主持人, 责任人) or several (计票人, 参加人员).

Every form picks members the same way (registry/forms.py MEMBER_FIELD_KEYS, and the hint
MEMBER_HINT the forms show):

- typing a name, its pinyin or initials on the field opens the member list filtered by what is
  typed; Enter there takes the highlighted member. A one-member field then moves on to the next
  field; a several-members field adds the member and keeps the cursor, for the next name;
- Enter on the field moves on to the next field (the form posts ``Entered`` handling as for a
  text box), as everywhere in a form;
- Space lists every member (a several-members field as a list to tick, Ctrl+A all, Ctrl+S done);
- Backspace/Del clears (a several-members field drops the last one).

``value`` is the member id (or the list of ids), as the record stores it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from branchtui.domain.records import Member
from branchtui.domain.search import sort_by_pinyin
from branchtui.tui.registry.forms import MEMBER_FIELD_KEYS, MEMBER_TYPING
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.shown_names import shown_names
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.members_picker import MembersPicker

# The line a form with member fields shows with its other keys.
MEMBER_HINT = "党员：输入拼音查找，空格列出"
EMPTY = "输入拼音查找，空格列出"
GONE = "（已不在名册）"

People = Sequence[Member] | Callable[[], Sequence[Member]]


def form_hint(members: bool) -> str:
    """The keys line of a form: Enter moves on, how a member is picked when the form has a
    member field, how it is saved and left (fits a 70-column dialog)."""
    return f"Enter 下一项  {MEMBER_HINT + '  ' if members else ''}Ctrl+S 保存  Esc 取消"


def starts_search(event: events.Key) -> bool:
    """Whether a key typed on a member field starts a search: a letter or a Chinese character
    (a name, its pinyin or initials); digits and signs are left to the form and the app."""
    char = event.character
    return bool(char) and event.key != "space" and char.isalpha()  # type: ignore[union-attr]


class _MemberChoice(Widget, can_focus=True):
    """What one- and several-member fields share: the keys, the people, the names shown."""

    DEFAULT_CSS = """
    MemberField, MembersField { width: 30; height: 1; background: $boost; padding: 0 1; }
    MemberField:focus, MembersField:focus { background: $accent 30%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys_of(MEMBER_FIELD_KEYS)
    # What F1 says of the keys that are not bindings (typing a name).
    TYPED_KEYS: ClassVar[tuple[tuple[str, str, str], ...]] = MEMBER_TYPING
    many: ClassVar[bool] = False

    class Changed(Message):
        """The choice changed (the form re-checks its fields)."""

        def __init__(self, field: _MemberChoice) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> _MemberChoice:
            return self.field

    def __init__(
        self,
        members: People,
        title: str,
        *,
        describe: Callable[[str], str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.people = members
        self.title = title
        self.describe = describe  # a name with its post: "张三（支部书记）"

    @property
    def members(self) -> list[Member]:
        """The members offered (those of a callable as they are now)."""
        people = self.people
        return list(people() if callable(people) else people)

    @members.setter
    def members(self, members: Sequence[Member]) -> None:
        self.people = list(members)
        self.refresh()

    @property
    def chosen(self) -> list[str]:
        raise NotImplementedError

    def name_of(self, member_id: str) -> str:
        if self.describe is not None:
            return self.describe(member_id)
        found = next((m for m in self.members if m.id == member_id), None)
        if found is None:
            return GONE
        # Namesakes as everywhere else: 张三（1980年生）.
        return shown_names(self.app, [found])[found.id]

    @property
    def names(self) -> str:
        """The chosen members as the field shows them ("3人：…等" beyond three)."""
        names = [self.name_of(i) for i in self.chosen]
        if len(names) > 3:
            return f"{len(names)}人：{'、'.join(names[:3])}等"
        return "、".join(names)

    def render(self) -> Text:
        if not self.chosen:
            return Text(EMPTY, style="dim")
        if self.has_focus:
            return Text.assemble(
                self.names, ("  输入拼音" + ("添加" if self.many else "更换"), "dim")
            )
        return Text(self.names)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        if starts_search(event):
            event.stop()
            event.prevent_default()
            self._search(event.character or "")

    def _search(self, query: str) -> None:
        """The member list filtered by ``query``; Enter there takes the highlighted member."""
        taken = set(self.chosen) if self.many else set()
        people = [m for m in self.members if m.id not in taken]
        self.app.push_screen(MemberPicker(self.title, people, query=query), self._picked)

    def _picked(self, member_id: str | None) -> None:
        raise NotImplementedError

    def action_next(self) -> None:
        """Enter: on to the next field (the form decides what that is)."""
        self.post_message(Entered(self))

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self))


class MemberField(_MemberChoice):
    """One member (or none)."""

    value: reactive[str | None] = reactive(None)

    def __init__(
        self,
        members: People,
        title: str,
        value: str | None,
        *,
        describe: Callable[[str], str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(members, title, describe=describe, id=id)
        self.set_reactive(MemberField.value, value or None)

    @property
    def chosen(self) -> list[str]:
        return [self.value] if self.value else []

    def _picked(self, member_id: str | None) -> None:
        if member_id is not None:
            self.value = member_id
            self._changed()
            self.action_next()

    def action_list(self) -> None:
        """Space: every member, to pick one."""
        self._search("")

    def action_clear(self) -> None:
        if self.value is not None:
            self.value = None
            self._changed()


class MembersField(_MemberChoice):
    """Several members."""

    value: reactive[list[str]] = reactive(list)
    many = True

    def __init__(
        self,
        members: People,
        title: str,
        value: Sequence[str],
        *,
        describe: Callable[[str], str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(members, title, describe=describe, id=id)
        self.set_reactive(MembersField.value, [v for v in value if v])

    @property
    def chosen(self) -> list[str]:
        return list(self.value)

    def _picked(self, member_id: str | None) -> None:
        if member_id is not None and member_id not in self.value:
            # In the list's order (by pinyin), as the tick list gives them.
            order = {m.id: i for i, m in enumerate(sort_by_pinyin(self.members))}
            added = [*self.value, member_id]
            self.value = sorted(added, key=lambda i: order.get(i, len(order)))
            self._changed()

    def action_list(self) -> None:
        """Space: every member as a list to tick (Ctrl+A all, Ctrl+S done)."""
        self.app.push_screen(MembersPicker(self.title, self.members, self.value), self._ticked)

    def _ticked(self, chosen: list[str] | None) -> None:
        if chosen is not None and chosen != self.value:
            self.value = chosen
            self._changed()

    def action_clear(self) -> None:
        if self.value:
            self.value = self.value[:-1]
            self._changed()
