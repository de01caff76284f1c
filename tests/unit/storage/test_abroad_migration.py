"""Schema 14: 停止党籍 decided for a 因私出国（境） trip takes the member off the roster from the day
of departure (REL-3). A version 13 file whose departed trip so decided left the member on the
roster reads with her off it from that day; a trip still ahead, a trip that keeps membership and
a member already removed change nothing; the new ``restorations`` table starts empty."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson
import pytest

from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V13_FILE = {
    "_meta": {"schema_version": 13, "app_version": "0.1.0"},
    "branch": {"1": {"id": "b1", "rev": 1, "name": "老支部", "kind": "branch"}},
    "members": {
        "1": {"id": "m1", "rev": 2, "name": "王颖娜"},
        "2": {"id": "m2", "rev": 1, "name": "郑丽"},
        "3": {"id": "m3", "rev": 1, "name": "孙建国"},
        "4": {
            "id": "m4",
            "rev": 1,
            "name": "李明",
            "removed": "2026-03-01",
            "removed_reason": "deceased",
        },
    },
    "travels": {
        "1": {
            "id": "t1",
            "rev": 1,
            "member_id": "m1",
            "destination": "澳大利亚",
            "depart": "2026-10-01",
            "decision": "suspend",
            "approved": "2026-09-20",
            "approval_ref": "党委〔2026〕8号",
        },
        "2": {
            "id": "t2",
            "rev": 1,
            "member_id": "m2",
            "destination": "日本",
            "depart": "2026-12-20",
            "decision": "suspend",
        },
        "3": {
            "id": "t3",
            "rev": 1,
            "member_id": "m3",
            "destination": "新加坡",
            "depart": "2026-06-01",
            "decision": "keep",
        },
        "4": {
            "id": "t4",
            "rev": 1,
            "member_id": "m4",
            "destination": "美国",
            "depart": "2026-01-10",
            "decision": "suspend",
        },
    },
}


def test_a_member_gone_abroad_under_suspension_leaves_the_roster_on_the_day_she_left(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANCHTUI_TODAY", "2026-11-27")
    original = copy.deepcopy(V13_FILE)
    assert schema_version_of(migrate(V13_FILE)) == SCHEMA_VERSION == 15
    assert original == V13_FILE  # the step does not modify its input
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V13_FILE))
    data = Store.open(data_dir).snapshot()
    wang = data.find("members", "m1")
    assert (wang.removed, wang.removed_reason) == (dt.date(2026, 10, 1), "suspended")
    assert wang.removed_note == "因私出国（境）赴澳大利亚，出境期间停止党籍（党委〔2026〕8号）"
    # Leaving on 12-20: still on the roster today; keeping membership: on it; 李明 stays 去世.
    assert [m.name for m in data.active_members] == ["郑丽", "孙建国"]
    li = data.find("members", "m4")
    assert (li.removed, li.removed_reason) == (dt.date(2026, 3, 1), "deceased")
    assert data.restorations == []
