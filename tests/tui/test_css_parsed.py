"""Stylesheets parsed once per process for the same CSS and variables (tui/css_parsed.py): the
re-parse Textual does before the first frame reuses the rules, and a theme with other colours
is parsed anew and shown in its colours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import info_text, settle
from textual.css import stylesheet as stylesheet_module
from textual.css.stylesheet import Stylesheet

from branchtui.tui import css_parsed
from branchtui.tui.app import build_app
from branchtui.tui.screens.dashboard import DashboardScreen


@pytest.fixture
def parsed_sources(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each CSS source Textual parsed came from (parsed, not taken from a cache)."""
    monkeypatch.setattr(css_parsed, "_PARSED", {})  # as in a new process
    sources: list[str] = []
    real = stylesheet_module.parse

    def parse(scope: str, css: str, read_from: Any, *args: Any, **kwargs: Any) -> Any:
        sources.append(str(read_from[0]))
        return real(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(stylesheet_module, "parse", parse)
    return sources


@pytest.fixture
def reparses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    count: list[int] = []
    real = Stylesheet.reparse

    def reparse(self: Stylesheet) -> None:
        count.append(1)
        real(self)

    monkeypatch.setattr(Stylesheet, "reparse", reparse)
    return count


async def test_the_reparse_before_the_first_frame_does_not_parse_app_tcss_again(
    branch_dir: Path, today: dt.date, parsed_sources: list[str], reparses: list[int]
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await settle(pilot, lambda: bool(screen.obligations))
        assert reparses  # Textual did re-parse the stylesheets …
        app_tcss = [s for s in parsed_sources if s.endswith("app.tcss")]
        assert len(app_tcss) == 1  # … and app.tcss was parsed once
        assert "已完成" in info_text(app)


async def test_a_theme_with_other_colours_is_parsed_again_and_shown_in_them(
    branch_dir: Path, today: dt.date, parsed_sources: list[str]
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await settle(pilot, lambda: bool(getattr(screen, "obligations", None)))
        dark = screen.styles.background
        before = len([s for s in parsed_sources if s.endswith("app.tcss")])
        app.theme = "textual-light"
        await pilot.pause()
        assert len([s for s in parsed_sources if s.endswith("app.tcss")]) == before + 1
        assert screen.styles.background != dark
        assert screen.styles.background.brightness > dark.brightness
