"""Issue 10: every duty of the catalogue settles on a TUI screen. Each rule's action is
``screen:<target>``, a declared screen settles that target, and the rule's detail (what the
dashboard opens) offers that screen: it never says 尚未提供 nor sends the user to a command."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from pathlib import Path

import pytest
from conftest import on_screen, settle, text_of

from branchtui.domain.obligations.catalogue import CATALOGUE, obligation
from branchtui.tui.app import build_app
from branchtui.tui.registry import screen_for_target
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.obligation_detail import ObligationDetail

SHELL = re.compile(r"branchtui|命令|--help|终端|\$ ")


@pytest.mark.parametrize("rule", sorted(CATALOGUE), ids=str)
def test_every_rule_settles_on_a_declared_screen(rule: str) -> None:
    kind, _, target = CATALOGUE[rule].action.partition(":")
    assert kind == "screen", f"{rule} is settled by {CATALOGUE[rule].action}"
    spec = screen_for_target(target)
    assert spec is not None, f"no screen settles {target} ({rule})"
    module_name, _, class_name = spec.factory.partition(":")
    assert isinstance(getattr(importlib.import_module(module_name), class_name), type)


async def test_no_rule_detail_says_not_provided_or_names_a_command(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        for rule in sorted(CATALOGUE):
            ob = obligation(rule, "due", detail="测试")
            app.push_screen(ObligationDetail(ob, app.data))
            await on_screen(pilot, ObligationDetail)
            shown = text_of(app, "#detail-action") + text_of(app, "#detail-body")
            assert "尚未提供" not in shown, rule
            assert not SHELL.search(shown), (rule, shown)
            spec = screen_for_target(CATALOGUE[rule].action.partition(":")[2])
            assert spec is not None and f"打开「{spec.title}」办理" in shown, rule
            app.pop_screen()
            await pilot.pause()


@pytest.mark.parametrize(
    ("rule", "screen"),
    [
        ("SYS-1", "branchtui.tui.screens.systems:SystemsScreen"),
        ("SYS-2", "branchtui.tui.screens.work_plan:WorkPlanScreen"),
        ("SYS-3", "branchtui.tui.screens.ledger:LedgerScreen"),
        ("SYS-4", "branchtui.tui.screens.inspections:InspectionsScreen"),
    ],
)
async def test_a_systems_duty_opens_its_screen_from_its_detail(
    branch_dir: Path, today: dt.date, rule: str, screen: str
) -> None:
    module_name, _, class_name = screen.partition(":")
    kind = getattr(importlib.import_module(module_name), class_name)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, DashboardScreen)
        # As the dashboard opens a duty's detail (a met one: the screen opens, nothing is added).
        app.screen._open_detail(obligation(rule, "met", detail="测试"))  # type: ignore[attr-defined]
        await on_screen(pilot, ObligationDetail)
        await pilot.press("enter")
        await settle(pilot, lambda: type(app.screen) is kind)
