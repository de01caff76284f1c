"""File and folder modes: 0600/0700 for one user, 0660/2770 for a shared group (init --shared-group)."""

from __future__ import annotations

import contextlib
import grp
import os
import stat
from pathlib import Path

from branchtui.storage.errors import StoreError, os_reason
from branchtui.storage.locations import DATA_FILE

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


# What the program itself may have put in a data folder before its data file exists.
_OWN_FOLDERS = frozenset({"backups", "logs", "drafts"})


def claim_folder(folder: Path) -> Path:
    """The folder a new branch's data file goes into, with the modes of a data folder.

    A missing folder is created (ensure_folder). An existing one the user made for it (with
    ``mkdir``, under their umask) gets 0700 — or 2770 when setgid for a shared group — as long
    as nothing but the program's own files is in it: a folder holding other things (``--data
    ~``) keeps its modes, and doctor names them. A folder owned by another user is left as it is.
    """
    if not folder.is_dir():
        return ensure_folder(folder)
    try:
        names = os.listdir(folder)
    except OSError:
        return folder
    if all(name.startswith(DATA_FILE) or name in _OWN_FOLDERS for name in names):
        with contextlib.suppress(PermissionError):
            os.chmod(folder, SHARED_FOLDER if is_shared(folder) else PRIVATE_FOLDER)
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
            f"无权把 {data_dir} 设为用户组 {group} 共享（{os_reason(exc)}），请用目录所有者运行。"
        ) from exc
