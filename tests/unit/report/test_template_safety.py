"""Templates in the data folder are untrusted: sandboxed, no symlinks, bounded time and size."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from branchtui.storage import templates
from branchtui.storage.template_run import RenderLimits
from branchtui.storage.templates import TemplateError, render_template

NAME = "reports/monthly.md.j2"


def _own(data_dir: Path, text: str, name: str = NAME) -> Path:
    path = data_dir / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _error(data_dir: Path, name: str = NAME, context: dict | None = None) -> str:
    with pytest.raises(TemplateError) as caught:
        render_template(data_dir, name, context or {})
    message = caught.value.message
    assert "\n" not in message and "Traceback" not in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    return message


@pytest.fixture
def short_limits(monkeypatch: pytest.MonkeyPatch) -> RenderLimits:
    limits = RenderLimits(seconds=1.0, output_chars=10_000, memory_margin=256 * 1024 * 1024)
    monkeypatch.setattr(templates, "LIMITS", limits)
    return limits


@pytest.mark.parametrize(
    "attack",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
        "{{ joiner.__init__.__globals__['os'].system('touch MARKER') }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}{{ lipsum.__globals__.os.system('touch MARKER') }}",
        "{{ namespace.__init__.__globals__.os.system('touch MARKER') }}",
    ],
)
def test_a_template_cannot_run_commands(tmp_path: Path, attack: str) -> None:
    marker = tmp_path / "MARKER"
    _own(tmp_path, attack)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        message = _error(tmp_path)
    finally:
        os.chdir(cwd)
    assert not marker.exists()
    assert "出于安全考虑" in message or "不存在的字段" in message


def test_a_template_cannot_change_the_data_it_is_given(tmp_path: Path) -> None:
    _own(tmp_path, "{{ people.append('x') }}{{ people | length }}")
    people = ["赵一"]
    message = _error(tmp_path, context={"people": people})
    assert people == ["赵一"]
    assert "出于安全考虑" in message


def test_a_huge_range_is_a_chinese_error(tmp_path: Path) -> None:
    _own(tmp_path, "{% for i in range(10**9) %}x{% endfor %}")
    assert "循环次数过多" in _error(tmp_path)


def test_nested_loops_without_output_are_stopped(tmp_path: Path, short_limits) -> None:
    _own(
        tmp_path,
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    )
    message = _error(tmp_path)
    assert "渲染超过 1 秒仍未完成，已中止" in message


def test_arithmetic_that_never_ends_is_stopped(tmp_path: Path, short_limits) -> None:
    # C code, not Python lines: only killing the child stops it (compiling folds it, too).
    _own(tmp_path, "{{ 10 ** 100000000 }}")
    assert "已中止" in _error(tmp_path)


def test_output_is_bounded(tmp_path: Path, short_limits) -> None:
    _own(tmp_path, "{% for i in range(100000) %}一二三四五六七八九十{% endfor %}")
    assert "输出超过 10000 个字符" in _error(tmp_path)


def test_memory_is_bounded(tmp_path: Path, short_limits) -> None:
    _own(tmp_path, "{{ 'x' * 10**10 }}")
    assert "内存过多" in _error(tmp_path) or "已中止" in _error(tmp_path)


def test_a_symlinked_template_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("身份证号 350203199001011234", encoding="utf-8")
    (tmp_path / "templates" / "reports").mkdir(parents=True)
    (tmp_path / "templates" / NAME).symlink_to(secret)
    message = _error(tmp_path)
    assert "是符号链接" in message and "为安全起见不予使用" in message
    assert "350203199001011234" not in message


def test_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    _own(elsewhere, "外部模板")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "reports").symlink_to(elsewhere / "templates" / "reports")
    assert "是符号链接" in _error(tmp_path)


def test_a_symlinked_templates_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    _own(elsewhere, "外部模板")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "templates").symlink_to(elsewhere / "templates")
    assert "是符号链接" in _error(tmp_path / "data")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    (tmp_path / "templates" / "reports").mkdir(parents=True)
    os.mkfifo(tmp_path / "templates" / NAME)
    assert "不是普通文件" in _error(tmp_path)


def test_a_missing_own_template_falls_back_and_a_new_one_is_picked_up(tmp_path: Path) -> None:
    _own(tmp_path, "旧")
    assert render_template(tmp_path, NAME, {}) == "旧"
    (tmp_path / "templates" / NAME).unlink()
    with pytest.raises(TemplateError) as caught:
        render_template(tmp_path, NAME, {})  # the shipped template needs the real context
    assert "未定义的变量" in caught.value.message
    _own(tmp_path, "新的")
    assert render_template(tmp_path, NAME, {}) == "新的"


def test_rendering_from_a_worker_thread(tmp_path: Path) -> None:
    # The TUI renders in a thread worker: the forked child must work from there too.
    _own(tmp_path, "{{ name }}：{{ n }} 次")
    found: list[str] = []
    worker = threading.Thread(
        target=lambda: found.append(render_template(tmp_path, NAME, {"name": "支委会", "n": 3}))
    )
    worker.start()
    worker.join(30)
    assert found == ["支委会：3 次"]
