"""Schema 10: an amendment keeps the time and login of its save; a version 9 file, whose
amendments hold only the day, reads unchanged."""

from __future__ import annotations

import copy
from pathlib import Path

import orjson

from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.store import Store

V9_FILE = {
    "_meta": {"schema_version": 9, "app_version": "0.1.0"},
    "branch": {"1": {"id": "b1", "rev": 1, "name": "老支部", "kind": "branch"}},
    "meetings": {
        "1": {
            "id": "mt1",
            "rev": 2,
            "kinds": ["committee_meeting"],
            "date": "2026-11-03",
            "place": "三楼会议室",
            "amendments": [
                {
                    "date": "2026-11-10",
                    "reason": "补记地点",
                    "previous": {
                        "id": "mt1",
                        "rev": 1,
                        "kinds": ["committee_meeting"],
                        "date": "2026-11-03",
                        "place": "党员活动室",
                    },
                }
            ],
        }
    },
}


def test_a_version_9_file_reads_its_amendments_without_time_or_author(data_dir: Path) -> None:
    original = copy.deepcopy(V9_FILE)
    assert schema_version_of(migrate(V9_FILE)) == SCHEMA_VERSION == 15
    assert original == V9_FILE  # the step is pure
    data_dir.mkdir(mode=0o700)
    (data_dir / "branch.json").write_bytes(orjson.dumps(V9_FILE))
    (meeting,) = Store.open(data_dir).snapshot().meetings
    (amendment,) = meeting.amendments
    assert (amendment.time, amendment.user, amendment.reason) == ("", "", "补记地点")
    assert amendment.previous["place"] == "党员活动室"
