"""`branchtui todo`: the obligations at a date as a Chinese list or as JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from branchtui.storage.store import Store
from tests.unit.conftest import Cli
from tests.unit.obligations.conftest import add_committee, add_meeting, add_members, make_data

D = dt.date


def _branch(folder: Path) -> None:
    data = make_data(created=D(2026, 10, 1))
    ms = add_members(data, 5)
    add_committee(data, D(2026, 10, 1), ms)
    add_meeting(data, "committee_meeting", D(2026, 11, 3), attendees=ms[:3])
    Store.open(folder, create=True).replace_all(data)


def test_todo_lists_overdue_duties_in_chinese(cli: Cli, data_dir: Path) -> None:
    _branch(data_dir)
    result = cli("todo", "--on", "2026-11-27")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("2026-11-27 待办事项（规则配置：2017年实施方案（默认）")
    october = next(line for line in lines if line.startswith("[逾期] LIFE-2"))
    assert "2026年10月" in october and "截止 2026-10-31" in october
    assert not any("[完成]" in line for line in lines)  # met duties only with --all
    assert lines[-1].startswith("合计：已逾期")


def test_todo_all_shows_met_duties(cli: Cli, data_dir: Path) -> None:
    _branch(data_dir)
    result = cli("--data", data_dir, "todo", "--on", "2026-11-27", "--all")
    assert any(line.startswith("[完成] LIFE-2 ［2026年11月］") for line in result.out.splitlines())


def test_todo_json_matches_the_documented_shape(cli: Cli, data_dir: Path) -> None:
    _branch(data_dir)
    result = cli("todo", "--json", "--on", "2026-11-27", "--data", data_dir)
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    life2 = {(o["rule"], o["period"]): o for o in doc if o["rule"] == "LIFE-2"}
    assert life2[("LIFE-2", "2026-10")]["status"] == "overdue"
    assert life2[("LIFE-2", "2026-10")]["due"] == "2026-10-31"
    assert life2[("LIFE-2", "2026-11")]["status"] == "met"
    assert life2[("LIFE-2", "2026-11")]["refs"]
    assert {"rule", "status", "due", "title", "refs"} <= set(doc[0])
    assert doc[0]["status"] == "overdue"


def test_todo_on_a_bad_date_or_missing_folder_is_one_chinese_line(
    cli: Cli, data_dir: Path, one_line: Callable[[str], str]
) -> None:
    missing = cli("todo")
    assert missing.code == 1 and "branchtui init" in one_line(missing.err)
    _branch(data_dir)
    bad = cli("todo", "--on", "2026-13-01")
    assert bad.code == 1 and "--on" in one_line(bad.err)


def test_todo_reads_calendar_toml_overrides(cli: Cli, data_dir: Path) -> None:
    _branch(data_dir)
    (data_dir / "calendar.toml").write_text(
        "holidays = [2026-11-02, 2026-11-03]\n", encoding="utf-8"
    )
    doc = json.loads(cli("todo", "--json", "--on", "2026-11-27").out)
    theme = next(o for o in doc if o["rule"] == "LIFE-5" and o["period"] == "2026-11")
    assert theme["due"] == "2026-11-06"  # first working day 11-04, +2 working days
