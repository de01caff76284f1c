"""Pick a member by typing a name, pinyin or initials (张三 ← zhangsan, zs), then arrows + Enter."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from branchtui.domain.records import Member
from branchtui.domain.search import search_members, sort_by_pinyin
from branchtui.tui.registry.forms import MEMBER_PICKER_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.shown_names import shown_names
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter


class MemberPicker(ModalScreen[str | None]):
    """Dismisses with the chosen member's id, or None when cancelled."""

    DEFAULT_CSS = """
    MemberPicker #picker-list { height: 12; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(MEMBER_PICKER_KEYS), *MODAL_KEYS]

    def __init__(
        self,
        title: str,
        members: list[Member],
        note: dict[str, str] | None = None,
        query: str = "",
    ):
        super().__init__()
        self.picker_title = title
        self.members = sort_by_pinyin(members)
        self.note = note or {}
        # What was typed before the picker opened (a field's first letter).
        self.initial_query = query
        self.shown: list[Member] = []
        self.names: dict[str, str] = {m.id: m.name for m in self.members}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker"):
            yield Static(self.picker_title, classes="dialog-title", markup=False)
            yield Input(id="picker-query", placeholder="输入姓名、拼音或首字母", compact=True)
            yield OptionList(id="picker-list")
            yield Static("上下键选择   Enter 确定   Esc 取消", classes="hint")
        yield BranchFooter()

    def on_mount(self) -> None:
        self.names = shown_names(self.app, self.members)
        search = self.query_one("#picker-query", Input)
        search.value = self.initial_query
        search.cursor_position = len(self.initial_query)
        self._fill(self.initial_query.strip())
        search.focus()

    def _fill(self, query: str) -> None:
        self.shown = search_members(self.members, query) if query else list(self.members)
        options = self.query_one("#picker-list", OptionList)
        options.clear_options()
        options.add_options(Option(self._line(m), id=m.id) for m in self.shown)
        if self.shown:
            options.highlighted = 0

    def _line(self, member: Member) -> str:
        # Pad by terminal cells so that the notes line up after names of 2, 3 or 4 characters;
        # namesakes carry what tells them apart (张伟（1985年生）).
        names = self.names
        width = max((cell_len(names[m.id]) for m in self.members), default=0)
        pad = " " * (width - cell_len(names[member.id]))
        return f"{names[member.id]}{pad}  {self.note.get(member.id, '')}".rstrip()

    @on(Input.Changed, "#picker-query")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value.strip())

    def action_move(self, step: int) -> None:
        options = self.query_one("#picker-list", OptionList)
        if not self.shown:
            return
        current = options.highlighted or 0
        options.highlighted = max(0, min(len(self.shown) - 1, current + step))

    @on(Input.Submitted, "#picker-query")
    def _enter(self) -> None:
        options = self.query_one("#picker-list", OptionList)
        if self.shown and options.highlighted is not None:
            self.dismiss(self.shown[options.highlighted].id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
