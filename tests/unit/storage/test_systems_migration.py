"""Schema 7: a written system (SYS-1) may be abolished; a version 6 file reads unchanged."""

from __future__ import annotations

import copy
from pathlib import Path

import orjson

from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V6_FILE = {
    "_meta": {"schema_version": 6, "app_version": "0.1.0"},
    "branch": {"1": {"id": "b1", "rev": 1, "name": "老支部", "kind": "branch"}},
    "system_docs": {
        "1": {"id": "s1", "rev": 1, "kind": "study", "title": "党员学习培训制度"},
    },
}


def test_a_version_6_file_reads_with_its_systems_in_force(data_dir: Path) -> None:
    original = copy.deepcopy(V6_FILE)
    assert schema_version_of(migrate(V6_FILE)) == SCHEMA_VERSION == 15
    assert original == V6_FILE  # the step is pure
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V6_FILE))
    (doc,) = Store.open(data_dir).snapshot().system_docs
    assert (doc.title, doc.abolished, doc.rev) == ("党员学习培训制度", None, 1)
