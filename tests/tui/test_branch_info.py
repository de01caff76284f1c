"""支部信息 (ORG-3) by keys: the thresholds with the numbers, what the other profile changes, the
form that says so as it is filled in, ORG-3 settled from its duty, bad input at the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import read_file, settle, text_if_shown

from branchtui.domain.demo import make_demo
from branchtui.domain.obligations.engine import obligations_on
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.branch_info import BranchInfoScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.widgets.record_form import RecordForm


async def test_thresholds_and_what_the_other_profile_changes(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "b")
        await settle(pilot, lambda: isinstance(app.screen, BranchInfoScreen))
        form = text_if_shown(app, "#branch-form")
        assert "党员 12 人；50人以上应设党总支，100人以上应设党委" in form
        assert "距党总支标准还差 38 人" in form
        profile = text_if_shown(app, "#branch-profile")
        assert "改为「全国现行规定」将改变" in profile and "党支部任期：2年 → 3年" in profile
        assert "本届任期届满 2027-05-31 → 2028-05-31" in profile
        await settle(pilot, lambda: "ORG-3" in text_if_shown(app, "#branch-duties"))


@pytest.fixture
def big_branch(data_dir: Path, today: dt.date) -> Path:
    """The demo branch with 55 members: a 党支部 that ORG-3 says should be a 党总支."""
    data = make_demo(today=today, seed=5, members=55)
    assert data.branch is not None
    data.branch.kind = "branch"
    Store.open(data_dir, create=True).replace_all(data)
    return data_dir


async def test_settling_org3_opens_the_form_and_the_new_kind_meets_it(
    big_branch: Path, today: dt.date
) -> None:
    (duty,) = [o for o in obligations_on(read_file(big_branch), today) if o.rule == "ORG-3"]
    assert duty.status == "warning" and "应升格为党总支" in duty.detail
    app = build_app(big_branch, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.open_screen("branch", duty)
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        form = app.screen
        kind = form.query_one("#field-kind")
        await settle(
            pilot, lambda: "应升格为党总支" in text_if_shown(app, "#error-kind")
        )  # at once
        kind.focus()
        await pilot.press("enter", "down", "enter")  # 党总支: 3 years, not 2 (ORG-4)
        await settle(pilot, lambda: "应升格" not in text_if_shown(app, "#error-kind"))
        assert not kind.has_focus  # Enter moved on to the next field
        assert "本届任期届满 2026-04-16 → 2027-04-16（ORG-4）" in text_if_shown(app, "#error-kind")
        form.query_one("#field-non_party_staff").focus()
        await pilot.press(*"6x")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "请填写数字" in text_if_shown(app, "#error-non_party_staff"))
        assert read_file(big_branch).branch.kind == "branch"  # nothing saved half
        await pilot.press("backspace", "0", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, BranchInfoScreen))
        await settle(pilot, lambda: "ORG-3 已完成" in text_if_shown(app, "#branch-duties"))
    branch = read_file(big_branch).branch
    assert (branch.kind, branch.non_party_staff) == ("general_branch", 60)
    assert [
        o.status for o in obligations_on(read_file(big_branch), today) if o.rule == "ORG-3"
    ] == ["met"]


@pytest.mark.parametrize(
    ("members", "says"),
    [
        (55, "现为党总支，符合要求（距党委标准还差 45 人）"),
        (105, "应升格为党委，请报上级党组织按程序设立党委"),
    ],
)
async def test_the_form_of_a_larger_branch(
    data_dir: Path, today: dt.date, members: int, says: str
) -> None:
    data = make_demo(today=today, seed=5, members=members)  # the demo sets up a 党总支
    Store.open(data_dir, create=True).replace_all(data)
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "b")
        await settle(pilot, lambda: says in text_if_shown(app, "#branch-form"))


async def test_escape_with_a_change_asks_and_keeps_it(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "b")
        await settle(pilot, lambda: isinstance(app.screen, BranchInfoScreen))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        app.screen.query_one("#field-upper_committee").focus()
        await pilot.press("end", *"党委")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")  # 继续填写
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        value = app.screen.query_one("#field-upper_committee").value  # type: ignore[attr-defined]
        assert value == "中共示范集团委员会党委"
    assert read_file(branch_dir).branch.upper_committee == "中共示范集团委员会"


async def test_a_founding_date_to_come_is_refused_at_the_field(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    before = read_file(branch_dir).branch
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "b", "e")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        created = app.screen.query_one("#field-created")
        created.focus()
        created.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"2027-01-05", "ctrl+s")
        await settle(pilot, lambda: "成立时间不能晚于今天" in text_if_shown(app, "#error-created"))
        assert isinstance(app.screen, RecordForm)
        assert read_file(branch_dir).branch == before  # nothing saved
        created.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"2019-07-01", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, BranchInfoScreen))
        await settle(pilot, lambda: "成立时间：2019-07-01" in text_if_shown(app, "#branch-details"))
    assert read_file(branch_dir).branch.created == dt.date(2019, 7, 1)


def test_branch_info_80x24(branch_dir: Path, today: dt.date, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await pilot.press("2", "b")
        await settle(pilot, lambda: "ORG-3" in text_if_shown(pilot.app, "#branch-duties"))

    assert snap_compare(
        build_app(branch_dir, today=today), terminal_size=(80, 24), run_before=run_before
    )


def test_branch_form_80x24(branch_dir: Path, today: dt.date, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await pilot.press("2", "b", "e")
        await settle(pilot, lambda: isinstance(pilot.app.screen, RecordForm))

    assert snap_compare(
        build_app(branch_dir, today=today), terminal_size=(80, 24), run_before=run_before
    )
