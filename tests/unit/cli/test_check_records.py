"""`branchtui check records`: 台账体检 as a Chinese list or JSON, by year."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from branchtui.storage.store import Store
from tests.unit.conftest import Cli
from tests.unit.obligations.conftest import add_meeting, add_members, make_data

D = dt.date


def _branch(folder: Path) -> str:
    data = make_data(created=D(2025, 1, 1))
    ms = add_members(data, 3)
    full = {"start": "09:00", "place": "会议室", "host_id": ms[0].id, "recorder_id": ms[1].id}
    add_meeting(data, "general_meeting", D(2025, 6, 3), attendees=ms, **full)
    late = add_meeting(
        data,
        "general_meeting",
        D(2026, 11, 2),
        attendees=ms,
        entered_on=D(2026, 11, 16),
        topic="通报工作",
        **{**full, "place": ""},
    )
    Store.open(folder, create=True).replace_all(data)
    return late.id


def test_check_records_lists_defects_by_record(cli: Cli, data_dir: Path) -> None:
    late = _branch(data_dir)
    result = cli("check", "records")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "台账体检（全部记录）：1条记录共2处问题"
    assert lines[1] == f"2026-11-02 支部党员大会“通报工作”（记录 {late}）"
    assert lines[2] == "    [SYS-3] 未填写会议地点"
    assert lines[3] == "    [SYS-3] 会后补记：会议后第10个工作日（2026-11-16）才录入"


def test_check_records_by_year_and_as_json(cli: Cli, data_dir: Path) -> None:
    late = _branch(data_dir)
    assert (
        cli("check", "records", "--year", "2025").out.strip()
        == "台账体检（2025年记录）：未发现问题。"
    )
    result = cli("check", "records", "--year", "2026", "--json")
    doc = json.loads(result.out)
    assert [(d["record_id"], d["field"]) for d in doc] == [(late, "place"), (late, "entered_on")]


def test_check_records_refuses_a_bad_year(cli: Cli, data_dir: Path) -> None:
    _branch(data_dir)
    result = cli("check", "records", "--year", "26")
    assert result.code == 1 and "--year 的年份无效" in result.err
