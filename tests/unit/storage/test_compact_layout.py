"""Schema 3: compact documents and a file laid out in blocks, so commits and reloads stay cheap."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson
import pytest

from branchtui.domain.codec import encode_compact, omit_defaults
from branchtui.domain.records import Attendance, BranchData, Meeting, Member
from branchtui.storage.backups import list_backups
from branchtui.storage.bundle import export_bundle
from branchtui.storage.errors import CorruptFileError
from branchtui.storage.layout import BLOCK
from branchtui.storage.migrations import SCHEMA_VERSION, migrate
from branchtui.storage.store import Store


def _raw(folder: Path) -> dict:
    return orjson.loads((folder / "branch.json").read_bytes())


def test_documents_leave_out_defaults_and_read_back_the_same(
    data_dir: Path, tmp_path: Path, sample: BranchData
) -> None:
    store = Store.open(data_dir, create=True)
    store.replace_all(sample)
    (meeting,) = _raw(data_dir)["meetings"].values()
    zhang, li = sample.meetings[0].attendance
    assert meeting["attendance"] == [
        {"member_id": zhang.member_id},
        {"member_id": li.member_id, "status": "on_leave", "reason": "出差"},
    ]
    assert "group_id" not in meeting and "content" not in meeting
    assert meeting["rev"] == 1 and meeting["id"] == sample.meetings[0].id
    assert Store.open(data_dir).snapshot().to_dict() == sample.to_dict()
    # The export bundle stays complete: every field, defaults included.
    bundle = orjson.loads(export_bundle(Store.open(data_dir), tmp_path / "b.json").read_bytes())
    (row, _) = bundle["meetings"][0]["attendance"]
    assert row == {"member_id": zhang.member_id, "status": "present", "reason": ""}


def test_compacting_a_plain_document_equals_encoding_the_record_compactly() -> None:
    meeting = Meeting(
        kinds=["theme_day"],
        date=dt.date(2026, 11, 1),
        attendance=[Attendance(member_id="m1"), Attendance(member_id="m2", status="absent")],
        rev=0,
    )
    full = meeting.to_dict()
    assert omit_defaults(Meeting, full) == encode_compact(meeting)
    assert encode_compact(meeting)["rev"] == 0  # id and rev are always written
    assert full["attendance"][0] == {"member_id": "m1", "status": "present", "reason": ""}
    assert Meeting.from_dict(encode_compact(meeting)) == meeting


def test_a_schema_2_file_is_backed_up_and_compacted(data_dir: Path) -> None:
    member = Member(name="张三", rev=1).to_dict()
    meeting = Meeting(
        kinds=["theme_day"],
        date=dt.date(2026, 11, 1),
        attendance=[Attendance(member_id=member["id"])],
        rev=1,
    ).to_dict()
    v2 = {
        "_meta": {"schema_version": 2, "app_version": "0.1.0"},
        "members": {"1": member},
        "meetings": {"1": meeting},
    }
    original = copy.deepcopy(v2)
    assert migrate(v2)["meetings"]["1"]["attendance"] == [{"member_id": member["id"]}]
    assert v2 == original  # the step is pure
    data_dir.mkdir(mode=0o700)
    v2_bytes = orjson.dumps(v2, option=orjson.OPT_INDENT_2)
    (data_dir / "branch.json").write_bytes(v2_bytes)

    store = Store.open(data_dir)
    raw = _raw(data_dir)
    assert raw["_meta"]["schema_version"] == SCHEMA_VERSION == 15
    assert raw["meetings"]["1"]["attendance"] == [{"member_id": member["id"]}]
    assert "phone" not in raw["members"]["1"]
    (backup,) = [b for b in list_backups(data_dir) if b.reason == "migrate"]
    assert backup.path.read_bytes() == v2_bytes
    data = store.snapshot()
    assert data.meetings[0].attendance == [Attendance(member_id=member["id"])]
    assert data.members[0].to_dict() == member


def _many_members(folder: Path, count: int) -> Store:
    store = Store.open(folder, create=True)
    with store.transaction() as tx:
        for i in range(count):
            tx.insert(Member(name=f"党员{i:04d}", phone=f"138{i:08d}"))
    return store


def test_a_reload_reparses_only_the_changed_block(data_dir: Path) -> None:
    writer = _many_members(data_dir, 2 * BLOCK + 5)
    reader = Store.open(data_dir)
    before = reader.snapshot().members
    edited = writer.snapshot().members[BLOCK + 3]
    edited.phone = "13900000000"
    writer.save(edited)

    after = reader.snapshot().members
    assert [m.phone for m in after] == [m.phone for m in writer.snapshot().members]
    assert after[BLOCK + 3].phone == "13900000000" and after[BLOCK + 3].rev == 2
    # Records of the untouched blocks were neither parsed nor decoded again.
    assert after[0] is before[0] and after[-1] is before[-1]
    assert after[BLOCK + 3] is not before[BLOCK + 3]


def test_after_its_own_commit_a_session_decodes_only_what_it_wrote(data_dir: Path) -> None:
    store = _many_members(data_dir, 30)
    before = store.snapshot().members
    edited = before[7]
    edited.phone = "13900000000"
    store.save(edited)
    store.add(Member(name="新党员", phone="13600000000"))
    after = store.snapshot().members
    # The same records as a new session reads from the file: the edit and the new member.
    assert after == Store.open(data_dir).snapshot().members
    assert after[7].phone == "13900000000" and after[7].rev == 2
    assert [m.name for m in after] == [m.name for m in before] + ["新党员"]
    # The records the commits did not write were not decoded again.
    assert after[0] is before[0] and after[29] is before[29]
    assert after[7] is not before[7]
    # Documents edited in place (tx.raw) are all decoded again.
    with store.transaction() as tx:
        doc = next(d for d in tx.raw["members"].values() if d["id"] == after[3].id)
        doc["phone"] = "13700000000"
        tx.changed = True
    assert store.snapshot().members[3].phone == "13700000000"
    assert store.snapshot().members == Store.open(data_dir).snapshot().members


def test_a_commit_rewrites_only_the_changed_line(data_dir: Path) -> None:
    _many_members(data_dir, BLOCK + 10)
    path = data_dir / "branch.json"
    before = path.read_bytes().splitlines()
    store = Store.open(data_dir)  # a new session: its first commit takes bytes from the file
    member = store.snapshot().members[7]
    member.note = "已转出"
    store.save(member)
    after = path.read_bytes().splitlines()
    assert len(after) == len(before)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and "已转出".encode() in changed[0][1]
    assert Store.open(data_dir).snapshot().members[7].note == "已转出"


def test_a_broken_block_written_by_someone_else_is_reported_and_kept(data_dir: Path) -> None:
    _many_members(data_dir, BLOCK + 10)
    reader = Store.open(data_dir)
    reader.snapshot()
    path = data_dir / "branch.json"
    bad = path.read_bytes().replace('"name":"党员0200"'.encode(), '"name":党员0200"'.encode())
    path.write_bytes(bad)
    with pytest.raises(CorruptFileError) as caught:
        reader.snapshot()
    assert "不是有效的 JSON" in caught.value.message
    with pytest.raises(CorruptFileError):
        reader.add(Member(name="新党员"))
    assert path.read_bytes() == bad


def test_a_file_in_another_layout_still_opens(data_dir: Path) -> None:
    _many_members(data_dir, 20)
    path = data_dir / "branch.json"
    raw = orjson.loads(path.read_bytes())
    path.write_bytes(orjson.dumps(raw, option=orjson.OPT_INDENT_2))  # e.g. tidied by hand
    store = Store.open(data_dir)
    assert [m.name for m in store.snapshot().members] == [f"党员{i:04d}" for i in range(20)]
    store.add(Member(name="新党员"))
    assert path.read_bytes().startswith(b'{\n"_meta": ')  # written back in our layout
    assert len(Store.open(data_dir).snapshot().members) == 21
