"""Fixtures for Pilot and snapshot tests: the fixed branch, and no blinking cursor."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

sys.path.insert(0, str(Path(__file__).parent))

from fixture_branch import write_fixture

from branchtui.domain.demo import make_demo
from branchtui.domain.records import BranchData
from branchtui.storage.store import Store


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A steady cursor, so that screenshots do not depend on timing."""
    original = Input._on_mount

    def on_mount(self: Input, event: Any) -> None:
        self.cursor_blink = False
        original(self, event)

    monkeypatch.setattr(Input, "_on_mount", on_mount)


@pytest.fixture
def branch_dir(data_dir: Path, today: dt.date) -> Path:
    """A data folder holding the fixed 12-member branch."""
    write_fixture(data_dir, today)
    return data_dir


@cache
def demo_doc(today: dt.date) -> dict[str, object]:
    # Building the demo takes most of a second: once per session, copied into each folder.
    return make_demo(today=today, seed=2017).to_dict()


@pytest.fixture
def demo_dir(data_dir: Path, today: dt.date) -> Path:
    """A data folder holding the demo branch (seed 2017) as of ``today``."""
    Store.open(data_dir, create=True).replace_all(BranchData.from_dict(demo_doc(today)))
    return data_dir


def read_file(data_dir: Path) -> BranchData:
    """What the data file holds, read by a fresh session (as another login would see it)."""
    return Store.open(data_dir).snapshot()


def file_text(data_dir: Path) -> str:
    """The data file's raw text (UTF-8, Chinese kept readable)."""
    return (data_dir / "branch.json").read_text(encoding="utf-8")


async def settle(pilot: Pilot[Any], done: Callable[[], bool], seconds: float = 10) -> None:
    """Wait for workers and messages until ``done()`` holds (the machine may be busy)."""
    for _ in range(int(seconds / 0.05)):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if done():
            return
    raise AssertionError("等待超时")
