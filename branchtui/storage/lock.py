"""The writers' lock: flock(LOCK_EX) on branch.json.lock, a side file that is never replaced."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from branchtui.storage.errors import StoreError, os_reason
from branchtui.storage.locations import LOCK_FILE
from branchtui.storage.modes import ensure_folder, file_mode


def _open_lock_file(data_dir: Path) -> int:
    path = data_dir / LOCK_FILE
    try:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            return os.open(path, os.O_RDWR | os.O_CLOEXEC)
    except PermissionError as exc:
        raise StoreError(
            f"无权打开锁文件 {path}（{os_reason(exc)}），请检查数据目录的权限。"
        ) from exc
    # A new lock file follows the folder (0660 when shared) whatever the umask says.
    os.fchmod(fd, file_mode(data_dir))
    return fd


@contextlib.contextmanager
def write_lock(data_dir: Path) -> Iterator[None]:
    """Hold the exclusive writers' lock for the whole read-modify-write; the kernel frees it on exit."""
    ensure_folder(data_dir)
    fd = _open_lock_file(data_dir)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def is_locked(data_dir: Path) -> bool:
    """True when another session holds the writers' lock right now (for doctor)."""
    path = data_dir / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False
