"""Schema 4: a meeting's lecturer and theme content move into its lecture and theme_day parts
(a pure step, one commit after a backup); a bundle exported before keeps them too."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson

from branchtui.domain.records import Meeting
from branchtui.storage.backups import list_backups
from branchtui.storage.bundle import data_from_bundle
from branchtui.storage.migrations import SCHEMA_VERSION, migrate
from branchtui.storage.store import Store

LECTURE = {
    "id": "mt1",
    "rev": 2,
    "kinds": ["theme_day", "party_lecture"],
    "date": "2026-07-01",
    "topic": "七一专题党课",
    "lecturer_id": "m1",
    "theme_content": ["政治学习", "交纳党费"],
}
PLAIN = {"id": "mt2", "rev": 1, "kinds": ["committee_meeting"], "date": "2026-07-08"}
V3 = {
    "_meta": {"schema_version": 3, "app_version": "0.1.0"},
    "members": {"1": {"id": "m1", "rev": 1, "name": "张三"}},
    "meetings": {"1": LECTURE, "2": PLAIN},
}


def test_the_step_is_pure_and_moves_lecturer_and_content() -> None:
    original = copy.deepcopy(V3)
    out = migrate(V3)
    assert original == V3
    lecture, plain = out["meetings"]["1"], out["meetings"]["2"]
    assert "lecturer_id" not in lecture and "theme_content" not in lecture
    assert lecture["lecture"] == {"lecturer_id": "m1", "title": "七一专题党课"}
    assert lecture["theme_day"] == {
        "theme": "七一专题党课",
        "content_types": ["政治学习", "交纳党费"],
    }
    assert plain == PLAIN  # nothing to move: left as it was
    assert out["_meta"]["schema_version"] == SCHEMA_VERSION


def test_a_lecture_without_lecturer_keeps_its_title() -> None:
    doc = {**PLAIN, "kinds": ["party_lecture"], "topic": "学党章", "theme_content": []}
    out = migrate({**V3, "meetings": {"1": doc}})["meetings"]["1"]
    assert out["lecture"] == {"title": "学党章"} and "theme_day" not in out


def test_a_v3_file_is_backed_up_migrated_and_read_back(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    v3_bytes = orjson.dumps(V3)
    (data_dir / "branch.json").write_bytes(v3_bytes)
    store = Store.open(data_dir)
    (backup,) = [b for b in list_backups(data_dir) if b.reason == "migrate"]
    assert backup.path.read_bytes() == v3_bytes
    meeting = store.snapshot().find("meetings", "mt1")
    assert meeting.lecture.lecturer_id == "m1" and meeting.lecture.title == "七一专题党课"
    assert meeting.theme_day.content_types == ["政治学习", "交纳党费"]
    assert meeting.rev == 2  # a migration is not an edit: no false conflict afterwards
    raw = orjson.loads((data_dir / "branch.json").read_bytes())
    assert raw["_meta"]["schema_version"] == SCHEMA_VERSION
    assert "lecturer_id" not in raw["meetings"]["1"]


def test_an_old_bundle_keeps_its_lecturer() -> None:
    bundle = {
        "format": "branchtui-bundle",
        "version": 1,
        "branch": None,
        "members": [{"id": "m1", "name": "张三"}],
        "meetings": [LECTURE],
    }
    (meeting,) = data_from_bundle(bundle).meetings
    assert isinstance(meeting, Meeting) and meeting.date == dt.date(2026, 7, 1)
    assert meeting.lecture is not None and meeting.lecture.lecturer_id == "m1"
    assert meeting.theme_day is not None and "交纳党费" in meeting.theme_day.content_types
