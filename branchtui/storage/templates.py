"""Jinja2 templates for reports and minutes: the data folder's templates/ first, then the shipped ones.

``render_template(data_dir, name, context)`` is the one way to render (reports and minutes both
use it). A user overrides a shipped template by putting a file of the same name (for example
``templates/reports/monthly.md.j2``) in the data folder. That folder may be writable by other
members of a shared group, so a template is treated as untrusted:

- it runs in Jinja2's immutable sandbox (no ``__globals__``, no ``os``, no mutating methods);
- a symlink anywhere under ``templates/`` (the file or a folder) is refused, and so is anything
  that is not a regular file or is larger than ``MAX_TEMPLATE_BYTES``;
- it renders in a forked child process (storage/template_run.py) that is killed after
  ``LIMITS.seconds``, may use at most ``LIMITS.memory_margin`` bytes more than the parent, and
  may write at most ``LIMITS.output_chars`` characters.
  A pure-Python loop (``range`` nested in ``range``) is interrupted the same way as C code that
  never returns (``10**10**10``), which a ``sys.settrace`` deadline could not stop, and no lock of
  the TUI's other threads is touched (the child only runs the template and writes to a pipe).

Every value printed with ``{{ }}`` goes through ``finalize``: text not already escaped by the
``text`` or ``cell`` filter is escaped for Markdown there (domain/markdown.py). Undefined names
are errors (StrictUndefined), and any failure is a one-line Chinese ``TemplateError``.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from branchtui.domain.dates import cn_dates, format_date_cn
from branchtui.domain.markdown import (
    MarkdownText,
    escape_cell,
    escape_paragraphs,
    escape_text,
    quoted,
)
from branchtui.storage.errors import TemplateError
from branchtui.storage.template_code import CompiledTemplates
from branchtui.storage.template_files import DataFolderTemplates
from branchtui.storage.template_run import RenderLimits, run_bounded

TEMPLATES_DIR = "templates"
PACKAGE = "branchtui"
LIMITS = RenderLimits(seconds=5.0, output_chars=4_000_000, memory_margin=512 * 1024 * 1024)


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


def cn_date(value: dt.date | str | None) -> MarkdownText:
    """The one date style of minutes and reports, and the one filter that writes it: a date
    is ``2026年10月8日``, a month key ``2026年8月``, and a text the program wrote (a duty's
    detail) is escaped with its ``2026-10-19`` dates written so; empty for none."""
    if value is None or isinstance(value, dt.date):
        return MarkdownText(format_date_cn(value))
    return escape_text(cn_dates(str(value)))


def percent(value: float | None) -> MarkdownText:
    """``91.8%``; ``—`` when there is nothing to divide by."""
    return MarkdownText("—" if value is None else f"{value * 100:.1f}%")


def money(value: Decimal | float | int | None) -> MarkdownText:
    """``8431.50`` (two decimals, 元 left to the template)."""
    return MarkdownText("0.00" if value is None else f"{Decimal(str(value)):.2f}")


def number(value: float | int | None) -> MarkdownText:
    """``9.5``, ``12`` — no trailing ``.0``."""
    return MarkdownText("0" if value is None else f"{value:g}")


FILTERS: dict[str, Callable[..., str]] = {
    "cn_date": cn_date,
    "percent": percent,
    "money": money,
    "number": number,
    "text": escape_text,
    "cell": escape_cell,
    "paragraphs": escape_paragraphs,
    "quoted": quoted,
}


def _finalize(value: Any) -> Any:
    """Every ``{{ }}`` value: text is escaped unless a filter already did (numbers pass as they are)."""
    if isinstance(value, str) and not isinstance(value, MarkdownText):
        return escape_text(value)
    return value


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """The sandbox all templates run in; the shared filters and the Markdown escape built in."""

    bytecode_cache: CompiledTemplates

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        super().__init__(
            loader=loader,
            bytecode_cache=CompiledTemplates(),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_finalize,
            auto_reload=True,
        )
        self.filters.update(FILTERS)


_ENVIRONMENTS: dict[str, TemplateSandbox] = {}
_ENVIRONMENTS_LOCK = threading.Lock()


def environment(data_dir: Path | None) -> TemplateSandbox:
    """The (cached) environment for a data folder: its templates/ override the packaged ones."""
    key = str(Path(data_dir).absolute()) if data_dir is not None else ""
    with _ENVIRONMENTS_LOCK:
        env = _ENVIRONMENTS.get(key)
        if env is None:
            loader: jinja2.BaseLoader = PackagedTemplates()
            if data_dir is not None:
                loader = DataFolderTemplates(Path(data_dir) / TEMPLATES_DIR, loader)
            env = _ENVIRONMENTS[key] = TemplateSandbox(loader)
        return env


def _line_in(tb: Any, filename: str | None) -> int | None:
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
    if isinstance(exc, SecurityError):
        unsafe = re.search(r"attribute '([^']+)'", text)
        what = f"“{unsafe.group(1)}”" if unsafe else "受保护的内容"
        return f"出于安全考虑，模板不能访问{what}"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"模板语法错误（{text}）"
    if isinstance(exc, OverflowError) and "range" in text:
        return "循环次数过多（range 最多 100000 次）"
    if isinstance(exc, MemoryError):
        return "模板占用的内存过多，已中止"
    return f"渲染出错（{type(exc).__name__}: {text}）"


def _where(name: str, filename: str | None, line: int | None) -> str:
    shown = filename or name
    return f"模板 {shown} 第 {line} 行" if line else f"模板 {shown}"


def load_template(env: jinja2.Environment, name: str) -> jinja2.Template:
    """The compiled template ``name`` (data folder first); a one-line TemplateError otherwise."""
    try:
        return env.get_template(name)
    except TemplateError:
        raise
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板 {exc.name or name}。") from None
    except jinja2.TemplateSyntaxError as exc:
        where = _where(name, exc.filename, exc.lineno)
        raise TemplateError(f"{where}有误：{_problem(exc)}。") from None


def _render_here(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Compile and render in this process (the child), output bounded; failures as TemplateError.

    Compiling happens here too: jinja2 folds constant expressions (``'x' * 10**10``, a filter of
    literals) while compiling, so an untrusted template must not even be compiled in the parent.
    """
    template = load_template(env, name)
    try:
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > LIMITS.output_chars:
                raise TemplateError(
                    f"模板 {template.filename or name} 的输出超过 {LIMITS.output_chars} 个字符，"
                    "已中止（模板中可能有过大的循环）。"
                )
            parts.append(chunk)
        return "".join(parts)
    except TemplateError:
        raise
    except Exception as exc:
        line = _line_in(exc.__traceback__, template.filename)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            line = exc.lineno
        where = _where(name, template.filename, line)
        raise TemplateError(f"{where}有误：{_problem(exc)}。") from None


def render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template ``name`` of ``env`` with ``context``, bounded in time, memory and size."""
    compiled = env.bytecode_cache if isinstance(env.bytecode_cache, CompiledTemplates) else None
    outcome = run_bounded(
        lambda: _render_here(env, name, context),
        LIMITS,
        keep=compiled.made_here if compiled is not None else None,
    )
    if compiled is not None and outcome.kept:
        compiled.keep(outcome.kept)
    if outcome.timed_out:
        raise TemplateError(
            f"模板 {name} 渲染超过 {LIMITS.seconds:g} 秒仍未完成，已中止"
            "（模板中可能有过大的循环或计算）。"
        )
    if outcome.error is not None:
        raise TemplateError(outcome.error)
    if outcome.text is None:
        raise TemplateError(f"模板 {name} 渲染时占用资源过多被中止，未生成任何内容。")
    return outcome.text


def render_template(data_dir: Path | None, name: str, context: dict[str, Any]) -> str:
    """Render template ``name`` (``reports/monthly.md.j2``, ``minutes/committee_meeting.md.j2``)
    with ``context``: the data folder's own copy when there is one, else the shipped one."""
    return render(environment(data_dir), name, context)
