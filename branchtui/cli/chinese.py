"""Chinese help pages and one-line Chinese usage errors for typer's vendored click."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from typer import _click
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer._click.formatting import HelpFormatter

HEADINGS = {"Arguments": "参数", "Options": "选项", "Commands": "命令"}
# Whole phrases click and typer write into help pages, with what the user sees instead.
PHRASES = (
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("[OPTIONS]", "[选项]"),
    ("COMMAND [ARGS]...", "命令 [参数]..."),
    ("default: ", "默认："),
    ("required", "必填"),
    ("env var: ", "环境变量："),
)
# What an English conversion message says, as a Chinese hint for the value.
VALUE_HINTS = (
    ("integer", "应为整数"),
    ("number", "应为数字"),
    ("float", "应为数字"),
    ("does not exist", "文件或目录不存在"),
    ("is a directory", "这是目录，应为文件"),
    ("is a file", "这是文件，应为目录"),
    ("not readable", "无法读取"),
    ("not writable", "无法写入"),
    ("is not one of", "不在可选值之中"),
)
CLOSERS = frozenset("，。；：、！？）」』》")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _zh(text: str) -> str:
    for english, chinese in PHRASES:
        text = text.replace(english, chinese)
    return text


def width_of(text: str) -> int:
    """Terminal columns of ``text``: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap by terminal columns; breaks anywhere in Chinese, between words in ASCII."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for token in re.findall(r"[\x21-\x7e]+|\s+|.", paragraph.strip()):
            # Closing punctuation stays on its line (two columns may hang into the margin).
            if line and width_of(line + token.rstrip()) > width and token not in CLOSERS:
                lines.append(line.rstrip())
                line = "" if token.isspace() else token
            else:
                line += token
        lines.append(line.rstrip())
    return lines


class ChineseHelpFormatter(HelpFormatter):
    """click's plain help formatter with Chinese headings and phrases, wrapped by columns."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for line in wrap(text, max(self.width - self.current_indent, 20)):
            self.write(f"{indent}{line}\n" if line else "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        # typer writes a required argument as {FILE}; plain FILE reads better.
        args = re.sub(r"\{([^{}]+)\}", r"\1", _zh(args))
        super().write_usage(prog, args, prefix="用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        # typer appends the value type to arguments (`FILE <path>`); the metavar says enough.
        rows = [(re.sub(r" <\w+>$", "", first), _zh(second)) for first, second in rows]
        first_col = min(max(width_of(first) for first, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            lines = wrap(second, max(self.width - self.current_indent - first_col, 20))
            if width_of(first) > first_col - col_spacing:
                self.write(f"{indent}{first}\n")
                lead = " " * first_col
            else:
                lead = first + " " * (first_col - width_of(first))
            for line in lines:
                self.write(f"{indent}{lead}{line}\n")
                lead = " " * first_col


def install_help_formatter() -> None:
    """Make every help page of this process Chinese (the CLI is the only typer user here)."""
    _click.Context.formatter_class = ChineseHelpFormatter


def _command_path(exc: UsageError) -> str:
    return exc.ctx.command_path if exc.ctx is not None else "branchtui"


def _hint(exc: BadParameter) -> str:
    if exc.param is not None:
        opts = getattr(exc.param, "opts", None) or []
        if exc.param.param_type_name == "argument":
            return (exc.param.metavar or exc.param.name or "").upper()
        if opts:
            return str(max(opts, key=len))
    hint = exc.param_hint
    if isinstance(hint, (list, tuple)):
        return " / ".join(hint)
    return str(hint or "").strip("'\"")


def usage_error_line(exc: UsageError) -> str:
    """One Chinese line saying what was wrong on the command line and what to run next."""
    path = _command_path(exc)
    help_hint = f"，运行 {path} --help 查看用法"
    message = exc.message or ""
    if isinstance(exc, MissingParameter):
        kind = (
            "参数" if exc.param is not None and exc.param.param_type_name == "argument" else "选项"
        )
        return f"缺少{kind} {_hint(exc)}{help_hint}"
    if isinstance(exc, BadParameter):
        if CJK.search(message):
            return f"{_hint(exc)} 的值无效：{message}"
        suffix = next((zh for en, zh in VALUE_HINTS if en in message), "")
        return f"{_hint(exc)} 的值无效" + (f"，{suffix}" if suffix else "") + help_hint
    if isinstance(exc, NoSuchOption):
        return f"未知选项：{exc.option_name}{help_hint}"
    if isinstance(exc, BadOptionUsage):
        return f"选项 {exc.option_name} 需要一个值{help_hint}"
    unknown = re.match(r"No such command '(.*)'", message)
    if unknown:
        return f"未知命令：{unknown.group(1)}，运行 {path} --help 查看可用命令"
    if message.startswith("Missing command"):
        return f"缺少命令，运行 {path} --help 查看可用命令"
    extra = re.match(r"Got unexpected extra argument\(s\) \((.*)\)", message)
    if extra:
        return f"多余的参数：{extra.group(1)}{help_hint}"
    if CJK.search(message):
        return message
    return f"命令行用法有误（{message}）{help_hint}"
