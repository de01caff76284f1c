"""Reading the data file: its bytes parsed and shape-checked, or a CorruptFileError that names
the problem in Chinese and the newest good backup (the file is never changed here)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from branchtui.storage import backups
from branchtui.storage.errors import CorruptFileError, NotInitializedError
from branchtui.storage.layout import Blocks, RepeatedKeyError, assemble, cut
from branchtui.storage.locations import DATA_FILE
from branchtui.storage.migrations import META
from branchtui.storage.strict_json import repeated_key
from branchtui.storage.validate import repeated_key_problem, shape_problem, whole_file_repeat

# (inode, size, mtime in ns): the file as last read or written; another session's write changes it.
Stamp = tuple[int, int, int]


def corrupt_file_error(path: Path, problem: str) -> CorruptFileError:
    """The error for a bad data file, naming the problem and the newest good backup."""
    good = backups.newest_good_backup(path.parent)
    if good is None:
        offer = "没有可用的备份，请联系技术人员。文件未被改动。"
    else:
        offer = (
            f"最新的完好备份是 {good.name}（{good.label}），"
            f"可运行 branchtui restore {good.name} 恢复。文件未被改动。"
        )
    error = CorruptFileError(f"数据文件 {path} 已损坏：{problem}。{offer}")
    error.problem = problem  # type: ignore[attr-defined]
    error.backup = good  # type: ignore[attr-defined]
    return error


def read_data_file(
    path: Path, known: dict[str, Blocks], current: dict[str, Any]
) -> tuple[dict[str, Any], Stamp, dict[str, Blocks], set[str] | None]:
    """The parsed file, its stamp, its blocks and the tables that changed (None: any).

    ``known``: the blocks of the data last loaded whose shape was checked (reused when their
    bytes are unchanged); ``current``: that data's documents, by table.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError as exc:
        raise NotInitializedError(f"数据目录 {path.parent} 中的 {DATA_FILE} 不见了。") from exc
    with os.fdopen(fd, "rb") as handle:
        # The stamp of the inode we read, so a replace during the read is seen next time.
        st = os.fstat(handle.fileno())
        payload = handle.read()
    stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
    layout = cut(payload)
    changed: set[str] | None = None
    blocks: dict[str, Blocks] = {}
    try:
        if layout is None:
            raw = orjson.loads(payload)
            # Not our layout (tidied by hand, or older): every key is checked the slow way.
            repeated = repeated_key(payload)
            if repeated is not None:
                raise corrupt_file_error(path, whole_file_repeat(raw, repeated))
        else:
            raw, blocks, changed = assemble(payload, layout, known, current)
    except (orjson.JSONDecodeError, UnicodeDecodeError) as exc:
        where = _json_problem(exc) if layout is None else "内容不完整或有语法错误"
        raise corrupt_file_error(path, f"不是有效的 JSON（{where}）") from exc
    except RepeatedKeyError as exc:
        raise corrupt_file_error(path, repeated_key_problem(exc)) from exc
    del payload
    # Tables whose bytes were checked at an earlier load need no new shape check.
    to_check = raw if changed is None else {k: raw[k] for k in raw if k in changed or k == META}
    problem = shape_problem(to_check)
    if problem:
        raise corrupt_file_error(path, problem)
    return raw, stamp, blocks, changed


def _json_problem(exc: ValueError) -> str:
    """Where the JSON breaks, in Chinese (the parser's own English text is not shown)."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if isinstance(line, int) and isinstance(column, int):
        return f"第 {line} 行第 {column} 列附近有语法错误"
    return "内容不完整或有语法错误"
