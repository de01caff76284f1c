"""Older files are upgraded in one commit after a backup; the steps are pure."""

from __future__ import annotations

import copy
from pathlib import Path

import orjson

from branchtui.domain.records import Member
from branchtui.storage.backups import list_backups
from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V0_FILE = {
    "branch": {"id": "b1", "name": "老支部", "kind": "branch"},
    "members": {
        "m1": {"id": "m1", "name": "张三", "joined": "2001-07-01"},
        "m2": {"id": "m2", "name": "李四", "group_id": "g1"},
    },
    "groups": {"g1": {"id": "g1", "name": "第一党小组", "leader_id": "m1"}},
}


def test_steps_are_pure_and_reach_the_current_version() -> None:
    original = copy.deepcopy(V0_FILE)
    migrated = migrate(V0_FILE)
    assert original == V0_FILE
    assert schema_version_of(migrated) == SCHEMA_VERSION
    assert migrated["branch"] == {"1": {"rev": 1, **V0_FILE["branch"]}}
    assert sorted(d["id"] for d in migrated["members"].values()) == ["m1", "m2"]
    assert all(d["rev"] == 1 for d in migrated["members"].values())
    assert sorted(migrated["members"]) == ["1", "2"]  # TinyDB doc ids, never our ids


def test_a_v0_file_is_backed_up_migrated_and_then_editable(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / "branch.json"
    v0_bytes = orjson.dumps(V0_FILE)
    path.write_bytes(v0_bytes)

    store = Store.open(data_dir)
    raw = orjson.loads(path.read_bytes())
    assert raw["_meta"]["schema_version"] == SCHEMA_VERSION
    (backup,) = [b for b in list_backups(data_dir) if b.reason == "migrate"]
    assert backup.path.read_bytes() == v0_bytes

    data = store.snapshot()
    assert data.branch is not None and data.branch.name == "老支部"
    zhang = data.find("members", "m1")
    assert zhang.rev == 1 and str(zhang.joined) == "2001-07-01"
    assert data.find("groups", "g1").leader_id == "m1"
    zhang.phone = "13800000000"
    store.save(zhang)  # rev 1 from the migration matches, so no false conflict
    store.add(Member(name="王五"))
    assert len(Store.open(data_dir).snapshot().members) == 3
    assert len([b for b in list_backups(data_dir) if b.reason == "migrate"]) == 1
