"""发展党员 (DEV-1…3, NAT-3) driven by keys at 80×24: settling an overdue step from the
dashboard, the rules shown beside a date as it is typed, the roster's Member written with the
step, nothing lost on Esc, add / stop / delete people, the register's half-yearly update."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import read_file, settle, text_of
from fixture_development import write_development_fixture
from textual.pilot import Pilot
from textual.widgets import DataTable

from branchtui.domain.obligations import Obligation
from branchtui.storage.backups import list_backups
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.candidate_file import CandidateFileScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.development import DevelopmentScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.obligation_detail import ObligationDetail
from branchtui.tui.screens.step_form import StepForm
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.record_form import RecordForm


@pytest.fixture
def dev_dir(data_dir: Path, today: dt.date) -> Path:
    write_development_fixture(data_dir, today)
    return data_dir


def nat3_of(app: BranchApp, candidate_id: str) -> Obligation:
    screen = app.screen
    assert isinstance(screen, DashboardScreen)
    return next(ob for ob in screen.obligations if ob.rule == "NAT-3" and candidate_id in ob.refs)


async def open_pipeline(pilot: Pilot[Any]) -> DevelopmentScreen:
    await pilot.press("6", "d")
    await settle(pilot, lambda: isinstance(pilot.app.screen, DevelopmentScreen))
    return pilot.app.screen  # type: ignore[return-value]


async def open_file_of(pilot: Pilot[Any], name: str) -> CandidateFileScreen:
    screen = await open_pipeline(pilot)
    await pilot.press("slash", *name_initials(name), "enter")
    await settle(pilot, lambda: screen.selected is not None and screen.selected.name == name)
    await pilot.press("o")
    await settle(pilot, lambda: isinstance(pilot.app.screen, CandidateFileScreen))
    return pilot.app.screen  # type: ignore[return-value]


def name_initials(name: str) -> str:
    from branchtui.domain.search import name_initials as initials

    return initials(name)


async def step_form(pilot: Pilot[Any], *keys: str) -> StepForm:
    await pilot.press(*keys)
    await settle(pilot, lambda: isinstance(pilot.app.screen, StepForm))
    return pilot.app.screen  # type: ignore[return-value]


async def test_NAT_3_settled_from_the_dashboard_by_keys(dev_dir: Path, today: dt.date) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(
            pilot, lambda: isinstance(app.screen, DashboardScreen) and bool(app.screen.obligations)
        )
        before = nat3_of(app, "c1")
        assert (before.status, before.due) == ("overdue", dt.date(2026, 11, 20))
        assert "林小红下一步：第2步 党组织派人谈话" in before.detail
        # Move down to the item, as a user would, open it and settle it.
        rows = list(app.screen.query_one(ObligationList).shown.values())
        await pilot.press("home", *["down"] * rows.index(before))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ObligationDetail))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, CandidateFileScreen))
        assert "林小红" in str(app.screen.sub_title)
        assert "已逾期7天" in text_of(app, "#file-next")
        form = await step_form(pilot, "a")
        assert form.step is not None and form.step.code == "talked"
        await pilot.press("ctrl+u", *"1119")
        await settle(pilot, lambda: "应在收到申请书后1个月内" not in text_of(app, "#error-date"))
        await pilot.press("ctrl+u", *"1125")
        # Late: said beside the date as it is typed, and it may still be saved.
        await settle(pilot, lambda: "注意：应在收到申请书后1个月内" in text_of(app, "#error-date"))
        await pilot.press("tab", *"王五", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, CandidateFileScreen))
        assert "第3步 推荐和确定入党积极分子" in text_of(app, "#file-next")
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(pilot, lambda: nat3_of(app, "c1").status == "met")
    talked = read_file(dev_dir).find("candidates", "c1")
    event = next(e for e in talked.events if e.step == "talked")
    assert (event.date, event.people) == (dt.date(2026, 11, 25), "王五")


async def test_a_date_that_breaks_a_rule_is_refused_beside_the_field(
    dev_dir: Path, today: dt.date
) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        file = await open_file_of(pilot, "马晓东")
        file.focus_step("target")
        form = await step_form(pilot, "e")
        assert form.step is not None and form.step.code == "target"
        await settle(pilot, lambda: "满1年后方可确定为发展对象" in text_of(app, "#error-date"))
        assert "最早2027-01-20" in text_of(app, "#error-date")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StepForm)  # not saved
        assert "有 1 处需要修改" in text_of(app, "#form-status")
    assert read_file(dev_dir).find("candidates", "c2").stage == "activist"


async def test_approval_puts_the_person_in_the_roster_in_one_commit(
    dev_dir: Path, today: dt.date
) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file_of(pilot, "周文静")
        form = await step_form(pilot, "a")
        assert form.step is not None and form.step.code == "approved"
        await pilot.press("ctrl+u", *"1120", "tab", *"某党委〔2026〕8号")
        commits = len(list_backups(dev_dir))
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, CandidateFileScreen))
        assert "名册：周文静" in text_of(app, "#file-head")
        assert len(list_backups(dev_dir)) == commits + 1  # one commit for both records
    data = read_file(dev_dir)
    person = data.find("candidates", "c3")
    member = data.find("members", person.member_id)
    assert (member.name, member.status, member.joined) == (
        "周文静",
        "probationary",
        dt.date(2026, 9, 25),
    )
    assert member.phone == "13812345678"


async def test_the_branch_vote_shows_the_NAT_1_verdict(dev_dir: Path, today: dt.date) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        file = await open_file_of(pilot, "周文静")
        index = next(i for i, r in enumerate(file.rows) if r.step and r.step.code == "branch_vote")
        file.query_one("#file-table", DataTable).move_cursor(row=index)
        await step_form(pilot, "e")
        # Ten 正式党员 on the day; 9 present and 9 for: passed.
        await settle(pilot, lambda: "通过" in text_of(app, "#vote-result"))
        assert "应到10人，实到9人，赞成9票，通过（NAT-1）" in text_of(app, "#vote-result")
        app.screen.query_one("#field-present").focus()
        await pilot.press("ctrl+u", "5")
        await settle(pilot, lambda: "表决无效" in text_of(app, "#error-vote"))


async def test_esc_asks_before_typed_input_is_lost(dev_dir: Path, today: dt.date) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file_of(pilot, "林小红")
        form = await step_form(pilot, "a")
        await pilot.press("tab", *"王五", "escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")  # 继续填写
        await settle(pilot, lambda: app.screen is form)
        assert form.query_one("#field-people").value == "王五"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")  # 放弃
        await settle(pilot, lambda: isinstance(app.screen, CandidateFileScreen))
    assert read_file(dev_dir).find("candidates", "c1").date_of("talked") is None


async def test_add_a_person_with_the_application_date(dev_dir: Path, today: dt.date) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pipeline(pilot)
        await pilot.press("a")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        form = app.screen
        assert "申请日期" in str(form.query_one("#row-applied Label").render())
        await pilot.press(*"欧阳青")
        form.query_one("#field-birth_date").focus()
        await pilot.press(*"2010-03-01")
        form.query_one("#field-applied").focus()
        await pilot.press(*"1101", "ctrl+s")
        # Not 18 on the day of the application: said beside 申请日期, nothing saved, the
        # rest of the input kept (党章 §1, DEV-3).
        await settle(pilot, lambda: "须年满18周岁" in text_of(app, "#error-applied"))
        assert app.screen is form
        assert form.query_one("#field-name").value == "欧阳青"  # type: ignore[attr-defined]
        assert "2010-03-01" in form.query_one("#field-birth_date").value  # type: ignore[attr-defined]
        form.query_one("#field-birth_date").focus()
        await pilot.press("ctrl+u", *"1990-03-01", "ctrl+s")
        # The file opens at step 2: the talk, within a month of the application (NAT-3).
        step = await step_form(pilot)
        await settle(pilot, lambda: step.step is not None)  # its Select takes the value on mount
        assert step.step is not None and step.step.code == "talked"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, CandidateFileScreen))
        assert "第2步 党组织派人谈话，期限2026-12-01" in text_of(app, "#file-next")
    added = next(c for c in read_file(dev_dir).candidates if c.name == "欧阳青")
    assert added.date_of("applied") == dt.date(2026, 11, 1)
    assert added.birth_date == dt.date(1990, 3, 1)


async def test_the_person_form_shows_and_moves_the_application_date(
    dev_dir: Path, today: dt.date
) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file_of(pilot, "林小红")
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        applied = app.screen.query_one("#field-applied")
        assert "2026-10-20" in applied.value  # type: ignore[attr-defined]
        applied.focus()
        await pilot.press("ctrl+u", *"2026-10-28", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, CandidateFileScreen))
    c1 = read_file(dev_dir).find("candidates", "c1")
    assert c1 is not None and c1.date_of("applied") == dt.date(2026, 10, 28)
    assert [e.step for e in c1.events].count("applied") == 1  # moved, not added


async def test_stopping_keeps_the_file_as_history(dev_dir: Path, today: dt.date) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_pipeline(pilot)
        await pilot.press("slash", *"mxd", "enter")
        await settle(pilot, lambda: screen.selected is not None)
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")  # 终止培养
        form = await step_form(pilot)
        assert form.step is not None and form.step.code == "dropped"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "请填写终止培养的原因" in text_of(app, "#error-document"))
        app.screen.query_one("#field-document").focus()
        await pilot.press(*"本人工作调动", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DevelopmentScreen))
        await pilot.press("escape")  # the search
        await settle(pilot, lambda: all(c is None or c.id != "c2" for c in screen.shown))
        await pilot.press("h")
        await settle(pilot, lambda: any(c is not None and c.id == "c2" for c in screen.shown))
    assert read_file(dev_dir).find("candidates", "c2").stage == "dropped"


async def test_register_update_settles_DEV_1(dev_dir: Path, today: dt.date) -> None:
    app = build_app(dev_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: bool(getattr(app.screen, "obligations", None)))
        dev1 = next(ob for ob in app.screen.obligations if ob.rule == "DEV-1")  # type: ignore[attr-defined]
        assert dev1.status == "due"
        await open_pipeline(pilot)
        await pilot.press("u", *"1120", "enter", "enter")
        await settle(pilot, lambda: "信息库上次更新2026-11-20" in text_of(app, "#dev-status"))
        await pilot.press("1")
        await settle(
            pilot,
            lambda: (
                isinstance(app.screen, DashboardScreen)
                and any(ob.rule == "DEV-1" and ob.status == "met" for ob in app.screen.obligations)
            ),
        )
    (update,) = read_file(dev_dir).register_updates
    assert update.note == "2026年下半年更新"
