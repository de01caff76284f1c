"""Backups never lose the good copies: a damaged file is not backed up, rotation always keeps
the newest good backup, and a damaged file put aside by a restore takes no good backup's place."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from branchtui.domain.records import Member
from branchtui.storage import backups
from branchtui.storage.backups import Backup, backups_to_keep, list_backups, newest_good_backup
from branchtui.storage.bundle import export_bundle, import_bundle
from branchtui.storage.errors import StoreError
from branchtui.storage.store import Store

NOW = dt.datetime(2026, 11, 27, 21, 0)


def _branch_with_saves(data_dir: Path, saves: int) -> Member:
    store = Store.open(data_dir, create=True)
    member = store.add(Member(name="张三", note="0"))
    for i in range(1, saves + 1):
        member.note = str(i)
        member = store.save(member)
    return member


def _tear(data_dir: Path) -> bytes:
    """The data file cut in half (a new inode: the backups keep the old one)."""
    path = data_dir / "branch.json"
    whole = path.read_bytes()
    torn = whole[: len(whole) // 2]
    part = path.with_name("torn")
    part.write_bytes(torn)
    os.replace(part, path)
    return torn


def test_a_damaged_file_is_not_backed_up(data_dir: Path) -> None:
    _branch_with_saves(data_dir, 14)
    good_before = newest_good_backup(data_dir)
    names_before = [b.name for b in list_backups(data_dir)]
    _tear(data_dir)
    for _ in range(25):  # a daily cron job
        with pytest.raises(StoreError) as refused:
            backups.make_backup(data_dir)
    message = refused.value.message
    assert "已损坏" in message and "未备份" in message
    assert good_before is not None and good_before.name in message
    assert [b.name for b in list_backups(data_dir)] == names_before
    assert newest_good_backup(data_dir) == good_before


def test_rotation_never_removes_the_newest_good_backup(data_dir: Path) -> None:
    """Copies of a damaged file made by an older program fill every place of the rotation: the
    newest good backup still stays, and it is the one offered for a restore."""
    _branch_with_saves(data_dir, 14)
    good = newest_good_backup(data_dir)
    assert good is not None
    torn = _tear(data_dir)
    folder = data_dir / "backups"
    for i in range(25):
        taken = dt.datetime.now() + dt.timedelta(seconds=i + 1)
        (folder / f"branch-{taken:%Y%m%dT%H%M%S.%f}-manual.json").write_bytes(torn)
    backups.rotate_backups(data_dir)
    assert good.path.exists()
    assert newest_good_backup(data_dir) == good
    with pytest.raises(StoreError, match=good.name):
        Store.open(data_dir)  # (still the torn file: its message offers the good backup)
    backups.restore(data_dir, good)
    assert Store.open(data_dir).snapshot().members[0].note == "13"


def test_copies_of_a_damaged_file_take_no_place_of_good_backups() -> None:
    def backup(name: str, hours: float, reason: str) -> Backup:
        return Backup(path=Path(name), taken=NOW - dt.timedelta(hours=hours), reason=reason)

    good = [backup(f"commit-{i}.json", 10 + i, "commit") for i in range(30)]
    damaged = [backup(f"damaged-{i}.json", i / 10, backups.DAMAGED) for i in range(25)]
    old_damaged = backup("damaged-old.json", 24 * 40, backups.DAMAGED)
    keep = backups_to_keep([*damaged, old_damaged, *good], NOW)
    assert {b.path for b in good[:20]} <= keep  # the last 20 good ones, whatever came since
    assert {b.path for b in damaged} <= keep  # kept 30 days to look at …
    assert old_damaged.path not in keep  # … and no longer
    oldest = backup("oldest.json", 24 * 500, "commit")
    assert oldest.path not in backups_to_keep([oldest, *good], NOW)
    assert oldest.path in backups_to_keep([oldest, *good], NOW, good=oldest.path)


def test_a_restore_over_a_damaged_file_puts_it_aside_as_damaged(data_dir: Path) -> None:
    _branch_with_saves(data_dir, 3)
    good = newest_good_backup(data_dir)
    assert good is not None
    torn = _tear(data_dir)
    kept = backups.restore(data_dir, good)
    assert kept is not None and kept.reason == backups.DAMAGED
    assert kept.path.read_bytes() == torn
    assert "损坏" in kept.label
    assert newest_good_backup(data_dir) == good  # the damaged copy is never offered


def test_a_backup_of_a_branch_with_no_data_is_not_usable(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "source"
    _branch_with_saves(source, 1)
    bundle = export_bundle(Store.open(source), tmp_path / "bundle.json")
    data_dir.mkdir()
    import_bundle(bundle, data_dir)
    (before_import,) = list_backups(data_dir)
    assert before_import.reason == "import"
    assert not backups.is_usable(before_import)
    assert newest_good_backup(data_dir) is None
    with pytest.raises(StoreError, match="还没有支部数据"):
        Store.open(tmp_path / "empty", create=True).backup()
