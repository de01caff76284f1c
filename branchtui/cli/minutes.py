"""`branchtui minutes RECORD_ID`: render one meeting's minutes again (Markdown in minutes/)."""

from __future__ import annotations

from typing import Annotated

import typer

from branchtui.cli.app import DataOption, app, folder_of, say


@app.command(
    short_help="重新生成一次会议的会议记录",
    help=(
        "按会议记录编号（或其前至少6位）重新生成该次会议的 Markdown 会议记录，"
        "写到数据目录 minutes/年份/ 下；数据目录 templates/minutes/ 中有同名模板时使用该模板。"
        "编号可用 branchtui check records 或导出的数据包查到。"
    ),
)
def minutes(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="记录编号", help="会议记录的编号")],
    data: DataOption = None,
) -> None:
    # Templates and the store load only for this command.
    from branchtui.storage.minutes import write_minutes
    from branchtui.storage.store import Store

    written = write_minutes(Store.open(folder_of(ctx, data)), record_id.strip())
    say(f"已生成会议记录：{written.path}")
