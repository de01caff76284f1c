"""Before the TUI starts: is the terminal big enough and does it speak UTF-8?

The screens are laid out for 80×24 at least, and every label is Chinese, so a smaller window
or a terminal set to GBK would show a broken screen. Both are refused with one clear line
rather than half-drawn. No Textual here: this runs before Textual is imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

MIN_COLUMNS = 80
MIN_LINES = 24
# Locales that name no codeset and are not C/POSIX default to a legacy one (zh_CN → GB2312).
UTF8_NAMES = ("utf-8", "utf8")
NEUTRAL_LOCALES = ("", "C", "POSIX")


# What Python itself puts in LC_CTYPE when the user's locale is not installed (PEP 538).
COERCED = ("C.UTF-8", "C.utf8", "UTF-8")


def effective_locale(environ: Mapping[str, str]) -> str:
    """The locale the user chose for the character set: LC_ALL, else LC_CTYPE, else LANG."""
    names = ["LC_ALL", "LC_CTYPE", "LANG"]
    if environ.get("LC_CTYPE") in COERCED and environ.get("LANG") and not environ.get("LC_ALL"):
        # Python coerced LC_CTYPE; LANG still says what the terminal was set to.
        names.remove("LC_CTYPE")
    for name in names:
        value = environ.get(name, "").strip()
        if value:
            return value
    return ""


def locale_problem(environ: Mapping[str, str]) -> str | None:
    """A Chinese message when the locale names a character set other than UTF-8, else None.

    An unset, C or POSIX locale is accepted: Python then writes UTF-8 anyway (PEP 538/540),
    and the terminals secretaries use are UTF-8 unless someone set them otherwise.
    """
    value = effective_locale(environ)
    if value in NEUTRAL_LOCALES or any(n in value.lower() for n in UTF8_NAMES):
        return None
    return (
        f"终端字符编码不是 UTF-8（当前 {value}），中文会显示为乱码。"
        "请把终端软件的字符编码设为 UTF-8，并执行 export LANG=C.UTF-8 后重新运行 branchtui。"
    )


def size_problem(columns: int, lines: int) -> str | None:
    """A Chinese message when the window is smaller than 80×24, else None (0 = size unknown)."""
    if columns <= 0 or lines <= 0:
        return None
    if columns >= MIN_COLUMNS and lines >= MIN_LINES:
        return None
    return (
        f"终端窗口太小：当前 {columns}×{lines}，至少需要 {MIN_COLUMNS}×{MIN_LINES}。"
        "请放大窗口（或缩小字体）后重新运行 branchtui。"
    )


def terminal_problem(columns: int, lines: int, environ: Mapping[str, str]) -> str | None:
    """The first reason the TUI cannot be shown well here, in Chinese; None when all is fine."""
    return locale_problem(environ) or size_problem(columns, lines)


def current_terminal_problem() -> str | None:
    """``terminal_problem`` for this process's terminal (stdout) and environment."""
    try:
        size = os.get_terminal_size(sys.stdout.fileno())
    except (OSError, ValueError):
        columns, lines = 0, 0
    else:
        columns, lines = size.columns, size.lines
    return terminal_problem(columns, lines, os.environ)
