"""Dialogs at 80×24: a prompt's field is seen before anything is typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import settle
from textual.containers import Vertical
from textual.widgets import Input

from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import TextPrompt


async def test_new_group_prompt_shows_its_field_before_typing(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g", "a")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        field = app.screen.query_one("#prompt-input", Input)
        assert field.value == ""
        assert "在此输入" in field.render_line(0).text
        dialog = app.screen.query_one(".dialog", Vertical)
        # The field has a shade of its own, distinct from the dialog around it.
        assert field.styles.background != dialog.styles.background
