"""The dashboard's date moves stop at the supported range with a Chinese message, not a crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Static

from branchtui.domain.records import Branch
from branchtui.storage.store import Store
from branchtui.tui.app import build_app


@pytest.fixture
def small_branch(data_dir: Path) -> Path:
    store = Store.open(data_dir, create=True)
    with store.transaction() as tx:
        tx.set_branch(Branch(name="第一党支部", created=dt.date(1901, 1, 1)))
    return data_dir


@pytest.mark.parametrize(
    ("today", "keys"),
    [
        (dt.date(2099, 12, 31), ["right_square_bracket", "right_curly_bracket"]),
        (dt.date(1901, 1, 1), ["left_square_bracket", "left_curly_bracket"]),
    ],
)
async def test_moves_past_the_edges_are_refused(small_branch: Path, today, keys) -> None:
    said: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            said.append(message.notification.message)

    app = build_app(small_branch, today=today)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        info = str(app.screen.query_one("#dash-info", Static).render())
        assert f"查看日期：{today.isoformat()}" in info and "（今天）" in info  # still today
        assert app.is_running
    refused = [s for s in said if "无法查看该日" in s]
    assert len(refused) == 2
    assert "支持的日期为 1901年至2099年" in refused[0]
