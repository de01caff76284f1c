"""Backups of branch.json: a hard link before every replace, rotated; listing, checking, restoring.

A backup is only as good as the file it copies. The store links a file it has just read whole
(it refuses a damaged one), ``make_backup`` refuses a file that fails doctor's check, and a
damaged file put aside by a restore is named ``damaged``: rotation never counts those among the
backups it keeps, and never deletes the newest good backup, so copies of a damaged file can
never push the good ones out. A copy of a file that holds nothing (a new, empty branch) is
listed but never called usable.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import orjson

from branchtui.storage.atomic import write_atomic
from branchtui.storage.errors import StoreError, disk_full_error, is_disk_full
from branchtui.storage.file_check import check_file, holds_nothing
from branchtui.storage.locations import DATA_FILE
from branchtui.storage.lock import write_lock
from branchtui.storage.modes import ensure_folder, file_mode

BACKUP_DIR = "backups"
KEEP_LAST = 20
KEEP_DAYS = 30
KEEP_MONTHS = 12
# Backups taken before a migration, an import or a restore hold data no later commit has.
TAGGED_REASONS = ("migrate", "import", "before-restore", "manual")
# A damaged file a restore put aside: kept KEEP_DAYS to look at, never counted as a backup.
DAMAGED = "damaged"
# A file larger than this holds records; a smaller one is read to see whether it holds any.
SMALL_FILE = 64 * 1024
REASON_LABELS = {
    "commit": "保存前",
    "migrate": "升级数据版本前",
    "import": "导入前",
    "before-restore": "恢复备份前",
    "manual": "手动备份",
    "replace": "整体替换前",
    DAMAGED: "恢复前的损坏文件",
}
_NAME = re.compile(
    r"^branch-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)\.(\d{6})-([a-z-]+?)(?:-(\d+))?\.json$"
)


@dataclass(frozen=True)
class Backup:
    """One backup file in backups/."""

    path: Path
    taken: dt.datetime
    reason: str

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        """How the user sees it: time and why it was taken."""
        why = REASON_LABELS.get(self.reason, self.reason)
        return f"{self.taken:%Y-%m-%d %H:%M:%S}（{why}）"


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def parse_backup(path: Path) -> Backup | None:
    """The backup that file name describes, or None for a file that is not one of ours."""
    match = _NAME.match(path.name)
    if not match:
        return None
    # Listed on every save (rotation): the digits taken as they are, not through strptime.
    try:
        year, month, day, hour, minute, second, micro = map(int, match.groups()[:7])
        taken = dt.datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None  # no such time (a month 13): not a name we wrote
    return Backup(path=path, taken=taken, reason=match.group(8))


def list_backups(data_dir: Path) -> list[Backup]:
    """Every backup, newest first."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if (b := parse_backup(p)) is not None]
    return sorted(found, key=lambda b: (b.taken, b.name), reverse=True)


def backup_problem(path: Path) -> str | None:
    """Why this file could not be restored (Chinese), or None when it passes doctor's check."""
    found = check_file(path)
    if found.newer:
        return "由更新版本的 branchtui 写入"
    return found.problem


# What a check of a backup found (backup_state); "" for a backup not checked.
USABLE, NEWEST, BROKEN, EMPTY, NEWER = "usable", "newest", "broken", "empty", "newer"
STATE_LABELS = {
    USABLE: "可用",
    NEWEST: "最新可用",
    BROKEN: "已损坏",
    EMPTY: "无支部数据",
    NEWER: "新版本写入",
    "": "",
}


def backup_state(backup: Backup) -> str:
    """USABLE, BROKEN (fails doctor's check, or a damaged file put aside), EMPTY or NEWER."""
    if backup.reason == DAMAGED:
        return BROKEN
    found = check_file(backup.path)
    if found.problem is not None:
        return BROKEN
    if found.newer:
        return NEWER
    return EMPTY if found.empty else USABLE


def is_usable(backup: Backup) -> bool:
    """Whether restoring ``backup`` would bring the branch back: good, and holding data."""
    return backup_state(backup) == USABLE


