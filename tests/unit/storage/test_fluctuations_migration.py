"""Schema 9: a new table of 思想波动 (CARE-1); a version 8 file reads unchanged with none, and
the first fluctuation saved is read back whole."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson

from branchtui.domain.records import Fluctuation
from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V8_FILE = {
    "_meta": {"schema_version": 8, "app_version": "0.1.0"},
    "branch": {"1": {"id": "b1", "rev": 1, "name": "老支部", "kind": "branch"}},
    "talks": {"1": {"id": "t1", "rev": 1, "person_name": "张三", "date": "2026-03-02"}},
}


def test_a_version_8_file_reads_without_fluctuations_and_takes_one(data_dir: Path) -> None:
    original = copy.deepcopy(V8_FILE)
    assert schema_version_of(migrate(V8_FILE)) == SCHEMA_VERSION == 15
    assert original == V8_FILE  # the step is pure
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V8_FILE))
    store = Store.open(data_dir)
    data = store.snapshot()
    assert data.fluctuations == [] and data.talks[0].person_name == "张三"
    entry = Fluctuation(
        member_id="m1",
        noticed=dt.date(2026, 3, 1),
        reporter_name="家属",
        description="工作调整后情绪低落",
    )
    store.add(entry)
    raw = orjson.loads((data_dir / "branch.json").read_bytes())
    assert raw["_meta"]["schema_version"] == SCHEMA_VERSION
    (saved,) = Store.open(data_dir).snapshot().fluctuations
    assert (saved.member_id, saved.noticed, saved.reporter_name, saved.description) == (
        "m1",
        dt.date(2026, 3, 1),
        "家属",
        "工作调整后情绪低落",
    )
    assert (saved.closed, saved.resolution) == (None, "")
