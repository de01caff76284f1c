"""Schema 6: a version-5 file's transfers, flowing members and announcements read as they were,
with the new letter, 回执, report-back and scope fields empty; the step is pure."""

from __future__ import annotations

import copy
from pathlib import Path

import orjson

from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V5_FILE = {
    "_meta": {"schema_version": 5, "app_version": "0"},
    "branch": {"1": {"id": "b1", "rev": 1, "name": "老支部", "kind": "branch"}},
    "transfers": {
        "1": {
            "id": "t1",
            "rev": 1,
            "person_name": "张三",
            "direction": "out",
            "instrument": "relation_transfer",
            "date": "2026-03-02",
        }
    },
    "flowing_members": {
        "1": {
            "id": "f1",
            "rev": 1,
            "person_name": "李四",
            "direction": "inflow",
            "start": "2026-01-05",
        }
    },
    "announcements": {"1": {"id": "a1", "rev": 1, "date": "2026-04-01", "title": "公示"}},
}


def test_a_version_5_file_reads_with_the_new_fields_empty(data_dir: Path) -> None:
    original = copy.deepcopy(V5_FILE)
    assert schema_version_of(migrate(V5_FILE)) == SCHEMA_VERSION == 15
    assert original == V5_FILE
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V5_FILE))
    data = Store.open(data_dir).snapshot()
    (transfer,) = data.transfers
    assert (transfer.letter_sent, transfer.receipt_returned, transfer.rev) == (None, None, 1)
    assert data.flowing_members[0].reported_back is None
    assert data.announcements[0].scope == ""
