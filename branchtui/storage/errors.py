"""Errors of the store; each carries a one-line Chinese message for the user."""

from __future__ import annotations

import errno


class StoreError(Exception):
    """Something the user must be told about, in Chinese, in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotInitializedError(StoreError):
    """The data folder holds no branch yet."""


class CorruptFileError(StoreError):
    """The data file is not valid; it is left untouched."""


class NewerSchemaError(StoreError):
    """The file was written by a newer branchtui; opened read-only."""


class ReadOnlyError(StoreError):
    """A write was asked of a store opened read-only."""


class ConflictError(StoreError):
    """The record was changed (or removed) by another session since it was opened."""


class InvalidRecordError(StoreError):
    """A record holds something that is not a JSON type; nothing was written."""


class DeleteRefusedError(StoreError):
    """A record others rest on cannot be deleted (domain.deletion); the message says which."""


class BundleError(StoreError):
    """A bundle file cannot be imported (wrong format, bad record, broken reference)."""


class TemplateError(StoreError):
    """A template cannot be found, parsed or rendered; the message names the file and line."""


class DiskFullError(StoreError):
    """The disk (or the user's quota) is full: nothing was written, the data file is unchanged."""


_FULL = {errno.ENOSPC: "磁盘空间不足", errno.EDQUOT: "磁盘空间不足（已用满磁盘配额）"}


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in _FULL


def disk_full_error(exc: OSError, what: str = "数据") -> DiskFullError:
    """The one-line message for a write that failed because the disk or quota is full."""
    reason = _FULL.get(exc.errno or 0, "磁盘空间不足")
    return DiskFullError(
        f"{reason}，{what}未能写入（原有数据保持不变）。请删除不需要的文件"
        "（如数据目录 backups/ 中较早的备份、reports/ 中的旧报告）或请服务器管理员扩大空间后重试。"
    )


# The system's reason for a failed file operation, in Chinese (its own text is English).
_REASONS = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许此操作",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一项不是目录",
    errno.EROFS: "文件系统只读",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被占用",
    errno.EIO: "磁盘读写出错",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EMFILE: "打开的文件太多",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘空间不足（已用满磁盘配额）",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Chinese: ``没有权限`` for EACCES, the error's code name
    for one not listed (``系统错误 ELOOP``); never the system's English text."""
    code = exc.errno or 0
    return _REASONS.get(code) or f"系统错误 {errno.errorcode.get(code, code)}"
