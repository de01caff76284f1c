"""附件 / 照片: copy a photo or scan into ``<data>/attachments/`` under a generated name, and
delete one added by mistake.

The copy is atomic (temp file, fsync, rename) and keeps the folder's modes; the original name,
size and SHA-256 go into an Attachment record, which is returned unsaved: the meeting wizard
saves it with the meeting (``storage.minutes.save_meeting(attachments=…)``). A delete removes
the copy only after its commit (``delete_attachment``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from pathlib import Path

from branchtui.domain.records import Attachment, new_id
from branchtui.storage import locations
from branchtui.storage.atomic import write_atomic
from branchtui.storage.errors import StoreError, os_reason
from branchtui.storage.minutes import write_minutes
from branchtui.storage.modes import ensure_folder, file_mode
from branchtui.storage.store import Store

ATTACHMENTS_DIR = "attachments"
MAX_BYTES = 100 * 1024 * 1024  # a scan or a photo; a video belongs elsewhere
_SUFFIX = re.compile(r"\.[0-9a-z]{1,8}$")


class AttachmentError(StoreError):
    """A file that cannot be attached, with the reason in Chinese."""


def safe_suffix(name: str) -> str:
    """The file's extension if it is short and plain (``.jpg``, ``.pdf``), else ''."""
    found = _SUFFIX.search(name.lower())
    return found.group(0) if found else ""


def attachment_problem(source: str) -> str | None:
    """Why the file at ``source`` (a path typed on the server, ``~`` allowed) cannot be
    attached, in Chinese, or None: asked before the copy, so that the prompt keeps the path and
    says what is wrong beside it."""
    try:
        _checked_source(Path(source.strip()).expanduser())
    except AttachmentError as error:
        return error.message
    return None


def _checked_source(source: Path) -> None:
    """Raise AttachmentError when ``source`` is missing, a folder, not a plain file or too big."""
    shown = str(source)
    try:
        info = os.stat(source)
    except FileNotFoundError:
        raise AttachmentError(f"找不到文件 {shown}，请检查路径。") from None
    except PermissionError:
        raise AttachmentError(f"无权访问文件 {shown}。") from None
    except OSError as exc:
        raise AttachmentError(f"无法读取文件 {shown}（{os_reason(exc)}）。") from None
    if stat.S_ISDIR(info.st_mode):
        raise AttachmentError(f"{shown} 是一个目录，请选择其中的照片或扫描件。")
    if not stat.S_ISREG(info.st_mode):
        raise AttachmentError(f"{shown} 不是普通文件（可能是设备或管道），不能作为附件。")
    if info.st_size > MAX_BYTES:
        raise AttachmentError(f"文件 {shown} 超过 {MAX_BYTES // (1024 * 1024)}MB，不能作为附件。")


def _source_bytes(source: Path) -> bytes:
    _checked_source(source)
    shown = str(source)
    try:
        with open(source, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise AttachmentError(f"无权读取文件 {shown}。") from None
    except OSError as exc:
        raise AttachmentError(f"无法读取文件 {shown}（{os_reason(exc)}）。") from None


def copy_attachment(
    data_dir: Path, source: str | Path, *, description: str = "", today: dt.date | None = None
) -> Attachment:
    """Copy ``source`` into the data folder's attachments/ as ``<random id><.ext>``; the
    Attachment record is returned unsaved. A missing, unreadable or non-regular file is an
    AttachmentError with a Chinese message; nothing is written then."""
    path = Path(str(source).strip()).expanduser()
    payload = _source_bytes(path)
    if len(payload) > MAX_BYTES:
        raise AttachmentError(f"文件 {path} 超过 {MAX_BYTES // (1024 * 1024)}MB，不能作为附件。")
    record_id = new_id()
    name = f"{record_id}{safe_suffix(path.name)}"
    folder = ensure_folder(Path(data_dir) / ATTACHMENTS_DIR)
    try:
        write_atomic(folder / name, payload, file_mode(folder))
    except OSError as exc:
        raise AttachmentError(f"无法把文件复制到 {folder}（{os_reason(exc)}）。") from None
    return Attachment(
        id=record_id,
        file_name=name,
        original_name=path.name,
        sha256=hashlib.sha256(payload).hexdigest(),
        size=len(payload),
        added=today or locations.today(),
        description=description,
    )


def attachment_path(data_dir: Path, attachment: Attachment) -> Path:
    """Where an attachment's copy lives."""
    return Path(data_dir) / ATTACHMENTS_DIR / Path(attachment.file_name).name


def delete_attachment(store: Store, attachment_id: str, rev: int | None = None) -> list[str]:
    """Delete an attachment added by mistake, in one commit with what that implies
    (domain.deletion: the meetings, systems and ledger entries naming it keep no pointer);
    then, only once the commit is made, its copy under attachments/ (unless another record
    names the same file), and write again the minutes of the meetings that listed it.

    Refused (DeleteRefusedError) or in conflict (ConflictError) as any delete: nothing is
    written, the file stays. Returns the Chinese lines about what could not be done after
    the commit (the data is saved then)."""
    data = store.snapshot()
    attachment = data.find(Attachment.TABLE, attachment_id)
    if attachment is None:
        raise AttachmentError("找不到这个附件，可能已被他人删除。")
    listed = [
        m.id
        for m in data.meetings
        if m.minutes_path and attachment_id in (*m.photo_ids, *m.attachment_ids)
    ]
    with store.transaction() as tx:
        tx.delete(Attachment.TABLE, attachment_id, rev)
    problems = []
    if not any(a.file_name == attachment.file_name for a in store.snapshot().attachments):
        path = attachment_path(store.data_dir, attachment)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            problems.append(f"附件记录已删除，但文件 {path} 未能删除（{os_reason(exc)}）。")
    for meeting_id in listed:
        try:
            write_minutes(store, meeting_id)
        except StoreError as error:
            problems.append(error.message)
    return problems
