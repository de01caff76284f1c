"""Schema 15: a new table ``records_gaps`` (建档前无记录可补, domain/obligations/records_gap.py).
A version 14 file reads unchanged with none; a mark saved is read back whole, and deleted."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson

from branchtui.domain.records import RecordsGap
from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V14_FILE = {
    "_meta": {"schema_version": 14, "app_version": "0.1.0"},
    "branch": {
        "1": {"id": "b1", "rev": 1, "name": "新支部", "kind": "branch", "created": "2026-09-01"}
    },
    "members": {"1": {"id": "m1", "rev": 1, "name": "王颖娜"}},
}


def test_a_version_14_file_reads_without_marks_and_takes_one(data_dir: Path) -> None:
    original = copy.deepcopy(V14_FILE)
    migrated = migrate(V14_FILE)
    assert schema_version_of(migrated) == SCHEMA_VERSION == 15
    assert original == V14_FILE  # the step is pure
    assert {k: v for k, v in migrated.items() if k != "_meta"} == {
        k: v for k, v in V14_FILE.items() if k != "_meta"
    }
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V14_FILE))
    store = Store.open(data_dir)
    data = store.snapshot()
    assert data.records_gaps == [] and data.members[0].name == "王颖娜"
    store.add(
        RecordsGap(
            rule="EDU-3", period="2026", note="前任书记未留存记录", marked=dt.date(2026, 11, 27)
        )
    )
    raw = orjson.loads((data_dir / "branch.json").read_bytes())
    assert raw["_meta"]["schema_version"] == SCHEMA_VERSION
    (saved,) = Store.open(data_dir).snapshot().records_gaps
    assert (saved.rule, saved.period, saved.note, saved.marked) == (
        "EDU-3",
        "2026",
        "前任书记未留存记录",
        dt.date(2026, 11, 27),
    )
    Store.open(data_dir).remove("records_gaps", saved.id)
    assert Store.open(data_dir).snapshot().records_gaps == []
