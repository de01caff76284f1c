"""Several sessions on one folder: conflicts are seen, inserts are shared, nothing is lost."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import orjson
import pytest

from branchtui.domain.records import Branch, Member
from branchtui.storage.errors import ConflictError
from branchtui.storage.store import Store


def test_second_edit_of_one_member_is_a_conflict(data_dir: Path) -> None:
    a = Store.open(data_dir, create=True)
    member = a.add(Member(name="张三"))
    b = Store.open(data_dir)
    mine = a.snapshot().find("members", member.id)
    theirs = b.snapshot().find("members", member.id)
    mine.phone = "111"
    a.save(mine)
    theirs.phone = "222"
    with pytest.raises(ConflictError, match="已被他人修改"):
        b.save(theirs)
    assert Store.open(data_dir).snapshot().members[0].phone == "111"


def test_editing_a_member_someone_removed_is_a_conflict(data_dir: Path) -> None:
    a = Store.open(data_dir, create=True)
    member = a.add(Member(name="张三"))
    b = Store.open(data_dir)
    theirs = b.snapshot().find("members", member.id)
    a.remove("members", member.id)
    theirs.note = "已调走"
    with pytest.raises(ConflictError, match="已被他人删除"):
        b.save(theirs)


def test_stale_branch_edit_is_a_conflict(data_dir: Path) -> None:
    a = Store.open(data_dir, create=True)
    a.set_branch(Branch(name="第一党支部"))
    b = Store.open(data_dir)
    mine, theirs = a.snapshot().branch, b.snapshot().branch
    assert mine is not None and theirs is not None
    mine.upper_committee = "机关党委"
    a.set_branch(mine)
    theirs.name = "第二党支部"
    with pytest.raises(ConflictError, match="支部信息已被他人修改"):
        b.set_branch(theirs)


def test_an_insert_by_one_session_is_seen_by_the_other(data_dir: Path) -> None:
    a = Store.open(data_dir, create=True)
    b = Store.open(data_dir)
    assert b.snapshot().members == []
    added = a.add(Member(name="张三"))
    assert b.refresh() is True
    assert [m.id for m in b.snapshot().members] == [added.id]
    with b.transaction() as tx:  # TinyDB's caches were reset: the new record is found by id
        assert tx.get("members", added.id) is not None
        tx.insert(Member(name="李四"))
    assert sorted(m.name for m in a.snapshot().members) == ["张三", "李四"]


def _add_many(folder: str, worker: int, count: int) -> None:
    store = Store.open(Path(folder))
    for i in range(count):
        store.add(Member(name=f"党员{worker}-{i}"))


def test_four_processes_adding_at_once_lose_nothing(data_dir: Path) -> None:
    Store.open(data_dir, create=True)
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_add_many, args=(str(data_dir), w, 100)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=120)
        assert p.exitcode == 0
    names = [m.name for m in Store.open(data_dir).snapshot().members]
    assert len(names) == 400
    assert set(names) == {f"党员{w}-{i}" for w in range(4) for i in range(100)}
    raw = orjson.loads((data_dir / "branch.json").read_bytes())
    assert len(raw["members"]) == 400
