"""The `branchtui` command line: bare `branchtui` opens the TUI, commands do batch work.

Adding a command: write a module here (e.g. ``todo.py``) that does
``from branchtui.cli.app import app`` (or ``sub_app`` for a group such as ``report``, then
``app.add_typer(report_app, name="report")``; ``import members`` goes on ``import_app``) and
decorates its functions with ``@app.command(short_help="短说明", help="中文说明")``; take
``data: DataOption = None`` and ``ctx: typer.Context`` and get the folder with
``folder_of(ctx, data)``; dates through ``parse_date(text, "--on")``; raise ``UserError``/call ``fail()`` for a
user's mistake (one Chinese line, exit 1). Then add one import line below. Keep Textual out of
batch commands: import heavy things inside the function, with a one-line reason.
"""

from __future__ import annotations

from branchtui.cli.app import main, run

# Command modules register themselves on `app` when imported; import order is help order.
# isort: off
from branchtui.cli import setup_commands
from branchtui.cli import data_commands
from branchtui.cli import bundle_commands
from branchtui.cli import roster_import
from branchtui.cli import todo
from branchtui.cli import report
from branchtui.cli import check
from branchtui.cli import minutes

# isort: on

COMMAND_MODULES = (
    setup_commands,
    data_commands,
    bundle_commands,
    roster_import,
    todo,
    report,
    check,
    minutes,
)

__all__ = ["COMMAND_MODULES", "main", "run"]
