"""Crash logs: where a program error is written down for the maintainers, without personal data.

A log holds the exception's type and the stack (file, line, function and source line) — never
local variables — and the exception's message with every run of six or more digits masked, so
that an 身份证号 or a phone number that found its way into a message stays out of the file.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import tempfile
import traceback
from pathlib import Path

LOG_FOLDER = "logs"
_DIGITS = re.compile(r"\d{6,}")
_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


def is_disk_full(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) is the disk or the quota being full."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _DISK_FULL:
            return True
        current = current.__cause__ or current.__context__
    return False


def mask_digits(text: str) -> str:
    """``text`` with every run of six or more digits replaced by asterisks."""
    return _DIGITS.sub(lambda m: "*" * len(m.group()), text)


def crash_text(error: BaseException, what: str) -> str:
    """The log's text: what was running, the exception type and masked message, the stack."""
    lines = [f"branchtui 出错记录 {dt.datetime.now():%Y-%m-%d %H:%M:%S}", f"操作：{what}"]
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 5:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for exc in reversed(chain):
        lines.append("")
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}: {mask_digits(str(exc))}")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {mask_digits(frame.line.strip())}")
    return "\n".join(lines) + "\n"


def write_crash_log(folder: Path | None, error: BaseException, what: str) -> Path | None:
    """Write the log into ``<folder>/logs/`` (else the temp folder); its path, or None when
    nothing could be written. Never raises: it runs when something has already gone wrong."""
    try:
        text = crash_text(error, what)
    except Exception:
        text = f"branchtui 出错记录\n{type(error).__name__}\n"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidates: list[Path] = []
    if folder is not None:
        candidates.append(Path(folder) / LOG_FOLDER)
    candidates.append(Path(tempfile.gettempdir()))
    for where in candidates:
        try:
            where.mkdir(mode=0o700, exist_ok=True)
            path = where / f"branchtui-error-{stamp}-{os.getpid()}.log"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            return path
        except OSError:
            continue
    return None


def crash_line(error: BaseException, log: Path | None) -> str:
    """The one Chinese line a user sees for ``error``."""
    if is_disk_full(error):
        return "磁盘空间不足，未能完成操作；请清理服务器磁盘空间（或联系管理员）后再试。"
    where = f"详细信息已写入 {log}" if log else "且无法写入日志文件"
    return f"程序内部出错（{type(error).__name__}），{where}，请将该文件发给维护人员。"
