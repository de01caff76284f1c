"""Bare `branchtui` opens the TUI without loading the command framework (cold start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from branchtui.launch import tui_arguments


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (None, False)),
        (["--demo"], (None, True)),
        (["--data", "/srv/一支部"], ("/srv/一支部", False)),
        (["--data=/srv/x", "--demo"], ("/srv/x", True)),
        (["--demo", "--data", "/d"], ("/d", True)),
    ],
)
def test_only_tui_options_take_the_fast_path(args: list[str], expected: object) -> None:
    assert tui_arguments(args) == expected


@pytest.mark.parametrize(
    "args",
    [["todo"], ["--help"], ["-h"], ["--data"], ["--data", "--demo"], ["--data", "/d", "doctor"]],
)
def test_commands_help_and_bad_options_go_to_the_cli(args: list[str]) -> None:
    assert tui_arguments(args) is None


def test_the_launcher_does_not_import_typer() -> None:
    code = "import sys, branchtui.launch; print(sorted(m for m in sys.modules if 'typer' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_bare_script_without_a_terminal_says_so_in_one_line(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("branchtui")
    result = subprocess.run(
        [str(script), "--data", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "终端界面需要在交互式终端中运行；批处理请使用命令，运行 branchtui --help 查看"
    )
    assert "Traceback" not in result.stderr + result.stdout
