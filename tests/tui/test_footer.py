"""The Footer composes its keys again only when what they show changes: the palette hint
still comes and goes with the width, and the area keys light up once the data is open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import until
from textual.widgets._footer import FooterKey

from branchtui.tui.app import build_app
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.widgets.footer import BranchFooter


def keys(app: Any) -> dict[str, FooterKey]:
    return {key.action.removeprefix("app."): key for key in app.screen.query(FooterKey)}


async def test_the_palette_hint_comes_and_goes_with_the_width(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m")  # 党员名册: its keys fill 80 columns
        await until(pilot, lambda: isinstance(app.screen, RosterScreen) and "quit" in keys(app))
        assert "command_palette" not in keys(app)  # the screen's own keys come first
        await pilot.resize_terminal(160, 30)
        await until(pilot, lambda: "command_palette" in keys(app))
        assert keys(app)["command_palette"].render().plain == "^P 命令"
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: "command_palette" not in keys(app))
        assert "quit" in keys(app) and "help" in keys(app)


async def test_the_area_keys_light_up_once_the_data_is_read_and_keys_are_made_once(
    branch_dir: Path, today: dt.date, monkeypatch: Any
) -> None:
    composed: list[bool] = []
    real = BranchFooter.compose

    def compose(footer: BranchFooter) -> Any:
        composed.append(footer.app.store is not None)
        return real(footer)

    monkeypatch.setattr(BranchFooter, "compose", compose)
    app = build_app(branch_dir, today=today, background=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.store is not None and "go_area" in str(keys(app)))
        await until(pilot, lambda: not keys(app)["go_area('dashboard')"].disabled)
        await pilot.pause(0.3)
        # Empty until the bindings are known, once before the data is read (area keys
        # disabled), once after: not again for every focus change and resize meanwhile.
        assert composed.count(False) <= 2 and composed.count(True) == 1
