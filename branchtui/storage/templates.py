"""Jinja2 templates: the data folder's own templates/ first, then the ones shipped in the wheel.

A user overrides a shipped template by putting a file of the same name (for example
``templates/reports/monthly.md.j2``) in the data folder. Undefined names are errors
(StrictUndefined), and any template error becomes a one-line Chinese ``TemplateError``.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2

from branchtui.domain.dates import format_date_cn
from branchtui.storage.errors import StoreError

TEMPLATES_DIR = "templates"
PACKAGE = "branchtui"


class TemplateError(StoreError):
    """A template cannot be found, parsed or rendered; the message names the file and line."""


class PackagedTemplates(jinja2.BaseLoader):
    """The templates shipped inside the ``branchtui`` package, read through importlib.resources."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        node = importlib.resources.files(PACKAGE).joinpath(TEMPLATES_DIR)
        for part in template.split("/"):
            if part in ("", ".", ".."):
                raise jinja2.TemplateNotFound(template)
            node = node.joinpath(part)
        if not node.is_file():
            raise jinja2.TemplateNotFound(template)
        return node.read_text(encoding="utf-8"), f"{PACKAGE}/{TEMPLATES_DIR}/{template}", None


def cn_date(value: dt.date | None) -> str:
    """``2026年10月8日``; empty for no date."""
    return format_date_cn(value)


def percent(value: float | None) -> str:
    """``91.8%``; ``—`` when there is nothing to divide by."""
    return "—" if value is None else f"{value * 100:.1f}%"


def money(value: Decimal | float | int | None) -> str:
    """``8431.50`` (two decimals, 元 left to the template)."""
    return "0.00" if value is None else f"{Decimal(str(value)):.2f}"


def number(value: float | int | None) -> str:
    """``9.5``, ``12`` — no trailing ``.0``."""
    return "0" if value is None else f"{value:g}"


def cell(value: Any) -> str:
    """Text safe inside a Markdown table cell: no pipe, no line break."""
    return re.sub(r"\s*\n\s*", " ", str(value if value is not None else "")).replace("|", "｜")


FILTERS: dict[str, Callable[..., str]] = {
    "cn_date": cn_date,
    "percent": percent,
    "money": money,
    "number": number,
    "cell": cell,
}


def environment(data_dir: Path | None) -> jinja2.Environment:
    """The environment for a data folder: its templates/ override the packaged ones by name."""
    loaders: list[jinja2.BaseLoader] = []
    if data_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(Path(data_dir) / TEMPLATES_DIR)))
    loaders.append(PackagedTemplates())
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def _line_in(tb: TracebackType | None, filename: str | None) -> int | None:
    """The template line a render error came from (jinja2 maps its frames to template lines)."""
    line = None
    while tb is not None:
        if filename and tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _problem(exc: BaseException) -> str:
    """What went wrong, in Chinese; jinja2's own words kept in brackets for whoever edits it."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    undefined = re.fullmatch(r"'([^']+)' is undefined", text)
    if undefined:
        return f"使用了未定义的变量“{undefined.group(1)}”"
    attribute = re.fullmatch(r"'[^']+' (?:object )?has no attribute '([^']+)'", text)
    if attribute:
        return f"引用了不存在的字段“{attribute.group(1)}”"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"模板语法错误（{text}）"
    return f"渲染出错（{type(exc).__name__}: {text}）"


def _where(name: str, filename: str | None, line: int | None) -> str:
    shown = filename or name
    return f"模板 {shown} 第 {line} 行" if line else f"模板 {shown}"


def render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template ``name`` with ``context``; any failure is a one-line TemplateError."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板 {exc.name or name}。") from None
    except jinja2.TemplateSyntaxError as exc:
        where = _where(name, exc.filename, exc.lineno)
        raise TemplateError(f"{where}有误：{_problem(exc)}。") from None
    try:
        return template.render(context)
    except Exception as exc:
        line = _line_in(exc.__traceback__, template.filename)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            line = exc.lineno
        where = _where(name, template.filename, line)
        raise TemplateError(f"{where}有误：{_problem(exc)}。") from None
