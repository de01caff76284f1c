"""Schema 5: a probation extension's months move from its note into ``months`` (a pure step,
read as the program read the note before), in a data file and in a bundle exported before."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson

from branchtui.domain.development import probation_end
from branchtui.domain.profile import PLAN_2017
from branchtui.storage.backups import list_backups
from branchtui.storage.bundle import data_from_bundle
from branchtui.storage.migrations import SCHEMA_VERSION, migrate
from branchtui.storage.store import Store


def candidate(cid: str, note: str) -> dict[str, object]:
    return {
        "id": cid,
        "rev": 3,
        "name": "林小红",
        "events": [
            {"step": "branch_vote", "date": "2025-12-01"},
            {"step": "approved", "date": "2026-01-10"},
            {"step": "probation_extended", "date": "2026-12-01", "note": note},
        ],
    }


V4 = {
    "_meta": {"schema_version": 4, "app_version": "0.1.0"},
    "candidates": {
        "1": candidate("c1", "经支部大会讨论延长6个月"),
        "2": candidate("c2", ""),
        "3": candidate("c3", "延长3个月"),
        "4": {
            "id": "c4",
            "rev": 1,
            "name": "王五",
            "events": [{"step": "applied", "date": "2026-01-05"}],
        },
    },
}


def months(raw: dict, key: str) -> object:  # type: ignore[type-arg]
    return raw["candidates"][key]["events"][2].get("months")


def test_the_step_is_pure_and_reads_the_months_as_before() -> None:
    original = copy.deepcopy(V4)
    out = migrate(V4)
    assert original == V4
    assert out["_meta"]["schema_version"] == SCHEMA_VERSION
    assert months(out, "1") == 6
    assert months(out, "2") == 12  # not written: the longest, as the note was read before
    assert months(out, "3") == 6  # below the least: the least, as before
    assert out["candidates"]["4"] == V4["candidates"]["4"]


def test_a_v4_file_is_backed_up_migrated_and_read_back(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    v4_bytes = orjson.dumps(V4)
    (data_dir / "branch.json").write_bytes(v4_bytes)
    store = Store.open(data_dir)
    (backup,) = [b for b in list_backups(data_dir) if b.reason == "migrate"]
    assert backup.path.read_bytes() == v4_bytes
    c1 = store.snapshot().find("candidates", "c1")
    assert c1.rev == 3  # a migration is not an edit
    assert probation_end(c1, PLAN_2017) == dt.date(2027, 6, 1)


def test_an_old_bundle_keeps_its_extension() -> None:
    bundle = {
        "format": "branchtui-bundle",
        "version": 1,
        "branch": None,
        "candidates": [candidate("c1", "延长8个月")],
    }
    (c1,) = data_from_bundle(bundle).candidates
    assert probation_end(c1, PLAN_2017) == dt.date(2027, 8, 1)
