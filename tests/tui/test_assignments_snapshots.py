"""分配工作 (NAT-5) pinned at 80×24: a late assignment (NAT-5 due above the list), a 长期 one,
one excused by illness and one not yet due, on the education fixture.

If the screen changes on purpose, re-run with --snapshot-update and look at the SVG.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import settle
from fixture_education import write_education_fixture
from textual.pilot import Pilot
from textual.widgets import Static

from branchtui.domain.records import WorkAssignment
from branchtui.tui.app import build_app

D = dt.date


def test_assignments_80x24(data_dir: Path, today: dt.date, snap_compare: Any) -> None:
    store = write_education_fixture(data_dir, today)
    for work in (
        WorkAssignment(
            id="w1",
            member_id="m08",
            assigned=D(2026, 3, 1),
            form="responsibility_area",
            content="负责三号楼党员责任区",
            due=D(2026, 4, 27),
        ),
        WorkAssignment(
            id="w2",
            member_id="m01",
            assigned=D(2026, 1, 5),
            form="model_post",
            content="窗口服务党员示范岗",
        ),
        WorkAssignment(
            id="w3",
            member_id="m05",
            assigned=D(2026, 2, 10),
            form="pairing_help",
            content="结对帮扶困难职工家庭",
            due=D(2026, 6, 30),
            excuse="因病住院",
            excused_from=D(2026, 6, 1),
        ),
        WorkAssignment(
            id="w4",
            member_id="m02",
            assigned=D(2026, 11, 3),
            form="post_duty",
            content="整理2026年党建工作台帐",
            due=D(2026, 12, 20),
        ),
    ):
        store.add(work)
    app = build_app(data_dir, today=today)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("5", "w")

        def judged() -> bool:
            found = pilot.app.screen.query("#register-duties")
            return bool(found) and "周敏" in str(found.first(Static).render())

        await settle(pilot, judged)
        await pilot.press("down")  # the late one: its details below the list

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
