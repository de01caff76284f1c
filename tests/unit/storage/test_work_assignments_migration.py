"""Schema 8: the table of 党员分配工作 (NAT-5); a version 7 file reads unchanged, and a file of
this version is one an older program opens read-only."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson

from branchtui.domain.records import WorkAssignment
from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V7_FILE = {
    "_meta": {"schema_version": 7, "app_version": "0.1.0"},
    "branch": {"1": {"id": "b1", "rev": 1, "name": "老支部", "kind": "branch"}},
    "members": {"1": {"id": "m1", "rev": 1, "name": "张三"}},
}


def test_a_version_7_file_reads_with_no_assignments_and_takes_new_ones(data_dir: Path) -> None:
    original = copy.deepcopy(V7_FILE)
    assert schema_version_of(migrate(V7_FILE)) == SCHEMA_VERSION == 15
    assert original == V7_FILE  # the step is pure
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V7_FILE))
    store = Store.open(data_dir)
    assert store.snapshot().work_assignments == []
    store.add(
        WorkAssignment(member_id="m1", assigned=dt.date(2026, 3, 1), content="三号楼党员责任区")
    )
    (work,) = Store.open(data_dir).snapshot().work_assignments
    assert (work.content, work.form, work.due) == ("三号楼党员责任区", "post_duty", None)
    raw = orjson.loads((data_dir / "branch.json").read_bytes())
    assert raw["_meta"]["schema_version"] == SCHEMA_VERSION
