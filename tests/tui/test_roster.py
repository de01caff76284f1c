"""The roster and the member form, driven by keys at 80×24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file, settle
from fixture_branch import id_number
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.roster import RosterScreen

VALID_ID = id_number(dt.date(1996, 4, 12), 1, "female")  # a valid GB 11643 check character


def names_in_table(app: BranchApp) -> list[str]:
    table = app.screen.query_one("#member-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def open_roster(pilot: Pilot[None]) -> None:
    await pilot.press("2", "m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RosterScreen)


async def choose(pilot: Pilot[None], downs: int) -> None:
    """Open the focused Select, move down ``downs`` options, pick: Enter goes on to the next
    field, as it does in a box."""
    await pilot.press("enter", *(["down"] * downs), "enter")
    await pilot.pause()


async def remove_transferred(pilot: Pilot[None], query: str, note: str) -> None:
    """On the roster: find a member by pinyin, d (移除), reason 转出组织关系 on 11-20 with a
    note, and back on the roster once saved."""
    await pilot.press("slash", *query, "enter", "d")
    await pilot.pause()
    await pilot.press("enter", "down", "enter")  # 原因：转出组织关系, on to the date
    await pilot.press(*"1120", "tab", *note, "enter")
    await settle(pilot, lambda: isinstance(pilot.app.screen, RosterScreen))


async def test_add_member_by_keys(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)
        await pilot.press(*"钱七", "tab")
        await choose(pilot, 2)  # 性别：女 (after the blank prompt and 男)
        await pilot.press("tab")  # 民族 keeps 汉族
        await pilot.press(*"1996-04-12", "tab", *VALID_ID, "tab", *"13912345678", "tab")
        await pilot.press("tab", "tab", *"2020-07-01", "enter")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        assert "钱七" in names_in_table(app)
    saved = {m.name: m for m in read_file(branch_dir).members}
    qian = saved["钱七"]
    assert qian.gender == "female"
    assert qian.birth_date == dt.date(1996, 4, 12)
    assert qian.joined == dt.date(2020, 7, 1)
    assert qian.id_number == VALID_ID
    assert qian.ethnicity == "汉族"


async def test_bad_id_number_shows_message_and_keeps_input(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-name", Input).value = "钱七"
        form.query_one("#field-phone", Input).value = "13912345678"
        form.query_one("#field-id_number", Input).value = VALID_ID[:-1] + "9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        message = str(form.query_one("#error-id_number", Static).render())
        assert "身份证" in message or "校验" in message
        assert form.query_one("#field-name", Input).value == "钱七"
        assert form.query_one("#field-phone", Input).value == "13912345678"
        assert "身份证号" in str(form.query_one("#form-status", Static).render())
    assert "钱七" not in {m.name for m in read_file(branch_dir).members}


async def test_edit_member_found_by_initials(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("slash", "z", "s", "enter")
        assert names_in_table(app) == ["张三"]
        await pilot.press("e")
        await pilot.pause()
        phone = app.screen.query_one("#field-phone", Input)
        assert phone.value == "13800001234"
        phone.value = "13811112222"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
    zhang = next(m for m in read_file(branch_dir).members if m.name == "张三")
    assert zhang.phone == "13811112222"


async def test_pinyin_search_filters_table(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        assert len(names_in_table(app)) == 12
        await pilot.press("slash", *"ouyang")
        assert names_in_table(app) == ["欧阳娜"]
        await pilot.press("escape")
        await pilot.press("slash", *"liu")
        assert names_in_table(app) == ["刘芳", "赵六"]
        await pilot.press(*"f")
        assert names_in_table(app) == ["刘芳"]


async def test_search_highlights_the_best_match_not_the_member_highlighted_before(
    branch_dir: Path, today: dt.date
) -> None:
    """The cursor on 赵六, a search for liu lists 刘芳 first (she matches best): Enter and e
    edit 刘芳, not 赵六 whom the cursor happened to be on before the search."""
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press(*["down"] * names_in_table(app).index("赵六"))
        await pilot.press("slash", *"liu", "enter")
        assert names_in_table(app) == ["刘芳", "赵六"]
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, MemberForm))
        assert app.screen.query_one("#field-name", Input).value == "刘芳"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        await pilot.press("escape")  # the search cleared: the member found stays highlighted
        table = app.screen.query_one("#member-table", DataTable)
        assert names_in_table(app)[table.cursor_row] == "刘芳"


async def test_remove_with_reason_keeps_history(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await remove_transferred(pilot, "wugang", "转至集团总部")
        await pilot.press("escape")
        assert "吴刚" not in names_in_table(app)
        await pilot.press("h")
        assert "吴刚" in names_in_table(app)
        table = app.screen.query_one("#member-table", DataTable)
        row = table.get_row_at(names_in_table(app).index("吴刚"))
        assert str(row[3]) == "转出组织关系"  # the reason, in 类别
        # Still within 80 columns, so that 缺 stays on screen.
        assert table.virtual_size.width <= table.size.width
    wu = next(m for m in read_file(branch_dir).members if m.name == "吴刚")
    assert wu.removed == dt.date(2026, 11, 20)
    assert wu.removed_reason == "transferred_out"
    assert wu.removed_note == "转至集团总部"


async def test_conflict_is_reported_not_overwritten(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("slash", *"lisi", "enter", "e")
        await pilot.pause()
        other = read_file(branch_dir)
        li = next(m for m in other.members if m.name == "李四")
        li.phone = "13700000000"
        from branchtui.storage.store import Store

        Store.open(branch_dir).save(li)
        app.screen.query_one("#field-phone", Input).value = "13999999999"
        await pilot.press("ctrl+s")
        status = app.screen.query_one("#form-status", Static)
        await settle(pilot, lambda: "未保存" in str(status.render()))
        assert isinstance(app.screen, MemberForm)
        assert "他人修改" in str(status.render())
    li = next(m for m in read_file(branch_dir).members if m.name == "李四")
    assert li.phone == "13700000000"


async def test_ctrl_r_shows_what_another_session_wrote(branch_dir: Path, today: dt.date) -> None:
    from branchtui.domain.records import Member
    from branchtui.storage.store import Store

    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        Store.open(branch_dir).add(Member(name="冯新", gender="male", status="full"))
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "冯新" in names_in_table(app)
        count = str(app.screen.query_one("#roster-count", Static).render())
        assert "在册 13 人" in count and "信息缺项 3 人" in count


async def test_removing_a_group_leader_frees_the_group(branch_dir: Path, today: dt.date) -> None:
    # ORG-2: 张三 leads 第一党小组; once removed from the roster he leads no group.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await remove_transferred(pilot, "zhangsan", "调往集团总部")
        assert any("第一党小组组长空缺" in str(n.message) for n in app._notifications)
    data = read_file(branch_dir)
    zhang = next(m for m in data.members if m.name == "张三")
    assert zhang.removed == dt.date(2026, 11, 20)
    assert next(g for g in data.groups if g.id == "g1").leader_id is None


async def test_entry_error_deletes_the_member_after_a_confirmation(
    branch_dir: Path, today: dt.date
) -> None:
    # 录入错误: not history but gone, with what pointed at him scrubbed (here: his group).
    from branchtui.storage.references import dangling_references
    from branchtui.tui.screens.dialogs import ChoicePrompt

    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("slash", *"zhangsan", "enter", "d")
        await pilot.pause()
        await pilot.press("enter", *["down"] * 7, "enter")  # 原因：录入错误 (the last one)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        assert "按录入错误删除“张三”" in str(app.screen.prompt_title)
        await pilot.press("escape")  # the first answer may be no: nothing is deleted
        await pilot.pause()
        assert any(m.name == "张三" for m in read_file(branch_dir).members)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")  # 确认删除
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        assert "张三" not in names_in_table(app)
        await pilot.press("h")
        await pilot.pause()
        assert "张三" not in names_in_table(app)  # not kept as history either
    data = read_file(branch_dir)
    assert not any(m.name == "张三" for m in data.members)
    assert next(g for g in data.groups if g.id == "g1").leader_id is None
    assert dangling_references(data) == []


async def test_a_probationary_entered_by_hand_is_converted_from_the_dashboard(
    branch_dir: Path, today: dt.date
) -> None:
    # NAT-3: 马丽 was imported as 预备 (no development file); her probation ended in 2015.
    from conftest import on_screen, open_duty, text_of

    from branchtui.domain.obligations import obligations_on
    from branchtui.domain.profile import get_profile
    from branchtui.domain.records import Member
    from branchtui.storage.store import Store

    ma = Member(name="马丽", gender="female", joined=dt.date(2014, 4, 4), status="probationary")
    Store.open(branch_dir).add(ma)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_duty(pilot, "NAT-3")
        assert "马丽" in text_of(app, "#detail-body")
        assert "打开「党员名册」办理" in text_of(app, "#detail-action")
        await pilot.press("enter")
        await on_screen(pilot, MemberForm)  # her entry, where 转正 is recorded
        form = app.screen
        assert form.query_one("#field-name", Input).value == "马丽"
        form.query_one("#field-status").focus()
        await choose_up(pilot)  # 预备党员 → 正式党员
        form.query_one("#field-full_date").focus()
        await pilot.press(*"2015-04-10", "ctrl+s")
        await on_screen(pilot, RosterScreen)
    data = read_file(branch_dir)
    saved = next(m for m in data.members if m.name == "马丽")
    assert (saved.status, saved.full_date) == ("full", dt.date(2015, 4, 10))
    duties = obligations_on(data, today, get_profile("plan-2017"))
    assert not any(ob.rule == "NAT-3" and saved.id in ob.people for ob in duties)


async def choose_up(pilot: Pilot[None]) -> None:
    """Open the focused Select and pick the option above the current one."""
    await pilot.press("enter", "up", "enter")
    await pilot.pause()


async def test_a_full_member_who_joined_months_ago_is_refused_beside_the_field(
    branch_dir: Path, today: dt.date
) -> None:
    # NAT-3: 李晓梅 joined 2026-05-20, so on 2026-11-27 she is still on probation.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MemberForm)
        await pilot.press(*"李晓梅")
        form.query_one("#field-joined").focus()
        await pilot.press(*"2026-05-20", "ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved: 党员类别 正式党员 is the default
        message = str(form.query_one("#error-status", Static).render())
        assert message == "入党不满1年，应为预备党员（已转正请填写转正时间）"
        form.query_one("#field-status").focus()
        await choose(pilot, 1)  # 正式党员 → 预备党员
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
    saved = next(m for m in read_file(branch_dir).members if m.name == "李晓梅")
    assert (saved.status, saved.joined) == ("probationary", dt.date(2026, 5, 20))


async def test_a_probation_extension_outside_6_to_12_months_is_refused_at_the_field(
    branch_dir: Path, today: dt.date
) -> None:
    # NAT-3: 郑丽 (预备党员, no development file) had her probation extended by the branch.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("slash", *"zhengli", "enter", "e")
        await settle(pilot, lambda: isinstance(app.screen, MemberForm))
        form = app.screen
        assert form.query_one("#field-name", Input).value == "郑丽"
        form.query_one("#field-probation_extension_months").focus()
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        message = str(form.query_one("#error-probation_extension_months", Static).render())
        assert message == "延长预备期应为6至12个月"
        await pilot.press("backspace", "6", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
    zheng = next(m for m in read_file(branch_dir).members if m.name == "郑丽")
    assert zheng.probation_extension_months == 6
