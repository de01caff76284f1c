"""File and folder modes: 0600/0700 for one user, 0660/2770 for a shared group (init --shared-group)."""

from __future__ import annotations

import grp
import os
import stat
from pathlib import Path

from branchtui.storage.errors import StoreError

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SHARED_FILE = 0o660
SHARED_FOLDER = 0o2770


def is_shared(folder: Path) -> bool:
    """A folder made setgid by ``init --shared-group`` is shared by its group."""
    try:
        return bool(os.stat(folder).st_mode & stat.S_ISGID)
    except FileNotFoundError:
        return False


def file_mode(folder: Path, existing: Path | None = None) -> int:
    """The mode for a (re)written file: the existing file's own, else what the folder implies."""
    if existing is not None:
        try:
            return stat.S_IMODE(os.stat(existing).st_mode)
        except FileNotFoundError:
            pass
    return SHARED_FILE if is_shared(folder) else PRIVATE_FILE


def ensure_folder(folder: Path) -> Path:
    """Create ``folder`` (and parents) if missing, 0700 — or 2770 inside a shared folder."""
    if folder.is_dir():
        return folder
    parent = folder.parent
    if not parent.exists():
        parent.mkdir(parents=True, exist_ok=True)
    shared = is_shared(parent)
    try:
        folder.mkdir()
    except FileExistsError:
        return folder
    # chmod after mkdir: the umask would otherwise strip the group bits.
    os.chmod(folder, SHARED_FOLDER if shared else PRIVATE_FOLDER)
    return folder


def share_folder(data_dir: Path, group: str) -> None:
    """Give the data folder to ``group``: folders setgid 2770, files 0660, all owned by the group."""
    try:
        gid = grp.getgrnam(group).gr_gid
    except KeyError as exc:
        raise StoreError(f"找不到用户组 {group}，请先创建该组（groupadd {group}）。") from exc
    ensure_folder(data_dir)
    try:
        for root, dirs, files in os.walk(data_dir):
            os.chown(root, -1, gid)
            os.chmod(root, SHARED_FOLDER)
            for name in files:
                path = os.path.join(root, name)
                os.chown(path, -1, gid)
                os.chmod(path, SHARED_FILE)
            dirs.sort()
    except PermissionError as exc:
        raise StoreError(
            f"无权把 {data_dir} 设为用户组 {group} 共享（{exc.strerror}），请用目录所有者运行。"
        ) from exc