@dataclass(frozen=True)
class BackupRow:
    """A backup as the data screen lists it: its size and what a check found ("" unchecked)."""

    backup: Backup
    size: int
    state: str = ""

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def survey_backups(
    data_dir: Path, progress: Callable[[int, int], None] | None = None
) -> list[BackupRow]:
    """Every backup, newest first, checked from the newest until the newest usable one (marked
    NEWEST); the older ones are not read (a restore checks the one chosen)."""
    found = list_backups(data_dir)
    rows: list[BackupRow] = []
    looking = True
    for done, backup in enumerate(found, start=1):
        try:
            size = backup.path.stat().st_size
        except OSError:
            continue  # removed meanwhile by another session's rotation
        state = ""
        if looking or backup.reason == DAMAGED:
            state = backup_state(backup)
            if progress is not None and looking:
                progress(done, len(found))
            if state == USABLE and looking:
                state, looking = NEWEST, False
        rows.append(BackupRow(backup, size, state))
    return rows


def newest_good_backup(data_dir: Path) -> Backup | None:
    """The newest backup that passes doctor's check and holds data (最新可用)."""
    for backup in list_backups(data_dir):
        if is_usable(backup):
            return backup
    return None


def _holds_nothing(path: Path) -> bool:
    """Whether the file is a branch with no data yet (cheap: only a small file is read; a
    damaged one is not judged here)."""
    try:
        if path.stat().st_size > SMALL_FILE:
            return False
        return holds_nothing(orjson.loads(path.read_bytes()))
    except (OSError, orjson.JSONDecodeError):
        return False


def link_backup(
    data_dir: Path, reason: str, now: dt.datetime | None = None, *, copy: bool = False
) -> Backup | None:
    """Hard-link the current branch.json into backups/ (free); call while holding the lock.

    A link is only a backup because the file is replaced next (a new inode). ``copy`` for a
    backup of a file that stays in use (``make_backup``): a copy of its own, which nothing
    written into branch.json in place can reach.
    """
    current = data_dir / DATA_FILE
    if not current.exists():
        return None
    folder = ensure_folder(backup_dir(data_dir))
    stamp = f"{(now or dt.datetime.now()):%Y%m%dT%H%M%S.%f}"
    if not copy:
        return _add_backup(current, folder, f"branch-{stamp}-{reason}")
    spare = folder / f".copy-{os.getpid()}-{stamp}.tmp"  # (not a backup's name: never listed)
    try:
        _copy(current, spare)
        return _add_backup(spare, folder, f"branch-{stamp}-{reason}")
    finally:
        spare.unlink(missing_ok=True)


def _add_backup(source: Path, folder: Path, stem: str) -> Backup:
    """Link ``source`` into ``folder`` under the first free name of ``stem`` (a copy where the
    file system has no hard links)."""
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        target = folder / f"{stem}{suffix}.json"
        try:
            os.link(source, target)
        except FileExistsError:
            continue
        except OSError as exc:
            if is_disk_full(exc):
                raise disk_full_error(exc, "备份") from None
            # A file system without hard links: a copy keeps the same bytes.
            if target.exists():
                continue
            _copy(source, target)
        backup = parse_backup(target)
        assert backup is not None
        return backup
    raise StoreError(f"无法在 {folder} 中创建备份文件。")


def _copy(source: Path, target: Path) -> None:
    try:
        shutil.copy2(source, target)
    except OSError as failed:
        target.unlink(missing_ok=True)  # never leave half a backup behind
        if is_disk_full(failed):
            raise disk_full_error(failed, "备份") from None
        raise


