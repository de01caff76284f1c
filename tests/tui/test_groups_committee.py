"""Party groups (ORG-2) and the committee (ORG-4 … ORG-8), driven by keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file, settle
from textual.widgets import DataTable, Static

from branchtui.storage.backups import list_backups
from branchtui.tui.app import build_app
from branchtui.tui.screens.committee import CommitteeScreen
from branchtui.tui.screens.groups import GroupsScreen
from branchtui.tui.widgets.members_picker import MembersPicker


async def test_assign_member_to_group_by_pinyin(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
        await pilot.press("m", *"oyn", "enter", "ctrl+s")  # 欧阳娜 by initials, into 第一党小组
        panel = app.screen.query_one("#group-members", Static)
        await settle(pilot, lambda: "欧阳娜" in str(panel.render()))
        table = app.screen.query_one("#group-table", DataTable)
        assert str(table.get_row_at(0)[2]) == "6"
    ouyang = next(m for m in read_file(branch_dir).members if m.name == "欧阳娜")
    assert ouyang.group_id == "g1"


async def test_several_members_are_assigned_to_a_group_in_one_commit(
    branch_dir: Path, today: dt.date
) -> None:
    # ORG-2: the picker ticks several members ([x]) and Ctrl+S moves them all in one commit.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        commits = len(list_backups(branch_dir))
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MembersPicker))
        await pilot.press(*"oyn", "enter", *"zm", "space")  # Enter or Space ticks
        count = app.screen.query_one("#members-count", Static)
        assert str(count.render()).startswith("已选 2 人")
        await pilot.press("ctrl+s")
        panel = app.screen.query_one("#group-members", Static)
        await settle(pilot, lambda: "欧阳娜" in str(panel.render()))
        assert "周敏" in str(panel.render())
        assert len(list_backups(branch_dir)) == commits + 1
    groups = {m.name: m.group_id for m in read_file(branch_dir).members}
    assert groups["欧阳娜"] == groups["周敏"] == "g1"


async def test_group_over_ten_is_warned(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        table = app.screen.query_one("#group-table", DataTable)
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MembersPicker))
        for initials in ("hzq", "zm", "wg", "sjg", "lf", "oyn"):  # second group into the first
            await pilot.press(*initials, "enter")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not app.screen.is_modal)
        await settle(pilot, lambda: "超过10人" in str(table.get_row_at(0)[3]))
        assert str(table.get_row_at(0)[2]) == "11"


async def test_fill_vacancy_closes_it(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "c")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        vacancies = app.screen.query_one("#vacancy-table", DataTable)
        assert vacancies.row_count == 1
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*(["down"] * 4), "enter")  # 纪检委员
        await pilot.pause()
        await pilot.press(*"wangwu", "enter")
        await pilot.pause()
        await pilot.press(*"1120", "enter")
        await settle(pilot, lambda: vacancies.row_count == 0)
    data = read_file(branch_dir)
    (vacancy,) = data.vacancies
    assert vacancy.filled == dt.date(2026, 11, 20)
    seat = next(s for s in data.seats if s.role == "discipline")
    assert seat.member_id == "m03"


async def test_vacate_secretary_opens_vacancy(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "c")
        await pilot.pause()
        await pilot.press("v", *"1001", "enter")
        vacancies = app.screen.query_one("#vacancy-table", DataTable)
        await settle(pilot, lambda: vacancies.row_count == 2)
        rows = [[str(c) for c in vacancies.get_row_at(i)] for i in range(2)]
        assert ["书记", "2026-10-01", "57天", "2026-11-01", "超期（ORG-7）"] in rows
    secretary = next(s for s in read_file(branch_dir).seats if s.role == "secretary")
    assert secretary.until == dt.date(2026, 10, 1)


async def test_moving_a_leader_frees_the_group_left(branch_dir: Path, today: dt.date) -> None:
    # ORG-2: 黄志强 leads 第二党小组; moved into 第一党小组, he no longer leads the second.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
        table = app.screen.query_one("#group-table", DataTable)
        assert str(table.get_row_at(1)[1]) == "黄志强"
        await pilot.press("m", *"hzq", "enter", "ctrl+s")
        await settle(pilot, lambda: str(table.get_row_at(1)[1]) == "未指定")
        assert str(table.get_row_at(0)[1]) == "张三"
        assert any("第二党小组组长空缺" in str(n.message) for n in app._notifications)
    groups = {g.id: g for g in read_file(branch_dir).groups}
    assert groups["g2"].leader_id is None and groups["g1"].leader_id == "m01"


async def test_take_a_member_out_and_delete_the_empty_group(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    said = lambda: " ".join(str(n.message) for n in app._notifications)  # noqa: E731
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g")
        await settle(pilot, lambda: isinstance(app.screen, GroupsScreen))
        table = app.screen.query_one("#group-table", DataTable)
        panel = app.screen.query_one("#group-members", Static)
        await pilot.press("down", "d")  # 第二党小组 has five members: refused, by count
        await settle(pilot, lambda: "第二党小组还有5名党员，不能删除" in said())
        assert table.row_count == 2
        await pilot.press("x", *"lf", "enter")  # 刘芳 taken out of 第二党小组
        await settle(pilot, lambda: "刘芳已移出第二党小组" in said())
        assert "刘芳" not in str(panel.render())
        await pilot.press("a", *"第三党小组", "enter")
        await settle(pilot, lambda: table.row_count == 3)
        await pilot.press("down", "d")  # 第三党小组, empty
        await settle(pilot, lambda: app.screen.is_modal)
        await pilot.press("down", "enter")  # 删除党小组
        await settle(pilot, lambda: table.row_count == 2)
        assert "已删除第三党小组（保留为历史）" in said()
    data = read_file(branch_dir)
    liu = next(m for m in data.members if m.name == "刘芳")
    assert liu.group_id is None
    third = next(g for g in data.groups if g.name == "第三党小组")
    assert third.dissolved == today  # kept as history
