"""The set-up wizard, driven by keys only, ends with a branch.json and the home screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import file_text, read_file
from textual.widgets import Input, Static

from branchtui.tui.app import build_app
from branchtui.tui.screens.wizards.setup import SetupWizard
from branchtui.tui.widgets.wizard_frame import WizardFrame


async def test_wizard_by_keys_writes_branch_and_term(data_dir: Path, today: dt.date) -> None:
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"第一支部", "enter")
        await pilot.press("enter")  # 党支部
        await pilot.press(*"集团党委", "enter")
        await pilot.press("down", "enter")  # 非公企业：是
        await pilot.press("down", "enter")  # 全国现行规定
        await pilot.press(*"2025-06-01", "enter")
        await pilot.press(*"35", "enter")
        review = str(app.screen.query_one("#review", Static).render())
        assert "全国现行规定（任期 3 年）" in review
        assert "本届任期开始：2025-06-01" in review
        await pilot.press("enter")
        await pilot.pause()
        assert app.store is not None
        assert not isinstance(app.screen, SetupWizard)
    assert "第一支部" in file_text(data_dir)
    saved = read_file(data_dir)
    assert saved.branch is not None
    assert saved.branch.name == "第一支部"
    assert saved.branch.upper_committee == "集团党委"
    assert saved.branch.non_public is True
    assert saved.branch.profile == "national"
    assert saved.branch.non_party_staff == 35
    (term,) = saved.terms
    assert term.start == dt.date(2025, 6, 1)


async def test_wizard_errors_beside_field_and_back_keeps_input(
    data_dir: Path, today: dt.date
) -> None:
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert "请填写支部名称" in str(app.screen.query_one("#name-error", Static).render())
        await pilot.press(*"机关支部", "tab", "enter", *"上级", "tab", "enter", "enter")
        await pilot.press(*"02-30", "enter")
        frame = app.screen.query_one(WizardFrame)
        assert frame.step.id == "step-term"
        error = str(app.screen.query_one("#term-start-error", Static).render())
        assert "没有30日" in error
        for _ in range(5):
            await pilot.press("shift+tab")
        assert frame.index == 0
        assert app.screen.query_one("#name", Input).value == "机关支部"
        await pilot.press("escape")
        assert frame.index == 0
    assert not (data_dir / "branch.json").exists()
