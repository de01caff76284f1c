"""The palette opened over a wizard offers its keys and its step's as 本页：… and runs them where
they are bound (registry.context_entries): the meeting wizard's 转到某一步, then the agenda
step's 添加议题 on its list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import settle
from textual.command import CommandList
from textual.pilot import Pilot
from wizard_helpers import wizard, write_seven_seats

from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.commands import BranchPalette
from branchtui.tui.screens.wizards.form_dialog import FormDialog
from branchtui.tui.screens.wizards.meeting import MeetingWizard
from branchtui.tui.screens.wizards.meeting_start import StepPrompt


def palette_titles(app: BranchApp) -> list[str]:
    commands = app.screen.query_one(CommandList)
    prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
    return [prompt.split("\n")[0] for prompt in prompts]  # (its help on the next line)


async def run_from_palette(pilot: Pilot[None], typed: str, title: str) -> None:
    """Ctrl+P, ``typed``, and Enter once ``title`` is the first entry."""
    app = pilot.app
    await pilot.press("ctrl+p", *typed)
    await settle(pilot, lambda: isinstance(app.screen, BranchPalette))
    commands = app.screen.query_one(CommandList)
    await settle(pilot, lambda: palette_titles(app)[:1] == [title] and commands.highlighted == 0)
    await pilot.press("enter")


async def test_the_wizard_and_its_step_keys_run_from_the_palette(
    data_dir: Path, today: dt.date
) -> None:
    write_seven_seats(data_dir, today)
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "2")  # 组织生活, 会议记录, 新建, 支部委员会会议
        await settle(pilot, lambda: isinstance(app.screen, MeetingWizard))
        w = wizard(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: "本页：转到某一步" in palette_titles(app))
        titles = palette_titles(app)
        assert {"本页：下一步", "本页：上一步", "本页：保存会议记录", "本页：关闭向导"} <= set(
            titles
        )
        assert "本页：添加议题" not in titles  # a key of another step
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is w)
        await run_from_palette(pilot, "zdmyb", "本页：转到某一步")  # by its initials
        await settle(pilot, lambda: isinstance(app.screen, StepPrompt))
        await pilot.press("3")
        await settle(pilot, lambda: app.screen is w and w.frame.step.id == "step-topics")
        await pilot.press("enter")  # from 会议主题 on to the agenda, where its keys are bound
        await run_from_palette(pilot, "tjyt", "本页：添加议题")
        await settle(pilot, lambda: isinstance(app.screen, FormDialog))
