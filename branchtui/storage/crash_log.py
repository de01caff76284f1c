"""Crash logs that help a maintainer and hold no personal data.

A log names where the program failed (file, line, function, the source line) and each
exception in the chain, as Python prints a traceback. It leaves out what could carry a member's
data: local variables, and in the exceptions' messages every digit (身份证号, phone numbers,
dates), every non-ASCII run (names, addresses) and anything shaped like an e-mail address
(``invalid literal for int(): '350203…'`` is logged as ``invalid literal for int(): '#'``).
Of the command's arguments only command and option names are kept (a roster file may be named
after a person).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import tempfile
import traceback
from pathlib import Path

from branchtui.storage import locations
from branchtui.storage.errors import disk_full_error, is_disk_full

_WORD = re.compile(r"-{0,2}[a-z][a-z0-9-]*", re.ASCII)
_PRIVATE = re.compile(r"\S+@\S+|\d+|[^\x00-\x7f]+")


def shown_args(argv: list[str]) -> str:
    """The command line with every value (paths, dates, names) replaced by ``…``."""
    return " ".join(arg if _WORD.fullmatch(arg) else "…" for arg in argv)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and those it was raised from or during, oldest first."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return list(reversed(seen))


def scrubbed(message: str) -> str:
    """An exception's message without digits, non-ASCII text or e-mail addresses."""
    return _PRIVATE.sub(lambda m: "#" if m.group(0).isdigit() else "…", message)


def crash_text(exc: BaseException, argv: list[str]) -> str:
    """The log's text: the command, versions, and each exception's frames, type and message."""
    from branchtui import __version__

    lines = [
        f"branchtui {__version__} · Python {platform.python_version()}",
        f"命令：branchtui {shown_args(argv)}",
        "（为保护个人信息，日志不记录变量的值，错误说明中的数字和中文以 # 和 … 代替）",
    ]
    for index, error in enumerate(_chain(exc)):
        if index:
            lines.append("During handling of the above exception, another exception occurred:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(error.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        kind = type(error)
        name = (
            kind.__qualname__
            if kind.__module__ == "builtins"
            else f"{kind.__module__}.{kind.__qualname__}"
        )
        message = scrubbed(str(error))
        lines.append(f"{name}: {message}" if message else name)
    return "\n".join(lines) + "\n"


def write_crash_log(exc: BaseException, argv: list[str], data: str | None) -> Path | None:
    """Write the log where the user can find it: ``<data>/logs/``, else the temp folder."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = crash_text(exc, argv)
    candidates: list[Path] = []
    try:
        folder = locations.data_dir(data)
        if folder.is_dir():
            candidates.append(folder / "logs")
    except Exception:
        pass
    candidates.append(Path(tempfile.gettempdir()))
    for where in candidates:
        try:
            where.mkdir(mode=0o700, exist_ok=True)
            path = where / f"branchtui-error-{stamp}-{os.getpid()}.log"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            return path
        except OSError:
            continue
    return None


def crash_line(exc: BaseException, log: Path | None) -> str:
    """The one Chinese line a user is shown for ``exc`` (a full disk is said as such)."""
    if isinstance(exc, OSError) and is_disk_full(exc):
        return disk_full_error(exc).message
    where = f"详细信息已写入 {log}" if log else "且无法写入日志文件"
    return f"程序内部出错（{type(exc).__name__}），{where}，请将该文件发给维护人员。"
