"""Pick several members: type a name, pinyin or initials, Enter (or Space) adds or drops the one
shown highlighted, Ctrl+A takes every member shown, Ctrl+S confirms the choice."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from branchtui.domain.records import Member
from branchtui.domain.search import search_members, sort_by_pinyin
from branchtui.tui.registry.forms import MEMBERS_PICKER_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.saving import close_unless_typed
from branchtui.tui.shown_names import shown_names
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter


class _NameQuery(Input):
    """The query line; it leaves Space to the picker (names hold no spaces)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "space" and super().check_consume_key(key, character)


class MembersPicker(ModalScreen[list[str] | None]):
    """Dismisses with the chosen members' ids (in roster order), or None when cancelled."""

    DEFAULT_CSS = """
    MembersPicker #members-list { height: 12; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(MEMBERS_PICKER_KEYS), *MODAL_KEYS]

    def __init__(
        self,
        title: str,
        members: list[Member],
        chosen: list[str],
        notes: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.picker_title = title
        self.members = sort_by_pinyin(members)
        self.chosen = set(chosen)
        self.opened_with = set(chosen)
        self.discard_question = "放弃所做的勾选吗？"
        self.discard_choices = {"stay": "继续勾选", "discard": "放弃所做的勾选"}
        self.notes = notes or {}  # by member id, shown after the name (e.g. the current group)
        self.shown: list[Member] = []
        self.query_text = ""  # what ``shown`` was filtered by
        self.names: dict[str, str] = {m.id: m.name for m in self.members}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="members-picker"):
            yield Static(self.picker_title, classes="dialog-title", markup=False)
            yield _NameQuery(id="members-query", placeholder="输入姓名、拼音或首字母", compact=True)
            yield OptionList(id="members-list")
            yield Static(id="members-count", classes="hint", markup=False)
            yield Static(
                "Enter/空格 选中/取消   Ctrl+A 全选   Ctrl+S 确定   Esc 取消", classes="hint"
            )
        yield BranchFooter()

    def on_mount(self) -> None:
        self.names = shown_names(self.app, self.members)
        self._fill("")
        self.query_one("#members-query", Input).focus()

    def _line(self, member: Member) -> Text:
        names = self.names  # namesakes carry what tells them apart (张伟（1985年生）)
        width = max((cell_len(names[m.id]) for m in self.members), default=0)
        mark = "[x]" if member.id in self.chosen else "[ ]"
        line = Text(f"{mark} {names[member.id]}{' ' * (width - cell_len(names[member.id]))}")
        note = self.notes.get(member.id)
        if note:
            line.append(f"  {note}", style="dim")
        return line

    def _fill(self, query: str) -> None:
        options = self.query_one("#members-list", OptionList)
        keep = options.highlighted or 0
        self.query_text = query
        self.shown = search_members(self.members, query) if query else list(self.members)
        options.clear_options()
        options.add_options(Option(self._line(m), id=m.id) for m in self.shown)
        if self.shown:
            options.highlighted = min(keep, len(self.shown) - 1)
        self.query_one("#members-count", Static).update(
            f"已选 {len(self.chosen)} 人 / 共 {len(self.members)} 人"
        )

    @on(Input.Changed, "#members-query")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#members-list", OptionList).highlighted = 0
        self._fill(event.value.strip())

    def action_move(self, step: int) -> None:
        options = self.query_one("#members-list", OptionList)
        if self.shown:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self.shown) - 1, current + step))

    @on(Input.Submitted, "#members-query")
    def action_tick(self) -> None:
        options = self.query_one("#members-list", OptionList)
        typed = self.query_one("#members-query", Input).value.strip()
        if typed != self.query_text:  # keys typed faster than the list followed them
            options.highlighted = 0
            self._fill(typed)
        if not self.shown or options.highlighted is None:
            return
        member_id = self.shown[options.highlighted].id
        self.chosen.symmetric_difference_update({member_id})
        query = self.query_one("#members-query", Input)
        if query.value:
            query.value = ""  # the next name is typed from scratch
        else:
            self._fill("")

    @on(OptionList.OptionSelected, "#members-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.chosen.symmetric_difference_update({event.option.id})
            self._fill(self.query_one("#members-query", Input).value.strip())

    def action_take_all(self) -> None:
        ids = {m.id for m in self.shown}
        if ids <= self.chosen:
            self.chosen -= ids
        else:
            self.chosen |= ids
        self._fill(self.query_one("#members-query", Input).value.strip())

    def unsaved(self) -> bool:
        """Ticks changed and not confirmed (a batch of dues with those who did not pay
        unticked): Esc, Ctrl+Q and a dropped question ask first (tui/leaving.py)."""
        return self.chosen != self.opened_with

    def action_cancel(self) -> None:
        close_unless_typed(self)

    def action_confirm(self) -> None:
        self.dismiss([m.id for m in self.members if m.id in self.chosen])
