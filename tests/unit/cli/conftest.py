"""The CLI run as the installed console script; the in-process `cli` is in ../conftest.py."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.conftest import Cli, Result

SCRIPT = Path(sys.executable).with_name("branchtui")


@pytest.fixture
def script(tmp_path: Path, data_dir: Path) -> Cli:
    """``script("doctor")`` runs the venv's ``branchtui`` in a subprocess with a clean home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRANCHTUI", "XDG"))}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "xdg"),
        BRANCHTUI_HOME=str(data_dir),
        BRANCHTUI_TODAY="2026-11-27",
        LANG="C.UTF-8",
    )

    def invoke(*args: str | Path) -> Result:
        done = subprocess.run(
            [str(SCRIPT), *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return invoke


def _one_chinese_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0]), text
    assert "Traceback" not in text
    return lines[0]


@pytest.fixture
def one_line() -> Callable[[str], str]:
    """The single line a user error prints; fails when there are more, or none, or English only."""
    return _one_chinese_line
