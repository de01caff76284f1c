"""The data folder's own templates, read without following any symlink.

``<data>/templates/`` may be writable by every member of a shared group (``init --shared-group``).
A symlink there could point the renderer at a file outside the folder (another user's data, a
device, a FIFO that blocks forever), so the folder, every subfolder and the file are opened one
component at a time with ``O_NOFOLLOW``; a symlink, a device or a FIFO is refused with a Chinese
message instead of being read. A template that is simply not there falls back to the shipped one.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import jinja2

from branchtui.storage.errors import TemplateError, os_reason

# A report template is a few kilobytes; anything far larger is not one.
MAX_TEMPLATE_BYTES = 512 * 1024
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
# O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


def _refused(path: Path, why: str) -> TemplateError:
    return TemplateError(f"模板 {path} {why}，为安全起见不予使用。")


def _is_symlink(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _open_component(name: str, flags: int, dir_fd: int | None, path: Path) -> int | None:
    """Open one component; None when it does not exist; TemplateError for a symlink."""
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP or _is_symlink(path):
            raise _refused(path, "是符号链接") from None
        if exc.errno == errno.ENOTDIR:
            return None
        raise TemplateError(f"无法读取模板 {path}：{os_reason(exc)}。") from None


def read_template(root: Path, template: str) -> tuple[str, Path] | None:
    """The text of ``root/template`` and its path; None when there is no such file."""
    parts = template.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    fd = _open_component(str(root), _DIR_FLAGS, None, root)
    path = root
    try:
        for part in parts[:-1]:
            if fd is None:
                return None
            path = path / part
            inner = _open_component(part, _DIR_FLAGS, fd, path)
            os.close(fd)
            fd = inner
        if fd is None:
            return None
        path = path / parts[-1]
        file_fd = _open_component(parts[-1], _FILE_FLAGS, fd, path)
    finally:
        if fd is not None:
            os.close(fd)
    if file_fd is None:
        return None
    with os.fdopen(file_fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            return None
        if not stat.S_ISREG(info.st_mode):
            raise _refused(path, "不是普通文件")
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise TemplateError(
                f"模板 {path} 超过 {MAX_TEMPLATE_BYTES // 1024} KB，不像是报告模板，未使用。"
            )
        data = handle.read(MAX_TEMPLATE_BYTES + 1)
    try:
        return data.decode("utf-8"), path
    except UnicodeDecodeError:
        raise TemplateError(f"模板 {path} 不是 UTF-8 编码的文本，请另存为 UTF-8。") from None


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_mode, info.st_ino, info.st_size, info.st_mtime_ns)


class DataFolderTemplates(jinja2.BaseLoader):
    """``<data>/templates/`` (regular files reached through no symlink), else ``fallback``."""

    def __init__(self, root: Path, fallback: jinja2.BaseLoader) -> None:
        self.root = Path(root)
        self.fallback = fallback

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        found = read_template(self.root, template)
        if found is None:
            # The shipped template stays in use until the user puts their own beside it.
            text, name, _ = self.fallback.get_source(environment, template)
            own = self.root / template
            return text, name, lambda: _stamp(own) is None
        text, path = found
        stamp = _stamp(path)
        # Checked before each use of the compiled template: a replaced file is read again
        # (and refused again if it became a symlink).
        return text, str(path), lambda: _stamp(path) == stamp
