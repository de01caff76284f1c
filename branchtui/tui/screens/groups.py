"""党小组 (ORG-2): create, rename, delete an empty one, pick a leader, put members in and take
them out; sizes with the over-10 warning."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.member_names import display_names
from branchtui.domain.party_groups import (
    appoint_leader,
    dissolve_group,
    dissolve_refusal,
    move_all_to_group,
    move_to_group,
)
from branchtui.domain.records import PartyGroup
from branchtui.domain.roster import group_sizes, members_of_group
from branchtui.domain.search import sort_by_pinyin
from branchtui.tui.registry.organization import GROUPS
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, TextPrompt
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.members_picker import MembersPicker


class GroupsScreen(DataScreen):
    """The party groups of the branch."""

    AUTO_FOCUS = "#group-table"
    SCREEN_ID = GROUPS.id
    BINDINGS: ClassVar[list[BindingType]] = GROUPS.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[PartyGroup] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        table: DataTable[str | Text] = DataTable(id="group-table", cursor_type="row")
        table.add_columns("党小组", "组长", "人数", "提示")
        yield table
        yield Static(id="group-members", classes="panel", markup=False)
        yield Static(id="groups-status", classes="list-status", markup=False)
        yield BranchFooter()

    @property
    def selected(self) -> PartyGroup | None:
        table = self.query_one("#group-table", DataTable)
        row = table.cursor_row
        return self.groups[row] if self.groups and 0 <= row < len(self.groups) else None

    def reload(self) -> None:
        self.sub_title = "党小组"
        data = self.data
        keep = self.selected.id if self.selected else None
        self.groups = [g for g in data.groups if g.dissolved is None]
        sizes = group_sizes(data.members, self.groups)
        names = display_names(data.members)
        limit = self.profile.group_max
        table = self.query_one("#group-table", DataTable)
        table.clear()
        for group in self.groups:
            size = sizes.get(group.id, 0)
            warn = Text(f"超过{limit}人（ORG-2）", style="bold red") if size > limit else ""
            leader = names.get(group.leader_id or "", "未指定")
            table.add_row(Text(group.name), Text(leader), str(size), warn, key=group.id)
        ids = [g.id for g in self.groups]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        without = len(members_of_group(data.members, None))
        active = len(data.active_members)
        need = active >= self.profile.group_required_at and not self.groups
        hint = f"，党员{active}人，应划分党小组（ORG-2）" if need else ""
        self.query_one("#groups-status", Static).update(
            f"共 {len(self.groups)} 个党小组，未编入党小组 {without} 人{hint}"
        )
        self._show_members()

    def on_data_table_row_highlighted(self) -> None:
        self._show_members()

    def _show_members(self) -> None:
        group = self.selected
        panel = self.query_one("#group-members", Static)
        if group is None:
            panel.update("还没有党小组，按 a 新建")
            return
        members = sort_by_pinyin(members_of_group(self.data.members, group.id))
        names = "、".join(m.name for m in members) or "（暂无党员，按 m 分配）"
        panel.update(f"{group.name}成员：{names}")

    def _check_name(self, text: str, current: str = "") -> str | None:
        if not text:
            return "请填写党小组名称"
        if any(g.name == text and g.name != current for g in self.groups):
            return "已有同名党小组"
        return None

    def action_add(self) -> None:
        def created(name: str | None) -> None:
            if name:
                group = PartyGroup(name=name, created=self.today)
                self.commit(lambda tx: tx.insert(group), f"已建立{name}")

        self.app.push_screen(TextPrompt("新建党小组：名称", check=self._check_name), created)

    def action_rename(self) -> None:
        group = self.selected
        if group is None:
            return

        def renamed(name: str | None) -> None:
            if name and name != group.name:
                changed = dataclasses.replace(group, name=name)
                self.commit(lambda tx: tx.update(changed), f"已改名为{name}")

        check = lambda text: self._check_name(text, group.name)  # noqa: E731
        self.app.push_screen(TextPrompt(f"党小组改名：{group.name}", group.name, check), renamed)

    def action_leader(self) -> None:
        group = self.selected
        if group is None:
            return
        members = members_of_group(self.data.members, group.id) or self.data.active_members

        def chosen(member_id: str | None) -> None:
            member = self.data.find("members", member_id)
            if member is not None:
                # A leader from outside joins the group (and leaves the lead of their old one).
                changes = appoint_leader(group, member, self.groups)
                self.commit(lambda tx: tx.apply(changes), f"已指定{member.name}为组长")

        self.app.push_screen(MemberPicker(f"{group.name}：指定组长", members), chosen)

    def action_assign(self) -> None:
        group = self.selected
        if group is None:
            return
        names = {g.id: g.name for g in self.groups}
        members = [m for m in self.data.active_members if m.group_id != group.id]
        note = {m.id: names.get(m.group_id or "", "未分组") for m in members}

        def chosen(member_ids: list[str] | None) -> None:
            if not member_ids:
                return
            by_id = self.data.by_id("members")
            moved = [by_id[i] for i in member_ids if i in by_id]
            changes = move_all_to_group(moved, group.id, self.groups)
            done = f"{'、'.join(m.name for m in moved[:3])}"
            done += f"等{len(moved)}人" if len(moved) > 3 else ""
            done += f"已编入{group.name}"
            # A leader moved to another group stops leading the old one (ORG-2).
            for left in changes.updates[len(moved) :]:
                done += f"，{names.get(left.id, '')}组长空缺，请按 l 指定"
            self.commit(lambda tx: tx.apply(changes), done)

        title = f"编入{group.name}（可选多人）"
        self.app.push_screen(MembersPicker(title, members, [], note), chosen)

    def action_unassign(self) -> None:
        group = self.selected
        if group is None:
            return
        members = sort_by_pinyin(members_of_group(self.data.members, group.id))
        if not members:
            self.notify(f"{group.name}暂无党员", severity="warning")
            return

        def chosen(member_id: str | None) -> None:
            member = self.data.find("members", member_id)
            if member is None:
                return
            changes = move_to_group(member, None, self.groups)
            done = f"{member.name}已移出{group.name}"
            if len(changes.updates) > 1:
                done += "，组长空缺，请按 l 指定"
            self.commit(lambda tx: tx.apply(changes), done)

        self.app.push_screen(MemberPicker(f"移出{group.name}", members), chosen)

    def action_delete(self) -> None:
        group = self.selected
        if group is None:
            return
        refusal = dissolve_refusal(group, self.data.members)
        if refusal is not None:
            self.notify(refusal, title="不能删除", severity="warning", timeout=8)
            return

        def answered(choice: str | None) -> None:
            if choice == "delete":
                changes = dissolve_group(group, self.today)
                self.commit(lambda tx: tx.apply(changes), f"已删除{group.name}（保留为历史）")

        self.app.push_screen(
            ChoicePrompt(
                f"删除{group.name}？已有的党小组会记录保留。",
                {"keep": "不删除", "delete": "删除党小组"},
            ),
            answered,
        )
