"""Compiled templates come back from the render's child, and the next child starts from them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchtui.storage import templates
from branchtui.storage.errors import StoreError
from branchtui.storage.template_code import CompiledTemplates
from branchtui.storage.template_run import run_bounded
from branchtui.storage.templates import LIMITS, TemplateSandbox, environment, render_template

NAME = "reports/monthly.md.j2"


def _own(data_dir: Path, text: str) -> None:
    path = data_dir / "templates" / NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on a compile fails (in this process and in every child forked from it)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("compiled again")

    monkeypatch.setattr(TemplateSandbox, "compile", refuse)


def test_a_second_render_starts_from_the_code_the_first_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _own(tmp_path, "{% for x in items %}{{ x }}；{% endfor %}{% include 'reports/part.md.j2' %}")
    (tmp_path / "templates" / "reports" / "part.md.j2").write_text("完", encoding="utf-8")
    assert render_template(tmp_path, NAME, {"items": ["一", "二"]}) == "一；二；完"
    _no_compiling(monkeypatch)
    # The main template and the one it includes both came back compiled.
    assert render_template(tmp_path, NAME, {"items": ["三"]}) == "三；完"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    _own(tmp_path, "旧：{{ n }}")
    assert render_template(tmp_path, NAME, {"n": 1}) == "旧：1"
    _own(tmp_path, "新：{{ n }}")
    assert render_template(tmp_path, NAME, {"n": 2}) == "新：2"
    _own(tmp_path, "{% for %}")  # and a broken edit is still caught, not run from old code
    with pytest.raises(templates.TemplateError, match="模板语法错误"):
        render_template(tmp_path, NAME, {})


def test_the_process_keeping_the_code_never_loads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _own(tmp_path, "{{ n }}")
    render_template(tmp_path, NAME, {"n": 1})
    env = environment(tmp_path)
    assert env.bytecode_cache.made_here() == b""  # nothing compiled in this process
    _no_compiling(monkeypatch)
    with pytest.raises(RuntimeError, match="compiled again"):
        templates.load_template(env, NAME)  # here it must compile, not load the child's code


def test_a_malformed_pack_from_a_child_is_dropped() -> None:
    kept = CompiledTemplates()
    good = CompiledTemplates()
    good._code["k"] = b"code"  # as dump_bytecode would keep it
    good._made.append("k")
    pack = good.made_here()
    for bad in (b"x", pack[:-1], pack + b"\x00", b"\xff" * 12):
        kept.keep(bad)
        assert kept._code == {}
    kept.keep(pack)
    assert kept._code == {"k": b"code"}


def test_what_the_child_keeps_comes_back_only_with_its_text() -> None:
    done = run_bounded(lambda: "文本", LIMITS, keep=lambda: b"\x00kept")
    assert (done.text, done.kept) == ("文本", b"\x00kept")

    def fail() -> str:
        raise StoreError("模板有误。")

    failed = run_bounded(fail, LIMITS, keep=lambda: b"kept")
    assert (failed.error, failed.kept) == ("模板有误。", b"")
