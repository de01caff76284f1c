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


def test_a_manual_backup_is_a_copy_that_a_write_in_place_cannot_reach(data_dir: Path) -> None:
    """A hard link would be the live file itself until the next save: ``> branch.json`` or a
    truncating editor would take the backup with it."""
    _branch_with_saves(data_dir, 1)
    made = backups.make_backup(data_dir)
    whole = made.path.read_bytes()
    with open(data_dir / "branch.json", "r+b") as live:  # written in place, same inode
        live.truncate(40)
    assert made.path.read_bytes() == whole
    assert newest_good_backup(data_dir) == made


def test_the_survey_checks_backups_until_the_newest_usable_one(data_dir: Path) -> None:
    _branch_with_saves(data_dir, 3)
    good = newest_good_backup(data_dir)
    assert good is not None
    torn = _tear(data_dir)
    backups.restore(data_dir, good)  # the torn file is put aside as damaged, newest of all
    rows = backups.survey_backups(data_dir)
    assert [r.backup for r in rows] == list_backups(data_dir)
    assert rows[0].state_label == "已损坏" and rows[0].size == len(torn)
    assert rows[1].backup == good and rows[1].state_label == "最新可用"
    assert all(r.state == "" for r in rows[2:] if r.backup.reason != backups.DAMAGED)


def test_bundle_paths_typed_in_the_tui(data_dir: Path, tmp_path: Path) -> None:
    from branchtui.storage.bundle import bundle_path, default_export_name, export_target

    data_dir.mkdir()
    typed = default_export_name(dt.date(2026, 11, 27))
    assert typed == "exports/branch-bundle-20261127.json"
    path = bundle_path(data_dir, typed)
    assert path == data_dir / typed and path.parent.is_dir()
    assert bundle_path(data_dir, str(tmp_path / "x.json")) == tmp_path / "x.json"
    with pytest.raises(StoreError, match="是一个目录"):
        export_target(tmp_path)
    with pytest.raises(StoreError, match="不存在"):
        export_target(tmp_path / "nowhere" / "x.json")
