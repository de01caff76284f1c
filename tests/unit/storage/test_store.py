"""The store keeps what a user saves, commits once per action, and refuses what it cannot keep."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

import orjson
import pytest

from branchtui.domain.changes import RecordChanges
from branchtui.domain.records import Branch, Meeting, Member
from branchtui.storage.errors import ConflictError, InvalidRecordError, NotInitializedError
from branchtui.storage.store import SCHEMA_VERSION, Store


def test_open_without_data_tells_the_user_to_init(data_dir: Path) -> None:
    with pytest.raises(NotInitializedError, match="branchtui init"):
        Store.open(data_dir)


def test_saved_records_come_back_in_a_new_session(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    store.set_branch(Branch(name="第一党支部"))
    member = store.add(Member(name="张三", joined=dt.date(2010, 7, 1)))
    member.phone = "13800000000"
    store.save(member)

    again = Store.open(data_dir).snapshot()
    assert again.branch is not None and again.branch.name == "第一党支部"
    assert [(m.name, m.phone, m.joined, m.rev) for m in again.members] == [
        ("张三", "13800000000", dt.date(2010, 7, 1), 2)
    ]
    raw = orjson.loads((data_dir / "branch.json").read_bytes())
    assert raw["_meta"]["schema_version"] == SCHEMA_VERSION
    assert "张三" in (data_dir / "branch.json").read_text(
        encoding="utf-8"
    )  # Chinese stays readable


def test_a_transaction_commits_once_and_nothing_on_error(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    before = len(store.list_backups())
    with store.transaction() as tx:
        member = tx.insert(Member(name="张三"))
        tx.insert(Meeting(kinds=["theme_day"], date=dt.date(2026, 11, 1), host_id=member.id))
    assert len(store.list_backups()) == before + 1  # one replace, so one pre-replace backup

    on_disk = (data_dir / "branch.json").read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.insert(Member(name="李四"))
        raise RuntimeError("用户取消")
    assert (data_dir / "branch.json").read_bytes() == on_disk
    assert [m.name for m in store.snapshot().members] == ["张三"]


@pytest.mark.parametrize("bad", [dt.date(2026, 1, 1), math.nan, object()])
def test_a_record_with_a_non_json_value_is_refused_and_disk_unchanged(
    data_dir: Path, bad: object
) -> None:
    store = Store.open(data_dir, create=True)
    member = store.add(Member(name="张三"))
    on_disk = (data_dir / "branch.json").read_bytes()
    member.note = bad  # type: ignore[assignment]
    with pytest.raises(InvalidRecordError, match="党员记录无法保存"):
        store.save(member)
    assert (data_dir / "branch.json").read_bytes() == on_disk
    assert member.rev == 1  # the failed save gave the record its old revision back
    assert store.snapshot().members[0].note == ""


def test_snapshot_is_cached_until_the_file_changes(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    store.add(Member(name="张三"))
    first = store.snapshot()
    assert store.snapshot() is first
    assert store.refresh() is False
    store.add(Member(name="李四"))
    assert sorted(m.name for m in store.snapshot().members) == ["张三", "李四"]


def test_ids_are_ours_and_survive_deletes(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    first = store.add(Member(name="张三"))
    second = store.add(Member(name="李四"))
    store.remove("members", first.id)
    third = store.add(Member(name="王五"))
    data = Store.open(data_dir).snapshot()
    assert {m.id: m.name for m in data.members} == {second.id: "李四", third.id: "王五"}
    raw = orjson.loads((data_dir / "branch.json").read_bytes())
    assert len(set(raw["members"])) == 2  # TinyDB doc ids did not collide


def test_the_branch_edited_in_a_form_is_saved_through_apply_and_conflicts_are_refused(
    data_dir: Path,
) -> None:
    # A register form hands the branch to Transaction.apply like any other record (ORG-3).
    store = Store.open(data_dir, create=True)
    store.set_branch(Branch(name="第一党支部"))
    read = store.snapshot().branch
    assert read is not None
    mine = dataclasses.replace(read, kind="general_branch")  # as the form makes it
    theirs = dataclasses.replace(read, upper_committee="上级党委")  # another session's form
    with store.transaction() as tx:
        tx.apply(RecordChanges(updates=(mine,)))
    saved = Store.open(data_dir).snapshot().branch
    assert saved is not None and saved.kind == "general_branch" and saved.rev == 2
    with pytest.raises(ConflictError), store.transaction() as tx:
        tx.apply(RecordChanges(updates=(theirs,)))
    assert Store.open(data_dir).snapshot().branch == saved
