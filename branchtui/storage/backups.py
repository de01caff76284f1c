"""Backups of branch.json: a hard link before every replace, rotated; listing, checking, restoring."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import orjson

from branchtui.storage.atomic import write_atomic
from branchtui.storage.errors import StoreError, disk_full_error, is_disk_full
from branchtui.storage.locations import DATA_FILE
from branchtui.storage.lock import write_lock
from branchtui.storage.migrations import SCHEMA_VERSION, schema_version_of
from branchtui.storage.modes import ensure_folder, file_mode
from branchtui.storage.validate import shape_problem

BACKUP_DIR = "backups"
KEEP_LAST = 20
KEEP_DAYS = 30
KEEP_MONTHS = 12
# Backups taken before a migration, an import or a restore hold data no later commit has.
TAGGED_REASONS = ("migrate", "import", "before-restore", "manual")
REASON_LABELS = {
    "commit": "保存前",
    "migrate": "升级数据版本前",
    "import": "导入前",
    "before-restore": "恢复备份前",
    "manual": "手动备份",
    "replace": "整体替换前",
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
    """Why this file could not be restored (Chinese), or None when it is a good data file."""
    try:
        raw = orjson.loads(path.read_bytes())
    except OSError as exc:
        return f"无法读取（{exc.strerror}）"
    except orjson.JSONDecodeError as exc:
        return f"不是有效的 JSON（{exc}）"
    problem = shape_problem(raw)
    if problem:
        return problem
    if schema_version_of(raw) > SCHEMA_VERSION:
        return "由更新版本的 branchtui 写入"
    return None


def newest_good_backup(data_dir: Path) -> Backup | None:
    """The newest backup that parses and has our shape."""
    for backup in list_backups(data_dir):
        if backup_problem(backup.path) is None:
            return backup
    return None


def link_backup(data_dir: Path, reason: str, now: dt.datetime | None = None) -> Backup | None:
    """Hard-link the current branch.json into backups/ (free); call while holding the lock."""
    current = data_dir / DATA_FILE
    if not current.exists():
        return None
    folder = ensure_folder(backup_dir(data_dir))
    stamp = f"{(now or dt.datetime.now()):%Y%m%dT%H%M%S.%f}"
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        target = folder / f"branch-{stamp}-{reason}{suffix}.json"
        try:
            os.link(current, target)
        except FileExistsError:
            continue
        except OSError as exc:
            if is_disk_full(exc):
                raise disk_full_error(exc, "备份") from None
            # A file system without hard links: a copy keeps the same bytes.
            if target.exists():
                continue
            try:
                shutil.copy2(current, target)
            except OSError as copy_failed:
                target.unlink(missing_ok=True)  # never leave half a backup behind
                if is_disk_full(copy_failed):
                    raise disk_full_error(copy_failed, "备份") from None
                raise
        backup = parse_backup(target)
        assert backup is not None
        return backup
    raise StoreError(f"无法在 {folder} 中创建备份文件。")


def backups_to_keep(backups: list[Backup], now: dt.datetime) -> set[Path]:
    """Rotation: the last 20, the newest of each of 30 days and of each of 12 months, and any
    backup taken before a migration, import or restore during the last 30 days."""
    newest_first = sorted(backups, key=lambda b: (b.taken, b.name), reverse=True)
    keep = {b.path for b in newest_first[:KEEP_LAST]}
    first_day = now.date() - dt.timedelta(days=KEEP_DAYS - 1)
    months = {((now.year * 12 + now.month - 1) - i) for i in range(KEEP_MONTHS)}
    days_seen: set[dt.date] = set()
    months_seen: set[int] = set()
    for backup in newest_first:
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


def rotate_backups(data_dir: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups rotation does not keep; returns what was deleted."""
    backups = list_backups(data_dir)
    keep = backups_to_keep(backups, now or dt.datetime.now())
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def make_backup(data_dir: Path, reason: str = "manual") -> Backup:
    """Take a backup now (``branchtui backup``)."""
    with write_lock(data_dir):
        backup = link_backup(data_dir, reason)
        if backup is None:
            raise StoreError(f"数据目录 {data_dir} 中还没有支部数据，无需备份。")
        rotate_backups(data_dir)
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
    """Put ``backup`` back as branch.json; the current file is kept as a backup first (returned)."""
    chosen = backup if isinstance(backup, Backup) else find_backup(data_dir, backup)
    problem = backup_problem(chosen.path)
    if problem:
        raise StoreError(f"备份 {chosen.name} 不能恢复：{problem}。")
    payload = chosen.path.read_bytes()
    current = data_dir / DATA_FILE
    with write_lock(data_dir):
        kept = link_backup(data_dir, "before-restore")
        write_atomic(current, payload, file_mode(data_dir, current))
        rotate_backups(data_dir)
    return kept
