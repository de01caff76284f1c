"""The `branchtui` console script, and how the TUI is launched.

Bare `branchtui` (or only `--data DIR` / `--demo`) opens the TUI without importing the command
framework (typer and click take ~100 ms of cold start); anything else goes to branchtui.cli.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

from branchtui.storage import locations
from branchtui.storage.errors import StoreError
from branchtui.storage.locations import DATA_FILE


class UserError(Exception):
    """A mistake of the user's, told in one Chinese line; exit code 1."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def tui_arguments(args: list[str]) -> tuple[str | None, bool] | None:
    """(data, demo) when ``args`` only open the TUI; None when they name a command or help."""
    data: str | None = None
    demo = False
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--demo":
            demo = True
        elif arg == "--data" and i + 1 < len(args) and not args[i + 1].startswith("-"):
            data = args[i + 1]
            i += 1
        elif arg.startswith("--data=") and len(arg) > len("--data="):
            data = arg.split("=", 1)[1]
        else:
            return None
        i += 1
    return data, demo


def demo_folder(data: Path | None) -> Path:
    """`--data` if given, else `$XDG_DATA_HOME/branchtui-demo` (never the real branch's folder)."""
    if data is not None:
        return data.expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "branchtui-demo"


def ensure_demo(folder: Path) -> None:
    """Create the demo branch in ``folder`` unless a branch is there already."""
    if (folder / DATA_FILE).exists():
        return
    from branchtui.cli.setup_commands import write_demo  # only needed on first demo start

    write_demo(folder, seed=2017, members=30, years=2)


def launch_tui(folder: Path, *, demo: bool = False) -> int:
    """Open the TUI on ``folder``; with ``demo``, first create the sample branch if none is there.
    The exit code: 1 when the app closed after a program error."""
    require_terminal()
    if demo:
        ensure_demo(folder)
    return start_tui(folder)


def require_terminal() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(
            "终端界面需要在交互式终端中运行；批处理请使用命令，运行 branchtui --help 查看"
        )
    # A window under 80×24 or a GBK terminal would draw a broken screen: say so instead.
    from branchtui.tui.terminal_check import current_terminal_problem

    problem = current_terminal_problem()
    if problem:
        raise UserError(problem)


def start_tui(folder: Path) -> int:
    # Only BRANCHTUI_TODAY pins the date; otherwise a session open past midnight moves on.
    fixed = locations.fixed_today()
    # Today's duties, when the cache does not hold them, are computed by a child on the other
    # core while Textual loads: forked now, while this process has one thread.
    from branchtui.storage.duties_ahead import start_duties_ahead

    ahead = start_duties_ahead(folder, fixed or locations.today())
    # Textual takes ~300 ms to import: only the interactive path pays for it.
    from branchtui.tui.app import run_tui

    code = run_tui(folder, today=fixed, duties_ahead=ahead)
    if fixed is None:  # a pinned date never moves on: no next day to be ready for
        from branchtui.storage.duties_ahead import start_days_ahead

        start_days_ahead(folder, locations.today())
    return code


def _open(args: list[str], data: str | None, demo: bool) -> int:
    try:
        folder = demo_folder(Path(data) if data else None) if demo else locations.data_dir(data)
        return launch_tui(folder, demo=demo)
    except (UserError, StoreError) as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from branchtui.cli.app import report_crash  # the CLI's one-line crash report and log

        return report_crash(exc, args)


def main() -> NoReturn:
    args = sys.argv[1:]
    parsed = tui_arguments(args)
    if parsed is None:
        from branchtui.cli import main as cli_main  # commands, help and usage errors

        cli_main()
    sys.exit(_open(args, *parsed))
