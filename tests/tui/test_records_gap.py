"""建档前无记录可补 by keys at 80×24 (domain/obligations/records_gap.py): on a branch set up on
2026-09-01, 七一 (EDU-3, due 07-01) is 待补录; Enter on it, n, a 说明 and Enter mark it: the
dashboard lists it as 待办 no more, but as 不适用 with the 说明 (c); u on it undoes the mark and
it is 待办 again. A duty due after the set-up day offers no n."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from conftest import dashboard_status, info_text, open_duty, read_file, screen_text, settle
from fixture_branch import fixture_data

from branchtui.storage.store import Store
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import TextPrompt
from branchtui.tui.screens.obligation_detail import ObligationDetail

CREATED = dt.date(2026, 9, 1)


def due_count(app: BranchApp) -> int:
    """The 待办 count of the dashboard's info line."""
    found = re.search(r"待办 (\d+)", info_text(app).replace("\xa0", " "))
    assert found is not None
    return int(found.group(1))


def seen(app: BranchApp) -> str:
    """What the terminal shows, with its non-breaking spaces as spaces."""
    return screen_text(app).replace("\xa0", " ")


def _set_up_in_september(data_dir: Path, today: dt.date) -> Path:
    data = fixture_data(today)
    assert data.branch is not None
    data.branch = dataclasses.replace(data.branch, created=CREATED)
    Store.open(data_dir, create=True).replace_all(data)
    return data_dir


async def test_n_marks_a_duty_before_the_set_up_day_as_without_records_and_u_undoes_it(
    data_dir: Path, today: dt.date
) -> None:
    app = build_app(_set_up_in_september(data_dir, today), today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: dashboard_status(app, "EDU-3", "2026") == "due")
        due_before = due_count(app)
        await open_duty(pilot, "EDU-3")
        shown = seen(app)
        assert "记录待补录" in shown
        assert "n 建档前无记录可补" in shown and "无记录" in shown  # hint and Footer
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press("enter")  # nothing typed: refused beside the field
        assert isinstance(app.screen, TextPrompt) and "请填写说明" in seen(app)
        await pilot.press(*"前任书记未留存记录", "enter")
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(pilot, lambda: dashboard_status(app, "EDU-3", "2026") is None)
        (gap,) = read_file(data_dir).records_gaps
        assert (gap.rule, gap.period, gap.note, gap.marked) == (
            "EDU-3",
            "2026",
            "前任书记未留存记录",
            today,
        )
        assert due_count(app) == due_before - 1  # the info line's 待办 count
        # c shows it among the done, 不适用 with the 说明; u on it undoes the mark.
        await pilot.press("c")
        await settle(pilot, lambda: dashboard_status(app, "EDU-3", "2026") == "not_applicable")
        await open_duty(pilot, "EDU-3")
        shown = seen(app)
        assert "不适用" in shown and "建档前无记录可补：前任书记未留存记录" in shown
        assert "u 撤销无记录标记" in shown
        await pilot.press("u")
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(pilot, lambda: dashboard_status(app, "EDU-3", "2026") == "due")
        assert due_count(app) == due_before
        assert read_file(data_dir).records_gaps == []


async def test_a_duty_due_after_the_set_up_day_offers_no_n(data_dir: Path, today: dt.date) -> None:
    app = build_app(_set_up_in_september(data_dir, today), today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_duty(pilot, "LIFE-5")
        assert isinstance(app.screen, ObligationDetail)
        assert not app.screen.obligation.before_start
        assert "无记录" not in seen(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ObligationDetail)  # nothing asked, nothing saved
        assert read_file(data_dir).records_gaps == []
