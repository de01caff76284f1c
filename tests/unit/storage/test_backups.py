"""Backups: one per replace, rotated (last 20, daily for 30 days, monthly for 12 months)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson

from branchtui.domain.records import Member
from branchtui.storage.backups import Backup, backups_to_keep, list_backups
from branchtui.storage.store import Store

NOW = dt.datetime(2026, 11, 27, 21, 0)


def _hourly(days: int, reason: str = "commit") -> list[Backup]:
    """A backup every six hours for ``days`` days before NOW."""
    out = []
    for i in range(days * 4):
        taken = NOW - dt.timedelta(hours=6 * i)
        out.append(Backup(path=Path(f"b{i:05d}-{reason}.json"), taken=taken, reason=reason))
    return out


def test_rotation_keeps_last_20_one_per_day_for_30_days_one_per_month_for_12() -> None:
    backups = _hourly(800)
    keep = backups_to_keep(backups, NOW)
    kept = [b for b in backups if b.path in keep]
    newest_20 = backups[:20]
    assert set(newest_20) <= set(kept)
    days = {b.taken.date() for b in kept}
    assert {NOW.date() - dt.timedelta(days=i) for i in range(30)} <= days
    older = [
        b for b in kept if b not in newest_20 and b.taken.date() < NOW.date() - dt.timedelta(29)
    ]
    months = [(b.taken.year, b.taken.month) for b in older]
    assert len(months) == len(set(months))  # one a month
    assert min(months) == (2025, 12)  # twelve months back, no further
    for b in older:  # the kept one of a month is that month's newest
        same_month = [o for o in backups if (o.taken.year, o.taken.month) == months[older.index(b)]]
        assert b.taken == max(o.taken for o in same_month)
    assert len(kept) < 20 + 30 + 12


def test_backups_before_an_import_outlive_the_last_20_for_30_days() -> None:
    backups = [
        *_hourly(10),
        Backup(
            path=Path("import.json"), taken=NOW - dt.timedelta(days=20, hours=1), reason="import"
        ),
        Backup(path=Path("old-import.json"), taken=NOW - dt.timedelta(days=40), reason="import"),
    ]
    backups += [
        Backup(
            path=Path(f"same-day-{i}.json"),
            taken=NOW - dt.timedelta(days=20, minutes=i),
            reason="commit",
        )
        for i in range(3)
    ]
    keep = backups_to_keep(backups, NOW)
    assert Path("import.json") in keep
    assert Path("same-day-1.json") not in keep


def test_every_save_links_a_backup_and_rotation_keeps_20_of_a_busy_day(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    member = store.add(Member(name="张三", note="0"))
    for i in range(1, 31):
        member.note = str(i)
        store.save(member)
    backups = list_backups(data_dir)
    assert len(backups) == 20
    newest = backups[0]
    # The newest backup is the state before the last save: hard-linked, so no copy was made.
    (doc,) = orjson.loads(newest.path.read_bytes())["members"].values()
    assert doc["note"] == "29"
    assert newest.path.stat().st_nlink == 1  # branch.json itself was replaced by a new inode


def test_manual_backup_is_listed_with_a_chinese_label(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    store.add(Member(name="张三"))
    backup = store.backup()
    assert list_backups(data_dir)[0] == backup
    assert "手动备份" in backup.label
    assert backup.path.read_bytes() == (data_dir / "branch.json").read_bytes()


def test_a_file_in_backups_with_an_impossible_time_is_not_listed_and_saves_go_on(
    data_dir: Path,
) -> None:
    store = Store.open(data_dir, create=True)
    member = store.add(Member(name="张三", phone="13800000000"))
    folder = data_dir / "backups"
    (folder / "branch-20261399T250000.000000-commit.json").write_bytes(b"{}")
    named = [b.name for b in list_backups(data_dir)]
    assert named and "branch-20261399T250000.000000-commit.json" not in named
    assert all(b.taken <= dt.datetime.now() for b in list_backups(data_dir))
    member.phone = "13900000000"
    store.save(member)  # rotation lists the folder after the commit: no error
    assert Store.open(data_dir).snapshot().members[0].phone == "13900000000"
    assert len(list_backups(data_dir)) == len(named) + 1
