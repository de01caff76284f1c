"""Schema 12: 停止党籍 takes a member off the roster (NAT-6). A version 11 file whose open
失联 record says a member was suspended, while she is still on the roster, reads with her off
it from the day of the suspension; found, removed or unsuspended records change nothing."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson

from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V11_FILE = {
    "_meta": {"schema_version": 11, "app_version": "0.1.0"},
    "branch": {"1": {"id": "b1", "rev": 1, "name": "老支部", "kind": "branch"}},
    "members": {
        "1": {"id": "m1", "rev": 2, "name": "王颖娜"},
        "2": {"id": "m2", "rev": 1, "name": "郑丽"},
        "3": {"id": "m3", "rev": 1, "name": "孙建国"},
        "4": {"id": "m4", "rev": 1, "name": "李明"},
    },
    "lost_contacts": {
        "1": {
            "id": "l1",
            "rev": 2,
            "member_id": "m1",
            "since": "2026-04-01",
            "suspended": "2026-11-27",
        },
        "2": {"id": "l2", "rev": 1, "member_id": "m2", "since": "2026-09-01"},
        "3": {
            "id": "l3",
            "rev": 3,
            "member_id": "m3",
            "since": "2024-01-01",
            "suspended": "2024-07-01",
            "found": "2025-01-01",
        },
    },
}


def test_a_suspended_member_still_on_the_roster_leaves_it_on_the_suspension_day(
    data_dir: Path,
) -> None:
    original = copy.deepcopy(V11_FILE)
    assert schema_version_of(migrate(V11_FILE)) == SCHEMA_VERSION == 15
    assert original == V11_FILE  # the step is pure
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V11_FILE))
    data = Store.open(data_dir).snapshot()
    wang = data.find("members", "m1")
    assert (wang.removed, wang.removed_reason) == (dt.date(2026, 11, 27), "suspended")
    assert "停止党籍" in wang.removed_note
    assert [m.name for m in data.active_members] == ["郑丽", "孙建国", "李明"]
