"""The typer app, its global options, and the helpers every command module shares.

Batch commands import storage and domain only; Textual is imported lazily, only when the
TUI is launched, so `branchtui doctor` and friends start fast and work without a terminal.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer._click.exceptions import ClickException, UsageError
from typer.exceptions import Abort
from typer.main import get_command

from branchtui.cli.chinese import install_help_formatter, usage_error_line
from branchtui.launch import (
    UserError,
    demo_folder,
    launch_tui,
)
from branchtui.storage import locations
from branchtui.storage.crash_log import crash_line, write_crash_log
from branchtui.storage.errors import StoreError, disk_full_error, is_disk_full

CONTEXT = {"help_option_names": ["--help", "-h"]}


def sub_app(help_text: str) -> typer.Typer:
    """A command group (`export`, `import`, `report` …) with Chinese help and no rich markup."""
    return typer.Typer(
        help=help_text,
        rich_markup_mode=None,
        add_completion=False,
        no_args_is_help=False,
        context_settings=CONTEXT,
    )


app = typer.Typer(
    name="branchtui",
    help=(
        "党支部工作终端。不带命令运行时打开终端界面（首次使用会进入设置向导）；"
        "带命令时执行批处理任务。"
    ),
    rich_markup_mode=None,
    add_completion=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT,
)
export_app = sub_app("导出数据")
import_app = sub_app("导入数据")
app.add_typer(export_app, name="export")
app.add_typer(import_app, name="import")

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="目录",
        help="数据目录（默认 $BRANCHTUI_HOME，否则 ~/.local/share/branchtui）",
        show_default=False,
    ),
]


@app.callback()
def root(
    ctx: typer.Context,
    data: DataOption = None,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="打开示例支部（目录为空时自动生成，绝不覆盖真实数据）",
        ),
    ] = False,
) -> None:
    ctx.obj = {"data": data}
    if ctx.invoked_subcommand is not None:
        if demo:
            raise UserError(
                "--demo 只用于打开终端界面，不能与命令同用；生成示例请运行 branchtui demo"
            )
        return
    code = launch_tui(demo_folder(data) if demo else locations.data_dir(data), demo=demo)
    if code:
        raise typer.Exit(code)


def folder_of(ctx: typer.Context, data: Path | None) -> Path:
    """The data folder: the command's `--data`, else the global one, else the default."""
    if data is None:
        root_obj = ctx.find_root().obj
        data = root_obj.get("data") if isinstance(root_obj, dict) else None
    return locations.data_dir(data)


def today() -> dt.date:
    return locations.today()


def parse_date(text: str, option: str) -> dt.date:
    """A date as the TUI accepts it (2026-11-27, 11-27, 1127, 今天 …), or a one-line error."""
    from branchtui.domain.dates import DateParseError
    from branchtui.domain.dates import parse_date as parse_text

    try:
        return parse_text(text, today())
    except DateParseError as exc:
        raise UserError(f"{option} 的日期无效（{text}）：{exc.message}") from None


def fail(message: str) -> NoReturn:
    raise UserError(message)


def say(text: str) -> None:
    typer.echo(text)


def say_json(doc: Any) -> None:
    """Print ``doc`` as indented JSON with Chinese kept readable (``--json`` options)."""
    import orjson  # only the commands that print JSON need it

    say(orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode("utf-8"))


def _data_arg(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--data" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--data="):
            return arg.split("=", 1)[1]
    return None


def _error(line: str) -> int:
    print(line, file=sys.stderr)
    return 1


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on ``argv`` and return the exit code; never lets a traceback reach the user."""
    args = list(sys.argv[1:] if argv is None else argv)
    install_help_formatter()
    command = get_command(app)
    try:
        result: Any = command.main(args=args, prog_name="branchtui", standalone_mode=False)
    except UsageError as exc:
        return _error(usage_error_line(exc))
    except (UserError, StoreError) as exc:
        return _error(exc.message)
    except ClickException as exc:
        return _error(f"操作失败：{exc.format_message()}")
    except (Abort, KeyboardInterrupt):
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: silence the flush at exit, as the Python docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        if is_disk_full(exc):
            return _error(disk_full_error(exc).message)
        return report_crash(exc, args)
    except Exception as exc:
        return report_crash(exc, args)
    return result if isinstance(result, int) else 0


def report_crash(exc: BaseException, args: list[str]) -> int:
    """One Chinese line naming the log file that holds the traceback; exit code 1."""
    return _error(crash_line(exc, write_crash_log(exc, args, _data_arg(args))))


def main() -> NoReturn:
    sys.exit(run())
