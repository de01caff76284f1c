"""A bad branch.json is never overwritten: the user is told what is wrong and which backup to use."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from branchtui.domain.records import Member
from branchtui.storage.backups import list_backups, newest_good_backup
from branchtui.storage.doctor import ERROR, doctor, has_errors
from branchtui.storage.errors import CorruptFileError, NewerSchemaError, ReadOnlyError
from branchtui.storage.store import Store


def _branch_with_history(folder: Path) -> Store:
    store = Store.open(folder, create=True)
    for name in ("张三", "李四", "王五"):
        store.add(Member(name=name))
    return store


def _truncated(good: bytes) -> bytes:
    return good[: len(good) // 2]


CORRUPTIONS = {
    "truncated": (_truncated, "不是有效的 JSON"),
    "not_json": (lambda good: "这不是 JSON".encode(), "不是有效的 JSON"),
    "a_list": (lambda good: b"[1, 2, 3]", "最外层应为 JSON 对象"),
    "table_as_list": (
        lambda good: b'{"_meta": {"schema_version": 2}, "members": []}',
        "数据表「党员」（members）应为对象",
    ),
    "unknown_table": (
        lambda good: b'{"_meta": {"schema_version": 2}, "orders": {}}',
        "未知的数据表",
    ),
    "bad_date": (
        # Schema 3 leaves out null fields, so the bad date is put in beside the revision.
        lambda good: good.replace(b'"rev":1,', b'"rev":1,"joined":"2026-13-45",', 1),
        "数据表「党员」（members）第 1 条记录（id ",
    ),
}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_corrupt_file_is_reported_with_a_backup_and_left_untouched(
    data_dir: Path, kind: str
) -> None:
    open_before = _branch_with_history(data_dir)
    path = data_dir / "branch.json"
    corrupt, problem = CORRUPTIONS[kind]
    bad = corrupt(path.read_bytes())
    assert bad != path.read_bytes()
    path.write_bytes(bad)
    good = newest_good_backup(data_dir)
    assert good is not None

    with pytest.raises(CorruptFileError) as caught:
        Store.open(data_dir).snapshot()
    assert problem in caught.value.message
    assert good.name in caught.value.message and "branchtui restore" in caught.value.message
    assert "\n" not in caught.value.message

    # A session opened before the damage does not write over it either.
    with pytest.raises(CorruptFileError):
        open_before.add(Member(name="赵六"))
    findings = doctor(data_dir)
    assert has_errors(findings)
    assert any(good.name in f.message for f in findings if f.level == ERROR)
    assert path.read_bytes() == bad


def test_restore_puts_back_the_newest_good_backup_and_keeps_the_bad_file(data_dir: Path) -> None:
    _branch_with_history(data_dir)
    path = data_dir / "branch.json"
    bad = _truncated(path.read_bytes())
    path.write_bytes(bad)
    good = newest_good_backup(data_dir)
    assert good is not None

    kept = Store(data_dir).restore(good)
    assert kept is not None and kept.path.read_bytes() == bad
    names = sorted(m.name for m in Store.open(data_dir).snapshot().members)
    assert names == ["张三", "李四"]  # the backup was taken before the third save
    assert len(list_backups(data_dir)) >= 4


def test_a_newer_file_opens_read_only(data_dir: Path) -> None:
    store = _branch_with_history(data_dir)
    path = data_dir / "branch.json"
    raw = orjson.loads(path.read_bytes())
    raw["_meta"]["schema_version"] = 99
    path.write_bytes(orjson.dumps(raw))
    before = path.read_bytes()

    newer = Store.open(data_dir)
    assert newer.read_only
    assert newer.notice is not None and "更新版本" in newer.notice and "只读" in newer.notice
    assert NewerSchemaError(newer.notice).message == newer.notice
    assert len(newer.snapshot().members) == 3
    with pytest.raises(ReadOnlyError, match="只读"):
        newer.add(Member(name="赵六"))
    with pytest.raises(ReadOnlyError):
        store.add(Member(name="赵六"))  # an older session sees the change and stops writing
    assert path.read_bytes() == before
