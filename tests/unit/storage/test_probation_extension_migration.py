"""Schema 11: a member's entry may hold the months her probation was extended (NAT-3); a
version 10 file reads unchanged, its members without an extension."""

from __future__ import annotations

import copy
from pathlib import Path

import orjson

from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V10_FILE = {
    "_meta": {"schema_version": 10, "app_version": "0.1.0"},
    "branch": {"1": {"id": "b1", "rev": 1, "name": "老支部", "kind": "branch"}},
    "members": {
        "1": {
            "id": "m1",
            "rev": 1,
            "name": "马丽",
            "joined": "2025-04-04",
            "status": "probationary",
        }
    },
}


def test_a_version_10_file_reads_its_members_without_an_extension(data_dir: Path) -> None:
    original = copy.deepcopy(V10_FILE)
    assert schema_version_of(migrate(V10_FILE)) == SCHEMA_VERSION == 15
    assert original == V10_FILE  # the step is pure
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V10_FILE))
    (member,) = Store.open(data_dir).snapshot().members
    assert (member.name, member.probation_extension_months) == ("马丽", None)
