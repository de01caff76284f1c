"""党员名册 (ORG-1): the members, sortable, filtered by group and status, searched by pinyin."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.dates import format_date
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations import Obligation
from branchtui.domain.records import Member
from branchtui.domain.records.people import GENDERS, MEMBER_STATUSES, REMOVAL_REASONS
from branchtui.domain.roster import mask_phone, missing_field_names, missing_fields
from branchtui.domain.search import search_members, sort_by_pinyin
from branchtui.tui.registry.organization import ROSTER
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.search_box import SearchBox, SearchKeys

COLUMNS = ("姓名", "性别", "党小组", "类别", "入党时间", "电话", "缺")
# What the sort key s cycles through: (label, key function over (member, group name)).
SORTS = ("姓名", "党小组", "类别", "入党时间")


class RosterScreen(SearchKeys, DataScreen):
    """The roster; removed members appear only when history is shown."""

    AUTO_FOCUS = "#member-table"
    SEARCH_ID = "roster-search"

    SCREEN_ID = ROSTER.id
    BINDINGS: ClassVar[list[BindingType]] = ROSTER.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.group_filter: str | None = None  # a group id, "" for no group, None for all
        self.status_filter: str | None = None
        self.show_history = False
        self.sort_index = 0
        self.shown: list[Member] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield SearchBox(
            id="roster-search", placeholder="搜索：姓名 / 拼音 / 首字母，Enter 回到列表"
        )
        yield Static(id="roster-filters", classes="filter-bar", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="member-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(*COLUMNS)
        yield table
        yield Static(id="roster-count", classes="list-status", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#member-table", DataTable)

    def _group_names(self) -> dict[str, str]:
        return {g.id: g.name for g in self.data.groups if g.dissolved is None}

    def _visible(self) -> list[Member]:
        members = [m for m in self.data.members if self.show_history or m.removed is None]
        if self.group_filter is not None:
            members = [m for m in members if (m.group_id or "") == self.group_filter]
        if self.status_filter is not None:
            members = [m for m in members if m.status == self.status_filter]
        if self.query_text:
            return search_members(members, self.query_text)
        return self._sorted(members)

    def _sorted(self, members: list[Member]) -> list[Member]:
        by_name = sort_by_pinyin(members)
        key = SORTS[self.sort_index]
        groups = self._group_names()
        if key == "党小组":
            return sorted(by_name, key=lambda m: groups.get(m.group_id or "", "\uffff"))
        if key == "类别":
            return sorted(by_name, key=lambda m: m.status)
        if key == "入党时间":
            return sorted(by_name, key=lambda m: (m.joined is None, m.joined or self.today))
        return by_name

    def reload(self) -> None:
        self.sub_title = "党员名册"
        selected = self.selected
        groups = self._group_names()
        self.shown = self._visible()
        table = self.table
        table.clear()
        names = display_names(self.data.members)  # namesakes told apart: 张伟（1985年生）
        for member in self.shown:
            gaps = missing_fields(member)
            name = Text(names[member.id])
            kind = Text(MEMBER_STATUSES.get(member.status, ""))
            if member.removed is not None:
                # The reason goes in 类别: beside the name it widened the table past 80 columns.
                name = Text(names[member.id], style="dim")
                kind = Text(removal_label(member), style="dim")
            table.add_row(
                name,
                GENDERS.get(member.gender, ""),
                Text(groups.get(member.group_id or "", "")),
                kind,
                format_date(member.joined),
                mask_phone(member.phone),
                Text(str(len(gaps)), style="bold red") if gaps else "",
                key=member.id,
            )
        if selected is not None:
            ids = [m.id for m in self.shown]
            if selected.id in ids:
                table.move_cursor(row=ids.index(selected.id))
        self._show_status(groups)

    def _show_status(self, groups: dict[str, str]) -> None:
        parts = [f"排序：{SORTS[self.sort_index]}" if not self.query_text else "按匹配度"]
        if self.group_filter is not None:
            parts.append(f"党小组：{groups.get(self.group_filter, '未分组')}")
        if self.status_filter is not None:
            parts.append(f"类别：{MEMBER_STATUSES[self.status_filter]}")
        if self.query_text:
            parts.append(f"搜索：{self.query_text}")
        if self.show_history:
            parts.append("含已移除")
        self.query_one("#roster-filters", Static).update("  ".join(parts))
        active = [m for m in self.data.members if m.removed is None]
        incomplete = sum(1 for m in active if missing_fields(m))
        self.query_one("#roster-count", Static).update(
            f"显示 {len(self.shown)} 人 / 在册 {len(active)} 人   信息缺项 {incomplete} 人（ORG-1）"
        )

    @property
    def selected(self) -> Member | None:
        try:
            table = self.table
        except Exception:
            return None
        if not self.shown or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def action_add(self) -> None:
        from branchtui.tui.screens.member_form import MemberForm

        self.app.push_screen(MemberForm(None))

    def action_edit(self) -> None:
        member = self.selected
        if member is None:
            self.notify("名册中没有选中的党员", severity="warning")
            return
        self.edit(member)

    def edit(self, member: Member, *, focus: str | None = None) -> None:
        """The member's form, the cursor in ``focus`` (else in the name)."""
        from branchtui.tui.screens.member_form import MemberForm

        self.app.push_screen(MemberForm(member, focus=focus))

    def action_remove(self) -> None:
        member = self.selected
        if member is None or member.removed is not None:
            self.notify("请选中一名在册党员", severity="warning")
            return
        from branchtui.tui.screens.remove_member import RemoveMemberDialog

        self.app.push_screen(RemoveMemberDialog(member))

    def action_restore_membership(self) -> None:
        """r: 恢复党籍 of the highlighted member under 停止党籍 (shown with h)."""
        from branchtui.tui.screens.restore_form import open_restoration

        member = self.selected
        if member is None:
            self.notify("请先按 h 显示历史，选中一名停止党籍的党员", severity="warning")
            return
        open_restoration(self, member.id)

    def action_import_roster(self) -> None:
        from branchtui.tui.screens.roster_import import RosterImportScreen

        self.app.push_screen(RosterImportScreen())

    def settle(self, ob: Obligation) -> None:
        """ORG-1: an empty roster is imported; else the first incomplete member is edited."""
        if not any(m.removed is None for m in self.data.members):
            self.action_import_roster()
            return
        ids = [m.id for m in self.shown]
        for member_id in ob.people:
            if member_id in ids:
                self.table.move_cursor(row=ids.index(member_id))
                member = self.shown[ids.index(member_id)]
                gaps = missing_field_names(member)  # ORG-1: the form starts in the first
                self.edit(member, focus=gaps[0] if gaps else None)
                return

    @on(DataTable.RowSelected, "#member-table")
    def _row_chosen(self) -> None:
        self.action_edit()

    def action_filter_group(self) -> None:
        choices: list[str | None] = [None, *self._group_names(), ""]
        index = choices.index(self.group_filter) if self.group_filter in choices else 0
        self.group_filter = choices[(index + 1) % len(choices)]
        self.reload()

    def action_filter_status(self) -> None:
        choices: list[str | None] = [None, *MEMBER_STATUSES]
        index = choices.index(self.status_filter)
        self.status_filter = choices[(index + 1) % len(choices)]
        self.reload()

    def action_toggle_history(self) -> None:
        self.show_history = not self.show_history
        self.reload()

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self.reload()


def removal_label(member: Member) -> str:
    """移除原因 as shown in lists of history."""
    return REMOVAL_REASONS.get(member.removed_reason, member.removed_reason)