def backups_to_keep(
    backups: list[Backup], now: dt.datetime, *, good: Path | None = None
) -> set[Path]:
    """Rotation: the last 20, the newest of each of 30 days and of each of 12 months, any
    backup taken before a migration, import or restore during the last 30 days, and ``good``
    (the newest good backup) whatever its age. A damaged file a restore put aside is kept for
    30 days but takes none of the other places, so it never pushes a good backup out."""
    first_day = now.date() - dt.timedelta(days=KEEP_DAYS - 1)
    newest_first = sorted(backups, key=lambda b: (b.taken, b.name), reverse=True)
    keep = {b.path for b in newest_first if b.reason == DAMAGED and b.taken.date() >= first_day}
    if good is not None:
        keep.add(good)
    counted = [b for b in newest_first if b.reason != DAMAGED]
    keep |= {b.path for b in counted[:KEEP_LAST]}
    months = {((now.year * 12 + now.month - 1) - i) for i in range(KEEP_MONTHS)}
    days_seen: set[dt.date] = set()
    months_seen: set[int] = set()
    for backup in counted:
        day = backup.taken.date()
        month = backup.taken.year * 12 + backup.taken.month - 1
        if day >= first_day and day not in days_seen:
            days_seen.add(day)
            keep.add(backup.path)
        if month in months and month not in months_seen:
            months_seen.add(month)
            keep.add(backup.path)
        if backup.reason in TAGGED_REASONS and day >= first_day:
            keep.add(backup.path)
    return keep


def rotate_backups(
    data_dir: Path, now: dt.datetime | None = None, *, good: Backup | None = None
) -> list[Path]:
    """Delete the backups rotation does not keep; returns what was deleted.

    ``good``: a backup the caller knows is the newest good one (the copy of a file the store
    has just read whole); without it the newest good backup is found by checking them.
    """
    backups = list_backups(data_dir)
    # A copy of a branch with no data yet is no good backup: the older ones are looked at.
    usable = good is not None and good.reason != DAMAGED and not _holds_nothing(good.path)
    newest_good = good if usable else newest_good_backup(data_dir)
    keep = backups_to_keep(
        backups,
        now or dt.datetime.now(),
        good=newest_good.path if newest_good is not None else None,
    )
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def make_backup(data_dir: Path, reason: str = "manual") -> Backup:
    """Take a backup now (``branchtui backup``); a file that fails doctor's check is refused,
    so that its copies never take the places of good backups."""
    current = data_dir / DATA_FILE
    found = check_file(current)
    if found.problem is not None:
        good = newest_good_backup(data_dir)
        offer = f"最新的完好备份是 {good.name}（{good.label}）" if good else "没有可用的备份"
        raise StoreError(f"数据文件已损坏，未备份：{found.problem}。{offer}。")
    if found.empty:
        raise StoreError(f"数据目录 {data_dir} 中还没有支部数据，无需备份。")
    with write_lock(data_dir):
        backup = link_backup(data_dir, reason, copy=True)
        if backup is None:
            raise StoreError(f"数据目录 {data_dir} 中还没有支部数据，无需备份。")
        # Checked just now; another session's replace since then was of a file it had read whole.
        rotate_backups(data_dir, good=backup)
    return backup


def find_backup(data_dir: Path, name: str | Path) -> Backup:
    """The backup named ``name`` (a file name in backups/ or a path), or a Chinese error."""
    path = Path(name)
    if not path.is_absolute() and len(path.parts) == 1:
        path = backup_dir(data_dir) / path
    backup = parse_backup(path)
    if backup is None or not path.is_file():
        raise StoreError(f"找不到备份 {name}，运行 branchtui restore 查看可用的备份。")
    return backup


def restore(data_dir: Path, backup: Backup | str | Path) -> Backup | None:
    """Put ``backup`` back as branch.json; the current file is kept as a backup first (returned;
    a damaged one is kept as ``damaged``, which never takes a good backup's place)."""
    chosen = backup if isinstance(backup, Backup) else find_backup(data_dir, backup)
    problem = backup_problem(chosen.path)
    if problem:
        raise StoreError(f"备份 {chosen.name} 不能恢复：{problem}。")
    payload = chosen.path.read_bytes()
    current = data_dir / DATA_FILE
    with write_lock(data_dir):
        damaged = current.exists() and check_file(current).problem is not None
        kept = link_backup(data_dir, DAMAGED if damaged else "before-restore")
        write_atomic(current, payload, file_mode(data_dir, current))
        rotate_backups(data_dir)
    return kept
