"""Atomic, durable file writes and the JSON-type check done before anything is written."""

from __future__ import annotations

import math
import os
import secrets
from pathlib import Path
from typing import Any

import orjson

from branchtui.storage.errors import InvalidRecordError, disk_full_error, is_disk_full

# Passthrough makes orjson refuse dates, dataclasses and str subclasses instead of converting them.
_DUMP_OPTIONS = (
    orjson.OPT_INDENT_2
    | orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)
_INT_LIMIT = 2**63


def check_json(value: Any, where: str = "") -> None:
    """Raise InvalidRecordError unless ``value`` holds only JSON types (str keys, finite numbers)."""
    kind = type(value)
    if value is None or kind is str or kind is bool:
        return
    if kind is int:
        if -_INT_LIMIT <= value < _INT_LIMIT:
            return
        raise InvalidRecordError(f"字段 {where or '（根）'} 的整数太大，无法保存。")
    if kind is float:
        if math.isfinite(value):
            return
        raise InvalidRecordError(f"字段 {where or '（根）'} 不是有效的数字（{value}），未保存。")
    if kind is list:
        for i, item in enumerate(value):
            check_json(item, f"{where}[{i}]")
        return
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                raise InvalidRecordError(
                    f"字段 {where or '（根）'} 含有非文本的键 {key!r}，未保存。"
                )
            check_json(item, f"{where}.{key}" if where else key)
        return
    raise InvalidRecordError(
        f"字段 {where or '（根）'} 的值类型 {kind.__name__} 不能存入数据文件，未保存。"
    )


def dumps(data: Any) -> bytes:
    """Serialize with orjson (indented, Chinese kept readable); non-JSON values are refused."""
    try:
        return orjson.dumps(data, option=_DUMP_OPTIONS) + b"\n"
    except (TypeError, orjson.JSONEncodeError) as exc:
        raise InvalidRecordError(f"数据中含有不能保存的值（{exc}），未写入磁盘。") from exc


def temp_pattern(name: str) -> str:
    """The glob of temp files written next to ``name`` (removed when left over by a crash)."""
    return f".{name}.*.tmp"


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_IOV_MAX = 1024


def _write_all(fd: int, chunks: list[bytes]) -> None:
    """Write every chunk in order, many per system call."""
    for first in range(0, len(chunks), _IOV_MAX):
        batch = chunks[first : first + _IOV_MAX]
        written = os.writev(fd, batch)
        for chunk in batch:
            if written >= len(chunk):
                written -= len(chunk)
                continue
            view = memoryview(chunk)[written:]  # a short write: finish the rest one by one
            written = 0
            while view:
                view = view[os.write(fd, view) :]


def write_atomic(path: Path, payload: bytes | list[bytes], mode: int) -> None:
    """Temp file in the same folder → write all → fsync → fchmod → os.replace → fsync folder.

    A full disk or quota (ENOSPC, EDQUOT) raises DiskFullError; the old file stays as it was.
    """
    try:
        _write_atomic(path, payload, mode)
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full_error(exc, f"文件 {path.name} ") from None
        raise


def _write_atomic(path: Path, payload: bytes | list[bytes], mode: int) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        _write_all(fd, [payload] if isinstance(payload, bytes) else payload)
        os.fsync(fd)
        os.fchmod(fd, mode)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def remove_leftover_temps(path: Path) -> list[Path]:
    """Delete temp files a killed writer left beside ``path``; call only while holding the lock."""
    removed = []
    for tmp in path.parent.glob(temp_pattern(path.name)):
        try:
            tmp.unlink()
        except FileNotFoundError:
            continue
        removed.append(tmp)
    return removed
